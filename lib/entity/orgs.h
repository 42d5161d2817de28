/* Organizations in extraction past the gazetteer's list: the names inside a
 * Russian organization's name ("МИД России" names Russia), a branch
 * ("Интерфакс-Казахстан"), a body's unit named with the body ("Комитет
 * науки Министерства науки ..."), a company without its corporate words, a name
 * going on with "of" and a place ("Central Bank of Iraq"), and a town read
 * as its club in a sports story (clubs.h). Passes of extract.c's pipeline. */
#ifndef SEEKD_ENTITY_ORGS_H
#define SEEKD_ENTITY_ORGS_H

#include "entity/gazetteer.h"
#include "entity/mention.h"
#include "entity/names.h"
#include "text/tokarray.h"

/* The places and organizations named inside a Russian organization's name:
 * "МИД России" names Russia, "МПА СНГ" the CIS, "Национальный банк
 * Кыргызской Республики" Kyrgyzstan; its first word is its head, never a
 * name of its own. Russian puts them after the head, in the genitive; an
 * English name may hold a place's name as a name of its own ("Bank of
 * America"), so Latin names are left whole; so does the person it is named
 * after ("МГУ имени Ломоносова"); and so on inside the names inside
 * ("Палата представителей Национального собрания Беларуси" names the
 * National Assembly and Belarus). Added after the document's names
 * are read, as mentions of their own. Returns 0, or -1 on no memory. */
int orgs_add_inner(const gazetteer *g, const char *text, const tok_array *t, char **forms,
                   const gaz_match *outer, mentions *ms);

/* A company named in full is also named without its corporate words, each
 * cut off in turn ("Nomura Holdings Inc." is also "Nomura Holdings" and
 * "Nomura"), and that shortest name, one word written alone elsewhere in
 * the document, is the company rather than the town or the untyped word
 * read there ("Toyota Motor Corp. ... shares of Toyota"). Returns 0, or -1
 * on no memory. */
int orgs_link_companies(const char *text, const tok_array *t, char **forms, mentions *ms);

/* A Russian body's unit named before the body, in the genitive ("Комитет
 * науки | Министерства науки и высшего образования Республики Казахстан",
 * "Пограничная служба | Комитета национальной безопасности Казахстана"): the
 * two are one name too, beside each. The unit's name ends in a lower-case
 * word, the body's starts capitalized, one space between, or the unit's
 * acronym in parentheses ("Департамента внутренней безопасности (ДВБ) МВД
 * Казахстана"). Returns 0, or -1 on no memory. */
int orgs_link_units(const char *text, const tok_array *t, char **forms, mentions *ms);

/* An organization's name that goes on with "of" and a place the gazetteer
 * took ("Armed Forces | of the | Philippines", "Central Bank | of | Iraq")
 * is read whole; the place stays a mention of its own. Returns 0, or -1 on
 * no memory. */
int orgs_extend_of_place(const char *text, const tok_array *t, const names_tok *nt, char **forms,
                         mentions *ms);

/* A lone word that heads an organization's name before "of" and a place
 * the gazetteer took ("Bank | of | Russia", "University | of the |
 * Philippines") is that organization; the place stays a mention of its own,
 * as in orgs_extend_of_place. Returns 0, or -1 on no memory. */
int orgs_head_of_place(const char *text, const tok_array *t, const names_tok *nt, char **forms,
                       const unsigned char *taken, mentions *ms);

/* In a story about sport (clubs_sport_text), a town the gazetteer took is a
 * club named after it (clubs.h): before "City", "County" or "Town" that no
 * other name holds, the two words are the club ("Manchester City"); before
 * a word for its staff ("Liverpool boss") or its score ("Leeds 0"), the
 * town's every mention in the story is the club. A country stays (a
 * national team is named as its country). Returns 0, or -1 on no memory. */
int orgs_sport_clubs(const gazetteer *g, const char *text, const tok_array *t, const names_tok *nt,
                     char **forms, mentions *ms);

#endif
