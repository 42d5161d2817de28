/* Names read from Russian context in extraction: the hits of runames.h
 * (names known by the words around them, names in guillemets) and ruorg.h
 * (bodies named with their owner, "МИД Казахстана") made mentions, where
 * they outweigh what the gazetteer read over the same words. Passes of
 * extract.c's pipeline; they claim their tokens. */
#ifndef SEEKD_ENTITY_RUCONTEXT_H
#define SEEKD_ENTITY_RUCONTEXT_H

#include <stddef.h>

#include "entity/gazetteer.h"
#include "entity/mention.h"
#include "entity/names.h"
#include "text/tokarray.h"

/* Names read from Russian context (runames.h). An organization in
 * guillemets, and the same words in guillemets elsewhere in the document,
 * replace the gazetteer's other reading of the word ("клуб «Астана»" is no
 * city), or of any of its words when it has several ("компания «Газпром
 * экспорт»"); several words in guillemets with no such word before them are
 * an untyped name ("«Манчестер Сити»"), never a person's; a region read from
 * its adjective is the gazetteer's when it lists it. Claims the tokens.
 * Returns 0, or -1 on no memory. */
int rucontext_add_names(const gazetteer *g, const char *text, size_t len, const tok_array *t,
                        const names_tok *nt, char **forms, unsigned char *taken,
                        const unsigned char *known, const gaz_entity *country, mentions *ms);

/* A part of a known place named by its direction ("Северного Казахстана",
 * "Западной Сибири", "Северо-Западный Китай"): a place of its own, beside
 * the place it is part of, which stays named. Claims the adjective's tokens.
 * Returns 0, or -1 on no memory. */
int rucontext_add_directions(const char *text, const tok_array *t, char **forms,
                             unsigned char *taken, mentions *ms);

/* Russian bodies named with their owner (ruorg.h), "МИД Казахстана": a
 * gazetteer name of the same words stays (the gazetteer knows the body),
 * and so is every other mention of the body in the document ("Нацбанк"
 * after "Национальный банк Республики Казахстан"); a name inside the body's
 * own words gives way to it ("ГКНБ" of "ГКНБ Таджикистана"), one running
 * across its edge keeps the words unless it is an organization holding the
 * body, and the owner stays a name of its own.
 * Claims the tokens. Returns 0, or -1 on no memory. */
int rucontext_add_bodies(const gazetteer *g, const char *text, const tok_array *t,
                         const names_tok *nt, char **forms, unsigned char *taken, mentions *ms);

#endif
