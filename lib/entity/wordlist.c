#include "entity/wordlist.h"

#include <string.h>

/* The first word of `list` from `p` on, its length in *n; NULL past the
 * last. */
static const char *next_word(const char *p, size_t *n)
{
    p += strspn(p, " ");
    *n = strcspn(p, " ");
    return *p ? p : NULL;
}

bool wordlist_has(const char *list, const char *w, size_t len)
{
    size_t n;
    for (const char *p = list; len && (p = next_word(p, &n)); p += n)
        if (n == len && !memcmp(p, w, len))
            return true;
    return false;
}

bool wordlist_ends(const char *list, const char *w, size_t len, size_t keep)
{
    size_t n;
    for (const char *p = list; (p = next_word(p, &n)); p += n)
        if (len >= n + keep && !memcmp(w + len - n, p, n))
            return true;
    return false;
}
