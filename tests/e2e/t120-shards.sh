#!/bin/sh
# Sharded indexes: seekd-index --shards N writes DIR/shard0 … shard(N-1) and
# the stub DIR/XAPIANDB; each document lands in shard fnv1a64("Q"+id) % N;
# seekd serves the folder like one index. Incremental runs keep the layout;
# a different shard count, an unsharded folder or a stub naming anything but
# local shards is refused. --shard K writes one shard as a plain database,
# marked K/N, which refuses every other K, N and unsharded run.
. "$(dirname "$0")/lib.sh"

# ---- Helpers --------------------------------------------------------------

# Extra daemons (the main one is lib.sh's, on $INDEX): serve NAME DIR starts
# seekd on $TMP/NAME.sock; unserve NAME stops it and requires exit 0. Any left
# running on the way out (a failure path) are killed before lib's cleanup.
XPIDS=
stop_extras() {
    for p in $XPIDS; do
        kill -KILL "$p" 2>/dev/null
        wait "$p" 2>/dev/null
    done
    XPIDS=
}
trap 'stop_extras; cleanup' EXIT

serve() {
    "$BIN/seekd" --index "$2" --socket "$TMP/$1.sock" 2>>"$TMP/extra.log" &
    eval "XPID_$1=$!"
    XPIDS="$XPIDS $!"
    i=0
    while ! "$BIN/seek" --socket "$TMP/$1.sock" --ping >/dev/null 2>&1; do
        i=$((i + 1))
        if [ $i -gt 1200 ] || ! kill -0 "$!" 2>/dev/null; then
            not_ok "seekd on $2 starts" "$(tail -5 "$TMP/extra.log")"
            return 1
        fi
        sleep 0.05
    done
}

unserve() {
    eval "p=\$XPID_$1"
    kill -TERM "$p"
    wait "$p"
    rc=$?
    rest=
    for q in $XPIDS; do [ "$q" = "$p" ] || rest="$rest $q"; done
    XPIDS=$rest
    expect_eq "the daemon serving $1 exits 0 on SIGTERM" 0 "$rc"
}

# On socket S: sorted comma-separated ids, every document's id,
# the docs count of seek --stats. (No python per call: it starts slowly.)
ids_on() { s=$1; shift; "$BIN/seek" --socket "$s" --ids --limit 10000 "$@" | sort | paste -sd, -; }
# answer S QUERY: the total and the matching ids (sorted), from one request.
answer() {
    s=$1; shift
    "$BIN/seek" --socket "$s" --json --no-snippets --limit 10000 "$@" </dev/null \
        | grep -o '"total":[0-9]*\|"id":"[^"]*"' | sort | paste -sd' ' -
}
# "-word" alone is "everything but word": every document.
NEVER=qqxjzzneverword
all_on() { ids_on "$1" -- "-$NEVER"; }
docs_on() { "$BIN/seek" --socket "$1" --stats | awk '$1 == "docs" { print $2 }'; }
count() { [ -z "$1" ] && echo 0 || printf '%s\n' "$1" | tr , '\n' | wc -l | tr -d ' '; }
dups() { printf '%s\n' "$1" | tr , '\n' | sort | uniq -d | paste -sd, -; }

# The ids of the corpus files, and the shard each belongs in (FNV-1a 64 over
# "Q" + id, modulo N), computed independently of the programs: assign N
# writes "id shard" lines to $TMP/assign; shard_ids K reads them.
corpus_ids() { (cd "$CORPUS" && find . -name '*.txt' | sed 's|^\./||; s|\.txt$||' | sort | paste -sd, -); }
assign() {
    corpus_ids | tr , '\n' | python3 -c '
import sys
n = int(sys.argv[1])
for line in sys.stdin:
    i = line.rstrip("\n")
    h = 0xcbf29ce484222325
    for b in ("Q" + i).encode():
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    print(i, h % n)' "$1" > "$TMP/assign"
}
shard_ids() { awk -v k="$1" '$2 == k { print $1 }' "$TMP/assign" | sort | paste -sd, -; }

# snapshot DIR: every file's checksum (Xapian's lock file aside).
snapshot() { (cd "$1" && find . -type f ! -name flintlock -exec md5sum {} + | sort); }

# The queries every view of the corpus must answer alike.
QUERIES='rahmon
minsk
"collective security council"
csto AND minsk
security NOT minsk
secur*
person:rakhmon
shardmarker
"amber lantern"
zalpaca OR zkestrel OR zlynx
"lantern amber"
-qqxjzzneverword'

