#!/usr/bin/env bash
# What the remote hop costs: one seekd daemon over one database, one over the
# same documents in two local shards, and one over those two shards served by
# xapian-tcpsrv on 127.0.0.1, measured in one run, then a Markdown table of
# every figure beside its ratio to the single database (bench/remote-results.md).
# `make bench-remote` runs it; docs/scaling.md explains the figures.
#
# The corpus is indexed once as one database and once as two shards, each
# written on its own (seekd-index --shards 2 --shard K) as it would be on its
# own host. The local daemon opens the two shard folders through a stub of
# `auto` lines, the remote one through a stub of `remote 127.0.0.1:PORT`
# lines, so all three serve the same documents. Every timed measurement runs
# once per round, the three daemons back to back (their order turning from one
# round to the next); a figure is the median over the rounds, a ratio or a
# difference the median of the per-round ones.
#
#   bash bench/remote.sh                        a run (settings below)
#   bash bench/remote.sh --report RESULTS.tsv   the report again, from a run's
#                                               raw figures (BENCH_WORK/results.tsv)
#
# Settings (environment):
#   REPEAT=3           rounds
#   BENCH_FILES=0      index only this many files (0: the whole corpus)
#   BENCH_QUERIES=0    run only this many queries (0: all of them)
#   BENCH_DURATION=3   seconds of each throughput measurement
#   BENCH_THROUGHPUT_CONNECTIONS=4   connections of the throughput measurement
#   BENCH_BIN=bin  BENCH_TOOLS=build/bench   where seekd and loadgen are
#   BENCH_WORK=build/bench/remote
#   BENCH_OUT          the report (default: bench/remote-results.md; for a run on
#                      a subset, BENCH_WORK/results.md, so it never replaces the
#                      full run's)
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE=$PWD
cd "$ROOT"
REPEAT=${REPEAT:-3}
FILES=${BENCH_FILES:-0}
NQUERIES=${BENCH_QUERIES:-0}
DURATION=${BENCH_DURATION:-3}
TCONN=${BENCH_THROUGHPUT_CONNECTIONS:-4}
BIN=$(cd "${BENCH_BIN:-bin}" && pwd)
TOOLS=$(cd "${BENCH_TOOLS:-build/bench}" && pwd)
W=${BENCH_WORK:-$ROOT/build/bench/remote}
if [ "$FILES" -gt 0 ] || [ "$NQUERIES" -gt 0 ]; then
    OUT=${BENCH_OUT:-$W/results.md}
else
    OUT=${BENCH_OUT:-$ROOT/bench/remote-results.md}
fi
PY=python3
DAEMONS="single local remote"
export SEEKD_GAZETTEER="$ROOT/data/gazetteer.tsv"
unset SEEKD_SOCKET SEEKD_INDEX

