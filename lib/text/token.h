/* The tokenizer every part of seekd shares: documents, queries, snippets and
 * entity names are all cut and normalized here, so they always agree.
 * Normalization: NFKC, case folding, marks stripped (utf8proc). Tokens are
 * runs of letters and digits; an apostrophe (' or U+2019) between two of
 * them stays in the token as '. Everything else separates tokens. */
#ifndef SEEKD_TEXT_TOKEN_H
#define SEEKD_TEXT_TOKEN_H

#include <stddef.h>

/* Longer tokens are cut (at a character boundary) so that every term, with
 * its prefix, stays under Xapian's 245-byte limit. */
#define TOK_MAX_BYTES 200

typedef struct tok {
    const char *text;   /* normalized, NUL-terminated; valid during the callback only */
    size_t len;         /* bytes in text */
    size_t start, end;  /* byte span of the token in the source */
    unsigned pos;       /* 0-based token position in the source */
} tok;

/* Called once per token; a nonzero return stops the scan. */
typedef int (*tok_fn)(const tok *t, void *ctx);

/* Cuts the `len` bytes at `s` (UTF-8; bytes that are not are separators) into
 * tokens, calling `fn` for each in order. Returns the number of tokens seen,
 * or -1 when memory runs out. */
long tok_scan(const char *s, size_t len, tok_fn fn, void *ctx);

/* The normalized tokens of `s` joined by single spaces ("Dušanbe-City" ->
 * "dusanbe city"): the canonical key for names. Returns a malloc'd string
 * (caller frees; "" when there are no tokens), or NULL when memory runs out. */
char *tok_join(const char *s, size_t len);

#endif
