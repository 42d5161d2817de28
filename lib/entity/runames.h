/* Russian names that name detection (names.h: two or more capitalized
 * words) leaves out, read from the words around them:
 * - a one-word name after a geographic word ("реке Вахш", "месторождения
 *   Тенгиз") is a place, and so is every one-word name in a list with a
 *   known place ("из Мозыря, Речицы и Жлобина");
 * - a name in guillemets after an organization word ("клуб «Астана»") is an
 *   organization, even when the gazetteer knows the word as a place; one
 *   with no such word before it is reported untyped (NAMES_OTHER), for the
 *   caller to read as the document's other mentions in guillemets;
 * - a capitalized adjective before a region word is a region ("в Ошской
 *   области"), and so is every one of a list that shares one ("в Брестской
 *   и Гродненской областях": the Brest region too), even where the gazetteer
 *   read a city in the adjective ("Актюбинской области": the caller drops
 *   the city), and an adjective alone whose region word its sentence gave
 *   before ("Минская область, на втором месте — Гродненская");
 * - one of a pair "от A до B" or "между A и B" is a place when the other is
 *   a known one, or after a route's or border's word ("пункт пропуска
 *   между Баграташеном и Садахло");
 * - in sport news (two different sport words in the document: "матч",
 *   "тренер", "чемпионат"...) a name in guillemets is a team, an
 *   organization, but after a competition's or venue's word ("турнир
 *   «Кубок Кремля»");
 * - the agency of the dateline, the first line below the headline that
 *   starts with a known place in capitals: the capitalized words between
 *   slashes or parentheses or after a dash ("БАКУ, 20 августа /Trend/.",
 *   "БИШКЕК, 5 марта — Sputnik.") is an organization;
 * - a Latin name after a Russian organization word ("компании Google") is
 *   an organization, and so is a capitalized word ending in "-надзор", a
 *   supervisory service ("Россельхознадзора", "Гостехнадзор"), or one made
 *   of the stems of a place and of what a body does ("Метровагонмаша",
 *   "Татнефти", "Авиалесоохраны");
 * - an institution is an organization: capitalized adjectives before its
 *   head noun ("Большого театра", "Уральского государственного
 *   медицинского университета", even where the gazetteer read a city in
 *   the adjective), or its head capitalized ("Институтом ядерной физики"),
 *   then the genitive words of its name, "по" and what it does, "имени"
 *   and whose name it bears (pushed with and without it), and its owner: a
 *   known place, a region (pushed as a place too: "Прокуратура
 *   Забайкальского края"), an acronym (pushed as an organization too when
 *   no name took it) or a known organization in the genitive. */
#ifndef SEEKD_ENTITY_RUNAMES_H
#define SEEKD_ENTITY_RUNAMES_H

#include <stddef.h>
#include "entity/names.h"

typedef struct runames_hit {
    size_t first, n;   /* tokens [first, first+n) */
    /* Words that end the name away from it, tokens [head, head+head_n): a
     * region word, perhaps after its kind ("городских округов"); head is
     * (size_t)-1 when there are none. */
    size_t head, head_n;
    names_type type;   /* NAMES_PLACE, NAMES_ORG, or NAMES_OTHER (in guillemets) */
} runames_hit;

/* Finds such names in `toks` (n tokens of the `len` bytes of `text`, as for
 * names_find; the bytes before the first token and after the last are read
 * too).
 * `taken[i]` marks a token of a gazetteer name and `known[i]` says what
 * kind: RUNAMES_KNOWN_PLACE, RUNAMES_KNOWN_ORG, or 0 for another or none
 * (both may be NULL). A hit never holds a taken token, but
 * an organization in guillemets may be one word the gazetteer took (the
 * caller replaces its match). Returns the count and a malloc'd array in *out
 * (caller frees; NULL when 0), or -1 when memory runs out. */
enum { RUNAMES_KNOWN_PLACE = 1, RUNAMES_KNOWN_ORG = 2 };
long runames_find(const char *text, size_t len, const names_tok *toks, size_t n,
                  const unsigned char *taken, const unsigned char *known, runames_hit **out);

#endif
