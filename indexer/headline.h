/* A plain text's title: a headline taken from its first lines. The first
 * line that is not a masthead or credit line ("Founder Editor ...",
 * "Copyright ...", "By NAME") and holds a letter; when that line is a lead
 * paragraph rather than a headline (over HEADLINE_MAX characters), its
 * first sentence if that is short enough, else its start cut at a word
 * boundary, with "…". Pages and feed articles keep their own titles. */
#ifndef SEEKD_INDEXER_HEADLINE_H
#define SEEKD_INDEXER_HEADLINE_H

#include <stddef.h>

#define HEADLINE_MAX 110    /* characters; news headlines rarely pass 100 */
#define HEADLINE_LINES 8    /* non-empty lines looked at for one */

/* The headline of the `len` bytes at `text` (UTF-8): a malloc'd string, ""
 * for a text with no non-empty line; NULL when memory runs out. */
char *headline_of(const char *text, size_t len);

#endif
