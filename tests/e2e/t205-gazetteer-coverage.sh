#!/bin/sh
# The shipped gazetteer covers every country of ISO 3166-1 (iso-codes, as
# installed) and every capital (data/capitals.tsv, written by its build), in
# English and Russian; a name two entities share is told apart in a story.
. "$(dirname "$0")/lib.sh"

ISO=/usr/share/iso-codes/json/iso_3166-1.json
MO=/usr/share/locale/ru/LC_MESSAGES/iso_3166-1.mo
OUT=$(python3 "$ROOT/tests/gazetteer/coverage.py" "$ISO" "$MO" "$ROOT/data/gazetteer.tsv" "$ROOT/data/capitals.tsv")
RC=$?
echo "$OUT" | sed -n '1,20p'
expect_eq "every country and capital, in English and Russian" "0" "$RC"

W=$TMP/news/wire
mkdir -p "$W"
cat > "$W/typhoon.txt" <<'TXT'
TYPHOON HITS GUAM

HAGATNA, Guam (AP) - A typhoon struck Guam on Wednesday, knocking out power across the island.
TXT
cat > "$W/guam-group.txt" <<'TXT'
KYIV, Oct 1 (Reuters) - Foreign ministers of the GUAM group, Georgia, Ukraine, Azerbaijan and Moldova, met in Kyiv.
TXT
cat > "$W/atlanta.txt" <<'TXT'
ATLANTA (AP) - Georgia Gov. Brian Kemp signed the bill on Thursday. Georgia's governor said the law was fair.
TXT
cat > "$W/tbilisi.txt" <<'TXT'
TBILISI (Reuters) - Georgia accused Russia of bombing its territory, and the Georgian government called for talks.
TXT
cat > "$W/algiers.txt" <<'TXT'
АЛЖИР, 2 апреля - Президент Алжира подал в отставку. В Алжире, столице страны, прошли празднования.
TXT
check "index the stories" index -q "$TMP/news"
start_daemon || exit 1
expect_eq "place:guam is the territory, in a headline too" "wire/typhoon" "$(ids place:guam)"
expect_eq "org:guam is the group written in capitals" "wire/guam-group" "$(ids org:guam)"
expect_eq "place:georgia is the country" "wire/guam-group,wire/tbilisi" "$(ids place:georgia)"
expect_eq "the U.S. state is told by Atlanta and its governor" "wire/atlanta" "$(ids 'place:"State of Georgia"')"
expect_eq "place:Алжир finds the country and its capital" "wire/algiers" "$(ids place:Алжир)"
expect_eq "place:algeria: the country, named by its Russian name" "wire/algiers" "$(ids place:algeria)"
echo "# t205-gazetteer-coverage.sh: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
