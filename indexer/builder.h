/* Builds documents on other threads while the indexer's own thread writes
 * them, so indexing uses more than one core: tokenizing, entity extraction
 * and term lists run beside Xapian's inversion. Documents are written in the
 * order they were submitted, all on the submitting thread (Xapian's writer
 * is single-threaded). */
#ifndef SEEKD_INDEXER_BUILDER_H
#define SEEKD_INDEXER_BUILDER_H

#include "document.h"

typedef struct builder builder;

/* Called on the submitting thread with each built document, in submission
 * order; the document becomes the callee's, which frees it (it may hand it
 * to another thread first). A status other than OK stops the run: submit
 * and finish return it. */
typedef seek_status (*builder_write_fn)(const char *idterm, xap_doc *doc, void *ctx);

/* A builder with `threads` building threads (at least 1). `gaz` may be
 * NULL. Returns NULL when threads or memory cannot be had. */
builder *builder_new(unsigned threads, const gazetteer *gaz, builder_write_fn write, void *ctx);

/* Queues the document (its input is copied), writing those already built;
 * waits while too many are queued. Statuses: OK, NOMEM, or the first error
 * of a build or a write. */
seek_status builder_submit(builder *b, const char *idterm, const doc_input *in,
                           const doc_meta *meta);

/* Waits for every queued document and writes it. Statuses: as submit. */
seek_status builder_finish(builder *b);

/* Stops the threads; documents not yet written are dropped. Accepts NULL. */
void builder_free(builder *b);

#endif
