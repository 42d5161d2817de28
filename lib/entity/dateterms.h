/* Dates as index terms. A mention is indexed at its own precision and every
 * coarser one (a day adds its D, M and Y terms; a month its M and Y), so a
 * date filter becomes an OR of the fewest terms that cover its range: whole
 * years as Y terms, whole months as M terms, the rest as D terms. A filter
 * matches the mentions that fall inside it ("2015" does not match
 * date:2015-09, "14 September 2015" does). */
#ifndef SEEKD_ENTITY_DATETERMS_H
#define SEEKD_ENTITY_DATETERMS_H

#include "entity/dates.h"

/* Called with each term; a nonzero return stops and is returned. */
typedef int (*dateterm_fn)(const char *term, void *ctx);

/* The terms for one mention of precision 'd', 'm' or 'y'. */
int dateterms_mention(const date_span *span, int precision, dateterm_fn fn, void *ctx);

/* The terms for a mention without a year (span.lo and span.hi mmdd): one
 * PREFIX_MONTHDAY term per day, at most a month's worth. */
int dateterms_monthday(const date_span *span, dateterm_fn fn, void *ctx);

/* The terms whose union finds every mention inside `span` (clamped to the
 * years in which mentions are read, 1900..2100). */
int dateterms_range(const date_span *span, dateterm_fn fn, void *ctx);

#endif
