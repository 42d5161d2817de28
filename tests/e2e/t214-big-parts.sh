#!/bin/sh
# A text of more than 32,768 words is kept in parts (seekd-index(8)): beside
# the small texts of corpus/, a phrase placed across the cut between two of
# its parts is found, once; filters, facets and the list of all ids count it
# once; its snippet comes from the part holding the phrase; a shorter
# version of the file leaves no stale part (a phrase of its old tail no
# longer matches) and deleting the file deletes every part. No timing is
# asserted: bench/bigdoc.sh measures what parts save.
. "$(dirname "$0")/lib.sh"

# stat KEY: a member of the stats answer.
stat() {
    seek --json --stats | python3 -c "import json, sys; print(json.load(sys.stdin)['$1'])"
}
# text_bytes QUERY: the bytes of document text the snippets of a search read
# (QUERY as a JSON string's inside: \" for a quote).
text_bytes() {
    printf '{"op":"search","q":"%s","debug":true}\n' "$1" | raw | python3 -c '
import json, sys
print(json.loads(sys.stdin.readline())["debug"]["text_bytes"])'
}

index "$CORPUS" > /dev/null 2>&1
start_daemon || exit 1
small=$(stat docs)
small_bytes=$(text_bytes '\"the collective security\"')
stop_daemon

# LINES lines of 12 words (the first cut falls at word 6144, a line start),
# with "zqalpha zqbravo | zqcharlie zqdelta" across that cut, Dushanbe named
# near the start, "zqtail zqonly" on line 3,501 when it has that many.
make_ledger() {
    python3 - "$CORPUS/big/ledger.txt" "$1" <<'PY'
import random, sys
random.seed(5)
syl = ['ka', 'lo', 'mi', 'ter', 'un', 'zan', 'pre', 'vo', 'dul', 'sim', 'ra', 'ne']
vocab = [''.join(random.choice(syl) for _ in range(random.randint(2, 4))) for _ in range(3000)]
n = int(sys.argv[2])
lines = [[random.choice(vocab) for _ in range(12)] for _ in range(n)]
lines[0][:6] = ['Quarterly', 'ledger', 'of', 'the', 'grain', 'board']
lines[3][:4] = ['delegates', 'met', 'in', 'Dushanbe']
lines[511][10:] = ['zqalpha', 'zqbravo']
lines[512][:2] = ['zqcharlie', 'zqdelta']
if n > 3500:
    lines[3500][5:7] = ['zqtail', 'zqonly']
with open(sys.argv[1], 'w') as f:
    for w in lines:
        f.write(' '.join(w) + '\n')
PY
}
mkdir -p "$CORPUS/big"
make_ledger 4000
index "$CORPUS" > /dev/null 2>&1
start_daemon || exit 1
expect_eq "documents: the small ones and the big one" "$((small + 1))" "$(stat docs)"
parts=$(stat parts)
check "the big text is kept in parts ($parts)" test "$parts" -ge 7
expect_eq "a phrase across the cut between two parts finds it" "big/ledger" \
    "$(ids '"zqalpha zqbravo zqcharlie zqdelta"')"
seek --json '"zqalpha zqbravo zqcharlie zqdelta"' > "$TMP/phrase.json"
check "once, and its snippet shows the phrase" python3 - "$TMP/phrase.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
h = a["hits"]
sys.exit(0 if a["total"] == 1 and len(h) == 1 and "zqalpha zqbravo zqcharlie zqdelta" in h[0]["snippet"]
         and h[0]["title"].startswith("Quarterly ledger") else 1)
PY
expect_eq "NEAR across the cut finds it" "big/ledger" "$(ids 'zqdelta NEAR/5 zqalpha')"
expect_eq "a phrase of a later part finds it" "big/ledger" "$(ids '"zqtail zqonly"')"
expect_eq "a phrase it does not hold finds nothing" "" "$(ids '"zqbravo zqalpha"')"
expect_eq "words of different parts find it (the document holds them all)" "big/ledger" \
    "$(ids 'zqtail zqalpha quarterly')"
expect_eq "a place filter counts it once" "big/ledger" \
    "$(ids '"zqalpha zqbravo zqcharlie zqdelta" place:dushanbe')"
seek --json --facets --limit 100 '"zqalpha zqbravo" OR "zqtail zqonly" OR csto' > "$TMP/facets.json"
check "facets and totals count it once" python3 - "$TMP/facets.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
ids = [h["id"] for h in a["hits"]]
places = {p["name"]: p["count"] for p in a["facets"]["place"]}
sys.exit(0 if ids.count("big/ledger") == 1 and a["total"] == len(ids)
         and places.get("Dushanbe", 0) >= 1 else 1)
PY
all=$(seek --ids --limit 10000 '"zqalpha zqbravo" OR "zqcharlie zqdelta" OR "zqtail zqonly" OR csto OR -qqqxqqqz')
expect_eq "every id is listed once" "$(printf '%s\n' "$all" | sort -u | wc -l)" "$(printf '%s\n' "$all" | wc -l)"
expect_eq "a query that is only NOT lists no part" "$((small + 1))" "$(seek --ids --limit 10000 -- -qqqxqqqz | wc -l)"
big_bytes=$(text_bytes '\"zqalpha zqbravo zqcharlie zqdelta\"')
check "its snippet reads one part, at most 64 KiB ($big_bytes bytes)" test "$big_bytes" -gt 0 -a "$big_bytes" -le 65536
expect_eq "a query that does not return it reads what it read without it" "$small_bytes" \
    "$(text_bytes '\"the collective security\"')"

# Shorter: 1,000 lines (12,000 words) is below the split size.
make_ledger 1000
index "$CORPUS" > /dev/null 2>&1
expect_eq "the shorter text keeps no part" 0 "$(stat parts)"
expect_eq "the phrase of its old tail no longer matches" "" "$(ids '"zqtail zqonly"')"
expect_eq "the phrase across the old cut still does" "big/ledger" \
    "$(ids '"zqalpha zqbravo zqcharlie zqdelta"')"

# Longer again, then deleted: every part goes with it.
make_ledger 6000
index "$CORPUS" > /dev/null 2>&1
check "longer again, in parts" test "$(stat parts)" -gt "$parts"
rm -r "$CORPUS/big"
index "$CORPUS" > /dev/null 2>&1
expect_eq "deleted: no part left" 0 "$(stat parts)"
expect_eq "and the documents are the small ones" "$small" "$(stat docs)"
expect_eq "the phrase finds nothing" "" "$(ids '"zqalpha zqbravo zqcharlie zqdelta"')"
stop_daemon
finish
