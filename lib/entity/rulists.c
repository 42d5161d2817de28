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

/* The text of tokens [a, e), as written. */
static void put_text(words *w, const char *text, const tok_array *t, size_t a, size_t e)
{
    if (a < e)
        put(w, text + t->v[a].start, t->v[e - 1].end - t->v[a].start);
}

static bool lower(const char *text, const tok_array *t, size_t i)
{
    return names_case(text, t->v[i].start, t->v[i].end) < 0;
}

/* Tokens i and i+1 are joined by `gap` exactly. */
static bool gap_is(const char *text, const tok_array *t, size_t i, const char *gap)
{
    size_t len = strlen(gap);
    return i + 1 < t->n && t->v[i + 1].start - t->v[i].end == len
           && !memcmp(text + t->v[i].end, gap, len);
}

/* Token i is "и" between spaces. */
static bool and_at(const char *text, const tok_array *t, size_t i)
{
    return i > 0 && i + 1 < t->n && !strcmp(tok_array_norm(t, i), "и") && gap_is(text, t, i - 1, " ")
           && gap_is(text, t, i, " ");
}

/* The place mention of ms that starts at token `first` and, when `end` is
 * no (size_t)-1, ends at `end`; the longest; NULL when none. */
static const mention *place_at(const mentions *ms, size_t first, size_t end)
{
    const mention *best = NULL;
    for (size_t i = 0; i < ms->n; i++) {
        const mention *m = &ms->v[i];
        if (m->type == ENT_PLACE && m->first == first && (end == (size_t)-1 || m->first + m->n == end)
            && (!best || m->n > best->n))
            best = m;
    }
    return best;
}

/* The owner ending at token `end` of the organization that starts at
 * `first`: a place mention after its first word; its first token, or
 * (size_t)-1. */
static size_t owner_ending(const mentions *ms, size_t first, size_t end)
{
    for (size_t a = first + 1; a < end; a++)
        if (place_at(ms, a, end))
            return a;
    return (size_t)-1;
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
 * first+n) spelt `name`. Returns 0, or -1 on no memory. */
static int add_body(const gazetteer *g, const words *form, const words *name, size_t first,
                    size_t n, mentions *ms)
{
    const gaz_entity *e;
    char *own;
    if (form->full || name->full || !body_named(g, form->s, &e, &own))
        return 0;
    char *spelt = e ? NULL : strdup(name->s);
    mention *m = e || spelt ? mention_add(ms, first, n, ENT_ORG) : NULL;
    if (!m) {
        free(own);
        free(spelt);
        return -1;
    }
    m->key = e ? e->key : (m->own_key = own);
    m->name = e ? e->name : (m->own_name = spelt);
    return 0;
}

/* The owners after organization m that ends with one ("МИД Таджикистана |
 * и Кыргызстана", "России, Казахстана и Беларуси"): each the body with its
 * owner, when known. Returns 0, or -1 on no memory. */
static int shared_body(const gazetteer *g, const char *text, const tok_array *t, char **forms,
                       mention m, mentions *ms)
{
    size_t end = m.first + m.n, o = owner_ending(ms, m.first, end);
    /* Or, a body named by one word, its owner is a place's mention of its
     * own right after it, the end of its key ("хокимияты | Ташкентской
     * области"). */
    const mention *own = o == (size_t)-1 && m.n == 1 ? place_at(ms, end, (size_t)-1) : NULL;
    if (own && mention_key_ends_with(m.key, own->key)) {
        o = end;
        end = own->first + own->n;
    }
    if (o == (size_t)-1 || !shape_genitive(t, end - 1))
        return 0;
    size_t at = end;
    for (int items = 0; items < MAX_ITEMS && at + 1 < t->n; items++) {
        bool last = and_at(text, t, at);
        if (!last && !gap_is(text, t, at - 1, ", "))
            return 0;
        const mention *p = place_at(ms, last ? at + 1 : at, (size_t)-1);
        if (!p || !shape_genitive(t, p->first + p->n - 1))
            return 0;
        size_t pf = p->first, pn = p->n;
        words form = { .len = 0 }, name = { .len = 0 };
        put_forms(&form, forms, m.first, o);
        put_forms(&form, forms, pf, pf + pn);
        put_text(&name, text, t, m.first, o);
        put_text(&name, text, t, pf, pf + pn);
        if (add_body(g, &form, &name, pf, pn, ms) < 0)
            return -1;
        if (last)
            return 0;
        at = pf + pn;
    }
    return 0;
}

/* Token i is "министерств" in a plural case no singular shares. */
static bool plural_ministries(const char *text, const tok_array *t, size_t i)
{
    static const char plurals[] = " министерств министерствам министерствами министерствах ";
    return lower(text, t, i) && wordlist_has(plurals, tok_array_norm(t, i), t->v[i].len);
}

/* The last token of a list item from token a: lower-case words joined by
 * spaces (or a hyphen), no "и"; a - 1 when none. */
static size_t item_end(const char *text, const tok_array *t, size_t a)
{
    size_t e = a;
    for (size_t words = 0; e < t->n && words < MAX_ITEM && lower(text, t, e)
                           && strcmp(tok_array_norm(t, e), "и");
         words++) {
        while (e + 1 < t->n && gap_is(text, t, e, "-") && lower(text, t, e + 1))
            e++;
        if (!gap_is(text, t, e, " ") || e + 1 >= t->n || !strcmp(tok_array_norm(t, e + 1), "и")
            || !lower(text, t, e + 1))
            return e;
        e++;
    }
    return e - 1;
}

