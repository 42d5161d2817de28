/* Russian bodies named in a list that shares some of their words
 * (rulists.h). */
#include "entity/rulists.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "entity/names.h"
#include "entity/restated.h"
#include "entity/ruorg.h"
#include "entity/rustem.h"
#include "entity/shape.h"
#include "entity/wordlist.h"

enum {
    MAX_FORM = 512,  /* bytes of a body's match form or spelling */
    MAX_ITEM = 4,    /* words of one item of a list */
    MAX_ITEMS = 6,   /* items of a list */
};

/* A match form or spelling built word by word; `full` once one did not fit. */
typedef struct words {
    char s[MAX_FORM];
    size_t len;
    bool full;
} words;

static void put(words *w, const char *src, size_t len)
{
    if (w->full || w->len + len + 2 > sizeof w->s) {
        w->full = true;
        return;
    }
    if (w->len)
        w->s[w->len++] = ' ';
    memcpy(w->s + w->len, src, len);
    w->s[w->len += len] = '\0';
}

/* The match forms of tokens [a, e). */
static void put_forms(words *w, char *const *forms, size_t a, size_t e)
{
    for (size_t i = a; i < e; i++)
        if (*forms[i])
            put(w, forms[i], strlen(forms[i]));
}

/* What the list readers share for one document: its tokens, their match
 * forms, its mentions, and an index of them by first token (the readers
 * look up places at every token; bodies they add are organizations and
 * leave the places' index as it is). */
typedef struct doc {
    const gazetteer *g;
    const char *text;
    const tok_array *t;
    char **forms;
    mentions *ms;
    size_t *places;   /* indexes into ms->v of its places, by first token */
    size_t nplaces;
    bool *org_from;   /* per token: an organization's mention starts there */
} doc;

/* A list's items, each tokens [first, end). */
typedef struct list {
    size_t first[MAX_ITEMS], end[MAX_ITEMS], n;
    bool closed;  /* its last item came after "и" */
} list;

static bool lower(const doc *d, size_t i)
{
    return names_case(d->text, d->t->v[i].start, d->t->v[i].end) < 0;
}

/* Tokens i and i+1 are joined by `gap` exactly. */
static bool gap_is(const doc *d, size_t i, const char *gap)
{
    size_t len = strlen(gap);
    return i + 1 < d->t->n && d->t->v[i + 1].start - d->t->v[i].end == len
           && !memcmp(d->text + d->t->v[i].end, gap, len);
}

/* Token i is "и" between spaces. */
static bool and_at(const doc *d, size_t i)
{
    return i > 0 && i + 1 < d->t->n && !strcmp(tok_array_norm(d->t, i), "и") && gap_is(d, i - 1, " ")
           && gap_is(d, i, " ");
}

/* The text of tokens [a, e), as written. */
static void put_text(words *w, const doc *d, size_t a, size_t e)
{
    if (a < e)
        put(w, d->text + d->t->v[a].start, d->t->v[e - 1].end - d->t->v[a].start);
}

static int by_first(const void *a, const void *b, void *arg)
{
    const mentions *ms = arg;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    size_t fx = ms->v[x].first, fy = ms->v[y].first;
    return fx != fy ? (fx > fy) - (fx < fy) : (x > y) - (x < y);
}

/* The place mention of d that starts at token `first` and, when `end` is
 * no (size_t)-1, ends at `end`; the longest; NULL when none. */
static const mention *place_at(const doc *d, size_t first, size_t end)
{
    size_t lo = 0, hi = d->nplaces;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->ms->v[d->places[mid]].first < first)
            lo = mid + 1;
        else
            hi = mid;
    }
    const mention *best = NULL;
    for (; lo < d->nplaces && d->ms->v[d->places[lo]].first == first; lo++) {
        const mention *m = &d->ms->v[d->places[lo]];
        if ((end == (size_t)-1 || m->first + m->n == end) && (!best || m->n > best->n))
            best = m;
    }
    return best;
}

/* The owner ending at token `end` of the organization that starts at
 * `first`: a place mention after its first word; its first token, or
 * (size_t)-1. */
static size_t owner_ending(const doc *d, size_t first, size_t end)
{
    for (size_t a = first + 1; a < end; a++)
        if (place_at(d, a, end))
            return a;
    return (size_t)-1;
}

/* An item of a list that starts at token a: its end, or a when none. */
typedef size_t item_fn(const doc *d, size_t a);

/* A place. */
static size_t place_item(const doc *d, size_t a)
{
    const mention *p = place_at(d, a, (size_t)-1);
    return p ? a + p->n : a;
}

