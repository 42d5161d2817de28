/* The corpus folders an index holds documents of ("sources"), kept in the
 * index's metadata (META_SOURCES) as JSON: each folder's absolute path, a
 * short key its documents carry (PREFIX_SOURCE, SLOT_SOURCE) and the summary
 * of the last run that indexed it. Pure bookkeeping: no Xapian here. */
#ifndef SEEKD_INDEXER_SOURCES_H
#define SEEKD_INDEXER_SOURCES_H

#include <stddef.h>

#include "status.h"

#define SOURCES_KEY_LEN 16   /* hex digits of a folder's key */

typedef struct source {
    char *folder;                    /* absolute, as sources_canonical made it */
    char key[SOURCES_KEY_LEN + 1];   /* sources_key(folder) */
    char *last_run;                  /* JSON object text, or NULL before any run */
} source;

typedef struct sources {
    source *v;
    size_t n, cap;
} sources;

/* The key of `folder`: 16 hex digits of its FNV-1a hash, stable across runs
 * and versions (it is stored in every document). */
void sources_key(const char *folder, char key[SOURCES_KEY_LEN + 1]);

/* The absolute path of `path`: realpath() when it exists, else the path
 * made absolute and cleaned of ".", ".." and repeated slashes (a folder that
 * is gone can still be named). Returns 0, or -1 with errno (ERANGE: too long). */
int sources_canonical(const char *path, char *out, size_t cap);

/* Reads the JSON that sources_dump wrote ("" or NULL: no sources). Returns
 * OK, or INVALID or NOMEM with the reason in err (s is left empty). */
seek_status sources_parse(sources *s, const char *json, char *err, size_t cap);

/* The JSON for META_SOURCES (malloc'd), or NULL when memory runs out. */
char *sources_dump(const sources *s);

/* The index of the source whose folder is `folder` (absolute) or whose key
 * is `key` (either may be NULL), or -1. */
long sources_find(const sources *s, const char *folder, const char *key);

/* Adds `folder` (absolute) unless it is there; returns its index, or -1
 * when memory runs out. */
long sources_add(sources *s, const char *folder);

/* Sets the last-run summary of source i (a JSON object's text, copied).
 * Returns 0, or -1 when memory runs out. */
int sources_set_run(sources *s, size_t i, const char *json);

/* Removes source i, keeping the others' order. */
void sources_remove(sources *s, size_t i);

void sources_fini(sources *s);

#endif
