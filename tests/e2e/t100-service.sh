#!/bin/sh
# Running as a service: the config file (flags override it, errors name the
# line) and systemd socket activation (the passed socket is served and left
# in place on exit).
. "$(dirname "$0")/lib.sh"

check "index corpus" index -q "$CORPUS"

printf '# seekd settings\nmax-clients = 2\nthreads=1\n\nbogus = 3\n' > "$TMP/bad.conf"
"$BIN/seekd" --config "$TMP/bad.conf" 2>"$TMP/err"
expect_eq "an unknown key is an error" 2 $?
grep -q "bad.conf:5: unknown key 'bogus'" "$TMP/err" && ok "naming the line" || not_ok "naming the line" "$(cat "$TMP/err")"
printf 'idle-timeout = soon\n' > "$TMP/bad.conf"
"$BIN/seekd" --config "$TMP/bad.conf" 2>"$TMP/err"
expect_eq "a bad value is an error" 2 $?
grep -q "bad.conf:1: bad value for idle-timeout" "$TMP/err" && ok "naming the key" || not_ok "naming the key" "$(cat "$TMP/err")"
"$BIN/seekd" --config "$TMP/missing.conf" 2>"$TMP/err"
expect_eq "a missing --config file is an error" 2 $?

printf 'index = %s\nsocket = %s/wrong.sock\nthreads = 1\n' "$INDEX" "$TMP" > "$TMP/seekd.conf"
start_daemon --config "$TMP/seekd.conf" || exit 1
check "the file's index is used, the flag's socket wins" seek --ping
check "no socket where the file said" test ! -e "$TMP/wrong.sock"
stop_daemon

# Socket activation: a listening socket on fd 3, LISTEN_PID = the daemon's pid.
python3 - "$BIN/seekd" "$INDEX" "$TMP/act.sock" "$TMP/act.pid" 2>>"$TMP/daemon.log" <<'PY' &
import os, socket, sys
seekd, index, path, pidfile = sys.argv[1:5]
s = socket.socket(socket.AF_UNIX)
s.bind(path); s.listen(16)
pid = os.fork()
if pid == 0:
    if s.fileno() != 3:
        os.dup2(s.fileno(), 3)   # dup2 leaves the copy inheritable
    else:
        os.set_inheritable(3, True)
    os.environ["LISTEN_FDS"] = "1"
    os.environ["LISTEN_PID"] = str(os.getpid())
    os.execv(seekd, [seekd, "--index", index, "--socket", path + ".unused"])
open(pidfile, "w").write(str(pid))
os.waitpid(pid, 0)
PY
launcher=$!
i=0; while ! "$BIN/seek" --socket "$TMP/act.sock" --ping >/dev/null 2>&1 && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
expect_eq "an activated daemon serves the passed socket" 5 "$("$BIN/seek" --socket "$TMP/act.sock" --ids csto | wc -l)"
check "and creates no socket of its own" test ! -e "$TMP/act.sock.unused"
grep -q "activated fd=3" "$TMP/daemon.log" && ok "the log says it was activated" || not_ok "the log says it was activated"
kill -TERM "$(cat "$TMP/act.pid")"
wait $launcher
check "on exit the passed socket stays (it is systemd's)" test -S "$TMP/act.sock"
finish
