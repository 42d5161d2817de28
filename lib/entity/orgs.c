/* Organization passes of the extraction (orgs.h), apart from the pipeline:
 * each widens, splits or retypes names already read. */
#include "entity/orgs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity/clubs.h"
#include "entity/restated.h"
#include "entity/sense.h"
#include "entity/shape.h"
#include "entity/wordlist.h"
#include "text/script.h"

/* The gazetteer entity of `type` that tokens [a, b) name whole, or NULL. */
static const gaz_entity *named_whole(const gazetteer *g, char **forms, size_t a, size_t b,
                                     ent_type type)
{
    char key[256];
    const gaz_entity *e[1];
    return mention_join_forms(forms, a, b, key, sizeof key) && gaz_lookup(g, key, type, e, 1)
           ? e[0] : NULL;
}

/* Tokens [a, b) spell one of e's names as the gazetteer writes it, case
 * aside: in its nominative, where a Russian text's name is inflected. */
static bool spelled_as_named(const tok_array *t, size_t a, size_t b, const gaz_entity *e)
{
    bool same = false;
    for (size_t k = 0; k <= e->naliases && !same; k++) {
        const char *name = k ? e->aliases[k - 1] : e->name;
        tok_array n;
        if (tok_array_build(&n, name, strlen(name)) < 0)
            return false;
        same = n.n == b - a;
        for (size_t i = 0; same && i < n.n; i++)
            same = n.v[i].len == t->v[a + i].len
                   && !memcmp(tok_array_norm(&n, i), tok_array_norm(t, a + i), n.v[i].len);
        tok_array_fini(&n);
    }
    return same;
}

/* An organization's edition or branch named by it and a place in the
 * nominative ("Интерфакс-Казахстан", "Sputnik Армения", where "МВД
 * Казахстана" is Kazakhstan's ministry) names both, in either script.
 * Returns 1 when it added them, 0, or -1 on no memory. */
static int add_branch_parts(const gazetteer *g, const tok_array *t, char **forms,
                            const gaz_match *outer, mentions *ms)
{
    for (size_t m = 1; m < outer->n; m++) {
        size_t b = outer->first + m, e = outer->first + outer->n;
        const gaz_entity *org = named_whole(g, forms, outer->first, b, ENT_ORG);
        const gaz_entity *place = org ? named_whole(g, forms, b, e, ENT_PLACE) : NULL;
        if (!place || !spelled_as_named(t, b, e, place))
            continue;
        if (!mention_add(ms, outer->first, m, ENT_ORG) || !mention_add(ms, b, e - b, ENT_PLACE))
            return -1;
        ms->v[ms->n - 2].key = org->key;
        ms->v[ms->n - 2].name = org->name;
        ms->v[ms->n - 1].key = place->key;
        ms->v[ms->n - 1].name = place->name;
        return 1;
    }
    return 0;
}

/* The one organization tokens [a, b) name with their owner written as the
 * gazetteer does not (restated.h), or NULL. */
static const gaz_entity *owned_by(const gazetteer *g, char **forms, size_t a, size_t b)
{
    char key[256];
    if (!mention_join_forms(forms, a, b, key, sizeof key))
        return NULL;
    const gaz_entity *e[2];
    return restated_named(g, key, ENT_ORG, e, 2) == 1 ? e[0] : NULL;
}

