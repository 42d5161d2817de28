# Sourced by bench/run.sh and bench/remote.sh: the benchmark corpus (a subset
# of BENCH_FILES files when set) and its queries (the BENCH_QUERIES first that
# match when either is set). Expects PY, W, FILES, NQUERIES and put(); sets
# CORPUS, QUERIES, NQ, NDOCS and CORPUS_BYTES, and records docs, corpus_bytes
# and queries.
FULL=$(sh bench/fetch-corpus.sh)
mkdir -p "$W/data"
if [ "$FILES" -gt 0 ]; then
    CORPUS=$W/data/corpus
    $PY bench/corpus.py subset "$FULL" "$CORPUS" "$FILES"
else
    CORPUS=$FULL
fi
if [ "$FILES" -gt 0 ] || [ "$NQUERIES" -gt 0 ]; then
    QUERIES=$W/queries.tsv
    n=$NQUERIES; [ "$n" -gt 0 ] || n=1000000
    $PY bench/corpus.py queries bench/queries-dev.tsv "$CORPUS" "$n" "$QUERIES"
else
    QUERIES=$ROOT/bench/queries-dev.tsv
fi
NQ=$(grep -c . "$QUERIES")
NDOCS=$($PY bench/corpus.py list "$CORPUS" | wc -l)
CORPUS_BYTES=$(find -L "$CORPUS" -name '*.txt' -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
# Every engine reads the files from the page cache, not the disk.
find -L "$CORPUS" -name '*.txt' -type f -exec cat {} + > /dev/null
put docs "$NDOCS"
put corpus_bytes "$CORPUS_BYTES"
put queries "$NQ"
