/* Names after "имени" (eponyms.h), apart from the pipeline with the tests
 * only they read: a given name and surname in the genitive, a place's
 * mention, initials before a compound surname. */
#include "entity/eponyms.h"

#include <string.h>

#include "entity/names.h"
#include "entity/rustem.h"
#include "entity/shape.h"
#include "entity/wordlist.h"
#include "text/script.h"

/* Tokens i and i+1 read as a given name and a surname in the genitive, as
 * after "имени" ("Мирсаида Миррахимова"): two capitalized Cyrillic words
 * joined by one space, each ending in "а" or "я", so that a nominative
 * name after the eponym ("имени Ельцина Владимир Нифадьев") is none. */
static bool genitive_pair(const char *text, const tok_array *t, size_t i)
{
    if (i + 1 >= t->n || t->v[i + 1].start != t->v[i].end + 1 || text[t->v[i].end] != ' '
        || names_case(text, t->v[i + 1].start, t->v[i + 1].end) <= 0)
        return false;
    /* The given name's genitive in "-а", "-я", or "-ы", "-и" ("Габдуллы",
     * "Анны"), or a foreign one no case changes ("Энрико"); the surname's
     * in "-а", "-я", "-ы" of one in "-а" ("Виктора Сочавы"), a woman's "-ой",
     * "-ей", an adjective's "-ого", "-его" ("Максима Горького"), or one no
     * case changes ("имени Мажита Гафури", "Шота Руставели"). */
    static const char given[] = " а я ы и о ";
    static const char surname[] = " а я ы и о у е э ой ей го ";
    for (size_t k = i; k <= i + 1; k++) {
        const char *w = tok_array_norm(t, k);
        size_t len = t->v[k].len;
        if (len < 6 || script_word(w, len, NULL) != SCRIPT_CYRILLIC)
            return false;
        bool one = wordlist_has(k == i ? given : surname, w + len - 2, 2);
        if (!one && !(k > i && wordlist_has(surname, w + len - 4, 4)))
            return false;
    }
    return true;
}

/* Token i lies in a mention of a place ("России" of "имени Героя России"). */
static bool place_at(const mentions *ms, size_t i)
{
    for (size_t k = 0; k < ms->n; k++)
        if (ms->v[k].type == ENT_PLACE && ms->v[k].first <= i && i < ms->v[k].first + ms->v[k].n)
            return true;
    return false;
}

/* The person an institution is named after, by given name and surname
 * (tokens i, i+1): the gazetteer's, else a name of its own. Returns 0, or
 * -1 on no memory. */
static int add_eponym_in_full(const gazetteer *g, const char *text, const tok_array *t,
                              char **forms, mentions *ms, size_t i)
{
    for (size_t k = 0; k < ms->n; k++) {
        mention *m = &ms->v[k];
        if (m->first > i || i >= m->first + m->n)
            continue;
        if (m->type == ENT_NAME && m->first == i && m->n == 2)
            m->type = ENT_PERSON;   /* read untyped: the eponym says who */
        if (m->type == ENT_PERSON)
            return 0;
    }
    char key[256];
    const gaz_entity *p[1];
    bool known = mention_join_forms(forms, i, i + 2, key, sizeof key)
                 && gaz_lookup(g, key, ENT_PERSON, p, 1) == 1;
    mention *m = mention_add(ms, i, 2, ENT_PERSON);
    if (!m)
        return -1;
    if (!known)
        return mention_detected_key(text, t, forms, i, 2, m) < 0 ? -1 : 0;
    m->key = p[0]->key;
    m->name = p[0]->name;
    return 0;
}

/* The person an institution is named after by initials and a surname the
 * gazetteer lacks ("имени Д. Н. Мамина-Сибиряка", initials from token a,
 * surname at token i): a name of its own, unless one holds it already.
 * Returns 0, or -1 on no memory. */
static int add_eponym_by_initials(const char *text, const tok_array *t, char **forms,
                                  mentions *ms, size_t a, size_t i)
{
    size_t e = i;
    while (shape_hyphen_next(text, t, e)
           && names_case(text, t->v[e + 1].start, t->v[e + 1].end) > 0)
        e++;
    for (size_t k = 0; k < ms->n; k++) {
        mention *m = &ms->v[k];
        if (m->type == ENT_ORG || m->first > i || i >= m->first + m->n)
            continue;
        if (m->type == ENT_NAME && m->first == a && m->n == e + 1 - a)
            m->type = ENT_PERSON;   /* read untyped: the eponym says who */
        return 0;
    }
    mention *m = mention_add(ms, a, e + 1 - a, ENT_PERSON);
    return m && mention_detected_key(text, t, forms, a, e + 1 - a, m) >= 0 ? 0 : -1;
}

/* The person an institution is named after by a name that opens with a
 * particle in lower case ("имени аль-Фараби", tokens i, i+1), when the
 * gazetteer knows it and no person's mention holds it. Returns 0, or -1 on
 * no memory. */