int orgs_add_inner(const gazetteer *g, const char *text, const tok_array *t, char **forms,
                   const gaz_match *outer, mentions *ms)
{
    /* A name written as a web address ("ВЭБ.РФ", "Kun.uz") names nothing
     * inside it. */
    for (size_t i = outer->first; i + 1 < outer->first + outer->n; i++)
        if (t->v[i + 1].start == t->v[i].end + 1 && text[t->v[i].end] == '.')
            return 0;
    int branch = outer->ent->type == ENT_ORG ? add_branch_parts(g, t, forms, outer, ms) : 0;
    if (branch)
        return branch < 0 ? -1 : 0;
    if (outer->ent->type != ENT_ORG || outer->n < 2
        || script_word(tok_array_norm(t, outer->first), t->v[outer->first].len, NULL)
           != SCRIPT_CYRILLIC)
        return 0;
    gaz_match *in = NULL;
    long k = gaz_match_tokens(g, (const char *const *)forms + outer->first + 1, outer->n - 1, &in);
    /* A name inside that several entities share means the one the document
     * does ("ГКНБ" of Tajikistan or of Kyrgyzstan), as one outside would. */
    for (long i = 0; i < k; i++)
        in[i].first += outer->first + 1;
    if (k > 0 && sense_choose(text, t, forms, in, k) < 0)
        k = -1;
    for (long i = 0; i < k; i++) {
        size_t at = in[i].first;
        if (!in[i].n)
            continue;
        if (shape_named_after(t, at) ? in[i].ent->type != ENT_PERSON
                               : in[i].ent->type != ENT_PLACE && in[i].ent->type != ENT_ORG)
            continue;
        /* A name inside is capitalized: "Государственной думы" names no
         * Dumai; and in one of its cases: "Казанский (Приволжский)
         * федеральный университет" names no Privolzhsk; an organization
         * inside is none after an adjective of the name: "Государственный
         * Совет Республики Татарстан" names no Council of the Republic (an
         * acronym agrees with no adjective: "Пограничной службой КНБ"). */
        if (names_case(text, t->v[at].start, t->v[at].end) <= 0
            || (in[i].n == 1 && shape_other_declension(t, forms, &in[i]))
            || (in[i].ent->type == ENT_ORG && at > outer->first && shape_adjective(t, at - 1)
                && names_caps(text, t->v[at].start, t->v[at].end) < 2))
            continue;
        /* An organization and its owner ("ГКНБ Республики Таджикистан"):
         * the owner's own organization, when the gazetteer names it so
         * otherwise ("ГКНБ Таджикистана"), and the owner stays a place. */
        long next = i + 1;
        while (next < k && !in[next].n)
            next++;
        const gaz_entity *owned = next < k && in[i].ent->type == ENT_ORG
                                          && in[next].first == in[i].first + in[i].n
                                  ? owned_by(g, forms, at, at + in[i].n + in[next].n) : NULL;
        mention *m = mention_add(ms, at, in[i].n, in[i].ent->type);
        if (!m) {
            k = -1;
            break;
        }
        m->key = owned ? owned->key : in[i].ent->key;
        m->name = owned ? owned->name : in[i].ent->name;
        /* And the names inside that one ("Палаты представителей
         * | Национального собрания | Беларуси"). */
        if (orgs_add_inner(g, text, t, forms, &in[i], ms) < 0) {
            k = -1;
            break;
        }
    }
    free(in);
    return k < 0 ? -1 : 0;
}

/* The words that end a company's full name ("Toyota Motor Corp", "UBS
 * Group AG"): news names it without them, in a headline, in a filter and
 * later in the story. */
static bool corporate_word(const char *form)
{
    static const char words[] = " ab ag asa bhd co corp corporation gmbh group holding holdings"
                                " inc incorporated jsc kk llc ltd motor motors nv oyj pjsc plc sa"
                                " se spa ";
    return wordlist_has_word(words, form);
}

/* Token i, the first of a body's name, is in the nominative as its ending
 * shows ("Комиссия", "Агентство", "Комитет"): the subject of a sentence
 * after another's name ("направила в прокуратуру | Комиссия по ..."), no
 * body a unit belongs to. An acronym has no case. */
static bool nominative_head(const char *text, const tok_array *t, size_t i)
{
    static const char ends[] = " ия ие ство ый ий ая ое ет ат ";
    return names_caps(text, t->v[i].start, t->v[i].end) < 2
           && wordlist_ends(ends, tok_array_norm(t, i), t->v[i].len, 3);
}

/* Token u is the unit's acronym in parentheses between it and its body
 * ("Департамента внутренней безопасности | (ДВБ) | МВД Казахстана"). */
static bool acronym_between(const char *text, const tok_array *t, size_t u)
{
    return u > 0 && u + 1 < t->n && t->v[u].start == t->v[u - 1].end + 2
           && !memcmp(text + t->v[u - 1].end, " (", 2) && t->v[u + 1].start == t->v[u].end + 2
           && !memcmp(text + t->v[u].end, ") ", 2) && names_caps(text, t->v[u].start, t->v[u].end) >= 2;
}

/* Adds the unit [a, u) and its body [b, e) as one organization, keyed by
 * their words without the unit's acronym between them, spelt as written.
 * Returns 0, or -1 on no memory. */