# report RESULTS.tsv: the Markdown report of a run's raw figures.
report() {
    $PY - "$1" <<'EOF'
import statistics
import sys

V = {}
with open(sys.argv[1], encoding='utf-8') as f:
    for line in f:
        k, _, v = line.rstrip('\n').partition('\t')
        V.setdefault(k, []).append(v)
R = {k: v[-1] for k, v in V.items()}


def nums(key):
    return [float(v) for v in V.get(key, []) if v not in ('', 'n/a')]


def med(key):
    v = nums(key)
    return statistics.median(v) if v else None


def paired(akey, bkey, op):
    """The median of op over the rounds, a and b from the same round."""
    a, b = nums(akey), nums(bkey)
    if not a or len(a) != len(b):
        return None
    return statistics.median(op(x, y) for x, y in zip(a, b))


def ratio(akey, bkey):
    return paired(akey, bkey, lambda x, y: x / y if y else float('nan'))


def diff(akey, bkey):
    return paired(akey, bkey, lambda x, y: x - y)


def inv_diff(akey, bkey):
    """Microseconds per request from two throughputs: 1/a - 1/b."""
    return paired(akey, bkey, lambda x, y: 1e6 / x - 1e6 / y if x and y else float('nan'))


def us(v):
    if v is None:
        return 'n/a'
    return '%.0f µs' % v if abs(v) < 10000 else '%.1f ms' % (v / 1000)


def sus(v):
    return 'n/a' if v is None else ('+' if v >= 0 else '−') + us(abs(v))


def x(v):
    return 'n/a' if v is None else '%.2f' % v


MODES = [('top10', 'top 10'), ('snippets', 'top 10 with snippets'), ('all', 'all ids (limit 10000, ids only)')]
tc = R['tconn']
ckey = 'c' + tc

print('# Remote shards: the cost of the hop')
print()
print('Written by `bench/remote.sh` (`make bench-remote`); docs/scaling.md explains it.')
print()
print('%s documents (%.1f MB), %s phrase queries, median of %s rounds, %s CPUs (%s), %s. '
      'Xapian %s; seekd %s.' % (
          R['docs'], float(R['corpus_bytes']) / 1e6, R['queries'], R['repeat'], R['cpus'],
          R.get('cpu_model', '?'), R['date'], R['xapian_version'], R.get('revision', '?')))
print()
print('Three daemons (%s worker threads each) serve the same documents: **single**, one database; '
      '**local shards**, two shard databases opened through a stub of `auto` lines; '
      '**remote shards**, the same two databases each served by `xapian-tcpsrv` on 127.0.0.1 '
      'and named by a stub of `remote` lines. A ratio is to the single database, a difference is '
      'minus the single database; both are medians of the per-round values, each round measuring '
      'the three back to back, so on a busy machine a ratio need not equal the quotient of the '
      'two medians beside it. Raw figures: `%s/results.tsv` and `%s/log/loadgen.txt`.'
      % (R.get('threads', '?'), R['work'], R['work']))
print()
print('## Latency: one connection, one request at a time, every phrase once per round')
print()
print('| figure | single | local shards | ratio | remote shards | ratio | local − single | remote − single |')
print('|---|---|---|---|---|---|---|---|')
for m, name in MODES:
    for stat, sname in [('mean', 'mean'), ('p50', 'p50'), ('p99', 'p99'), ('took', 'handler time (took_ms)'),
                        ('cpu', 'CPU per request')]:
        s, l, r = ('%s_%s_%s_us' % (d, m, stat) for d in ('single', 'local', 'remote'))
        label = '%s, %s' % (name, sname)
        if stat == 'mean':
            label = '**%s**' % label
        print('| %s | %s | %s | %s | %s | %s | %s | %s |' % (
            label, us(med(s)), us(med(l)), x(ratio(l, s)), us(med(r)), x(ratio(r, s)),
            sus(diff(l, s)), sus(diff(r, s))))
print()
print('CPU per request is the daemon\'s user and system time over a pass, and for the remote '
      'shards that of both xapian-tcpsrv servers and their per-connection processes too, '
      'divided by the requests; it does not count the load generator.')
print()
print('## Throughput: top 10, %s connections, %s s per round' % (tc, R['duration']))
print()
print('| figure | single | local shards | ratio | remote shards | ratio | local − single | remote − single |')
print('|---|---|---|---|---|---|---|---|')
s, l, r = ('%s_%s_rps' % (d, ckey) for d in ('single', 'local', 'remote'))
rps = lambda v: 'n/a' if v is None else '%.0f/s' % v
print('| **requests per second** | %s | %s | %s | %s | %s | | |' % (
    rps(med(s)), rps(med(l)), x(ratio(l, s)), rps(med(r)), x(ratio(r, s))))
print('| machine time per request (1 / throughput) | %s | %s | %s | %s | %s | %s | %s |' % (
    us(1e6 / med(s)), us(1e6 / med(l)), x(ratio(s, l)), us(1e6 / med(r)), x(ratio(s, r)),
    sus(inv_diff(l, s)), sus(inv_diff(r, s))))
for stat, sname in [('mean', 'mean latency'), ('p99', 'p99 latency'), ('cpu', 'CPU per request')]:
    s, l, r = ('%s_%s_%s_us' % (d, ckey, stat) for d in ('single', 'local', 'remote'))
    print('| %s | %s | %s | %s | %s | %s | %s | %s |' % (
        sname, us(med(s)), us(med(l)), x(ratio(l, s)), us(med(r)), x(ratio(r, s)),
        sus(diff(l, s)), sus(diff(r, s))))
print()
print('## What the hop adds per query')
print()
for m, name in MODES:
    d = diff('remote_%s_mean_us' % m, 'single_%s_mean_us' % m)
    dl = diff('local_%s_mean_us' % m, 'single_%s_mean_us' % m)
    print('- %s: remote shards %s per query over the single database (%s × its time); '
          'local shards %s (%s ×), so the network hop itself is about %s.' % (
              name, sus(d), x(ratio('remote_%s_mean_us' % m, 'single_%s_mean_us' % m)),
              sus(dl), x(ratio('local_%s_mean_us' % m, 'single_%s_mean_us' % m)),
              sus(diff('remote_%s_mean_us' % m, 'local_%s_mean_us' % m))))
hop_docs = paired('remote_top10_mean_us', 'single_top10_mean_us', lambda a, b: a - b)
hop_ids = paired('remote_all_mean_us', 'single_all_mean_us', lambda a, b: a - b)
hits = float(R.get('top10_hits', 0) or 0)
if hop_docs is not None and hop_ids is not None and hits:
    print('- A top-10 answer lists %.2f hits on average here. Its remote cost above that of an '
          'ids-only answer, which carries nothing but ids, is %s: about %s per hit for its '
          'record (title, date, entities).' % (hits, sus(hop_docs - hop_ids), us((hop_docs - hop_ids) / hits)))
print('- Under load (%s connections): %s of machine time and %s of CPU per query over the '
      'single database; throughput %s × the single database\'s.' % (
          tc, sus(inv_diff('remote_%s_rps' % ckey, 'single_%s_rps' % ckey)),
          sus(diff('remote_%s_cpu_us' % ckey, 'single_%s_cpu_us' % ckey)),
          x(ratio('remote_%s_rps' % ckey, 'single_%s_rps' % ckey))))
print()
print('## Indexes (built once)')
print()
print('| index | documents | build: wall (CPU) | size (MB = 10⁶ bytes) |')
print('|---|---|---|---|')
print('| one database | %s | %.1f s (CPU %.1f s) | %.1f MB |' % (
    R['single_docs'], float(R['index_single_s']), float(R['index_single_cpu_s']),
    float(R['index_single_kb']) * 1024 / 1e6))
for k in '01':
    print('| shard %s of 2 (`--shards 2 --shard %s`) | %s | %.1f s (CPU %.1f s) | %.1f MB |' % (
        k, k, R['index_shard%s_docs' % k], float(R['index_shard%s_s' % k]),
        float(R['index_shard%s_cpu_s' % k]), float(R['index_shard%s_kb' % k]) * 1024 / 1e6))
print()
print('## Answers')
print()
print('Phrases with the expected number of ids: single %s, local shards %s, remote shards %s. '
      'Every phrase\'s total and number of ids identical across the three: %s.' % (
          R['single_agree'], R['local_agree'], R['remote_agree'], R['same_counts']))
EOF
}
if [ "${1:-}" = --report ]; then
    f=${2:?usage: bench/remote.sh --report RESULTS.tsv}
    case $f in /*) ;; *) f=$HERE/$f ;; esac
    report "$f"
    exit
fi

command -v xapian-tcpsrv >/dev/null 2>&1 || {
    echo "xapian-tcpsrv is not installed (Debian package xapian-tools; make deps installs it)" >&2
    exit 1
}

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
# The run uses its own copy of the programs, so a rebuild of BIN while it
# runs changes nothing.
mkdir -p "$W/bin"
cp "$BIN/seekd-index" "$BIN/seekd" "$BIN/seek" "$W/bin/"
BIN=$W/bin

# ---- processes we start, and stopping them on any exit ----
# DAEMON_PIDS: "name:pid" per seekd. SHARD_PIDS: xapian-tcpsrv, each the
# leader of a session of its own, since it forks one process per connection
# and signals its whole group when it stops; we stop it by its group.
DAEMON_PIDS=
SHARD_PIDS=
SOCKDIR=
cleanup() {
    local st=$? e p
    trap - EXIT INT TERM
    for e in $DAEMON_PIDS; do
        p=${e#*:}
        if kill -0 "$p" 2>/dev/null; then
            kill -TERM "$p" 2>/dev/null || true
            wait "$p" 2>/dev/null || true
        fi
    done
    for p in $SHARD_PIDS; do
        if kill -0 "$p" 2>/dev/null; then
            kill -TERM "-$p" 2>/dev/null || true
            wait "$p" 2>/dev/null || true
        fi
    done
    [ -n "$SOCKDIR" ] && rm -rf "$SOCKDIR"
    # The indexes are large; the logs and the raw figures stay.
    rm -rf "${W:?}/data" "${W:?}/bin"
    exit "$st"
}
trap cleanup EXIT
set -E
trap 'echo "bench/remote.sh: line $LINENO failed (status $?): $BASH_COMMAND" >&2' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- helpers ----
say() { printf '== %s\n' "$*" >&2; }
put() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS"; }
# get LINE KEY: the value of KEY=value in a line of key=value pairs.
get() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | tail -n 1; }
kb_of() { du -sk "$@" | awk '{ s += $1 } END { print s }'; }
agree() { $PY bench/corpus.py agree "$QUERIES" "$1" 2 | awk '{ print $1 "/" $2 }'; }
free_port() {
    $PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
pid_of() {
    local e
    for e in $DAEMON_PIDS; do [ "${e%%:*}" = "$1" ] && { echo "${e#*:}"; return; }; done
    return 1
}

# ---- corpus and queries ----
say "benchmark corpus"
. bench/corpus-setup.sh
put repeat "$REPEAT"
put duration "$DURATION"
put tconn "$TCONN"
put cpus "$(nproc)"
put cpu_model "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
put date "$(date -u +%Y-%m-%dT%H:%MZ)"
put xapian_version "$(pkg-config --modversion xapian-core 2>/dev/null || echo '?')"
put revision "$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo '?')"
put work "${W#"$ROOT"/}"
say "corpus: $NDOCS documents, $CORPUS_BYTES bytes; $NQ queries; REPEAT=$REPEAT"

# ---- index builds: one database, then each shard on its own ----
# timed KEY CMD...: runs CMD and records KEY_s (wall seconds), KEY_cpu_s and
# KEY_rss_kb.
timed() {
    local key=$1 line; shift
    line=$($PY bench/timeit.py "$@" 2>>"$LOG/index.txt")
    put "${key}_s" "$(get "$line" wall)"
    put "${key}_cpu_s" "$(get "$line" cpu)"
    put "${key}_rss_kb" "$(get "$line" maxrss_kb)"
}
SINGLE_DB=$W/data/single
SHARD0_DB=$W/data/shard0
SHARD1_DB=$W/data/shard1
say "index: one database"
timed index_single "$BIN/seekd-index" -q --index "$SINGLE_DB" "$CORPUS"
say "index: shard 0 of 2"
timed index_shard0 "$BIN/seekd-index" -q --index "$SHARD0_DB" --shards 2 --shard 0 "$CORPUS"
say "index: shard 1 of 2"
timed index_shard1 "$BIN/seekd-index" -q --index "$SHARD1_DB" --shards 2 --shard 1 "$CORPUS"
put index_single_kb "$(kb_of "$SINGLE_DB")"
for k in 0 1; do
    db=$W/data/shard$k
    put "index_shard${k}_kb" "$(kb_of "$db")"
    put "index_shard${k}_docs" "$(xapian-delve "$db" | sed -n 's/^number of documents = //p')"
done

# ---- shard servers and stubs ----
# serve_shard DB PORT: xapian-tcpsrv on 127.0.0.1:PORT, in a session of its own.
serve_shard() {
    local pid i=0
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$2" "$1" >>"$LOG/tcpsrv.txt" 2>&1 &
    pid=$!
    SHARD_PIDS="$SHARD_PIDS $pid"
    until $PY -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$2" 2>/dev/null; do
        i=$((i + 1))
        if [ $i -gt 200 ] || ! kill -0 "$pid" 2>/dev/null; then
            echo "xapian-tcpsrv did not start on port $2 (see $LOG/tcpsrv.txt)" >&2
            exit 1
        fi
        sleep 0.05
    done
    # Stopping it by its group must never reach ours.
    if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" != "$pid" ]; then
        echo "xapian-tcpsrv (pid $pid) is not the leader of its process group" >&2
        exit 1
    fi
}
P0=$(free_port)
serve_shard "$SHARD0_DB" "$P0"
P1=$(free_port)
serve_shard "$SHARD1_DB" "$P1"
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$P0" "$P1" > "$W/data/remote.stub"
printf 'auto %s\nauto %s\n' "$SHARD0_DB" "$SHARD1_DB" > "$W/data/local.stub"

# ---- daemons ----
# Unix socket paths are short (108 bytes): the sockets go in a private folder
# under /tmp, made 0700 by mktemp.
SOCKDIR=$(mktemp -d -t seekd-remote.XXXXXX)
chmod 700 "$SOCKDIR"
index_of() {
    case $1 in
        single) echo "$SINGLE_DB" ;;
        local) echo "$W/data/local.stub" ;;
        remote) echo "$W/data/remote.stub" ;;
    esac
}
for d in $DAEMONS; do
    "$BIN/seekd" --index "$(index_of "$d")" --socket "$SOCKDIR/$d.sock" 2>"$LOG/seekd-$d.log" &
    DAEMON_PIDS="$DAEMON_PIDS $d:$!"
    i=0
    until "$BIN/seek" --socket "$SOCKDIR/$d.sock" --ping >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -gt 400 ] && { echo "seekd ($d) did not start" >&2; exit 1; }
        sleep 0.05
    done
done
put threads "$(sed -n 's/.* threads=\([0-9]*\).*/\1/p' "$LOG/seekd-single.log" | head -n 1)"

