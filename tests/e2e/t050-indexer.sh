#!/bin/sh
# seekd-index: legacy bytes, failures and exit codes, the lock, quiet mode.
. "$(dirname "$0")/lib.sh"

expect_rc "no corpus folder is an error" 2 index
expect_rc "a missing corpus folder is fatal" 2 index "$TMP/none"
grep -q "$TMP/none" "$TMP/err" && ok "and is named" || not_ok "and is named" "$(cat "$TMP/err")"

out=$(index -q "$CORPUS" 2>&1)
expect_eq "-q prints nothing" "" "$out"

# Windows-1252 bytes and invalid UTF-8: indexed, never dropped (a NUL byte
# would make it not text: t190-encodings.sh).
printf 'Legacy\nCaf\351 in Du\232anbe, \223quoted\224 \201end\n' > "$CORPUS/legacy.txt"
printf 'not indexed' > "$CORPUS/notes.md"
truncate -s 300M "$CORPUS/huge.txt"
index "$CORPUS" >"$TMP/out" 2>"$TMP/err"
expect_eq "a file over --max-file-size is skipped, no failure (exit 0)" 0 $?
grep -q "huge.txt: 300 MiB, more than --max-file-size (64 MiB); skipped" "$TMP/err" && ok "the skipped file is named" || not_ok "the skipped file is named" "$(cat "$TMP/err")"
rm "$CORPUS/huge.txt"
printf 'Zanzibar\n' > "$CORPUS/$(printf 'caf\351').txt"
index "$CORPUS" >"$TMP/out" 2>"$TMP/err"
expect_eq "a file name that is not UTF-8 fails the run with exit 1" 1 $?
grep -q "not valid UTF-8; rename the file" "$TMP/err" && ok "and is named" || not_ok "and is named" "$(cat "$TMP/err")"
rm "$CORPUS/$(printf 'caf\351').txt"
expect_rc "the next clean run exits 0" 0 index "$CORPUS"

start_daemon || exit 1
expect_eq "cp1252 é found as e" "legacy" "$(ids cafe)"
expect_eq "cp1252 š found as s" "legacy" "$(ids dusanbe)"
expect_eq "text after an undefined byte indexed" "legacy" "$(ids '"quoted end"')"
expect_eq "non-.txt files are not indexed" "" "$(ids indexed)"
snip=$(seek --json cafe | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["snippet"])')
case $snip in *"Café in Dušanbe"*) ok "snippet shows the decoded text" ;; *) not_ok "snippet shows the decoded text" "$snip" ;; esac

# A second indexer meets the lock: exit 75 at once, or wait with --wait.
mkfifo "$TMP/hold"
"$HELPERS/hold_lock" "$INDEX" < "$TMP/hold" > "$TMP/holder.out" &
holder=$!
exec 9>"$TMP/hold"
i=0; while [ ! -s "$TMP/holder.out" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
expect_rc "a busy index gives exit 75" 75 index "$CORPUS"
grep -q "another indexer" "$TMP/err" && ok "and says why" || not_ok "and says why" "$(cat "$TMP/err")"
expect_rc "--wait gives up after its time" 75 index --wait 0.3 "$CORPUS"
( sleep 0.5; exec 9>&- ) &
exec 9>&-
expect_rc "--wait succeeds once the lock is free" 0 index --wait 20 "$CORPUS"
wait "$holder"
check "the daemon still answers" seek --ping
stop_daemon
finish
