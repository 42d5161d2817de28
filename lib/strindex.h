/* A read-only map from strings to lists of numbers, built at once from
 * (key, value, rank) entries: a table of four bytes a slot, the keys once,
 * every list in one array, where a map built by insertion keeps a copy of
 * each key and an allocation for each list. The keys are not copied: they
 * must be interned (equal strings are the same pointer, strpool.h) and
 * outlive the map. */
#ifndef SEEKD_STRINDEX_H
#define SEEKD_STRINDEX_H

#include <stddef.h>
#include <stdint.h>
#include "status.h"

typedef struct strindex_entry {
    const char *key;      /* interned */
    uint32_t val;
    uint32_t rank;        /* a key's values come in order of rank */
    uint32_t seq;         /* set by strindex_build */
} strindex_entry;

typedef struct strindex {
    uint32_t *slots;      /* 0: empty; else 1 + the key's index in keys */
    size_t cap;           /* slots, a power of two */
    struct strindex_key *keys;
    size_t nkeys;
    uint32_t *vals;       /* every key's values, one key's after another */
} strindex;

/* Builds *m from the n entries at e (reordered in place; the caller frees
 * them after): each key's values in order of rank, values of one rank in
 * the order the entries came in. OK, INVALID (more than UINT32_MAX
 * entries) or NOMEM (m is then empty, and strindex_fini may be called). */
seek_status strindex_build(strindex *m, strindex_entry *e, size_t n);

/* The values of `key` (any string, NUL-terminated), *n of them; NULL and
 * *n = 0 when the map has no such key. */
const uint32_t *strindex_get(const strindex *m, const char *key, size_t *n);

/* Frees the map; accepts a zeroed one. */
void strindex_fini(strindex *m);

#endif