static int add_eponym_with_particle(const gazetteer *g, const char *text, const tok_array *t,
                                    char **forms, mentions *ms, size_t i)
{
    char key[256];
    const gaz_entity *p[1];
    if (!shape_hyphen_next(text, t, i) || names_case(text, t->v[i + 1].start, t->v[i + 1].end) <= 0
        || !mention_join_forms(forms, i, i + 2, key, sizeof key)
        || gaz_lookup(g, key, ENT_PERSON, p, 1) != 1)
        return 0;
    for (size_t k = 0; k < ms->n; k++)
        if (ms->v[k].type == ENT_PERSON && ms->v[k].first <= i && i < ms->v[k].first + ms->v[k].n)
            return 0;
    mention *m = mention_add(ms, i, 2, ENT_PERSON);
    if (!m)
        return -1;
    m->key = p[0]->key;
    m->name = p[0]->name;
    return 0;
}

int eponyms_add(const gazetteer *g, const char *text, const tok_array *t, char **forms,
                mentions *ms)
{
    for (size_t i = 1; i < t->n; i++) {
        if (!shape_named_after(t, i))
            continue;
        if (names_case(text, t->v[i].start, t->v[i].end) < 0 && i + 1 < t->n
            && add_eponym_with_particle(g, text, t, forms, ms, i) < 0)
            return -1;
        if (names_case(text, t->v[i].start, t->v[i].end) <= 0)
            continue;
        size_t a = i;
        while (a > 0 && i - a < 2 && shape_initial(text, t, a - 1))
            a--;
        /* After initials the word is a surname, whatever follows it ("имени
         * А. Н. Бакулева Минздрава России"). */
        if (a == i && genitive_pair(text, t, i) && !place_at(ms, i + 1)) {
            if (add_eponym_in_full(g, text, t, forms, ms, i) < 0)
                return -1;
            i++;
            continue;
        }
        if (shape_initial(text, t, i))
            continue;   /* the surname comes after it */
        if (a < i && !gaz_person_by_initial(g, forms[a], forms[i])) {
            if (add_eponym_by_initials(text, t, forms, ms, a, i) < 0)
                return -1;
            continue;
        }
        const gaz_entity *p =
            shape_hyphen_next(text, t, i) ? NULL : gaz_person_by_initial(g, "", forms[i]);
        bool known = false;
        for (size_t k = 0; p && k < ms->n && !known; k++)
            known = ms->v[k].key == p->key && ms->v[k].first <= i && i < ms->v[k].first + ms->v[k].n;
        if (!p || known)
            continue;
        mention *m = mention_add(ms, i, 1, ENT_PERSON);
        if (!m)
            return -1;
        m->key = p->key;
        m->name = p->name;
    }
    return 0;
}

int eponyms_add_named_in_full(const char *text, const tok_array *t, char **forms, mentions *ms)
{
    enum { MAX_NAMED = 4 };
    size_t n = ms->n;
    for (size_t m = 0; m < n; m++) {
        size_t k = ms->v[m].first + ms->v[m].n;   /* "имени" */
        if (ms->v[m].type != ENT_ORG || ms->v[m].own_key || k + 1 >= t->n
            || strcmp(tok_array_norm(t, k), "имени") || t->v[k].start != t->v[k - 1].end + 1)
            continue;
        size_t e = k + 1, max = MAX_NAMED;
        /* An ordinal before a title: "имени первого Президента России Б. Н.
         * Ельцина". */
        const char *w = tok_array_norm(t, e);
        size_t wl = t->v[e].len;
        if (names_case(text, t->v[e].start, t->v[e].end) < 0 && wl > 6
            && (!strcmp(w + wl - 6, "ого") || !strcmp(w + wl - 6, "его"))) {
            e++;
            max += 3;
        }
        /* A title in lower case: "имени академика Е. Н. Мешалкина". */
        if (e < t->n && rustem_eponym_title(tok_array_norm(t, e), t->v[e].len)) {
            e++;
            max++;
        }
        size_t names = e;
        bool initials = false;
        /* Words joined by a space, or by ". " after an initial; after
         * initials the surname ends it ("имени М. К. Аммосова Виктор
         * Семенов"). */
        while (e < t->n && e <= k + max && names_case(text, t->v[e].start, t->v[e].end) > 0
               && (t->v[e].start == t->v[e - 1].end + 1
                   || (t->v[e].start == t->v[e - 1].end + 2 && text[t->v[e - 1].end] == '.'
                       && shape_initial(text, t, e - 1)))
               && text[t->v[e].start - 1] == ' ') {
            bool init = shape_initial(text, t, e);
            e++;
            if (initials && !init)
                break;
            initials |= init;
        }
        if (e == names)
            continue;
        mention *whole = mention_add(ms, ms->v[m].first, e - ms->v[m].first, ENT_ORG);
        if (!whole
            || mention_detected_key(text, t, forms, whole->first, whole->n, whole) < 0)
            return -1;
    }
    return 0;
}
