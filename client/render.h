/* Printing answers for people: hits with highlighted snippets and facets,
 * entity cards and lists, stats. */
#ifndef SEEKD_CLIENT_RENDER_H
#define SEEKD_CLIENT_RENDER_H

#include <stdio.h>
#include <jansson.h>

/* Prints a search answer. `color`: ANSI highlights; otherwise matches are
 * [bracketed]. `ids_only`: one id per line and nothing else. */
void render_hits(FILE *f, const json_t *answer, int color, int ids_only);
/* "N matching documents", or "at least N matching documents" when the
 * daemon stopped counting (total_exact false: --exact-total counts all). */
void render_count(FILE *f, const json_t *answer);
/* The answer's warnings (how the query was read) and, for a relaxed
 * answer, the line saying no document has every word. */
void render_notes(FILE *f, const json_t *answer);
void render_stats(FILE *f, const json_t *answer);
/* An entity card, or a line saying the name is unknown. */
void render_entity(FILE *f, const json_t *answer, int color);
/* A list of entities with their document counts. */
void render_entities(FILE *f, const json_t *answer);

/* An explain answer: the query as read, its terms with their weights, and
 * the named document's score term by term. */
void render_explain(FILE *f, const json_t *answer);

#endif
