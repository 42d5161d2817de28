#!/usr/bin/env python3
"""Corpus and query helpers for the benchmark driver (bench/run.sh).

  corpus.py subset SRC DST N          hard-link N .txt files of SRC into DST
                                      (the first N/k of each of SRC's k folders)
  corpus.py scale SRC DST K           SRC's files K times into DST/s1 .. DST/sK, each
                                      copy of a document with a paragraph of words
                                      of that copy's own appended (below)
  corpus.py queries TSV CORPUS N OUT  the first N queries of TSV with at least one
                                      expected document in CORPUS, their expected
                                      ids cut down to the documents CORPUS holds
  corpus.py agree TSV COUNTS COL [K [CAP]]
                                      how many phrases of COUNTS (one line per
                                      phrase, in TSV's order, the count in column
                                      COL, 0-based) have TSV's expected count
                                      (times K: a corpus scaled K times), or CAP
                                      when that is more (default ANSWER_CAP, the
                                      ids one answer lists; 0: no cap, for totals)
  corpus.py list CORPUS               "number<TAB>id<TAB>path" for every document
  corpus.py touch CORPUS PCT OUT      appends a line of new words to PCT% of the
                                      documents (evenly spread), noting each file
                                      and its former size in OUT
  corpus.py untouch OUT               cuts those files back to their former size

Documents are the .txt files below a corpus folder, in sorted order of their
path; a document's id is that path without .txt (as seekd-index names them)
and its number, for engines that want integer ids, is its 1-based rank.
The text is read as bench/README.md says: UTF-8, with any byte that is not
valid UTF-8 read as Windows-1252.

A scaled corpus is not K hard links of the same files: the vocabulary of a
real archive grows with it, and so must the index's. Copy k of a document is
its text, a blank line, and a paragraph of PARAGRAPH_WORDS words drawn
(Zipf-like, seeded by copy and document) from copy k's own vocabulary of
COPY_VOCABULARY made-up words: a few syllables and the copy's number
(`tavimok7`), a form no word of the corpus has. Every benchmark phrase is
made of corpus words, so it matches in no paragraph, nor across the blank
line: each phrase's exact answer at K times is its count times K (checked
by `agree ... K`), while each copy adds COPY_VOCABULARY words to the index.
"""
import codecs
import os
import random
import statistics
import sys
import time


def _cp1252_fallback(err):
    bad = err.object[err.start:err.end]
    out = []
    for b in bad:
        try:
            out.append(bytes([b]).decode('cp1252'))
        except UnicodeDecodeError:
            out.append(chr(b))          # the five bytes cp1252 leaves undefined
    return ''.join(out), err.end


codecs.register_error('cp1252fallback', _cp1252_fallback)


def decode(data):
    return data.decode('utf-8', 'cp1252fallback')


def documents(corpus):
    """[(number, id, path)] of every .txt file below corpus, sorted by id."""
    found = []
    for root, dirs, files in os.walk(corpus):
        dirs[:] = [d for d in dirs if not d.startswith('.')]
        for f in files:
            if f.endswith('.txt') and not f.startswith('.'):
                path = os.path.join(root, f)
                rel = os.path.relpath(path, corpus)
                found.append((rel[:-4], path))
    found.sort()
    return [(i + 1, doc_id, path) for i, (doc_id, path) in enumerate(found)]


def load_queries(tsv):
    out = []
    with open(tsv, encoding='utf-8') as f:
        for line in f:
            cols = line.rstrip('\r\n').split('\t')
            if not cols[0]:
                continue
            count = int(cols[1]) if len(cols) > 1 and cols[1] else 0
            ids = cols[2].split(',') if len(cols) > 2 and cols[2] else []
            out.append((cols[0], count, ids))
    return out


def link(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        with open(src, 'rb') as a, open(dst, 'wb') as b:
            b.write(a.read())
        st = os.stat(src)
        os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))


