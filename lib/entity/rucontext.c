/* Russian context names as mentions (rucontext.h), apart from the pipeline:
 * which of two readings of the same words stands is their own rule. */
#include "entity/rucontext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity/quotes.h"
#include "entity/runames.h"
#include "entity/ruorg.h"
#include "entity/rustem.h"
#include "entity/translit.h"
#include "entity/wordlist.h"

/* Hit i of h is untyped, in guillemets, and another of the same words is an
 * organization: the document's «Астана» after "клуб «Астана»". */
static bool named_org_elsewhere(char **forms, const runames_hit *h, long k, long i)
{
    if (h[i].type != NAMES_OTHER)
        return false;
    for (long j = 0; j < k; j++) {
        size_t w = 0;
        while (h[j].type == NAMES_ORG && h[j].n == h[i].n && w < h[i].n
               && !strcmp(forms[h[j].first + w], forms[h[i].first + w]))
            w++;
        if (h[j].type == NAMES_ORG && w == h[i].n)
            return true;
    }
    return false;
}

/* Drops the mentions that lie within tokens [a, end): a longer name found
 * over them replaces them; but for the places among its words when
 * `places` ("ТОО «Актобе Пайп Трейд»" names Aktobe too). */
static void drop_mentions_within(mentions *ms, size_t a, size_t end, bool places)
{
    for (size_t m = 0; m < ms->n;) {
        size_t ma = ms->v[m].first, me = ma + ms->v[m].n;
        if (ma >= a && me <= end
            && !(places && ms->v[m].type == ENT_PLACE && (ma > a || me < end))) {
            free(ms->v[m].own_key);
            free(ms->v[m].own_name);
            ms->v[m] = ms->v[--ms->n];
        } else {
            m++;
        }
    }
}

/* The match form of the one-word Cyrillic name of place e ("Россия" ->
 * "ross"): what a filter naming a body "of" it ends with. NULL when it has
 * none (or memory runs out). */
static char *cyrillic_form(const gaz_entity *e)
{
    for (size_t k = 0; k <= e->naliases; k++) {
        const char *a = k < e->naliases ? e->aliases[k] : e->name;
        size_t len = strlen(a);
        if (translit_has_cyr(a, len) && !memchr(a, ' ', len))
            return gaz_match_form(a, len);
    }
    return NULL;
}

/* A country's body named without its owner, "Национальный ядерный центр",
 * "Агентства по атомной энергии": its first word says it is the state's
 * (national_words), and its last word is no owner (a name, a place). News
 * names it with its country, so it is also the body of the document's
 * country (ruorg_country): mention m again, its key followed by the
 * country's Russian name ("... tsentr kazakhstan"), as a filter naming it
 * so reads. Returns 0, or -1 on no memory. */
static int add_country_body(const char *text, const tok_array *t, const names_tok *nt,
                            mentions *ms, size_t m, const gaz_entity *country)
{
    static const char national_words[] =
        " национальн государственн республиканск центральн верховн конституционн генеральн"
        " министерств агентств комитет служб инспекц департамент казначейств нацбанк ";
    size_t a = ms->v[m].first, last = a + ms->v[m].n - 1;
    const char *w = tok_array_norm(t, a);
    if (!wordlist_has(national_words, w, rustem_name(w, t->v[a].len))
        || names_case(text, nt[last].start, nt[last].end) > 0)
        return 0;
    for (size_t o = 0; o < ms->n; o++)
        if (ms->v[o].type == ENT_PLACE && ms->v[o].first <= last
            && ms->v[o].first + ms->v[o].n > last)
            return 0;
    char *form = cyrillic_form(country);
    if (!form)
        return 0;
    size_t len = strlen(ms->v[m].own_key) + strlen(form) + 2;
    char *key = malloc(len), *name = strdup(ms->v[m].own_name);
    mention *p = key && name ? mention_add(ms, a, ms->v[m].n, ENT_ORG) : NULL;
    if (!p) {
        free(form);
        free(key);
        free(name);
        return -1;
    }
    snprintf(key, len, "%s %s", ms->v[m].own_key, form);
    free(form);
    p->key = p->own_key = key;
    p->name = p->own_name = name;
    return 0;
}

/* Token i is a capitalized adjective of direction ("Северного",
 * "Западной", the "Западный" of "Северо-Западный"). */
static bool direction(const char *text, const tok_array *t, size_t i)
{
    static const char stems[] = " северн южн западн восточн центральн ";
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len, stem = rustem_name(w, len);
    return stem < len && names_case(text, t->v[i].start, t->v[i].end) > 0
           && wordlist_has(stems, w, stem);
}

