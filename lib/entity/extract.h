/* Entity and date extraction for one document: gazetteer names (longest
 * first, through transliteration), capitalized names the gazetteer lacks,
 * and dates. What the indexer stores, and what unit tests check. */
#ifndef SEEKD_ENTITY_EXTRACT_H
#define SEEKD_ENTITY_EXTRACT_H

#include <stddef.h>
#include "entity/dates.h"
#include "entity/gazetteer.h"
#include "status.h"
#include "text/tokarray.h"

typedef struct ent_count {
    ent_type type;
    char *key;          /* match form: the index term's suffix */
    char *name;         /* canonical name, or the text's spelling: the first of
                           those reading most as a nominative (spelling.h) */
    unsigned mentions;
} ent_count;

typedef struct extraction {
    ent_count *ents;    /* one per distinct (type, key), in order of first mention */
    size_t nents;
    date_mention *dates;   /* those written without a year have year 0 (dates_resolve) */
    size_t ndates;
} extraction;

/* Names are read, and linked to each other ("President Clinton" to "Bill
 * Clinton", an acronym to its long form), within windows of this many
 * tokens (about 50 KB of text; a news story is one window), so that a huge
 * document costs in proportion to its size. */
#define EXTRACT_WINDOW_TOKENS 8192

/* Extracts from `text` (decoded, `len` bytes) whose tokens are `toks`.
 * `g` may be NULL (no gazetteer). Dates written without a year are kept
 * with year 0, for the caller to resolve once it knows the document's own
 * date. Statuses: OK, NOMEM. Release with extraction_fini. */
seek_status extract_run(const gazetteer *g, const char *text, size_t len,
                        const tok_array *toks, extraction *out);
void extraction_fini(extraction *x);

#endif
