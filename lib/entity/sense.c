/* Choosing among entities that share a name (sense.h). Support is counted
 * once per document and entity, from the matches that are not shared, so a
 * long document costs one pass per distinct shared entity: one point per
 * context name or word of the candidate present, one per entity of its type
 * whose context names the candidate (Hagatna for Guam the place, not GUAM). Places that merely share a country say nothing
 * (Washington, in the news of Georgia the country). */
#include "entity/sense.h"

#include <stdlib.h>
#include <string.h>

#include "entity/names.h"

/* How many words apart, on the same line, a neighbour that shows the text's
 * case may be. */
#define CASE_REACH 3

typedef struct doc {
    const char *text;
    const tok_array *t;
    char *const *forms;
    const gaz_match *gm;
    long ng;
    const gaz_entity **ev;   /* distinct entities of unshared matches */
    size_t nev;
    unsigned char *inside;   /* tokens of shared names: no context there */
    const gaz_entity **memo; /* candidates whose support is counted */
    int *score;
    size_t nmemo;
} doc;

static int in_context(const gaz_entity *e, const char *key)
{
    for (size_t i = 0; i < e->ncontext; i++)
        if (!strcmp(e->context[i], key))
            return 1;
    return 0;
}

/* The words of match form `key` stand somewhere in the document, outside the
 * shared names ("San Marino" is no context for the city of San Marino). */
static int words_in(const doc *d, const char *key)
{
    for (size_t i = 0; i < d->t->n; i++) {
        const char *k = key;
        for (size_t j = i; j < d->t->n && !d->inside[j]; j++) {
            size_t w = strcspn(k, " ");
            if (strlen(d->forms[j]) != w || strncmp(d->forms[j], k, w))
                break;
            k += w;
            if (!*k)
                return 1;
            k++;
        }
    }
    return 0;
}

static int support(doc *d, const gaz_entity *c)
{
    for (size_t i = 0; i < d->nmemo; i++)
        if (d->memo[i] == c)
            return d->score[i];
    int score = 0;
    for (size_t k = 0; k < c->ncontext; k++) {
        int found = 0;
        for (size_t m = 0; m < d->nev && !found; m++)
            found = !strcmp(d->ev[m]->key, c->context[k]);
        score += found || words_in(d, c->context[k]);
    }
    for (size_t m = 0; m < d->nev; m++)
        score += d->ev[m] != c && d->ev[m]->type == c->type && in_context(d->ev[m], c->key);
    d->memo[d->nmemo] = c;
    d->score[d->nmemo++] = score;
    return score;
}

/* Whether a word with lower-case letters stands within CASE_REACH words of
 * token i, on its side `dir`, on the same line. */
static int lower_near(const doc *d, size_t i, int dir)
{
    const tok_array *t = d->t;
    for (int step = 0; step < CASE_REACH; step++) {
        if (dir < 0 ? i == 0 : i + 1 >= t->n)
            return 0;
        size_t j = dir < 0 ? i - 1 : i + 1;
        size_t from = dir < 0 ? t->v[j].end : t->v[i].end, to = dir < 0 ? t->v[i].start : t->v[j].start;
        if (memchr(d->text + from, '\n', to - from))
            return 0;
        int c = names_caps(d->text, t->v[j].start, t->v[j].end);
        if (c < 0)
            return 1;
        if (c > 0)
            return 0;   /* a word in capitals: a headline or dateline */
        i = j;
    }
    return 0;
}

/* What the case of the words [first, first + n) says: 1 in capitals among
 * lower case, -1 with lower-case letters, 0 nothing (a headline). */
static int written(const doc *d, size_t first, size_t n)
{
    int upper = 0;
    for (size_t i = first; i < first + n; i++) {
        int c = names_caps(d->text, d->t->v[i].start, d->t->v[i].end);
        if (c < 0)
            return -1;
        upper += c;
    }
    return upper >= 2 && lower_near(d, first, -1) && lower_near(d, first + n - 1, 1);
}

/* The match form of words [first, first + n) is `key`. */
static int spells(const doc *d, size_t first, size_t n, const char *key)
{
    for (size_t i = first; i < first + n; i++) {
        size_t w = strlen(d->forms[i]);
        if (strncmp(key, d->forms[i], w) || (key[w] != ' ' && key[w] != '\0'))
            return 0;
        key += w + (key[w] == ' ');
    }
    return !*key;
}

