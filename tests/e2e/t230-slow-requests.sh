#!/bin/sh
# Slow requests: one that runs past --slow-ms leaves its serving thread's
# other connections to a spare thread, so they are answered while it runs;
# its own connection's answers stay in request order. A request is made
# slow by its size (every hit of a word all documents share, with snippets
# and facets), and only the order in which answers arrive is checked.
. "$(dirname "$0")/lib.sh"

# A corpus of its own: 3000 documents that all say "common".
rm -rf "$CORPUS"
mkdir -p "$CORPUS"
python3 - "$CORPUS" <<'PY'
import random, sys
random.seed(7)
words = "security council minister border talks summit agreement region defence treaty".split()
for i in range(3000):
    with open("%s/d%05d.txt" % (sys.argv[1], i), "w") as f:
        f.write("Report %d on common matters\n" % i)
        for p in range(6):
            f.write(" ".join(random.choice(words) for _ in range(40)))
            f.write(" common ground in Moscow and Minsk.\n")
PY
check "index the corpus" index -q "$CORPUS"

iso() { m=$1; shift; python3 "$ROOT/tests/e2e/isolate.py" "$m" "$SOCK" common '"report 17"' "$@"; }
before() { sed -n 's/^fast_before_slow=\([0-9]*\) .*/\1/p' "$TMP/iso"; }

# One serving thread, so that every connection shares it with the slow one.
start_daemon --threads 1 || exit 1
expect_eq "pipelined fast and slow requests are answered in request order" \
    "1:ok 2:ok 3:ok 4:ok 5:ok 6:ok" "$(iso order)"
iso others >"$TMP/iso"
expect_eq "the slow request is answered in full" "slow_ok=True hits=3000" "$(cut -d' ' -f2- "$TMP/iso")"
n=$(before)
if [ "${n:-0}" -ge 2 ]; then ok "another connection's fast requests are answered while it runs ($n)"
else not_ok "another connection's fast requests are answered while it runs" "$(cat "$TMP/iso")"; fi
# The thread left with a slow request ends once it is answered and a new
# spare takes its place: the next slow requests find one, and the daemon
# keeps as many threads as it started with.
threads() { ls "/proc/$DAEMON_PID/task" | wc -l; }
started=$(threads)
for round in 2 3; do
    iso others >"$TMP/iso"
    n=$(before)
    if [ "${n:-0}" -ge 2 ]; then ok "slow request $round: a spare thread is there again ($n)"
    else not_ok "slow request $round: a spare thread is there again" "$(cat "$TMP/iso")"; fi
done
tries=0
while [ "$(threads)" -ne "$started" ] && [ $tries -lt 50 ]; do sleep 0.1; tries=$((tries + 1)); done
expect_eq "as many threads as before the slow requests" "$started" "$(threads)"
stop_daemon

# A request the daemon does not foresee as slow (every id alone, of a word
# all documents have ORed with four prefixes of a thousand numbers each) is
# noticed by the watchdog past --slow-ms.
start_daemon --threads 1 --slow-ms 1 || exit 1
python3 "$ROOT/tests/e2e/isolate.py" ids "$SOCK" "common OR 1* OR 2* OR 3* OR 4*" \
    '"report 17"' >"$TMP/iso"
expect_eq "an all-ids request is answered in full" "slow_ok=True hits=3000" "$(cut -d' ' -f2- "$TMP/iso")"
n=$(before)
if [ "${n:-0}" -ge 1 ]; then ok "past --slow-ms, another connection is answered while it runs ($n)"
else not_ok "past --slow-ms, another connection is answered while it runs" "$(cat "$TMP/iso")"; fi
expect_eq "clients hanging up with slow requests out cost the others nothing" \
    "answered=5" "$(iso hangup)"
expect_eq "after all that, pipelining still answers in order" \
    "1:ok 2:ok 3:ok 4:ok 5:ok 6:ok" "$(iso order)"
stop_daemon

# Without spare threads a slow request holds up its thread, as the test
# above would see.
start_daemon --threads 1 --spare-threads 0 || exit 1
iso others >"$TMP/iso"
n=$(before)
if [ "${n:-9}" -le 1 ]; then ok "--spare-threads 0: the other connection waits ($n)"
else not_ok "--spare-threads 0: the other connection waits" "$(cat "$TMP/iso")"; fi
expect_eq "--spare-threads 0: answers still in request order" \
    "1:ok 2:ok 3:ok 4:ok 5:ok 6:ok" "$(iso order)"
stop_daemon

# SIGTERM while the slow request runs off its loop: it is still answered,
# and the daemon exits cleanly once it is.
start_daemon --threads 1 || exit 1
iso others "$DAEMON_PID" >"$TMP/iso"
expect_eq "SIGTERM while a slow request is out: it is still answered" \
    "slow_ok=True hits=3000" "$(cut -d' ' -f2- "$TMP/iso")"
wait "$DAEMON_PID"
expect_eq "then the daemon exits 0" 0 "$?"
DAEMON_PID=
check "and removes its socket" test ! -e "$SOCK"
if grep -q -e AddressSanitizer -e 'runtime error:' -e LeakSanitizer "$TMP/daemon.log"; then
    not_ok "no sanitizer report" "$(grep -m3 -e AddressSanitizer -e 'runtime error:' "$TMP/daemon.log")"
else
    ok "no sanitizer report"
fi

expect_rc "--slow-ms 0 is refused" 2 "$BIN/seekd" --socket "$SOCK" --slow-ms 0
expect_rc "--spare-threads takes a number" 2 "$BIN/seekd" --socket "$SOCK" --spare-threads many
finish
