/* The gazetteer: known people, organizations and places with their aliases
 * (data/gazetteer.tsv, format in docs/gazetteer.md), and the matcher that
 * finds them in a token stream, longest alias first. Names are compared in
 * "match form": normalized tokens, Cyrillic ones transliterated to Latin. */
#ifndef SEEKD_ENTITY_GAZETTEER_H
#define SEEKD_ENTITY_GAZETTEER_H

#include <stdbool.h>
#include <stddef.h>
#include "status.h"
#include "text/tokarray.h"

typedef enum ent_type { ENT_PERSON, ENT_ORG, ENT_PLACE, ENT_NAME, ENT_NTYPES } ent_type;

/* "person", "org", "place", "name". */
const char *ent_type_name(ent_type t);
/* Parses a type word; returns 0, or -1 if `s` names no type. */
int ent_type_parse(const char *s, ent_type *out);

/* An entity's strings and lists belong to its gazetteer. */
typedef struct gaz_entity {
    ent_type type;
    const char *name;     /* canonical name as written in the file */
    const char *key;      /* canonical name in match form: the index term's suffix */
    const char **aliases; /* aliases as written */
    size_t naliases;
    /* Match forms of the names and words that, in the same document, say a
     * name this entity shares with another means this one (the file's
     * optional fourth field: a place's country, "Atlanta", "governor"). */
    const char **context;
    size_t ncontext;
} gaz_entity;

typedef struct gazetteer gazetteer;

/* Loads the gazetteer at `path`. Returns OK and *out (free with gaz_free), or
 * NOT_FOUND / IO / INVALID / NOMEM with a message naming the file and line in
 * `err`. */
seek_status gaz_load(const char *path, gazetteer **out, char *err, size_t errcap);
void gaz_free(gazetteer *g);  /* accepts NULL */

size_t gaz_count(const gazetteer *g);
const gaz_entity *gaz_at(const gazetteer *g, size_t i);

/* Writes the match form of `len` bytes of text (any case, any script) into a
 * malloc'd string ("Эмомали  Рахмон!" -> "emomali rakhmon"); NULL on no
 * memory. */
char *gaz_match_form(const char *text, size_t len);
/* As gaz_match_form, but a name of one short word keeps its last vowel
 * whatever its case, as in capitals (rustem_short): "ска" as "СКА". A name
 * typed alone in a filter is an acronym more often than an inflected form,
 * and a word in capitals meets the one-word names so read ("УФА", "Уфа"). */
char *gaz_short_name_form(const char *text, size_t len);
/* The length of a normalized Latin token without a possessive "'s" or "’s"
 * ("russia's" -> 6): the tokenizer keeps it inside the word, and a name is
 * the same with it, in text, in the file and in queries. */
size_t gaz_possessive_len(const char *norm, size_t len);
/* How many leading bytes of token i's match form a name's key leaves out
 * as a number's mark or ending (tokens of `text` in `t`, the name from
 * token `first` to before `end`): (size_t)-1, all of them, for "№", "N" or
 * "No" before a number ("№ 1", "N 1", "No. 1") and an ordinal's ending
 * after its number ("98-я", "98-й", "5-го"); 2, the "no" of a "№1" written
 * as one word; else 0. A name is the same however its number is written,
 * in text and in filters. */
size_t gaz_number_affix_len(const char *text, const tok_array *t, size_t first, size_t i,
                            size_t end);

/* The match form of one normalized token, into buf; returns its length, or
 * the length needed when it does not fit (like snprintf). `caps`: the token
 * is written in capitals (names_caps >= 2), which keeps a short acronym's
 * last vowel (rustem_short). */
size_t gaz_token_form(const char *norm, size_t len, bool caps, char *buf, size_t cap);

/* The entities one of whose names (canonical or alias) has match form `key`,
 * of type `type` or of any type when type == ENT_NTYPES; when the name is
 * some of them's canonical name, only those (the country "Georgia", not the
 * U.S. state that shares the name). Writes up to `max` into `out` and returns
 * how many there are. */
size_t gaz_lookup(const gazetteer *g, const char *key, ent_type type,
                  const gaz_entity **out, size_t max);

/* The entity of `type` whose canonical key is `key`, or NULL. */
const gaz_entity *gaz_find(const gazetteer *g, ent_type type, const char *key);

/* The person one of whose names of two or more words ends in `surname` and
 * starts with a word that begins with `initial` (both match forms: "a" and
 * "kasymaliev" for "А. Касымалиев"; an empty `initial` starts any word);
 * NULL when none, or several. */
const gaz_entity *gaz_person_by_initial(const gazetteer *g, const char *initial,
                                        const char *surname);

typedef struct gaz_match {
    size_t first, n;          /* tokens [first, first + n) */
    const gaz_entity *ent;
    /* Matched only through a Cyrillic name cut to its stem ("Анда" as
     * "and"): a meeting for Cyrillic text, never for Latin. */
    unsigned char cut;
    /* The name as the file writes it is in capitals ("GUAM", the org, where
     * the place is "Guam"): text in capitals among lower case meets it. */
    unsigned char caps;
} gaz_match;

/* Finds gazetteer names in `toks` (n tokens in match form), longest first,
 * never overlapping, in order; a name several entities share gives one
 * match per entity, in the order of the file, for the caller to choose. Returns the count and a malloc'd array in
 * *out (caller frees; NULL when 0), or -1 when memory runs out. */
long gaz_match_tokens(const gazetteer *g, const char *const *toks, size_t n,
                      gaz_match **out);

#endif
