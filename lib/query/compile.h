/* Turns a parsed query tree into a Xapian query through the shim: words
 * become English stems (ranked), phrases exact positional matches. */
#ifndef SEEKD_QUERY_COMPILE_H
#define SEEKD_QUERY_COMPILE_H

#include "query/query.h"
#include "xap/xap.h"

/* Builds the Xapian query for `tree` into *out (free with xap_query_free);
 * `stem` is the stemmer for words. Statuses: OK, NOMEM, INVALID. */
seek_status qp_compile(const qp_node *tree, xap_stem *stem, xap_query **out);

/* The term a WORD token is indexed under (its stem with the stem prefix),
 * written to `buf`; returns 0, or -1 when it does not fit. Shared with the
 * indexer so both sides agree. */
int qp_stem_term(xap_stem *stem, const char *word, size_t len, char *buf, size_t cap);

#endif
