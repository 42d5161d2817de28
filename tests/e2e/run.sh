#!/bin/sh
# Runs every end-to-end script and sums their counts into one closing line.
set -u
dir=$(dirname "$0")
passed=0 failed=0
for t in "$dir"/t[0-9]*.sh; do
    echo "== $(basename "$t")"
    out=$(sh "$t" 2>&1); rc=$?
    printf '%s\n' "$out"
    p=$(printf '%s\n' "$out" | grep -c '^ok - ')
    f=$(printf '%s\n' "$out" | grep -c '^not ok - ')
    passed=$((passed + p)); failed=$((failed + f))
    if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "not ok - $t exited $rc"; fi
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
