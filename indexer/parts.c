/* Cutting a big text into overlapping parts at line and sentence starts. */
#include "parts.h"

#include <stdlib.h>
#include <string.h>

/* How good a place to start a part token i is, from the text between it
 * and the token before: 2 after a line break, 1 after a sentence's end,
 * 0 anywhere else. */
static int start_quality(const tok_array *t, const char *text, size_t i)
{
    if (i == 0)
        return 2;
    const char *gap = text + t->v[i - 1].end;
    size_t len = t->v[i].start - t->v[i - 1].end;
    if (memchr(gap, '\n', len))
        return 2;
    for (size_t k = 0; k < len; k++)
        if (gap[k] == '.' || gap[k] == '!' || gap[k] == '?')
            return 1;
    return 0;
}

/* The best start in [lo, hi], the latest of the best quality. */
static size_t best_start(const tok_array *t, const char *text, size_t lo, size_t hi)
{
    size_t best = hi;
    int q = -1;
    for (size_t i = hi + 1; i-- > lo && q < 2;) {
        int qi = start_quality(t, text, i);
        if (qi > q) {
            q = qi;
            best = i;
        }
    }
    return best;
}

int parts_cut(const tok_array *t, const char *text, part_range **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cap = t->n / (PART_TOKENS / 2) + 2;
    part_range *v = malloc(cap * sizeof *v);
    if (!v)
        return -1;
    /* Cuts come at least PART_TOKENS / 2 apart, more than the overlap
     * (parts.h), so a match crossing a cut lies in the part after it. */
    size_t cut = 0, k = 0;
    for (;;) {
        size_t first = cut == 0 ? 0 : best_start(t, text, cut - PART_OVERLAP - 256, cut - PART_OVERLAP);
        size_t next = t->n;
        if (cut + PART_TOKENS < t->n)
            next = best_start(t, text, cut + PART_TOKENS / 2, cut + PART_TOKENS);
        v[k++] = (part_range){ first, next };
        if (next == t->n)
            break;
        cut = next;
    }
    *out = v;
    *n = k;
    return 0;
}
