/* Turns a parsed query tree into a Xapian query through the shim: words
 * become English stems (ranked), phrases exact positional matches, entity
 * filters the terms of the entities their name resolves to, date filters the
 * date terms covering the range or the document date. */
#ifndef SEEKD_QUERY_COMPILE_H
#define SEEKD_QUERY_COMPILE_H

#include "query/query.h"
#include "xap/xap.h"

/* Builds the Xapian query for `tree` into *out (free with xap_query_free);
 * `stem` is the stemmer for words, `gaz` (may be NULL) resolves entity
 * names. Statuses: OK, NOMEM, INVALID, BAD_QUERY (the filters expand to more
 * than QP_MAX_EXPANDED terms). */
seek_status qp_compile(const qp_node *tree, xap_stem *stem, const gazetteer *gaz,
                       xap_query **out);

/* A relaxed reading of `tree`, for when no document matches it. Level 1: in
 * each group of terms joined without an operator, the free terms (words not
 * marked required) are ORed, so that documents holding some of them match
 * and those holding more rank first; phrases, filters, NOT and what the user
 * required (AND, +word) stay as they are. Level 2, the last resort: quoted
 * phrases become free terms too, each matching its words as well. Statuses:
 * as qp_compile. */
seek_status qp_compile_relaxed(const qp_node *tree, xap_stem *stem, const gazetteer *gaz,
                               int level, xap_query **out);

/* Whether the relaxed reading of `tree` at `level` differs from the strict
 * one. Level 2 applies only to a tree that level 1 relaxes: a query of one
 * phrase, or a phrase and filters, is always answered as written. */
int qp_relaxable(const qp_node *tree, int level);

/* The terms an entity filter looks for: the entities `name` (match form)
 * resolves to through the gazetteer, and the name itself as a detected name.
 * Calls fn(term, entity or NULL, ctx) for each; a nonzero return stops. */
typedef int (*qp_entity_fn)(const char *term, const gaz_entity *e, void *ctx);
int qp_entity_terms(const gazetteer *gaz, ent_type type, const char *name, qp_entity_fn fn,
                    void *ctx);

/* The index term prefix of an entity type. */
const char *qp_entity_prefix(ent_type t);

/* The term a WORD token is indexed under (its stem with the stem prefix),
 * written to `buf`; returns 0, or -1 when it does not fit. Shared with the
 * indexer so both sides agree. */
int qp_stem_term(xap_stem *stem, const char *word, size_t len, char *buf, size_t cap);

#endif
