#!/usr/bin/env python3
"""The SQLite FTS5 baseline, in python3's own sqlite3 module.

  fts5.py index DB CORPUS
      A contentless FTS5 table (content='', tokenize='unicode61') with one row
      per document, its rowid the document's number (see corpus.py), and a
      plain table docs(num, id) mapping numbers to ids; one transaction.
      Prints: docs=N seconds=S (wall: reading and decoding the files included).

  fts5.py query DB QUERIES.tsv REPEAT [COUNTS]
      Each phrase as MATCH '"phrase"', fetching every matching rowid and
      mapping it to its id, all in this one process: one untimed warm-up
      pass, then REPEAT timed passes. Prints one line per pass and a last
      line with the medians: queries=N mean_us=M qps=Q. COUNTS, if given,
      gets "index<TAB>ids<TAB>phrase" per phrase.
"""
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402


def cmd_index(db_path, corpus_dir):
    t0 = time.perf_counter()
    for suffix in ('', '-journal', '-wal', '-shm'):
        try:
            os.remove(db_path + suffix)
        except FileNotFoundError:
            pass
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("BEGIN")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, content='', tokenize='unicode61')")
    db.execute("CREATE TABLE docs(num INTEGER PRIMARY KEY, id TEXT NOT NULL)")
    docs = corpus.documents(corpus_dir)
    for num, doc_id, path in docs:
        with open(path, 'rb') as f:
            text = corpus.decode(f.read())
        db.execute("INSERT INTO t(rowid, body) VALUES (?, ?)", (num, text))
        db.execute("INSERT INTO docs(num, id) VALUES (?, ?)", (num, doc_id))
    db.execute("COMMIT")
    db.close()
    print('docs=%d seconds=%.3f' % (len(docs), time.perf_counter() - t0))


def fts_phrase(phrase):
    return '"' + phrase.replace('"', '""') + '"'


def cmd_query(db_path, tsv, repeat, counts_path=None):
    db = sqlite3.connect(db_path)
    ids = dict(db.execute("SELECT num, id FROM docs"))
    phrases = [p for p, _, _ in corpus.load_queries(tsv)]
    matches = [fts_phrase(p) for p in phrases]
    sql = "SELECT rowid FROM t WHERE t MATCH ?"
    corpus.time_queries(lambda m: [ids[r] for (r,) in db.execute(sql, (m,))], matches, phrases,
                        repeat, counts_path)


def main(argv):
    if len(argv) == 4 and argv[1] == 'index':
        cmd_index(argv[2], argv[3])
    elif len(argv) in (5, 6) and argv[1] == 'query':
        cmd_query(argv[2], argv[3], int(argv[4]), argv[5] if len(argv) == 6 else None)
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
