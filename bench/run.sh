#!/usr/bin/env bash
# The benchmark driver: seekd side by side with its baselines (in-process
# Xapian, SQLite FTS5, Sphinx 2.2) in one run, on the same files and the same
# phrase queries, then a Markdown table of every figure and the ratios
# (bench/results.md) and a plot of seekd's latency and throughput against
# connections (bench/latency.png). `make bench` and `make bench-smoke` run it;
# docs/performance.md explains the figures.
#
# Every timed measurement runs once per round, all engines back to back in
# each round; the report gives each figure's median over the rounds and each
# ratio's median over the per-round ratios.
#
# Settings (environment):
#   REPEAT=3           rounds
#   SCALE=10           also measure on the corpus scaled SCALE times and every
#                      power of ten below it (1: skip)
#   SCALE_REPEAT       rounds of the 1x and scaled builds (default: REPEAT)
#   BENCH_FILES=0      index only this many files (0: the whole corpus)
#   BENCH_QUERIES=0    run only this many queries (0: all of them)
#   BENCH_DURATION=3   seconds of each throughput measurement
#   BENCH_CONNECTIONS="1 2 4 8 16"   connection counts for throughput
#   BENCH_ENGINES="seekd xapian sqlite sphinx"
#   BIGDOC_MB=50       the big document's size in megabytes (0: skip its row)
#   BIGDOC_EVERY=10    it holds the phrase of every BIGDOC_EVERY-th query
#   BENCH_BIN=bin  BENCH_TOOLS=build/bench   where seekd and loadgen/bare_xapian are
#   BENCH_OUT=bench/results.md  BENCH_PLOT=bench/latency.png  BENCH_WORK=build/bench/run
# An engine whose programs are missing (Sphinx without sphinxsearch) is
# skipped with a note; `make bench-deps` installs them.
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
REPEAT=${REPEAT:-3}
SCALE=${SCALE:-10}
SCALE_REPEAT=${SCALE_REPEAT:-$REPEAT}
FILES=${BENCH_FILES:-0}
NQUERIES=${BENCH_QUERIES:-0}
DURATION=${BENCH_DURATION:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-1 2 4 8 16}
ENGINES=${BENCH_ENGINES:-seekd xapian sqlite sphinx}
BIGDOC_MB=${BIGDOC_MB:-50}
BIGDOC_EVERY=${BIGDOC_EVERY:-10}
BIN=$(cd "${BENCH_BIN:-bin}" && pwd)
TOOLS=$(cd "${BENCH_TOOLS:-build/bench}" && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/results.md}
PLOT=${BENCH_PLOT:-$ROOT/bench/latency.png}
W=${BENCH_WORK:-$ROOT/build/bench/run}
PY=python3
export SEEKD_GAZETTEER="$ROOT/data/gazetteer.tsv"
unset SEEKD_SOCKET SEEKD_INDEX

# One run at a time per work folder: a second one would delete the first's.
mkdir -p "$(dirname "$W")"
exec 9>"$W.lock"
if ! flock -n 9; then
    echo "another benchmark run is using $W; wait for it to finish" >&2
    exit 1
fi
rm -rf "$W"
mkdir -p "$W"
chmod 700 "$W"
RESULTS=$W/results.tsv
: > "$RESULTS"
LOG=$W/log
mkdir -p "$LOG"

# ---- processes we start, and stopping them on any exit ----
SEEKD_PID=
BIG_PID=
SEARCHD_PID=
SPHINX_CONF=
SOCKDIR=
cleanup() {
    local st=$?
    trap - EXIT INT TERM
    for pid in $SEEKD_PID $BIG_PID; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    if [ -n "$SEARCHD_PID" ] && kill -0 "$SEARCHD_PID" 2>/dev/null; then
        searchd --config "$SPHINX_CONF" --stopwait >/dev/null 2>&1 || kill -TERM "$SEARCHD_PID" 2>/dev/null || true
        wait "$SEARCHD_PID" 2>/dev/null || true
    fi
    [ -n "$SOCKDIR" ] && [ "$SOCKDIR" != "$W" ] && rm -rf "$SOCKDIR"
    # The indexes are large (the SCALE-times one most); the logs stay.
    rm -rf "$W/data"
    exit "$st"
}
trap cleanup EXIT
set -E
trap 'echo "bench/run.sh: line $LINENO failed (status $?): $BASH_COMMAND" >&2' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- helpers ----
say() { printf '== %s\n' "$*" >&2; }
put() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS"; }
# get LINE KEY: the value of KEY=value in a line of key=value pairs.
get() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | tail -n 1; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
kb_of() { du -sk "$@" | awk '{ s += $1 } END { print s }'; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
has_engine() { case " $ENGINES " in *" $1 "*) return 0;; esac; return 1; }
agree() { $PY bench/corpus.py agree "$QUERIES" "$1" "$2" | awk '{ print $1 "/" $2 }'; }

