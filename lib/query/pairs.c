#include "query/pairs.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xap/prefix.h"

/* The most frequent words of general English text (function words and the
 * commonest verbs and adverbs), in normalized form. None is longer than
 * eight bytes, so each packs into one integer. Changing the list changes
 * the index: bump INDEX_FORMAT. */
static const char *const frequent[] = {
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at",
    "back", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "down", "each", "even", "first", "for", "from", "get", "had",
    "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "just", "know", "last", "like", "made", "make", "man", "many", "may", "me",
    "more", "most", "much", "must", "my", "new", "no", "not", "now", "of", "off", "on", "one",
    "only", "or", "other", "our", "out", "over", "own", "people", "said", "same", "she",
    "should", "so", "some", "still", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "time", "to", "two", "under", "up",
    "us", "very", "was", "way", "we", "well", "were", "what", "when", "where", "which", "while",
    "who", "will", "with", "would", "year", "years", "you", "your",
};
#define NFREQUENT (sizeof frequent / sizeof *frequent)
#define WORD_MAX 8

static uint64_t packed[NFREQUENT];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static uint64_t pack(const char *w, size_t len)
{
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++)
        v = (v << 8) | (unsigned char)w[i];
    return v << (8 * (WORD_MAX - len));
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static void build(void)
{
    for (size_t i = 0; i < NFREQUENT; i++)
        packed[i] = pack(frequent[i], strlen(frequent[i]));
    qsort(packed, NFREQUENT, sizeof *packed, cmp_u64);
}

int pair_frequent(const char *word, size_t len)
{
    if (len == 0 || len > WORD_MAX)
        return 0;
    pthread_once(&once, build);
    uint64_t key = pack(word, len);
    return bsearch(&key, packed, NFREQUENT, sizeof *packed, cmp_u64) != NULL;
}

int pair_term(const char *a, size_t alen, const char *b, size_t blen, char *buf, size_t cap)
{
    size_t plen = strlen(PREFIX_PAIR);
    if (plen + alen + blen + 2 > cap)
        return -1;
    memcpy(buf, PREFIX_PAIR, plen);
    memcpy(buf + plen, a, alen);
    buf[plen + alen] = ' ';
    memcpy(buf + plen + alen + 1, b, blen);
    buf[plen + alen + 1 + blen] = '\0';
    return 0;
}

int pair_triple(const char *a, size_t alen, const char *b, size_t blen, const char *c,
                size_t clen, char *buf, size_t cap)
{
    size_t at = strlen(PREFIX_PAIR) + alen + blen + 2;
    if (at + clen + 1 > cap || pair_term(a, alen, b, blen, buf, cap) < 0)
        return -1;
    buf[at - 1] = ' ';
    memcpy(buf + at, c, clen);
    buf[at + clen] = '\0';
    return 0;
}
