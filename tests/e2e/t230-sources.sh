#!/bin/sh
# Sources: every document remembers the corpus folder it came from. A run
# removes vanished documents of its own folders only; an id that another
# folder holds is refused, naming both files, and never overwritten; stats
# lists the folders; --forget removes one folder's documents on purpose; an
# index written before sources keeps its ids and is taken over.
. "$(dirname "$0")/lib.sh"

json() { python3 -c "import json,sys; a=json.load(sys.stdin); print($1)"; }
# indexed DESC WANT ARGS...: runs seekd-index, keeps what it printed and said.
indexed() {
    desc=$1 want=$2; shift 2
    index "$@" >"$TMP/printed" 2>"$TMP/said"
    expect_eq "$desc" "$want" "$?"
}
summary() { sed 's/ in [0-9.]* s$//' "$TMP/printed"; }

N=$TMP/news
mkdir -p "$N/2024/x" "$N/2025/feeds"
for i in 1 2 3; do printf 'Report %s\nquokka twenty-four number%s\n' $i $i > "$N/2024/r$i.txt"; done
printf 'Deep\nquokka nested\n' > "$N/2024/x/deep.txt"
printf 'Report 2025\nwombat twenty-five\n' > "$N/2025/s1.txt"
cat > "$N/2025/feeds/wire.jsonl" <<'JSONL'
{"id":"a1","title":"Wire one","text":"wombat wire story"}
{"id":"a2","title":"Wire two","text":"another wombat wire story"}
JSONL

# One folder, then another: the second run leaves the first one's documents.
indexed "the first folder" 0 "$N/2024"
expect_eq "is indexed" "4 added, 0 updated, 0 removed, 0 unchanged, 0 failed" "$(summary)"
indexed "the second folder" 0 "$N/2025"
expect_eq "adds its documents and removes none" "3 added, 0 updated, 0 removed, 0 unchanged, 0 failed" "$(summary)"
start_daemon || exit 1
expect_eq "the first folder's documents are still found" "r1,r2,r3,x/deep" "$(ids quokka)"
expect_eq "beside the second's" "feeds/wire/a1,feeds/wire/a2,s1" "$(ids wombat)"

# A vanished file is removed by a run over its own folder only.
rm "$N/2024/r3.txt"
indexed "a run over the other folder" 0 "$N/2025"
expect_eq "does not remove it" "0 added, 0 updated, 0 removed, 3 unchanged, 0 failed" "$(summary)"
expect_eq "so it is still found" "r1,r2,r3,x/deep" "$(ids quokka)"
indexed "a run over its folder" 0 "$N/2024"
expect_eq "removes it" "0 added, 0 updated, 1 removed, 3 unchanged, 0 failed" "$(summary)"
expect_eq "and it is gone" "r1,r2,x/deep" "$(ids quokka)"
# The same folder under another name (relative, a link, a trailing slash) is the same source.
ln -s "$N/2024" "$TMP/link"
(cd "$N" && "$BIN/seekd-index" --index "$INDEX" 2024/ >"$TMP/printed" 2>"$TMP/said")
expect_eq "a relative name is the same folder" "0 added, 0 updated, 0 removed, 3 unchanged, 0 failed" "$(summary)"
indexed "and so is a link to it" 0 "$TMP/link"
expect_eq "nothing moves" "0 added, 0 updated, 0 removed, 3 unchanged, 0 failed" "$(summary)"

# Stats: each folder with its document count and last run.
seek --json --stats > "$TMP/stats"
expect_eq "stats lists both folders, in the order first indexed" "$N/2024 $N/2025" \
    "$(json '" ".join(s["folder"] for s in a["sources"])' < "$TMP/stats")"
expect_eq "with their document counts" "3 3" "$(json '" ".join(str(s["docs"]) for s in a["sources"])' < "$TMP/stats")"
expect_eq "and the counts of their last run" "3 3" \
    "$(json '" ".join(str(s["last_run"]["unchanged"]) for s in a["sources"])' < "$TMP/stats")"
check "and when it was" grep -q '"last_indexed": *"20[0-9-]*T[0-9:]*Z"' "$TMP/stats"
seek --stats > "$TMP/shown"
check "seek --stats shows a line per folder" grep -q "^  $N/2024: 3 documents, last run 20.* (0 added, 0 updated, 0 removed, 3 unchanged, 0 failed)" "$TMP/shown"
check "and the other" grep -q "^  $N/2025: 3 documents" "$TMP/shown"

