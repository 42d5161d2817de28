#!/bin/sh
# Runs every fuzz target once over each input in tests/fuzz/regressions/, so
# that inputs which once crashed a target stay regression tests. Used by
# `make fuzz-regress`; FUZZ_BIN names the folder of the built targets.
set -u
cd "$(dirname "$0")/../.."
bin=${FUZZ_BIN:-build/fuzz}
dir=tests/fuzz/regressions
targets="fuzz_proto fuzz_query fuzz_text fuzz_dates fuzz_entities fuzz_charset fuzz_frame"

inputs=
for f in "$dir"/*; do
    [ -f "$f" ] || continue
    case ${f##*/} in README*) continue ;; esac
    inputs="$inputs $f"
done
if [ -z "$inputs" ]; then
    echo "fuzz-regress: no inputs in $dir"
    exit 0
fi

fail=0
for t in $targets; do
    if [ ! -x "$bin/$t" ]; then
        echo "fuzz-regress: $bin/$t is missing (make fuzz-build)" >&2
        exit 2
    fi
    log=$bin/$t.replay.log
    # shellcheck disable=SC2086  # the input paths hold no spaces
    if UBSAN_OPTIONS=print_stacktrace=1 "$bin/$t" -timeout=10 $inputs >"$log" 2>&1; then
        echo "ok    $t"
    else
        fail=1
        echo "FAIL  $t on $(sed -n 's/^Running: //p' "$log" | tail -n 1) (log $log):"
        grep -E '^(==[0-9]+==ERROR|SUMMARY)|runtime error|Assertion|^ +#[0-9]+ ' "$log" \
            | grep -v -e ' in fuzzer::' -e __sanitizer_print_stack_trace -e libc_start -e ' in _start ' -e 'libc.so' -e nptl/ -e stdlib/abort -e assert/assert.c \
            | head -n 30 | awk 1
    fi
done
exit $fail
