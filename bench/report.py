#!/usr/bin/env python3
"""Turns the driver's results.tsv into the Markdown report: the goals with
their ratios, then every figure. A key may appear once per round (one line
each, in round order): a figure is the median over its rounds, and a ratio
of two figures measured in the same rounds is the median of the per-round
ratios, so both sides of each ratio ran under the same load.

  report.py RESULTS.tsv > results.md
  report.py --connections RESULTS.tsv    the plot's data: connections,
                                         throughput, mean, p50, p99 (µs)
"""
import statistics
import sys


def load(path):
    r = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if '\t' in line:
                k, v = line.split('\t', 1)
                r.setdefault(k, []).append(v)
    return r


CONNECTIONS_ONLY = len(sys.argv) == 3 and sys.argv[1] == '--connections'
V = load(sys.argv[-1])
R = {k: v[-1] for k, v in V.items()}


def nums(key):
    out = []
    for v in V.get(key, []):
        try:
            out.append(float(v))
        except ValueError:
            pass
    return out


def num(key):
    v = nums(key)
    return statistics.median(v) if v else None


def fmt(v, unit=''):
    if v is None:
        return 'n/a'
    if unit == 'us':
        return '%.0f µs' % v if v < 10000 else '%.1f ms' % (v / 1000)
    if unit == 's':
        return '%.2f s' % v
    if unit == 'kb':
        return '%.1f MB' % (v / 1024)
    if unit == 'rps':
        return '%.0f/s' % v
    if unit == 'x':
        return '%.2f' % v
    return '%g' % v


def ratio(akey, bkey):
    """Median of the per-round ratios when both were measured in the same
    rounds, else the ratio of the medians."""
    a, b = nums(akey), nums(bkey)
    if not a or not b:
        return None
    if len(a) == len(b) and all(b):
        return statistics.median(x / y for x, y in zip(a, b))
    mb = statistics.median(b)
    return statistics.median(a) / mb if mb else None


def verdict(v, op, goal):
    if v is None:
        return 'n/a'
    ok = v <= goal if op == '≤' else v >= goal
    return 'yes' if ok else '**no**'


if CONNECTIONS_ONLY:
    for c in R.get('seekd_connections', '').split():
        vals = [num('seekd_c%s_%s' % (c, k)) for k in ('rps', 'mean_us', 'p50_us', 'p99_us')]
        if None not in vals:
            print('%s\t%s' % (c, '\t'.join('%.1f' % v for v in vals)))
    sys.exit(0)

scales = R.get('scales', '').split()
conns = R.get('seekd_connections', '1 2 4 8 16').split()
tc = '8' if '8' in conns else (conns[-1] if conns else '8')
sphinx_note = ' (Sphinx skipped)' if 'sphinx_skipped' in R else ''
sqlite_note = ' (SQLite skipped)' if 'sqlite_skipped' in R else ''

out = []
w = out.append
w('# seekd benchmark results')
w('')
w('%s documents (%.1f MB), %s phrase queries, median of %s rounds, %s CPUs, %s. '
  'Xapian %s, SQLite %s, Sphinx %s.' % (
      R.get('docs', '?'), (num('corpus_bytes') or 0) / 1e6, R.get('queries', '?'),
      R.get('repeat', '?'), R.get('cpus', '?'), R.get('date', '?'),
      R.get('xapian_version', '?'), R.get('sqlite_version', '?'),
      R.get('sphinx_version', 'not run')))
for key, name in (('sphinx_skipped', 'Sphinx'), ('sqlite_skipped', 'SQLite FTS5')):
    if key in R:
        w('')
        w('%s was skipped: %s.' % (name, R[key]))
w('')
w('## Goals')
w('')
w('| # | figure | seekd | baseline | ratio | goal | met |')
w('|---|---|---|---|---|---|---|')

rows = []


def goal(n, what, akey, au, bkey, bu, op, target, bname):
    a, b = num(akey), num(bkey)
    r = ratio(akey, bkey)
    shown = fmt(r, 'x')
    g, ok = ('%s %s' % (op, target), verdict(r, op, target)) if op else ('info', '')
    rows.append((n, what, fmt(a, au), '%s %s' % (bname, fmt(b, bu)) if bname else '—',
                 shown, g, ok))


goal('1', 'all ids, mean latency, 1 connection' + sphinx_note,
     'seekd_all_mean_us', 'us', 'sphinx_all_mean_us', 'us', '≤', 0.5, 'Sphinx')
