#!/usr/bin/env python3
"""Ranking quality: seekd beside in-process Xapian and SQLite FTS5 on a
relevance collection (CISI's layout: corpus/N.txt, queries.tsv, qrels.tsv,
score.py, peers.py; its README says how they were made).

usage: relevance.py --collection DIR --bin DIR [--work DIR] [--runs DIR] [--depth N]

seekd is measured as it is used: the collection is indexed by seekd-index,
served by a real seekd on a private socket, and every query of queries.tsv
is sent through the protocol ({"op":"search","ids":true,"limit":100}), in
two forms:
  as typed    the query text exactly as written in queries.tsv
  OR-joined   the query's words (lower-cased runs of a-z 0-9, peers.py's
              words()) joined with OR: the form the OR baselines get
Xapian and FTS5 are the collection's own reference runs (peers.py), scored
by the collection's score.py, so every row is measured the same way. The
collection is read where it lies; nothing is copied from it.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True   # leave no __pycache__ beside the collection


def load_collection(d):
    sys.path.insert(0, d)
    import peers  # noqa: E402  (the collection's reference runs and its score.py)
    import score  # noqa: E402
    return peers, score


class Daemon:
    def __init__(self, bindir, index, sock, log):
        self.sock = sock
        self.proc = subprocess.Popen([os.path.join(bindir, 'seekd'), '--index', index,
                                      '--socket', sock, '--threads', '1'],
                                     stderr=log, stdout=subprocess.DEVNULL)
        for _ in range(600):
            if self.proc.poll() is not None:
                sys.exit('seekd exited with status %d' % self.proc.returncode)
            try:
                self.conn = socket.socket(socket.AF_UNIX)
                self.conn.connect(sock)
                break
            except OSError:
                self.conn.close()
                time.sleep(0.05)
        else:
            self.stop()
            sys.exit('seekd did not start')
        self.buf = b''

    def ask(self, req):
        self.conn.sendall(json.dumps(req).encode() + b'\n')
        while b'\n' not in self.buf:
            chunk = self.conn.recv(1 << 16)
            if not chunk:
                sys.exit('seekd closed the connection')
            self.buf += chunk
        line, self.buf = self.buf.split(b'\n', 1)
        return json.loads(line)

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def run_seekd(daemon, queries, form, depth):
    """{qid: [docids]}, and counts of errors, relaxed answers and suggestions."""
    run, errors, notes = {}, [], {'relaxed': 0, 'suggestion': 0, 'warnings': 0}
    for q, text in queries:
        a = daemon.ask({'op': 'search', 'q': form(text), 'ids': True, 'limit': depth})
        if not a.get('ok'):
            errors.append((q, a.get('error', {}).get('code', '?')))
            run[q] = []
            continue
        run[q] = a['ids']
        for k in notes:
            notes[k] += bool(a.get(k))
    return run, errors, notes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--collection', required=True, help='the relevance collection folder')
    ap.add_argument('--bin', required=True, help='the folder holding seekd, seekd-index')
    ap.add_argument('--work', help='where the index goes (default: a temporary folder)')
    ap.add_argument('--runs', help='also write each run here as qid<TAB>docids')
    ap.add_argument('--depth', type=int, default=100)
    ap.add_argument('--seekd-only', action='store_true', help='skip the Xapian and FTS5 runs')
    a = ap.parse_args()
    coll = os.path.abspath(a.collection)
    for f in ('corpus', 'queries.tsv', 'qrels.tsv', 'score.py', 'peers.py'):
        if not os.path.exists(os.path.join(coll, f)):
            sys.exit('%s: no %s (is it a relevance collection?)' % (coll, f))
    peers, score = load_collection(coll)
    queries = peers.load_queries(os.path.join(coll, 'queries.tsv'))
    with open(os.path.join(coll, 'qrels.tsv'), encoding='utf-8') as f:
        qrels = score.parse_qrels(f.read().splitlines(), 'qrels.tsv')

    rows = []
    with tempfile.TemporaryDirectory(prefix='seekd-relevance.') as tmp:
        work = a.work or tmp
        os.makedirs(work, exist_ok=True)
        index = os.path.join(work, 'index')
        t0 = time.perf_counter()
        subprocess.run([os.path.join(a.bin, 'seekd-index'), '--index', index, '--full', '-q',
                        os.path.join(coll, 'corpus')], check=True)
        print('indexed %s in %.1f s' % (os.path.join(coll, 'corpus'), time.perf_counter() - t0),
              file=sys.stderr)
        with open(os.path.join(work, 'seekd.log'), 'w') as log:
            d = Daemon(a.bin, index, os.path.join(tmp, 's.sock'), log)
            try:
                for label, slug, form in (
                        ('seekd, as typed', 'seekd', lambda t: t),
                        ('seekd, OR-joined words', 'seekd-or',
                         lambda t: ' OR '.join(peers.words(t)))):
                    run, errors, notes = run_seekd(d, queries, form, a.depth)
                    rows.append((label, slug, run, errors, notes))
            finally:
                d.stop()
        if not a.seekd_only:
            xapian = peers.import_xapian()
            if xapian is None:
                print('skipped Xapian: no python3-xapian (apt-get install -y python3-xapian)',
                      file=sys.stderr)
            else:
                runs, _ = peers.run_xapian(xapian, peers.load_corpus(os.path.join(coll, 'corpus')),
                                           queries, a.depth, tmp)
                rows += [(label, slug, run, errors, None) for label, slug, run, errors in runs
                         if '[diag]' not in label]
            runs, _ = peers.run_fts5(peers.load_corpus(os.path.join(coll, 'corpus')), queries,
                                     a.depth)
            rows += [(label, slug, run, errors, None) for label, slug, run, errors in runs
                     if '[diag]' not in label]

    print('%s: %d queries, %d judged; top %d' % (os.path.basename(coll), len(queries),
                                                 len(qrels), a.depth))
    print()
    print('| system / query form | nDCG@10 | MAP@100 | P@10 | R@100 | empty | errors | relaxed |'
          ' suggested |')
    print('|---|---|---|---|---|---|---|---|---|')
    for label, slug, run, errors, notes in rows:
        means, _, counts = score.evaluate(qrels, run)
        print('| %s | %.4f | %.4f | %.4f | %.4f | %d | %d | %s | %s |'
              % (label, means['nDCG@10'], means['MAP@100'], means['P@10'], means['R@100'],
                 counts['judged_empty'], len(errors),
                 notes['relaxed'] if notes else '', notes['suggestion'] if notes else ''))
        if a.runs:
            os.makedirs(a.runs, exist_ok=True)
            with open(os.path.join(a.runs, slug + '.tsv'), 'w') as f:
                for q, _ in queries:
                    f.write('%s\t%s\n' % (q, ','.join(run.get(q, []))))
    for label, slug, run, errors, notes in rows:
        if errors:
            codes = {}
            for _, c in errors:
                codes[c] = codes.get(c, 0) + 1
            print('\n%s: %s' % (label, ', '.join('%d %s' % (n, c) for c, n in sorted(codes.items()))))
    print('\nMeans over the judged queries (score.py); empty = judged queries with no hit;'
          ' errors, relaxed, suggested: of all queries.')


if __name__ == '__main__':
    main()
