#!/bin/sh
# Word forms against a dictionary oracle: generates (once, cached in
# build/wordforms) a Russian corpus and the documents each inflected query
# word should find according to Az.js's OpenCorpora dictionary (gen.js),
# indexes the corpus, runs every query (single words, then pairs of words
# from one document) and prints recall and precision, averaged over queries
# (macro) and over all (query, document) pairs (micro), against both oracle
# readings; then the same for place filters on the places the texts name in
# every case. The cache is keyed by gen.js's checksum: editing it
# regenerates.
#   BIN=bin sh tests/wordforms/measure.sh [DOCS [SEED]]
set -eu
: "${BIN:?}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DOCS=${1:-600} SEED=${2:-7}
WORK=$ROOT/build/wordforms
OUT=$WORK/gen-$DOCS-$SEED-$(cksum < "$ROOT/tests/wordforms/gen.js" | cut -d' ' -f1)
if [ ! -f "$OUT/places.tsv" ]; then
    mkdir -p "$WORK/npm"
    [ -d "$WORK/npm/node_modules/az" ] \
        || (cd "$WORK/npm" && npm install --silent --no-audit --no-fund az@0.2.3 >/dev/null)
    rm -rf "$OUT"
    NODE_PATH="$WORK/npm/node_modules" node "$ROOT/tests/wordforms/gen.js" \
        "$WORK/npm/node_modules/az/dicts" "$OUT" "$DOCS" "$SEED"
fi
export SEEKD_GAZETTEER="$ROOT/data/gazetteer.tsv"
TMP=$(mktemp -d /tmp/seekd-wordforms.XXXXXX)
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
"$BIN/seekd-index" -q --index "$TMP/index" "$OUT/corpus"
"$BIN/seekd" --index "$TMP/index" --socket "$TMP/s.sock" 2>"$TMP/daemon.log" &
PID=$!
i=0
until "$BIN/seek" --socket "$TMP/s.sock" --ping >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -gt 200 ] && { echo "the daemon did not start" >&2; exit 1; }
    sleep 0.05
done
tab=$(printf '\t')
while IFS="$tab" read -r q any top; do
    got=$("$BIN/seek" --socket "$TMP/s.sock" --ids --limit 10000 "$q" | paste -sd, -) || true
    printf '%s\t%s\t%s\t%s\n' "$q" "$any" "$top" "$got"
done < "$OUT/queries.tsv" > "$TMP/results.tsv"
while IFS="$tab" read -r q any top; do
    got=$("$BIN/seek" --socket "$TMP/s.sock" --ids --limit 10000 "$q" | paste -sd, -) || true
    printf '%s\t%s\t%s\t%s\n' "$q" "$any" "$top" "$got"
done < "$OUT/queries2.tsv" > "$TMP/results2.tsv"
while IFS="$tab" read -r q want; do
    got=$("$BIN/seek" --socket "$TMP/s.sock" --ids --limit 10000 "$q" | paste -sd, -) || true
    printf '%s\t%s\t%s\t%s\n' "$q" "$want" "$want" "$got"
done < "$OUT/places.tsv" > "$TMP/places.tsv"
python3 - "$TMP/results.tsv" "$TMP/results2.tsv" "$TMP/places.tsv" <<'PY'
import sys
def report(rows, col, name):
    ids = lambda s: set(x for x in s.split(',') if x)
    tp = fp = fn = 0
    rs, ps = [], []
    misses = []
    for r in rows:
        want, got = ids(r[col]), ids(r[3])
        t = len(want & got)
        tp += t; fp += len(got - want); fn += len(want - got)
        rs.append(t / len(want) if want else 1.0)
        ps.append(t / len(got) if got else (1.0 if not want else 0.0))
        if want != got:
            misses.append((r[0], len(want - got), len(got - want)))
    print(f"{name}: {len(rows)} queries; macro recall {sum(rs)/len(rs):.3f} "
          f"precision {sum(ps)/len(ps):.3f}; micro recall {tp/(tp+fn):.3f} precision {tp/(tp+fp):.3f}")
    misses.sort(key=lambda m: -(m[1] + m[2]))
    if misses:
        print("  worst: " + ", ".join(f"{q} (-{a} +{b})" for q, a, b in misses[:8]))
load = lambda f: [l.rstrip('\n').split('\t') for l in open(f, encoding='utf-8')]
words = load(sys.argv[1])
report(words, 1, "words, oracle reading every parse")
report(words, 2, "words, oracle reading the most likely parse")
pairs = load(sys.argv[2])
report(pairs, 1, "two words, oracle reading every parse")
report(pairs, 2, "two words, oracle reading the most likely parse")
report(load(sys.argv[3]), 1, "place filters")
PY
