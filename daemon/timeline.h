/* The month and year facets: matching documents counted per month (or
 * year) of their own date, and separately per month (or year) they
 * mention, for a timeline of when a subject was in the news. */
#ifndef SEEKD_DAEMON_TIMELINE_H
#define SEEKD_DAEMON_TIMELINE_H

#include <stddef.h>
#include "proto/jw.h"
#include "xap/xap.h"

/* Most facet specs a search's month and year facets add. */
#define TIMELINE_MAX_SPECS 3

/* Appends to specs[*n] what the PROTO_FACET_MONTH and PROTO_FACET_YEAR bits
 * of `facets` need counted, last, and returns how many it added: facets of
 * which every value is kept (xap_search.facet_keep_all). */
size_t timeline_specs(unsigned facets, xap_facet_spec *specs, size_t *n);

/* Writes the "month" and "year" members of a facets object from the counts
 * of hits->facets[first...], in the order timeline_specs added them. */
void timeline_write(jw *out, unsigned facets, const xap_hits *hits, size_t first);

#endif
