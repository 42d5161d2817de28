/* Printing the answers that monitoring and administrators read: health
 * (one verdict line, then the problems) and the sources part of stats. */
#ifndef SEEKD_CLIENT_HEALTH_H
#define SEEKD_CLIENT_HEALTH_H

#include <stdio.h>
#include <jansson.h>

enum { HEALTH_OK = 0, HEALTH_DEGRADED = 1, HEALTH_UNREADABLE = 2 };

/* The exit status a health answer calls for: HEALTH_OK, HEALTH_DEGRADED or
 * HEALTH_UNREADABLE (also for a status this client does not know). */
int health_verdict(const json_t *answer);

/* Prints a health answer: the verdict, what is known of the index, and each
 * problem on a line of its own. */
void render_health(FILE *f, const json_t *answer);

/* The "sources" of a stats answer, one folder a line with its document
 * count and last run; nothing when there are none. */
void render_sources(FILE *f, const json_t *answer);

#endif
