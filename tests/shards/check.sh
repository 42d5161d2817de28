#!/bin/sh
# Sharded and remote indexes answer exactly like one index. The benchmark
# corpus is indexed three ways: one database; two local shards behind a stub
# (seekd-index --shards 2); and each shard written on its own (--shard K) and
# served by xapian-tcpsrv on 127.0.0.1, named by a stub of `remote` lines.
# Every phrase of bench/queries-dev.tsv and a set of entity queries must get
# the same totals, ids, order, scores, snippets, facets and entity cards from
# all three daemons. Then one shard server stops: queries fail with a clear
# error while the daemon keeps serving, and work again once it is back.
set -u
: "${BIN:?}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=$(sh "$ROOT/bench/fetch-corpus.sh") || { echo "not ok - no benchmark corpus"; exit 1; }
export SEEKD_GAZETTEER="$ROOT/data/gazetteer.tsv"
unset SEEKD_SOCKET SEEKD_INDEX
TMP=$(mktemp -d /tmp/seekd-shards.XXXXXX)
PIDS= SHARD_PIDS=
cleanup() {
    for p in $SHARD_PIDS; do kill -TERM "-$p" 2>/dev/null; done
    for p in $PIDS; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
PASSED=0 FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $1"; [ $# -gt 1 ] && printf '#   %s\n' "$2"; }
die() { echo "not ok - $1"; [ -f "$TMP/log" ] && sed 's/^/#   /' "$TMP/log" | tail -20; exit 1; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# serve_shard N DB PORT: xapian-tcpsrv for one shard, its pid in SHARD_PIDN.
# It runs in a session of its own: stopping it signals its whole process
# group (the server forks one process per connection), which must not be ours.
serve_shard() {
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$3" "$2" >>"$TMP/log" 2>&1 &
    eval "SHARD_PID$1=$!"
    SHARD_PIDS="$SHARD_PIDS $!"
    i=0
    until python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$3" 2>/dev/null; do
        i=$((i + 1)); [ $i -gt 200 ] && die "xapian-tcpsrv did not start on port $3"
        sleep 0.05
    done
}

# start_daemon NAME INDEX: seekd on $TMP/NAME.sock
start_daemon() {
    "$BIN/seekd" --index "$2" --socket "$TMP/$1.sock" 2>>"$TMP/log" &
    PIDS="$PIDS $!"
    i=0
    until "$BIN/seek" --socket "$TMP/$1.sock" --ping >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -gt 400 ] && die "seekd on $2 did not start"
        sleep 0.05
    done
}

ix() { "$BIN/seekd-index" -q "$@" "$CORPUS" >>"$TMP/log" 2>&1; }
ix --index "$TMP/single" || die "indexing one database failed"
ix --index "$TMP/local" --shards 2 || die "indexing two local shards failed"
ix --index "$TMP/host0" --shards 2 --shard 0 || die "indexing shard 0 on its own failed"
ix --index "$TMP/host1" --shards 2 --shard 1 || die "indexing shard 1 on its own failed"

# A second run changes nothing, and finds each document in its shard.
out=$("$BIN/seekd-index" --index "$TMP/local" "$CORPUS" 2>&1)
case $out in
    "0 added, 0 updated, 0 removed, "*) ok "an incremental run over the shards changes nothing" ;;
    *) not_ok "an incremental run over the shards changes nothing" "$out" ;;
esac
if "$BIN/seekd-index" -q --index "$TMP/host0" --shards 2 --shard 1 "$CORPUS" 2>"$TMP/err"; then
    not_ok "shard 0's database refuses shard 1's documents"
else
    ok "shard 0's database refuses shard 1's documents"
fi

P0=$(free_port) P1=$(free_port)
serve_shard 0 "$TMP/host0" "$P0"
serve_shard 1 "$TMP/host1" "$P1"
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$P0" "$P1" > "$TMP/remote.stub"

start_daemon single "$TMP/single"
start_daemon local "$TMP/local"
start_daemon remote "$TMP/remote.stub"

docs() { "$BIN/seek" --socket "$TMP/$1.sock" --json --stats | python3 -c 'import json, sys; print(json.load(sys.stdin)["docs"])'; }
want=$(docs single)
[ "$(docs local)" = "$want" ] && [ "$(docs remote)" = "$want" ] \
    && ok "stats count the same $want documents three ways" \
    || not_ok "stats count the same documents" "single $want, local $(docs local), remote $(docs remote)"

for d in local remote; do
    if python3 "$ROOT/tests/shards/compare.py" "$BIN/seek" "$TMP/single.sock" "$TMP/$d.sock" \
        "$ROOT/bench/queries-dev.tsv" >"$TMP/compare" 2>&1; then
        ok "$d shards answer like one index ($(tail -1 "$TMP/compare"))"
    else
        not_ok "$d shards answer like one index" "$(grep -v '^shards:' "$TMP/compare" | head -5)"
    fi
done

# Snippets go to the first 100 hits of an answer only: each costs a document.
"$BIN/seek" --socket "$TMP/remote.sock" --json --limit 150 government | python3 -c '
import json, sys
hits = json.load(sys.stdin)["hits"]
with_snippet = [("snippet" in h) for h in hits]
sys.exit(0 if len(hits) == 150 and all(with_snippet[:100]) and not any(with_snippet[100:]) else 1)' \
    && ok "snippets for the first 100 hits of an answer, not beyond" \
    || not_ok "snippets for the first 100 hits of an answer, not beyond"

# One shard server stops: a clear error, the daemon stays up.
Q='"the united states"'
kill -TERM "-$SHARD_PID1"; wait "$SHARD_PID1" 2>/dev/null
"$BIN/seek" --socket "$TMP/remote.sock" --json "$Q" >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ $rc -eq 2 ] && grep -q '"shard_unavailable"' "$TMP/out" "$TMP/err" \
    && grep -q "127.0.0.1:$P1\|127.0.0.1, port $P1\|$P1" "$TMP/out" "$TMP/err"; then
    ok "a stopped shard gives a shard_unavailable error naming it"
else
    not_ok "a stopped shard gives a shard_unavailable error naming it" "rc $rc: $(cat "$TMP/out" "$TMP/err" | head -c 300)"
fi
"$BIN/seek" --socket "$TMP/remote.sock" --entity rakhmon >"$TMP/out" 2>"$TMP/err"
expect_card=$?
[ $expect_card -eq 2 ] && ok "entity cards fail the same way" || not_ok "entity cards fail the same way" "rc $expect_card"
"$BIN/seek" --socket "$TMP/remote.sock" --ping >/dev/null 2>&1 \
    && ok "the daemon keeps serving while a shard is down" \
    || not_ok "the daemon keeps serving while a shard is down"

# The shard comes back on its port: answers resume, unchanged.
serve_shard 1 "$TMP/host1" "$P1"
a=$("$BIN/seek" --socket "$TMP/single.sock" --ids --limit 10000 "$Q")
b=$("$BIN/seek" --socket "$TMP/remote.sock" --ids --limit 10000 "$Q")
[ -n "$a" ] && [ "$a" = "$b" ] && ok "answers resume when the shard is back" \
    || not_ok "answers resume when the shard is back" "$(printf '%s' "$b" | head -c 200)"

echo "shards: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
