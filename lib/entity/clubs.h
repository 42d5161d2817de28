/* Sports clubs named after their town, in English news: "Manchester City",
 * "Stoke City", "Liverpool boss Arne Slot". Where a story is about sport, a
 * town's name before a club word or a club's staff names the club, not the
 * town. The gazetteer lists the town; orgs.c retypes its mentions. */
#ifndef SEEKD_ENTITY_CLUBS_H
#define SEEKD_ENTITY_CLUBS_H

#include <stdbool.h>
#include <stddef.h>

#include "entity/names.h"

/* The n tokens of a document are about sport: at least two different words
 * of a sports list ("league", "striker", "goalkeeper", "season", ...) are
 * among them. */
bool clubs_sport_text(const names_tok *toks, size_t n);

/* Token i+1 is a capitalized word that ends a club's name after its town,
 * but also a town's own ("City", "County", "Town"), joined to token i by
 * one space: "Manchester | City". Only sport makes it a club's. */
bool clubs_word_after(const char *text, const names_tok *toks, size_t n, size_t i);

/* Token i, a town's name, is followed by a word for a club's staff or
 * players, in lower case after one space ("Liverpool boss", "Barcelona
 * coach", "Chelsea's striker"): in a sports story, the club's name. */
bool clubs_staff_after(const char *text, const names_tok *toks, size_t n, size_t i);

/* Token i, a town's name, is followed by a score: one space and a number of
 * one or two digits, alone or before a hyphen and another ("Leeds 0
 * Liverpool 2", "beat Chelsea 2-0"): in a sports story, the club's name. */
bool clubs_score_after(const char *text, const names_tok *toks, size_t n, size_t i);

#endif
