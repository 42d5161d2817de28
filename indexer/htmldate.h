/* A page's date from its metadata: Open Graph's article:published_time,
 * <meta name="date"> and its common variants, JSON-LD datePublished, and a
 * <time datetime> in the article, in that order. Modified times are left
 * out: they say when a page changed, not when it was news. */
#ifndef SEEKD_INDEXER_HTMLDATE_H
#define SEEKD_INDEXER_HTMLDATE_H

#include <libxml/tree.h>

/* The page's date as yyyymmdd, or 0 when its metadata names none. */
int htmldate_find(const xmlNode *root);

#endif
