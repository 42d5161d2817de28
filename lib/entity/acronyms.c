/* Acronym passes of the extraction (acronyms.h), apart from the pipeline
 * with the helpers only they read: where an acronym's long name starts,
 * which country of the document it names. */
#include "entity/acronyms.h"

#include <stdlib.h>
#include <string.h>

#include "entity/ruabbr.h"
#include "entity/wordlist.h"
#include "text/script.h"

/* A word that may join the words of a long name an acronym abbreviates
 * ("Court of Justice of the European Union", "Petróleos de Venezuela"). */
static bool acronym_joiner(const char *form)
{
    static const char joiners[] = " and at da de del der des do du e el for in la of on the y ";
    return wordlist_has_word(joiners, form);
}

/* The first token of the long name that the acronym at token a, written
 * "(ACR)" right after it, abbreviates: the earliest start from which the
 * initials of its capitalized words, or of all its words, spell the
 * acronym, or begin it ("Petróleos de Venezuela (PDVSA)"). (size_t)-1 when
 * there is none. */
static size_t acronym_start(const char *text, const tok_array *t, char **forms, size_t a)
{
    const char *acr = forms[a];
    size_t alen = strlen(acr), best = (size_t)-1;
    char caps[16], all[16];
    size_t nc = 0, na = 0;

    if (a == 0 || alen < 2 || alen > 10)
        return best;
    for (size_t k = a; k-- > 0 && a - k <= 12;) {
        size_t glen = t->v[k + 1].start - t->v[k].end;
        const char *gp = text + t->v[k].end;
        if (k + 1 < a && !(glen == 1 && (*gp == ' ' || *gp == '-')))
            break;
        if (!*forms[k] || na + 1 >= sizeof all)
            break;
        int wc = names_case(text, t->v[k].start, t->v[k].end);
        if (wc <= 0 && !acronym_joiner(forms[k]))
            break;
        memmove(all + 1, all, na++);
        all[0] = forms[k][0];
        if (wc > 0) {
            memmove(caps + 1, caps, nc++);
            caps[0] = forms[k][0];
            if ((nc == alen && !memcmp(caps, acr, nc)) || (na == alen && !memcmp(all, acr, na))
                || (nc >= 3 && nc < alen && !memcmp(caps, acr, nc))
                || (na >= 3 && na < alen && !memcmp(all, acr, na)))
                best = k;
        }
    }
    return best;
}

int acronyms_link(const char *text, const tok_array *t, char **forms, mentions *ms)
{
    for (size_t a = 1; a + 1 < t->n; a++) {
        const char *pre = text + t->v[a - 1].end, *post = text + t->v[a].end;
        if (t->v[a].start - t->v[a - 1].end != 2 || memcmp(pre, " (", 2) || *post != ')'
            || names_caps(text, t->v[a].start, t->v[a].end) < 2
            || script_word(forms[a], strlen(forms[a]), NULL) != SCRIPT_LATIN)
            continue;
        size_t s = acronym_start(text, t, forms, a);
        if (s == (size_t)-1)
            continue;
        const char *key = NULL, *name = NULL;
        ent_type type = ENT_NAME;
        for (size_t m = 0; m < ms->n; m++) {
            const mention *p = &ms->v[m];
            if (p->first == s && p->n == a - s)
                key = p->key, name = p->name, type = p->type;
            else if ((p->first + p->n == a || p->first == s) && p->type == ENT_ORG && !key)
                type = ENT_ORG;   /* its head or its end is an organization's */
        }
        if (!key) {
            mention *m;
            int rc = mention_add_detected(ms, text, t, forms, s, a - s, type, &m);
            if (rc < 0)
                return -1;
            if (rc > 0)
                continue;
            key = m->key, name = m->name;
        }
        /* Every mention of the acronym in capitals: what read it gives way. */
        size_t kept = 0;
        for (size_t m = 0; m < ms->n; m++) {
            mention *p = &ms->v[m];
            if (p->n == 1 && !strcmp(forms[p->first], forms[a])
                && names_caps(text, t->v[p->first].start, t->v[p->first].end) >= 2) {
                free(p->own_key);
                free(p->own_name);
                continue;
            }
            ms->v[kept++] = *p;
        }
        ms->n = kept;
        for (size_t j = 0; j < t->n; j++) {
            if (strcmp(forms[j], forms[a]) || names_caps(text, t->v[j].start, t->v[j].end) < 2)
                continue;
            mention *m = mention_add(ms, j, 1, type);
            if (!m)
                return -1;
            m->key = key, m->name = name;
            if (!(m = mention_add(ms, j, 1, type))
                || mention_detected_key(text, t, forms, j, 1, m) < 0)
                return -1;
        }
    }
    return 0;
}

