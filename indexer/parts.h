/* Where a big text is cut into parts (xap/prefix.h: PREFIX_PART_WORD): a
 * text of more than PART_SPLIT_TOKENS words keeps its word positions in
 * parts of about PART_TOKENS words each, so that a phrase compared in it
 * costs what a part's positions do, and its snippet is cut from the part
 * that matches. A part starts at a line or sentence start and repeats the
 * last PART_OVERLAP or more words of the one before, which is more than any
 * phrase or NEAR the query language allows spans: each such match lies
 * whole within some part. */
#ifndef SEEKD_INDEXER_PARTS_H
#define SEEKD_INDEXER_PARTS_H

#include <stddef.h>
#include "query/query.h"
#include "text/tokarray.h"

#define PART_SPLIT_TOKENS 32768
#define PART_TOKENS 6144
/* The longest positional match: a phrase of every term a query may have,
 * with the most slack, or a NEAR of as wide a window. */
#define PART_OVERLAP (QP_MAX_TERMS + QP_NEAR_MAX)

_Static_assert(PART_TOKENS / 2 > PART_OVERLAP + 256, "parts must be wider than their overlap");

/* Tokens [first, end) of the text. */
typedef struct part_range {
    size_t first, end;
} part_range;

/* Cuts the tokens of `t` (over `text`) into parts: *out (malloc'd) gets
 * *n ranges in text order, covering every token, each after the first
 * starting at least PART_OVERLAP tokens before its predecessor's end. A
 * text of at most PART_TOKENS tokens is one part. Returns 0, or -1 when
 * memory runs out. */
int parts_cut(const tok_array *t, const char *text, part_range **out, size_t *n);

#endif
