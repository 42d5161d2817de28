#!/bin/sh
# Document dates from what documents say: every source of a date, read
# right after a cp that gave every file today's mtime; yearless mentions;
# date: and published:; newest and oldest first with paging; the month
# timeline and seek --timeline; the mtime only when asked for.
. "$(dirname "$0")/lib.sh"

SRC=$TMP/src
rm -rf "$CORPUS"
mkdir -p "$SRC/news/2018/05/14" "$SRC/web" "$SRC/feeds" "$SRC/ru"
# Old mtimes on the originals: cp below replaces them with today's.
w() { mkdir -p "$(dirname "$SRC/$1")"; cat > "$SRC/$1"; }
w dateline.txt <<'EOF'
Leaders meet in Dushanbe
DUSHANBE, 22 March 2000 – The heads of state met on Wednesday. They meet again on 10 February.
EOF
w wire.txt <<'EOF'
CSTO summit opens
MINSK, Nov 30 (Reuters) - The 2017 summit of the alliance opened in Minsk.
EOF
w ru/gorod.txt <<'EOF'
Саммит ОДКБ
Минск, 30 ноября 2017 года. Лидеры встретятся снова 5 декабря.
EOF
w dotted.txt <<'EOF'
Visit
Dushanbe, 03.02.2021 — The delegation arrived. Talks were held on 29 December.
EOF
w header.txt <<'EOF'
Briefing
Date: Tue, 11 Jun 2019 09:42:00 +0300
The ministers spoke.
EOF
w posted.txt <<'EOF'
Briefing two
Posted: 2019-06-11 09:42
The ministers spoke again.
EOF
w published.txt <<'EOF'
Report
Published March 2, 2023
The report came out.
EOF
w signed.txt <<'EOF'
Press release of the embassy
The embassy notes the session. The next one is on 10 February.
20 December 2019
EOF
w news/2018/05/14/minsk-summit.txt <<'EOF'
Summit in Minsk
Leaders gathered.
EOF
w 2020-11-25-title.txt <<'EOF'
Note
Nothing here says when.
EOF
w undated.txt <<'EOF'
Rahmon will be in Minsk
Tajik President Emomali Rahmon will attend the session in Minsk on November 30.
EOF
w web/og.html <<'EOF'
<html><head><meta property="article:published_time" content="2016-03-04T23:30:00-05:00">
<title>OG page</title></head><body><p>Text of the page.</p></body></html>
EOF
w web/metadate.html <<'EOF'
<html><head><meta name="date" content="2015-09-14"><title>Meta page</title></head>
<body><p>Another page.</p></body></html>
EOF
w web/jsonld.html <<'EOF'
<html><head><title>JSON-LD page</title><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2014-07-01T10:00:00Z"}]}
</script></head><body><p>A third page.</p></body></html>
EOF
w web/time.html <<'EOF'
<html><head><title>Time page</title></head><body><nav>Menu</nav>
<article><h1>Story</h1><time datetime="2013-05-06">6 May</time><p>A fourth page.</p></article></body></html>
EOF
{
    printf '<html><head><title>Long menu</title></head><body><nav><ul>'
    for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do printf '<li>Section %s</li>' $i; done
    printf '</ul></nav><article><h1>Talks</h1><p>Posted: 3 February 2012</p><p>Text.</p></article></body></html>\n'
} | w web/menu.html
w feeds/wire.jsonl <<'EOF'
{"id":"dated","title":"Dated article","date":"Thu, 30 Nov 2017 10:00:00 +0000","text":"The article on 2 December."}
{"id":"nodate","title":"Article without a date","text":"No date at all, just words."}
EOF
find "$SRC" -type f -exec touch -d 2001-01-01T00:00:00Z {} +
cp -R "$SRC" "$CORPUS"
check "index the copy" index -q "$CORPUS"
start_daemon || exit 1

