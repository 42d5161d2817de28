/* What a parsed query's words stand for in one index, decided before it is
 * compiled: an entity filter on a single word the gazetteer does not know
 * ("person:mueller") stands for the indexed names having it as a word
 * ("Markus Mueller"), an organization's for those it begins ("org:toyota":
 * "Toyota Motor"), and a prefix* standing for too many words is told. */
#ifndef SEEKD_QUERY_WIDEN_H
#define SEEKD_QUERY_WIDEN_H

#include "entity/gazetteer.h"
#include "query/query.h"
#include "xap/xap.h"

#define QP_WIDEN_MAX 32   /* names a single-word entity filter may stand for, per type */

/* Widens every entity filter of `tree` through the terms of `db` (qp_add_term;
 * `gaz` may be NULL) and warns in `diag` of each prefix* standing for more
 * than QP_MAX_EXPANSION words. A retry after the index changed may add a
 * name twice, which costs nothing. Statuses: OK, NOMEM, and those of
 * reading `db`. */
seek_status qp_widen(xap_db *db, const gazetteer *gaz, qp_node *tree, qp_error *diag);

/* Nonzero when the entity term (a 2-byte type prefix, then the name in
 * match form) has `word` as one of its space-separated words. */
int qp_entity_has_word(const char *term, const char *word);

#endif
