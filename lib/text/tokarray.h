/* A document's tokens kept in memory: for the passes that look at tokens
 * more than once, or at their neighbours (entities, snippets). One scan, one
 * arena for the normalized strings. */
#ifndef SEEKD_TEXT_TOKARRAY_H
#define SEEKD_TEXT_TOKARRAY_H

#include <stddef.h>

typedef struct tok_item {
    size_t start, end;   /* bytes in the source */
    size_t norm;         /* offset of the normalized text in the arena */
    size_t len;          /* bytes of normalized text */
} tok_item;

typedef struct tok_array {
    tok_item *v;
    size_t n, cap;
    char *arena;
    size_t alen, acap;
} tok_array;

/* Tokenizes `len` bytes of `s` into *a (zeroed first). Returns 0, or -1 when
 * memory runs out (*a is then empty). Release with tok_array_fini. */
int tok_array_build(tok_array *a, const char *s, size_t len);
void tok_array_fini(tok_array *a);

/* The normalized text of token i (NUL-terminated, owned by the array). */
static inline const char *tok_array_norm(const tok_array *a, size_t i)
{
    return a->arena + a->v[i].norm;
}

#endif