goal('1a', 'all ids, handler time (took_ms) vs Sphinx round trip' + sphinx_note,
     'seekd_all_took_us', 'us', 'sphinx_all_mean_us', 'us', '', '(info)', 'Sphinx')
goal('2', 'top 10, mean round trip vs in-process Xapian',
     'seekd_top10_mean_us', 'us', 'xapian_top10_mean_us', 'us', '≤', 1.3, 'Xapian')
goal('2a', 'top 10, handler time (took_ms) vs in-process Xapian',
     'seekd_top10_took_us', 'us', 'xapian_top10_mean_us', 'us', '', '(info)', 'Xapian')
goal('2b', 'top 10 vs in-process Xapian counting every match, as seekd does',
     'seekd_top10_mean_us', 'us', 'xapian_top10_exact_mean_us', 'us', '', '(info)', 'Xapian')
goal('3', 'top 10 throughput, %s connections vs Xapian on 2 threads' % tc,
     'seekd_c%s_rps' % tc, 'rps', 'xapian_top10_t2_qps', 'rps', '≥', 0.9, 'Xapian')
a = num('seekd_snippets_mean_us')
rows.append(('4', 'top 10 with snippets, mean latency', fmt(a, 'us'), '—',
             fmt(a, 'us'), '≤ 1 ms', verdict(None if a is None else a / 1000, '≤', 1.0)))
bigdoc_mb = '%.0f MB' % ((num('bigdoc_bytes') or 0) / 1e6)
if 'bigdoc_bytes' in R:
    goal('4b', 'top 10 with snippets, mean latency, one %s document in the index vs without it'
         % bigdoc_mb, 'bigdoc_all_with_mean_us', 'us', 'bigdoc_all_without_mean_us', 'us', '≤', 1.2,
         'without')
    goal('4c', 'the same, queries that do not match the big document',
         'bigdoc_unmatched_with_mean_us', 'us', 'bigdoc_unmatched_without_mean_us', 'us', '≤', 1.2,
         'without')
goal('5', 'index build time vs bare TermGenerator',
     'seekd_index_s', 's', 'xapian_index_s', 's', '≤', 1.0, 'Xapian')
goal('5\u2032', 'index build CPU time vs bare TermGenerator',
     'seekd_index_cpu_s', 's', 'xapian_index_cpu_s', 's', '≤', 1.0, 'Xapian')
goal('5b', 'index build time vs Sphinx indexer' + sphinx_note,
     'seekd_index_s', 's', 'sphinx_index_s', 's', '', '(info)', 'Sphinx')
goal('5c', 'index build time vs SQLite FTS5' + sqlite_note,
     'seekd_index_s', 's', 'sqlite_index_s', 's', '', '(info)', 'SQLite')
for sc in scales:
    p = 's%s_' % sc
    lim = round(float(sc) * 1.05, 2)
    goal('6', '%sx corpus: index time / 1x' % sc, p + 'seekd_index_s', 's',
         p + 'seekd_scale1_index_s', 's', '≤', lim, '1x')
    goal('6\u2032', '%sx corpus: index CPU time / 1x' % sc, p + 'seekd_index_cpu_s', 's',
         p + 'seekd_scale1_index_cpu_s', 's', '≤', lim, '1x')
    goal('6b', '%sx corpus: index size / 1x' % sc, p + 'seekd_index_kb', 'kb',
         p + 'seekd_scale1_index_kb', 'kb', '≤', lim, '1x')
goal('6c', 'daemon peak RSS (VmHWM) vs searchd' + sphinx_note,
     'seekd_rss_kb', 'kb', 'sphinx_rss_kb', 'kb', '≤', 2.0, 'searchd')
for sc in scales:
    p = 's%s_' % sc
    goal('1', '%sx corpus: all ids vs Sphinx' % sc + sphinx_note, p + 'seekd_all_mean_us', 'us',
         p + 'sphinx_all_mean_us', 'us', '≤', 0.5, 'Sphinx')
    goal('2', '%sx corpus: top 10 vs in-process Xapian' % sc, p + 'seekd_top10_mean_us', 'us',
         p + 'xapian_top10_mean_us', 'us', '≤', 1.3, 'Xapian')
    goal('6c', '%sx corpus: daemon peak RSS vs searchd' % sc + sphinx_note, p + 'seekd_rss_kb',
         'kb', p + 'sphinx_rss_kb', 'kb', '≤', 2.0, 'searchd')
    goal('6d', '%sx corpus: indexer peak RSS / 1x (bounded by --batch)' % sc,
         p + 'seekd_index_rss_kb', 'kb', p + 'seekd_scale1_index_rss_kb', 'kb', '', '(info)', '1x')
    goal('8', '%sx corpus: indexer run updating 1%% of documents / full build' % sc,
         p + 'cron_update_s', 's', p + 'seekd_index_s', 's', '≤', 0.02, 'full')