# same_as REF SOCK LABEL: every query gets the same ids and total on both.
same_as() {
    printf '%s\n' "$QUERIES" > "$TMP/queries"
    while IFS= read -r q; do
        want=$(answer "$1" -- "$q")
        case $want in
        *'"total":'*) expect_eq "$3: [$q] same total and ids as one database" "$want" "$(answer "$2" -- "$q")" ;;
        *) not_ok "$3: [$q] one database answers" "$want" ;;
        esac
    done < "$TMP/queries"
}

# shard_holds SOCK K LABEL: the daemon on SOCK holds exactly shard K's ids.
shard_holds() {
    want=$(shard_ids "$2")
    [ -n "$want" ] && ok "$3: the hash puts some documents in shard $2" || not_ok "$3: the hash puts some documents in shard $2"
    expect_eq "$3: shard $2 holds exactly the ids hashed to it" "$want" "$(all_on "$1")"
    expect_eq "$3: shard $2 counts them" "$(count "$want")" "$(docs_on "$1")"
}

# ---- The corpus: the five news texts and twelve short notes ----------------

mkdir -p "$CORPUS/extra"
n=0
for w in zalpaca zbrisket zcobalt zdervish zegret zfennel zgargoyle zhemlock zibex zjackal zkestrel zlynx; do
    n=$((n + 1))
    f=$CORPUS/extra/e$(printf %02d $n).txt
    printf 'Extra note %d\nThe %s report mentions the shardmarker word.\n' "$n" "$w" > "$f"
    [ $((n % 2)) -eq 1 ] && printf 'An amber lantern was lit in the %s hall.\n' "$w" >> "$f"
done
ALL=$(corpus_ids)
NDOCS=$(count "$ALL")
assign 3
expect_eq "the corpus has 17 documents" 17 "$NDOCS"

# ---- --shards 3: the layout, and the same answers as one database ----------

check "index one database" index -q --index "$TMP/single" "$CORPUS"
out=$(index --shards 3 "$CORPUS" 2>"$TMP/err"); rc=$?
expect_eq "--shards 3 exits 0" 0 "$rc"
expect_eq "--shards 3 adds every document" "17 added, 0 updated, 0 removed, 0 unchanged, 0 failed" "${out% in *}"
expect_eq "XAPIANDB lists the three shards" "auto shard0,auto shard1,auto shard2" "$(paste -sd, - < "$INDEX/XAPIANDB" 2>/dev/null)"
check "shard0, shard1, shard2 are databases" test -f "$INDEX/shard0/iamglass" -a -f "$INDEX/shard1/iamglass" -a -f "$INDEX/shard2/iamglass"
check "no shard3" test ! -e "$INDEX/shard3"
check "no database beside the stub" test ! -e "$INDEX/iamglass"

start_daemon || exit 1
serve single "$TMP/single" || exit 1
S1=$TMP/single.sock
expect_eq "the daemon on the sharded folder finds every document" "$ALL" "$(all_on "$SOCK")"
expect_eq "no id twice" "" "$(dups "$(all_on "$SOCK")")"
expect_eq "seek --stats: docs on the sharded index" "$NDOCS" "$(docs_on "$SOCK")"
expect_eq "seek --stats: the same docs as one database" "$(docs_on "$S1")" "$(docs_on "$SOCK")"
check "seek --stats prints on a sharded index" seek --stats
same_as "$S1" "$SOCK" "sharded"

# Each document is in the shard its hash names, and in no other.
sum=0
for k in 0 1 2; do
    serve part "$INDEX/shard$k" || exit 1
    shard_holds "$TMP/part.sock" $k "--shards 3"
    sum=$((sum + $(docs_on "$TMP/part.sock")))
    unserve part
done
expect_eq "the shards' counts sum to the total" "$NDOCS" "$sum"

# ---- Incremental runs keep the layout ---------------------------------------

