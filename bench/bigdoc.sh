#!/usr/bin/env bash
# Rows 4b and 4c of the benchmark alone (bench/run.sh, "one big document"),
# for one build of seekd or for two side by side: the corpus's index, and
# the corpus with one BIGDOC_MB MB text beside it built by each build, all
# served at once; each round runs every query group on every daemon back to
# back (the order turning each round), top 10 with snippets. Prints one line
# per group and build: mean round trip and handler time without the big
# document and with it, and their ratios (medians over the rounds).
#
#   bash bench/bigdoc.sh [NAME=BINDIR ...]    (default: new=bin)
#
# Settings (environment): REPEAT=3, BIGDOC_MB=50, BIGDOC_EVERY=10,
# BENCH_FILES=0, BENCH_QUERIES=0 (as bench/run.sh), BENCH_TOOLS=build/bench,
# BENCH_WORK=build/bench/bigdoc. The corpus's own index is built by the
# first build named.
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
REPEAT=${REPEAT:-3}
FILES=${BENCH_FILES:-0}
NQUERIES=${BENCH_QUERIES:-0}
BIGDOC_MB=${BIGDOC_MB:-50}
BIGDOC_EVERY=${BIGDOC_EVERY:-10}
TOOLS=$(cd "${BENCH_TOOLS:-build/bench}" && pwd)
W=${BENCH_WORK:-$ROOT/build/bench/bigdoc}
PY=python3
export SEEKD_GAZETTEER="$ROOT/data/gazetteer.tsv"
unset SEEKD_SOCKET SEEKD_INDEX
[ $# -gt 0 ] || set -- new=bin
NAMES=() BINS=()
for a in "$@"; do
    NAMES+=("${a%%=*}")
    BINS+=("$(cd "${a#*=}" && pwd)")
done

mkdir -p "$(dirname "$W")"
exec 9>"$W.lock"
flock -n 9 || { echo "another run is using $W" >&2; exit 1; }
rm -rf "$W"
mkdir -p "$W/data" "$W/log" "$W/groups"
RESULTS=$W/results.tsv
: > "$RESULTS"
LOG=$W/log
put() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS"; }
get() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | tail -n 1; }
say() { printf '== %s\n' "$*" >&2; }

PIDS=()
SOCKDIR=$(mktemp -d -t seekd-bigdoc.XXXXXX)
cleanup() {
    local st=$?
    trap - EXIT
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    done
    rm -rf "$SOCKDIR" "$W/data"
    exit "$st"
}
trap cleanup EXIT

# serve BIN INDEX SOCKET: a daemon of BIN on INDEX, waited for.
serve() {
    "$1/seekd" --index "$2" --socket "$3" 2>>"$LOG/seekd.log" &
    PIDS+=($!)
    local i=0
    until "$1/seek" --socket "$3" --ping >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -gt 600 ] && { echo "seekd did not start" >&2; exit 1; }
        sleep 0.05
    done
}

. bench/corpus-setup.sh
BIGDIR=$W/data/bigdoc
mkdir -p "$BIGDIR"
put planted "$($PY bench/corpus.py bigdoc "$FULL" "$QUERIES" "$BIGDOC_MB" "$BIGDOC_EVERY" \
    "$BIGDIR/big-document.txt")"
say "corpus: $NDOCS documents; $NQ queries; a $(stat -c %s "$BIGDIR/big-document.txt") byte text"

"${BINS[0]}/seekd-index" -q --index "$W/data/without" "$CORPUS"
serve "${BINS[0]}" "$W/data/without" "$SOCKDIR/without.sock"
for i in "${!NAMES[@]}"; do
    n=${NAMES[$i]}
    line=$($PY bench/timeit.py "${BINS[$i]}/seekd-index" -q --index "$W/data/with-$n" \
           "$CORPUS" "$BIGDIR" 2>>"$LOG/index.txt")
    say "$n: the index with the big text built in $(get "$line" wall) s (CPU $(get "$line" cpu) s), $(du -sk "$W/data/with-$n" | cut -f1) KB"
    put "index_${n}_s" "$(get "$line" wall)"
    serve "${BINS[$i]}" "$W/data/with-$n" "$SOCKDIR/with-$n.sock"
done

# Which queries match the big text, and which list it, by the first build.
"$TOOLS/loadgen" --socket "$SOCKDIR/without.sock" --queries "$QUERIES" --mode snippets \
    --counts "$W/counts-without.tsv" > "$LOG/warmup.txt"
"$TOOLS/loadgen" --socket "$SOCKDIR/with-${NAMES[0]}.sock" --queries "$QUERIES" --mode snippets \
    --counts "$W/counts-with.tsv" --find big-document >> "$LOG/warmup.txt"
cp "$QUERIES" "$W/groups/all.tsv"
say "groups: $($PY bench/corpus.py groups "$W/counts-without.tsv" "$W/counts-with.tsv" "$W/groups")"
SIDES=(without "${NAMES[@]/#/with-}")
# Every build must answer the same totals.
for n in "${NAMES[@]:1}"; do
    "$TOOLS/loadgen" --socket "$SOCKDIR/with-$n.sock" --queries "$QUERIES" --mode snippets \
        --counts "$W/counts-$n.tsv" --find big-document >> "$LOG/warmup.txt"
    cmp -s "$W/counts-with.tsv" "$W/counts-$n.tsv" || say "$n: totals differ from ${NAMES[0]}'s"
done

for r in $(seq "$REPEAT"); do
    say "round $r/$REPEAT (load $(cut -d' ' -f1 /proc/loadavg))"
    for g in all unmatched matched returned; do
        [ -s "$W/groups/$g.tsv" ] || continue
        order=("${SIDES[@]}")
        [ $((r % 2)) = 0 ] && order=($(printf '%s\n' "${SIDES[@]}" | tac))
        for side in "${order[@]}"; do
            line=$("$TOOLS/loadgen" --socket "$SOCKDIR/$side.sock" --queries "$W/groups/$g.tsv" \
                   --mode snippets)
            echo "r=$r $g $side $line" >> "$LOG/rounds.txt"
            put "${g}_${side}_mean_us" "$(get "$line" mean_us)"
            put "${g}_${side}_took_us" "$(get "$line" took_mean_us)"
        done
    done
done

# The report: medians over the rounds.
med() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$RESULTS" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-10s %-6s %7s %12s %12s %6s %14s %14s %6s\n' group build queries "without_us" "with_us" ratio \
    "took_without" "took_with" ratio
for g in all unmatched matched returned; do
    [ -s "$W/groups/$g.tsv" ] || continue
    nq=$(grep -c . "$W/groups/$g.tsv")
    for n in "${NAMES[@]}"; do
        a=$(med "${g}_without_mean_us") b=$(med "${g}_with-${n}_mean_us")
        c=$(med "${g}_without_took_us") d=$(med "${g}_with-${n}_took_us")
        printf '%-10s %-6s %7s %12s %12s %6.2f %14s %14s %6.2f\n' "$g" "$n" "$nq" "$a" "$b" \
            "$(echo "$b / $a" | bc -l)" "$c" "$d" "$(echo "$d / $c" | bc -l)"
    done
done
