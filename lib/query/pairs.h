/* Pair terms. A phrase of frequent words ("to get the", "if you") is the
 * costliest query to answer exactly: nearly every document holds its words,
 * so each one's positions must be compared. For two adjacent tokens that are
 * both among the most frequent English words, the indexer therefore adds a
 * term naming the pair (PREFIX_PAIR "if you"); the query compiler answers a
 * two-word phrase of them from that term's postings alone, and a longer
 * phrase checks positions only in the documents holding all its pairs. The
 * list is small and fixed, so the pairs are a bounded vocabulary of long
 * posting lists, cheap to index; phrases of rarer words need no help, since
 * few documents hold them all. */
#ifndef SEEKD_QUERY_PAIRS_H
#define SEEKD_QUERY_PAIRS_H

#include <stddef.h>

/* Nonzero when the normalized token (len bytes) is one of the frequent words. */
int pair_frequent(const char *word, size_t len);

/* Writes the pair term of two adjacent normalized tokens, both frequent (the
 * caller checks), to buf (NUL-terminated). Returns 0, or -1 when it does not
 * fit in cap bytes. */
int pair_term(const char *a, size_t alen, const char *b, size_t blen, char *buf, size_t cap);

/* The term of three adjacent normalized tokens, any words (the parts of a
 * big document hold one for each three, indexer/parts.h), written as
 * pair_term writes two. Returns 0, or -1 when it does not fit in cap bytes. */
int pair_triple(const char *a, size_t alen, const char *b, size_t blen, const char *c,
                size_t clen, char *buf, size_t cap);

#endif
