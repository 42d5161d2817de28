/* Capitalized multi-word names the gazetteer does not list ("Markus Mueller",
 * "Qasri Millat"), with a guess at their type (person, organization, place)
 * from the words around them. Leaves out single-word names, uncased scripts
 * (Arabic, Chinese), coreference and any lookup in the gazetteer itself. */
#ifndef SEEKD_ENTITY_NAMES_H
#define SEEKD_ENTITY_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* One token of the document: `norm` is its normalized form (lower case, accents
 * stripped, NUL-terminated, e.g. "mueller"); [start, end) its bytes in `text`,
 * the original UTF-8 (so the original capitalization can be read there). */
typedef struct names_tok { const char *norm; size_t start, end; } names_tok;

typedef enum names_type { NAMES_PERSON = 'p', NAMES_ORG = 'o', NAMES_PLACE = 'l', NAMES_OTHER = 'n' } names_type;

typedef struct names_mention {
    size_t first, n;     /* tokens [first, first+n) */
    names_type type;
} names_mention;

/* Finds capitalized names of 2 to 6 tokens in `toks` (n tokens of `text`, in
 * text order, not overlapping, every span inside `text`; only the bytes of
 * the spans and of the gaps between them are read). `taken[i]` nonzero marks
 * a token already claimed (by the gazetteer): a name never includes one, but
 * a taken token may serve as context (e.g. a taken "Tajikistan" before
 * "President" ...); `taken` may be NULL when nothing is taken. Mentions come
 * in text order and never overlap. Returns the number found and a malloc'd
 * array in *out (caller frees; NULL when 0), or -1 when memory runs out
 * (*out is then NULL). The rules are described at the top of names.c. */
long names_find(const char *text, const names_tok *toks, size_t n,
                const unsigned char *taken, names_mention **out);

/* The case of the first letter of text[start, end): 1 upper, -1 lower, 0 none
 * (a digit, an uncased script). */
int names_case(const char *text, size_t start, size_t end);

/* The letters of text[start, end) up to an apostrophe: -1 when one is lower
 * case, else how many are upper case ("GUAM" 4, "U" 1, "1996" 0). */
int names_caps(const char *text, size_t start, size_t end);

/* Token i-1 reads as a given name in front of token i ("MaliVai | Washington",
 * "Chelsea | Clinton"): a capitalized word, not taken, joined to token i by
 * spaces only, that no word list knows (no title, function word, modifier,
 * institution word, acronym, direction such as "Northern", nor an -ing or -ed
 * verb), and not itself inside a run of capitalized words (a title-case
 * headline: "Clinton Visits | Bosnia"). So the gazetteer's one-word place or
 * surname there is left to name detection. Arguments as for names_find. */
bool names_given_name_before(const char *text, const names_tok *toks, size_t n,
                             const unsigned char *taken, size_t i);

/* Token i+1 reads as a surname or a name's next word after token i ("Mary |
 * Robinson", "Israel | Katz", "Tokyo | Stock Exchange"): a capitalized word,
 * not taken, joined to token i by spaces only, that no word list knows and
 * that is no plural ("Kosovo | Albanians"), with token i starting a run of
 * capitalized words. So the gazetteer's one-word place there is left to name
 * detection. Arguments as for names_find. */
bool names_surname_after(const char *text, const names_tok *toks, size_t n,
                         const unsigned char *taken, size_t i);

/* A sentence or paragraph ends between tokens i and i+1 (or i is the last):
 * a line break, "!", "?", ";", a period not after an abbreviation or an
 * initial ("Mr.", "St.", "W."), or a gap of more than 16 bytes. */
bool names_sentence_end(const char *text, const names_tok *toks, size_t n, size_t i);

/* Token i stands where a person's name does: a title among the words before
 * it ("President", "Mr") or a speech verb right after it ("said"). */
bool names_person_context(const char *text, const names_tok *toks, size_t n, size_t i);

/* Token i is a word of the lists name detection reads (a function word,
 * connector, title, modifier, institution or place word, preposition,
 * speech verb, direction, a title's plural): no name on its own. */
bool names_listed(const char *text, const names_tok *toks, size_t n, size_t i);

/* Token i is a title or a title's modifier ("President", "Chief"). */
bool names_titled(const char *text, const names_tok *toks, size_t n, size_t i);

/* A title stands among the few words before token i, in its sentence
 * ("President | Tinubu", "Minister of Defence | Khan"). */
bool names_title_before(const char *text, const names_tok *toks, size_t n, size_t i);

/* Whether token i is a capitalized word that heads an organization's name
 * ("Bank", "University", "Ministry"), as in "Bank of Russia". */
bool names_org_head(const char *text, const names_tok *toks, size_t n, size_t i);

/* What follows token i, a place's last word, makes the place part of an
 * organization's name: 1 when the capitalized words after it, none taken,
 * hold an org word ("Alaska Airlines", "New York Police Department",
 * "Pakistan Peoples Party"), 2 when one plural word alone follows, as a
 * team is named ("Denver Nuggets"; the caller tells a city from a country
 * whose people these may be); else 0. */
int names_org_after(const char *text, const names_tok *toks, size_t n, const unsigned char *taken,
                    size_t i);

#endif
