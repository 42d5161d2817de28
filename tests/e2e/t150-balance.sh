#!/bin/sh
# Balance: connections that arrive together are spread over the serving
# threads (each goes to the thread with the fewest), every one answered
# right on its own thread; the client cap still holds, and stopping while
# clients pour in is clean.
. "$(dirname "$0")/lib.sh"

check "index corpus" index -q "$CORPUS"

burst() { python3 "$ROOT/tests/e2e/burst.py" "$SOCK" "$@"; }

# per_thread FROM: the "connect" lines of the log from line FROM on, counted per
# thread, the counts in increasing order ("4 4": two threads, four each).
per_thread() {
    tail -n +"$1" "$TMP/daemon.log" | sed -n 's/.* seekd connect .* thread=\([0-9]*\)$/\1/p' \
        | sort | uniq -c | awk '{print $1}' | sort -n | paste -sd' ' -
}

# The answers each burst connection must get (connection k asks query k mod
# 3); $queries is split into one argument per query below.
start_daemon --threads 1 || exit 1
queries="csto=$(ids csto) rahmon=$(ids rahmon) security=$(ids security)"
stop_daemon

for case in "1 8" "2 4 4" "3 2 3 3"; do
    n=${case%% *} want=${case#* }
    start_daemon --threads "$n" || exit 1
    sleep 0.3   # start_daemon's ping has hung up: every thread holds none
    from=$(($(wc -l <"$TMP/daemon.log") + 1))
    expect_eq "--threads $n: 8 connections opened at once are all answered right" \
        "ok=8 busy=0 bad=0" "$(burst 8 $queries)"
    expect_eq "--threads $n: they are spread evenly over the threads" "$want" "$(per_thread "$from")"
    stop_daemon
done

start_daemon --threads 2 --max-clients 3 || exit 1
sleep 0.3
expect_eq "past --max-clients the extra connections of a burst get busy" \
    "ok=3 busy=2 bad=0" "$(burst 5 $queries)"
# Every connection is uncounted when it closes, on whichever thread: once
# the burst has gone, as many as the cap are served at once again.
i=0
until got=$(burst 3 $queries) && [ "$got" = "ok=3 busy=0 bad=0" ] || [ $i -ge 30 ]; do
    sleep 0.1; i=$((i + 1))
done
expect_eq "then a burst as large as the cap is served again" "ok=3 busy=0 bad=0" "$got"
stop_daemon

# Stopping while connections keep arriving (some handed to another thread,
# not yet opened there): a clean exit, nothing leaked (under SANITIZE=1).
start_daemon --threads 3 || exit 1
python3 - "$SOCK" <<'PY' &
import socket, sys, time
end = time.time() + 3
held = []
while time.time() < end:
    try:
        s = socket.socket(socket.AF_UNIX)
        s.connect(sys.argv[1])
        s.sendall(b'{"op":"ping"}\n')
        held.append(s)
    except OSError:
        break   # the daemon has stopped
    if len(held) >= 200:
        for s in held:
            s.close()
        held = []
PY
churn=$!
sleep 0.5
stop_daemon
wait $churn
finish
