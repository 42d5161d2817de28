/* tok_array: tok_scan into growable arrays. */
#include "text/tokarray.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "text/token.h"

static int keep(const tok *t, void *ctx)
{
    tok_array *a = ctx;
    tok_item *v = grow_to(a->v, &a->cap, a->n + 1, sizeof *v, 256);
    if (!v)
        return -1;
    a->v = v;
    char *arena = grow_to(a->arena, &a->acap, a->alen + t->len + 1, 1, 4096);
    if (!arena)
        return -1;
    a->arena = arena;
    memcpy(a->arena + a->alen, t->text, t->len + 1);
    a->v[a->n++] = (tok_item){ t->start, t->end, a->alen, t->len };
    a->alen += t->len + 1;
    return 0;
}

typedef struct guard {
    tok_array *a;
    int oom;
} guard;

static int keep_or_stop(const tok *t, void *ctx)
{
    guard *g = ctx;
    if (keep(t, g->a) < 0) {
        g->oom = 1;
        return 1;
    }
    return 0;
}

int tok_array_build(tok_array *a, const char *s, size_t len)
{
    memset(a, 0, sizeof *a);
    guard g = { a, 0 };
    if (tok_scan(s, len, keep_or_stop, &g) < 0 || g.oom) {
        tok_array_fini(a);
        return -1;
    }
    return 0;
}

void tok_array_fini(tok_array *a)
{
    free(a->v);
    free(a->arena);
    memset(a, 0, sizeof *a);
}
