/* Builds the Xapian document for one corpus file: positional word terms for
 * phrases, stem terms for ranking, entity and date terms, the id term, the
 * stored text and the values the incremental indexer compares (size, mtime,
 * content hash). */
#ifndef SEEKD_INDEXER_DOCUMENT_H
#define SEEKD_INDEXER_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>
#include "entity/gazetteer.h"
#include "xap/xap.h"

typedef struct doc_meta {
    const char *id;
    long long size;
    long long mtime_ns;
    uint64_t hash;
} doc_meta;

/* FNV-1a over the raw bytes: cheap, and with the size it tells a changed file
 * from a touched one. */
uint64_t document_hash(const char *bytes, size_t len);

/* Builds the document for the raw file `bytes` into *out (free with
 * xap_doc_free); `gaz` (may be NULL) names the entities to find. Statuses:
 * OK, NOMEM, and the shim's. */
seek_status document_build(const char *bytes, size_t len, const doc_meta *meta,
                           xap_stem *stem, const gazetteer *gaz, xap_doc **out);

#endif
