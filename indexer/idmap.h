/* A map from document id terms to small numbers (which batch of a fresh
 * build holds each document): open addressing over FNV-1a hashes. */
#ifndef SEEKD_INDEXER_IDMAP_H
#define SEEKD_INDEXER_IDMAP_H

#include <stddef.h>

typedef struct idmap_slot {
    char *key;          /* NULL: empty */
    unsigned value;
} idmap_slot;

typedef struct idmap {
    idmap_slot *slots;
    size_t cap, n;      /* cap is 0 or a power of two */
} idmap;

/* Sets key's value to `value`. *old receives the previous value and the
 * return is 1 when key was there, 0 when it is new; -1 when memory runs out
 * (the map is unchanged). */
int idmap_put(idmap *m, const char *key, unsigned value, unsigned *old);

void idmap_fini(idmap *m);

#endif
