#!/bin/sh
# Reindexing under sustained query load: six clients (half of them pipelining)
# query without pause while the indexer, run as cron would, adds, changes and
# removes documents round after round. Every answer must be ok and show one
# committed round, never a mixture; each commit must be visible at once; the
# daemon's memory must stay flat. Corpus and checks: load.py.
. "$(dirname "$0")/lib.sh"

ROUNDS=25
LOAD="$ROOT/tests/e2e/load.py"
# The interpreter itself, not a version-manager wrapper that costs a second a start.
PY=$(python3 -c 'import sys; print(sys.executable)')
LOAD_PID= IDX2_PID=
cleanup_load() {
    for p in $LOAD_PID $IDX2_PID; do kill -KILL "$p" 2>/dev/null; { wait "$p"; } 2>/dev/null; done
    cleanup
}
trap cleanup_load EXIT

# A sanitizer build holds freed memory in a quarantine of up to 256 MB, which
# would look like growth: keep it small so the memory check means the same.
export ASAN_OPTIONS="$ASAN_OPTIONS:quarantine_size_mb=16"
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$DAEMON_PID/status"; }

rm -rf "$CORPUS" && mkdir "$CORPUS"
"$PY" "$LOAD" state "$CORPUS" 0
check "index round 0" index -q "$CORPUS"
start_daemon || exit 1
check "the daemon serves round 0" "$PY" "$LOAD" verify "$SOCK" 0

"$PY" "$LOAD" clients "$SOCK" "$ROUNDS" "$TMP/stop" --clients 6 --seconds 150 \
    >"$TMP/load.json" 2>"$TMP/load.err" &
LOAD_PID=$!
sleep 0.5
rss_start=$(rss)

bad_rc= bad_state= rounds=0
for k in $(seq 1 "$ROUNDS"); do
    "$PY" "$LOAD" state "$CORPUS" "$k"
    # Every fifth round cron starts a second run at the same moment: it waits
    # for the lock, then finds nothing left to do.
    if [ $((k % 5)) -eq 0 ]; then
        "$BIN/seekd-index" --index "$INDEX" -q --wait 30 "$CORPUS" 2>"$TMP/idx2.err" &
        IDX2_PID=$!
    fi
    index -q --wait 30 "$CORPUS" 2>"$TMP/idx.err"
    rc=$?
    [ $rc -eq 0 ] || bad_rc="${bad_rc:-round $k: exit $rc: $(head -c 200 "$TMP/idx.err")}"
    if [ -n "$IDX2_PID" ]; then
        wait "$IDX2_PID"
        rc=$?
        IDX2_PID=
        [ $rc -eq 0 ] || bad_rc="${bad_rc:-round $k, second run: exit $rc: $(head -c 200 "$TMP/idx2.err")}"
    fi
    if ! "$PY" "$LOAD" verify "$SOCK" "$k" >"$TMP/verify.out" 2>&1; then
        bad_state="${bad_state:-round $k: $(head -c 400 "$TMP/verify.out")}"
    fi
    rounds=$k
    sleep 0.2
done
rss_end=$(rss)
kill -0 "$LOAD_PID" 2>/dev/null && ok "the clients were still querying after the last round" \
    || not_ok "the clients were still querying after the last round" "$(head -c 400 "$TMP/load.err")"
touch "$TMP/stop"
wait "$LOAD_PID"
LOAD_PID=

expect_eq "every indexer run exits 0 ($rounds rounds)" "" "$bad_rc"
expect_eq "after each run the daemon serves exactly that round: new, changed and removed documents" "" "$bad_state"

summary() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$TMP/load.json" "$1" 2>/dev/null; }
queries=$(summary queries) failures=$(summary failures)
echo "# queries: ${queries:-?}, failures: ${failures:-?}, rounds: $rounds, rounds seen by clients: $(summary rounds_seen), in $(summary seconds) s"
echo "# query kinds: $(summary kinds)"
[ "${queries:-0}" -gt 1000 ] && ok "the clients answered $queries queries" \
    || not_ok "the clients answered many queries" "$(head -c 400 "$TMP/load.err")"
expect_eq "no failed or inconsistent answer" 0 "${failures:-?}"
[ "${failures:-0}" = 0 ] || summary samples | head -c 2000 | sed 's/^/#   /'

echo "# daemon VmRSS: ${rss_start:-?} kB at the start of the load, ${rss_end:-?} kB at the end"
if [ -n "$WRAP" ]; then
    ok "daemon memory stays flat # SKIP under valgrind, which checks leaks itself"
elif [ -n "$rss_start" ] && [ -n "$rss_end" ] && [ "$rss_end" -lt $((rss_start * 2 + 20480)) ]; then
    ok "daemon memory stays flat"
else
    not_ok "daemon memory stays flat" "$rss_start kB -> $rss_end kB"
fi

check "the daemon still answers" seek --ping
stop_daemon
finish
