#!/bin/sh
# Which ordinary words would a gazetteer line's names take? Indexes every
# Russian word form of the hunspell dictionary (hunspell-ru) and every English
# word (wamerican) that starts like one of the one-word names of LINES, each
# capitalized in a sentence of its own, with LINES alone as the gazetteer,
# and prints each entity of LINES found there with the words that named it.
# An entity whose own name is a word (Эрмитаж) finds itself; any other word
# is one the name would take in the news: drop or lengthen that name
# (docs/gazetteer.md, "Adding an entity").
#
#   sh data/check-aliases.sh LINES      (LINES: gazetteer lines, e.g. new ones)
#
# Uses bin/ of this tree (`make` first) and starts its own daemon on a
# temporary socket, which it stops.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$ROOT/bin}
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: check-aliases.sh LINES" >&2; exit 2; }
LINES=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
sh "$ROOT/tests/deps.sh" hunspell-ru wamerican
TMP=$(mktemp -d /tmp/seekd-aliases.XXXXXX)
PID=
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

python3 "$ROOT/data/check-aliases.py" "$LINES" /usr/share/hunspell/ru_RU.aff \
    /usr/share/hunspell/ru_RU.dic /usr/share/dict/american-english "$TMP/words"
export SEEKD_GAZETTEER="$LINES"
"$BIN/seekd-index" --index "$TMP/index" -q "$TMP/words"
"$BIN/seekd" --index "$TMP/index" --socket "$TMP/s.sock" 2>"$TMP/daemon.log" &
PID=$!
i=0
until "$BIN/seek" --socket "$TMP/s.sock" --ping >/dev/null 2>&1; do
    i=$((i + 1))
    if [ $i -gt 600 ] || ! kill -0 "$PID" 2>/dev/null; then
        cat "$TMP/daemon.log" >&2; exit 1
    fi
    sleep 0.1
done
# Entities of LINES only: name detection finds others in a list of words.
grep -v '^#' "$LINES" | cut -f1,2 | sed 's/^name\t/entity\t/' | sort -u > "$TMP/ours"
for type in person org place name; do
    "$BIN/seek" --socket "$TMP/s.sock" --entities --type "$type" --limit 1000000 |
        sed -n 's/^ *[0-9][0-9]*  *[a-z][a-z]*  *//p' |
        while IFS= read -r name; do
            t=$type; [ "$t" = name ] && t=entity
            grep -qxF "$(printf '%s\t%s' "$t" "$name")" "$TMP/ours" || continue
            words=$("$BIN/seek" --socket "$TMP/s.sock" --limit 100 "$t:\"$name\"" |
                grep -o '\[[^]]*\]' | tr -d '[]' | sort -u | paste -sd' ' -)
            printf '%s\t%s\t%s\n' "$type" "$name" "$words"
        done
done