# ---- corpus and queries ----
say "benchmark corpus"
. bench/corpus-setup.sh
put repeat "$REPEAT"
put duration "$DURATION"
put cpus "$(nproc)"
put date "$(date -u +%Y-%m-%dT%H:%MZ)"
put xapian_version "$(pkg-config --modversion xapian-core 2>/dev/null || echo '?')"
put sqlite_version "$($PY -c 'import sqlite3; print(sqlite3.sqlite_version)')"
say "corpus: $NDOCS documents, $CORPUS_BYTES bytes; $NQ queries; REPEAT=$REPEAT"

# ---- which engines run ----
RUN_SEEKD=0 RUN_XAPIAN=0 RUN_SQLITE=0 RUN_SPHINX=0
has_engine seekd && RUN_SEEKD=1
has_engine xapian && RUN_XAPIAN=1
if has_engine sqlite; then
    if $PY -c "import sqlite3; sqlite3.connect(':memory:').execute(\"create virtual table t using fts5(x, content='')\")" 2>/dev/null; then
        RUN_SQLITE=1
    else
        say "SQLite FTS5: skipped, python3's sqlite3 module has no FTS5"
        put sqlite_skipped "python3's sqlite3 module has no FTS5"
    fi
fi
if has_engine sphinx; then
    if command -v indexer >/dev/null 2>&1 && command -v searchd >/dev/null 2>&1; then
        RUN_SPHINX=1
        # indexer with no arguments prints its version, then its usage, and exits 1.
        put sphinx_version "$({ indexer 2>&1 || true; } | sed -n 's/^Sphinx \([^ ]*\).*/\1/p' | head -n 1)"
    else
        say "Sphinx: skipped, sphinxsearch is not installed (make bench-deps installs it)"
        put sphinx_skipped "sphinxsearch is not installed (make bench-deps installs it)"
    fi
fi

