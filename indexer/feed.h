/* JSON Lines feeds: one article per line, {"id","title","date","url","text"}.
 * A bad line is reported with its number and skipped; the rest still count.
 * A line that is not UTF-8 is read by the rules of text/charset.h on its
 * own, so a feed that gathers sources in several encodings keeps them all. */
#ifndef SEEKD_INDEXER_FEED_H
#define SEEKD_INDEXER_FEED_H

#include <stddef.h>

typedef struct feed_article {
    const char *id;      /* required, non-empty */
    const char *title;   /* may be NULL */
    const char *url;     /* may be NULL */
    int day;             /* the "date" field as yyyymmdd, 0 when absent */
    const char *text;    /* required */
    size_t text_len;
    size_t line;         /* 1-based line number in the feed */
    const char *encoding; /* the line's own encoding when it is not UTF-8, else NULL */
} feed_article;

/* Called per good article; a nonzero return stops the walk and is returned. */
typedef int (*feed_fn)(const feed_article *a, void *ctx);
/* Called per bad line with a reason. */
typedef void (*feed_bad_fn)(size_t line, const char *why, void *ctx);

/* Walks the `len` bytes of a feed. Returns 0, or what `fn` returned. */
int feed_each(const char *bytes, size_t len, feed_fn fn, feed_bad_fn bad, void *ctx);

#endif
