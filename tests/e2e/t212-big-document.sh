#!/bin/sh
# One 50 MB text beside small ones costs only the queries that return it:
# a query that does not return it reads the same document text for its
# snippets as without it, one that does reads at most TEXT_SNIPPET_MAX
# (64 KiB) of it, and its snippet and headline title are those of a short
# text. No timing is asserted: the search answer's "debug" member counts
# the bytes of text read. --max-file-size skips it with a message. A text
# naming many entities shows only the HIT_ENTITIES_MAX (64) most mentioned
# in its hits, while its entity filters find it by every one.
. "$(dirname "$0")/lib.sh"

# text_bytes QUERY: the bytes of document text read for the snippets of a
# search with snippets, as the daemon counts them.
text_bytes() {
    printf '{"op":"search","q":"%s","debug":true}\n' "$1" | raw | python3 -c '
import json, sys
a = json.loads(sys.stdin.readline())
print(a["debug"]["text_bytes"])'
}

index "$CORPUS" > /dev/null 2>&1
start_daemon || exit 1
small_only=$(text_bytes rahmon)
csto_only=$(text_bytes csto)
check "snippets read the small texts ($small_only bytes)" test "$small_only" -gt 10000
expect_eq "a query without hits reads no text" 0 "$(text_bytes qqqxqqqz)"
stop_daemon

# 50 MB of ledger text that names Rahmon once, at its end, and the CSTO
# never.
mkdir -p "$CORPUS/big"
python3 - "$CORPUS/big/ledger.txt" <<'PY'
import random, sys
random.seed(7)
syl = ['ka', 'lo', 'mi', 'ter', 'un', 'zan', 'pre', 'vo', 'dul', 'sim', 'ra', 'ne']
vocab = [''.join(random.choice(syl) for _ in range(random.randint(2, 4))) for _ in range(5000)]
with open(sys.argv[1], 'w') as f:
    f.write('Quarterly ledger of the grain board, with every entry of the season and the '
            'stores of each district listed one by one in the order they came in\n\n')
    n = 0
    while n < 50_000_000:
        line = ' '.join(random.choice(vocab) for _ in range(15)) + '.\n'
        f.write(line)
        n += len(line)
    f.write('The ledger closes with a note that Rahmon read it.\n')
PY
size=$(wc -c < "$CORPUS/big/ledger.txt")
check "the big text is over 50 MB ($size bytes)" test "$size" -gt 50000000

expect_rc "--max-file-size 10M skips it (exit 0)" 0 index --max-file-size 10M "$CORPUS"
cp "$TMP/err" "$TMP/skip.err"
check "and names it" grep -q 'big/ledger.txt: 47.[0-9] MiB, more than --max-file-size (10 MiB); skipped' "$TMP/skip.err"

expect_rc "the default limit (64 MiB) indexes it" 0 index "$CORPUS"
start_daemon || exit 1
expect_eq "it is found" "big/ledger" "$(ids quarterly)"
expect_eq "a query that does not return it reads what it read without it" "$csto_only" "$(text_bytes csto)"
with_big=$(text_bytes rahmon)
extra=$((with_big - small_only))
check "a query that returns it reads at most 64 KiB of it ($extra bytes)" test "$extra" -gt 0 -a "$extra" -le 65536
big_only=$(text_bytes quarterly)
check "its snippet alone reads at most 64 KiB ($big_only bytes)" test "$big_only" -le 65536
seek --json quarterly > "$TMP/big.json"
check "its snippet and title are short" python3 - "$TMP/big.json" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
sys.exit(0 if 0 < len(h["snippet"]) < 600 and len(h["title"]) <= 110 and h["title"].endswith("…") else 1)
PY
expect_eq "a query without hits still reads no text" 0 "$(text_bytes qqqxqqqz)"
stop_daemon

# 100 places of the gazetteer, the first named most often.
rm -r "$CORPUS/big"
python3 - "$ROOT/data/gazetteer.tsv" "$CORPUS/atlas.txt" "$TMP/places" <<'PY'
import re, sys
names = []
for line in open(sys.argv[1], encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if len(f) >= 2 and f[0] == 'place' and re.fullmatch(r'[A-Z][a-z]{4,}', f[1]) and f[1] not in names:
        names.append(f[1])
names = names[:100]
with open(sys.argv[2], 'w') as out:
    out.write('Atlas of delegations\n\n')
    for i, n in enumerate(names):
        out.write(' '.join('Delegates travelled from %s to the summit.' % n for _ in range(101 - i)) + '\n')
open(sys.argv[3], 'w').write('\n'.join(names) + '\n')
PY
index "$CORPUS" > /dev/null 2>&1
start_daemon || exit 1
seek --json --limit 1 delegations > "$TMP/atlas.json"
check "its hit shows the 64 most mentioned places of 100" python3 - "$TMP/atlas.json" "$TMP/places" <<'PY'
import json, sys
names = open(sys.argv[2]).read().split()
ents = [e["name"] for e in json.load(open(sys.argv[1]))["hits"][0]["entities"] if e["type"] == "place"]
sys.exit(0 if len(names) == 100 and ents == names[:64] else 1)
PY
expect_eq "and its place filter finds it by the least mentioned" "atlas" \
    "$(ids "delegations place:$(tail -n 1 "$TMP/places")")"
stop_daemon
finish
