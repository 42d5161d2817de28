#!/bin/sh
# Wire and site forms of a news date beyond t180's: a full stop after the
# place, Russian short months, an "Updated:" byline part, a time with its
# half of the day and zone before the date, an article's date in a JSON-LD
# graph, a Russian ordinal day; their yearless mentions around the year's
# end; newest first; texts full of dates but without a dateline undated.
. "$(dirname "$0")/lib.sh"

SRC=$TMP/src
rm -rf "$CORPUS"
w() { mkdir -p "$(dirname "$SRC/$1")"; cat > "$SRC/$1"; }
w kazinform.txt <<'EOF2'
ASTANA. December 3. KAZINFORM - The President held a meeting on the 2021 budget. The next session is on 20 January.
EOF2
w interfax.txt <<'EOF2'
МОСКВА. 3 дек. 2021. INTERFAX - Центробанк сохранил ключевую ставку. Следующее заседание пройдет 17 дек.
EOF2
w byline.txt <<'EOF2'
Markets fall on inflation fears
By Jane Doe | Updated: 12:30 GMT, 29 Dec 2021
Stocks fell sharply. Analysts expect a rebound by 10 January.
EOF2
w apweb.txt <<'EOF2'
Senate passes stopgap bill
By LISA ROE
Published 2:05 PM EST, December 2, 2021
WASHINGTON (AP) — The Senate passed the bill. The next deadline is Feb. 18.
EOF2
w web/graph.html <<'EOF2'
<html><head><title>Graph</title><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2015-01-01"},{"@type":"NewsArticle","datePublished":"2021-12-01T08:00:00Z"}]}
</script></head><body><p>Drought in the south since 28 November.</p></body></html>
EOF2
w ordinal.txt <<'EOF2'
Итоги совещания
Совещание министров прошло в Душанбе. Следующее совещание пройдет 10-го января 2022 года.
EOF2
w history.txt <<'EOF2'
A short history of the treaty
The treaty was signed on 15 May 1992 in Tashkent. It was amended on 2 April 1999 and again on 7 October 2002. Members met on 10 December 2010.
EOF2
find "$SRC" -type f -exec touch -d 2001-01-01T00:00:00Z {} +
cp -R "$SRC" "$CORPUS"
check "index the copy" index -q "$CORPUS"
start_daemon || exit 1

seek --json --limit 100 --no-snippets 'NOT zzzz' > "$TMP/all.json"
python3 - "$TMP/all.json" <<'PY' && ok "each wire form dates its story" || not_ok "wire dates" "$(head -c 1500 "$TMP/all.json")"
import json, sys
want = {
    "kazinform": ("2021-12-03", "dateline"), "interfax": ("2021-12-03", "dateline"),
    "byline": ("2021-12-29", "dateline"), "apweb": ("2021-12-02", "dateline"),
    "web/graph": ("2021-12-01", "meta"), "ordinal": None, "history": None,
}
got = {h["id"]: (h["date"], h["date_source"]) if "date" in h else None
       for h in json.load(open(sys.argv[1]))["hits"]}
bad = {k: (want[k], got.get(k, "missing")) for k in want if got.get(k, "missing") != want[k]}
assert not bad and len(got) == len(want), bad or got
PY
expect_eq "yearless mentions after the year's end take the next year" "byline,kazinform" "$(ids 'published:2021 AND (date:2022-01-10 OR date:2022-01-20)')"
expect_eq "... a Russian short month keeps the year" "interfax" "$(ids date:2021-12-17)"
expect_eq "... and before a date, the same year" "web/graph" "$(ids date:2021-11-28)"
expect_eq "a Russian ordinal day is a date" "ordinal" "$(ids date:2022-01-10 AND совещание)"
expect_eq "dates in a text without a dateline are mentions only" "" "$(ids published:1990..2010)"
expect_eq "newest first, equal dates by id, the undated last" "byline,interfax,kazinform,apweb,web/graph,history,ordinal" \
    "$(seek --ids --limit 100 --sort newest 'NOT zzzz' | paste -sd, -)"
stop_daemon
finish
