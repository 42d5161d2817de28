/* A name several gazetteer entities share ("Guam" the territory, "GUAM" the
 * organization; "Georgia" the country and the U.S. state; Russian "Алжир",
 * Algeria and Algiers): which one a document means, from how the name is
 * written and what else the document names. */
#ifndef SEEKD_ENTITY_SENSE_H
#define SEEKD_ENTITY_SENSE_H

#include "entity/gazetteer.h"
#include "text/tokarray.h"

/* `gm` (ng matches of gaz_match_tokens over the tokens `t` of `text`, whose
 * match forms are `forms`; those with n 0 are set aside already, and move to
 * the end, the others keeping their order): where several matches cover the
 * same words, keeps one and sets the others' n to 0. The one kept is, in this order:
 * - by case, where the text's case says something: a name in capitals among
 *   lower-case words meets the entity the file names in capitals ("the GUAM
 *   group"), and one with lower-case letters the others ("struck Guam");
 * - the entity the rest of the document supports most (gaz_entity's
 *   context): its context's names or words present (a capital's country,
 *   "Atlanta" or "governor" for the U.S. state), and places whose context
 *   names it (Tbilisi for Georgia);
 * - the one chosen where the same name is written elsewhere in the document
 *   with the case or support to tell;
 * - else the one whose canonical name it is, then the one whose name is in
 *   the others' context (Algeria, not Algiers, for a lone "Алжир"), then the
 *   first in the file.
 * Returns 0, or -1 on no memory. */
int sense_choose(const char *text, const tok_array *t, char *const *forms, gaz_match *gm, long ng);

#endif
