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

#endif
