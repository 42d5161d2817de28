/* Acronyms in extraction: a Russian one in capitals that no name took is an
 * organization (ruabbr.h), and one the document spells out ("Federal
 * Communications Commission (FCC)", "Азиатского банка развития ... АБР")
 * is its long name too. Passes of extract.c's pipeline over the document's
 * mentions (mention.h). */
#ifndef SEEKD_ENTITY_ACRONYMS_H
#define SEEKD_ENTITY_ACRONYMS_H

#include "entity/gazetteer.h"
#include "entity/mention.h"
#include "entity/names.h"
#include "text/tokarray.h"

/* An acronym defined in parentheses after a long name ("Federal
 * Communications Commission (FCC)", "Petróleos de Venezuela (PDVSA)") is
 * that organization wherever the document writes it: each of its mentions
 * in capitals names the long name too, with its type, and whatever else
 * read the acronym (a one-word name, the gazetteer's other entity) gives
 * way. The long name is the mention that covers exactly its words, or a
 * new one (an organization when it starts or ends with one). Returns 0, or -1 on no
 * memory. */
int acronyms_link(const char *text, const tok_array *t, char **forms, mentions *ms);

/* Acronyms in capitals in Russian text that no name took (ruabbr.h):
 * organizations. Claims the tokens. Returns 0, or -1 on no memory. */
int acronyms_add(const char *text, const tok_array *t, const names_tok *nt, char **forms,
                 unsigned char *taken, mentions *ms);

/* A Russian acronym the document spells out elsewhere, with or without
 * parentheses ("Азиатского банка развития ... АБР"), is that organization
 * too: each of its mentions also names the long name's organization. Only
 * acronyms read as organizations here (not the gazetteer's, which knows
 * them) and long names of two words or more; a long name no other name
 * holds, right before the acronym in parentheses, is an organization
 * ("Азиатской конфедерации футбола (АФК)"). One that spells the name of
 * a country of the document is that country (acronym_country). Returns 0,
 * or -1 on no memory. */
int acronyms_link_ru(const gazetteer *g, const char *text, const tok_array *t, const names_tok *nt,
                     char **forms, mentions *ms);

#endif
