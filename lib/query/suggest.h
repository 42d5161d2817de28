/* Did you mean: the best correction of one query word among candidate words
 * (the index's own words, the gazetteer's names), by edit distance, then by
 * how many documents hold the candidate. Knows nothing of Xapian: callers
 * feed it candidates. */
#ifndef SEEKD_QUERY_SUGGEST_H
#define SEEKD_QUERY_SUGGEST_H

#include <stddef.h>
#include "text/token.h"

/* A candidate must be held by this many times the documents of the word it
 * corrects when that word is in the index at all, and be one edit away: a
 * rare spelling yields only to a far commoner neighbour. */
#define SUGGEST_RATIO 10

/* Nonzero when two words are the same word for searching (one stem): such
 * a candidate is no correction. */
typedef int (*suggest_same_fn)(const char *a, size_t alen, const char *b, size_t blen, void *ctx);

typedef struct suggest {
    char word[TOK_MAX_BYTES + 1];   /* the word to correct (normalized token) */
    size_t len;
    unsigned long docs;             /* documents holding it */
    unsigned max_edits;             /* suggest_max_edits of its length */
    char best[TOK_MAX_BYTES + 1];   /* the best candidate so far; "" when none */
    unsigned best_edits;
    unsigned long best_docs;
    suggest_same_fn same;           /* may be NULL */
    void *same_ctx;
} suggest;

/* Edits a word of `chars` characters may need to be corrected: 0 up to 3
 * characters (no correction: too many words are that close), 1 up to 5,
 * else 2. As Lucene's spell checker (DirectSpellChecker: words of 4
 * characters and more, at most 2 edits), a candidate must also begin with
 * the same character: typos at the very start are rare, and without that
 * rule "spoken" would become "broken". */
unsigned suggest_max_edits(size_t chars);

/* The optimal-string-alignment distance between two UTF-8 words, counted in
 * characters (insertions, deletions, substitutions and swaps of two adjacent
 * characters); any value above `max` is returned as max + 1. */
unsigned suggest_distance(const char *a, size_t alen, const char *b, size_t blen, unsigned max);

/* Starts looking for a correction of `word` (`len` bytes), which `docs`
 * documents hold; `same` (may be NULL) is asked only about a candidate that
 * would become the best. Returns 0, or -1 when the word cannot be corrected
 * (too long, or too short to say). */
int suggest_init(suggest *s, const char *word, size_t len, unsigned long docs,
                 suggest_same_fn same, void *same_ctx);

/* Weighs one candidate, held by `docs` documents (0 for a name known only to
 * the gazetteer). It replaces the best so far when it needs fewer edits, or
 * as many and more documents hold it, or as many again and it sorts first. */
void suggest_consider(suggest *s, const char *cand, size_t len, unsigned long docs);

/* The correction found, or NULL. */
const char *suggest_best(const suggest *s);

#endif
