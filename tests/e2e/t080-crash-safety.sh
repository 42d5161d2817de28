#!/bin/sh
# Crash safety: the indexer is killed with SIGKILL at random moments of a
# large run, round after round, while the daemon serves. After each kill the
# index must open and answer, hold every document in its state before the run
# or after it, all from one side (the run is one transaction), and the next
# run must meet no stale lock, exit 0 and bring the index to the corpus.
. "$(dirname "$0")/lib.sh"

KILLS=30 MAX_ROUNDS=40 FILES=800 SEED=${SEED:-8080}
# The interpreter itself, not a version-manager wrapper that costs a second a start.
PY=$(python3 -c 'import sys; print(sys.executable)')
IDX_PID=
cleanup_crash() {
    [ -n "$IDX_PID" ] && { kill -KILL "$IDX_PID" 2>/dev/null; { wait "$IDX_PID"; } 2>/dev/null; }
    cleanup
}
trap cleanup_crash EXIT

# The corpus: file fN.txt has the title "File N version V" and a body starting
# "allfiles uidN verV", so one query for `allfiles` lists every document with
# its version. The helper keeps the corpus's id -> version map in a JSON file.
cat >"$TMP/crash.py" <<'EOF'
import json, os, random, re, signal, socket, sys, time

def words(folder):
    text = " ".join(open(os.path.join(folder, f), encoding="utf-8", errors="replace").read()
                    for f in sorted(os.listdir(folder)) if f.endswith(".txt"))
    return sorted(set(re.findall(r"\b[a-z]+\b", text)))  # no names: quick to index

def write(folder, n, ver, vocab):
    rng = random.Random(n * 1000 + ver)
    body = " ".join(rng.choice(vocab) for _ in range(300))
    with open(os.path.join(folder, f"f{n}.txt"), "w") as f:
        f.write(f"File {n} version {ver}\nallfiles uid{n} ver{ver} {body}\n")

def load(path):
    with open(path) as f:
        return json.load(f)

def save(path, state):
    with open(path, "w") as f:
        json.dump(state, f)

def init(folder, nfiles, vocab_from, state_path):
    vocab = words(vocab_from)
    save(state_path + ".vocab", vocab)
    for n in range(nfiles):
        write(folder, n, 0, vocab)
    save(state_path, {f"f{n}": 0 for n in range(nfiles)})

