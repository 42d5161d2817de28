/* The name shown for an entity the gazetteer does not know: one of the
 * spellings its texts use. The index keeps, beside each document's entity
 * term, the spelling that document used (prefix.h: PREFIX_SPELLING), so
 * that the index itself says which spellings its documents use, and how
 * many documents use each: removing or replacing a document removes its
 * spelling with it, and no merge or shard needs telling.
 *
 * Which spelling is shown (spelling_cmp): the one that reads most as a
 * Russian nominative (spelling_nominative), then the one most documents
 * use, then the shortest, then the first in byte order. A name of other
 * languages reads as neither, so the most used spelling is shown. */
#ifndef SEEKD_ENTITY_SPELLING_H
#define SEEKD_ENTITY_SPELLING_H

#include <stddef.h>

/* How much the `len` bytes of `name` read as a Russian nominative: the
 * number of its words ending as only a nominative does less the number
 * ending as only another case does. Words are judged by their last letters
 * alone, no dictionary: "-ый", "-ий", "-ая", "-ое", "-ие", "-о", "-ь", a
 * consonant... count for it ("Уфимский", "управление", "центр"); "-ого",
 * "-ому", "-ым", "-ом", "-ах", "-ами", "-е", "-у", "-ю"... against it
 * ("Уфимского", "округе", "Приморскому"); "-ой", "-ей", "-а", "-я", "-ы",
 * "-и", which a nominative and other cases share, count for neither. Only
 * lowercase Cyrillic endings count, and only in words of three letters or
 * more: capitals (acronyms, "МЧС"), prepositions ("по") and other scripts
 * count for neither. Words every spelling of a name shares ("по Приморскому
 * краю") count alike for all of them, so among the spellings of one name
 * the nominative ("Кувандыкский городской округ": 2) scores highest
 * ("Кувандыкского городского округа": -2, "Кувандыкском городском округе":
 * -3). */
int spelling_nominative(const char *name, size_t len);

/* Negative when spelling `a`, which `na` documents use, is the one to show
 * rather than `b` (`nb` documents), positive when `b` is; 0 only when they
 * are the same spelling. */
int spelling_cmp(const char *a, unsigned long na, const char *b, unsigned long nb);

/* The index term that records that a document spells the entity under
 * `entity_term` (its prefix and key) as `name`: PREFIX_SPELLING, the
 * entity term, a tab, then the name with each run of white space made one
 * space. With `name` "", the start every spelling term of that entity
 * shares. Written into `out` (`cap` bytes); its length, or 0 when it
 * would be longer than SPELLING_TERM_MAX (such a spelling is not kept). */
#define SPELLING_TERM_MAX 240
size_t spelling_term(const char *entity_term, const char *name, char *out, size_t cap);

#endif