# Two folders giving the same id: the first to have it keeps it.
printf 'Impostor\nplatypus\n' > "$N/2025/r1.txt"
indexed "a file whose id another folder holds fails the run" 1 "$N/2025"
check "naming both files" grep -q "$N/2025/r1.txt: id 'r1' is taken by $N/2024/r1.txt, from another corpus folder" "$TMP/said"
expect_eq "the holder's document stays" "r1" "$(ids quokka number1)"
expect_eq "the other file's text is not indexed" "" "$(ids platypus)"
indexed "the holder's own run still updates it" 0 "$N/2024"
# In one run, the first folder named wins, and the run says so.
INDEX=$TMP/both
indexed "two folders with a shared id in one run" 1 "$N/2025" "$N/2024"
check "name both files" grep -q "$N/2024/r1.txt: id 'r1' is taken by $N/2025/r1.txt" "$TMP/said"
expect_eq "once" 1 "$(grep -c "is taken by" "$TMP/said")"
expect_eq "and count it once" "6 added, 0 updated, 0 removed, 0 unchanged, 1 failed" "$(summary)"
INDEX=$TMP/index
# A feed article is refused the same way.
mkdir -p "$N/2024/feeds"
printf '{"id":"a1","text":"kangaroo copy"}\n{"id":"z9","text":"kangaroo own"}\n' > "$N/2024/feeds/wire.jsonl"
indexed "a feed article whose id another folder holds" 1 "$N/2024"
check "is named with its line" grep -q "$N/2024/feeds/wire.jsonl:1: id 'feeds/wire/a1' is taken by $N/2025/feeds/wire.jsonl" "$TMP/said"
expect_eq "the feed's other articles are indexed" "feeds/wire/z9" "$(ids kangaroo)"
expect_eq "the holder's article stays" "feeds/wire/a1,feeds/wire/a2" "$(ids '"wire story"')"
rm -r "$N/2024/feeds" "$N/2025/r1.txt"

# --forget: one folder's documents go, on purpose; the other's stay.
indexed "--forget a folder" 0 --forget "$N/2025"
expect_eq "says how many went" "3 removed ($N/2025 forgotten)" "$(summary)"
expect_eq "its documents are gone" "" "$(ids wombat)"
expect_eq "the other folder's stay" "r1,r2,x/deep" "$(ids quokka)"
expect_eq "stats no longer lists it" "$N/2024" "$(seek --json --stats | json '" ".join(s["folder"] for s in a["sources"])')"
indexed "forgetting it again" 2 --forget "$N/2025"
check "says it holds none and names the folders it has" grep -q "holds no documents of $N/2025; its folders:" "$TMP/said"
check "listing them" grep -q "^  $N/2024\$" "$TMP/said"
indexed "--forget takes no corpus folder" 2 --forget "$N/2024" "$N/2025"
expect_rc "--forget on no index" 2 "$BIN/seekd-index" --index "$TMP/none" --forget "$N/2024"
check "makes none" test ! -e "$TMP/none"
# A folder that is gone can still be forgotten, by the name it was indexed under.
mv "$N/2025" "$TMP/moved"
indexed "indexed again from its new place" 0 "$TMP/moved"
rm -r "$TMP/moved"
indexed "a folder that no longer exists is forgotten" 0 --forget "$TMP/moved"
expect_eq "with its documents" "" "$(ids wombat)"
# Its feed was forgotten too: indexed again, the articles come back.
mkdir -p "$N/2025/feeds"
printf '{"id":"a1","title":"Wire one","text":"wombat wire story"}\n' > "$N/2025/feeds/wire.jsonl"
indexed "a forgotten feed indexed again" 0 "$N/2025"
expect_eq "has its articles back" "feeds/wire/a1" "$(ids wombat)"
# A size limit is no request to remove: an indexed file over it keeps its
# document, and a file over it in another folder, under the same id, does
# not take the first folder's document away.
indexed "a limit below the indexed files' sizes" 0 --max-file-size 10 "$N/2024"
check "names them skipped" grep -q "r1.txt: .*more than --max-file-size (10 bytes); skipped" "$TMP/said"
expect_eq "their documents stay" "r1,r2,x/deep" "$(ids quokka)"
mkdir -p "$N/big"
python3 -c 'import sys; open(sys.argv[1], "w").write("Big\n" + "quokka " * 400 + "\n")' "$N/big/r1.txt"
indexed "a folder with a big file under another folder's id" 0 --max-file-size 1K "$N/2024" "$N/big"
expect_eq "leaves the other folder's document" "r1,r2,x/deep" "$(ids quokka)"
stop_daemon

# An index an older seekd-index wrote (no sources: simulated by taking the
# list away and marking another format): rewritten, ids unchanged, and then
# kept apart like any other.
INDEX=$TMP/old
printf 'Gone soon\nephemeral\n' > "$CORPUS/gone.txt"
index -q "$CORPUS"
start_daemon || exit 1
before=$(ids the)
stop_daemon
xapian-metadata set "$INDEX" seekd.sources ''
xapian-metadata set "$INDEX" seekd.format 7
rm "$CORPUS/gone.txt"
indexed "the older index is taken over" 0 "$CORPUS"
expect_eq "every document rewritten, a vanished one removed as before" \
    "0 added, 5 updated, 1 removed, 0 unchanged, 0 failed" "$(summary)"
start_daemon || exit 1
expect_eq "with the same ids" "$before" "$(ids the)"
expect_eq "now of its folder" "$(cd "$CORPUS" && pwd -P)" "$(seek --json --stats | json 'a["sources"][0]["folder"]')"
expect_eq "whose last run counts the removal" 1 "$(seek --json --stats | json 'a["sources"][0]["last_run"]["removed"]')"
expect_eq "and the vanished document is gone" "" "$(ids ephemeral)"
indexed "another folder then" 0 "$N/2024"
expect_eq "leaves them" 5 "$(seek --json --stats | json 'a["sources"][0]["docs"]')"
stop_daemon

finish
