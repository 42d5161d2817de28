/* Text from HTML pages, with libxml2's forgiving HTML parser: the visible
 * text (no tags, scripts or styles; entities decoded) and the <title>. */
#ifndef SEEKD_INDEXER_HTML_H
#define SEEKD_INDEXER_HTML_H

#include <stddef.h>

/* Extracts the text of the `len` bytes of HTML at `html` into *text (UTF-8,
 * malloc'd, *tlen bytes; block elements end lines), the trimmed title into
 * *title (malloc'd, "" when none), both without control characters, and the
 * date its metadata gives into *day (yyyymmdd, 0 when none: htmldate.h).
 * `encoding` (NULL: what the page declares, else UTF-8) reads the bytes as
 * that; *declared (when not NULL) gets the charset the page declares
 * (malloc'd; NULL when none); *article (when not NULL) the offset in *text
 * where the first <article>, <main> or <h1> begins (0 when none), below the
 * menus a dateline would otherwise sink under. Returns 0, or -1 when the
 * page cannot be parsed at all or memory runs out. */
int html_extract(const char *html, size_t len, const char *encoding, char **text, size_t *tlen,
                 char **title, int *day, char **declared, size_t *article);

#endif
