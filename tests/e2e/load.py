#!/usr/bin/env python3
"""Test helper for t070: a corpus that changes round by round, and concurrent
query clients that check every answer against the rounds.

  load.py state DIR K                 make DIR hold exactly round K's documents
  load.py verify SOCK K               the daemon serves exactly round K
  load.py clients SOCK ROUNDS STOPFILE [--clients N] [--seconds S] [--max Q]
                                      query load until STOPFILE exists (or S
                                      seconds or Q queries), then print a JSON
                                      summary

Round 0 holds items 0..49 at version 0. Round K (K >= 1) removes 3 items of
round K-1, adds 3 absent ones and changes 5 others; added and changed items
get version K, the rest keep theirs. An item's file i<N>.txt has the title
"Round V item N" and a body starting "allrounds itemN verV", so one answer
to the query `allrounds` names the version of every document, and each round
is a different id -> version map: an answer that mixes two revisions matches
no round."""
import json, os, random, socket, sys, threading, time

POOL = 80
FIRST = 50
FILLER = ("the council met in the capital to discuss border security water "
          "energy trade transit pipelines customs railway schools harvest "
          "elections drought bridges ministers delegation agreement summit").split()


def states(last):
    """The id -> version map of rounds 0..last."""
    cur = {f"i{n}": 0 for n in range(FIRST)}
    out = [dict(cur)]
    for k in range(1, last + 1):
        rng = random.Random(1000 + k)
        present = sorted(cur)
        removed = rng.sample(present, 3)
        absent = sorted(f"i{n}" for n in range(POOL) if f"i{n}" not in cur)
        added = rng.sample(absent, 3)
        kept = [d for d in present if d not in removed]
        changed = rng.sample(kept, 5)
        for d in removed:
            del cur[d]
        for d in added + changed:
            cur[d] = k
        out.append(dict(cur))
    return out


def text(doc, ver):
    rng = random.Random(f"{doc}/{ver}")
    body = " ".join(rng.choice(FILLER) for _ in range(120))
    return f"Round {ver} item {doc[1:]}\nallrounds item{doc[1:]} ver{ver} {body}\n"


def cmd_state(folder, k):
    want = states(k)[k]
    for name in os.listdir(folder):
        if name.endswith(".txt") and name[:-4] not in want:
            os.unlink(os.path.join(folder, name))
    for doc, ver in want.items():
        path = os.path.join(folder, doc + ".txt")
        t = text(doc, ver)
        try:
            with open(path) as f:
                if f.read() == t:
                    continue
        except FileNotFoundError:
            pass
        with open(path, "w") as f:
            f.write(t)
    return 0


class Conn:
    def __init__(self, path, timeout=30):
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.s.settimeout(timeout)
        self.s.connect(path)
        self.buf = b""

    def send(self, reqs):
        self.s.sendall(b"".join(json.dumps(r).encode() + b"\n" for r in reqs))

    def recv(self):
        while b"\n" not in self.buf:
            chunk = self.s.recv(1 << 20)
            if not chunk:
                raise EOFError("the daemon closed the connection")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def ask(self, req):
        self.send([req])
        return self.recv()

    def close(self):
        self.s.close()


def version_map(answer):
    """id -> version from an answer's hit titles ("Round V item N")."""
    m = {}
    for h in answer["hits"]:
        words = h["title"].split()
        m[h["id"]] = int(words[1])
        if words[3] != h["id"][1:]:
            raise ValueError(f"hit {h['id']} has the title of item {words[3]}")
    return m


def cmd_verify(path, k):
    """Exit 0 if the daemon serves exactly round k: every document, version,
    the round's new marker and none of the removed items."""
    all_states = states(k)
    want, before = all_states[k], all_states[k - 1] if k else {}
    c = Conn(path)
    problems = []
    a = c.ask({"op": "search", "q": "allrounds", "limit": 10000, "snippets": False})
    if not a.get("ok"):
        problems.append(f"allrounds: {a}")
    else:
        got = version_map(a)
        if got != want:
            missing = sorted(set(want) - set(got))
            extra = sorted(set(got) - set(want))
            stale = sorted(d for d in want if d in got and got[d] != want[d])
            problems.append(f"allrounds: missing {missing}, extra {extra}, wrong version {stale}")
    fresh = sorted(d for d, v in want.items() if v == k)
    a = c.ask({"op": "search", "q": f"ver{k}", "limit": 10000, "snippets": False})
    got = sorted(h["id"] for h in a.get("hits", [])) if a.get("ok") else a
    if got != fresh:
        problems.append(f"ver{k}: wanted {fresh}, got {got}")
    for d in sorted(set(before) - set(want)):
        a = c.ask({"op": "search", "q": f"item{d[1:]}", "limit": 10, "snippets": False})
        if not a.get("ok") or a["total"] != 0:
            problems.append(f"removed {d} still found: {a}")
    a = c.ask({"op": "stats"})
    if not a.get("ok") or a["docs"] != len(want):
        problems.append(f"stats: wanted {len(want)} docs, got {a}")
    c.close()
    for p in problems:
        print(p)
    return 1 if problems else 0