/* Decides the group gm[a, b) by case and support: the index kept, or -1. */
static long decide(doc *d, long a, long b)
{
    const gaz_match *gm = d->gm;
    int want = written(d, gm[a].first, gm[a].n), any_caps = 0, any_lower = 0;
    for (long i = a; i < b; i++) {
        any_caps |= gm[i].caps;
        any_lower |= !gm[i].caps;
    }
    int by_case = want && any_caps && any_lower;
    long best = -1;
    int best_score = -1, tie = 0;
    for (long i = a; i < b; i++) {
        if (by_case && gm[i].caps != (want > 0))
            continue;
        int s = support(d, gm[i].ent);
        if (s > best_score)
            best = i, best_score = s, tie = 0;
        else if (s == best_score)
            tie = 1;
    }
    return tie ? -1 : best;
}

/* The default: the entity whose canonical name the words are, then the one
 * the others' context names (the country of a capital), then the first. */
static long fallback(const doc *d, long a, long b)
{
    const gaz_match *gm = d->gm;
    for (long i = a; i < b; i++)
        if (spells(d, gm[i].first, gm[i].n, gm[i].ent->key))
            return i;
    for (long i = a; i < b; i++)
        for (long j = a; j < b; j++)
            if (j != i && in_context(gm[j].ent, gm[i].ent->key))
                return i;
    return a;
}

/* The same shared name, the same entities: groups [a, b) and [c, c + b - a). */
static int same_group(const gaz_match *gm, long a, long b, long c)
{
    for (long i = 0; i < b - a; i++)
        if (gm[a + i].ent != gm[c + i].ent)
            return 0;
    return 1;
}

static int by_ptr(const void *x, const void *y)
{
    const gaz_entity *const *p = x, *const *q = y;
    return *p < *q ? -1 : *p > *q;
}

int sense_choose(const char *text, const tok_array *t, char *const *forms, gaz_match *gm, long ng)
{
    /* Group ends: matches of one name at one place are adjacent. */
    long *end = malloc(((size_t)ng + 1) * sizeof *end), *kept = NULL;
    doc d = { text, t, forms, gm, ng, NULL, 0, NULL, NULL, NULL, 0 };
    int rc = -1, shared = 0;
    if (!end)
        return -1;
    /* Matches set aside already (n 0) are no candidates: move them last. */
    long live = 0;
    for (long i = 0; i < ng; i++)
        if (gm[i].n) {
            gaz_match m = gm[i];
            memmove(gm + live + 1, gm + live, (size_t)(i - live) * sizeof *gm);
            gm[live++] = m;
        }
    ng = live;
    d.ng = ng;
    for (long i = ng - 1; i >= 0; i--) {
        end[i] = i + 1 < ng && gm[i + 1].first == gm[i].first ? end[i + 1] : i + 1;
        shared |= end[i] - i > 1;
    }
    if (!shared) {
        free(end);
        return 0;
    }
    d.ev = malloc(((size_t)ng + 1) * sizeof *d.ev);
    d.memo = malloc(((size_t)ng + 1) * sizeof *d.memo);
    d.score = malloc(((size_t)ng + 1) * sizeof *d.score);
    kept = malloc(((size_t)ng + 1) * sizeof *kept);
    d.inside = calloc(t->n + 1, 1);
    if (!d.ev || !d.memo || !d.score || !kept || !d.inside)
        goto out;
    for (long i = 0; i < ng; i = end[i])
        if (end[i] - i > 1)
            memset(d.inside + gm[i].first, 1, gm[i].n);
    for (long i = 0; i < ng; i = end[i])
        if (end[i] - i == 1)
            d.ev[d.nev++] = gm[i].ent;
    if (d.nev)
        qsort(d.ev, d.nev, sizeof *d.ev, by_ptr);
    size_t u = 0;
    for (size_t i = 0; i < d.nev; i++)
        if (!u || d.ev[u - 1] != d.ev[i])
            d.ev[u++] = d.ev[i];
    d.nev = u;
    for (long i = 0; i < ng; i = end[i])
        kept[i] = end[i] - i > 1 ? decide(&d, i, end[i]) : i;
    /* Undecided groups take what a decided one of the same name chose, else
     * the default; coded below -1 until all have looked. */
    for (long i = 0; i < ng; i = end[i]) {
        if (kept[i] != -1)
            continue;
        long k = -1;
        for (long j = 0; j < ng && k < 0; j = end[j])
            if (kept[j] >= 0 && end[j] - j > 1 && end[j] - j == end[i] - i && same_group(gm, i, end[i], j))
                k = i + (kept[j] - j);
        kept[i] = -2 - (k >= 0 ? k : fallback(&d, i, end[i]));
    }
    for (long i = 0; i < ng; i = end[i])
        if (kept[i] < -1)
            kept[i] = -2 - kept[i];
    for (long i = 0; i < ng; i = end[i])
        for (long j = i; j < end[i]; j++)
            if (j != kept[i])
                gm[j].n = 0;
    rc = 0;
out:
    free(end);
    free(kept);
    free(d.ev);
    free(d.memo);
    free(d.score);
    free(d.inside);
    return rc;
}
