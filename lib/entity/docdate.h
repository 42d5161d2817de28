/* A document's own date, from what the document says: a feed's date, a
 * page's metadata, a dateline or date header near the top of the text, a
 * line holding only a date, a date in its path. Leaves out relative dates
 * ("yesterday"), slash dates whose order of day and month is ambiguous, and
 * times of day (a date with a time or zone keeps the day written). */
#ifndef SEEKD_ENTITY_DOCDATE_H
#define SEEKD_ENTITY_DOCDATE_H

#include <stddef.h>
#include "entity/dates.h"

/* Where a document's date came from, surest first. */
typedef enum date_source {
    DATE_SRC_NONE = 0,   /* undated */
    DATE_SRC_FEED,       /* a feed article's "date" */
    DATE_SRC_META,       /* HTML metadata: published time, JSON-LD, <time datetime> */
    DATE_SRC_DATELINE,   /* the text: a dateline, a date header, a line holding only a date */
    DATE_SRC_PATH,       /* the file's path (or a feed article's url): 2018/05/14/... */
    DATE_SRC_MTIME,      /* the file's mtime, only when asked for (seekd-index --date-fallback) */
} date_source;

/* "feed", "meta", "dateline", "path", "mtime"; "" for DATE_SRC_NONE. */
const char *date_source_name(date_source s);
/* The source named `name`, or DATE_SRC_NONE. */
date_source date_source_parse(const char *name);

/* A date as metadata writes it: ISO 8601 with or without a time and zone
 * ("2019-06-11", "2019-06-11T09:42:00+03:00", "20190611"), RFC 2822 ("Tue,
 * 11 Jun 2019 09:42:00 +0300"), or any full date dates.h reads ("June 11,
 * 2019", "11 июня 2019 г."); slash dates only when the order is plain
 * ("2019/06/11", "25/11/2020"). Returns yyyymmdd, or 0. */
int docdate_value(const char *s, size_t len);

/* The date a text gives itself: the first, in the order of its lines, of a
 * dateline ("DUSHANBE, 22 March 2000 –", "MINSK, Nov 30 (Reuters) -",
 * "Москва, 30 ноября 2017 года.", "Dushanbe, 03.02.2021 —"), a date header
 * ("Date: ...", "Posted: 2019-06-11 09:42", "Published March 2, 2023",
 * "Опубликовано: ...") or a line holding only a date (a weekday, a time and a
 * zone allowed), among its first DOCDATE_TOP_LINES non-empty lines, or as
 * many from byte `top` (where a page's article begins, below its menus); or
 * else a line holding only a full date anywhere (press releases sign at the
 * end). Returns yyyymmdd, a month-day mmdd (below 10000) for a date written
 * without a year near the top, or 0. A range gives its first day. */
int docdate_text(const char *text, size_t len, size_t top);
#define DOCDATE_TOP_LINES 12

/* A date in a path or url: "2018/05/14/slug", "news/2020-11-25-title",
 * "20201125_title"; the last one wins (the deepest folder). Returns
 * yyyymmdd, or 0. */
int docdate_path(const char *path);

/* The year a month-day written without one most likely has, from a text
 * and its mentions (dates_find_near with anchor 0): a mention of the same
 * month and day with a year, else the year it names most (a day counts 3, a
 * month 2, a year or a bare four-digit number 1; ties to the later).
 * Returns the year, or 0. */
int docdate_guess_year(int mmdd, const char *text, size_t len, const date_mention *m, size_t n);

/* Everything a document offers for its date. */
typedef struct docdate_in {
    int feed_day;                 /* a feed article's date, or 0 */
    int meta_day;                 /* the page's metadata date, or 0 */
    const char *text;             /* the decoded text */
    size_t len;
    size_t top;                   /* where its article begins (docdate_text) */
    const date_mention *mentions; /* the text's mentions, yearless ones with year 0 */
    size_t nmentions;
    const char *path;             /* the document id, or NULL */
    const char *url;              /* a feed article's url, or NULL */
    int mtime_day;                /* the file's mtime day when it may date it, else 0 */
} docdate_in;

/* Picks the document's date in the order of date_source; a yearless
 * dateline takes its year from the path, else the mtime (when allowed),
 * else docdate_guess_year. *day is yyyymmdd, or 0 (undated, DATE_SRC_NONE). */
date_source docdate_pick(const docdate_in *in, int *day);

#endif
