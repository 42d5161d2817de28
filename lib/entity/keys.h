/* The keys detected names are counted and indexed under, as a filter
 * names them: a person by given name and surname without the patronymic,
 * by initial and surname, in the nominative; an organization by its
 * owner's gazetteer key (restated.h). Every mention sharing a key follows
 * it. The last passes of extract.c's pipeline. */
#ifndef SEEKD_ENTITY_KEYS_H
#define SEEKD_ENTITY_KEYS_H

#include "entity/gazetteer.h"
#include "entity/mention.h"
#include "text/tokarray.h"

/* A Russian given name that ends as an oblique case does ("Максим",
 * "Рустам": "-им", "-ам") has that ending cut from its match form, which its
 * other cases keep ("Максимом", "Максима": "maksim"). A detected name of a
 * person written in such a case is also the name of its nominative's form
 * ("Максимом Топилиным": "maks topilin" too), which a filter naming the
 * person reads. Returns 0, or -1 on no memory. */
int keys_add_nominative_forms(const tok_array *t, char **forms, mentions *ms);

/* A detected Russian person named with a patronymic ("Валентина
 * Николаевна Шевчук", or surname first: "Лебедев Сергей Николаевич") is
 * keyed by given name and surname, as the press names them elsewhere and a
 * filter does (qp_entity_terms); the gazetteer's person when it lists that
 * name. Every mention sharing the key follows. Returns 0, or -1 on no
 * memory. */
int keys_patronymic(const gazetteer *g, const tok_array *t, char **forms, mentions *ms);

/* A detected name written with two initials and a surname ("Д. Н.
 * Мамина-Сибиряка"), or a surname and its initials as official lists write
 * it ("Лебедев С. Н."), is keyed by the first initial and the surname ("d
 * mamin sibiryak", "s lebedev"): the patronymic's initial is what a filter
 * naming the person in full cannot know (restated_initial). Every mention
 * sharing the key follows. Returns 0, or -1 on no memory. */
int keys_initials(const char *text, const tok_array *t, char **forms, mentions *ms);

/* A detected organization's name that ends with a gazetteer place or
 * organization is keyed by that owner's key (restated_key), as a filter
 * naming it is: "Института ядерной физики Академии наук Узбекистана" meets
 * "... АН Узбекистана". Else, one that ends with a state body keyed with
 * its owner ("Пограничных войск ГКНБ республики", ruorg.h) is keyed by that
 * body's key, as a filter naming it is (restated_body_key). Every mention
 * sharing the key follows. Returns 0, or -1 on no memory. */
int keys_owned(const gazetteer *g, char **forms, mentions *ms);

#endif
