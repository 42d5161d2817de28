/* Where the index lives on disk: one Xapian database in the index folder, or
 * N shard databases (shard0 … shardN-1) in it beside a Xapian stub file,
 * XAPIANDB, that lists them, so that readers open the folder as one index. */
#ifndef SEEKD_INDEXER_LAYOUT_H
#define SEEKD_INDEXER_LAYOUT_H

#include <stddef.h>

#include "status.h"

#define LAYOUT_STUB "XAPIANDB"

typedef struct layout {
    unsigned nshards;    /* 1: a single database at the index path */
    char **paths;        /* the databases to write, nshards of them */
    int existed;         /* the first database was there before this run */
} layout;

/* Works out the layout of the index at `index` for a run that asks for
 * `want` shards (0: keep whatever is there; a new index is then a single
 * database). An existing sharded index keeps its shard count; a stub listing
 * anything but local shards is refused. Returns OK, or with the reason in
 * err: INVALID (a layout that cannot serve the run), IO (an unreadable
 * stub) or NOMEM. */
seek_status layout_resolve(const char *index, unsigned want, layout *out, char *err, size_t cap);

/* Writes the stub listing the shards (atomically: readers never see half a
 * stub). Does nothing for a single database. Returns 0, or -1 with errno. */
int layout_write_stub(const char *index, const layout *l);

void layout_fini(layout *l);

#endif
