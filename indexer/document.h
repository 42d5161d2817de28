/* Builds the Xapian document for one corpus file: positional word terms for
 * phrases, word-form terms for ranking, entity and date terms, the id term,
 * the stored text, the document's own date (entity/docdate.h) and the values
 * the incremental indexer compares (size, mtime, content hash). */
#ifndef SEEKD_INDEXER_DOCUMENT_H
#define SEEKD_INDEXER_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>
#include "entity/gazetteer.h"
#include "morph/morph.h"
#include "xap/xap.h"

typedef struct doc_meta {
    const char *id;
    long long size;
    long long mtime_ns;
    /* fnv1a64 of the raw bytes: with the size, tells a changed file from a
     * touched one. */
    uint64_t hash;
    /* The mtime may date a document that says nothing of its date
     * (seekd-index --date-fallback mtime). */
    int date_from_mtime;
    /* The source folder's key (sources.h) and the file's path below it
     * (a feed article's: its feed's); NULL: none recorded. */
    const char *source, *file;
} doc_meta;

/* What a document says, from whatever format it came in. */
typedef struct doc_input {
    const char *text;    /* valid UTF-8 */
    size_t len;
    const char *title;   /* NULL: the first non-empty line */
    const char *url;     /* NULL: none */
    int feed_day;        /* yyyymmdd of a feed article's "date", or 0 */
    int meta_day;        /* yyyymmdd of a page's metadata date, or 0 */
    const char *encoding; /* what the bytes were read as (charset.h); NULL: none */
    size_t top;          /* where a page's article begins in `text` (0: the start) */
} doc_input;

/* Builds the document into *out (free with xap_doc_free); `words` reads
 * word forms, `gaz` (may be NULL) names the entities to find. Statuses: OK,
 * NOMEM, and the shim's. */
seek_status document_build(const doc_input *in, const doc_meta *meta, morph *words,
                           const gazetteer *gaz, xap_doc **out);

#endif
