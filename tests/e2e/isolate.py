#!/usr/bin/env python3
"""Test helper for slow requests (t230). A slow request is one made slow by
its size: QUERY's every hit, with snippets and facets (which the daemon
sees as heavy before it runs); a fast one asks for FAST's top 3 without
snippets. Modes:

  order SOCK QUERY FAST         fast and slow requests pipelined on one
                                connection; prints the ids of the answers
                                in the order they came, and whether each
                                was ok.
  others SOCK QUERY FAST [PID]  connection A sends one slow request;
                                connection B then sends fast ones, one at a
                                time, until A's answer begins; prints how
                                many of B's answers came before its first
                                byte (a long answer is written while the
                                loop goes on). With PID: once B has had one
                                answer while A's is out, sends PID a
                                SIGTERM and stops sending (A's answer must
                                still come).
  ids SOCK QUERY FAST           as others, but the slow request asks for
                                QUERY's every id alone, which the daemon
                                does not foresee as slow: its watchdog
                                must notice.
  hangup SOCK QUERY FAST        A sends a slow request and hangs up at
                                once; C sends two, reads the first
                                answer's first byte and hangs up (its
                                second request is still running, or about
                                to); B's fast requests are still answered
                                (prints their count, of 5).
No timing is asserted anywhere: only the order in which answers arrive."""
import json, os, select, signal, socket, sys

FAST = None


def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(120)
    s.connect(path)
    return s


def slow(query, rid):
    return json.dumps({"op": "search", "q": query, "limit": 10000, "snippets": True,
                       "facets": ["person", "place", "org", "year"], "id": rid}) + "\n"


def fast(rid):
    return json.dumps({"op": "search", "q": FAST, "limit": 3, "snippets": False,
                       "id": rid}) + "\n"


class Lines:
    def __init__(self, sock):
        self.sock, self.buf = sock, b""

    def begun(self):
        """Some of an answer has come."""
        return bool(self.buf) or bool(select.select([self.sock], [], [], 0)[0])

    def ready(self):
        """A whole line can be taken without waiting."""
        while b"\n" not in self.buf:
            r, _, _ = select.select([self.sock], [], [], 0)
            if not r:
                return False
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise SystemExit("connection closed early")
            self.buf += chunk
        return True

    def take(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise SystemExit("connection closed early")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)


def order(path, query):
    s = connect(path)
    reqs = [fast(1), slow(query, 2), fast(3), slow(query, 4), fast(5), fast(6)]
    s.sendall("".join(reqs).encode())
    lines = Lines(s)
    got = [lines.take() for _ in reqs]
    print(" ".join("%s:%s" % (a.get("id"), "ok" if a.get("ok") else "error") for a in got))


def ids(query, rid):
    return json.dumps({"op": "search", "q": query, "limit": 10000, "ids": True,
                       "id": rid}) + "\n"


def others(path, query, pid, make=slow):
    a, b = connect(path), connect(path)
    a.sendall(make(query, "slow").encode())
    la, lb = Lines(a), Lines(b)
    before = 0
    while not la.begun():
        b.sendall(fast(before).encode())
        answer = lb.take()
        if not answer.get("ok"):
            raise SystemExit("fast request failed: %r" % answer)
        if la.begun():
            break   # this one may have been answered after the slow one
        before += 1
        if pid and before == 1:
            os.kill(pid, signal.SIGTERM)
            break
    if pid and before == 0:
        os.kill(pid, signal.SIGTERM)   # the caller waits for the daemon to stop
    answer = la.take()
    print("fast_before_slow=%d slow_ok=%s hits=%d" % (
        before, answer.get("ok"), len(answer.get("hits", answer.get("ids", [])))))


def hangup(path, query):
    a = connect(path)
    a.sendall(slow(query, "slow").encode())
    a.close()
    c = connect(path)
    c.sendall((slow(query, 1) + slow(query, 2)).encode())
    c.recv(1)
    c.close()
    b = connect(path)
    lines, n = Lines(b), 0
    for i in range(5):
        b.sendall(fast(i).encode())
        n += bool(lines.take().get("ok"))
    print("answered=%d" % n)


def main():
    global FAST
    mode, path, query, FAST = sys.argv[1:5]
    if mode == "order":
        order(path, query)
    elif mode == "others":
        others(path, query, int(sys.argv[5]) if len(sys.argv) > 5 else 0)
    elif mode == "ids":
        others(path, query, 0, ids)
    elif mode == "hangup":
        hangup(path, query)
    else:
        raise SystemExit("unknown mode " + mode)


main()
