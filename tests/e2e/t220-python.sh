#!/bin/sh
# contrib/python/seekd.py against the real daemon: its own unit tests, one
# ok line each.
. "$(dirname "$0")/lib.sh"

check "index corpus" index -q "$CORPUS"
start_daemon || exit 1

SEEKD_SOCKET=$SOCK BIN=$BIN python3 "$ROOT/contrib/python/test_seekd.py" > "$TMP/py" 2>&1
rc=$?
sed -n 's/^\(test_[a-z_]*\) .* \.\.\. ok$/ok - seekd.py \1/p' "$TMP/py"
grep -E '\.\.\. (FAIL|ERROR)' "$TMP/py" | sed 's/^/not ok - seekd.py /'
[ $rc -eq 0 ] && ok "seekd.py tests pass" || not_ok "seekd.py tests pass" "$(tail -n 30 "$TMP/py")"

stop_daemon
finish
