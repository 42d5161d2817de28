#!/bin/sh
# Reindexing while the daemon serves: edits, removals and additions show up
# without a restart; SIGHUP reopens; stale and live sockets are told apart.
. "$(dirname "$0")/lib.sh"

A=000_26b1c25252f2a5d8 B=001_c81778ca1d1bf765 D=003_8535bf958c1bff71

check "index corpus" index -q "$CORPUS"
start_daemon || exit 1
rev1=$(seek --json --stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["revision"])')
expect_eq "before: nothing says zanzibarite" "" "$(ids zanzibarite)"

printf '\nA zanzibarite delegation arrived.\n' >> "$CORPUS/$A.txt"
rm "$CORPUS/$D.txt"
mkdir -p "$CORPUS/new/deeper"
printf 'Zanzibarite notes\nThe sleeper cells were discussed again.\n' > "$CORPUS/new/deeper/n1.txt"
out=$(index "$CORPUS")
expect_eq "summary line counts each kind" "1 added, 1 updated, 1 removed, 3 unchanged, 0 failed" "${out% in *}"

expect_eq "edited document found by its new word" "$A,new/deeper/n1" "$(ids zanzibarite)"
expect_eq "removed document gone, added one found by a nested id" "new/deeper/n1" "$(ids '"sleeper cells"')"
rev2=$(seek --json --stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["revision"])')
[ "$rev2" -gt "$rev1" ] && ok "revision grew ($rev1 -> $rev2)" || not_ok "revision grew" "$rev1 -> $rev2"
title=$(seek --json zanzibarite | python3 -c 'import json,sys; print([h["title"] for h in json.load(sys.stdin)["hits"] if h["id"]=="new/deeper/n1"][0])')
expect_eq "title is the first non-empty line" "Zanzibarite notes" "$title"

out=$(index "$CORPUS")
expect_eq "a second run changes nothing" "0 added, 0 updated, 0 removed, 5 unchanged, 0 failed" "${out% in *}"
touch "$CORPUS/$B.txt"
out=$(index "$CORPUS")
expect_eq "a touched but identical file counts as unchanged" "0 added, 0 updated, 0 removed, 5 unchanged, 0 failed" "${out% in *}"
out=$(index --full "$CORPUS")
expect_eq "--full rewrites every document" "0 added, 5 updated, 0 removed, 0 unchanged, 0 failed" "${out% in *}"
expect_eq "answers unchanged after --full" "$A,new/deeper/n1" "$(ids zanzibarite)"

kill -HUP "$DAEMON_PID"
check "daemon answers after SIGHUP" seek --ping
expect_eq "and sees the index after SIGHUP" "$A,new/deeper/n1" "$(ids zanzibarite)"

# An index from another version of the indexer (its format mark differs):
# a clear error rather than hits without ids, then a full rewrite.
xapian-metadata set "$INDEX" seekd.format 0
seek zanzibarite >"$TMP/out" 2>"$TMP/err"
expect_eq "an index of another format version is an error" 2 $?
grep -q "another version of seekd-index" "$TMP/err" && ok "which says to run seekd-index" \
    || not_ok "which says to run seekd-index" "$(cat "$TMP/err")"
index "$CORPUS" >"$TMP/out" 2>"$TMP/err"
grep -q "rewriting every document" "$TMP/err" && ok "the indexer says it rewrites everything" \
    || not_ok "the indexer says it rewrites everything" "$(cat "$TMP/err")"
expect_eq "and does" "0 added, 5 updated, 0 removed, 0 unchanged, 0 failed" "$(sed 's/ in .*//' "$TMP/out")"
expect_eq "answers are back" "$A,new/deeper/n1" "$(ids zanzibarite)"

"$BIN/seekd" --index "$INDEX" --socket "$SOCK" 2>"$TMP/second.log"
expect_eq "a second daemon on a live socket is refused" 2 $?
grep -q "already serving" "$TMP/second.log" && ok "refusal says why" || not_ok "refusal says why" "$(cat "$TMP/second.log")"

kill -KILL "$DAEMON_PID"; wait "$DAEMON_PID" 2>/dev/null; DAEMON_PID=
check "a killed daemon leaves its socket file" test -S "$SOCK"
start_daemon && ok "a stale socket is replaced" || not_ok "a stale socket is replaced"
stop_daemon

echo "not a socket" > "$TMP/file.sock"
"$BIN/seekd" --index "$INDEX" --socket "$TMP/file.sock" 2>"$TMP/err"
expect_eq "a path that is not a socket is refused" 2 $?
expect_eq "and left alone" "not a socket" "$(cat "$TMP/file.sock")"
long=$TMP/$(printf '%0120d' 0).sock
"$BIN/seekd" --index "$INDEX" --socket "$long" 2>"$TMP/err"
expect_eq "an over-long socket path is refused" 2 $?
finish