def mutate(folder, rnd, state_path, seed, span):
    """Round rnd: a tenth of the files change to version rnd, 10 go, 10 come.
    Prints when to kill a run that takes `span` seconds: at any moment, in its
    second half, or (every third round, for `watch`) soon after it starts
    writing the posting lists, which it does only while committing."""
    vocab, state = load(state_path + ".vocab"), load(state_path)
    rng = random.Random(seed * 1000 + rnd)
    ids = sorted(state, key=lambda d: int(d[1:]))
    gone = rng.sample(ids, 10)
    for d in gone:
        os.unlink(os.path.join(folder, d + ".txt"))
        del state[d]
    top = max(int(d[1:]) for d in ids)
    for d in rng.sample(sorted(state), len(state) // 10) + [f"f{top + k}" for k in range(1, 11)]:
        write(folder, int(d[1:]), rnd, vocab)
        state[d] = rnd
    save(state_path, state)
    print("%.3f" % [rng.uniform(0, 0.25 * span), rng.uniform(0, span), rng.uniform(0.5 * span, span)][rnd % 3])

def watch(pid, path, extra):
    """Kills pid `extra` seconds after `path` changes; prints whether it did."""
    def sig(p):
        try:
            st = os.stat(p)
            return st.st_mtime_ns, st.st_size
        except FileNotFoundError:
            return None
    def running():
        try:
            with open(f"/proc/{pid}/stat") as f:
                return f.read().rsplit(")", 1)[1].split()[0] != "Z"
        except FileNotFoundError:
            return False
    base = sig(path)
    while running():
        if sig(path) != base:
            time.sleep(extra)
            os.kill(pid, signal.SIGKILL)
            print("committing")
            return
        time.sleep(0.0002)
    print("exited")

def ask(s, buf, req):
    """Sends req (None: it was sent already) and reads one answer."""
    if req is not None:
        s.sendall(json.dumps(req).encode() + b"\n")
    while b"\n" not in buf[0]:
        chunk = s.recv(1 << 20)
        if not chunk:
            raise EOFError("the daemon closed the connection")
        buf[0] += chunk
    line, buf[0] = buf[0].split(b"\n", 1)
    return json.loads(line)

def check(sock, seed, paths):
    """Prints the index of the state file the index matches exactly, or why none."""
    states = [load(p) for p in paths]
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(60)
    s.connect(sock)
    buf = [b""]
    a = ask(s, buf, {"op": "search", "q": "allfiles", "limit": 10000, "snippets": False})
    if not a.get("ok"):
        print(f"search failed: {a}")
        return 1
    got = {h["id"]: int(h["title"].split()[3]) for h in a["hits"]}
    st = ask(s, buf, {"op": "stats"})
    if not st.get("ok") or st["docs"] != len(got) or a["total"] != len(got):
        print(f"stats say {st.get('docs')} docs, total {a['total']}, {len(got)} hits: {st}")
        return 1
    # A sample of documents one by one: each in one of the states' versions.
    rng = random.Random(seed)
    union = sorted(set().union(*states))
    sample = rng.sample(union, min(40, len(union)))
    s.sendall(b"".join(json.dumps({"op": "search", "q": f"uid{d[1:]}", "limit": 5,
                                   "snippets": False}).encode() + b"\n" for d in sample))
    for d in sample:
        b = ask(s, buf, None)
        have = [int(h["title"].split()[3]) for h in b.get("hits", [])]
        allowed = [[st_[d]] if d in st_ else [] for st_ in states]
        if not b.get("ok") or have not in allowed:
            print(f"{d}: indexed as {have}, allowed {allowed}: {b}")
            return 1
    s.close()
    for k, state in enumerate(states):
        if got == state:
            print(k)
            return 0
    for k, state in enumerate(states):
        diff = sorted(d for d in set(got) | set(state) if got.get(d) != state.get(d))
        print(f"not state {k}: {len(diff)} documents differ, e.g. "
              + ", ".join(f"{d}: {got.get(d)} vs {state.get(d)}" for d in diff[:5]))
    return 1

cmd, args = sys.argv[1], sys.argv[2:]
if cmd == "init":
    init(args[0], int(args[1]), args[2], args[3])
elif cmd == "mutate":
    mutate(args[0], int(args[1]), args[2], int(args[3]), float(args[4]))
elif cmd == "watch":
    watch(int(args[0]), args[1], float(args[2]))
elif cmd == "check":
    sys.exit(check(args[0], int(args[1]), args[2:]))
EOF
crash() { "$PY" "$TMP/crash.py" "$@"; }
now_ms() { date +%s%3N; }

vocab=$TMP/vocab-src
mv "$CORPUS" "$vocab" && mkdir "$CORPUS"
crash init "$CORPUS" "$FILES" "$vocab" "$TMP/corpus.json"
t0=$(now_ms)
check "index $FILES files" index -q "$CORPUS"
echo "# full run: $(( $(now_ms) - t0 )) ms"
cp "$TMP/corpus.json" "$TMP/committed.json"
start_daemon || exit 1
expect_eq "the daemon serves the first run" 0 "$(crash check "$SOCK" 0 "$TMP/committed.json")"

# Calibration: one round's worth of changes, indexed without a kill, gives the
# span the kill times are drawn from. Each round refines it: the run after a
# kill redoes the killed run's work, so its time is the next guess; a run that
# finished before the signal shortens it. Near the end some runs will have
# committed, or finished, when the signal comes.
crash mutate "$CORPUS" 0 "$TMP/corpus.json" "$SEED" 0 >/dev/null
t0=$(now_ms)
index -q "$CORPUS"
span=$(( $(now_ms) - t0 ))
cp "$TMP/corpus.json" "$TMP/committed.json"
echo "# a round's run: $span ms; seed $SEED"

killed=0 finished=0 survived=0 in_commit=0
bad_open= bad_state= stale= bad_next= bad_final= commits_seen=0
r=0
while [ $killed -lt $KILLS ] && [ $r -lt $MAX_ROUNDS ]; do
    r=$((r + 1))
    d=$(crash mutate "$CORPUS" "$r" "$TMP/corpus.json" "$SEED" "$(echo "$span" | awk '{ print $1 / 1000 }')")
    # The binary itself, not the index() function: $! must be the indexer.
    "$BIN/seekd-index" --index "$INDEX" -q "$CORPUS" 2>"$TMP/killed.err" &
    IDX_PID=$!
    watched=
    if [ $((r % 3)) -eq 0 ]; then
        watched=$(crash watch "$IDX_PID" "$INDEX/postlist.glass" "$d")
        d="commit+$d"
    else
        sleep "$d"
    fi
    kill -KILL "$IDX_PID" 2>/dev/null
    { wait "$IDX_PID"; } 2>/dev/null
    rc=$?
    IDX_PID=
    case $rc in
        137) killed=$((killed + 1)); [ "$watched" = committing ] && in_commit=$((in_commit + 1)) ;;
        0) finished=$((finished + 1)) ;;
        *) bad_open="${bad_open:-round $r: the run to be killed exited $rc: $(head -c 200 "$TMP/killed.err")}" ;;
    esac
    fine=1
    if ! seek --stats >"$TMP/out" 2>"$TMP/err" || ! seek --ids --limit 5 allfiles >"$TMP/out" 2>>"$TMP/err"; then
        bad_open="${bad_open:-round $r, killed after $d s: $(head -c 300 "$TMP/err")}"
        fine=0
    fi
    got=$(crash check "$SOCK" "$r" "$TMP/committed.json" "$TMP/corpus.json")
    case $got in
        0) [ $rc -eq 0 ] && { bad_state="${bad_state:-round $r: the run exited 0 but the index is the old one}"; fine=0; } ;;
        1) [ $rc -eq 137 ] && commits_seen=$((commits_seen + 1)) ;;
        *) bad_state="${bad_state:-round $r, killed after $d s: $got}"; fine=0 ;;
    esac
    t0=$(now_ms)
    index -q "$CORPUS" 2>"$TMP/next.err"
    rc2=$?
    if [ "$got" = 0 ]; then span=$(( (span + $(now_ms) - t0) / 2 )); else span=$((span * 4 / 5)); fi
    if [ $rc2 -eq 75 ]; then
        stale="${stale:-round $r, killed after $d s: $(head -c 200 "$TMP/next.err")}"; fine=0
    elif [ $rc2 -ne 0 ]; then
        bad_next="${bad_next:-round $r, killed after $d s: exit $rc2: $(head -c 300 "$TMP/next.err")}"; fine=0
    fi
    got=$(crash check "$SOCK" "$r" "$TMP/corpus.json")
    [ "$got" = 0 ] || { bad_final="${bad_final:-round $r, killed after $d s: $got}"; fine=0; }
    cp "$TMP/corpus.json" "$TMP/committed.json"
    [ $rc -eq 137 ] && [ $fine -eq 1 ] && survived=$((survived + 1))
done

echo "# SIGKILL rounds survived: $survived ($r rounds: $killed runs killed, $in_commit of them in the commit phase, $commits_seen after their commit; $finished finished before the signal; last span $span ms)"
[ "$killed" -ge $KILLS ] && ok "$KILLS kills hit a running indexer" \
    || not_ok "$KILLS kills hit a running indexer" "only $killed in $r rounds"
expect_eq "after every kill the index opens and answers stats and searches" "" "$bad_open"
expect_eq "after every kill each document is in its old or its new state, all from one side" "" "$bad_state"
expect_eq "the run after a kill never meets a stale lock (exit 75)" "" "$stale"
expect_eq "the run after a kill exits 0" "" "$bad_next"
expect_eq "and brings the index to exactly the corpus" "" "$bad_final"
check "the daemon still answers" seek --ping
stop_daemon
finish