printf 'A zmodified paragraph.\n' >> "$CORPUS/extra/e03.txt"
rm "$CORPUS/extra/e07.txt"
mkdir -p "$CORPUS/extra/new"
printf 'Late note\nThe znewcomer report mentions the shardmarker word.\n' > "$CORPUS/extra/new/n13.txt"
ALL=$(corpus_ids)
assign 3
out=$(index "$CORPUS" 2>"$TMP/err"); rc=$?
expect_eq "an incremental run exits 0" 0 "$rc"
expect_eq "it adds, updates and removes one each" "1 added, 1 updated, 1 removed, 15 unchanged, 0 failed" "${out% in *}"
expect_eq "the stub still lists three shards" "auto shard0,auto shard1,auto shard2" "$(paste -sd, - < "$INDEX/XAPIANDB" 2>/dev/null)"
expect_eq "the daemon sees the edit" "extra/e03" "$(ids zmodified)"
expect_eq "the daemon no longer finds the removed file" "" "$(ids zgargoyle)"
expect_eq "the daemon finds the new file" "extra/new/n13" "$(ids znewcomer)"
expect_eq "every document once after the run" "$ALL" "$(all_on "$SOCK")"
expect_eq "no id twice after the run" "" "$(dups "$(all_on "$SOCK")")"
expect_eq "seek --stats: docs after the run" "$NDOCS" "$(docs_on "$SOCK")"
for k in 0 1 2; do
    serve part "$INDEX/shard$k" || exit 1
    shard_holds "$TMP/part.sock" $k "after the incremental run"
    unserve part
done
out=$(index "$CORPUS" 2>&1)
expect_eq "a second run changes nothing" "0 added, 0 updated, 0 removed, 17 unchanged, 0 failed" "${out% in *}"
out=$(index --shards 3 "$CORPUS" 2>&1)
expect_eq "--shards with the same count is accepted and changes nothing" "0 added, 0 updated, 0 removed, 17 unchanged, 0 failed" "${out% in *}"
check "index the edits into the one database" index -q --index "$TMP/single" "$CORPUS"
same_as "$S1" "$SOCK" "sharded after edits"

# ---- Refusals: exit 2, the index untouched ----------------------------------

before=$(snapshot "$INDEX")
answers=$(all_on "$SOCK")
for m in 2 4 1; do
    expect_rc "--shards $m on a 3-shard index is refused" 2 index --shards $m "$CORPUS"
    grep -q "3 shards" "$TMP/err" && ok "the refusal of --shards $m names the count (3)" || not_ok "the refusal of --shards $m names the count (3)" "$(cat "$TMP/err")"
done
check "no shard3 made" test ! -e "$INDEX/shard3"
expect_eq "the sharded folder is unchanged" "$before" "$(snapshot "$INDEX")"
expect_eq "and answers the same" "$answers" "$(all_on "$SOCK")"

before=$(snapshot "$TMP/single")
answers=$(all_on "$S1")
expect_rc "--shards 3 on an unsharded index is refused" 2 index --index "$TMP/single" --shards 3 "$CORPUS"
grep -q "unsharded" "$TMP/err" && ok "the refusal says why" || not_ok "the refusal says why" "$(cat "$TMP/err")"
check "no stub made" test ! -e "$TMP/single/XAPIANDB"
check "no shard0 made" test ! -e "$TMP/single/shard0"
expect_eq "the unsharded folder is unchanged" "$before" "$(snapshot "$TMP/single")"
expect_eq "and answers the same" "$answers" "$(all_on "$S1")"
expect_rc "--shards 3 --shard 0 on an unsharded index is refused" 2 index --index "$TMP/single" --shards 3 --shard 0 "$CORPUS"
expect_eq "the unsharded folder is still unchanged" "$before" "$(snapshot "$TMP/single")"

# A stub naming anything but local shards: the indexer leaves it alone.
cp -R "$INDEX" "$TMP/remote"
printf 'remote 127.0.0.1:9\n' >> "$TMP/remote/XAPIANDB"
before=$(snapshot "$TMP/remote")
expect_rc "a stub with a remote line is refused" 2 index --index "$TMP/remote" "$CORPUS"
grep -q "remote 127.0.0.1:9" "$TMP/err" && ok "the refusal names the line" || not_ok "the refusal names the line" "$(cat "$TMP/err")"
expect_rc "also with --shards" 2 index --index "$TMP/remote" --shards 3 "$CORPUS"
expect_eq "the folder with the remote stub is unchanged" "$before" "$(snapshot "$TMP/remote")"
mkdir "$TMP/absstub"
printf 'auto %s\n' "$INDEX/shard0" "$INDEX/shard1" "$INDEX/shard2" > "$TMP/absstub/XAPIANDB"
before=$(snapshot "$INDEX")
expect_rc "a stub with 'auto /abs/path' lines is refused" 2 index --index "$TMP/absstub" "$CORPUS"
expect_eq "and the shards it names are unchanged" "$before" "$(snapshot "$INDEX")"
check "the stub itself is unchanged" test "$(cat "$TMP/absstub/XAPIANDB")" = "$(printf 'auto %s\n' "$INDEX/shard0" "$INDEX/shard1" "$INDEX/shard2")"
check "the daemon still answers" seek --ping

