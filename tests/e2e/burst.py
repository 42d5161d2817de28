#!/usr/bin/env python3
"""Test helper for t150: opens N connections at once, then asks on every one
and holds them all open until each has its answers, so that the daemon has
N live clients that arrived together.

  burst.py SOCK N QUERY=IDS...

Connection k searches for QUERY number k mod their count (IDS: the matching
ids, comma-separated), tagged with an id of its own, then pings. Prints
"ok=A busy=B bad=C": busy ones were refused with `busy`; what went wrong on
each bad one goes to stderr."""
import json, socket, sys


def lines(s, want):
    """Up to `want` answer lines, fewer if the daemon hangs up."""
    buf = b''
    while buf.count(b'\n') < want:
        try:
            chunk = s.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        buf += chunk
    return [json.loads(l) for l in buf.splitlines()]


def verdict(k, answers, query, want):
    if answers and answers[0].get('error', {}).get('code') == 'busy':
        return 'busy'
    if len(answers) != 2:
        return f'connection {k}: {len(answers)} answers: {answers}'
    search, ping = answers
    if search.get('id') != 2 * k or ping.get('id') != 2 * k + 1:
        return f'connection {k}: answers to another connection: {answers}'
    got = {h['id'] for h in search.get('hits', [])}
    if not search.get('ok') or got != want or not ping.get('ok'):
        return f'connection {k}: {query} gave {sorted(got)}, wanted {sorted(want)}: {search}'
    return 'ok'


def main(path, n, specs):
    queries = []
    for spec in specs:
        q, ids = spec.split('=', 1)
        queries.append((q, set(filter(None, ids.split(',')))))
    # connect() returns once the connection waits in the backlog: all N are
    # there before the daemon accepts any.
    conns = []
    for _ in range(n):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(20)
        s.connect(path)
        conns.append(s)
    for k, s in enumerate(conns):
        q = queries[k % len(queries)][0]
        reqs = [{'op': 'search', 'q': q, 'limit': 10000, 'snippets': False, 'id': 2 * k},
                {'op': 'ping', 'id': 2 * k + 1}]
        try:
            s.sendall(b''.join(json.dumps(r).encode() + b'\n' for r in reqs))
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused already: read why
    counts = {'ok': 0, 'busy': 0, 'bad': 0}
    for k, s in enumerate(conns):
        q, want = queries[k % len(queries)]
        v = verdict(k, lines(s, 2), q, want)
        if v in counts:
            counts[v] += 1
        else:
            counts['bad'] += 1
            print(v[:600], file=sys.stderr)
    for s in conns:
        s.close()
    print(' '.join(f'{k}={v}' for k, v in counts.items()))
    return 0


if __name__ == '__main__':
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3:]))