goal('7', "isolation: worst connection's top-10 p99, 4 connections beside a 5th sending "
     'slow requests vs alone', 'seekd_iso_slow_worst_p99_us', 'us', 'seekd_iso_alone_worst_p99_us',
     'us', '≤', 2.0, 'alone')
for n, what, a, b, r, g, ok in rows:
    w('| %s | %s | %s | %s | %s | %s | %s |' % (n, what, a, b, r, g, ok))

w('')
w('## Every figure')
w('')
def build(k):
    return '%s (CPU %s, peak RSS %s)' % (fmt(num(k + '_s'), 's'), fmt(num(k + '_cpu_s'), 's'),
                                         fmt(num(k + '_rss_kb'), 'kb'))


w('| engine | index build: wall (CPU, peak RSS) | index size | all ids, mean | top 10, mean | other |')
w('|---|---|---|---|---|---|')
w('| seekd (daemon, Unix socket) | %s | %s | %s (p50 %s, p99 %s; handler %s) | %s (p50 %s, p99 %s; handler %s) | '
  'snippets: %s (p50 %s, p99 %s); peak RSS %s; %s serving threads |' % (
      build('seekd_index'), fmt(num('seekd_index_kb'), 'kb'),
      fmt(num('seekd_all_mean_us'), 'us'), fmt(num('seekd_all_p50_us'), 'us'),
      fmt(num('seekd_all_p99_us'), 'us'), fmt(num('seekd_all_took_us'), 'us'),
      fmt(num('seekd_top10_mean_us'), 'us'), fmt(num('seekd_top10_p50_us'), 'us'),
      fmt(num('seekd_top10_p99_us'), 'us'), fmt(num('seekd_top10_took_us'), 'us'),
      fmt(num('seekd_snippets_mean_us'), 'us'), fmt(num('seekd_snippets_p50_us'), 'us'),
      fmt(num('seekd_snippets_p99_us'), 'us'), fmt(num('seekd_rss_kb'), 'kb'),
      R.get('seekd_threads', '?')))
w('| Xapian in-process (bare TermGenerator) | %s | %s | %s | %s | top 10 on 2 threads: %s, %s mean |' % (
    build('xapian_index'), fmt(num('xapian_index_kb'), 'kb'),
    fmt(num('xapian_all_mean_us'), 'us'), fmt(num('xapian_top10_mean_us'), 'us'),
    fmt(num('xapian_top10_t2_qps'), 'rps'), fmt(num('xapian_top10_t2_mean_us'), 'us')))
w('| Xapian in-process, top 10 counting every match (get_mset(0, 10, doccount), as seekd does) | | | | %s | |' % (
    fmt(num('xapian_top10_exact_mean_us'), 'us')))
w('| SQLite FTS5 (contentless, in-process)%s | %s | %s | %s | — | unranked rowids |' % (
    sqlite_note, build('sqlite_index'), fmt(num('sqlite_index_kb'), 'kb'),
    fmt(num('sqlite_all_mean_us'), 'us')))
w('| Sphinx %s (searchd, SphinxQL over TCP)%s | %s | %s | %s | — | peak RSS %s |' % (
    R.get('sphinx_version', ''), sphinx_note, build('sphinx_index'),
    fmt(num('sphinx_index_kb'), 'kb'), fmt(num('sphinx_all_mean_us'), 'us'),
    fmt(num('sphinx_rss_kb'), 'kb')))
