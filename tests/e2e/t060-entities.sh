#!/bin/sh
# Entity and date search on corpus/: aliases across spellings and scripts,
# names the gazetteer lacks, dates, facets, the entity card and listing;
# Russian bodies of a state however written.
. "$(dirname "$0")/lib.sh"

A=000_26b1c25252f2a5d8 B=001_c81778ca1d1bf765 C=002_e7e7b18dbc548489
D=003_8535bf958c1bff71 E=004_64131aa31a3a0c56

# Only one of these texts says its date (a date line); the others are
# undated, whatever their mtime, and their dates without a year get none.
touch -d 2017-06-01T12:00:00Z "$CORPUS"/*.txt
check "index corpus" index -q "$CORPUS"
start_daemon || exit 1

expect_eq "person:rakhmon" "$A,$B,$D,$E" "$(ids person:rakhmon)"
expect_eq "person:\"Emomali Rahmon\"" "$A,$B,$D,$E" "$(ids 'person:"Emomali Rahmon"')"
expect_eq "person:Рахмон (Cyrillic)" "$A,$B,$D,$E" "$(ids person:Рахмон)"
expect_eq "place:doshanbe" "$B,$E" "$(ids place:doshanbe)"
expect_eq "place:Душанбе" "$B,$E" "$(ids place:Душанбе)"
expect_eq "org:ОДКБ = org:csto" "$(ids org:csto)" "$(ids org:ОДКБ)"
expect_eq "org:csto" "$A,$B,$C,$D,$E" "$(ids org:csto)"
expect_eq "org:SCO by its full name = org:sco" "$(ids org:sco)" "$(ids 'org:"Shanghai Cooperation Organization"')"
expect_eq "entity: takes any type" "$B,$E" "$(ids entity:doshanbe)"
expect_eq "an entity filter combines with a phrase" "$D" "$(ids 'person:rahmon "sleeper cells"')"
expect_eq "an entity filter combines with NOT" "$B,$E" "$(ids 'person:rahmon -date:2012 -"sleeper cells"')"
expect_eq "a name not in the gazetteer (person)" "$E" "$(ids 'person:"Markus Mueller"')"
expect_eq "a name not in the gazetteer (any type)" "$E" "$(ids 'entity:"Miroslav Jenca"')"
expect_eq "a single word finds the names that have it" "$E" "$(ids person:mueller)"
snip=$(seek person:mueller | sed -n 3p)
case $snip in *"[Markus Mueller]"*) ok "and marks the name in the snippet" ;; *) not_ok "and marks the name in the snippet" "$snip" ;; esac
expect_eq "a name not in the gazetteer (place)" "$B" "$(ids 'entity:"Qasri Millat"')"
expect_rc "an unknown entity finds nothing (exit 1)" 1 seek person:nosuchpersonanywhere
expect_eq "an empty filter is dropped, not read as a word" "$(ids rahmon)" "$(ids 'rahmon person:')"
expect_rc "with a warning" 0 seek 'rahmon person:'
grep -q "ignored 'person:' at byte 7: nothing right after the colon" "$TMP/err" && ok "saying so" || not_ok "saying so" "$(cat "$TMP/err")"
expect_rc "a filter with no letters is ignored" 0 seek 'rahmon person:"!!"'
grep -q "ignored 'person:!!'" "$TMP/err" && ok "with a warning" || not_ok "with a warning" "$(cat "$TMP/err")"

expect_eq "date:1992" "$A,$C,$D" "$(ids date:1992)"
expect_eq "date:2004-12-02" "$C,$E" "$(ids date:2004-12-02)"
expect_eq "date:2015-09" "$E" "$(ids date:2015-09)"
expect_eq "date:2012" "$A" "$(ids date:2012)"
expect_eq "date:2010..2015" "$A,$C,$E" "$(ids date:2010..2015)"
expect_eq "an undated text's date without a year matches no year" "" "$(ids date:2017-11 OR date:2026-11)"
expect_eq "a date line dates its document" "$C" "$(ids date:2025-04-09)"
expect_eq "published: is the document's own date" "$C" "$(ids published:2025)"
expect_eq "no document is dated by its mtime" "" "$(ids date:2017-06-01)"
expect_rc "an impossible date is an error" 2 seek date:2020-02-30

seek --json --facets --limit 1 person:rahmon > "$TMP/facets.json"
python3 - "$TMP/facets.json" "$E" <<'PY' && ok "facets count documents per entity and year" || not_ok "facets" "$(head -c 600 "$TMP/facets.json")"
import json, sys
a = json.load(open(sys.argv[1]))
f = a["facets"]
assert f["person"][0] == {"type": "person", "name": "Emomali Rahmon", "count": 4}, f["person"][:2]
places = {p["name"]: p["count"] for p in f["place"]}
assert places["Dushanbe"] == 2 and places["Tajikistan"] == 4, places
orgs = {o["name"]: o["count"] for o in f["org"]}
assert orgs["Collective Security Treaty Organization"] == 4, orgs
years = {y["year"]: y["count"] for y in f["date"]}
assert years["1992"] == 2, years
hit = a["hits"][0]
names = {e["name"] for e in hit["entities"]}
assert "Emomali Rahmon" in names and "date" not in hit, hit
PY

snip=$(seek --limit 10 person:rahmon | grep -A2 "$E" | tail -1)
case $snip in *"[Emomali Rakhmon]"*) ok "the snippet marks the alias that matched" ;; *) not_ok "the snippet marks the alias that matched" "$snip" ;; esac

seek --json --entity rakhmon > "$TMP/card.json"
python3 - "$TMP/card.json" "$B" <<'PY' && ok "entity card: name, type, aliases, documents by mentions, co-occurring" || not_ok "entity card" "$(head -c 600 "$TMP/card.json")"
import json, sys
a = json.load(open(sys.argv[1]))
assert a["found"] and a["name"] == "Emomali Rahmon" and a["type"] == "person" and a["docs"] == 4, a
assert "Rakhmon" in a["aliases"] and "Рахмон" in a["aliases"], a["aliases"]
docs = a["documents"]
assert len(docs) == 4 and docs[0]["id"] == sys.argv[2], docs
assert all(docs[i]["mentions"] >= docs[i + 1]["mentions"] for i in range(3)), docs
co = {c["name"] for c in a["cooccurring"]}
assert "Tajikistan" in co and "Emomali Rahmon" not in co, co
PY
expect_rc "an unknown entity card exits 1" 1 seek --entity nosuchpersonanywhere
out=$(seek --entity Душанбе | head -1)
expect_eq "card for a Cyrillic spelling" "Dushanbe (place), mentioned in 2 documents" "$out"
out=$(seek --entity mueller | head -1)
case $out in "Markus Mueller ("*) ok "a surname finds the detected full name" ;; *) not_ok "a surname finds the detected full name" "$out" ;; esac

seek --json --entities --type place --limit 100 > "$TMP/list.json"
python3 - "$TMP/list.json" <<'PY' && ok "entities listing by type with counts" || not_ok "entities listing" "$(head -c 600 "$TMP/list.json")"
import json, sys
a = json.load(open(sys.argv[1]))
e = {x["name"]: x["count"] for x in a["entities"]}
assert e["Dushanbe"] == 2 and e["Tajikistan"] == 5 and all(x["type"] == "place" for x in a["entities"]), e
counts = [x["count"] for x in a["entities"]]
assert counts == sorted(counts, reverse=True)
PY
expect_eq "entities listing by name prefix" "Dushanbe" "$(seek --entities --type place --prefix dush | head -1 | awk '{print $3}')"
expect_eq "a prefix matches any word of the name" "Emomali Rahmon" "$(seek --entities --prefix rahm | head -1 | cut -c17-)"
stop_daemon

# A Russian body is one organization however the text writes it: with its
# owner in full, by its abbreviation, or alone in a story from its country.
mkdir -p "$CORPUS/ru"
printf 'Заявление\n\nАСТАНА, 3 мая. Министерство иностранных дел Республики Казахстан выразило протест.\n' > "$CORPUS/ru/body1.txt"
printf 'Брифинг\n\nАЛМАТЫ, 4 мая. Представитель МИД заявил журналистам, что переговоры продолжатся.\n' > "$CORPUS/ru/body2.txt"
printf 'Визит\n\nБИШКЕК, 5 мая. Представитель МИД заявил, что визит состоится.\n' > "$CORPUS/ru/body3.txt"
check "index the Russian bodies" index -q "$CORPUS"
start_daemon || exit 1
expect_eq 'org:"МИД Казахстана" finds each way of writing it' "ru/body1,ru/body2" "$(ids 'org:"МИД Казахстана"')"
expect_eq 'org:"Министерство иностранных дел Кыргызстана"' "ru/body3" \
    "$(ids 'org:"Министерство иностранных дел Кыргызстана"')"
stop_daemon

# A body's unit for a region is an organization of its own, beside its body
# and its region; a full official name finds what the gazetteer names in
# short, its owner written another way, its eponym added, and what the
# text names with its owner's abbreviation.
printf 'Патрули\n\nМОСКВА, 6 мая. ГУ МВД России по г. Москве усилит патрулирование.\n' > "$CORPUS/ru/unit1.txt"
printf 'Учения\n\nМОСКВА, 7 мая. В Главном управлении Министерства внутренних дел по Москве прошли учения.\n' > "$CORPUS/ru/unit2.txt"
printf 'Омск\n\nОМСК, 8 мая. УМВД России по Омской области сообщило о задержании.\n' > "$CORPUS/ru/unit3.txt"
printf 'Лекция\n\nМОСКВА, 9 мая. В МГУ прошла лекция, сообщили в МИД России.\n' > "$CORPUS/ru/named.txt"
printf 'Опыт\n\nУФА, 10 мая. Ученые Уфимского федерального исследовательского центра РАН провели опыт.\n' > "$CORPUS/ru/owned.txt"
check "index the units" index -q "$CORPUS"
start_daemon || exit 1
expect_eq 'org:"Главное управление МВД России по Москве" finds each way of writing it' "ru/unit1,ru/unit2" \
    "$(ids 'org:"Главное управление МВД России по Москве"')"
expect_eq 'a unit glued to its body' "ru/unit3" "$(ids 'org:"Управление МВД по Омской области"')"
expect_eq 'the unit names its body, glued to its head too' "ru/unit1,ru/unit2,ru/unit3" \
    "$(ids 'org:"МВД России"')"
expect_eq "the unit names its region" "ru/named,ru/unit1,ru/unit2" "$(ids 'place:Москва')"
expect_eq 'org:"Министерство иностранных дел России" finds "МИД России"' "ru/named" \
    "$(ids 'org:"Министерство иностранных дел России"')"
expect_eq 'org:"Московский государственный университет имени М. В. Ломоносова" finds "МГУ"' "ru/named" \
    "$(ids 'org:"Московский государственный университет имени М. В. Ломоносова"')"
expect_eq 'an owner written in full finds its abbreviation' "ru/owned" \
    "$(ids 'org:"Уфимский федеральный исследовательский центр Российской академии наук"')"
stop_daemon
finish