static int add_unit_past_acronym(const char *text, const tok_array *t, char **forms, size_t a,
                                 size_t u, size_t b, size_t e, mentions *ms)
{
    char unit[256], body[256];
    if (!mention_join_forms(forms, a, u, unit, sizeof unit)
        || !mention_join_forms(forms, b, e, body, sizeof body))
        return 0;
    size_t len = strlen(unit) + strlen(body) + 2;
    char *key = malloc(len);
    char *name = strndup(text + t->v[a].start, t->v[e - 1].end - t->v[a].start);
    mention *m = key && name ? mention_add(ms, a, e - a, ENT_ORG) : NULL;
    if (!m) {
        free(key);
        free(name);
        return -1;
    }
    snprintf(key, len, "%s %s", unit, body);
    m->key = m->own_key = key;
    m->name = m->own_name = name;
    return 0;
}

int orgs_link_units(const char *text, const tok_array *t, char **forms, mentions *ms)
{
    size_t n = ms->n;
    for (size_t k = 0; k < n; k++) {
        size_t a = ms->v[k].first, u = a + ms->v[k].n;   /* the unit: [a, u) */
        size_t b = acronym_between(text, t, u) ? u + 1 : u;
        if (ms->v[k].type != ENT_ORG || ms->v[k].n < 2 || b >= t->n
            || names_case(text, t->v[a].start, t->v[a].end) <= 0
            || names_case(text, t->v[u - 1].start, t->v[u - 1].end) >= 0
            || (b == u && (t->v[b].start != t->v[b - 1].end + 1 || text[t->v[b - 1].end] != ' '))
            || names_case(text, t->v[b].start, t->v[b].end) <= 0 || nominative_head(text, t, b)
            || script_word(tok_array_norm(t, a), t->v[a].len, NULL) != SCRIPT_CYRILLIC)
            continue;
        size_t e = 0, whole = 0, body = 0;   /* the body: [b, e) */
        for (size_t q = 0; q < n; q++)
            if (ms->v[q].type == ENT_ORG && ms->v[q].first == b && ms->v[q].first + ms->v[q].n > e) {
                e = ms->v[q].first + ms->v[q].n;
                body = q;
            }
        /* Its owner, a name of its own after it, is part of its key
         * ("Министерства ... | Республики Казахстан"). */
        for (size_t q = 0; q < n && e && e < t->n; q++) {
            const char *bk = ms->v[body].key, *ok = ms->v[q].key;
            if (ms->v[q].first == e && t->v[e].start == t->v[e - 1].end + 1 && text[t->v[e - 1].end] == ' '
                && mention_key_ends_with(bk, ok)) {
                e += ms->v[q].n;
                break;
            }
        }
        for (size_t q = 0; q < ms->n && e; q++)
            whole |= ms->v[q].first == a && ms->v[q].first + ms->v[q].n == e;
        /* A unit keyed with the body already has it for its owner ("Совет
         * министров обороны | ОДКБ"). */
        if (!e || whole || mention_key_ends_with(ms->v[k].key, ms->v[body].key))
            continue;
        mention *m;
        if (b > u ? add_unit_past_acronym(text, t, forms, a, u, b, e, ms) < 0
                  : mention_add_detected(ms, text, t, forms, a, e - a, ENT_ORG, &m) < 0)
            return -1;
    }
    return 0;
}

int orgs_link_companies(const char *text, const tok_array *t, char **forms, mentions *ms)
{
    size_t n0 = ms->n;
    for (size_t m = 0; m < n0; m++) {
        size_t first = ms->v[m].first, e = first + ms->v[m].n;
        if (ms->v[m].type != ENT_ORG || ms->v[m].n < 2 || !ms->v[m].own_key)
            continue;
        mention *s = NULL;
        int rc = 1;
        while (e > first + 1 && corporate_word(forms[e - 1])) {
            e--;
            s = mention_add(ms, first, e - first, ENT_ORG);
            rc = s ? mention_detected_key(text, t, forms, first, e - first, s) : -1;
            if (rc < 0)
                return -1;
            ms->n -= rc > 0;
        }
        if (rc > 0 || e - first > 1)
            continue;
        const char *key = s->key, *name = s->name;
        for (size_t q = 0; q < n0; q++) {
            mention *o = &ms->v[q];
            if (o->n != 1 || o->first == first || strcmp(forms[o->first], forms[first])
                || (o->type != ENT_PLACE && o->type != ENT_NAME)
                || names_case(text, t->v[o->first].start, t->v[o->first].end) <= 0)
                continue;
            free(o->own_key);
            free(o->own_name);
            *o = (mention){ o->first, 1, ENT_ORG, key, name, NULL, NULL };
        }
    }
    return 0;
}

