/* A fresh build: an index that holds no documents yet is written as batches
 * of documents into separate scratch databases, on several threads, which
 * one compaction then merges into the new index, swapped into place at once.
 *
 * Why: Xapian writing in place merges each flush of postings into an ever
 * larger table, so a big build slows down as it goes, and only the thread
 * holding the writer can do that work. A batch is inverted in memory and
 * written once, whatever came before it, and the batches are written on
 * every core; the compaction is one sequential merge. A reader of the index
 * sees the empty index until the swap, then the whole new one. */
#ifndef SEEKD_INDEXER_BULK_H
#define SEEKD_INDEXER_BULK_H

#include <stddef.h>
#include "xap/xap.h"

#define BULK_BATCH_DOCS 500    /* documents per batch, unless told otherwise */
#define BULK_MAX_BATCH_DOCS 1000000
/* The most databases one compaction reads, unless told otherwise: each open
 * one costs its cursors and block buffers (about 0.3 MB). More batches than
 * this are merged in runs first, as few as needed. */
#define BULK_MERGE_FANIN 128
#define BULK_MIN_MERGE_FANIN 2
#define BULK_MAX_MERGE_FANIN 100000

typedef struct bulk bulk;

typedef struct bulk_meta {
    const char *key, *value;
} bulk_meta;

/* Starts a fresh build of the database at `index` (empty, and held by the
 * caller's writer so no other indexer runs), with `threads` writing threads
 * and batches of `batch_docs` documents. The batches go to a folder beside
 * the index, `INDEX.build` (one left by a killed run is removed first).
 * Returns NULL with the reason in err when that folder cannot be made: the
 * caller then writes in place. */
bulk *bulk_new(const char *index, unsigned threads, unsigned batch_docs, char *err, size_t cap);

/* Sets the most databases one compaction reads (BULK_MERGE_FANIN unless
 * set; at least BULK_MIN_MERGE_FANIN): the final merge's memory. */
void bulk_set_merge_fanin(bulk *b, unsigned fanin);
/* Parts of a big text written between two commits of its batch (xap.h:
 * xap_wdb_set_part_batch; default XAP_PART_BATCH). */
void bulk_set_part_batch(bulk *b, unsigned parts);

/* Adds `doc` under `idterm`, taking the document (it is freed). A later
 * document under the same id term replaces the earlier one. Statuses: OK,
 * NOMEM, or the first error of a writing thread (see bulk_errmsg). */
seek_status bulk_add(bulk *b, const char *idterm, xap_doc *doc);

/* Writes the last batch, merges every batch with the user metadata `meta`
 * into one compacted database and puts it in place of the index. On failure
 * the index stays as it was. Statuses: OK, NOMEM, IO, XAPIAN. */
seek_status bulk_finish(bulk *b, const bulk_meta *meta, size_t nmeta);

/* Why the last failed call failed, whichever thread it failed on. */
const char *bulk_errmsg(const bulk *b);

/* Stops the threads and removes the build folder. Accepts NULL. */
void bulk_free(bulk *b);

/* Removes the build folder a killed fresh build of `index` left, for a run
 * that writes in place (the caller holds the index). */
void bulk_clear(const char *index);

#endif
