/* A gazetteer name restated: the name of an organization written with more
 * or other words than the gazetteer holds, as an analyst types a full
 * official name. Its owner, a place or organization that ends it, may be
 * written another way ("Министерство иностранных дел России" for the name
 * "... Российской Федерации", "Следственный комитет РФ" for "... России"),
 * or be said where the gazetteer leaves it out ("Федеральная служба войск
 * национальной гвардии России" for the name "... гвардии" of an entity
 * whose other names say Russia); an eponym may be said where the
 * gazetteer leaves it out ("Московский государственный университет имени
 * М. В. Ломоносова" for "Московский государственный университет", whose
 * other names say Lomonosov); a company may be named with its legal forms
 * ("ПАО «Газпром»"). */
#ifndef SEEKD_ENTITY_RESTATED_H
#define SEEKD_ENTITY_RESTATED_H

#include <stddef.h>

#include "entity/gazetteer.h"

/* The organizations (of `type`, ENT_ORG or ENT_NTYPES) that match form `key`
 * names as above, when no name of the gazetteer is `key` itself. Writes up
 * to `max` into `out` and returns how many it wrote (0 also when memory
 * runs out). */
size_t restated_lookup(const gazetteer *g, const char *key, ent_type type,
                       const gaz_entity **out, size_t max);

/* The entities of `type` match form `key` names: those the gazetteer
 * names so, else those it names as restated (restated_lookup). Writes up to
 * `max` into `out` and returns how many it wrote. */
size_t restated_named(const gazetteer *g, const char *key, ent_type type,
                      const gaz_entity **out, size_t max);

/* The key of an organization's name the gazetteer lacks, however its owner
 * and eponym are written: compound abbreviations spelled out ("облисполком"
 * as "областной исполнительный комитет"), the eponym after "имени" by its
 * last word only
 * ("имени М. В. Ломоносова" as "имени Ломоносова"), and last words that name
 * a gazetteer place or organization, its owner, by the owner's key
 * ("institut yadern fizik akademi nauk uzbekistan" for "Институт ядерной
 * физики Академии наук Узбекистана" and "... АН Узбекистана" alike, when the
 * gazetteer knows the academy; the longest such last words, a place before
 * an organization of the same name). A malloc'd string, or NULL when `form`
 * needs neither, the gazetteer holds `form` itself, or memory runs out. */
char *restated_key(const gazetteer *g, const char *form);

/* The key of an organization's name that ends with a state body and its
 * owner (ruorg.h), by that body's key: "pogranichn voisk gosudarstvenn
 * komitet natsionaln bezopasnost tajikistan" for "Пограничные войска ГКНБ
 * Таджикистана", as a document that writes the body so that only the table
 * of state bodies knows it ("ГКНБ республики") keys it (keys_owned). The
 * longest such last words. A malloc'd string, or NULL when none (or memory
 * runs out). */
char *restated_body_key(const gazetteer *g, const char *form);

/* A person's name with a patronymic between given name and surname
 * ("valentin nikolaevn shevchuk", "Валентина Николаевна Шевчук" in match
 * form) without it: a malloc'd "valentin shevchuk", as documents key such a
 * name; NULL when `form` is no such name or memory runs out. */
char *restated_person(const char *form);

/* A person's name as written with the initial of the given name and the
 * surname ("d mamin sibiryak" for "dmitri mamin sibiryak", "Дмитрий
 * Мамин-Сибиряк" in match form, and for "d n mamin sibiryak", whose second
 * initial documents leave out of the key): a malloc'd string, or NULL when
 * `form` is no given name and surname or memory runs out. */
char *restated_initial(const char *form);

/* The gazetteer's person a name written with initials and a surname names
 * ("s v lavrov", "С. В. Лавров" in match form, is Sergei Lavrov): the one
 * person whose given name begins with the first initial; NULL when `form`
 * starts with no initial, or no person or several are so named. */
const gaz_entity *restated_person_by_initials(const gazetteer *g, const char *form);

#endif
