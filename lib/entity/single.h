/* One-word names the gazetteer does not list, in English text: companies,
 * media, parties and teams that news writes bare ("Chevron", "CNN",
 * "Petrobras"), a name and its number ("France 24", "Channel 4"), and an
 * unknown dateline town ("DHAHRAN, Saudi Arabia"). Multi-word names are
 * names.h's. */
#ifndef SEEKD_ENTITY_SINGLE_H
#define SEEKD_ENTITY_SINGLE_H

#include <stdbool.h>

#include "entity/gazetteer.h"
#include "entity/names.h"

/* The one-word names of the n tokens `toks` of `text` (as for names_find),
 * none taken (`taken` may be NULL); `g` (may be NULL) tells a people's word
 * ("Japanese", "Chileans") from a name. A word counts when it is
 * capitalized, Latin, in no word list names.h reads, not joined to other
 * capitalized words (a headline, a name names_find left out), and either
 * inside a sentence or, at its start, followed by an apposition ("Chevron,
 * its rival,"), a possessive, a speech verb, or written elsewhere inside
 * one. Mentions have 1 token, or 2 for a name and its number. Typed an
 * organization after a word such as "company", "broadcaster", "rival" or
 * before "party", a person after a title, a place in a dateline; else
 * NAMES_OTHER. Returns the count and a malloc'd array in *out (NULL when
 * none), or -1 on no memory. */
long single_find(const gazetteer *g, const char *text, const names_tok *toks, size_t n,
                 const unsigned char *taken, names_mention **out);

/* Token i is followed by its number, as a channel or a product is named
 * ("France 24", "Channel 4", "Boeing 737"): a number of 1 to 3 digits after
 * one space, that is no score, percentage, time or decimal ("2-0", "3%",
 * "10:30", "1.5"), after no month ("Oct 17"). So "France" there is no
 * country. */
bool single_numbered(const char *text, const names_tok *toks, size_t n, size_t i);

/* Token i, a name's last word, is followed by an apposition that says what
 * company or body it is: a comma, an article or a possessive, and words
 * whose last, before the next punctuation, is such a noun in lower case
 * (", the world's largest food group,", ", a French retailer,"). */
bool single_apposition_org(const char *text, const names_tok *toks, size_t n, size_t i);

/* The words around token i say it names an organization ("oil company X",
 * "shares of X", "X's board", "the X party"). */
bool single_org_context(const char *text, const names_tok *toks, size_t n, size_t i);

#endif