seek --json --limit 100 --no-snippets 'NOT zzzz' > "$TMP/all.json"
python3 - "$TMP/all.json" <<'PY' && ok "every document dated by what it says, not by its mtime" || not_ok "document dates" "$(head -c 1500 "$TMP/all.json")"
import json, sys
want = {
    "dateline": ("2000-03-22", "dateline"), "wire": ("2017-11-30", "dateline"),
    "ru/gorod": ("2017-11-30", "dateline"), "dotted": ("2021-02-03", "dateline"),
    "header": ("2019-06-11", "dateline"), "posted": ("2019-06-11", "dateline"),
    "published": ("2023-03-02", "dateline"), "signed": ("2019-12-20", "dateline"),
    "news/2018/05/14/minsk-summit": ("2018-05-14", "path"),
    "2020-11-25-title": ("2020-11-25", "path"),
    "web/og": ("2016-03-04", "meta"), "web/metadate": ("2015-09-14", "meta"),
    "web/jsonld": ("2014-07-01", "meta"), "web/time": ("2013-05-06", "meta"),
    "web/menu": ("2012-02-03", "dateline"),
    "feeds/wire/dated": ("2017-11-30", "feed"),
    "undated": None, "feeds/wire/nodate": None,
}
got = {}
for h in json.load(open(sys.argv[1]))["hits"]:
    got[h["id"]] = (h["date"], h["date_source"]) if "date" in h else None
    assert ("date" in h) == ("date_source" in h), h
bad = {k: (want[k], got.get(k, "missing")) for k in want if got.get(k, "missing") != want[k]}
assert not bad and len(got) == len(want), bad or got
PY

expect_eq "a yearless mention takes the year nearest its text's date (forward)" "dateline,signed" "$(ids date:2000-02-10 OR date:2020-02-10)"
expect_eq "... and back over New Year" "dotted" "$(ids date:2020-12-29)"
expect_eq "... in Russian" "ru/gorod" "$(ids date:2017-12-05)"
expect_eq "... in a feed article" "feeds/wire/dated" "$(ids date:2017-12-02)"
expect_eq "an undated text's yearless mention matches no year" "" "$(ids 'date:1900..2100 "on November 30"')"
expect_eq "an article without a date is not dated 1970" "" "$(ids date:1970)"
expect_eq "date: takes mentions and own dates" "dateline,signed" "$(ids date:2000-02 OR date:2020-02)"
expect_eq "published: takes only the document's own date" "" "$(ids published:2000-02 OR published:2020-02)"
expect_eq "published: a month" "header,posted" "$(ids published:2019-06)"
expect_eq "published: an open range" "dateline,web/jsonld,web/menu,web/time" "$(ids published:..2014-12-31)"
expect_eq "published: with words" "ru/gorod" "$(ids 'published:2017 лидеры')"
expect_rc "published: checks its range" 2 seek published:2019-13

# Order: newest and oldest first, equal dates by id (equal scores here),
# undated last; every page a slice of the whole.
for sort in newest oldest relevance; do
    full=$(seek --ids --limit 100 --sort $sort 'NOT zzzz' | paste -sd, -)
    paged=
    off=0
    while [ $off -lt 20 ]; do
        page=$(seek --ids --limit 3 --offset $off --sort $sort 'NOT zzzz' | paste -sd, -)
        [ -n "$page" ] && paged=${paged:+$paged,}$page
        off=$((off + 3))
    done
    expect_eq "--sort $sort pages exactly" "$full" "$paged"
done
expect_eq "newest first" "published,dotted,2020-11-25-title,signed,header,posted,news/2018/05/14/minsk-summit,feeds/wire/dated,ru/gorod,wire,web/og,web/metadate,web/jsonld,web/time,web/menu,dateline,feeds/wire/nodate,undated" \
    "$(seek --ids --limit 100 --sort newest 'NOT zzzz' | paste -sd, -)"
expect_eq "oldest first, undated still last" "dateline,web/menu,web/time,web/jsonld,web/metadate,web/og,feeds/wire/dated,ru/gorod,wire,news/2018/05/14/minsk-summit,header,posted,signed,2020-11-25-title,dotted,published,feeds/wire/nodate,undated" \
    "$(seek --ids --limit 100 --sort oldest 'NOT zzzz' | paste -sd, -)"
expect_eq "equal dates by score first" "posted,header" "$(seek --ids --sort newest 'published:2019-06 (ministers OR again)' | paste -sd, -)"
seek --json --sort newest --limit 1 --offset 17 'NOT zzzz' > "$TMP/last.json"
python3 -c 'import json,sys; h=json.load(open(sys.argv[1]))["hits"]; assert len(h)==1 and "date" not in h[0], h' "$TMP/last.json" \
    && ok "the last page holds the undated" || not_ok "the last page holds the undated" "$(cat "$TMP/last.json")"