# ---- --shard K: one shard as one ordinary database -------------------------

sum=0
for k in 0 1 2; do
    expect_rc "--shards 3 --shard $k exits 0" 0 index --index "$TMP/part$k" --shards 3 --shard $k "$CORPUS"
    check "part$k has no stub" test ! -e "$TMP/part$k/XAPIANDB"
    check "part$k is one database" test -f "$TMP/part$k/iamglass" -a ! -e "$TMP/part$k/shard0"
    serve part "$TMP/part$k" || exit 1
    shard_holds "$TMP/part.sock" $k "--shard $k"
    sum=$((sum + $(docs_on "$TMP/part.sock")))
    unserve part
done
expect_eq "the --shard databases' counts sum to the total" "$NDOCS" "$sum"

mkdir "$TMP/joined"
printf 'auto %s\n' "$TMP/part0" "$TMP/part1" "$TMP/part2" > "$TMP/joined/XAPIANDB"
serve joined "$TMP/joined" || exit 1
expect_eq "a stub over the three --shard databases finds every document" "$ALL" "$(all_on "$TMP/joined.sock")"
expect_eq "seek --stats: docs over the joined shards" "$NDOCS" "$(docs_on "$TMP/joined.sock")"
same_as "$S1" "$TMP/joined.sock" "joined --shard databases"
unserve joined

before=$(snapshot "$TMP/part0")
expect_rc "shard 0's database refuses --shard 1" 2 index --index "$TMP/part0" --shards 3 --shard 1 "$CORPUS"
grep -q "0/3" "$TMP/err" && ok "the refusal names the stored shard (0/3)" || not_ok "the refusal names the stored shard (0/3)" "$(cat "$TMP/err")"
expect_rc "shard 0's database refuses --shards 2 --shard 0" 2 index --index "$TMP/part0" --shards 2 --shard 0 "$CORPUS"
expect_rc "shard 0's database refuses a run without --shard" 2 index --index "$TMP/part0" "$CORPUS"
grep -q "0/3" "$TMP/err" && ok "that refusal names the stored shard (0/3) too" || not_ok "that refusal names the stored shard (0/3) too" "$(cat "$TMP/err")"
expect_rc "shard 0's database refuses --shards 3 without --shard" 2 index --index "$TMP/part0" --shards 3 "$CORPUS"
expect_eq "shard 0's database is unchanged" "$before" "$(snapshot "$TMP/part0")"
check "and no stub appeared" test ! -e "$TMP/part0/XAPIANDB"
out=$(index --index "$TMP/part0" --shards 3 --shard 0 "$CORPUS" 2>&1)
expect_eq "the same --shard again changes nothing" "0 added, 0 updated, 0 removed, $(count "$(shard_ids 0)") unchanged, 0 failed" "${out% in *}"

# ---- Usage errors: exit 2, nothing written ----------------------------------

expect_rc "--shard without --shards is a usage error" 2 index --index "$TMP/fresh" --shard 0 "$CORPUS"
expect_rc "--shard 3 with --shards 3 is a usage error" 2 index --index "$TMP/fresh" --shards 3 --shard 3 "$CORPUS"
expect_rc "--shards 0 is a usage error" 2 index --index "$TMP/fresh" --shards 0 "$CORPUS"
expect_rc "--shards 257 is a usage error" 2 index --index "$TMP/fresh" --shards 257 "$CORPUS"
expect_rc "--shards -1 is a usage error" 2 index --index "$TMP/fresh" --shards -1 "$CORPUS"
expect_rc "--shards x is a usage error" 2 index --index "$TMP/fresh" --shards x "$CORPUS"
check "usage errors write nothing" test ! -e "$TMP/fresh"
expect_rc "after them, --shards 3 --shard 0 works in the fresh folder" 0 index -q --index "$TMP/fresh" --shards 3 --shard 0 "$CORPUS"

# ---- Shut down ---------------------------------------------------------------

unserve single
if grep -q -e AddressSanitizer -e 'runtime error:' -e LeakSanitizer "$TMP/extra.log" 2>/dev/null; then
    not_ok "no sanitizer report from the extra daemons" "$(grep -m3 -e AddressSanitizer -e 'runtime error:' -e LeakSanitizer "$TMP/extra.log")"
else
    ok "no sanitizer report from the extra daemons"
fi
stop_daemon
finish