int rucontext_add_directions(const char *text, const tok_array *t, char **forms,
                             unsigned char *taken, mentions *ms)
{
    size_t n = ms->n;
    for (size_t m = 0; m < n; m++) {
        size_t p = ms->v[m].first, a = p - 1;
        if (ms->v[m].type != ENT_PLACE || p == 0 || taken[a] || t->v[p].start != t->v[a].end + 1
            || text[t->v[a].end] != ' ' || !direction(text, t, a))
            continue;
        /* "Северо-Западный", "Юго-Восточной": the first part too. */
        static const char parts[] = " северо юго ";
        if (a > 0 && !taken[a - 1] && t->v[a].start == t->v[a - 1].end + 1
            && text[t->v[a - 1].end] == '-'
            && wordlist_has(parts, tok_array_norm(t, a - 1), t->v[a - 1].len))
            a--;
        size_t end = p + ms->v[m].n;
        mention *d;
        if (mention_add_detected(ms, text, t, forms, a, end - a, ENT_PLACE, &d) < 0)
            return -1;
        memset(taken + a, 1, p - a);
    }
    return 0;
}

int rucontext_add_names(const gazetteer *g, const char *text, size_t len, const tok_array *t,
                        const names_tok *nt, char **forms, unsigned char *taken,
                        const unsigned char *known, const gaz_entity *country, mentions *ms)
{
    runames_hit *h = NULL;
    long k = runames_find(text, len, nt, t->n, taken, known, &h);
    int rc = k < 0 ? -1 : 0;
    for (long i = 0; i < k && rc == 0; i++) {
        size_t a = h[i].first, end = a + h[i].n;
        /* Words in guillemets, or a domain's parts ("«ВЭБ.РФ»"): an
         * untyped name of several is a name. */
        size_t span = t->v[end - 1].end - t->v[a].start;
        bool words = memchr(text + t->v[a].start, ' ', span) || memchr(text + t->v[a].start, '.', span);
        ent_type type = h[i].type == NAMES_PLACE    ? ENT_PLACE
                        : h[i].type == NAMES_PERSON ? ENT_PERSON
                        : h[i].type == NAMES_ORG    ? ENT_ORG
                        : named_org_elsewhere(forms, h, k, i) ? ENT_ORG
                        : words ? ENT_NAME
                                : ENT_NTYPES;
        if (type == ENT_NTYPES)
            continue;
        /* In guillemets, the name replaces the names of its words; read
         * from its words, it holds its owner's name ("Народной партии
         * Казахстана"). */
        size_t open;
        bool quoted = quotes_open(text, a ? t->v[a - 1].end : 0, t->v[a].start, &open) != 0;
        bool keep = true, over = false;
        for (size_t m = 0; m < ms->n && keep && quoted; m++) {
            size_t ma = ms->v[m].first, me = ma + ms->v[m].n;
            if (me <= a || ma >= end)
                continue;
            /* The gazetteer's organization named with its word
             * ("авиакомпания «Россия»"): the name is the organization too,
             * as news writes it alone. */
            if (type == ENT_ORG && ms->v[m].type == ENT_ORG && ma < a && me >= end)
                continue;
            over = true;
            /* Across its edge, or the gazetteer's name of it, or (a word
             * alone) a part of it. */
            keep = ma >= a && me <= end && !(ma == a && me == end && ms->v[m].type == type)
                   && (words || (ma == a && me == end));
        }
        if (!keep)
            continue;
        /* A region's adjective replaces the city the gazetteer read in it
         * ("Актюбинской области" is no Aktobe), and so does an
         * organization's first word ("Уральского государственного
         * университета" is no Uralsk; its owner at the end stays). */
        if (over || (!quoted && type == ENT_PLACE))
            drop_mentions_within(ms, a, end, quoted && type == ENT_ORG);
        else if (!quoted && type == ENT_ORG)
            drop_mentions_within(ms, a, a + 1, false);
        mention *m;
        int got = mention_add_detected(ms, text, t, forms, h[i].first, h[i].n, type, &m);
        if (got == 0 && h[i].head != (size_t)-1
            && mention_append_words(text, t, forms, h[i].head, h[i].head + h[i].head_n, m) < 0)
            got = -1;
        if (got < 0) {
            rc = -1;
            break;
        }
        if (got > 0)
            continue;
        const gaz_entity *e[2];
        if (g && gaz_lookup(g, m->key, type == ENT_NAME ? ENT_NTYPES : type, e, 2) == 1) {
            free(m->own_key);
            free(m->own_name);
            *m = (mention){ m->first, m->n, e[0]->type, e[0]->key, e[0]->name, NULL, NULL };
        }
        if (!quoted && type == ENT_ORG && m->own_key && country
            && add_country_body(text, t, nt, ms, ms->n - 1, country) < 0) {
            rc = -1;
            break;
        }
        memset(taken + h[i].first, 1, h[i].n);
    }
    free(h);
    return rc;
}

