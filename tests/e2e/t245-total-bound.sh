#!/bin/sh
# Bounded counting: a daemon started with a small --total-bound counts that
# many matches of a page's query exactly and then says "at least" (a lower
# bound, total_exact false); "exact_total":true (seek --exact-total), an ids
# list and facets count every match; answers within the bound stay exact.
. "$(dirname "$0")/lib.sh"

# 120 reports holding "quarterly harvest", of different lengths (so that
# their scores differ and most need no phrase check to rank), and a rare
# word in three of them.
mkdir "$CORPUS/harvest"
i=0
while [ $i -lt 120 ]; do
    fill=$(seq 0 $((i % 17)) | sed 's/.*/meadow river lantern/' | paste -sd' ' -)
    rare=; [ $((i % 40)) -eq 0 ] && rare=" zebrafinch"
    printf 'Harvest report %d\nThe quarterly harvest was counted. %s%s\n' $i "$fill" "$rare" \
        > "$CORPUS/harvest/h$i.txt"
    i=$((i + 1))
done
index -q "$CORPUS"
start_daemon --total-bound 20

field() { python3 -c "import json,sys; a=json.load(sys.stdin); print(a.get('$1'))"; }
phrase='"quarterly harvest"'

seek --json --no-snippets "$phrase" > "$TMP/cut.json"
expect_eq "past the bound the total is not exact" False "$(field total_exact < "$TMP/cut.json")"
total=$(field total < "$TMP/cut.json")
check "the total is a lower bound of at least the bound ($total)" \
    test "$total" -ge 20 -a "$total" -le 120
expect_eq "the page is full" 10 "$(python3 -c "import json,sys; print(len(json.load(sys.stdin)['hits']))" < "$TMP/cut.json")"

seek --json --no-snippets --exact-total "$phrase" > "$TMP/all.json"
expect_eq "--exact-total counts every match" "120 True" \
    "$(field total < "$TMP/all.json") $(field total_exact < "$TMP/all.json")"
pages() { python3 -c "import json,sys; print(' '.join(h['id'] for h in json.load(sys.stdin)['hits']))" < "$1"; }
expect_eq "the same page either way" "$(pages "$TMP/all.json")" "$(pages "$TMP/cut.json")"

# Paging and the date orders give the same hits past the bound.
for args in "--offset 50" "--sort newest" "--sort oldest --offset 30"; do
    # shellcheck disable=SC2086
    seek --json --no-snippets $args "$phrase" > "$TMP/cut-page.json"
    # shellcheck disable=SC2086
    seek --json --no-snippets --exact-total $args "$phrase" > "$TMP/all-page.json"
    want=$(pages "$TMP/all-page.json")
    expect_eq "the same page of 10 with $args" "10 $want" "$(echo "$want" | wc -w) $(pages "$TMP/cut-page.json")"
done

# The client says so in words; --limit 0 and a page past the end too.
seek --no-snippets "$phrase" > "$TMP/human"
check "the client says 'at least'" grep -q "^-- 1-10 of at least $total matching documents" "$TMP/human"
seek --no-snippets --exact-total "$phrase" > "$TMP/human"
check "an exact count reads as it is" grep -q '^-- 1-10 of 120 matching documents' "$TMP/human"
# A count alone: Xapian may know it exact without checking every match.
seek --json --limit 0 "$phrase" > "$TMP/count.json"
count=$(field total < "$TMP/count.json")
if [ "$(field total_exact < "$TMP/count.json")" = True ]; then words="$count"; else words="at least $count"; fi
expect_eq "--limit 0 says what the answer says" "-- $words matching documents" "$(seek --limit 0 "$phrase")"
seek --limit 0 --exact-total "$phrase" > "$TMP/human"
check "--limit 0 --exact-total counts them all" grep -q '^-- 120 matching documents$' "$TMP/human"

# The request field itself, and an older client's request without it.
printf '%s\n' '{"op":"search","q":"\"quarterly harvest\"","snippets":false,"exact_total":true,"limit":1}' \
    '{"op":"search","q":"zebrafinch","snippets":false}' \
    '{"op":"search","q":"harvest","exact_total":"yes"}' | raw > "$TMP/raw"
expect_eq "\"exact_total\":true counts every match" "120 True" \
    "$(sed -n 1p "$TMP/raw" | field total) $(sed -n 1p "$TMP/raw" | field total_exact)"
expect_eq "a count within the bound is exact" "3 True" \
    "$(sed -n 2p "$TMP/raw" | field total) $(sed -n 2p "$TMP/raw" | field total_exact)"
check "a bad exact_total is a bad_request" grep -q '"code":"bad_request".*exact_total' "$TMP/raw"

# An ids list is complete and counted; facets count every match.
seek --json --ids --limit 10000 "$phrase" > "$TMP/ids.json"
expect_eq "an ids list counts every match" "120 True" \
    "$(field total < "$TMP/ids.json") $(field total_exact < "$TMP/ids.json")"
expect_eq "and lists every one" 120 "$(seek --ids --limit 10000 "$phrase" | wc -l)"
seek --json --facets --no-snippets "$phrase" > "$TMP/facets.json"
expect_eq "facets count every match" "120 True" \
    "$(field total < "$TMP/facets.json") $(field total_exact < "$TMP/facets.json")"
stop_daemon

# --total-bound 0: every count exact, as before the bound.
start_daemon --total-bound 0
seek --json --no-snippets "$phrase" > "$TMP/zero.json"
expect_eq "--total-bound 0 counts every match" "120 True" \
    "$(field total < "$TMP/zero.json") $(field total_exact < "$TMP/zero.json")"
stop_daemon
expect_rc "a bad --total-bound is refused" 2 "$BIN/seekd" --index "$INDEX" --socket "$SOCK" --total-bound x
cp "$TMP/err" "$TMP/refused"
check "naming the flag" grep -q -- '--total-bound takes a number' "$TMP/refused"
finish
