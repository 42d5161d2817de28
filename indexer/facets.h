/* A document's facet slots (prefix.h): its most-mentioned entities of each
 * kind and the years and months it mentions most, one value per slot. */
#ifndef SEEKD_INDEXER_FACETS_H
#define SEEKD_INDEXER_FACETS_H

#include "entity/dates.h"
#include "entity/extract.h"
#include "xap/xap.h"

typedef struct year_counts {
    unsigned n[DATE_YEAR_MAX - DATE_YEAR_MIN + 1];   /* date terms per year */
    unsigned months[(DATE_YEAR_MAX - DATE_YEAR_MIN + 1) * 12];   /* per month */
} year_counts;

/* Counts a date term if it is a year or month term (PREFIX_YEAR, PREFIX_MONTH). */
void year_counts_add(year_counts *y, const char *term);

/* Sets the facet slots of `doc`. Statuses: OK, NOMEM, XAPIAN. */
seek_status facets_set(xap_doc *doc, const extraction *x, const year_counts *years);

#endif
