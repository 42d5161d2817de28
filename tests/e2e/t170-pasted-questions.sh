#!/bin/sh
# Questions as people type them: the 112 questions of a relevance collection
# (CISI), each sent exactly as written, over the collection's own documents.
# None may be refused, and each must find documents. The collection is read
# where it lies, beside the repository (../shared/relevance) or where
# RELEVANCE_DIR names; without it the test is skipped.
. "$(dirname "$0")/lib.sh"

REL=${RELEVANCE_DIR:-$ROOT/../shared/relevance}
if [ ! -f "$REL/queries.tsv" ] || [ ! -d "$REL/corpus" ]; then
    echo "# skipped: no relevance collection at $REL (set RELEVANCE_DIR)"
    finish
    exit $?
fi

INDEX=$TMP/rel-index
check "index the collection" index -q "$REL/corpus"
start_daemon || exit 1

python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    qid, q = line.rstrip("\n").split("\t", 1)
    print(json.dumps({"op": "search", "q": q, "id": qid, "ids": True, "limit": 10}))
' "$REL/queries.tsv" > "$TMP/requests"
raw < "$TMP/requests" > "$TMP/answers"
python3 -c '
import json, sys
answers = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
asked = sum(1 for _ in open(sys.argv[2], encoding="utf-8"))
refused = [a["id"] + ": " + a["error"]["message"] for a in answers if not a["ok"]]
empty = [a["id"] for a in answers if a["ok"] and not a["ids"]]
odd = [a["id"] for a in answers if a["ok"]
       and not all(isinstance(w, str) and w for w in a.get("warnings", []))]
relaxed = sum(1 for a in answers if a.get("relaxed"))
warned = sum(1 for a in answers if a.get("warnings"))
print("%d %d %d %d" % (len(answers), asked, len(refused), len(empty)))
print("# %d questions, %d relaxed, %d with warnings" % (len(answers), relaxed, warned))
for r in refused[:5] + ["empty: " + e for e in empty[:5]] + ["bad warnings: " + o for o in odd[:5]]:
    print("# " + r)
' "$TMP/answers" "$REL/queries.tsv" > "$TMP/summary"
read -r answered asked refused empty < "$TMP/summary"
grep '^#' "$TMP/summary"
expect_eq "every question is answered" "$asked" "$answered"
expect_eq "no question is refused" 0 "$refused"
expect_eq "every question finds documents" 0 "$empty"
expect_eq "warnings are sentences" 0 "$(grep -c '^# bad warnings' "$TMP/summary")"
stop_daemon
finish