class Client(threading.Thread):
    """One connection. Odd-numbered clients pipeline batches of requests."""

    def __init__(self, n, path, rounds, stopfile, deadline, budget):
        super().__init__(daemon=True)
        self.n, self.path, self.stopfile = n, path, stopfile
        self.deadline, self.budget = deadline, budget
        self.rng = random.Random(n)
        self.depth = 8 if n % 2 else 1
        self.st = states(rounds)
        self.by_map = {frozenset(s.items()): k for k, s in enumerate(self.st)}
        self.sizes = {len(s) for s in self.st}
        self.queries = self.failures = 0
        self.samples = []
        self.seen = set()
        self.last = -1
        self.kinds = {}

    def fail(self, msg):
        self.failures += 1
        if len(self.samples) < 5:
            self.samples.append(f"client {self.n}: {msg}"[:600])

    def request(self):
        r = self.rng.random()
        j = self.rng.randrange(len(self.st))
        if r < 0.3:
            return "full", {"op": "search", "q": "allrounds", "limit": 10000, "snippets": False}
        if r < 0.45:
            return "full_snip", {"op": "search", "q": "allrounds", "limit": 10000}
        if r < 0.65:
            return "ver", {"op": "search", "q": f"ver{j}", "limit": 5}
        if r < 0.75:
            return "not", {"op": "search", "q": f"allrounds -ver{j}", "limit": 1,
                           "snippets": False}, j
        if r < 0.85:
            i = self.rng.randrange(POOL)
            return "phrase", {"op": "search", "q": f'"allrounds item{i}"', "limit": 3}, i
        if r < 0.95:
            return "stats", {"op": "stats"}
        return "ping", {"op": "ping"}

    def round_of(self, answer):
        """The round whose documents the full answer lists, or None."""
        return self.by_map.get(frozenset(version_map(answer).items()))

    def observe(self, k, what):
        self.seen.add(k)
        if k < self.last:
            self.fail(f"{what}: went back from round {self.last} to round {k}")
        self.last = max(self.last, k)

    def check(self, kind, req, extra, a):
        if not isinstance(a, dict) or a.get("ok") is not True:
            return self.fail(f"{req} -> {a}")
        if kind in ("full", "full_snip"):
            k = self.round_of(a)
            if k is None:
                return self.fail(f"{req['q']}: {sorted(version_map(a).items())} is no round")
            if a["total"] != len(a["hits"]):
                return self.fail(f"total {a['total']} but {len(a['hits'])} hits")
            if kind == "full_snip":
                for h in a["hits"]:
                    v = h["title"].split()[1]
                    if f"ver{v}" not in h["snippet"].lower():
                        return self.fail(f"{h['id']}: title says version {v}, snippet {h['snippet']!r}")
            self.observe(k, req["q"])
        elif kind == "ver":
            j = int(req["q"][3:])
            counts = {sum(1 for v in s.values() if v == j) for s in self.st}
            if a["total"] not in counts:
                return self.fail(f"{req['q']}: total {a['total']} matches no round")
            for h in a["hits"]:
                if int(h["title"].split()[1]) != j or f"ver{j}" not in h["snippet"].lower():
                    return self.fail(f"{req['q']}: hit {h}")
        elif kind == "not":
            counts = {sum(1 for v in s.values() if v != extra[0]) for s in self.st}
            if a["total"] not in counts:
                return self.fail(f"{req['q']}: total {a['total']} matches no round")
        elif kind == "phrase":
            if a["total"] > 1 or any(h["id"] != f"i{extra[0]}" for h in a["hits"]):
                return self.fail(f"{req['q']}: {a}")
        elif kind == "stats":
            if a["docs"] not in self.sizes:
                return self.fail(f"stats: {a['docs']} docs matches no round")

    def run(self):
        try:
            c = Conn(self.path)
        except OSError as e:
            return self.fail(f"connect: {e}")
        serial = 0
        try:
            while (self.queries < self.budget and time.monotonic() < self.deadline
                   and not os.path.exists(self.stopfile)):
                batch = [self.request() for _ in range(self.depth)]
                reqs = []
                for b in batch:
                    serial += 1
                    reqs.append(dict(b[1], id=serial))
                c.send(reqs)
                for b, req in zip(batch, reqs):
                    a = c.recv()
                    self.queries += 1
                    self.kinds[b[0]] = self.kinds.get(b[0], 0) + 1
                    if a.get("id") != req["id"]:
                        self.fail(f"answer id {a.get('id')} for request {req['id']}")
                    self.check(b[0], req, b[2:], a)
        except Exception as e:  # a dead or silent daemon, or a malformed answer
            self.fail(f"{type(e).__name__}: {e}")
        finally:
            c.close()


def cmd_clients(path, rounds, stopfile, nclients, seconds, budget):
    deadline = time.monotonic() + seconds
    cs = [Client(n, path, rounds, stopfile, deadline, budget) for n in range(nclients)]
    t0 = time.monotonic()
    for c in cs:
        c.start()
    for c in cs:
        c.join(seconds + 60)
    kinds = {}
    for c in cs:
        for k, v in c.kinds.items():
            kinds[k] = kinds.get(k, 0) + v
    print(json.dumps({
        "queries": sum(c.queries for c in cs),
        "failures": sum(c.failures for c in cs) + sum(1 for c in cs if c.is_alive()),
        "samples": [s for c in cs for s in c.samples][:10],
        "rounds_seen": len(set().union(*(c.seen for c in cs))),
        "kinds": kinds,
        "seconds": round(time.monotonic() - t0, 1),
    }))
    return 0


def main(argv):
    if len(argv) >= 3 and argv[0] == "state":
        return cmd_state(argv[1], int(argv[2]))
    if len(argv) >= 3 and argv[0] == "verify":
        return cmd_verify(argv[1], int(argv[2]))
    if len(argv) >= 4 and argv[0] == "clients":
        opts = {"--clients": 6, "--seconds": 120, "--max": 10 ** 6}
        rest = argv[4:]
        for flag, value in zip(rest[::2], rest[1::2]):
            opts[flag] = int(value)
        return cmd_clients(argv[1], int(argv[2]), argv[3], opts["--clients"],
                           opts["--seconds"], opts["--max"])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