/* A place in the genitive, an owner. */
static size_t owner_item(const doc *d, size_t a)
{
    size_t e = place_item(d, a);
    return e > a && shape_genitive(d->t, e - 1) ? e : a;
}

/* Lower-case words joined by spaces (or a hyphen), no "и". */
static size_t words_item(const doc *d, size_t a)
{
    size_t e = a;
    for (size_t words = 0; e < d->t->n && words < MAX_ITEM && lower(d, e)
                           && strcmp(tok_array_norm(d->t, e), "и");
         words++) {
        while (e + 1 < d->t->n && gap_is(d, e, "-") && lower(d, e + 1))
            e++;
        if (!gap_is(d, e, " ") || e + 1 >= d->t->n || !strcmp(tok_array_norm(d->t, e + 1), "и")
            || !lower(d, e + 1))
            return e + 1;
        e++;
    }
    return e;
}

/* Adds to l the items `item` reads after an item that ends at token `end`:
 * each after a comma, the last after "и". */
static void read_list(const doc *d, size_t end, item_fn *item, list *l)
{
    while (l->n < MAX_ITEMS && end < d->t->n) {
        bool last = and_at(d, end);
        if (!last && !gap_is(d, end - 1, ", "))
            return;
        size_t a = last ? end + 1 : end, e = item(d, a);
        if (e == a)
            return;
        l->first[l->n] = a;
        l->end[l->n++] = end = e;
        if (last) {
            l->closed = true;
            return;
        }
    }
}

/* A list whose first item `item` reads right after token h and a space,
 * up to its last item after "и"; false when there is none. */
static bool list_after(const doc *d, size_t h, item_fn *item, list *l)
{
    *l = (list){ .n = 0 };
    size_t e = gap_is(d, h, " ") ? item(d, h + 1) : h + 1;
    if (e == h + 1)
        return false;
    l->first[0] = h + 1;
    l->end[l->n++] = e;
    read_list(d, e, item, l);
    return l->closed;
}

/* The body the match form `form` names, when the gazetteer (*e) or the
 * table of state bodies (*own, malloc'd key) knows it. */
static bool body_named(const gazetteer *g, const char *form, const gaz_entity **e, char **own)
{
    const gaz_entity *found[2];
    size_t n = restated_named(g, form, ENT_ORG, found, 2);
    *e = n == 1 ? found[0] : NULL;
    *own = n == 0 ? ruorg_key(g, form) : NULL;
    return *e || *own;
}

/* Adds the body `form` names, if known, as a mention of tokens [first,
 * end) spelt `name`. Returns 0, or -1 on no memory. */
static int add_body(doc *d, const words *form, const words *name, size_t first, size_t end)
{
    const gaz_entity *e;
    char *own;
    if (form->full || name->full || !body_named(d->g, form->s, &e, &own))
        return 0;
    char *spelt = e ? NULL : strdup(name->s);
    mention *m = e || spelt ? mention_add(d->ms, first, end - first, ENT_ORG) : NULL;
    if (!m) {
        free(own);
        free(spelt);
        return -1;
    }
    m->key = e ? e->key : (m->own_key = own);
    m->name = e ? e->name : (m->own_name = spelt);
    d->org_from[first] = true;
    return 0;
}

/* The owners after organization m that ends with one ("МИД Таджикистана |
 * и Кыргызстана", "России, Казахстана и Беларуси"): each the body with its
 * owner, when known. Returns 0, or -1 on no memory. */
static int shared_body(doc *d, mention m)
{
    size_t end = m.first + m.n, o = owner_ending(d, m.first, end);
    /* Or, a body named by one word, its owner is a place's mention of its
     * own right after it, the end of its key ("хокимияты | Ташкентской
     * области"). */
    const mention *own = o == (size_t)-1 && m.n == 1 ? place_at(d, end, (size_t)-1) : NULL;
    if (own && mention_key_ends_with(m.key, own->key)) {
        o = end;
        end = own->first + own->n;
    }
    if (o == (size_t)-1 || !shape_genitive(d->t, end - 1))
        return 0;
    list l = { .n = 0 };
    read_list(d, end, owner_item, &l);
    for (size_t k = 0; k < l.n; k++) {
        words form = { .len = 0 }, name = { .len = 0 };
        put_forms(&form, d->forms, m.first, o);
        put_forms(&form, d->forms, l.first[k], l.end[k]);
        put_text(&name, d, m.first, o);
        put_text(&name, d, l.first[k], l.end[k]);
        if (add_body(d, &form, &name, l.first[k], l.end[k]) < 0)
            return -1;
    }
    return 0;
}

