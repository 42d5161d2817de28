#!/bin/sh
# explain, similar and did you mean, on a corpus of five short texts whose
# shared words fix every expected answer: the dam text shares "vakhsh",
# "river", "water" and "dam" with the river text, "dam" and "electricity"
# with the power text, and nothing but stop words with the summit text.
. "$(dirname "$0")/lib.sh"

RC=$TMP/rc
mkdir -p "$RC"
printf 'Vakhsh dam\nThe Rogun dam on the Vakhsh river will supply water and electricity to Dushanbe. Engineers say the reservoir will be full by then.\n' > "$RC/dam.txt"
printf 'River water\n12 March 2019\nFarmers downstream on the Vakhsh river fear the dam will cut the water they need for cotton.\n' > "$RC/river.txt"
printf 'Electricity exports\n5 May 2023\nTajikistan plans to sell electricity from a new dam to Afghanistan and Pakistan.\n' > "$RC/power.txt"
printf 'Summit in Minsk\n1 June 2022\nLeaders met in Minsk to sign a security declaration; Lukashenko chaired the meeting.\n' > "$RC/summit.txt"
printf 'Cotton prices\n3 April 2021\nCotton prices rose again this spring as farmers sold less of their harvest.\n' > "$RC/cotton.txt"
check "index the small corpus" index -q "$RC"
start_daemon || exit 1

# ---- more like this ----
expect_eq "similar: the texts sharing the most distinctive words, best first, itself left out" \
    "river,power" "$(seek --ids --similar dam | paste -sd, -)"
expect_eq "similar from the river text" "dam,cotton,power" "$(seek --ids --similar river | paste -sd, -)"
expect_eq "similar with a date filter (q)" "river" "$(seek --ids --similar dam 'date:2015..2020' | paste -sd, -)"
expect_eq "similar with another date filter" "power" "$(seek --ids --similar dam 'date:2021..2024' | paste -sd, -)"
expect_eq "similar with --limit" "river" "$(seek --ids --limit 1 --similar dam | paste -sd, -)"
out=$(seek --json --no-snippets --similar dam)
echo "$out" | python3 -c '
import json, sys
a = json.load(sys.stdin)
assert a["ok"] and a["found"] is True and a["total"] == 2, a
assert [h["id"] for h in a["hits"]] == ["river", "power"], a
assert a["hits"][0]["title"] == "River water" and a["hits"][0]["score"] > a["hits"][1]["score"], a
' && ok "similar answers hits as search does" || not_ok "similar answers hits as search does" "$out"
expect_rc "similar: exit 0 with hits" 0 seek --similar dam
expect_rc "similar of an unknown document: exit 1" 1 seek --similar nosuch
grep -q "no document nosuch" "$TMP/err" && ok "similar of an unknown document says so" \
    || not_ok "similar of an unknown document says so" "$(cat "$TMP/err")"
expect_eq "similar of an unknown document: found false" '{"ok":true,"found":false}' \
    "$(echo '{"op":"similar","doc":"nosuch"}' | raw | sed 's/,"took_ms":[0-9.e+-]*//')"
expect_eq "similar needs doc" "bad_request" \
    "$(echo '{"op":"similar","q":"dam"}' | raw | python3 -c 'import json,sys; print(json.load(sys.stdin)["error"]["code"])')"
expect_eq "similar's doc must be a string" "bad_request" \
    "$(echo '{"op":"similar","doc":7}' | raw | python3 -c 'import json,sys; print(json.load(sys.stdin)["error"]["code"])')"
expect_eq "similar with a bad filter: bad_query" "bad_query" \
    "$(echo '{"op":"similar","doc":"dam","q":"date:2015-13"}' | raw | python3 -c 'import json,sys; print(json.load(sys.stdin)["error"]["code"])')"

