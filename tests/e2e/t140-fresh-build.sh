#!/bin/sh
# A fresh build (an index holding no documents) is written in batches merged
# at the end: it answers exactly as an index written in place, a serving
# daemon moves from no index to the whole new one without a restart, later
# runs are incremental, an id two folders give stays the first folder's,
# a killed run's leftovers are cleared by the next run, and a merge of many
# batches with a small fan-in (runs merged first) answers as one merge.
. "$(dirname "$0")/lib.sh"

A=000_26b1c25252f2a5d8

# answers SOCKET: the JSON answers to a fixed set of requests, without the
# fields that differ between two indexes of the same documents.
requests() {
    for q in '"collective security council"' 'rahmon OR rakhmon' 'csto' 'person:rakhmon' \
             'date:2015' 'secur*' 'minsk -moscow' 'org:csto'; do
        "$BIN/seek" --socket "$1" --json --facets --limit 50 "$q"
    done
    "$BIN/seek" --socket "$1" --json --entity rahmon
    "$BIN/seek" --socket "$1" --json --entities --limit 200
    "$BIN/seek" --socket "$1" --json --stats
}
answers() {
    requests "$1" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    for k in ("took_ms", "revision", "last_commit", "index", "last_run", "sources"):
        a.pop(k, None)
    print(json.dumps(a, sort_keys=True))'
}

