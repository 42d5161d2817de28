#!/bin/sh
# Phrase exactness against an independent oracle: bench/queries-dev.tsv holds
# 300 phrases with the exact set of documents containing each, computed
# without any search engine (see bench/README.md), over the benchmark corpus.
set -u
: "${BIN:?}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=$(sh "$ROOT/bench/fetch-corpus.sh") || { echo "not ok - no benchmark corpus"; exit 1; }

export SEEKD_GAZETTEER="$ROOT/data/gazetteer.tsv"
TMP=$(mktemp -d /tmp/seekd-phrases.XXXXXX)
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
"$BIN/seekd-index" -q --index "$TMP/index" "$CORPUS" || { echo "not ok - indexing failed"; exit 1; }
"$BIN/seekd" --index "$TMP/index" --socket "$TMP/s.sock" 2>"$TMP/daemon.log" &
PID=$!
i=0
until "$BIN/seek" --socket "$TMP/s.sock" --ping >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -gt 200 ] && { echo "not ok - daemon did not start"; exit 1; }
    sleep 0.05
done

passed=0 failed=0
tab=$(printf '\t')
while IFS="$tab" read -r phrase count want; do
    got=$("$BIN/seek" --socket "$TMP/s.sock" --ids --limit 10000 "\"$phrase\"" | sort | paste -sd, -)
    want=$(printf '%s' "$want" | tr , '\n' | sort | paste -sd, -)
    if [ "$got" = "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "not ok - \"$phrase\": wanted $count documents, got $(printf '%s' "$got" | tr , '\n' | grep -c .)"
    fi
done < "$ROOT/bench/queries-dev.tsv"
kill -TERM $PID; wait $PID; PID=
echo "phrases: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
