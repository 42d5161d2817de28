/* Acronyms in Russian text. An acronym in capitals that the gazetteer does
 * not list ("СКА", "АБР", "NASA") is, in running Russian text, most often an
 * organization: places are few and the gazetteer has them ("США", "РФ",
 * "КНР"). Left out: the common nouns the press abbreviates ("ГЭС", "ВВП",
 * "СМИ", "IT"), legal forms ("ООО"), Roman numerals, a word joined by a
 * hyphen to a number or word ("ГЭС-1", "CASA-1000", "IT-парк": a facility,
 * project or model), and capitals among capitals (a headline, a dateline).
 * Its long name is the document's name whose words' initials spell it,
 * conjunctions and prepositions aside ("Азиатский банк развития" is "АБР",
 * "Всемирная организация здравоохранения" "ВОЗ"), or the country of the
 * document whose name's initials spell it ("РК", "Республика Казахстан"). */
#ifndef SEEKD_ENTITY_RUABBR_H
#define SEEKD_ENTITY_RUABBR_H

#include <stdbool.h>
#include <stddef.h>

#include "entity/names.h"

/* Token i of `toks` (n tokens of `text`, as for names_find) is such an
 * acronym: 2 to 6 letters, all capitals, no digit, and a lower-case
 * Cyrillic word its nearest neighbour on its line on one side at least,
 * with no word in capitals next to it. */
bool ruabbr_org(const char *text, const names_tok *toks, size_t n, size_t i);

/* The initials of the Cyrillic words toks[first, first+nw) (as for
 * names_find), less "и", "по", "при" and other short joiners, spell the
 * acronym `acr` (a normalized token, lower case: "абр"). */
bool ruabbr_spells(const char *acr, const names_tok *toks, size_t first, size_t nw);

/* The same for a name as written ("Республика Казахстан" spells "рк"). */
bool ruabbr_spells_name(const char *acr, const char *name);

#endif
