/* A document's mentions while extract.c reads it: each name found, in
 * token order, with its type and key, before the mentions are counted. The
 * passes that find, link and key names (persons.c, eponyms.c, keys.c,
 * orgs.c, rucontext.c, rulists.c, acronyms.c) all add to and rewrite this
 * one list.
 * Internal to extraction; extract.h is the API. */
#ifndef SEEKD_ENTITY_MENTION_H
#define SEEKD_ENTITY_MENTION_H

#include <stdbool.h>
#include <stddef.h>

#include "entity/gazetteer.h"
#include "text/tokarray.h"

/* One mention found in the document, in token order. Names the gazetteer
 * lists point at its entity; detected ones own their key and spelling. */
typedef struct mention {
    size_t first, n;
    ent_type type;
    const char *key, *name;
    char *own_key, *own_name;
} mention;

typedef struct mentions {
    mention *v;
    size_t n, cap;
} mentions;

/* Appends a mention of tokens [first, first+n), of `type`, with no key or
 * name yet; NULL on no memory. The array may move: a pointer into it from
 * before the call is stale after. */
mention *mention_add(mentions *m, size_t first, size_t n, ent_type type);

/* A detected name's key (match forms joined by spaces) and its spelling in
 * the text with runs of white space folded: tokens [first, first+n).
 * Returns 0, 1 when the key is empty (every word transliterates to
 * nothing), -1 on no memory. */
int mention_detected_key(const char *text, const tok_array *t, char **forms, size_t first,
                         size_t nt, mention *m);

/* Adds the detected name of tokens [first, first+n) as a mention of
 * `type`, keyed and spelled as the text writes it, into *out. Returns 0, 1
 * when the words give no key (nothing added, *out NULL), -1 on no memory. */
int mention_add_detected(mentions *ms, const char *text, const tok_array *t, char **forms,
                         size_t first, size_t n, ent_type type, mention **out);

/* Appends the words of tokens [a, b) to detected mention m's key and
 * spelling: words the name shares with another away from it ("Брестской [и
 * Гродненской] областях", "Шебекинского [и Грайворонского] городских
 * округов"). Returns 0, or -1 on no memory. */
int mention_append_words(const char *text, const tok_array *t, char **forms, size_t a, size_t b,
                         mention *m);

/* The match forms of tokens [a, b) joined by spaces into key (cap bytes):
 * a name's key; false when it does not fit. */
bool mention_join_forms(char **forms, size_t a, size_t b, char *key, size_t cap);

/* Key `key` ends with the whole words of key `end` ("khokimiyat tashkent
 * region" with "tashkent region"). */
bool mention_key_ends_with(const char *key, const char *end);

#endif
