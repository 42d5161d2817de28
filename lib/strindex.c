/* The read-only string map: entries sorted by key (its pointer: interned
 * keys group by it), rank and order of arrival; each key's run becomes a
 * range of `vals`, and the slots (linear probing, load at most one half)
 * hold key numbers, hashed by the key's bytes since look-ups come with
 * strings of their own. */
#include "strindex.h"

#include <stdlib.h>
#include <string.h>

struct strindex_key {
    const char *key;
    uint32_t first, n;    /* its values: vals[first, first + n) */
};

/* FNV-1a over a NUL-terminated string: a look-up hashes its key in the
 * one pass. */
static size_t hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
    return (size_t)h;
}

static int by_key_rank_seq(const void *pa, const void *pb)
{
    const strindex_entry *a = pa, *b = pb;
    uintptr_t ka = (uintptr_t)a->key, kb = (uintptr_t)b->key;
    if (ka != kb)
        return ka < kb ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

seek_status strindex_build(strindex *m, strindex_entry *e, size_t n)
{
    memset(m, 0, sizeof *m);
    if (n > UINT32_MAX)
        return SEEK_INVALID;
    for (size_t i = 0; i < n; i++)
        e[i].seq = (uint32_t)i;
    if (n)
        qsort(e, n, sizeof *e, by_key_rank_seq);
    size_t nkeys = 0;
    for (size_t i = 0; i < n; i++)
        nkeys += i == 0 || e[i].key != e[i - 1].key;
    size_t cap = 16;
    while (cap < nkeys * 2)
        cap *= 2;
    m->keys = malloc((nkeys ? nkeys : 1) * sizeof *m->keys);
    m->vals = malloc((n ? n : 1) * sizeof *m->vals);
    m->slots = calloc(cap, sizeof *m->slots);
    if (!m->keys || !m->vals || !m->slots) {
        strindex_fini(m);
        return SEEK_NOMEM;
    }
    m->cap = cap;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || e[i].key != e[i - 1].key) {
            struct strindex_key *k = &m->keys[m->nkeys];
            *k = (struct strindex_key){ e[i].key, (uint32_t)i, 0 };
            size_t s = hash(k->key) & (cap - 1);
            while (m->slots[s])
                s = (s + 1) & (cap - 1);
            m->slots[s] = (uint32_t)++m->nkeys;
        }
        m->vals[i] = e[i].val;
        m->keys[m->nkeys - 1].n++;
    }
    return SEEK_OK;
}

const uint32_t *strindex_get(const strindex *m, const char *key, size_t *n)
{
    *n = 0;
    if (!m->nkeys)
        return NULL;
    for (size_t s = hash(key) & (m->cap - 1); m->slots[s];
         s = (s + 1) & (m->cap - 1)) {
        const struct strindex_key *k = &m->keys[m->slots[s] - 1];
        if (strcmp(k->key, key) == 0) {
            *n = k->n;
            return m->vals + k->first;
        }
    }
    return NULL;
}

void strindex_fini(strindex *m)
{
    free(m->slots);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}
