/* A Russian body of a state or organization, named by what it is and whose
 * it is: "МИД Казахстана", "Министерства обороны Республики Армения",
 * "Генпрокуратура Кыргызстана", "Комитет по чрезвычайным ситуациям при
 * Правительстве Таджикистана", "Совет министров обороны ОДКБ". The owner is a
 * gazetteer place or organization in the genitive; the body is one of a
 * fixed list of state bodies (with their abbreviations: "МИД" is
 * "Министерство иностранных дел") or an open head ("Министерство",
 * "Агентство", "Комитет", "Союз"...) with the lower-case words of its name.
 * Written without its owner ("сообщили в Министерстве обороны"), a listed
 * body is the document's country's: the owner of another body of the same
 * name in the document, else the country of its dateline (the city that
 * begins a line below the headline), else the first country it names after
 * a president, minister or government, else an owner of another body,
 * else the first country an acronym names as its owner ("ФСБ России"); with
 * none, it is left out. So is a ministry the list lacks, read up to the last
 * genitive of its name ("в Министерстве труда и социальной защиты
 * населения"), "республики" or "страны" standing for its owner. A name that
 * lists what the body does may hold commas before its last item after "и"
 * ("Министерство труда, социального обеспечения и миграции Кыргызской
 * Республики"). A government, a city hall, an akimat or a hokimiyat is one
 * in lower case too, with its owner ("правительства РФ", "мэрией Оша").
 * A mission is named by its owner and where it is ("Посольство России в
 * Узбекистане"), a body's unit by its body and region, both in lower case
 * too.
 *
 * Such a body is indexed under one key however the text writes it: the
 * match form (gazetteer.h) of its full name, then its owner's gazetteer key
 * ("ministerstv inostrann del kazakhstan" for "МИД Казахстана" and
 * "Министерство иностранных дел Республики Казахстан"), and an org filter
 * naming it reads the same key (ruorg_key). */
#ifndef SEEKD_ENTITY_RUORG_H
#define SEEKD_ENTITY_RUORG_H

#include <stdbool.h>
#include <stddef.h>

#include "entity/gazetteer.h"
#include "entity/names.h"

typedef struct ruorg_hit {
    size_t first, n;        /* tokens [first, first+n), the owner's name included */
    size_t owner;           /* the owner's first token, or first+n when the text left it out */
    const gaz_entity *of;   /* the owner */
    char *key;              /* malloc'd */
    /* A body's unit for a region ("ГУ МВД по Москве"): the region, which is
     * no country that bodies written alone would belong to; else NULL. */
    const gaz_entity *region;
    /* The gazetteer's body glued to the unit's head ("ФСБ" of "УФСБ России
     * по Омской области"), which only the unit's first token names; else
     * NULL. */
    const gaz_entity *glued;
} ruorg_hit;

/* The bodies in `toks` (n tokens of `text` as for names_find; `forms` their
 * match forms). A body starts with a capitalized word and runs through words
 * joined by single spaces. Returns the count and a malloc'd array in *out
 * (ruorg_free; NULL when 0), or -1 when memory runs out. */
long ruorg_find(const gazetteer *g, const char *text, const names_tok *toks,
                const char *const *forms, size_t n, ruorg_hit **out);
void ruorg_free(ruorg_hit *h, long n);  /* accepts NULL */

/* The match form `form` is of a word that stands for a body's owner, the
 * document's country ("республики", "страны"). */
bool ruorg_country_word(const char *form);

/* The country of the document whose bodies the text writes without their
 * owner: that of its dateline, else the first a title names, as for the
 * bodies ruorg_find reads alone; NULL when none (or memory runs out).
 * Arguments as for ruorg_find. */
const gaz_entity *ruorg_country(const gazetteer *g, const char *text, const names_tok *toks,
                                const char *const *forms, size_t n);

/* The key of the body whose name, with its owner, is all of `form` (a match
 * form: "mid kyrgyzstan"): a malloc'd string, or NULL when `form` names no
 * body of a known owner (or memory runs out). */
char *ruorg_key(const gazetteer *g, const char *form);

/* Normalized word `norm` is a form of "мэр", the mayor, which shares its
 * match form with the city hall's ("мэрия"): a title, never a body nor a
 * name of one ("мэр Москвы" is no "мэрия Москвы"). */
bool ruorg_mayor(const char *norm);

#endif
