#!/bin/sh
# Entity filters on annotated news: indexes tests/eval/docs (wire stories of
# varied world events), asks `seek --ids TYPE:"NAME"` for every entity that
# tests/eval/labels.tsv annotates, and compares the documents found with the
# annotated ones. Prints each filter that misses or over-finds, then recall
# and precision over all (filter, document) pairs; exits 1 when either is
# below 0.9. Run by `make check-entities` (part of `make test`) on these
# and on tests/eval/ru, Russian stories of the CSTO region (their labels name
# each entity in Russian, which the filters accept as any other spelling):
# entities.sh DOCS LABELS.
: "${BIN:?BIN must name the folder with seekd, seekd-index and seek}"
. "$(dirname "$0")/../e2e/lib.sh"

DOCS=${1:-$ROOT/tests/eval/docs} LABELS=${2:-$ROOT/tests/eval/labels.tsv}
rm -rf "$CORPUS"
cp -R "$DOCS" "$CORPUS"
check "index the annotated stories" index -q "$CORPUS"
start_daemon || exit 1

python3 - "$LABELS" "$BIN/seek" "$SOCK" <<'PY'
import collections, subprocess, sys
labels, seek, sock = sys.argv[1:]
want = collections.defaultdict(set)
for line in open(labels, encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        doc, typ, name = line.rstrip("\n").split("\t")
        want[(typ, name)].add(doc)
tp = fp = fn = 0
by_type = collections.defaultdict(lambda: [0, 0, 0])     # type: tp, fp, fn
for (typ, name), docs in sorted(want.items()):
    # No name: filter. A name holding quote marks ("... "Атамекен"") is
    # typed without them: a quoted value cannot hold its own quote.
    q = '%s:"%s"' % ("entity" if typ == "name" else typ, " ".join(name.replace('"', " ").split()))
    r = subprocess.run([seek, "--socket", sock, "--ids", "--limit", "1000", q],
                       capture_output=True, text=True)
    got = set(r.stdout.split())
    tp += len(got & docs)
    fp += len(got - docs)
    fn += len(docs - got)
    t = by_type[typ]
    t[0] += len(got & docs); t[1] += len(got - docs); t[2] += len(docs - got)
    if got != docs:
        print("# %-45s missed %-18s extra %s" % (q, ",".join(sorted(docs - got)) or "-",
                                                  ",".join(sorted(got - docs)) or "-"))
for typ, (t_tp, t_fp, t_fn) in sorted(by_type.items()):
    print("# %-6s %3d annotated documents: recall %.3f, precision %.3f"
          % (typ, t_tp + t_fn, t_tp / (t_tp + t_fn), t_tp / (t_tp + t_fp) if t_tp + t_fp else 0.0))
recall, precision = tp / (tp + fn), tp / (tp + fp) if tp + fp else 0.0
print("# %d filters, %d annotated documents: recall %.3f, precision %.3f"
      % (len(want), tp + fn, recall, precision))
sys.exit(0 if recall >= 0.9 and precision >= 0.9 else 1)
PY
if [ $? -eq 0 ]; then ok "entity filters reach recall and precision 0.9"; else not_ok "entity filters reach recall and precision 0.9"; fi
echo "# entities.sh: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
