/* Tests of a token that several extraction passes share: a Russian word's
 * case ending, genitive or patronymic, an initial, a hyphen after the word,
 * "имени" before it. A test only one pass reads stays static in its file. */
#ifndef SEEKD_ENTITY_SHAPE_H
#define SEEKD_ENTITY_SHAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "entity/gazetteer.h"
#include "text/tokarray.h"

/* Token i, a Russian word, has a case ending of its own ("Азербайджана",
 * "Москве"; not "Сель", whose soft sign no other case keeps). */
bool shape_case_ending(const tok_array *t, size_t i);

/* Token i, a Russian word, ends as a name in the genitive singular does
 * ("Азербайджана", "Грузии", "Москвы"; not "Азим"). */
bool shape_genitive(const tok_array *t, size_t i);

/* Token i, a Russian word, ends as an adjective does, in any case
 * ("Государственный", "Российского"). */
bool shape_adjective(const tok_array *t, size_t i);

/* Token i is a Russian patronymic ("Сергеевич", "Ивановны"). */
bool shape_patronymic(const tok_array *t, size_t i);

/* Code points in the `len` bytes of UTF-8 `s`. */
size_t shape_utf8_letters(const char *s, size_t len);

/* The words at token i follow "имени" ("named after"), perhaps past
 * initials ("имени Г. И. Будкера"): they name a person an institution is
 * named after, never a place ("музей имени Пушкина" is no Pushkino). */
bool shape_named_after(const tok_array *t, size_t i);

/* Token i goes on through a hyphen ("Мамина-Сибиряка"): the surname is a
 * compound, no gazetteer person's by its first part. */
bool shape_hyphen_next(const char *text, const tok_array *t, size_t i);

/* Token i is an initial: one letter, capitalized, then a period. */
bool shape_initial(const char *text, const tok_array *t, size_t i);

/* Gazetteer match g, one Russian word met only through its stem, is by a
 * word whose ending none of the name's cases has (rustem_declines_to):
 * "Село" is no case of "Селая", "Приволжский" none of "Приволжск".
 * `forms` holds the match forms of the tokens of `t`. */
bool shape_other_declension(const tok_array *t, char **forms, const gaz_match *g);
/* The same for entity e met by normalized word `w` (`wlen` bytes) of match
 * form `form`, where no gaz_match is at hand. */
bool shape_word_other_declension(const gaz_entity *e, const char *form, const char *w,
                                 size_t wlen);

#endif
