# Shared helpers for the end-to-end tests: a private temp folder with a copy
# of corpus/, the real daemon on a temp socket, the real client, and TAP-ish
# "ok"/"not ok" lines that run.sh counts. Sourced by each tNNN-*.sh script.
set -u

: "${BIN:?BIN must name the folder with seekd, seekd-index and seek}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d /tmp/seekd-e2e.XXXXXX)
SOCK=$TMP/s.sock
INDEX=$TMP/index
CORPUS=$TMP/corpus
DAEMON_PID=
PASSED=0
FAILED=0
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
unset SEEKD_SOCKET SEEKD_INDEX
# Sanitizer builds live in build/san/bin, away from data/: name the gazetteer.
export SEEKD_GAZETTEER="$ROOT/data/gazetteer.tsv"

cp -R "$ROOT/corpus" "$CORPUS"

cleanup() {
    if [ -n "$DAEMON_PID" ] && kill -0 "$DAEMON_PID" 2>/dev/null; then
        kill -KILL "$DAEMON_PID" 2>/dev/null
        wait "$DAEMON_PID" 2>/dev/null
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ok() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $1"; [ $# -gt 1 ] && printf '#   %s\n' "$2"; }

# check DESC CMD...: passes when CMD exits 0.
check() {
    desc=$1; shift
    if "$@" >"$TMP/out" 2>"$TMP/err"; then ok "$desc"; else not_ok "$desc" "$(head -c 400 "$TMP/err")"; fi
}

# expect_eq DESC WANT GOT
expect_eq() {
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "wanted [$2], got [$3]"; fi
}

# expect_rc DESC WANT CMD...: the exit status of CMD
expect_rc() {
    desc=$1 want=$2; shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    expect_eq "$desc" "$want" "$?"
}

seek() { "$BIN/seek" --socket "$SOCK" "$@"; }
index() { "$BIN/seekd-index" --index "$INDEX" "$@"; }

# ids QUERY...: matching ids, sorted, comma-separated.
ids() { seek --ids --limit 10000 "$@" | sort | paste -sd, -; }

# VALGRIND=1 runs the daemon under memcheck; stop_daemon then requires no
# errors and no definite leaks.
WRAP=
if [ "${VALGRIND:-}" = 1 ]; then
    WRAP="valgrind --quiet --log-file=$TMP/valgrind.log --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=99"
fi

start_daemon() {
    $WRAP "$BIN/seekd" --index "$INDEX" --socket "$SOCK" "$@" 2>>"$TMP/daemon.log" &
    DAEMON_PID=$!
    i=0
    while ! "$BIN/seek" --socket "$SOCK" --ping >/dev/null 2>&1; do
        i=$((i + 1))
        if [ $i -gt 1200 ] || ! kill -0 "$DAEMON_PID" 2>/dev/null; then
            echo "# the daemon did not start:"; sed 's/^/#   /' "$TMP/daemon.log"
            return 1
        fi
        sleep 0.05
    done
}

# stop_daemon: SIGTERM, then require a clean exit, a removed socket and no
# sanitizer report in the log.
stop_daemon() {
    kill -TERM "$DAEMON_PID"
    wait "$DAEMON_PID"
    rc=$?
    DAEMON_PID=
    expect_eq "daemon exits 0 on SIGTERM" 0 "$rc"
    check "socket removed on exit" test ! -e "$SOCK"
    if [ -n "$WRAP" ]; then
        if [ -s "$TMP/valgrind.log" ]; then not_ok "valgrind: no errors, no leaks" "$(head -c 1500 "$TMP/valgrind.log")"
        else ok "valgrind: no errors, no leaks"; fi
        rm -f "$TMP/valgrind.log"
    fi
    if grep -q -e AddressSanitizer -e 'runtime error:' -e LeakSanitizer "$TMP/daemon.log"; then
        not_ok "no sanitizer report" "$(grep -m3 -e AddressSanitizer -e 'runtime error:' -e LeakSanitizer "$TMP/daemon.log")"
    else
        ok "no sanitizer report"
    fi
}

# kill_build INDEX CORPUS: a first build of CORPUS into INDEX, in batches of
# 20, killed (SIGKILL) once it has written its second batch. Not through
# index(): the kill must reach the indexer itself.
kill_build() {
    "$BIN/seekd-index" -q --index "$1" --batch 20 "$2" &
    KPID=$!
    i=0
    until [ -e "$1.build/batch1" ] || [ $i -gt 600 ] || ! kill -0 $KPID 2>/dev/null; do
        i=$((i + 1)); sleep 0.02
    done
    kill -KILL $KPID 2>/dev/null
    wait $KPID 2>/dev/null
}

# raw: sends stdin to the socket byte for byte, prints every answer line.
raw() { python3 "$ROOT/tests/e2e/raw.py" "$SOCK" "$@"; }

finish() {
    echo "# $(basename "$0"): $PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}
