#include "idmap.h"

#include <stdlib.h>
#include <string.h>

#include "fnv.h"

static idmap_slot *find(idmap_slot *slots, size_t cap, const char *key)
{
    size_t i = (size_t)fnv1a64(key, strlen(key)) & (cap - 1);
    while (slots[i].key && strcmp(slots[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

/* Keeps the map at most half full, so probe runs stay short. */
static int grow(idmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    idmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *find(slots, cap, m->slots[i].key) = m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

int idmap_put(idmap *m, const char *key, unsigned value, unsigned *old)
{
    if ((m->n + 1) * 2 > m->cap && grow(m) < 0)
        return -1;
    idmap_slot *s = find(m->slots, m->cap, key);
    if (s->key) {
        *old = s->value;
        s->value = value;
        return 1;
    }
    if (!(s->key = strdup(key)))
        return -1;
    s->value = value;
    m->n++;
    return 0;
}

void idmap_fini(idmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    memset(m, 0, sizeof *m);
}