# A Unix socket path has a length limit (108 bytes): a deep work folder gets
# its socket in a private temporary folder instead.
SOCKDIR=$W
if [ ${#W} -gt 90 ]; then
    SOCKDIR=$(mktemp -d -t seekd-bench.XXXXXX)
fi
SOCK=$SOCKDIR/seekd.sock
SEEKD_DB=$W/data/seekd
XAPIAN_DB=$W/data/xapian
FTS_DB=$W/data/fts5.db
if [ "$RUN_SPHINX" = 1 ]; then
    mkdir -p "$W/data/sphinx"
    SPHINX_PORT=$($PY bench/sphinx.py free-port)
    SPHINX_CONF=$W/data/sphinx/sphinx.conf
    $PY bench/sphinx.py config "$W/data/sphinx" "$CORPUS" "$SPHINX_PORT" > "$SPHINX_CONF"
fi

# timed KEY CMD...: runs CMD and records KEY_s (wall seconds), KEY_cpu_s
# (CPU seconds of CMD and its children) and KEY_rss_kb (their peak RSS).
timed() {
    local key=$1 line; shift
    line=$($PY bench/timeit.py "$@" 2>>"$LOG/index.txt")
    put "${key}_s" "$(get "$line" wall)"
    put "${key}_cpu_s" "$(get "$line" cpu)"
    put "${key}_rss_kb" "$(get "$line" maxrss_kb)"
}
# seekd_index KEY CORPUS INDEX: one timed build of a new index.
seekd_index() {
    rm -rf "$3"
    timed "$1" "$BIN/seekd-index" -q --index "$3" "$2"
}

# serve_at INDEX SOCKET: starts a daemon on INDEX, its pid in STARTED, and
# waits until it answers. stop_at PID stops it and checks how it exited.
serve_at() {
    "$BIN/seekd" --index "$1" --socket "$2" 2>>"$LOG/seekd.log" &
    STARTED=$!
    local i=0
    until "$BIN/seek" --socket "$2" --ping >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -gt 600 ] && { echo "seekd did not start" >&2; exit 1; }
        sleep 0.05
    done
}
stop_at() {
    kill -TERM "$1"
    wait "$1" || { echo "seekd exited with an error" >&2; exit 1; }
}
# lg ARGS...: loadgen against the daemon; fails on any error answer. It runs
# its default threads: one per CPU, at most one per connection.
lg() { "$TOOLS/loadgen" --socket "$SOCK" --queries "$QUERIES" "$@"; }
# bx ARGS...: bare_xapian query on the in-process index.
bx() { "$TOOLS/bare_xapian" query "$XAPIAN_DB" "$QUERIES" "$@"; }
# seekd_warmup: a second untimed pass of the all-ids and top-10 requests,
# after the counting pass, so that the timed rounds do not measure an index
# still coming from disk (the engines' own warm-ups do the same for them).
seekd_warmup() {
    lg --connections 1 --mode all
    lg --connections 1 --mode top10
}

# put_lat KEY LINE: mean, p50 and p99 of a loadgen line.
put_lat() {
    put "$1_mean_us" "$(get "$2" mean_us)"
    put "$1_p50_us" "$(get "$2" p50_us)"
    put "$1_p99_us" "$(get "$2" p99_us)"
    put "$1_took_us" "$(get "$2" took_mean_us)"
}

# Every timed measurement runs once per round, each engine's right after the
# others', so a ratio compares runs made under the same load on this (shared)
# machine: the report takes the median of each figure over the rounds and the
# median of the per-round ratios.

# ---- index builds ----
for r in $(seq "$REPEAT"); do
    say "round $r/$REPEAT: index builds"
    if [ "$RUN_SEEKD" = 1 ]; then
        seekd_index seekd_index "$CORPUS" "$SEEKD_DB"
    fi
    if [ "$RUN_XAPIAN" = 1 ]; then
        rm -rf "$XAPIAN_DB"
        timed xapian_index "$TOOLS/bare_xapian" index "$XAPIAN_DB" "$CORPUS"
    fi
    if [ "$RUN_SQLITE" = 1 ]; then
        timed sqlite_index $PY bench/fts5.py index "$FTS_DB" "$CORPUS"
    fi
    if [ "$RUN_SPHINX" = 1 ]; then
        rm -f "$W/data/sphinx"/idx.*
        timed sphinx_index indexer --config "$SPHINX_CONF" --all --quiet
    fi
done
[ "$RUN_SEEKD" = 1 ] && put seekd_index_kb "$(kb_of "$SEEKD_DB")"
[ "$RUN_XAPIAN" = 1 ] && put xapian_index_kb "$(kb_of "$XAPIAN_DB")"
[ "$RUN_SQLITE" = 1 ] && put sqlite_index_kb "$(kb_of "$FTS_DB")"
[ "$RUN_SPHINX" = 1 ] && put sphinx_index_kb "$(kb_of "$W/data/sphinx"/idx.*)"

# ---- servers, warm-up passes and the number of ids per phrase ----
if [ "$RUN_SEEKD" = 1 ]; then
    "$BIN/seekd" --index "$SEEKD_DB" --socket "$SOCK" 2>"$LOG/seekd.log" &
    SEEKD_PID=$!
    i=0
    until "$BIN/seek" --socket "$SOCK" --ping >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -gt 200 ] && { echo "seekd did not start" >&2; exit 1; }
        sleep 0.05
    done
    put seekd_threads "$(sed -n 's/.* threads=\([0-9]*\).*/\1/p' "$LOG/seekd.log" | head -n 1)"
    lg --connections 1 --mode all --counts "$W/counts-seekd.tsv" > "$LOG/seekd-warmup.txt"
    put seekd_agree "$(agree "$W/counts-seekd.tsv" 2)"
    seekd_warmup >> "$LOG/seekd-warmup.txt"
