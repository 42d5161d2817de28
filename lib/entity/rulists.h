/* Russian bodies named in a list that shares some of their words, each a
 * body of its own:
 * - one body, several owners: "МИД Таджикистана и Кыргызстана" names the
 *   foreign ministry of Kyrgyzstan too, "хокимияты Ташкентской области и
 *   Чирчика" Chirchiq's hokimiyat (the owners places in the genitive);
 * - one head in a plural case the singular never has, several things the
 *   bodies do: "министерств транспорта и сельского хозяйства Казахстана",
 *   "министерствами финансов и юстиции" (the document's country, when no
 *   owner follows); "министерства экономики и финансов Узбекистана" may be
 *   one body's name, and is left to the other readings;
 * - one head before places that share their region's word: "Правительства
 *   Омской и Новосибирской областей" (not after an adjective that says the
 *   body's kind: "железнодорожных администраций").
 * A body is added only when the gazetteer or the table of state bodies
 * (ruorg.h) knows its name with its owner. Internal to extraction. */
#ifndef SEEKD_ENTITY_RULISTS_H
#define SEEKD_ENTITY_RULISTS_H

#include "entity/gazetteer.h"
#include "entity/mention.h"
#include "text/tokarray.h"

/* Adds the bodies such lists name in the document (tokens `t` of `text`,
 * `forms` their match forms), reading the places of `ms`; `country` is the
 * document's (ruorg_country), or NULL. Returns 0, or -1 on no memory. */
int rulists_add(const gazetteer *g, const char *text, const tok_array *t, char **forms,
                const gaz_entity *country, mentions *ms);

#endif
