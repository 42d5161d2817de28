/* Printing answers for people: hits with highlighted snippets, stats. */
#ifndef SEEKD_CLIENT_RENDER_H
#define SEEKD_CLIENT_RENDER_H

#include <stdio.h>
#include <jansson.h>

/* Prints a search answer. `color`: ANSI highlights; otherwise matches are
 * [bracketed]. `ids_only`: one id per line and nothing else. */
void render_hits(FILE *f, const json_t *answer, int color, int ids_only);
void render_stats(FILE *f, const json_t *answer);

#endif
