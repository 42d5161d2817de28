/* Eponyms in extraction: the person an institution is named after
 * ("университет имени Баумана", "имени Д. Н. Мамина-Сибиряка"), and the
 * institution's name with its eponym in full. Passes of extract.c's
 * pipeline, run after every other name is read. */
#ifndef SEEKD_ENTITY_EPONYMS_H
#define SEEKD_ENTITY_EPONYMS_H

#include "entity/gazetteer.h"
#include "entity/mention.h"
#include "text/tokarray.h"

/* A surname after "имени" alone ("университет имени Баумана", "имени
 * Королева"): the gazetteer's one person whose full name ends in it, named
 * where the gazetteer lists the surname with the full name only, since
 * others bear it too. Read after every other name, as a mention of its own
 * beside the institution's. Returns 0, or -1 on no memory. */
int eponyms_add(const gazetteer *g, const char *text, const tok_array *t, char **forms,
                mentions *ms);

/* A gazetteer organization named after someone ("Ташкентский
 * государственный технический университет имени Ислама Каримова"): the
 * whole name is an organization too, as an analyst may write it in full,
 * beside the gazetteer's. Read after every other name. Returns 0, or -1 on
 * no memory. */
int eponyms_add_named_in_full(const char *text, const tok_array *t, char **forms, mentions *ms);

#endif