if scales:
    w('')
    w('## At every scale')
    w('')
    w('Each copy of the corpus brings words of its own (bench/corpus.py). Builds: '
      'wall time (CPU, peak RSS); queries: mean of one connection, one request at a time.')
    w('')
    cols = ['1x'] + ['%sx' % sc for sc in scales]
    w('| | %s |' % ' | '.join(cols))
    w('|---|' + '---|' * len(cols))

    def row(name, cells):
        w('| %s | %s |' % (name, ' | '.join(cells)))

    def per(key1, keyS, unit):
        return [fmt(num(key1), unit)] + [fmt(num('s%s_%s' % (sc, keyS)), unit) for sc in scales]

    def sratio(a1, b1, aS, bS):
        return [fmt(ratio(a1, b1), 'x')] + [fmt(ratio('s%s_%s' % (sc, aS), 's%s_%s' % (sc, bS)), 'x')
                                            for sc in scales]

    row('documents', [R.get('docs', '?')] + [R.get('s%s_docs' % sc, '?') for sc in scales])
    row('text', ['%.0f MB' % ((num('corpus_bytes') or 0) / 1e6)]
        + ['%.0f MB' % ((num('s%s_bytes' % sc) or 0) / 1e6) for sc in scales])
    row('seekd build', [build('seekd_index')] + [build('s%s_seekd_index' % sc) for sc in scales])
    row('seekd index size', per('seekd_index_kb', 'seekd_index_kb', 'kb'))
    row('Sphinx build' + sphinx_note, [build('sphinx_index')]
        + [build('s%s_sphinx_index' % sc) for sc in scales])
    row('Sphinx index size', per('sphinx_index_kb', 'sphinx_index_kb', 'kb'))
    row('Xapian build (bare)', [build('xapian_index')] + [build('s%s_xapian_index' % sc) for sc in scales])
    row('seekd all ids', per('seekd_all_mean_us', 'seekd_all_mean_us', 'us'))
    row('Sphinx all ids', per('sphinx_all_mean_us', 'sphinx_all_mean_us', 'us'))
    row('Xapian all ids', per('xapian_all_mean_us', 'xapian_all_mean_us', 'us'))
    row('seekd / Sphinx, all ids (goal ≤ 0.5)', sratio('seekd_all_mean_us', 'sphinx_all_mean_us',
                                                     'seekd_all_mean_us', 'sphinx_all_mean_us'))
    row('seekd top 10', per('seekd_top10_mean_us', 'seekd_top10_mean_us', 'us'))
    row('Xapian top 10', per('xapian_top10_mean_us', 'xapian_top10_mean_us', 'us'))
    row('seekd / Xapian, top 10 (goal ≤ 1.3)', sratio('seekd_top10_mean_us', 'xapian_top10_mean_us',
                                                    'seekd_top10_mean_us', 'xapian_top10_mean_us'))
    row('seekd top 10 with snippets', per('seekd_snippets_mean_us', 'seekd_snippets_mean_us', 'us'))
    row('seekd daemon peak RSS', per('seekd_rss_kb', 'seekd_rss_kb', 'kb'))
    row('searchd peak RSS', per('sphinx_rss_kb', 'sphinx_rss_kb', 'kb'))
    row('phrases exact (seekd / Sphinx / Xapian)',
        ['%s / %s / %s' % (R.get('seekd_agree', '-'), R.get('sphinx_agree', '-'),
                           R.get('xapian_agree', '-'))]
        + ['%s / %s / %s' % (R.get('s%s_seekd_agree' % sc, '-'), R.get('s%s_sphinx_agree' % sc, '-'),
                             R.get('s%s_xapian_agree' % sc, '-')) for sc in scales])
    row('seekd totals exact', [R.get('seekd_agree', '-')]
        + [R.get('s%s_seekd_total_agree' % sc, '-') for sc in scales])
    row('indexer run changing nothing', ['—'] + [build('s%s_cron_same' % sc) for sc in scales])
    row('indexer run updating 1%', ['—'] + [
        '%s (%s documents, %s of the full build)' % (
            build('s%s_cron_update' % sc), R.get('s%s_cron_update_docs' % sc, '?'),
            '%.2f%%' % (100 * ratio('s%s_cron_update_s' % sc, 's%s_seekd_index_s' % sc))
            if ratio('s%s_cron_update_s' % sc, 's%s_seekd_index_s' % sc) else 'n/a')
        for sc in scales])
    row('served meanwhile (top 10, 1 connection)', ['—'] + [
        '%s answers, %s errors, p99 %s' % (R.get('s%s_cron_serve_requests' % sc, '?'),
                                          R.get('s%s_cron_serve_errors' % sc, '?'),
                                          fmt(num('s%s_cron_serve_p99_us' % sc), 'us'))
        for sc in scales])

