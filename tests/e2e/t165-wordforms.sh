#!/bin/sh
# Russian and the region's other languages: word forms by script, entities
# named in inflected Russian, names across spellings and scripts, й and ё,
# mixed-script words. The texts are in tests/e2e/wordforms/ (r1..r9).
. "$(dirname "$0")/lib.sh"

WF=$TMP/wf
cp -R "$ROOT/tests/e2e/wordforms" "$WF"
check "index the Russian texts" index -q "$WF"
start_daemon || exit 1

# Word forms find each other, both ways.
expect_eq "сессия finds сессия and сессии" "r1,r2" "$(ids сессия)"
expect_eq "сессии finds them too" "r1,r2" "$(ids сессии)"
expect_eq "безопасность finds безопасности" "r1,r2" "$(ids безопасность)"
expect_eq "Минске finds Минск" "r1" "$(ids Минске)"
expect_eq "a past tense finds the future" "r1,r8" "$(ids обсудили)"
expect_eq "переговоры finds переговоры" "r1,r4" "$(ids переговорах)"
# ...but the dictionary keeps apart what a stemmer joins.
expect_eq "безопасность is not безопасный" "r5" "$(ids безопасный)"
expect_eq "страны is not странный" "" "$(ids страны)"
expect_eq "мир is not мирный" "" "$(ids мир)"
# й is a letter; ё is е.
expect_eq "мой is not мои" "r5" "$(ids '"мой"')"
expect_eq "мои is not мой" "r4" "$(ids '"мои"')"
expect_eq "еще finds ещё" "r4" "$(ids еще)"
expect_eq "трех finds трёх" "r1" "$(ids '"трех часов"')"
# Phrases stay exact: the form as written.
expect_eq "a phrase is exact" "r1" "$(ids '"сессия Совета"')"
expect_eq "another form of the phrase" "" "$(ids '"сессии Совета"')"

# Entities named in inflected Russian.
expect_eq "person:putin (Путин, Путиным, Путину)" "r1,r2" "$(ids person:putin)"
expect_eq "person:Путиным" "r1,r2" "$(ids person:Путиным)"
expect_eq "place:moscow (в Москве, из Москвы, в Москву)" "r2,r4,r7" "$(ids place:moscow)"
expect_eq "place:russia (России)" "r1,r4" "$(ids place:russia)"
expect_eq "place:kazakhstan (Казахстана, Қазақстан)" "r2,r6" "$(ids place:kazakhstan)"
expect_eq "place:tajikistan (Таджикистана, Тоҷикистон)" "r3,r6" "$(ids place:tajikistan)"
expect_eq "org:eu (Евросоюза)" "r3" "$(ids org:eu)"
expect_eq "person:rahmon (Рахмон, Рахмоном, Rakhmonov)" "r3,r7,r8" "$(ids person:rahmon)"
expect_eq "a name the gazetteer lacks, in two cases" "r9" "$(ids 'person:"Нурлан Абдыкадыров"')"
expect_eq "and by another case" "r9" "$(ids 'person:"Нурланом Абдыкадыровым"')"
snip=$(seek person:putin | grep -c '\[Путиным\]\|\[Путину\]')
expect_eq "snippets mark the inflected name" 2 "$snip"
seek --json --facets --limit 1 place:moscow > "$TMP/facets.json"
python3 - "$TMP/facets.json" <<'PY' && ok "facets count inflected mentions" || not_ok "facets count inflected mentions" "$(head -c 600 "$TMP/facets.json")"
import json, sys
a = json.load(open(sys.argv[1]))
places = {p["name"]: p["count"] for p in a["facets"]["place"]}
assert places["Moscow"] == 3, places
persons = {p["name"]: p["count"] for p in a["facets"]["person"]}
assert persons.get("Vladimir Putin") == 1, persons
PY
card=$(seek --entity Путину)
case $card in *"Vladimir Putin"*) ok "the entity card of an inflected name" ;; *) not_ok "the entity card of an inflected name" "$card" ;; esac

# Names across spellings and scripts, as plain words.
expect_eq "rakhmon finds Рахмон and Rakhmonov" "r3,r7,r8" "$(ids rakhmon)"
expect_eq "=rakhmon keeps that spelling" "" "$(ids =rakhmon)"
suggestion() { seek --json "$@" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("suggestion", "-"))'; }
expect_eq "a name that finds its other spellings is no typo" "-" "$(suggestion rakhmon)"
expect_eq "lukashenka finds Лукашенко" "r1,r7,r8" "$(ids lukashenka)"
expect_eq "Лукашенко finds Lukashenka" "r1,r7,r8" "$(ids Лукашенко)"
expect_eq "a quoted full name finds ОДКБ" "r1,r3,r7" "$(ids '"Collective Security Treaty Organization"')"
expect_eq "=\"...\" keeps the phrase as written" "r7" "$(ids '="Collective Security Treaty Organization"')"
out=$(seek lukashenka)
case $out in *"[Лукашенко]"*"[Lukashenka]"*|*"[Lukashenka]"*"[Лукашенко]"*) ok "snippets mark the form the text used" ;;
*) not_ok "snippets mark the form the text used" "$out" ;; esac

# Mixed-script words are read in their dominant script.
expect_eq "=moscow finds Mоscow (a Cyrillic о)" "r7" "$(ids =moscow)"
expect_eq "Рахмон finds Рaхмон (a Latin a)" "r3,r7,r8" "$(ids Рахмон)"

# The region's other scripts.
expect_eq "Armenian word forms" "r6" "$(ids Հայաստան)"
expect_eq "Kazakh, unstemmed" "r6" "$(ids Президенті)"
expect_eq "Tajik, unstemmed" "r6" "$(ids сарҳад)"

stop_daemon
finish
