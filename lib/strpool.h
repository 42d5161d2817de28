/* A string pool: many small strings that live as long as their owner, kept
 * end to end in large blocks that never move (a pointer into the pool stays
 * valid until strpool_fini), instead of one allocation each, with its
 * header and rounding. Interned strings are kept once, so equal interned
 * strings are the same pointer. Not for strings freed one by one. */
#ifndef SEEKD_STRPOOL_H
#define SEEKD_STRPOOL_H

#include <stddef.h>

#define STRPOOL_BLOCK 65536   /* bytes of a block; a string longer than a quarter of
                                 it gets a block of its own */

typedef struct strpool {
    struct strpool_block *blocks;  /* the newest first */
    size_t used, size;             /* bytes of the newest block used, and its size */
    const char **set;              /* the interned strings, open addressing */
    size_t setcap, nset;
} strpool;

void strpool_init(strpool *p);
/* Frees every string of the pool and the pool's own memory. */
void strpool_fini(strpool *p);

/* A NUL-terminated copy of the `len` bytes at s in the pool; NULL when
 * memory runs out. */
const char *strpool_add(strpool *p, const char *s, size_t len);

/* The pool's one copy of the `len` bytes at s: the string interned before
 * if there is one, else a new copy. NULL when memory runs out. */
const char *strpool_intern(strpool *p, const char *s, size_t len);

/* Frees what interning needs, once no string is to be interned any more:
 * the strings stay, and strpool_add still works; strpool_intern after it
 * no longer finds the strings interned before. */
void strpool_seal(strpool *p);

#endif
