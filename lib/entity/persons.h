/* People named in part in extraction: by initials and surname ("А.
 * Касымалиев"), by a surname alone once the document names them in full,
 * and detected Russian names that hold more than the person (an owner in
 * the genitive, a verb, a town) cut down to the person. Passes of
 * extract.c's pipeline over the document's mentions (mention.h). */
#ifndef SEEKD_ENTITY_PERSONS_H
#define SEEKD_ENTITY_PERSONS_H

#include "entity/gazetteer.h"
#include "entity/mention.h"
#include "entity/names.h"
#include "text/tokarray.h"

/* Within a document a surname alone is the person named in full anywhere in
 * it ("Hillary Clinton ... Mrs Clinton", a headline's "Washington beats ..."
 * before "MaliVai Washington"): a capitalized word not inside a longer name,
 * whether free or matched by the gazetteer as a one-word name of something
 * else. An untyped full name whose surname stands alone after a title or
 * before "said" is a person's. When two names of the document end in the same
 * word, that word is left as it was. */
int persons_link_surnames(const char *text, const tok_array *t, const names_tok *nt, char **forms,
                          mentions *ms);

/* A person's initials and surname ("А. Касымалиев", "A.G. Lukashenko"): the
 * gazetteer's one person whose full name ends in that surname and starts
 * with that letter. Claims the tokens. Returns 0, or -1 on no memory. */
int persons_add_initials(const gazetteer *g, const char *text, const tok_array *t, char **forms,
                         unsigned char *taken, mentions *ms);

/* A detected Russian name of three words or more whose first word is the
 * surname of a person the document names in full is two: "Помощник Алиева
 * Хикмет Гаджиев" is Aliyev's aide Khikmet Gadzhiev (the genitive names
 * whose aide), and so is one whose first words are an owner in the genitive
 * before a name in the nominative (owner_before_name). The first words are
 * left for surname linking. Returns 0, or -1 on no memory. */
int persons_drop_genitive_surnames(const char *text, const tok_array *t, char **forms,
                                   mentions *ms);

/* A detected Russian name of three words or more that a verb or people by
 * their role start, at a sentence's start, is the rest: "Выступила
 * Валентина Николаевна Шевчук", a person's name when a patronymic says so;
 * one of two words that people by their role start is none ("Пограничники
 * Гродненской", "Жители Подмосковья"). Returns 0, or -1 on no memory. */
int persons_drop_leading_words(const char *text, const tok_array *t, char **forms, mentions *ms);

/* A detected Russian name of three or four words after a town's word is
 * the town and a person: "аким города Байконыр Жанибек Абишев", "из поселка
 * Комсомольский Сергей Бадмаевич Манджиев", "примара села Копчак Дмитрия
 * Чебана". The name becomes the person's (given name, perhaps a
 * patronymic, surname), the town a place of its own. Returns 0, or -1 on no
 * memory. */
int persons_split_town_and_person(const char *text, const tok_array *t, char **forms, mentions *ms);

#endif