# In place: one document (itself a fresh build), then the others written
# into it (the same folder, grown).
PLACE=$TMP/inplace
mkdir "$TMP/one"
cp -p "$CORPUS/$A.txt" "$TMP/one/"
"$BIN/seekd-index" -q --index "$PLACE" "$TMP/one"
cp -p "$CORPUS"/* "$TMP/one/"
out=$("$BIN/seekd-index" --index "$PLACE" "$TMP/one")
expect_eq "in place: the other documents added" "4 added, 0 updated, 0 removed, 1 unchanged, 0 failed" "${out% in *}"

out=$(index --batch 2 "$CORPUS")
expect_eq "fresh build in batches of 2: every document added" \
    "5 added, 0 updated, 0 removed, 0 unchanged, 0 failed" "${out% in *}"
check "no build folder left" test ! -e "$INDEX.build"

start_daemon || exit 1
"$BIN/seekd" --index "$PLACE" --socket "$TMP/p.sock" 2>>"$TMP/daemon.log" &
PLACE_PID=$!
i=0
until "$BIN/seek" --socket "$TMP/p.sock" --ping >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -gt 200 ] && break; sleep 0.05
done
answers "$SOCK" > "$TMP/fresh.json"
answers "$TMP/p.sock" > "$TMP/place.json"
kill -TERM "$PLACE_PID"; wait "$PLACE_PID"
expect_eq "both indexes give every answer" "11 11" \
    "$(grep -c '"ok": true' "$TMP/fresh.json") $(grep -c '"ok": true' "$TMP/place.json")"
if cmp -s "$TMP/fresh.json" "$TMP/place.json"; then
    ok "the fresh build answers exactly as the index written in place"
else
    not_ok "the fresh build answers exactly as the index written in place" \
        "$(diff "$TMP/fresh.json" "$TMP/place.json" | head -c 600)"
fi

printf 'Zanzibarite notes\nA later file.\n' > "$CORPUS/later.txt"
out=$(index "$CORPUS")
expect_eq "the next run is incremental" "1 added, 0 updated, 0 removed, 5 unchanged, 0 failed" "${out% in *}"
expect_eq "and the daemon sees it" "later" "$(ids zanzibarite)"
stop_daemon

# A daemon started before there is any index serves the fresh build as soon
# as it is in place.
INDEX=$TMP/live
start_daemon || exit 1
expect_rc "no index yet: an error" 2 seek csto
cp "$TMP/err" "$TMP/said"
check "the error says so" grep -q 'index_unavailable' "$TMP/said"
out=$(index --batch 1 "$CORPUS")
expect_eq "fresh build in batches of 1" "6 added, 0 updated, 0 removed, 0 unchanged, 0 failed" \
    "${out% in *}"
expect_eq "the daemon serves it at once" "later" "$(ids zanzibarite)"
expect_eq "with every document" 6 "$(seek --json --stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["docs"])')"
stop_daemon

# The same id from two corpus folders: the first folder keeps it, the
# other's file is refused, naming both (a fresh build, in batches of 1).
mkdir -p "$TMP/r1" "$TMP/r2"
printf 'First copy\nquokka\n' > "$TMP/r1/same.txt"
printf 'Second copy\nwombat\n' > "$TMP/r2/same.txt"
printf 'Other\nquokka wombat\n' > "$TMP/r1/other.txt"
INDEX=$TMP/dup
expect_rc "a repeated id fails the run (exit 1)" 1 index --batch 1 "$TMP/r1" "$TMP/r2"
cp "$TMP/err" "$TMP/said"
check "and names both files" grep -q "$TMP/r2/same.txt: id 'same' is taken by $TMP/r1/same.txt" "$TMP/said"
start_daemon || exit 1
expect_eq "the first folder's copy is the one indexed" "other,same" "$(ids quokka)"
expect_eq "the second's words are not" "other" "$(ids wombat)"
stop_daemon

# A run killed during a fresh build leaves the index empty and its batches
# behind; the next run clears them and builds the index.
BIG=$TMP/big
mkdir "$BIG"
for n in $(seq 1 60); do
    for f in "$CORPUS"/0*.txt; do cp "$f" "$BIG/$n-$(basename "$f")"; done
done
INDEX=$TMP/killed
kill_build "$INDEX" "$BIG"
check "the killed run left its batches" test -d "$INDEX.build/batch0"
empty=$(stat -c %i "$INDEX")
# --wait: the killed run's lock goes with its process, a moment later.
out=$(index --wait 10 "$BIG")
expect_eq "the next run builds the whole index" "300 added, 0 updated, 0 removed, 0 unchanged, 0 failed" \
    "${out% in *}"
check "and clears the leftovers" test ! -e "$INDEX.build"
check "the empty index was replaced whole" test "$empty" != "$(stat -c %i "$INDEX")"
start_daemon || exit 1
expect_eq "every document served" 300 "$(seek --json --stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["docs"])')"
stop_daemon

# 43 batches merged three at a time (runs of runs: more than 3 x 3) answer
# exactly as the same batches merged by one compaction; a fan-in under 2 is
# refused. No query timeout: on a busy machine it would cut facet counts.
INDEX=$TMP/flat
out=$(index --batch 7 "$BIG")
expect_eq "batches of 7 merged at once: every document" \
    "300 added, 0 updated, 0 removed, 0 unchanged, 0 failed" "${out% in *}"
INDEX=$TMP/fanin
expect_rc "a merge fan-in of 1 is refused (exit 2)" 2 index --merge-fanin 1 "$BIG"
cp "$TMP/err" "$TMP/said"
check "saying what it takes" grep -q -- "--merge-fanin takes a number from 2" "$TMP/said"
out=$(index --batch 7 --merge-fanin 3 "$BIG")
expect_eq "batches of 7 merged 3 at a time: every document" \
    "300 added, 0 updated, 0 removed, 0 unchanged, 0 failed" "${out% in *}"
check "no build folder left" test ! -e "$INDEX.build"
start_daemon --query-timeout 0 || exit 1
"$BIN/seekd" --index "$TMP/flat" --socket "$TMP/k.sock" --query-timeout 0 2>>"$TMP/daemon.log" &
KILLED_PID=$!
i=0
until "$BIN/seek" --socket "$TMP/k.sock" --ping >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -gt 200 ] && break; sleep 0.05
done
answers "$SOCK" > "$TMP/fanin.json"
answers "$TMP/k.sock" > "$TMP/one.json"
kill -TERM "$KILLED_PID"; wait "$KILLED_PID"
stop_daemon
expect_eq "both give every answer" "11 11" \
    "$(grep -c '"ok": true' "$TMP/fanin.json") $(grep -c '"ok": true' "$TMP/one.json")"
if cmp -s "$TMP/fanin.json" "$TMP/one.json"; then
    ok "the merge in runs answers exactly as one merge"
else
    not_ok "the merge in runs answers exactly as one merge" \
        "$(diff "$TMP/fanin.json" "$TMP/one.json" | head -c 600)"
fi

# A remote shard's database that exists already is written in place, since
# xapian-tcpsrv may have it open; a killed build's folder is cleared all the same.
INDEX=$TMP/shard0
mkdir "$TMP/nothing"
index -q --shards 2 --shard 0 "$TMP/nothing"
mkdir -p "$INDEX.build/batch0"
before=$(stat -c %i "$INDEX")
check "an empty remote shard's database is indexed" index -q --shards 2 --shard 0 "$CORPUS"
expect_eq "in place" "$before" "$(stat -c %i "$INDEX")"
check "and the killed build's folder is cleared" test ! -e "$INDEX.build"
INDEX=$TMP/shard1
check "a new remote shard's database is built afresh" index -q --shards 2 --shard 1 "$CORPUS"
check "no build folder left" test ! -e "$INDEX.build"

finish
