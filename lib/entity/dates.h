/* Dates in English and Russian news text, normalized to calendar spans so
 * that documents can be indexed and filtered by date (date:2015-09).
 * Leaves out times of day, relative dates ("yesterday", "last week"),
 * two-digit years and day-first slash dates ("09/04/2025"), whose order of
 * day and month is ambiguous. */
#ifndef SEEKD_ENTITY_DATES_H
#define SEEKD_ENTITY_DATES_H

#include <stddef.h>
#include <sys/types.h>

/* A calendar span: a single day, a month, a year, or a range of those.
 * lo/hi are days encoded as y*10000+m*100+d (e.g. 20171130); a month
 * mention 2015-09 is lo=20150901 hi=20150930; a year 2012 is lo=20120101
 * hi=20121231. */
typedef struct date_span { int lo, hi; } date_span;

/* The ends a filter gets for an open side ("..2015", "2010.."). */
#define DATE_OPEN_LO 101        /* 0000-01-01 */
#define DATE_OPEN_HI 99991231   /* 9999-12-31 */

typedef struct date_mention {
    size_t start, end;   /* byte span of the mention in the text */
    date_span span;
    int precision;       /* 'd' day, 'm' month, 'y' year: of the coarsest end */
} date_mention;

/* Years in text outside these are not taken. */
enum { DATE_YEAR_MIN = 1900, DATE_YEAR_MAX = 2100 };

/* Finds the date mentions in `text` (UTF-8, any case; invalid bytes are
 * treated as separators), in order of appearance, never overlapping (the
 * longest match wins). Years in text must lie in 1900..2100. `default_year`
 * is the year given to dates written without one ("November 30",
 * "14-15 September"); 0 means such dates are skipped. A well-formed but
 * impossible date ("31.02.2020") is skipped whole, not reported in part.
 * On success returns the number found and sets *out to a malloc'd array the
 * caller frees (NULL when 0); returns -1 (and *out = NULL) if memory runs
 * out. */
ssize_t dates_find(const char *text, size_t len, int default_year, date_mention **out);

/* The same, but a date written without a year takes the year that puts it
 * nearest to `anchor` (a yyyymmdd day: in a text of 2019-12-20, "10
 * February" is 2020-02-10 and "5 October" 2019-10-05). With `anchor` 0 such
 * dates are kept with year 0: span.lo and span.hi are then mmdd alone
 * (1130), below any real day. */
ssize_t dates_find_near(const char *text, size_t len, int anchor, date_mention **out);

/* Gives the yearless mentions of `m` (year 0, from dates_find_near with
 * anchor 0) the year nearest to `anchor`, dropping those that have none
 * (29 February); with `anchor` 0 they stay as they are. Returns the number
 * kept, in order, at the start of `m`. */
size_t dates_resolve(date_mention *m, size_t n, int anchor);

/* Matches one date starting exactly at `text` (the longest form, a range
 * joined), as dates_find_near with anchor 0 would report it. Returns the
 * bytes it spans and fills *m, or returns 0 (no date, or an impossible one). */
size_t dates_match(const char *text, size_t len, date_mention *m);

/* The day of month-day `mmdd` (1130) in the year that puts it nearest to
 * day `anchor` (ties go to the earlier); 0 when there is none (0229 and no
 * leap year near). */
int date_nearest(int mmdd, int anchor);

/* Parses a query-side date filter: "2012", "2015-09", "2004-12-02",
 * "2010..2015", "2015-09..2016-02", "2004-12-02..2005", or with one side
 * open: "..2015", "2010.." (that side becomes DATE_OPEN_LO/DATE_OPEN_HI).
 * Years are exactly 4 digits (0001-9999), months and days exactly 2; no
 * white space. Returns 0 and fills *span, or returns -1, leaves *span alone
 * and sets *err_off to the byte offset of the first bad character (`len`
 * when the input ends too early). Impossible dates (2020-02-30, month 13)
 * point at their day or month; lo > hi points at the start of the upper
 * side. */
int date_parse_filter(const char *s, size_t len, date_span *span, size_t *err_off);

/* Days in month m (1-12) of year y, leap years counted. */
int date_days_in_month(int y, int m);

/* Writes the ISO form of a day (20171130 -> "2017-11-30") into buf, NUL
 * terminated; a value outside 0..99991231 is written as "0000-00-00". */
void date_iso(int day, char buf[11]);

#endif