/* A plural head at token h and the list of what its bodies do, up to
 * their owner or the document's country: "министерств транспорта и
 * сельского хозяйства Казахстана". Returns 0, or -1 on no memory. */
static int plural_bodies(const gazetteer *g, const char *text, const tok_array *t, char **forms,
                         const gaz_entity *country, size_t h, mentions *ms)
{
    size_t first[MAX_ITEMS], last[MAX_ITEMS], n = 0, at = h + 1;
    bool after_and = false, done = false;
    if (!gap_is(text, t, h, " "))
        return 0;
    /* Items after commas, the last after "и". */
    while (!done && n < MAX_ITEMS) {
        size_t e = item_end(text, t, at);
        if (e + 1 == at)
            return 0;
        first[n] = at;
        last[n++] = e;
        if (after_and)
            done = true;
        else if (and_at(text, t, e + 1))
            after_and = true, at = e + 2;
        else if (gap_is(text, t, e, ", "))
            at = e + 1;
        else
            return 0;
    }
    if (!done)
        return 0;
    size_t end = last[n - 1] + 1;
    const mention *owner = end < t->n && gap_is(text, t, end - 1, " ") ? place_at(ms, end, (size_t)-1)
                                                                       : NULL;
    if (owner && !shape_genitive(t, owner->first + owner->n - 1))
        owner = NULL;
    if (!owner && !country)
        return 0;
    size_t of = owner ? owner->first : 0, on = owner ? owner->n : 0;
    for (size_t k = 0; k < n; k++) {
        words form = { .len = 0 }, name = { .len = 0 };
        put_forms(&form, forms, h, h + 1);
        put_forms(&form, forms, first[k], last[k] + 1);
        if (owner)
            put_forms(&form, forms, of, of + on);
        else
            put(&form, country->key, strlen(country->key));
        put_text(&name, text, t, h, h + 1);
        put_text(&name, text, t, first[k], last[k] + 1);
        if (owner)
            put_text(&name, text, t, of, of + on);
        if (add_body(g, &form, &name, first[k], last[k] + 1 - first[k], ms) < 0)
            return -1;
    }
    return 0;
}

/* A lower-case adjective right before token h says what kind of body it
 * is, not whose ("железнодорожных администраций Казахстана"). */
static bool kind_before(const char *text, const tok_array *t, size_t h)
{
    return h > 0 && gap_is(text, t, h - 1, " ") && lower(text, t, h - 1)
           && rustem_adjective_only(tok_array_norm(t, h - 1), t->v[h - 1].len);
}

/* A head at token h before a list of places that share their region's
 * word, one body each: "Правительства Омской и Новосибирской областей",
 * "хокимияты Ташкентской и Самаркандской областей" (each place a mention
 * of its own, the owner by its key). Returns 0, or -1 on no memory. */
static int head_over_regions(const gazetteer *g, const char *text, const tok_array *t,
                             char **forms, size_t h, mentions *ms)
{
    const mention *item[MAX_ITEMS];
    size_t n = 0, at = h + 1;
    if (!gap_is(text, t, h, " ") || kind_before(text, t, h))
        return 0;
    /* A body of the gazetteer there is one of shared_body's. */
    for (size_t i = 0; i < ms->n; i++)
        if (ms->v[i].type == ENT_ORG && ms->v[i].first == h)
            return 0;
    /* Items after commas, the last after "и". */
    for (bool after_and = false; n < MAX_ITEMS;) {
        const mention *p = place_at(ms, at, (size_t)-1);
        if (!p)
            return 0;
        item[n++] = p;
        size_t e = p->first + p->n;
        if (after_and)
            break;
        if (and_at(text, t, e))
            after_and = true, at = e + 1;
        else if (gap_is(text, t, e - 1, ", "))
            at = e;
        else
            return 0;
    }
    if (n < 2)
        return 0;
    for (size_t k = 0; k < n; k++) {
        words form = { .len = 0 }, name = { .len = 0 };
        put_forms(&form, forms, h, h + 1);
        put(&form, item[k]->key, strlen(item[k]->key));
        put_text(&name, text, t, h, h + 1);
        put_text(&name, text, t, item[k]->first, item[k]->first + item[k]->n);
        if (add_body(g, &form, &name, item[k]->first, item[k]->n, ms) < 0)
            return -1;
    }
    return 0;
}

int rulists_add(const gazetteer *g, const char *text, const tok_array *t, char **forms,
                const gaz_entity *country, mentions *ms)
{
    if (!g)
        return 0;
    size_t n = ms->n;
    for (size_t i = 0; i < n; i++)
        if (ms->v[i].type == ENT_ORG
            && shared_body(g, text, t, forms, ms->v[i], ms) < 0)
            return -1;
    for (size_t h = 0; h + 2 < t->n; h++)
        if ((plural_ministries(text, t, h) && plural_bodies(g, text, t, forms, country, h, ms) < 0)
            || head_over_regions(g, text, t, forms, h, ms) < 0)
            return -1;
    return 0;
}