expect_rc "a bad --sort is refused" 2 seek --sort sideways x
raw=$(printf '{"op":"search","q":"x","sort":"sideways"}\n' | python3 "$ROOT/tests/e2e/raw.py" "$SOCK" 2>/dev/null || true)
case $raw in *bad_request*sort*) ok "a bad sort is a bad_request" ;; *) not_ok "a bad sort is a bad_request" "$raw" ;; esac

# The timeline: per month of the documents' own dates, and of their mentions.
python3 - "$SOCK" <<'PY' && ok "month and year facets by own date and by mention" || not_ok "month and year facets"
import json, socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(b'{"op":"search","q":"date:2017 OR date:2019","facets":["month","year"],"limit":0}\n')
b = b""
while not b.endswith(b"\n"):
    b += s.recv(65536)
a = json.loads(b)
m, y = a["facets"]["month"], a["facets"]["year"]
assert a["total"] == 6, a
assert m["dated"] == [{"month": "2017-11", "count": 3}, {"month": "2019-06", "count": 2},
                      {"month": "2019-12", "count": 1}], m
assert m["undated"] == 0, m
assert {"month": "2017-12", "count": 2} in m["mentioned"], m
assert {"month": "2020-02", "count": 1} in m["mentioned"], m
assert y["dated"] == [{"year": "2017", "count": 3}, {"year": "2019", "count": 3}], y
PY
seek --timeline 'date:2017 OR date:2019 OR date:2020' > "$TMP/timeline.txt"
expect_eq "seek --timeline exits 0" 0 $?
python3 - "$TMP/timeline.txt" <<'PY' && ok "seek --timeline draws a bar per month, widest full, counts at the ends" || not_ok "seek --timeline" "$(cat "$TMP/timeline.txt")"
import re, sys
lines = open(sys.argv[1]).read().splitlines()
assert lines[0] == "Documents by their date, by month:", lines
bars = [l for l in lines[1:lines.index("")] if re.match(r"^\d{4}-\d\d \|", l)]
first = bars.index(next(l for l in bars if l.startswith("2017-11")))
months = [l[:7] for l in bars[first:first + 14]]
assert months[0] == "2017-11" and months[1] == "2017-12" and months[13] == "2018-12", months
counts = {l[:7]: int(l.split()[-1]) for l in bars}
assert counts["2017-11"] == 3 and counts["2017-12"] == 0 and counts["2019-06"] == 2, counts
widest = max(bars, key=lambda l: int(l.split()[-1]))
assert "#" * 20 in widest and all(c in "#| 0123456789-" for l in bars for c in l), bars
assert all(len(l) == len(bars[0]) for l in bars), "the counts line up at the ends"
assert any(l.startswith("Documents by the dates they mention") for l in lines), lines
assert lines[-1] == "-- 8 matching documents", lines[-1]
PY
expect_rc "seek --timeline with no match exits 1" 1 seek --timeline nosuchwordanywhere
out=$(seek --no-snippets --limit 1 --sort newest 'NOT zzzz' | head -1)
case $out in *published*2023-03-02) ok "hits show their date" ;; *) not_ok "hits show their date" "$out" ;; esac

# The mtime only when asked for, and the choice kept in the index.
touch -d 2011-04-05T12:00:00Z "$CORPUS/undated.txt"
index --date-fallback mtime "$CORPUS" >/dev/null 2>"$TMP/err"
grep -q "date fallback changes from none to mtime" "$TMP/err" && ok "a new fallback rewrites every document" || not_ok "a new fallback rewrites" "$(cat "$TMP/err")"
expect_eq "--date-fallback mtime dates an undated file by its mtime" "undated" "$(ids published:2011-04-05)"
expect_eq "... and its yearless mentions by that date" "undated" "$(ids date:2011-11-30 OR date:2010-11-30)"
expect_eq "... but never a feed article" "" "$(seek --json 'just words' | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0].get("date",""))')"
src=$(seek --json --no-snippets 'published:2011' | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["date_source"])')
expect_eq "its date_source is mtime" "mtime" "$src"
echo "More words." >> "$CORPUS/undated.txt"
touch -d 2011-04-05T12:00:00Z "$CORPUS/undated.txt"
index -q "$CORPUS"
expect_eq "the fallback is kept by the next run" "undated" "$(ids published:2011-04-05)"
index -q --date-fallback none "$CORPUS" 2>/dev/null
expect_eq "--date-fallback none undates it again" "" "$(ids published:2011)"
expect_rc "a bad --date-fallback is refused" 2 index --date-fallback ctime "$CORPUS"
stop_daemon
finish
