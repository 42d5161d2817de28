/* seek --timeline: the month and year facets of a search drawn as bars,
 * one per month (or per year over a long span), so that one sees at a
 * glance when a subject was in the news. */
#ifndef SEEKD_CLIENT_TIMELINE_H
#define SEEKD_CLIENT_TIMELINE_H

#include <stdio.h>
#include <jansson.h>

/* Draws the "month" and "year" facets of `answer` in `width` columns: the
 * documents by their own date, then by the dates they mention. `fancy`:
 * block characters (a terminal); otherwise plain ASCII. */
void render_timeline(FILE *f, const json_t *answer, int width, int fancy);

#endif
