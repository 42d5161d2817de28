/* Turns a parsed query tree into a Xapian query through the shim: words
 * become their word-form keys (ranked), phrases exact positional matches, entity
 * filters the terms of the entities their name resolves to, date filters the
 * date terms covering the range or the document date. */
#ifndef SEEKD_QUERY_COMPILE_H
#define SEEKD_QUERY_COMPILE_H

#include "morph/morph.h"
#include "query/query.h"
#include "xap/xap.h"

/* Builds the Xapian query for `tree` into *out (free with xap_query_free);
 * `words` reads word forms (morph.h), `gaz` (may be NULL) resolves entity
 * names. Statuses: OK, NOMEM, INVALID, BAD_QUERY (the filters expand to more
 * than QP_MAX_EXPANDED terms). */
seek_status qp_compile(const qp_node *tree, morph *words, const gazetteer *gaz,
                       xap_query **out);

/* Big documents keep their word positions in parts (xap/prefix.h:
 * PREFIX_PART_WORD), which phrases and NEAR are matched in apart: `fn`
 * answers, for a positional match of `words` (unstemmed, in order within
 * `window` positions when `ordered`, in any order otherwise), a query for
 * the documents a part of which holds it, or NULL in *out when none does.
 * An exact phrase comes with the terms of its adjacent twos or threes
 * (xap/prefix.h: PART_TERM_MAX), every one of which a part holding it
 * holds; `exact` when a part holding them all holds the phrase. */
typedef seek_status (*qp_parts_fn)(int ordered, const char *const *words, size_t n,
                                   unsigned window, const char *const *filter, size_t nfilter,
                                   int exact, void *ctx, xap_query **out);
typedef struct qp_parts {
    qp_parts_fn fn;
    void *ctx;
} qp_parts;

/* qp_compile (level 0) or qp_compile_relaxed (level 1, 2) for an index
 * holding parts: each positional match (but in titles) also matches the
 * documents `parts` names for it. */
seek_status qp_compile_parts(const qp_node *tree, morph *words, const gazetteer *gaz, int level,
                             const qp_parts *parts, xap_query **out);

/* A relaxed reading of `tree`, for when no document matches it. Level 1: in
 * each group of terms joined without an operator, the free terms (words not
 * marked required) are ORed, so that documents holding some of them match
 * and those holding more rank first; phrases, filters, NOT and what the user
 * required (AND, +word) stay as they are. Level 2, the last resort: quoted
 * phrases become free terms too, each matching its words as well. Statuses:
 * as qp_compile. */
seek_status qp_compile_relaxed(const qp_node *tree, morph *words, const gazetteer *gaz,
                               int level, xap_query **out);

/* More free terms than this in one group (terms joined without an
 * operator) make it pasted text, not a query anyone types: a paragraph or
 * an abstract, whose reader wants the documents about the same thing, not
 * only one holding all of its words (its own source). Such a group is read
 * relaxed from the start, its free terms ORed, documents with more of them
 * (by weight) first. Typed questions have far fewer: "what did lukashenko
 * say about afghanistan at the csto summit in dushanbe in 2021" has 7. */
#define QP_LONG_TEXT 12

/* Whether some group of `tree` is pasted text (QP_LONG_TEXT). */
int qp_long_text(const qp_node *tree);

/* More free terms than this in one group (terms joined without an
 * operator) make the query pasted text, not one anyone types: a paragraph,
 * an abstract, whose reader wants the documents about the same thing, not
 * only those holding every one of its words (its own source, if any). It is
 * searched in its relaxed reading from the start. Typed questions have far
 * fewer: "what did lukashenko say about afghanistan at the csto summit in
 * dushanbe in 2021" has 7. */
#define QP_LONG_TEXT 12

/* Whether some group of `tree` that the relaxed reading relaxes has more
 * than QP_LONG_TEXT free terms. */
int qp_long_text(const qp_node *tree);

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

/* The gazetteer entities a WORD or PHRASE node names (one of their names,
 * in any spelling or script: "rakhmon", "ОДКБ"), none for a literal node.
 * Writes up to `max` into `out` and returns how many there are. */
size_t qp_named_entities(const gazetteer *gaz, const qp_node *n, const gaz_entity **out,
                         size_t max);

/* The index term prefix of an entity type. */
const char *qp_entity_prefix(ent_type t);

/* The terms a normalized token is indexed under for ranked matching: its
 * word-form keys (morph.h) after `prefix` (PREFIX_STEM in the text,
 * PREFIX_TITLE PREFIX_STEM in the title). Calls fn(term, ctx) for each; returns 0, fn's
 * nonzero return, or -1 when memory runs out. Shared with the indexer so
 * both sides agree. */
typedef int (*qp_term_fn)(const char *term, void *ctx);
int qp_word_terms(morph *words, const char *prefix, const char *word, size_t len, qp_term_fn fn,
                  void *ctx);

#endif