fi
if [ "$RUN_SPHINX" = 1 ]; then
    searchd --config "$SPHINX_CONF" --nodetach > "$LOG/searchd.txt" 2>&1 &
    SEARCHD_PID=$!
    $PY bench/sphinx.py wait "$SPHINX_PORT"
    $PY bench/sphinx.py query "$SPHINX_PORT" "$QUERIES" 1 "$W/counts-sphinx.tsv" > "$LOG/sphinx-warmup.txt"
    put sphinx_agree "$(agree "$W/counts-sphinx.tsv" 1)"
fi
if [ "$RUN_SQLITE" = 1 ]; then
    $PY bench/fts5.py query "$FTS_DB" "$QUERIES" 1 "$W/counts-sqlite.tsv" > "$LOG/sqlite-warmup.txt"
    put sqlite_agree "$(agree "$W/counts-sqlite.tsv" 1)"
fi
if [ "$RUN_XAPIAN" = 1 ]; then
    BARE_XAPIAN_COUNTS="$W/counts-xapian.tsv" bx all 1 > "$LOG/xapian-warmup.txt"
    put xapian_agree "$(agree "$W/counts-xapian.tsv" 1)"
fi

# ---- query rounds ----
# bare_xapian and the python clients make an untimed warm-up pass of their
# own before each timed one; loadgen's warm-ups were the passes above.
[ "$RUN_SEEKD" = 1 ] && put seekd_connections "$CONNECTIONS"
for r in $(seq "$REPEAT"); do
    say "round $r/$REPEAT: all ids"
    if [ "$RUN_SEEKD" = 1 ]; then
        line=$(lg --connections 1 --mode all); echo "r=$r all $line" >> "$LOG/seekd.txt"
        put_lat seekd_all "$line"
    fi
    if [ "$RUN_SPHINX" = 1 ]; then
        line=$($PY bench/sphinx.py query "$SPHINX_PORT" "$QUERIES" 1 | tee -a "$LOG/sphinx.txt" | tail -n 1)
        put sphinx_all_mean_us "$(get "$line" mean_us)"
    fi
    if [ "$RUN_SQLITE" = 1 ]; then
        line=$($PY bench/fts5.py query "$FTS_DB" "$QUERIES" 1 | tee -a "$LOG/sqlite.txt" | tail -n 1)
        put sqlite_all_mean_us "$(get "$line" mean_us)"
    fi
    if [ "$RUN_XAPIAN" = 1 ]; then
        line=$(bx all 1 | tee -a "$LOG/xapian.txt" | tail -n 1)
        put xapian_all_mean_us "$(get "$line" mean_us)"
    fi

    say "round $r/$REPEAT: top 10, top 10 with snippets"
    if [ "$RUN_SEEKD" = 1 ]; then
        line=$(lg --connections 1 --mode top10); echo "r=$r top10 $line" >> "$LOG/seekd.txt"
        put_lat seekd_top10 "$line"
    fi
    if [ "$RUN_XAPIAN" = 1 ]; then
        line=$(bx top10 1 | tee -a "$LOG/xapian.txt" | tail -n 1)
        put xapian_top10_mean_us "$(get "$line" mean_us)"
        put xapian_top10_qps "$(get "$line" qps)"
        line=$(bx top10-exact 1 | tee -a "$LOG/xapian.txt" | tail -n 1)
        put xapian_top10_exact_mean_us "$(get "$line" mean_us)"
    fi
    if [ "$RUN_SEEKD" = 1 ]; then
        line=$(lg --connections 1 --mode snippets); echo "r=$r snippets $line" >> "$LOG/seekd.txt"
        put_lat seekd_snippets "$line"
    fi

    say "round $r/$REPEAT: top 10 throughput (seekd: $CONNECTIONS connections, ${DURATION}s each)"
    if [ "$RUN_SEEKD" = 1 ]; then
        for c in $CONNECTIONS; do
            line=$(lg --connections "$c" --mode top10 --duration "$DURATION")
            echo "r=$r c=$c $line" >> "$LOG/seekd.txt"
            put "seekd_c${c}_rps" "$(get "$line" rps)"
            put_lat "seekd_c${c}" "$line"
        done
    fi
    if [ "$RUN_XAPIAN" = 1 ]; then
        # As many passes as last about DURATION seconds; the median pass counts.
        passes=$(awk -v d="$DURATION" -v q="$NQ" 'BEGIN { p = int(d * 1500 / q); print (p < 1 ? 1 : (p > 50 ? 50 : p)) }')
        line=$(bx top10 "$passes" 2 | tee -a "$LOG/xapian.txt" | tail -n 1)
        put xapian_top10_t2_qps "$(get "$line" qps)"
        put xapian_top10_t2_mean_us "$(get "$line" mean_us)"
    fi
