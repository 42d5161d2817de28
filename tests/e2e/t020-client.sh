#!/bin/sh
# The client: --json, paging, --ids, --stats, --ping, exit codes.
. "$(dirname "$0")/lib.sh"

check "index corpus" index -q "$CORPUS"
start_daemon || exit 1

expect_rc "exit 0 with hits" 0 seek rahmon
expect_rc "exit 1 without hits" 1 seek nosuchwordanywhere
expect_rc "exit 2 on a query error" 2 seek 'rahmon date:2015..2010'
grep -q "date: takes.*at byte 18 (bad_query)" "$TMP/err" && ok "error message on stderr names offset and code" || not_ok "error message on stderr names offset and code" "$(cat "$TMP/err")"
expect_rc "an unclosed '(' is closed at the end" 0 seek '(rahmon'
grep -q "^seek: warning: closed the '(' at byte 0 at the end of the query" "$TMP/err" && ok "the warning is on stderr" || not_ok "the warning is on stderr" "$(cat "$TMP/err")"
expect_rc "exit 2 with no query" 2 seek
expect_rc "exit 2 on a bad flag value" 2 seek --limit x rahmon
# An option the request would not use is an error, never silently dropped.
expect_rc "--prefix with a search" 2 seek --prefix ra rahmon
grep -q "^seek: --prefix goes with --entities" "$TMP/err" && ok "says so" || not_ok "says so" "$(cat "$TMP/err")"
expect_rc "--type with a search" 2 seek --type person rahmon
grep -q "^seek: --type goes with --entity or --entities" "$TMP/err" && ok "says so" || not_ok "says so" "$(cat "$TMP/err")"
expect_rc "--sort with --explain" 2 seek --sort newest --explain rahmon
expect_rc "--facets with --similar" 2 seek --facets --similar 000_26b1c25252f2a5d8
grep -q "^seek: --facets, --sort and --timeline go with a search" "$TMP/err" && ok "says so" || not_ok "says so" "$(cat "$TMP/err")"
expect_rc "--type with --entity is used" 0 seek --type person --entity rahmon
expect_rc "an unknown option is an error" 2 seek --word rahmon
expect_rc "exit 2 when no daemon listens" 2 "$BIN/seek" --socket "$TMP/none.sock" rahmon
grep -q "is seekd running" "$TMP/err" && ok "unreachable daemon explained" || not_ok "unreachable daemon explained" "$(cat "$TMP/err")"

json=$(seek --json --limit 2 =csto)
echo "$json" | python3 -c '
import json, sys
a = json.loads(sys.stdin.read())
assert a["ok"] is True and a["total"] == 5 and len(a["hits"]) == 2, a
h = a["hits"][0]
assert h["rank"] == 1 and isinstance(h["score"], float) and h["title"] and h["snippet"], h
for off, n in h["highlights"]:
    assert h["snippet"].encode()[off:off + n].decode().lower() == "csto", h
assert a["hits"][0]["score"] >= a["hits"][1]["score"]
' && ok "--json is the daemon's answer: total, ranks, scores, highlights" || not_ok "--json is the daemon's answer"

p1=$(seek --ids --limit 2 csto | paste -sd, -)
p2=$(seek --ids --limit 2 --offset 2 csto | paste -sd, -)
all=$(seek --ids --limit 4 csto | paste -sd, -)
expect_eq "paging with --offset continues the ranking" "$all" "$p1,$p2"

nosnip=$(seek --json --no-snippets rahmon)
case $nosnip in *snippet*) not_ok "--no-snippets leaves snippets out" "$nosnip" ;; *) ok "--no-snippets leaves snippets out" ;; esac

big=$(seek --json --limit 20000 --no-snippets csto)
echo "$big" | grep -q '"limit":10000' && ok "limit past 10000 is clamped" || not_ok "limit past 10000 is clamped" "$big"

check "--ping" seek --ping
stats=$(seek --json --stats)
echo "$stats" | python3 -c '
import json, sys
a = json.loads(sys.stdin.read())
assert a["ok"] and a["docs"] == 5 and a["revision"] >= 1, a
assert a["last_run"]["added"] == 5 and a["last_run"]["failed"] == 0, a
' && ok "--stats: docs, revision, last indexer run" || not_ok "--stats" "$stats"

SEEKD_SOCKET=$SOCK "$BIN/seek" --ping >/dev/null 2>&1 && ok "SEEKD_SOCKET names the socket" || not_ok "SEEKD_SOCKET names the socket"
stop_daemon
finish
