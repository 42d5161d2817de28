#!/bin/sh
# The smaller things a new user meets: --limit 0 counts, --timeout 0 waits,
# the indexer's summary counts documents once each and leaves out the time
# spent waiting for the lock, --wait's message, --help, files in upper case,
# dangling links and link loops reported, short error lines for deep paths,
# --max-file-size, stats reals as written, office holders not typed as
# people, and titles that are headlines.
. "$(dirname "$0")/lib.sh"

# --help names every option and kind of file.
"$BIN/seekd-index" --help > "$TMP/help"
check "--help names --gazetteer" grep -q -- '--gazetteer FILE' "$TMP/help"
check "--help names --max-file-size" grep -q -- '--max-file-size SIZE' "$TMP/help"
check "--help names HTML and feeds" grep -q 'HTML (.html, .htm) and JSON Lines feed (.jsonl)' "$TMP/help"

# Upper-case extensions, a dangling link and a link loop.
printf 'Shouting zebrafinch headline\nThe zebrafinch report in capitals.\n' > "$CORPUS/UPPER.TXT"
ln -s "$TMP/nowhere.txt" "$CORPUS/dangling.txt"
ln -s loop-b.txt "$CORPUS/loop-a.txt"
ln -s loop-a.txt "$CORPUS/loop-b.txt"
# A feed repeating an article id: one document, counted once.
printf '%s\n' '{"id":"r1","title":"First copy","text":"zebrafinch wire one"}' \
    '{"id":"r2","title":"Other","text":"zebrafinch wire two"}' \
    '{"id":"r1","title":"Second copy","text":"zebrafinch wire again"}' > "$CORPUS/wire.jsonl"
# check runs its command with output to $TMP/out and $TMP/err: what is
# grepped is copied aside first.
keep() { cp "$TMP/out" "$TMP/run.out"; cp "$TMP/err" "$TMP/run.err"; }
expect_rc "a repeated article id fails the run (exit 1)" 1 index "$CORPUS"
cp "$TMP/out" "$TMP/first.out"; cp "$TMP/err" "$TMP/first.err"
check "UPPER.TXT is indexed" grep -q '^8 added,' "$TMP/first.out"
check "the dangling link is named" grep -qF 'dangling.txt: a symbolic link to nothing (dangling); skipped' "$TMP/first.err"
check "the link loop is named" grep -qF 'loop-a.txt: a symbolic link in a loop; skipped' "$TMP/first.err"
check "both are counted as skipped" grep -q ' 3 skipped, 1 failed' "$TMP/first.out"
check "the repeated id is named with both lines" grep -qF 'wire.jsonl:3: repeats the article id of line 1; the later one is indexed' "$TMP/first.err"
# 5 corpus texts, UPPER and the feed's 2 articles: 8 documents, 8 added.
expect_rc "an unchanged run exits 0 (the unchanged feed is not read again)" 0 index "$CORPUS"
keep
check "an unchanged feed counts its articles, not itself" grep -q '^0 added, 0 updated, 0 removed, 8 unchanged, 3 skipped, 0 failed' "$TMP/run.out"
rm "$CORPUS/dangling.txt" "$CORPUS/loop-a.txt" "$CORPUS/loop-b.txt"
sed -i '3d' "$CORPUS/wire.jsonl"
expect_rc "the next clean run exits 0" 0 index "$CORPUS"

