#!/bin/sh
# Health: seek --health exits 0 healthy, 1 degraded (the last run failed on
# files, or the index is older than --max-age), 2 unreadable; --ping only
# says the daemon answers. A damaged index is logged once, not per query,
# and seekd-index --rebuild repairs it while the daemon serves. A first
# build that is under way, or was killed, is told as such.
. "$(dirname "$0")/lib.sh"

health() { seek --health "$@" >"$TMP/health" 2>&1; echo $?; }
logged() { grep -c "seekd $1 " "$TMP/daemon.log"; }

index -q "$CORPUS"
start_daemon || exit 1
expect_eq "a good index is healthy (exit 0)" 0 "$(health)"
check "and says so" grep -q "^healthy: 5 documents, revision [0-9]*, last commit 20.*; last run: 5 added" "$TMP/health"
expect_eq "and within a generous --max-age" 0 "$(health --max-age 86400)"
seek --json --health > "$TMP/json"
expect_eq "the health op answers readable, with revision, age and last run" "True healthy True True True" \
    "$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(a["readable"], a["status"], a["revision"] > 0, a["age_seconds"] >= 0, a["last_run"]["added"] == 5)' "$TMP/json")"
expect_rc "--max-age alone is refused" 2 seek --max-age 5 csto
expect_rc "a negative --max-age is refused" 2 seek --health --max-age -1

# An index whose last commit is old is degraded past --max-age.
xapian-metadata set "$INDEX" seekd.last_run \
    '{"time":1000000000,"added":5,"updated":0,"removed":0,"unchanged":0,"skipped":0,"failed":0,"seconds":0.1}'
expect_eq "an old index is healthy without --max-age" 0 "$(health)"
expect_eq "and degraded past it (exit 1)" 1 "$(health --max-age 3600)"
check "saying why" grep -q "^  the last commit is [0-9]* s old, more than the 3600 s allowed" "$TMP/health"
# A run that failed on a file leaves the index degraded.
printf 'bad name\n' > "$CORPUS/$(printf 'bad\377name').txt"
index -q "$CORPUS" 2>/dev/null
expect_eq "after a run with a failed file: degraded (exit 1)" 1 "$(health)"
check "saying so" grep -q "^  the last indexer run failed on 1 file$" "$TMP/health"
rm "$CORPUS/$(printf 'bad\377name').txt"
index -q "$CORPUS"
expect_eq "a clean run makes it healthy again" 0 "$(health)"

# A damaged index: health says unreadable, queries fail, the log says it once.
truncate -s 100 "$INDEX/postlist.glass"
expect_eq "a damaged index is unreadable (exit 2)" 2 "$(health)"
check "health says to run --rebuild" grep -q "^unreadable: cannot read the index at $INDEX: .*seekd-index --rebuild --index $INDEX" "$TMP/health"
for i in 1 2 3 4 5 6; do seek csto >/dev/null 2>"$TMP/qerr"; done
check "queries fail with index_unavailable and the way out" grep -q "seekd-index --rebuild.*(index_unavailable)" "$TMP/qerr"
expect_eq "--ping still answers: the daemon lives" 0 "$(seek --ping >/dev/null 2>&1; echo $?)"
expect_eq "the daemon logs the damage once" 1 "$(logged index_unavailable)"
check "naming the index and the cause" grep -q "seekd index_unavailable index=$INDEX status=io_error error=\"cannot read" "$TMP/daemon.log"
expect_rc "the indexer refuses the damaged index" 2 index "$CORPUS"
cp "$TMP/err" "$TMP/said"
check "and says to run --rebuild" grep -q "seekd-index --rebuild --index $INDEX" "$TMP/said"
expect_rc "so does a --full run" 2 index --full "$CORPUS"

# --rebuild waits for, or refuses, an indexer holding the index.
mkfifo "$TMP/hold"
"$HELPERS/hold_lock" "$TMP/held" < "$TMP/hold" > "$TMP/holder.out" &
HOLDER=$!
exec 9>"$TMP/hold"
i=0; until grep -q locked "$TMP/holder.out" 2>/dev/null || [ $i -gt 200 ]; do i=$((i + 1)); sleep 0.05; done
expect_rc "--rebuild of an index another indexer holds exits 75" 75 \
    "$BIN/seekd-index" --index "$TMP/held" --rebuild "$CORPUS"
exec 9>&-
wait $HOLDER
expect_rc "--rebuild of an index without its note needs the folders" 2 \
    "$BIN/seekd-index" --index "$TMP/held" --rebuild
cp "$TMP/err" "$TMP/said"
check "and says so" grep -q "name the corpus folders" "$TMP/said"