# lg NAME ARGS...: loadgen against daemon NAME; fails on any error answer.
lg() { local d=$1; shift; "$TOOLS/loadgen" --socket "$SOCKDIR/$d.sock" --queries "$QUERIES" "$@"; }

# cpu_us NAME: CPU microseconds used so far by daemon NAME and, for the
# remote one, by the shard servers and their per-connection processes (the
# members of their sessions). Read before and after a pass: the servers'
# processes live as long as the daemon's connections, which outlive a pass.
# The scheduler's per-thread run time (nanoseconds) where the kernel keeps
# it, else the clock ticks of /proc/PID/stat.
TICK=$(getconf CLK_TCK)
cpu_us() {
    local pids want p
    want=" $(pid_of "$1") "
    [ "$1" = remote ] && want="$want$SHARD_PIDS "
    pids=$(ps -e -o pid=,sid= | awk -v want="$want" 'index(want, " " $1 " ") || index(want, " " $2 " ") { print $1 }')
    if [ -r /proc/self/schedstat ]; then
        for p in $pids; do cat "/proc/$p/task/"*/schedstat 2>/dev/null || true; done \
            | awk '{ s += $1 } END { printf "%.0f\n", s / 1000 }'
    else
        for p in $pids; do cat "/proc/$p/stat" 2>/dev/null || true; done \
            | sed 's/^.*) //' | awk -v t="$TICK" '{ s += $12 + $13 } END { printf "%.0f\n", s * 1e6 / t }'
    fi
}

