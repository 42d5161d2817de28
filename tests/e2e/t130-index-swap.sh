#!/bin/sh
# An index folder replaced whole by another one built elsewhere is served
# from the next request on, without SIGHUP and without an error: swapped by
# an atomic exchange (renameat2), then by two renames. Both builds are at
# revision 1, so a reader that merely reopened would see nothing new.
. "$(dirname "$0")/lib.sh"

D=003_8535bf958c1bff71
PY=$(python3 -c 'import sys; print(sys.executable)')
docs() { seek --json --stats | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["docs"])'; }

# exchange A B: swaps two paths in one step, as a bulk build would.
exchange() {
    "$PY" - "$1" "$2" <<'EOF'
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
AT_FDCWD, RENAME_EXCHANGE = -100, 2
if libc.renameat2(AT_FDCWD, os.fsencode(sys.argv[1]), AT_FDCWD, os.fsencode(sys.argv[2]),
                  RENAME_EXCHANGE) != 0:
    sys.exit(os.strerror(ctypes.get_errno()))
EOF
}

check "index A (the corpus)" index -q "$CORPUS"
mkdir "$TMP/other"
printf 'Quokka census\nThe quokka census on Rottnest counted quokkas.\n' > "$TMP/other/q1.txt"
check "index B (another corpus) in another folder" \
    "$BIN/seekd-index" -q --index "$TMP/b" "$TMP/other"
start_daemon || exit 1
expect_eq "A is served" "5" "$(docs)"
expect_eq "A answers" "$D" "$(ids '"sleeper cells"')"

check "swap A and B in one step" exchange "$INDEX" "$TMP/b"
expect_eq "B is served at the next request" "1" "$(docs)"
expect_eq "B answers" "q1" "$(ids quokka)"
expect_eq "nothing of A is left" "" "$(ids '"sleeper cells"')"
rm -rf "$TMP/b"
expect_eq "B still answers once A is deleted" "q1" "$(ids quokka)"

check "index A again in another folder" "$BIN/seekd-index" -q --index "$TMP/c" "$CORPUS"
check "move B away, then A in" sh -c 'mv "$1" "$2" && mv "$3" "$1"' sh "$INDEX" "$TMP/old" "$TMP/c"
expect_eq "A is served again" "5" "$(docs)"
expect_eq "A answers again" "$D" "$(ids '"sleeper cells"')"
rm -rf "$TMP/old"
check "and keeps answering" seek --ping
expect_eq "with A" "$D" "$(ids '"sleeper cells"')"

if grep -q "SIGHUP" "$TMP/daemon.log"; then not_ok "no SIGHUP was needed" "$(grep SIGHUP "$TMP/daemon.log")"
else ok "no SIGHUP was needed"; fi
if grep -qi "error" "$TMP/daemon.log"; then not_ok "the daemon logged no error" "$(grep -i -m3 error "$TMP/daemon.log")"
else ok "the daemon logged no error"; fi
stop_daemon
finish