# The repair: one command, no folders needed, the daemon serving throughout.
expect_rc "seekd-index --rebuild repairs it" 0 index --rebuild
cp "$TMP/out" "$TMP/printed"
check "saying so" grep -q "^rebuilt $INDEX$" "$TMP/printed"
check "no rebuild folder is left" test ! -e "$INDEX.rebuild"
expect_eq "the daemon serves the new index at once" "$(cd "$CORPUS" && ls | grep -c txt)" \
    "$(seek --ids --limit 100 'the OR a OR of' | wc -l)"
expect_eq "health is back to 0" 0 "$(health)"
expect_eq "the log says so, once" 1 "$(logged index_available)"
expect_eq "and the damage was logged only the once" 1 "$(logged index_unavailable)"
expect_eq "the folders are still known" "$(cd "$CORPUS" && pwd -P)" \
    "$(seek --json --stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["sources"][0]["folder"])')"
out=$(index "$CORPUS")
expect_eq "later runs are incremental" "0 added, 0 updated, 0 removed, 5 unchanged, 0 failed" "${out% in *}"
# A rebuild naming fewer folders than the index held says what it leaves out.
mkdir -p "$TMP/other" && printf 'Other\nan other text\n' > "$TMP/other/o.txt"
"$BIN/seekd-index" -q --index "$TMP/two" "$CORPUS" "$TMP/other"
expect_rc "--rebuild with one of two folders" 0 "$BIN/seekd-index" -q --index "$TMP/two" --rebuild "$TMP/other"
cp "$TMP/err" "$TMP/said"
check "warns that the other folder's documents are left out" \
    grep -q "warning: $TMP/two also held documents of $(cd "$CORPUS" && pwd -P), which this rebuild leaves out" "$TMP/said"
check "and not of the folder it named" sh -c "! grep -q 'documents of $(cd "$TMP/other" && pwd -P),' '$TMP/said'"
stop_daemon

# A first build: under way (its lock held on an index with nothing yet), or
# killed, is told as such, never as another version's index.
INDEX=$TMP/first
start_daemon || exit 1
mkfifo "$TMP/hold2"
"$HELPERS/hold_lock" "$INDEX" < "$TMP/hold2" > "$TMP/holder2.out" &
HOLDER=$!
exec 9>"$TMP/hold2"
i=0; until grep -q locked "$TMP/holder2.out" 2>/dev/null || [ $i -gt 200 ]; do i=$((i + 1)); sleep 0.05; done
expect_eq "a first build under way: unreadable" 2 "$(health)"
check "being built" grep -q "is being built for the first time" "$TMP/health"
exec 9>&-
wait $HOLDER
BIG=$TMP/big
mkdir "$BIG"
for n in $(seq 1 60); do
    for f in "$CORPUS"/0*.txt; do cp "$f" "$BIG/$n-$(basename "$f")"; done
done
rm -rf "$INDEX"
kill_build "$INDEX" "$BIG"
check "the build was killed before it finished" test -d "$INDEX.build/batch0"
# Its lock goes with the process a moment later: wait for that state.
i=0
until [ "$(health)" = 2 ] && grep -q interrupted "$TMP/health" || [ $i -gt 200 ]; do
    i=$((i + 1)); sleep 0.05
done
check "health says the first build was interrupted" grep -q "^unreadable: the index at $INDEX is empty: its first build was interrupted" "$TMP/health"
seek csto 2>"$TMP/qerr"
check "so does a query" grep -q "first build was interrupted.*run seekd-index again" "$TMP/qerr"
check "never another version" sh -c "! grep -q 'another version' '$TMP/qerr' '$TMP/health' '$TMP/daemon.log'"
check "the log says what happened" grep -q "status=index_unbuilt error=\"the index at $INDEX is empty: its first build was interrupted" "$TMP/daemon.log"
out=$(index --wait 10 "$BIG")
expect_eq "the next run builds it" "300 added, 0 updated, 0 removed, 0 unchanged, 0 failed" "${out% in *}"
expect_eq "and it is healthy" 0 "$(health)"
stop_daemon

# A sharded index: health, sources and --rebuild work on it too.
INDEX=$TMP/sharded
index -q --shards 2 "$CORPUS"
start_daemon || exit 1
expect_eq "a sharded index is healthy" 0 "$(health)"
expect_eq "its sources count the documents of every shard" 5 \
    "$(seek --json --stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["sources"][0]["docs"])')"
truncate -s 100 "$INDEX/shard1/postlist.glass"
expect_eq "a damaged shard makes it unreadable" 2 "$(health)"
expect_rc "--rebuild repairs it" 0 index --rebuild
check "with its shards" test -f "$INDEX/shard1/iamglass" -a -f "$INDEX/XAPIANDB"
# A stub swapped whole is reopened on SIGHUP (seekd(8)).
kill -HUP "$DAEMON_PID"
expect_eq "healthy again" 0 "$(health)"
expect_eq "and serving every document" 5 "$(seek --ids --limit 100 'the OR a OR of' | wc -l)"
stop_daemon

finish
