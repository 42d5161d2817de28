#include "entity/wordlist.h"

#include <string.h>

bool wordlist_has(const char *list, const char *w, size_t len)
{
    if (len == 0)
        return false;
    for (const char *p = list;;) {
        while (*p == ' ')
            p++;
        if (!*p)
            return false;
        size_t n = strcspn(p, " ");
        if (n == len && !memcmp(p, w, len))
            return true;
        p += n;
    }
}

bool wordlist_ends(const char *list, const char *w, size_t len, size_t keep)
{
    for (const char *p = list;;) {
        while (*p == ' ')
            p++;
        if (!*p)
            return false;
        size_t n = strcspn(p, " ");
        if (len >= n + keep && !memcmp(w + len - n, p, n))
            return true;
        p += n;
    }
}