done

# ---- peak memory, isolation, then stop the servers ----
if [ "$RUN_SEEKD" = 1 ]; then
    put seekd_rss_kb "$(hwm_kb "$SEEKD_PID")"
    # Slow requests (10,000 hits with snippets and facets) come after the
    # peak RSS above, which stays comparable with searchd's; their own
    # peak is recorded apart.
    for r in $(seq "$REPEAT"); do
        say "round $r/$REPEAT: isolation (4 connections top 10, ${DURATION}s, alone then beside slow requests)"
        line=$(lg --connections 4 --mode top10 --duration "$DURATION")
        echo "r=$r iso-alone $line" >> "$LOG/seekd.txt"
        put seekd_iso_alone_worst_p99_us "$(get "$line" worst_p99_us)"
        put seekd_iso_alone_min_requests "$(get "$line" min_requests)"
        # The slow connection is made first and outlasts the measured ones.
        "$TOOLS/loadgen" --socket "$SOCK" --queries bench/queries-slow.tsv --connections 1 \
            --mode slow --duration "$(awk -v d="$DURATION" 'BEGIN { print d + 1 }')" \
            > "$W/slow.txt" &
        slow_pid=$!
        sleep 0.5
        line=$(lg --connections 4 --mode top10 --duration "$DURATION")
        wait "$slow_pid"
        echo "r=$r iso-slow $line" >> "$LOG/seekd.txt"
        echo "r=$r iso-slow-connection $(cat "$W/slow.txt")" >> "$LOG/seekd.txt"
        put seekd_iso_slow_worst_p99_us "$(get "$line" worst_p99_us)"
        put seekd_iso_slow_min_requests "$(get "$line" min_requests)"
        put seekd_iso_slow_requests "$(get "$(cat "$W/slow.txt")" requests)"
        put seekd_iso_slow_mean_us "$(get "$(cat "$W/slow.txt")" mean_us)"
    done
    put seekd_rss_slow_kb "$(hwm_kb "$SEEKD_PID")"
    kill -TERM "$SEEKD_PID"
    wait "$SEEKD_PID" || { echo "seekd exited with an error" >&2; exit 1; }
    SEEKD_PID=
fi
if [ "$RUN_SPHINX" = 1 ]; then
    put sphinx_rss_kb "$(hwm_kb "$SEARCHD_PID")"
    searchd --config "$SPHINX_CONF" --stopwait >> "$LOG/searchd.txt" 2>&1 || kill -TERM "$SEARCHD_PID"
    wait "$SEARCHD_PID" || true
    SEARCHD_PID=
fi

