/* Word lists written as one string of words separated by single spaces
 * (" city county town "): short, fixed lists of the extraction rules, kept
 * readable in the source as a sentence is. */
#ifndef SEEKD_ENTITY_WORDLIST_H
#define SEEKD_ENTITY_WORDLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* The `len` bytes at `w` are one whole word of `list`. */
bool wordlist_has(const char *list, const char *w, size_t len);

/* The `len` bytes at `w` end with a word of `list` and keep at least
 * `keep` bytes before it: `list` holds endings (" ого его ой ей "). */
bool wordlist_ends(const char *list, const char *w, size_t len, size_t keep);

/* The string `w` is one whole word of `list`. */
static inline bool wordlist_has_word(const char *list, const char *w)
{
    return wordlist_has(list, w, strlen(w));
}

#endif