if any(('seekd_c%s_rps' % c) in R for c in conns):
    w('')
    w('## seekd top 10 against connections (%s s each)' % R.get('duration', '?'))
    w('')
    w('| connections | throughput | mean | p50 | p99 |')
    w('|---|---|---|---|---|')
    for c in conns:
        w('| %s | %s | %s | %s | %s |' % (
            c, fmt(num('seekd_c%s_rps' % c), 'rps'), fmt(num('seekd_c%s_mean_us' % c), 'us'),
            fmt(num('seekd_c%s_p50_us' % c), 'us'), fmt(num('seekd_c%s_p99_us' % c), 'us')))

if 'seekd_iso_alone_worst_p99_us' in R:
    w('')
    w('## Isolation: 4 connections of top 10 for %s s, alone and beside a fifth sending '
      'slow requests (limit 10000, snippets, facets) back to back' % R.get('duration', '?'))
    w('')
    w('| | worst connection p99 | fewest answers on one connection | slow requests answered (mean) |')
    w('|---|---|---|---|')
    w('| alone | %s | %s | — |' % (fmt(num('seekd_iso_alone_worst_p99_us'), 'us'),
                                  fmt(num('seekd_iso_alone_min_requests'))))
    w('| beside slow requests | %s | %s | %s (%s) |' % (
        fmt(num('seekd_iso_slow_worst_p99_us'), 'us'), fmt(num('seekd_iso_slow_min_requests')),
        fmt(num('seekd_iso_slow_requests')), fmt(num('seekd_iso_slow_mean_us'), 'us')))
    w('')
    w('Daemon peak RSS after the slow requests too: %s (before them: %s).' % (
        fmt(num('seekd_rss_slow_kb'), 'kb'), fmt(num('seekd_rss_kb'), 'kb')))

if 'bigdoc_bytes' in R:
    w('')
    w('## One big document')
    w('')
    w('Top 10 with snippets, one connection, on the index of the corpus and on the index of the '
      'corpus with one %s text beside it (%s bytes of the corpus\'s sentences holding the '
      'phrases of %s queries: bench/corpus.py bigdoc), both built and served in this run and '
      'measured back to back in each round; load average during the rounds %s. The groups '
      'are measured: a query matches the big document when its total grows by one, and '
      'returns it when its top ten lists it. Handler time is the daemon\'s own (took_ms).' % (
          bigdoc_mb, R.get('bigdoc_bytes', '?'), R.get('bigdoc_planted', '?'),
          '%.1f–%.1f' % (min(nums('bigdoc_load')), max(nums('bigdoc_load')))
          if nums('bigdoc_load') else '?'))
    w('')
    w('| queries | how many | without | with | with / without | handler without | handler with | handler ratio |')
    w('|---|---|---|---|---|---|---|---|')
    for g, name in (('all', 'all'), ('unmatched', 'not matching it'),
                    ('matched', 'matching it'), ('returned', 'listing it in the top 10')):
        p = 'bigdoc_%s_' % g
        w('| %s | %s | %s | %s | %s | %s | %s | %s |' % (
            name, R.get(p + 'queries', '?'), fmt(num(p + 'without_mean_us'), 'us'),
            fmt(num(p + 'with_mean_us'), 'us'),
            fmt(ratio(p + 'with_mean_us', p + 'without_mean_us'), 'x'),
            fmt(num(p + 'without_took_us'), 'us'), fmt(num(p + 'with_took_us'), 'us'),
            fmt(ratio(p + 'with_took_us', p + 'without_took_us'), 'x')))
    w('')
    w('Index build with it: %s; size %s (without: %s); daemon peak RSS with it %s.' % (
        build('bigdoc_index'), fmt(num('bigdoc_index_kb'), 'kb'), fmt(num('seekd_index_kb'), 'kb'),
        fmt(num('bigdoc_rss_kb'), 'kb')))

w('')
w('## Answers that agree with the expected counts')
w('')
w('Every engine lists at most 10,000 ids per query; a phrase with more matches')
w('is expected to list 10,000.')
w('')
w('| engine | phrases with the expected number of ids |')
w('|---|---|')
for key, name in (('seekd', 'seekd'), ('xapian', 'Xapian in-process'),
                  ('sqlite', 'SQLite FTS5'), ('sphinx', 'Sphinx')):
    w('| %s | %s |' % (name, R.get(key + '_agree', 'not run')))
w('')
print('\n'.join(out))
