/* Quote marks: see quotes.h. */
#include "entity/quotes.h"

#include <string.h>

/* Each kind's opening mark and the marks that close it: guillemets, the
 * typewriter's quote, the German-style low-high pair Russian print uses,
 * and English curly quotes. */
static const struct {
    const char *open;
    const char *close[2];
} kinds[] = {
    { "«", { "»", NULL } },
    { "\"", { "\"", NULL } },
    { "„", { "“", "”" } },
    { "“", { "”", NULL } },
};

int quotes_open(const char *text, size_t from, size_t at, size_t *len)
{
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t n = strlen(kinds[k].open);
        if (at < from + n || memcmp(text + at - n, kinds[k].open, n) != 0)
            continue;
        size_t before = at - n;
        /* A '"' closes as often as it opens: it opens what follows only
         * at the text's start or after a space or a parenthesis. */
        char prev = before ? text[before - 1] : ' ';
        if (!strcmp(kinds[k].open, "\"") && prev != ' ' && prev != '(' && prev != '\n'
            && prev != '\t')
            continue;
        *len = n;
        return (int)k + 1;
    }
    return 0;
}

_Static_assert(sizeof kinds / sizeof *kinds == QUOTES_KINDS, "QUOTES_KINDS counts the kinds");

size_t quotes_close(const char *text, size_t at, size_t to, int kind)
{
    if (kind <= 0 || (size_t)kind > sizeof kinds / sizeof *kinds)
        return 0;
    for (size_t c = 0; c < 2 && kinds[kind - 1].close[c]; c++) {
        size_t n = strlen(kinds[kind - 1].close[c]);
        if (at + n <= to && !memcmp(text + at, kinds[kind - 1].close[c], n))
            return n;
    }
    return 0;
}