def cmd_subset(src, dst, n):
    docs = documents(src)
    groups = {}
    for _, doc_id, path in docs:
        groups.setdefault(doc_id.split('/')[0], []).append((doc_id, path))
    per = max(1, n // max(1, len(groups)))
    chosen = []
    for name in sorted(groups):
        chosen.extend(groups[name][:per])
    for doc_id, path in chosen[:n]:
        link(path, os.path.join(dst, doc_id + '.txt'))


PARAGRAPH_WORDS = 60
COPY_VOCABULARY = 5000
SYLLABLES = [c + v for c in 'bdfgklmnprstvz' for v in 'aeiou']


def copy_words(k):
    """Copy k's vocabulary: distinct made-up words ending in k's number."""
    rng = random.Random('vocabulary %d' % k)
    words, seen = [], set()
    while len(words) < COPY_VOCABULARY:
        w = ''.join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + 'k%d' % k
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def cmd_scale(src, dst, k):
    docs = documents(src)
    # Zipf-like weights: the r-th word of a copy is 1/r as frequent as its first.
    cum = []
    total = 0.0
    for r in range(1, COPY_VOCABULARY + 1):
        total += 1.0 / r
        cum.append(total)
    for i in range(1, k + 1):
        words = copy_words(i)
        for num, doc_id, path in docs:
            rng = random.Random('paragraph %d %d' % (i, num))
            para = ' '.join(rng.choices(words, cum_weights=cum, k=PARAGRAPH_WORDS))
            out = os.path.join(dst, 's%d' % i, doc_id + '.txt')
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(path, 'rb') as a, open(out, 'wb') as b:
                text = a.read()
                b.write(text if text.endswith(b'\n') else text + b'\n')
                b.write(b'\n' + para.encode('ascii') + b'.\n')


def cmd_queries(tsv, corpus, n, out):
    present = {doc_id for _, doc_id, _ in documents(corpus)}
    picked = []
    for phrase, _, ids in load_queries(tsv):
        keep = [i for i in ids if i in present]
        if keep:
            picked.append((phrase, keep))
        if len(picked) == n:
            break
    with open(out, 'w', encoding='utf-8') as f:
        for phrase, keep in picked:
            f.write('%s\t%d\t%s\n' % (phrase, len(keep), ','.join(keep)))


# Every engine lists at most this many ids per query (seekd's limit, the
# `max_matches` given to Sphinx, bare_xapian's get_mset): a phrase with more
# matches, as many have in a scaled corpus, is complete at this many.
ANSWER_CAP = 10000


def cmd_agree(tsv, counts, col, k=1, cap=ANSWER_CAP):
    want = [c * k if cap <= 0 else min(c * k, cap) for _, c, _ in load_queries(tsv)]
    got = []
    with open(counts, encoding='utf-8') as f:
        for line in f:
            cols = line.rstrip('\n').split('\t')
            got.append(int(cols[col]))
    agree = sum(1 for w, g in zip(want, got) if w == g)
    print('%d %d' % (agree, len(want)))


def cmd_touch(corpus, pct, out):
    docs = documents(corpus)
    step = max(1, round(100 / pct))
    with open(out, 'w', encoding='utf-8') as f:
        for num, _, path in docs[::step]:
            size = os.path.getsize(path)
            with open(path, 'ab') as d:
                d.write(b'\nrevisedq%d amendedq%d\n' % (num, num))
            f.write('%s\t%d\n' % (path, size))


def cmd_untouch(out):
    with open(out, encoding='utf-8') as f:
        for line in f:
            path, size = line.rstrip('\n').rsplit('\t', 1)
            os.truncate(path, int(size))


def time_queries(run_one, items, phrases, repeat, counts_path=None):
    """Runs run_one(item) -> list of hits over all items: one untimed pass
    that records each phrase's hit count (written to counts_path, in the
    format `agree` reads), then `repeat` timed passes; prints each pass and
    the medians of mean latency and throughput."""
    counts = []
    means, qpss = [], []
    for p in range(-1, repeat):
        total = 0.0
        t_pass = time.perf_counter()
        for item in items:
            t0 = time.perf_counter()
            found = run_one(item)
            total += time.perf_counter() - t0
            if p < 0:
                counts.append(len(found))
        wall = time.perf_counter() - t_pass
        if p < 0:
            continue
        means.append(total / len(items) * 1e6)
        qpss.append(len(items) / wall)
        print('pass=%d queries=%d mean_us=%.1f qps=%.1f' % (p + 1, len(items), means[-1], qpss[-1]))
    print('queries=%d mean_us=%.1f qps=%.1f' % (len(items), statistics.median(means),
                                                statistics.median(qpss)))
    if counts_path:
        with open(counts_path, 'w', encoding='utf-8') as f:
            for i, (phrase, n) in enumerate(zip(phrases, counts)):
                f.write('%d\t%d\t%s\n' % (i, n, phrase))


def main(argv):
    if len(argv) == 5 and argv[1] == 'subset':
        cmd_subset(argv[2], argv[3], int(argv[4]))
    elif len(argv) == 5 and argv[1] == 'scale':
        cmd_scale(argv[2], argv[3], int(argv[4]))
    elif len(argv) == 6 and argv[1] == 'queries':
        cmd_queries(argv[2], argv[3], int(argv[4]), argv[5])
    elif len(argv) in (5, 6, 7) and argv[1] == 'agree':
        cmd_agree(argv[2], argv[3], int(argv[4]), int(argv[5]) if len(argv) >= 6 else 1,
                  int(argv[6]) if len(argv) == 7 else ANSWER_CAP)
    elif len(argv) == 5 and argv[1] == 'touch':
        cmd_touch(argv[2], float(argv[3]), argv[4])
    elif len(argv) == 3 and argv[1] == 'untouch':
        cmd_untouch(argv[2])
    elif len(argv) == 3 and argv[1] == 'list':
        for num, doc_id, path in documents(argv[2]):
            print('%d\t%s\t%s' % (num, doc_id, path))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
