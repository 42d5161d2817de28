/* Which shard holds a document: a stable hash of its id term, so every run of
 * the indexer, on any host, sends a document to the same shard. Changing
 * this reshuffles every sharded index. */
#ifndef SEEKD_SHARD_H
#define SEEKD_SHARD_H

#include <string.h>
#include "fnv.h"

#define SHARD_MAX 256

/* `idterm` is PREFIX_ID + id, as stored. */
static inline unsigned shard_of(const char *idterm, unsigned nshards)
{
    return nshards > 1 ? (unsigned)(fnv1a64(idterm, strlen(idterm)) % nshards) : 0;
}

#endif