int acronyms_add(const char *text, const tok_array *t, const names_tok *nt, char **forms,
                 unsigned char *taken, mentions *ms)
{
    for (size_t i = 0; i < t->n; i++) {
        if (taken[i] || !ruabbr_org(text, nt, t->n, i))
            continue;
        mention *m;
        int rc = mention_add_detected(ms, text, t, forms, i, 1, ENT_ORG, &m);
        if (rc < 0)
            return -1;
        if (rc == 0)
            taken[i] = 1;
    }
    return 0;
}

/* Whether a name of place e of two words or more spells the acronym. */
static bool spells_place(const gaz_entity *e, const char *acr)
{
    for (size_t k = 0; e && k <= e->naliases; k++) {
        const char *name = k < e->naliases ? e->aliases[k] : e->name;
        if (strchr(name, ' ') && ruabbr_spells_name(acr, name))
            return true;
    }
    return false;
}

/* The country of the document that the acronym names ("РК" in a story
 * from Almaty: "Республика Казахстан"): a place of the gazetteer the
 * document names, or the country its context names first (a city's), one
 * of whose names spells it; NULL when none. */
static const gaz_entity *acronym_country(const gazetteer *g, const char *acr, const mentions *ms,
                                         size_t n)
{
    for (size_t m = 0; m < n; m++) {
        if (ms->v[m].type != ENT_PLACE || ms->v[m].own_key)
            continue;
        const gaz_entity *e = gaz_find(g, ENT_PLACE, ms->v[m].key);
        if (spells_place(e, acr))
            return e;
        const gaz_entity *c = e && e->ncontext ? gaz_find(g, ENT_PLACE, e->context[0]) : NULL;
        if (spells_place(c, acr))
            return c;
    }
    return NULL;
}

/* The long name a Russian acronym at token a written "(АФК)" right after
 * it spells, when no mention holds it: the words before it from a
 * capitalized one, "Азиатской конфедерации футбола (АФК)", added as an
 * organization. Returns 0, or -1 on no memory. */
static int add_spelled_name(const char *text, const tok_array *t, const names_tok *nt, char **forms,
                            size_t a, mentions *ms)
{
    enum { MAX_LONG = 8 };
    if (a < 2 || t->v[a].start - t->v[a - 1].end != 2 || memcmp(text + t->v[a - 1].end, " (", 2)
        || text[t->v[a].end] != ')')
        return 0;
    for (size_t s = a - 1; s-- > 0 && a - s <= MAX_LONG;) {
        if (t->v[s + 1].start != t->v[s].end + 1 || text[t->v[s].end] != ' ')
            return 0;
        if (names_case(text, t->v[s].start, t->v[s].end) <= 0 || !ruabbr_spells(nt[a].norm, nt, s, a - s))
            continue;
        for (size_t m = 0; m < ms->n; m++)
            if (ms->v[m].first <= s && ms->v[m].first + ms->v[m].n > s)
                return 0;   /* a name holds its first word */
        mention *p;
        return mention_add_detected(ms, text, t, forms, s, a - s, ENT_ORG, &p) < 0 ? -1 : 0;
    }
    return 0;
}

int acronyms_link_ru(const gazetteer *g, const char *text, const tok_array *t, const names_tok *nt,
                     char **forms, mentions *ms)
{
    for (size_t m = 0, n0 = ms->n; m < n0; m++)
        if (ms->v[m].type == ENT_ORG && ms->v[m].n == 1 && ms->v[m].own_key
            && script_word(tok_array_norm(t, ms->v[m].first), t->v[ms->v[m].first].len, NULL)
                   == SCRIPT_CYRILLIC
            && add_spelled_name(text, t, nt, forms, ms->v[m].first, ms) < 0)
            return -1;
    size_t n0 = ms->n;
    for (size_t m = 0; m < n0; m++) {
        size_t a = ms->v[m].first;
        if (ms->v[m].type != ENT_ORG || ms->v[m].n != 1 || !ms->v[m].own_key
            || script_word(tok_array_norm(t, a), t->v[a].len, NULL) != SCRIPT_CYRILLIC)
            continue;
        const gaz_entity *c = g ? acronym_country(g, nt[a].norm, ms, n0) : NULL;
        if (c) {
            free(ms->v[m].own_key);
            free(ms->v[m].own_name);
            ms->v[m] = (mention){ a, 1, ENT_PLACE, c->key, c->name, NULL, NULL };
            continue;
        }
        for (size_t o = 0; o < n0; o++) {
            const mention *l = &ms->v[o];
            if (l->type != ENT_ORG || l->n < 2 || !strcmp(l->key, ms->v[m].key)
                || !ruabbr_spells(nt[a].norm, nt, l->first, l->n))
                continue;
            mention *p = mention_add(ms, a, 1, ENT_ORG);
            if (!p)
                return -1;
            l = &ms->v[o];   /* the array may have moved */
            p->key = l->key, p->name = l->name;
            break;
        }
    }
    return 0;
}
