#!/bin/sh
# Limits and who may connect: socket mode and folder checks, peer
# credentials, allow lists, client cap, idle timeout, line and wildcard limits.
. "$(dirname "$0")/lib.sh"

python3 -c '
import sys
print("Many words " + " ".join("zq%04d" % i for i in range(1500)))' > "$CORPUS/many.txt"
check "index corpus" index -q "$CORPUS"

start_daemon --max-clients 3 --idle-timeout 1 --max-line 2000 || exit 1
expect_eq "the socket is created 0600" 600 "$(stat -c %a "$SOCK")"
grep -q "connect pid=[0-9]* uid=$(id -u) gid=$(id -g)" "$TMP/daemon.log" && ok "peer credentials are logged" || not_ok "peer credentials are logged" "$(tail -3 "$TMP/daemon.log")"

expect_eq "prefix* expands" "$(ids '"sleeper cells"')" "$(ids 'sleep* cells')"
expect_rc "too many expansions search the most frequent" 0 seek --ids --limit 10000 'zq*'
expect_eq "the document holding them is found" many "$(cat "$TMP/out")"
grep -q "^seek: warning: 'zq\*' stands for more than 1000 words: searched with the 1000 most frequent" "$TMP/err" && ok "and a warning says so" || not_ok "and a warning says so" "$(cat "$TMP/err")"
wide=$(python3 -c 'print(" OR ".join(["date:1900-01-02..2100-12-30"] * 40))')
expect_rc "filters expanding past the term budget are an error" 2 seek "$wide"
grep -q "more than 2000 terms" "$TMP/err" && ok "at once, with a message" || not_ok "at once, with a message" "$(cat "$TMP/err")"

got=$(python3 -c 'import sys; sys.stdout.write("{\"op\":\"search\",\"q\":\"" + "a " * 1500 + "\"}\n")' | raw)
case $got in *line_too_long*"2000 bytes"*) ok "--max-line is enforced" ;; *) not_ok "--max-line is enforced" "$got" ;; esac
got=$(python3 -c 'import sys; sys.stdout.write("{\"op\":\"search\",\"q\":\"csto\",\"id\":1}\n" + "x" * 3000 + "\n{\"op\":\"ping\"}\n")' \
      | raw --lines 2 --no-shutdown | python3 -c '
import json, sys
print(",".join(json.loads(l).get("error", {}).get("code", "ok") for l in sys.stdin))')
expect_eq "requests before an oversized line are answered first, in order" "ok,line_too_long" "$got"

# A client that sends but never reads is closed after the idle timeout too.
out=$(python3 - "$SOCK" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
s.setblocking(False)
req = b'{"op":"search","q":"csto","limit":10000}\n' * 400
sent = 0
t0 = time.time()
while time.time() - t0 < 15:
    try:
        sent += s.send(req[sent:] or b"\n")
    except BlockingIOError:
        time.sleep(0.05)
    except (BrokenPipeError, ConnectionResetError):
        print("closed"); break
else:
    print("still open")
PY
)
expect_eq "a client that never reads its answers is closed when idle" closed "$out"
grep -q "idle_close.*unread=[1-9]" "$TMP/daemon.log" && ok "and the log says so" || not_ok "and the log says so" "$(grep idle_close "$TMP/daemon.log" | tail -2)"

# Idle connections are closed; the cap counts live connections only.
out=$(python3 - "$SOCK" <<'PY'
import socket, sys, time, json
path = sys.argv[1]
held = []
for i in range(3):
    s = socket.socket(socket.AF_UNIX); s.connect(path); held.append(s)
time.sleep(0.2)
s = socket.socket(socket.AF_UNIX); s.connect(path); s.settimeout(5)
busy = json.loads(s.recv(4096).decode().splitlines()[0])["error"]["code"]
t0 = time.time()
held[0].settimeout(10)
eof = held[0].recv(1) == b""
print(busy, eof and time.time() - t0 < 5)
PY
)
expect_eq "past --max-clients a client gets busy; idle ones are closed" "busy True" "$out"
sleep 1.5
check "after the idle ones are gone, clients are served again" seek --ping
stop_daemon

mkdir "$TMP/open"; chmod 777 "$TMP/open"
"$BIN/seekd" --index "$INDEX" --socket "$TMP/open/s.sock" 2>"$TMP/err"
expect_eq "a socket folder writable by others is refused" 2 $?
grep -q "writable by other users" "$TMP/err" && ok "and the refusal says why" || not_ok "and the refusal says why" "$(cat "$TMP/err")"

if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
    chmod 711 "$TMP"
    as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
    start_daemon --socket-mode 0666 --allow-uid root || exit 1
    expect_eq "--socket-mode sets the mode" 666 "$(stat -c %a "$SOCK")"
    as_nobody "$BIN/seek" --socket "$SOCK" --ping >"$TMP/out" 2>"$TMP/err"
    expect_eq "a user not in --allow-uid is refused" 2 $?
    grep -q "forbidden" "$TMP/err" && ok "with code forbidden" || not_ok "with code forbidden" "$(cat "$TMP/err")"
    check "the daemon's own user may always query" seek --ping
    stop_daemon
    start_daemon --socket-mode 0660 --socket-group nogroup || exit 1
    expect_eq "--socket-group sets the group" "660 nogroup" "$(stat -c '%a %G' "$SOCK")"
    stop_daemon
    start_daemon --socket-mode 0666 --allow-gid nogroup || exit 1
    as_nobody "$BIN/seek" --socket "$SOCK" --ping >/dev/null 2>&1 && ok "--allow-gid admits a group" || not_ok "--allow-gid admits a group"
    stop_daemon
    start_daemon || exit 1
    as_nobody "$BIN/seek" --socket "$SOCK" --ping >/dev/null 2>"$TMP/err"
    expect_eq "other users cannot open a 0600 socket" 2 $?
    stop_daemon
else
    ok "# skip: checks across users need root and setpriv"
fi
finish
