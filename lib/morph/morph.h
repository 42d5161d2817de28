/* Word forms: the keys under which a normalized word is indexed and searched
 * for ranked matching, so that "сессии" finds "сессия" and "councils"
 * "council". The language comes from the word's script: Latin words get
 * English (Snowball), Armenian words Armenian (Snowball), Cyrillic words
 * spelled with the Russian alphabet Russian, every other word is its own key.
 * A Russian word's keys are its lemmas in the Russian Hunspell dictionary
 * (Debian's hunspell-ru) when the dictionary knows it, its Snowball stem
 * otherwise: Snowball alone joins unrelated words ("безопасность" and
 * "безопасный"). Indexer and daemon call the same function, so both sides
 * agree. Exact phrases never go through here. */
#ifndef SEEKD_MORPH_MORPH_H
#define SEEKD_MORPH_MORPH_H

#include <stddef.h>
#include "status.h"
#include "text/token.h"

/* The Russian dictionary seekd reads (Debian's hunspell-ru). */
#define MORPH_RU_DICT "/usr/share/hunspell/ru_RU"

/* Distinct words remembered per morph before its cache starts afresh. */
#define MORPH_CACHE_WORDS 131072

typedef struct morph morph;

/* A word-form reader for one thread: its own stemmers and cache, sharing
 * the process's one copy of the Russian dictionary (loaded by the first
 * morph_new, released with the last morph_free). Returns OK and *out, or
 * NOT_FOUND (the dictionary is missing) / NOMEM / XAPIAN with a message in
 * `err`. */
seek_status morph_new(morph **out, char *err, size_t errcap);
void morph_free(morph *m);  /* accepts NULL */

/* The keys of the normalized word `w` (`len` bytes, as the tokenizer makes
 * it): *n >= 1 NUL-terminated strings one after another, sorted, no two
 * alike; owned by `m` and valid until its next call. Returns NULL when
 * memory runs out. Never more than MORPH_MAX_KEYS keys, each shorter than
 * MORPH_KEY_MAX bytes. */
#define MORPH_MAX_KEYS 4
#define MORPH_KEY_MAX (TOK_MAX_BYTES + 16)
const char *morph_keys(morph *m, const char *w, size_t len, size_t *n);

/* How many distinct words m's cache holds now: what its size follows. */
size_t morph_cached(const morph *m);

/* Whether `a` is one of the `n` keys at `keys` (as morph_keys gives them). */
int morph_has_key(const char *keys, size_t n, const char *a);

#endif
