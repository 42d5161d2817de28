#include "query/suggest.h"

#include <string.h>

/* Characters compared at most: longer words are never corrected. */
#define MAX_CHARS 64

/* Decodes UTF-8 into code points (a byte that starts no valid sequence
 * counts as one character); returns the count, or -1 when over `cap`. */
static int decode(const char *s, size_t len, unsigned *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        if (i + k > len)
            k = 1;
        unsigned cp = k == 1 ? c : c & (0x7f >> k);
        for (size_t j = 1; j < k; j++)
            cp = (cp << 6) | ((unsigned char)s[i + j] & 0x3f);
        if (n == cap)
            return -1;
        out[n++] = cp;
        i += k;
    }
    return (int)n;
}

/* The first character of a non-empty word, as decode() reads it. */
static unsigned first_char(const char *s, size_t len)
{
    unsigned cps[4];
    /* A character is at most 4 bytes: decoding that many gives the first. */
    return decode(s, len < 4 ? len : 4, cps, 4) > 0 ? cps[0] : 0;
}

unsigned suggest_max_edits(size_t chars)
{
    return chars <= 3 ? 0 : chars <= 5 ? 1 : 2;
}

static unsigned min3(unsigned a, unsigned b, unsigned c)
{
    unsigned m = a < b ? a : b;
    return m < c ? m : c;
}

unsigned suggest_distance(const char *a, size_t alen, const char *b, size_t blen, unsigned max)
{
    unsigned x[MAX_CHARS], y[MAX_CHARS];
    int n = decode(a, alen, x, MAX_CHARS), m = decode(b, blen, y, MAX_CHARS);
    if (n < 0 || m < 0)
        return max + 1;
    if ((unsigned)(n > m ? n - m : m - n) > max)
        return max + 1;
    /* Three rows of the dynamic programme: two back for a swap. */
    unsigned rows[3][MAX_CHARS + 1];
    unsigned *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (int j = 0; j <= m; j++)
        prev[j] = (unsigned)j;
    for (int i = 1; i <= n; i++) {
        cur[0] = (unsigned)i;
        unsigned row_min = cur[0];
        for (int j = 1; j <= m; j++) {
            unsigned cost = x[i - 1] != y[j - 1];
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]
                && prev2[j - 2] + 1 < cur[j])
                cur[j] = prev2[j - 2] + 1;
            if (cur[j] < row_min)
                row_min = cur[j];
        }
        if (row_min > max)
            return max + 1;
        unsigned *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[m] > max ? max + 1 : prev[m];
}

int suggest_init(suggest *s, const char *word, size_t len, unsigned long docs,
                 suggest_same_fn same, void *same_ctx)
{
    unsigned cps[MAX_CHARS];
    memset(s, 0, sizeof *s);
    int n = len < sizeof s->word ? decode(word, len, cps, MAX_CHARS) : -1;
    if (n < 0 || suggest_max_edits((size_t)n) == 0)
        return -1;
    memcpy(s->word, word, len);
    s->len = len;
    s->docs = docs;
    /* A word the index holds is a real word more often than a typo: only
     * a one-edit neighbour far commoner than it is offered. */
    s->max_edits = docs && suggest_max_edits((size_t)n) > 1 ? 1 : suggest_max_edits((size_t)n);
    s->same = same;
    s->same_ctx = same_ctx;
    return 0;
}

void suggest_consider(suggest *s, const char *cand, size_t len, unsigned long docs)
{
    if (len >= sizeof s->best || (len == s->len && memcmp(cand, s->word, len) == 0))
        return;
    if (s->docs && docs < s->docs * SUGGEST_RATIO)
        return;
    if (len == 0 || first_char(cand, len) != first_char(s->word, s->len))
        return;
    unsigned limit = *s->best ? s->best_edits : s->max_edits;
    unsigned d = suggest_distance(s->word, s->len, cand, len, limit);
    if (d > limit)
        return;
    if (*s->best && d == s->best_edits) {
        if (docs < s->best_docs)
            return;
        if (docs == s->best_docs) {
            size_t blen = strlen(s->best);
            int c = memcmp(cand, s->best, len < blen ? len : blen);
            if (c > 0 || (c == 0 && len >= blen))
                return;
        }
    }
    if (s->same && s->same(s->word, s->len, cand, len, s->same_ctx))
        return;
    memcpy(s->best, cand, len);
    s->best[len] = '\0';
    s->best_edits = d;
    s->best_docs = docs;
}

const char *suggest_best(const suggest *s)
{
    return *s->best ? s->best : NULL;
}
