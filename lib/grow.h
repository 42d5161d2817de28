/* Growing arrays by doubling: the one helper behind every dynamic array in
 * seekd, so that overflow and failure are handled in one place. */
#ifndef SEEKD_GROW_H
#define SEEKD_GROW_H

#include <stdint.h>
#include <stdlib.h>

/* Returns `v` resized to hold at least `need` elements of `size` bytes, its
 * capacity (*cap, in elements) doubled from `first` as often as needed; `v`
 * itself when it is large enough. Returns NULL when memory runs out, leaving
 * `v` and *cap untouched, so the caller still owns `v`. */
static inline void *grow_to(void *v, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return v;
    size_t n = *cap ? *cap : first;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return NULL;
        n *= 2;
    }
    if (n > SIZE_MAX / size)
        return NULL;
    void *p = realloc(v, n * size);
    if (p)
        *cap = n;
    return p;
}

#endif
