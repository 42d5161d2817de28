/* Quote marks around a name: Russian news writes «Газпром», "Газпром" or
 * „Газпром“ alike, and English news “Gazprom”. The entity passes ask of a
 * token whether a mark opens right before it and which one closes it, so
 * that a name in quotes reads the same whatever marks it wears. */
#ifndef SEEKD_ENTITY_QUOTES_H
#define SEEKD_ENTITY_QUOTES_H

#include <stdbool.h>
#include <stddef.h>

/* Kinds of quote marks: quotes_open returns 1..QUOTES_KINDS. */
#define QUOTES_KINDS 4

/* The opening mark that ends at byte `at` of `text`, no earlier than byte
 * `from` (the end of the token before): its kind (> 0), with its length in
 * *len; 0 when there is none. A typewriter's '"' opens only at the text's
 * start or after a space or a parenthesis (after a word it closes). */
int quotes_open(const char *text, size_t from, size_t at, size_t *len);

/* Whether the closing mark of kind `kind` (quotes_open) starts at byte `at`
 * of `text` (`len` bytes), no later than byte `to`: its length, or 0. */
size_t quotes_close(const char *text, size_t at, size_t to, int kind);

#endif