/* Token i is "министерств" in a plural case no singular shares. */
static bool plural_ministries(const doc *d, size_t i)
{
    static const char plurals[] = " министерств министерствам министерствами министерствах ";
    return lower(d, i) && wordlist_has(plurals, tok_array_norm(d->t, i), d->t->v[i].len);
}

/* A plural head at token h and the list of what its bodies do, up to
 * their owner or the document's country: "министерств транспорта и
 * сельского хозяйства Казахстана". Returns 0, or -1 on no memory. */
static int plural_bodies(doc *d, const gaz_entity *country, size_t h)
{
    list l;
    if (!list_after(d, h, words_item, &l))
        return 0;
    size_t end = l.end[l.n - 1];
    const mention *owner = end < d->t->n && gap_is(d, end - 1, " ") ? place_at(d, end, (size_t)-1)
                                                                   : NULL;
    if (owner && !shape_genitive(d->t, owner->first + owner->n - 1))
        owner = NULL;
    if (!owner && !country)
        return 0;
    size_t of = owner ? owner->first : 0, oe = owner ? owner->first + owner->n : 0;
    for (size_t k = 0; k < l.n; k++) {
        words form = { .len = 0 }, name = { .len = 0 };
        put_forms(&form, d->forms, h, h + 1);
        put_forms(&form, d->forms, l.first[k], l.end[k]);
        if (owner)
            put_forms(&form, d->forms, of, oe);
        else
            put(&form, country->key, strlen(country->key));
        put_text(&name, d, h, h + 1);
        put_text(&name, d, l.first[k], l.end[k]);
        put_text(&name, d, of, oe);
        if (add_body(d, &form, &name, l.first[k], l.end[k]) < 0)
            return -1;
    }
    return 0;
}

/* A lower-case adjective right before token h says what kind of body it
 * is, not whose ("железнодорожных администраций Казахстана"). */
static bool kind_before(const doc *d, size_t h)
{
    return h > 0 && gap_is(d, h - 1, " ") && lower(d, h - 1)
           && rustem_adjective_only(tok_array_norm(d->t, h - 1), d->t->v[h - 1].len);
}

/* A head at token h before a list of places that share their region's
 * word, one body each: "Правительства Омской и Новосибирской областей",
 * "хокимияты Ташкентской и Самаркандской областей" (each place a mention
 * of its own, the owner by its key). A body of the gazetteer at h is one
 * of shared_body's. Returns 0, or -1 on no memory. */
static int head_over_regions(doc *d, size_t h)
{
    list l;
    if (d->org_from[h] || kind_before(d, h) || !list_after(d, h, place_item, &l) || l.n < 2)
        return 0;
    for (size_t k = 0; k < l.n; k++) {
        words form = { .len = 0 }, name = { .len = 0 };
        const char *key = place_at(d, l.first[k], l.end[k])->key;
        put_forms(&form, d->forms, h, h + 1);
        put(&form, key, strlen(key));
        put_text(&name, d, h, h + 1);
        put_text(&name, d, l.first[k], l.end[k]);
        if (add_body(d, &form, &name, l.first[k], l.end[k]) < 0)
            return -1;
    }
    return 0;
}

static int read_lists(doc *d, const gaz_entity *country)
{
    size_t n = d->ms->n;
    for (size_t i = 0; i < n; i++)
        if (d->ms->v[i].type == ENT_ORG && shared_body(d, d->ms->v[i]) < 0)
            return -1;
    for (size_t h = 0; h + 2 < d->t->n; h++)
        if ((plural_ministries(d, h) && plural_bodies(d, country, h) < 0)
            || head_over_regions(d, h) < 0)
            return -1;
    return 0;
}

int rulists_add(const gazetteer *g, const char *text, const tok_array *t, char **forms,
                const gaz_entity *country, mentions *ms)
{
    if (!g || !t->n)
        return 0;
    doc d = { g, text, t, forms, ms, malloc((ms->n + 1) * sizeof *d.places), 0,
              calloc(t->n, sizeof *d.org_from) };
    int rc = -1;
    if (d.places && d.org_from) {
        for (size_t i = 0; i < ms->n; i++) {
            if (ms->v[i].type == ENT_PLACE)
                d.places[d.nplaces++] = i;
            else if (ms->v[i].type == ENT_ORG)
                d.org_from[ms->v[i].first] = true;
        }
        qsort_r(d.places, d.nplaces, sizeof *d.places, by_first, ms);
        rc = read_lists(&d, country);
    }
    free(d.places);
    free(d.org_from);
    return rc;
}