int orgs_extend_of_place(const char *text, const tok_array *t, const names_tok *nt, char **forms,
                         mentions *ms)
{
    size_t n0 = ms->n;
    for (size_t m = 0; m < n0; m++) {
        size_t e = ms->v[m].first + ms->v[m].n, k = e + 1;
        if (ms->v[m].type != ENT_ORG || !ms->v[m].own_key || k >= t->n || strcmp(forms[e], "of")
            || names_sentence_end(text, nt, t->n, e - 1) || names_sentence_end(text, nt, t->n, e))
            continue;
        if (!strcmp(forms[k], "the") && k + 1 < t->n && !names_sentence_end(text, nt, t->n, k))
            k++;
        size_t q = 0;
        while (q < n0 && !(ms->v[q].first == k && ms->v[q].type == ENT_PLACE))
            q++;
        if (q == n0)
            continue;
        size_t first = ms->v[m].first, n = ms->v[q].first + ms->v[q].n - first;
        mention whole = { first, n, ENT_ORG, NULL, NULL, NULL, NULL };
        int rc = mention_detected_key(text, t, forms, first, n, &whole);
        if (rc < 0)
            return -1;
        if (rc > 0)
            continue;
        free(ms->v[m].own_key);
        free(ms->v[m].own_name);
        ms->v[m] = whole;
    }
    return 0;
}

int orgs_head_of_place(const char *text, const tok_array *t, const names_tok *nt, char **forms,
                       const unsigned char *taken, mentions *ms)
{
    size_t n0 = ms->n;
    for (size_t q = 0; q < n0; q++) {
        size_t k = ms->v[q].first;
        if (ms->v[q].type != ENT_PLACE || k < 2)
            continue;
        size_t of = k - 1;
        if (!strcmp(forms[of], "the") && of >= 2)
            of--;
        size_t head = of - 1;
        if (strcmp(forms[of], "of") || taken[head] || !names_org_head(text, nt, t->n, head)
            || names_sentence_end(text, nt, t->n, head) || names_sentence_end(text, nt, t->n, of)
            || (of + 1 < k && names_sentence_end(text, nt, t->n, of + 1)))
            continue;
        mention *m = mention_add(ms, head, k + ms->v[q].n - head, ENT_ORG);
        int rc = m ? mention_detected_key(text, t, forms, head, m->n, m) : -1;
        if (rc < 0)
            return -1;
        if (rc > 0)
            ms->n--;
    }
    return 0;
}

/* Whether a mention covers token i. */
static bool covered(const mentions *ms, size_t i)
{
    for (size_t m = 0; m < ms->n; m++)
        if (ms->v[m].n && i >= ms->v[m].first && i < ms->v[m].first + ms->v[m].n)
            return true;
    return false;
}

/* Mention m as an organization of tokens [first, first+n), its key its
 * own words. Returns 0, 1 when the key is empty (m is left), -1 on no memory. */
static int retype_org(const char *text, const tok_array *t, char **forms, mention *m, size_t n)
{
    mention o = { m->first, n, ENT_ORG, NULL, NULL, NULL, NULL };
    int rc = mention_detected_key(text, t, forms, o.first, n, &o);
    if (rc)
        return rc;
    free(m->own_key);
    free(m->own_name);
    *m = o;
    return 0;
}

int orgs_sport_clubs(const gazetteer *g, const char *text, const tok_array *t, const names_tok *nt,
                     char **forms, mentions *ms)
{
    for (size_t m = 0; m < ms->n; m++) {
        mention *p = &ms->v[m];
        size_t last = p->first + p->n - 1;
        const gaz_entity *e = p->type == ENT_PLACE && !p->own_key ? gaz_find(g, ENT_PLACE, p->key) : NULL;
        if (!e || !e->ncontext)
            continue;
        if (clubs_word_after(text, nt, t->n, last) && !covered(ms, last + 1)) {
            if (retype_org(text, t, forms, p, p->n + 1) < 0)
                return -1;
            continue;
        }
        if (!clubs_staff_after(text, nt, t->n, last) && !clubs_score_after(text, nt, t->n, last))
            continue;
        const char *town = e->key;
        for (size_t q = 0; q < ms->n; q++)
            if (ms->v[q].type == ENT_PLACE && !ms->v[q].own_key && !strcmp(ms->v[q].key, town)
                && retype_org(text, t, forms, &ms->v[q], ms->v[q].n) < 0)
                return -1;
    }
    return 0;
}
