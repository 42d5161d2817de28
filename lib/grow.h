/* Growing arrays by doubling: the one helper behind every dynamic array in
 * seekd's C code (the C++ shim grows its two by doubling too), so that
 * overflow and failure are handled in one place. */
#ifndef SEEKD_GROW_H
#define SEEKD_GROW_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* Appends a copy of `s` to the string vector *v (*n strings, capacity *cap).
 * Returns 0, or -1 when memory runs out (the vector stays valid). */
static inline int strv_push(char ***v, size_t *n, size_t *cap, const char *s)
{
    char **p = grow_to(*v, cap, *n + 1, sizeof *p, 8);
    if (!p)
        return -1;
    *v = p;
    if (!(p[*n] = strdup(s)))
        return -1;
    (*n)++;
    return 0;
}

#endif
