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
  corpus.py bigdoc CORPUS TSV MB K OUT  one text of MB megabytes of CORPUS's sentences
                                      (below) holding the phrases of every K-th query of
                                      TSV and no other query's phrase
  corpus.py groups BASE BIG DIR       splits the phrases by what the big document did
                                      to them (below), from two `loadgen --counts`
                                      files, the second with --find: DIR/matched.tsv,
                                      DIR/returned.tsv, DIR/unmatched.tsv

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

The big document (`bigdoc`) is the benchmark's one huge text: prose as a
long report or a book is, not one phrase repeated, and of the kind a big
document in a news archive is: it holds some of the queries' phrases and not
most of them. It is made of the sentences of the corpus (every sentence that
holds none of TSV's phrases, drawn at random, seeded, in paragraphs of three
to eight) with, for every K-th query, three sentences of the corpus holding
that phrase (and no other) at random places. No phrase of another query may
span two sentences either. Words are compared as the answers of TSV were
computed (bench/README.md); seekd's reading may still differ at the edges,
so which queries match the document is measured (`groups`), not assumed.

`groups` reads two counts files of the same phrases, BASE from the index
without the big document and BIG (written with `loadgen --find ID`) from the
same index with it: a phrase whose total grew by one matches it; of those,
the ones whose top ten listed it returned it. Each group is written as a
query file (the phrase alone on each line); unmatched.tsv holds the rest.
"""
import codecs
import re
import os
import random
import statistics
import sys
import time
import unicodedata


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


WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def words(text):
    """The tokens of text as queries-dev.tsv's answers were computed (bench/README.md)."""
    t = unicodedata.normalize('NFKD', text)
    t = unicodedata.normalize('NFKC', ''.join(c for c in t if not unicodedata.combining(c)).casefold())
    return WORD.findall(t)


SENTENCE_END = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\')]))\s+|\n\s*\n')


def sentences(corpus):
    """Every sentence of the corpus, white space folded, in document order."""
    out = []
    for _, _, path in documents(corpus):
        with open(path, 'rb') as f:
            text = decode(f.read())
        for s in SENTENCE_END.split(text):
            s = ' '.join(s.split())
            if len(s) >= 20:
                out.append(s)
    return out


def cmd_bigdoc(corpus, tsv, mb, k, out):
    phrases = [tuple(words(p)) for p, _, _ in load_queries(tsv)]
    chosen = {p for i, p in enumerate(phrases) if i % k == k - 1 and p}
    avoid = {p for p in phrases if p and p not in chosen}
    lens = sorted({len(p) for p in phrases if p})
    longest = lens[-1] if lens else 1

    def found(w):
        """The query phrases among w's n-grams."""
        return {tuple(w[i:i + n]) for n in lens for i in range(len(w) - n + 1)
                if tuple(w[i:i + n]) in chosen or tuple(w[i:i + n]) in avoid}

    clean, holding = [], {}
    for s in sentences(corpus):
        w = words(s)
        has = found(w)
        if not has:
            clean.append((s, w))
        elif len(has) == 1 and not has & avoid:
            holding.setdefault(next(iter(has)), []).append((s, w))
    if not clean:
        sys.exit('corpus.py bigdoc: no sentence of %s is free of the queries\' phrases' % corpus)
    rng = random.Random('big document %d %d' % (mb, k))
    size = mb * 1000 * 1000
    # Three sentences per chosen phrase, each at a random sentence number.
    placed = {}
    est = size // (sum(len(s) for s, _ in clean) // len(clean) + 1)
    for p in sorted(chosen):
        for s in rng.sample(holding.get(p, []), min(3, len(holding.get(p, [])))):
            placed.setdefault(rng.randrange(max(1, est)), []).append(s)
    written, tail, n, in_para = 0, [], 0, 0
    para = rng.randint(3, 8)
    with open(out, 'w', encoding='utf-8') as f:
        while written < size:
            todo = placed.pop(n, []) + [rng.choice(clean)]
            for s, w in todo:
                joined = tail + w
                if found(joined) & avoid:
                    continue        # another query's phrase across the junction
                sep = '' if not written else (' ' if in_para else '\n\n')
                f.write(sep + s)
                written += len(sep) + len(s.encode('utf-8'))
                tail = joined[-(longest - 1):] if longest > 1 else []
                in_para += 1
                if in_para == para:
                    in_para, para = 0, rng.randint(3, 8)
            n += 1
        f.write('\n')
    print(len(chosen))


def read_counts(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            cols = line.rstrip('\n').split('\t')
            out.append(cols)
    return out


def cmd_groups(base, big, out_dir):
    groups = {'matched': [], 'returned': [], 'unmatched': []}
    for b, g in zip(read_counts(base), read_counts(big)):
        phrase = b[3]
        if int(g[1]) == int(b[1]) + 1:
            groups['matched'].append(phrase)
            if g[4] == '1':
                groups['returned'].append(phrase)
        else:
            groups['unmatched'].append(phrase)
    for name, phrases in groups.items():
        with open(os.path.join(out_dir, name + '.tsv'), 'w', encoding='utf-8') as f:
            f.writelines(p + '\n' for p in phrases)
        print('%s=%d' % (name, len(phrases)), end=' ')
    print()


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
    elif len(argv) == 7 and argv[1] == 'bigdoc':
        cmd_bigdoc(argv[2], argv[3], int(argv[4]), int(argv[5]), argv[6])
    elif len(argv) == 5 and argv[1] == 'groups':
        cmd_groups(argv[2], argv[3], argv[4])
    elif len(argv) == 3 and argv[1] == 'list':
        for num, doc_id, path in documents(argv[2]):
            print('%d\t%s\t%s' % (num, doc_id, path))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