# ---- one big document ----
# Top 10 with snippets on two indexes built here, served side by side: the
# corpus, and the corpus with one BIGDOC_MB MB text of its own sentences
# beside it (bench/corpus.py bigdoc: prose holding the phrases of every
# BIGDOC_EVERY-th query and of no other). Each round runs every query group
# on both daemons back to back, which one goes first alternating: all the
# queries (the goal: with / without <= 1.2), those that do not match the
# big document (they should pay nothing for it), those that match it, and
# those of these whose top ten lists it (its snippet is made).
if [ "$RUN_SEEKD" = 1 ] && [ "$BIGDOC_MB" -gt 0 ]; then
    say "one big document: ${BIGDOC_MB} MB of the corpus's sentences"
    BIGDOC_DIR=$W/data/bigdoc
    BIGDOC_DB=$W/data/seekd-bigdoc
    BIGSOCK=$SOCKDIR/seekd-big.sock
    mkdir -p "$BIGDOC_DIR"
    put bigdoc_planted "$($PY bench/corpus.py bigdoc "$FULL" "$QUERIES" "$BIGDOC_MB" "$BIGDOC_EVERY" \
        "$BIGDOC_DIR/big-document.txt")"
    put bigdoc_bytes "$(stat -c %s "$BIGDOC_DIR/big-document.txt")"
    cat "$BIGDOC_DIR/big-document.txt" > /dev/null
    rm -rf "$BIGDOC_DB"
    timed bigdoc_index "$BIN/seekd-index" -q --index "$BIGDOC_DB" "$CORPUS" "$BIGDOC_DIR"
    put bigdoc_index_kb "$(kb_of "$BIGDOC_DB")"
    serve_at "$SEEKD_DB" "$SOCK"
    SEEKD_PID=$STARTED
    serve_at "$BIGDOC_DB" "$BIGSOCK"
    BIG_PID=$STARTED
    # The warm-up passes say which queries match the big document, and
    # which list it.
    "$TOOLS/loadgen" --socket "$SOCK" --queries "$QUERIES" --mode snippets \
        --counts "$W/counts-without.tsv" > "$LOG/bigdoc-warmup.txt"
    "$TOOLS/loadgen" --socket "$BIGSOCK" --queries "$QUERIES" --mode snippets \
        --counts "$W/counts-with.tsv" --find big-document >> "$LOG/bigdoc-warmup.txt"
    mkdir -p "$W/bigdoc"
    cp "$QUERIES" "$W/bigdoc/all.tsv"
    line=$($PY bench/corpus.py groups "$W/counts-without.tsv" "$W/counts-with.tsv" "$W/bigdoc")
    say "queries by what the big document does to them: $line"
    for g in all unmatched matched returned; do
        put "bigdoc_${g}_queries" "$(grep -c . "$W/bigdoc/$g.tsv" || true)"
    done
    for r in $(seq "$REPEAT"); do
        say "round $r/$REPEAT: top 10 with snippets, with and without the big document"
        put bigdoc_load "$(cut -d' ' -f1 /proc/loadavg)"
        for g in all unmatched matched returned; do
            [ -s "$W/bigdoc/$g.tsv" ] || continue
            for side in $([ $((r % 2)) = 1 ] && echo without with || echo with without); do
                s=$SOCK; [ "$side" = with ] && s=$BIGSOCK
                line=$("$TOOLS/loadgen" --socket "$s" --queries "$W/bigdoc/$g.tsv" --mode snippets)
                echo "r=$r bigdoc $g $side $line" >> "$LOG/seekd.txt"
                put "bigdoc_${g}_${side}_mean_us" "$(get "$line" mean_us)"
                put "bigdoc_${g}_${side}_took_us" "$(get "$line" took_mean_us)"
            done
        done
    done
    put bigdoc_rss_kb "$(hwm_kb "$BIG_PID")"
    stop_at "$BIG_PID"
    BIG_PID=
    stop_at "$SEEKD_PID"
    SEEKD_PID=
    rm -rf "$BIGDOC_DIR" "$BIGDOC_DB"
fi

# ---- the corpus scaled: SCALE times, and every power of ten below it ----
# For each scale S: the scaled corpus (bench/corpus.py scale: each copy
# brings words of its own), seekd and Sphinx builds (seekd's beside a 1x
# build in each round, for the ratio), an in-process Xapian build, then
# seekd, Sphinx and Xapian answering the phrases (every answer checked
# against S times the expected count), and an indexer run that changes
# nothing and one that updates 1% of the documents, while the daemon serves.
SCALES=
if [ "$SCALE" -gt 1 ]; then
    SCALES=$(awk -v s="$SCALE" 'BEGIN { for (p = 10; p < s; p *= 10) printf "%d ", p; print s }')