/* The gazetteer mention of exactly tokens [a, e), or NULL. */
static const mention *gazetteer_name(const mentions *ms, size_t a, size_t e)
{
    for (size_t m = 0; m < ms->n; m++)
        if (ms->v[m].first == a && ms->v[m].n == e - a && !ms->v[m].own_key)
            return &ms->v[m];
    return NULL;
}

/* A body read in lower case with its owner (hit h) whose name starts with
 * the capitalized adjective before it, no name's ("Антикоррупционная
 * прокуратура Республики Молдова"): h widened to take it, its key led by
 * the adjective's form. Returns 0, or -1 on no memory. */
static int add_adjective(const char *text, const tok_array *t, char **forms,
                         const unsigned char *taken, ruorg_hit *h)
{
    static const char ends[] = " ая яя ое ее ый ий ой ого его ей ую юю ым им ом ем ых их ";
    size_t a = h->first;
    if (a == 0 || h->owner >= a + h->n || taken[a - 1] || t->v[a].start != t->v[a - 1].end + 1
        || text[t->v[a - 1].end] != ' ' || names_case(text, t->v[a].start, t->v[a].end) >= 0
        || names_case(text, t->v[a - 1].start, t->v[a - 1].end) <= 0
        || names_caps(text, t->v[a - 1].start, t->v[a - 1].end) >= 2
        || !wordlist_ends(ends, tok_array_norm(t, a - 1), t->v[a - 1].len, 8))
        return 0;
    size_t len = strlen(forms[a - 1]) + strlen(h->key) + 2;
    char *key = malloc(len);
    if (!key)
        return -1;
    snprintf(key, len, "%s %s", forms[a - 1], h->key);
    free(h->key);
    h->key = key;
    h->first--;
    h->n++;
    return 0;
}

int rucontext_add_bodies(const gazetteer *g, const char *text, const tok_array *t,
                         const names_tok *nt, char **forms, unsigned char *taken, mentions *ms)
{
    ruorg_hit *h = NULL;
    long k = ruorg_find(g, text, nt, (const char *const *)forms, t->n, &h);
    /* The gazetteer's entity for each hit's key, where one hit is its name. */
    const gaz_entity **known = k > 0 ? calloc((size_t)k, sizeof *known) : NULL;
    int rc = k < 0 || (k > 0 && !known) ? -1 : 0;
    for (long i = 0; i < k && rc == 0; i++) {
        const mention *m = gazetteer_name(ms, h[i].first, h[i].first + h[i].n);
        const gaz_entity *e[2];
        if (m && m->type == ENT_ORG && gaz_lookup(g, m->key, ENT_ORG, e, 2) >= 1)
            for (long j = 0; j < k; j++)
                if (!strcmp(h[j].key, h[i].key))
                    known[j] = e[0];
    }
    for (long i = 0; i < k && rc == 0; i++) {
        if (!known[i] && add_adjective(text, t, forms, taken, &h[i]) < 0) {
            rc = -1;
            break;
        }
        size_t a = h[i].first, e = a + h[i].n, o = h[i].owner;
        bool keep = true, within = false;
        for (size_t m = 0; m < ms->n && keep; m++) {
            size_t ma = ms->v[m].first, me = ma + ms->v[m].n;
            /* The owner may run on past the hit in a longer spelling of
             * its own ("Республики Саха (Якутия)"). */
            if (me <= a || ma >= e || (ma >= o && me <= e) || (ma == o && o < e))
                continue;   /* apart, or the owner */
            /* Inside a longer organization's name it is a name of its own
             * there ("Мажилис Парламента Казахстана"). */
            within |= ms->v[m].type == ENT_ORG && ma <= a && me >= e && me - ma > e - a;
            keep = within || (ma >= a && me <= o && !(ma == a && me == e));
        }
        if (!keep)
            continue;
        if (!within)
            drop_mentions_within(ms, a, o, false);
        mention *m = mention_add(ms, a, o - a, ENT_ORG);
        if (m && known[i]) {
            m->key = known[i]->key;
            m->name = known[i]->name;
            memset(taken + a, 1, e - a);
            continue;
        }
        int got = m ? mention_detected_key(text, t, forms, a, e - a, m) : -1;
        if (got < 0) {
            rc = -1;
            break;
        }
        if (got > 0) {
            ms->n--;
            continue;
        }
        free(m->own_key);
        m->key = m->own_key = h[i].key;
        h[i].key = NULL;
        memset(taken + a, 1, e - a);
        /* The body glued to its unit's head is named there too. */
        mention *b = h[i].glued ? mention_add(ms, a, 1, ENT_ORG) : NULL;
        if (h[i].glued && !b) {
            rc = -1;
            break;
        }
        if (b) {
            b->key = h[i].glued->key;
            b->name = h[i].glued->name;
        }
    }
    free(known);
    ruorg_free(h, k);
    return rc;
}