# ---- explain ----
out=$(echo '{"op":"explain","q":"dam water","doc":"river","id":7}' | raw)
search=$(seek --json --no-snippets dam water)
printf '%s\n%s\n' "$out" "$search" | python3 -c '
import json, sys
x, s = (json.loads(l) for l in sys.stdin)
assert x["ok"] and x["id"] == 7, x
assert x["query"] == "(AND word:dam word:water)", x["query"]
terms = {t["term"]: t for t in x["terms"]}
assert terms["Zdam"]["docs"] == 3 and terms["Zwater"]["docs"] == 2, terms
assert not terms["Zdam"].get("feedback") and terms["Zdam"]["weight"] > 0, terms
assert any(t.get("feedback") for t in x["terms"]), "feedback terms are listed"
d = x["doc"]
assert d["id"] == "river" and d["found"] and d["matches"], d
score = {h["id"]: h["score"] for h in s["hits"]}["river"]
assert abs(d["score"] - score) < 1e-6 * score, (d["score"], score)
assert abs(sum(t["weight"] for t in d["terms"]) - d["score"]) < 1e-6 * score, d
dt = {t["term"]: t for t in d["terms"]}
assert dt["Zwater"]["wdf"] == 2 and dt["Zdam"]["wdf"] == 1, dt
' && ok "explain: the tree, terms with docs and weights, the document's score term by term (= its search score)" \
  || not_ok "explain: the tree, terms, and the document's score by term" "$out"
out=$(echo '{"op":"explain","q":"what dam"}' | raw)
echo "$out" | python3 -c '
import json, sys
x = json.load(sys.stdin)
t = {t["term"]: t for t in x["terms"]}
assert "doc" not in x and "0.1" in x["xapian"] and "Zwhat" in x["xapian"], x
' && ok "explain without doc; a stop word runs at a tenth" || not_ok "explain without doc" "$out"
expect_eq "explain: a document that does not match" "true false" \
    "$(echo '{"op":"explain","q":"dam","doc":"summit"}' | raw | python3 -c 'import json,sys; d=json.load(sys.stdin)["doc"]; print(str(d["found"]).lower(), str(d["matches"]).lower())')"
expect_eq "explain: an unknown document" "false" \
    "$(echo '{"op":"explain","q":"dam","doc":"nosuch"}' | raw | python3 -c 'import json,sys; print(str(json.load(sys.stdin)["doc"]["found"]).lower())')"
expect_eq "explain needs q" "bad_request" \
    "$(echo '{"op":"explain","doc":"dam"}' | raw | python3 -c 'import json,sys; print(json.load(sys.stdin)["error"]["code"])')"
expect_eq "explain of a bad query: bad_query with its offset" "bad_query True" \
    "$(echo '{"op":"explain","q":"dam date:20x"}' | raw | python3 -c 'import json,sys; e=json.load(sys.stdin)["error"]; print(e["code"], e["offset"] >= 4)')"
seek --explain dam water --doc river >"$TMP/out" 2>"$TMP/err"
grep -q "^read as: (AND word:dam word:water)" "$TMP/out" && grep -q "^document river: score" "$TMP/out" \
    && grep -q "Zwater .* 2 " "$TMP/out" \
    && ok "seek --explain --doc prints the reading and the score by term" \
    || not_ok "seek --explain --doc prints the reading and the score by term" "$(cat "$TMP/out" "$TMP/err")"
expect_rc "--doc without --explain is an error" 2 seek --doc river dam

# ---- did you mean ----
expect_rc "a misspelt word finds nothing (the correction is not applied)" 1 seek Dushambe
grep -qx "did you mean: dushanbe" "$TMP/err" && ok "seek prints did you mean" \
    || not_ok "seek prints did you mean" "$(cat "$TMP/err")"
sugg() { seek --json "$@" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("suggestion", "-"))'; }
expect_eq "the whole query comes back, the other words as typed" "Rogun dushanbe" "$(sugg Rogun Dushambe)"
expect_eq "two words corrected at once, a phrase left as it was" "vakhsh river \"the dam\"" \
    "$(sugg 'Vaksh rivr "the dam"')"
expect_eq "a transposition" "electricity" "$(sugg electricty)"
expect_eq "known words get no suggestion" "-" "$(sugg dam water)"
expect_eq "a word known by its stem is no typo" "-" "$(sugg dams)"
expect_eq "a name from the gazetteer that no document holds" "rahmon" "$(sugg rahmonn)"
expect_eq "nothing close: no suggestion" "-" "$(sugg qqqqzzzz)"
expect_eq "--ids answers carry it too" "dushanbe" \
    "$(echo '{"op":"search","q":"Dushambe","ids":true}' | raw | python3 -c 'import json,sys; print(json.load(sys.stdin)["suggestion"])')"

stop_daemon
finish