fi
put scales "$SCALES"
# serve_seekd INDEX: starts the daemon on INDEX (SEEKD_PID).
serve_seekd() {
    serve_at "$1" "$SOCK"
    SEEKD_PID=$STARTED
}
stop_seekd() {
    stop_at "$SEEKD_PID"
    SEEKD_PID=
}
for S in $SCALES; do
    if [ "$FILES" -gt 0 ]; then
        BIG=$W/data/corpus-x$S
        rm -rf "$BIG"
        $PY bench/corpus.py scale "$CORPUS" "$BIG" "$S"
    else
        # .complete-2: scaled copies with words of their own (older caches
        # were hard links).
        BIG=$ROOT/build/bench-corpus-x$S
        if [ ! -f "$BIG/.complete-2" ]; then
            say "making the ${S}x corpus"
            rm -rf "$BIG"
            $PY bench/corpus.py scale "$CORPUS" "$BIG" "$S"
            touch "$BIG/.complete-2"
        fi
    fi
    find -L "$BIG" -name '*.txt' -type f -exec cat {} + > /dev/null
    put "s${S}_docs" "$($PY bench/corpus.py list "$BIG" | wc -l)"
    put "s${S}_bytes" "$(find -L "$BIG" -name '*.txt' -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')"
    BIG_DB=$W/data/seekd-x$S
    SPHINX_BIG=$W/data/sphinx-x$S
    if [ "$RUN_SPHINX" = 1 ]; then
        mkdir -p "$SPHINX_BIG"
        $PY bench/sphinx.py config "$SPHINX_BIG" "$BIG" "$SPHINX_PORT" > "$SPHINX_BIG/sphinx.conf"
    fi
    for r in $(seq "$SCALE_REPEAT"); do
        if [ "$RUN_SEEKD" = 1 ]; then
            say "round $r/$SCALE_REPEAT: seekd index, 1x then ${S}x corpus"
            seekd_index "s${S}_seekd_scale1_index" "$CORPUS" "$SEEKD_DB"
            seekd_index "s${S}_seekd_index" "$BIG" "$BIG_DB"
        fi
        if [ "$RUN_SPHINX" = 1 ]; then
            say "round $r/$SCALE_REPEAT: Sphinx index, ${S}x corpus"
            rm -f "$SPHINX_BIG"/idx.*
            timed "s${S}_sphinx_index" indexer --config "$SPHINX_BIG/sphinx.conf" --all --quiet
        fi
    done
    if [ "$RUN_SEEKD" = 1 ]; then
        put "s${S}_seekd_scale1_index_kb" "$(kb_of "$SEEKD_DB")"
        put "s${S}_seekd_index_kb" "$(kb_of "$BIG_DB")"
    fi
    [ "$RUN_SPHINX" = 1 ] && put "s${S}_sphinx_index_kb" "$(kb_of "$SPHINX_BIG"/idx.*)"
    BIG_XAPIAN=$W/data/xapian-x$S
    if [ "$RUN_XAPIAN" = 1 ]; then
        say "Xapian index, ${S}x corpus"
        rm -rf "$BIG_XAPIAN"
        timed "s${S}_xapian_index" "$TOOLS/bare_xapian" index "$BIG_XAPIAN" "$BIG"
        put "s${S}_xapian_index_kb" "$(kb_of "$BIG_XAPIAN")"
        BARE_XAPIAN_COUNTS="$W/counts-xapian-x$S.tsv" \
            "$TOOLS/bare_xapian" query "$BIG_XAPIAN" "$QUERIES" all 1 > "$LOG/xapian-x$S-warmup.txt"
        put "s${S}_xapian_agree" "$($PY bench/corpus.py agree "$QUERIES" "$W/counts-xapian-x$S.tsv" 1 "$S" | awk '{ print $1 "/" $2 }')"
    fi
    if [ "$RUN_SEEKD" = 1 ]; then
        serve_seekd "$BIG_DB"
        lg --connections 1 --mode all --counts "$W/counts-seekd-x$S.tsv" > "$LOG/seekd-x$S-warmup.txt"
        seekd_warmup >> "$LOG/seekd-x$S-warmup.txt"
        put "s${S}_seekd_agree" "$($PY bench/corpus.py agree "$QUERIES" "$W/counts-seekd-x$S.tsv" 2 "$S" | awk '{ print $1 "/" $2 }')"
        # Its totals are exact beyond the ids one answer lists.
        put "s${S}_seekd_total_agree" "$($PY bench/corpus.py agree "$QUERIES" "$W/counts-seekd-x$S.tsv" 1 "$S" 0 | awk '{ print $1 "/" $2 }')"
    fi
    if [ "$RUN_SPHINX" = 1 ]; then
        searchd --config "$SPHINX_BIG/sphinx.conf" --nodetach >> "$LOG/searchd.txt" 2>&1 &
        SEARCHD_PID=$!
        SPHINX_CONF=$SPHINX_BIG/sphinx.conf
        $PY bench/sphinx.py wait "$SPHINX_PORT"
        $PY bench/sphinx.py query "$SPHINX_PORT" "$QUERIES" 1 "$W/counts-sphinx-x$S.tsv" > "$LOG/sphinx-x$S-warmup.txt"
        put "s${S}_sphinx_agree" "$($PY bench/corpus.py agree "$QUERIES" "$W/counts-sphinx-x$S.tsv" 1 "$S" | awk '{ print $1 "/" $2 }')"
    fi
    for r in $(seq "$REPEAT"); do
        say "round $r/$REPEAT: ${S}x corpus, all ids, top 10, snippets"
        if [ "$RUN_SEEKD" = 1 ]; then
            for mode in all top10 snippets; do
                line=$(lg --connections 1 --mode "$mode"); echo "r=$r x$S $mode $line" >> "$LOG/seekd.txt"
                put_lat "s${S}_seekd_$mode" "$line"
            done
        fi
        if [ "$RUN_SPHINX" = 1 ]; then
            line=$($PY bench/sphinx.py query "$SPHINX_PORT" "$QUERIES" 1 | tee -a "$LOG/sphinx.txt" | tail -n 1)
            put "s${S}_sphinx_all_mean_us" "$(get "$line" mean_us)"
        fi
        if [ "$RUN_XAPIAN" = 1 ]; then
            for mode in all top10; do
                line=$("$TOOLS/bare_xapian" query "$BIG_XAPIAN" "$QUERIES" "$mode" 1 | tee -a "$LOG/xapian.txt" | tail -n 1)
                put "s${S}_xapian_${mode}_mean_us" "$(get "$line" mean_us)"
            done
        fi
    done
    if [ "$RUN_SPHINX" = 1 ]; then
        put "s${S}_sphinx_rss_kb" "$(hwm_kb "$SEARCHD_PID")"
        searchd --config "$SPHINX_BIG/sphinx.conf" --stopwait >> "$LOG/searchd.txt" 2>&1 || kill -TERM "$SEARCHD_PID"
        wait "$SEARCHD_PID" || true
        SEARCHD_PID=
    fi
    rm -rf "$BIG_XAPIAN" "$SPHINX_BIG"
    if [ "$RUN_SEEKD" = 1 ]; then
        put "s${S}_seekd_rss_kb" "$(hwm_kb "$SEEKD_PID")"
        # Cron at this scale, the daemon serving one client throughout (its
        # answers must all be ok): a run that changes nothing, then one
        # that updates 1% of the documents (a line of new words appended;
        # the files are put back afterwards, since the corpus is cached).
        say "${S}x corpus: indexer runs while the daemon serves"
        "$TOOLS/loadgen" --socket "$SOCK" --queries "$QUERIES" --connections 1 --mode top10 \
            --duration 36000 > "$W/serving.txt" 2>&1 &
        serving=$!
        timed "s${S}_cron_same" "$BIN/seekd-index" -q --index "$BIG_DB" "$BIG"
        $PY bench/corpus.py touch "$BIG" 1 "$W/touched.tsv"
        put "s${S}_cron_update_docs" "$(wc -l < "$W/touched.tsv")"
        timed "s${S}_cron_update" "$BIN/seekd-index" -q --index "$BIG_DB" "$BIG"
        $PY bench/corpus.py untouch "$W/touched.tsv"
        kill -INT "$serving"
        wait "$serving" || true
        line=$(tail -n 1 "$W/serving.txt")
        echo "x$S serving during indexer runs: $line" >> "$LOG/seekd.txt"
        put "s${S}_cron_serve_requests" "$(get "$line" requests)"
        put "s${S}_cron_serve_errors" "$(( $(get "$line" errors) + $(get "$line" failed_connections) ))"
        put "s${S}_cron_serve_p99_us" "$(get "$line" p99_us)"
        stop_seekd
    fi
    rm -rf "$BIG_DB"
done

# ---- report ----
$PY bench/report.py "$RESULTS" > "$OUT"
if command -v gnuplot >/dev/null 2>&1 && [ "$RUN_SEEKD" = 1 ]; then
    $PY bench/report.py --connections "$RESULTS" > "$W/connections.dat"
    gnuplot -e "datafile='$W/connections.dat'; outfile='$PLOT'" bench/latency.gp
else
    say "no plot: gnuplot is not installed or seekd was not measured"
fi
cat "$OUT"
