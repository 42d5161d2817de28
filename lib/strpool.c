/* The string pool: blocks of STRPOOL_BLOCK bytes, filled end to end, and a
 * table of interned strings (linear probing, load at most one half) that
 * strpool_seal frees once its owner has finished loading. */
#include "strpool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fnv.h"

struct strpool_block {
    struct strpool_block *next;
    char bytes[];
};

void strpool_init(strpool *p)
{
    memset(p, 0, sizeof *p);
}

void strpool_fini(strpool *p)
{
    while (p->blocks) {
        struct strpool_block *b = p->blocks;
        p->blocks = b->next;
        free(b);
    }
    strpool_seal(p);
    memset(p, 0, sizeof *p);
}

const char *strpool_add(strpool *p, const char *s, size_t len)
{
    if (len >= SIZE_MAX - sizeof(struct strpool_block) - 1)
        return NULL;
    if (!p->blocks || p->size - p->used < len + 1) {
        /* A string longer than a quarter of a block gets a block of its
         * own, behind the newest, which stays the one being filled. */
        int alone = len + 1 > STRPOOL_BLOCK / 4;
        size_t size = alone ? len + 1 : STRPOOL_BLOCK;
        struct strpool_block *b = malloc(sizeof *b + size);
        if (!b)
            return NULL;
        if (alone && p->blocks) {
            b->next = p->blocks->next;
            p->blocks->next = b;
        } else {
            b->next = p->blocks;
            p->blocks = b;
            p->used = alone ? size : 0;
            p->size = size;
        }
        if (alone) {
            memcpy(b->bytes, s, len);
            b->bytes[len] = '\0';
            return b->bytes;
        }
    }
    char *d = p->blocks->bytes + p->used;
    memcpy(d, s, len);
    d[len] = '\0';
    p->used += len + 1;
    return d;
}

/* Where the `len` bytes at s are in the set, or the empty slot they would
 * take. */
static const char **set_slot(const char **set, size_t cap, const char *s, size_t len)
{
    size_t i = (size_t)fnv1a64(s, len) & (cap - 1);
    while (set[i] && (strnlen(set[i], len + 1) != len || memcmp(set[i], s, len) != 0))
        i = (i + 1) & (cap - 1);
    return &set[i];
}

static int set_grow(strpool *p)
{
    size_t cap = p->setcap ? p->setcap * 2 : 1024;
    const char **set = calloc(cap, sizeof *set);
    if (!set)
        return -1;
    for (size_t i = 0; i < p->setcap; i++)
        if (p->set[i])
            *set_slot(set, cap, p->set[i], strlen(p->set[i])) = p->set[i];
    free(p->set);
    p->set = set;
    p->setcap = cap;
    return 0;
}

const char *strpool_intern(strpool *p, const char *s, size_t len)
{
    if ((p->nset + 1) * 2 > p->setcap && set_grow(p) < 0)
        return NULL;
    const char **slot = set_slot(p->set, p->setcap, s, len);
    if (!*slot) {
        if (!(*slot = strpool_add(p, s, len)))
            return NULL;
        p->nset++;
    }
    return *slot;
}

void strpool_seal(strpool *p)
{
    free(p->set);
    p->set = NULL;
    p->setcap = p->nset = 0;
}