# ---- warm-up passes; the three daemons must give the same answers ----
for d in $DAEMONS; do
    say "warm-up: $d"
    lg "$d" --connections 1 --mode all --count "$NQ" --counts "$W/counts-$d.tsv" > "$LOG/warmup-$d.txt"
    put "${d}_agree" "$(agree "$W/counts-$d.tsv")"
done
same=yes
for d in local remote; do
    cmp -s "$W/counts-single.tsv" "$W/counts-$d.tsv" || same=no
done
put same_counts "$same"
# The hits a top-10 answer lists, on average: min(total, 10) per phrase.
put top10_hits "$(awk -F'\t' '{ s += ($2 < 10 ? $2 : 10) } END { printf "%.2f\n", NR ? s / NR : 0 }' "$W/counts-single.tsv")"
put "single_docs" "$("$BIN/seek" --socket "$SOCKDIR/single.sock" --json --stats | $PY -c 'import json, sys; print(json.load(sys.stdin)["docs"])')"

# measure NAME KEY ARGS...: one loadgen pass; records KEY's latencies, its
# throughput and the CPU it cost per request.
measure() {
    local d=$1 key=$2 line c0 c1 n; shift 2
    c0=$(cpu_us "$d")
    line=$(lg "$d" "$@")
    c1=$(cpu_us "$d")
    echo "r=$r $d $key $line cpu_us=$((c1 - c0))" >> "$LOG/loadgen.txt"
    n=$(get "$line" requests)
    put "${d}_${key}_mean_us" "$(get "$line" mean_us)"
    put "${d}_${key}_p50_us" "$(get "$line" p50_us)"
    put "${d}_${key}_p99_us" "$(get "$line" p99_us)"
    put "${d}_${key}_took_us" "$(get "$line" took_mean_us)"
    put "${d}_${key}_rps" "$(get "$line" rps)"
    put "${d}_${key}_cpu_us" "$(awk -v c=$((c1 - c0)) -v n="$n" 'BEGIN { printf "%.1f\n", n ? c / n : 0 }')"
}

# ---- rounds ----
read -ra DL <<< "$DAEMONS"
for r in $(seq "$REPEAT"); do
    # Turn the order each round, so no daemon always runs first.
    order=
    for k in 0 1 2; do
        order="$order ${DL[(k + r - 1) % 3]}"
    done
    for m in top10 snippets all; do
        say "round $r/$REPEAT: $m, 1 connection ($order)"
        for d in $order; do
            measure "$d" "$m" --connections 1 --mode "$m" --count "$NQ"
        done
    done
    say "round $r/$REPEAT: top 10, $TCONN connections, ${DURATION}s each ($order)"
    for d in $order; do
        measure "$d" "c$TCONN" --connections "$TCONN" --mode top10 --duration "$DURATION"
    done
done

# ---- stop the daemons: each must exit cleanly ----
for e in $DAEMON_PIDS; do
    p=${e#*:}
    kill -TERM "$p"
    wait "$p" || { echo "seekd (${e%%:*}) exited with an error" >&2; exit 1; }
done
DAEMON_PIDS=

# ---- report ----
report "$RESULTS" > "$OUT"
cat "$OUT"
