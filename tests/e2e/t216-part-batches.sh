#!/bin/sh
# A big text's parts are committed --part-batch N at a time (seekd-index(8)):
# two texts of about twenty parts each, beside the small texts of corpus/,
# indexed with all their parts in one commit, one part per commit (a fresh
# build), and three per commit added to an index that already exists (the
# run's transaction ended and begun again between batches), answer every
# phrase, NEAR and word query alike: the same totals, ids and snippets, and
# the same number of parts.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/big"
# Two texts of 9,000 lines of 12 words from a vocabulary of 40, so that
# phrases recur within and across parts and texts; then 120 queries: phrases
# of two to five words copied from the texts (some across the cuts between
# parts, which fall at line starts near every 6,144 words), phrases of
# words drawn at random (most found nowhere), NEARs and single words.
python3 - "$TMP/big" "$TMP/queries.txt" <<'PY'
import random, sys
random.seed(17)
vocab = ['zq' + a + b for a in 'bcdfgklmnp' for b in 'aeiou'][:40]
words = []
for name in ('first', 'second'):
    w = [random.choice(vocab) for _ in range(9000 * 12)]
    words.append(w)
    with open('%s/%s.txt' % (sys.argv[1], name), 'w') as f:
        f.write('The %s ledger of the grain board\n' % name)
        for i in range(0, len(w), 12):
            f.write(' '.join(w[i:i + 12]) + '\n')
qs = []
for k in range(40):
    w = words[k % 2]
    n = 2 + k % 4
    at = (6144 * (1 + k % 15) - n // 2) if k < 20 else random.randrange(len(w) - n)
    qs.append('"%s"' % ' '.join(w[at:at + n]))
for k in range(40):
    qs.append('"%s"' % ' '.join(random.choice(vocab) for _ in range(2 + k % 3)))
for k in range(30):
    a, b = random.sample(vocab, 2)
    qs.append('%s NEAR/%d %s' % (a, k % 4, b))
for k in range(10):
    qs.append(random.choice(vocab) + ' ledger')
with open(sys.argv[2], 'w') as f:
    f.write('\n'.join(qs) + '\n')
PY
cp -R "$TMP/big" "$CORPUS/big"

# answers NAME: every query's total, ids and snippets, and the part count,
# from the index at $INDEX, into $TMP/NAME.txt.
answers() {
    start_daemon || exit 1
    seek --json --stats | python3 -c "import json, sys; print('parts', json.load(sys.stdin)['parts'])" \
        > "$TMP/$1.txt"
    while IFS= read -r q; do
        printf '%s\t' "$q"
        seek --json --limit 20 -- "$q" | python3 -c '
import json, sys
a = json.load(sys.stdin)
print(a["total"], sorted((h["id"], h.get("snippet", "")) for h in a["hits"]))'
    done < "$TMP/queries.txt" >> "$TMP/$1.txt"
    stop_daemon
}

INDEX=$TMP/one
index -q --part-batch 0 "$CORPUS"
answers one
check "the texts are kept in parts, about twenty each" \
    python3 -c "import sys; sys.exit(0 if int(open('$TMP/one.txt').readline().split()[1]) >= 36 else 1)"
check "phrases copied from the texts find them" \
    test "$(grep -c 'big/' "$TMP/one.txt")" -ge 60

INDEX=$TMP/many
index -q --part-batch 1 "$CORPUS"
answers many
check "one part per commit (a fresh build) answers as all in one commit" \
    cmp "$TMP/one.txt" "$TMP/many.txt"

INDEX=$TMP/inplace
mv "$CORPUS/big" "$TMP/big-later"
index -q "$CORPUS"
mv "$TMP/big-later" "$CORPUS/big"
index -q --part-batch 3 "$CORPUS"
answers inplace
check "three per commit, added to an existing index, answers alike" \
    cmp "$TMP/one.txt" "$TMP/inplace.txt"

# Written again (a changed text) with small batches: the old version's
# parts all go.
printf 'zqtail zqonly\n' >> "$CORPUS/big/first.txt"
index -q --part-batch 2 "$CORPUS"
start_daemon || exit 1
expect_eq "the changed text's new phrase finds it" "big/first" "$(ids '"zqtail zqonly"')"
expect_eq "as many parts as before" "$(head -n 1 "$TMP/one.txt")" \
    "$(seek --json --stats | python3 -c "import json, sys; print('parts', json.load(sys.stdin)['parts'])")"
stop_daemon

expect_rc "--part-batch refuses a negative number" 2 index --part-batch -1 "$CORPUS"
finish