# The lock: --wait's own message, and the time waited left out of the summary.
mkfifo "$TMP/hold"
"$HELPERS/hold_lock" "$INDEX" < "$TMP/hold" > "$TMP/holder.out" &
holder=$!
exec 9>"$TMP/hold"
i=0; while [ ! -s "$TMP/holder.out" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
expect_rc "--wait 1.5 is taken, and gives up" 75 index --wait 1.5 "$CORPUS"
keep
check "its message says it waited" grep -q 'still being updated by another indexer after waiting 1.5 s' "$TMP/run.err"
check "and does not ask for --wait as if none was given" sh -c "! grep -q 'pass --wait' '$TMP/run.err'"
( sleep 4; exec 9>&- ) &
exec 9>&-
expect_rc "--wait succeeds once the lock is free" 0 index --full --wait 60 "$CORPUS"
keep
wait "$holder"
secs=$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$TMP/run.out")
check "the summary leaves the 4 s of waiting out ($secs s)" python3 -c "import sys; sys.exit(0 if float('$secs') < 3.5 else 1)"

# --max-file-size: larger files are skipped with a message, not failed.
head -c 30000 /dev/zero | tr '\0' 'z' > "$CORPUS/wide.txt"
expect_rc "--max-file-size 20K skips a larger file (exit 0)" 0 index --max-file-size 20K "$CORPUS"
keep
check "and names it with both sizes" grep -qF 'wide.txt: 29.3 KiB, more than --max-file-size (20 KiB); skipped' "$TMP/run.err"
check "and counts it as skipped" grep -q ' 1 skipped, 0 failed' "$TMP/run.out"
expect_rc "a bad --max-file-size is refused" 2 index --max-file-size 2X "$CORPUS"
keep
check "with a message" grep -q 'max-file-size takes a size' "$TMP/run.err"
expect_rc "more than 1G is refused" 2 index --max-file-size 2G "$CORPUS"
rm "$CORPUS/wide.txt"

# A folder too deep to open: one short line, not the whole path.
python3 - "$CORPUS" <<'PY'
import os, sys
os.chdir(sys.argv[1])
for i in range(45):
    name = 'deep-folder-%02d-' % i + 'x' * 90
    os.mkdir(name)
    os.chdir(name)
open('far.txt', 'w').write('zebrafinch far away\n')
PY
index "$CORPUS" > "$TMP/run.out" 2> "$TMP/run.err"
expect_eq "a folder past PATH_MAX fails the run (exit 1)" 1 $?
check "and is named" grep -q 'File name too long' "$TMP/run.err"
longest=$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$TMP/run.err")
check "in a line of at most 300 characters (longest: $longest)" test "$longest" -le 300
rm -rf "$CORPUS"/deep-folder-00-*

index "$CORPUS" > /dev/null 2>&1
start_daemon || exit 1

seek --limit 0 zebrafinch > "$TMP/out"
expect_eq "--limit 0 exits 0 when documents match" 0 $?
expect_eq "and prints their count alone" "-- 3 matching documents" "$(cat "$TMP/out")"
expect_rc "--limit 0 exits 1 when none match" 1 seek --limit 0 qqqxqqq
expect_rc "--timeout 0 is taken (no time limit)" 0 seek --timeout 0 zebrafinch
expect_rc "--timeout -1 is refused" 2 seek --timeout -1 zebrafinch

seek --stats > "$TMP/stats"
check "stats prints reals as the daemon wrote them" python3 - "$TMP/stats" <<'PY'
import re, sys
for line in open(sys.argv[1]):
    for num in re.findall(r'\d+\.\d+', line):
        if len(num.replace('.', '').lstrip('0')) > 8:
            sys.exit(1)
PY

# Office holders in the plural are not people.
seek --entities --type person --limit 1000 > "$TMP/people"
check "Plenipotentiary Representatives is no person" sh -c "! grep -q 'Plenipotentiary' '$TMP/people'"

# Titles are headlines.
title() { seek --json --limit 1000 "$1" | python3 -c 'import json,sys; print([h["title"] for h in json.load(sys.stdin)["hits"] if h["id"] == sys.argv[1]][0])' "$2"; }
t=$(title rahmon 001_c81778ca1d1bf765)
expect_eq "a masthead line is no title" "Doshanbe - A regular session of the Collective Security Council of the Collective Security Treaty…" "$t"
t=$(title rahmon 000_26b1c25252f2a5d8)
expect_eq "a lead paragraph is cut at a word boundary" "Tajik President Emomali Rahmon will participate in a session of the Collective Security Council of the…" "$t"
t=$(title zebrafinch UPPER)
expect_eq "a headline stays as it is" "Shouting zebrafinch headline" "$t"

stop_daemon
finish
