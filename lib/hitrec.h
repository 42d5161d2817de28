/* The hit record: everything a search hit shows but its snippet, in one value
 * slot (SLOT_HIT), "id\0title\0yyyymmdd\0entities\0url\0date_source", so a
 * hit costs one value read, not one per field or a document fetch. An
 * undated document's date and date_source are "". */
#ifndef SEEKD_HITREC_H
#define SEEKD_HITREC_H

#include <stddef.h>

typedef struct hitrec {
    const char *id, *title, *date, *entities, *url, *date_source;   /* NUL-terminated */
} hitrec;

/* Writes the record into a malloc'd buffer (*out, *len); NULL fields are
 * empty, and NULs inside a field end it. Returns 0, or -1 when memory runs
 * out. */
int hitrec_build(const hitrec *fields, char **out, size_t *len);

/* Points the fields into `rec` (`len` bytes followed by a NUL, as the shim
 * hands values over); missing trailing fields are "". */
void hitrec_parse(const char *rec, size_t len, hitrec *out);

/* The entities field: one line per entity a document names,
 * "type\tkey\tname\tmentions\n" (key: the match form of the entity term). */
typedef struct hitrec_entity {
    const char *type, *key, *name;    /* not NUL-terminated: see the lengths */
    size_t type_len, key_len, name_len;
    unsigned long mentions;
} hitrec_entity;

/* Appends one entity to the list *list (malloc'd, NUL-terminated, *len
 * bytes long in *cap; start from NULL, 0, 0). A tab or newline inside a
 * field is written as a space, so it cannot shift the fields. Returns 0, or
 * -1 when memory runs out (the list stays valid). */
int hitrec_entity_add(char **list, size_t *len, size_t *cap, const char *type, const char *key,
                      const char *name, unsigned mentions);

/* Reads the entity at *p (within an entities field) into *e and moves *p
 * past it. Returns 1, or 0 at the end; a line lacking a field is skipped. */
int hitrec_entity_next(const char **p, hitrec_entity *e);

#endif
