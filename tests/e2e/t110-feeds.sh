#!/bin/sh
# Real feeds besides .txt: HTML pages (text without tags, scripts and styles,
# entities decoded, title from <title>) and JSON Lines feeds (one article per
# line; a bad line is reported with its number and skipped).
. "$(dirname "$0")/lib.sh"

mkdir -p "$CORPUS/web" "$CORPUS/feeds"
cat > "$CORPUS/web/page.html" <<'HTML'
<!DOCTYPE html><html><head><title>  Embassy &amp; Press
 Release </title><style>.zebrastyle { color: red }</style>
<script>var zebrascript = 1;</script></head>
<body><h1>Caf&eacute; diplomacy</h1><p>The ambassador met in Dushanbe<br>on
Tuesday.</p><div>Qu&eacute;bec &mdash; delegation</div></body></html>
HTML
cat > "$CORPUS/feeds/wire.jsonl" <<'JSONL'
{"id":"a1","title":"Summit opens","date":"2017-11-30","url":"https://example.org/a1","text":"Leaders gathered in Minsk for the summitry."}
{"id":"a2","title":"Talks","date":"2015-09-16T08:00:00Z","url":"https://example.org/a2","text":"Emomali Rahmon chaired the session in Dushanbe."}
this line is not JSON
{"id":"a3","text":"No title, no date: a quiet day for the xylophonist."}
{"title":"no id here","text":"dropped"}
{"id":"a4","date":"the other day","text":"a bad date"}

JSONL
index "$CORPUS" >"$TMP/out" 2>"$TMP/err"
expect_eq "bad feed lines make the run exit 1" 1 $?
grep -q "wire.jsonl:3: not valid JSON" "$TMP/err" && ok "a bad line is named by its number" || not_ok "a bad line is named by its number" "$(cat "$TMP/err")"
grep -q "wire.jsonl:5: no \"id\"" "$TMP/err" && ok "a line without id is named" || not_ok "a line without id is named" "$(cat "$TMP/err")"
grep -q "wire.jsonl:6: \"date\" must be" "$TMP/err" && ok "a bad date is named" || not_ok "a bad date is named" "$(cat "$TMP/err")"
start_daemon || exit 1

expect_eq "HTML text is indexed" "web/page" "$(ids '"cafe diplomacy"')"
expect_eq "across a <br>" "web/page" "$(ids '"dushanbe on tuesday"')"
expect_eq "scripts and styles are not" "" "$(ids zebrascript OR zebrastyle)"
expect_eq "entities are decoded" "web/page" "$(ids quebec)"
title=$(seek --json '"cafe diplomacy"' | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["title"])')
expect_eq "the title comes from <title>" "Embassy & Press Release" "$title"

expect_eq "feed articles are documents under their feed" "feeds/wire/a1" "$(ids summitry)"
expect_eq "the rest of a feed survives its bad lines" "feeds/wire/a3" "$(ids xylophonist)"
expect_eq "an article's date is its date" "feeds/wire/a1" "$(ids date:2017-11-30)"
expect_eq "with a time after it" "feeds/wire/a2" "$(ids date:2015-09-16)"
expect_eq "entities in articles" "feeds/wire/a2" "$(ids -- 'person:rahmon -"sleeper cells" date:2015-09-16')"
seek --json summitry > "$TMP/a1.json"
python3 - "$TMP/a1.json" <<'PY' && ok "hits carry url, title and date" || not_ok "hits carry url, title and date" "$(cat "$TMP/a1.json")"
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
assert h["url"] == "https://example.org/a1" and h["title"] == "Summit opens" and h["date"] == "2017-11-30", h
PY

# Incremental: an unchanged feed is not read; a changed one updates by article.
# Both count documents: the unchanged feed its 3 articles, as a changed
# feed's are counted, not itself as one.
out=$(index "$CORPUS" 2>/dev/null)
expect_eq "an unchanged feed and page are skipped" "0 added, 0 updated, 0 removed, 9 unchanged, 0 failed" "${out% in *}"
grep -v '"a3"' "$CORPUS/feeds/wire.jsonl" | sed 's/Leaders gathered/Leaders met/' | grep -v 'not JSON\|no id\|bad date' > "$TMP/wire"
printf '{"id":"a5","text":"A new article about the marimbist."}\n' >> "$TMP/wire"
mv "$TMP/wire" "$CORPUS/feeds/wire.jsonl"
out=$(index "$CORPUS")
expect_eq "a changed feed: one added, one updated, one removed" "1 added, 1 updated, 1 removed, 7 unchanged, 0 failed" "${out% in *}"
expect_eq "the new article is found" "feeds/wire/a5" "$(ids marimbist)"
expect_eq "the removed one is gone" "" "$(ids xylophonist)"
expect_eq "the changed one says what it says now" "feeds/wire/a1" "$(ids '"leaders met"')"
rm "$CORPUS/feeds/wire.jsonl"
out=$(index "$CORPUS")
expect_eq "a removed feed takes its articles along" "0 added, 0 updated, 3 removed, 6 unchanged, 0 failed" "${out% in *}"
stop_daemon
finish
