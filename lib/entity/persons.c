/* Person passes of the extraction (persons.h), apart from the pipeline with
 * the tests of a Russian name's case only they read (a nominative surname,
 * a woman's, an owner in the genitive before a name). */
#include "entity/persons.h"

#include <stdlib.h>
#include <string.h>

#include "entity/rustem.h"
#include "entity/shape.h"
#include "entity/wordlist.h"
#include "grow.h"
#include "text/script.h"

/* Token i surely is a Russian verb: a long word ending as no given name
 * does ("Выступила", "Сообщили", "Рассказывают"; not "Людмила"). */
static bool surely_russian_verb(const tok_array *t, size_t i)
{
    /* With the masculine past's "-ал", "-ял", "-ел" ("Беседовал",
     * "Рассказал"), which no long given name has; not "-ил" ("Абдулжалил"). */
    static const char ends[] = " ли ла ют ят ся сь ал ял ел ";
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len;
    return len >= 16 && wordlist_has(ends, w + len - 4, 4);
}

/* The last word of a name of two or more words that is a person's, or may
 * be (an untyped name). */
typedef struct surname {
    const char *form;
    size_t who;      /* index of its first full mention */
    int ambiguous;   /* two names of the document end in it */
} surname;

/* Token i ends as an adjective does ("Полоцкой", "Минский"). */
static bool adjective_ending(const tok_array *t, size_t i)
{
    static const char ends[] = " ий ый ой ая яя ое ее ого его ому ему ым им ую юю ей ";
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len, stem = rustem_name(w, len);
    return stem < len && wordlist_has(ends, w + stem, len - stem);
}

/* The surname entry for token i: a capitalized word, not inside a longer
 * name, whose form ends one full name of the document; NULL otherwise.
 * *alone is set when no gazetteer match covers the word. */
static surname *surname_at(const char *text, const tok_array *t, char **forms, const mentions *ms,
                           size_t nfirst, size_t *k, surname *sn, size_t nsn, size_t i, int *alone)
{
    if (names_case(text, t->v[i].start, t->v[i].end) <= 0)
        return NULL;
    while (*k < nfirst && ms->v[*k].first + ms->v[*k].n <= i)
        (*k)++;
    *alone = 1;
    for (size_t j = *k; j < nfirst && ms->v[j].first <= i; j++) {
        if (ms->v[j].n > 1)
            return NULL;
        *alone = 0;
    }
    for (size_t s = 0; s < nsn; s++)
        if (!strcmp(sn[s].form, forms[i]))
            return sn[s].ambiguous ? NULL : &sn[s];
    return NULL;
}

int persons_link_surnames(const char *text, const tok_array *t, const names_tok *nt, char **forms,
                          mentions *ms)
{
    surname *sn = NULL;
    size_t nsn = 0, cap = 0, nfirst = ms->n, k;
    int rc = 0, alone;
    for (size_t m = 0; m < nfirst; m++) {
        const mention *p = &ms->v[m];
        const char *f = forms[p->first + p->n - 1];
        if ((p->type != ENT_PERSON && p->type != ENT_NAME) || p->n < 2 || !*f)
            continue;
        size_t s = 0;
        while (s < nsn && strcmp(sn[s].form, f))
            s++;
        if (s < nsn) {
            sn[s].ambiguous |= strcmp(ms->v[sn[s].who].key, p->key) != 0;
            continue;
        }
        surname *g = grow_to(sn, &cap, nsn + 1, sizeof *g, 8);
        if (!g) {
            free(sn);
            return -1;
        }
        sn = g;
        sn[nsn++] = (surname){ f, m, 0 };
    }
    /* An untyped name becomes a person's when its surname stands alone in a
     * person's place, and so do all its mentions. */
    k = 0;
    for (size_t i = 0; i < t->n; i++) {
        surname *s = surname_at(text, t, forms, ms, nfirst, &k, sn, nsn, i, &alone);
        if (!s || ms->v[s->who].type != ENT_NAME || !names_person_context(text, nt, t->n, i))
            continue;
        const char *key = ms->v[s->who].key;
        for (size_t m = 0; m < nfirst; m++)
            if (ms->v[m].type == ENT_NAME && !strcmp(ms->v[m].key, key))
                ms->v[m].type = ENT_PERSON;
    }
    k = 0;
    for (size_t i = 0; i < t->n && rc == 0; i++) {
        surname *s = surname_at(text, t, forms, ms, nfirst, &k, sn, nsn, i, &alone);
        if (!s || ms->v[s->who].type != ENT_PERSON)
            continue;
        const char *key = ms->v[s->who].key, *name = ms->v[s->who].name;
        /* A place the gazetteer knows, in a noun's case, is no surname an
         * adjective makes ("Полоцк" is no "Евфросиния Полоцкая"). */
        size_t last = ms->v[s->who].first + ms->v[s->who].n - 1;
        if (!alone && adjective_ending(t, last) && !adjective_ending(t, i))
            continue;
        if (!alone) {
            /* Every entity the gazetteer gave this word becomes the person. */
            for (size_t j = k; j < nfirst && ms->v[j].first <= i; j++)
                ms->v[j].type = ENT_PERSON, ms->v[j].key = key, ms->v[j].name = name;
            continue;
        }
        mention *m = mention_add(ms, i, 1, ENT_PERSON);
        if (!m)
            rc = -1;
        else
            m->key = key, m->name = name;
    }
    free(sn);
    return rc;
}

int persons_add_initials(const gazetteer *g, const char *text, const tok_array *t, char **forms,
                         unsigned char *taken, mentions *ms)
{
    for (size_t i = 0; i + 1 < t->n; i++) {
        size_t s = i;
        /* One or two initials, each a capital letter and its period. */
        while (s < i + 2 && s + 1 < t->n && !taken[s] && t->v[s].len <= 2
               && t->v[s + 1].start > t->v[s].end && t->v[s + 1].start - t->v[s].end <= 2
               && shape_initial(text, t, s))
            s++;
        if (s == i || taken[s] || names_case(text, t->v[s].start, t->v[s].end) <= 0
            || shape_utf8_letters(tok_array_norm(t, s), t->v[s].len) < 2
            || shape_hyphen_next(text, t, s))
            continue;
        const gaz_entity *e = gaz_person_by_initial(g, forms[i], forms[s]);
        if (!e)
            continue;
        mention *m = mention_add(ms, i, s - i + 1, ENT_PERSON);
        if (!m)
            return -1;
        m->key = e->key;
        m->name = e->name;
        memset(taken + i, 1, s - i + 1);
        i = s;
    }
    return 0;
}

/* Token i ends as a surname in the nominative does: with no case ending
 * ("Гаджиев"), or as a masculine adjective ("Бельский", "Толстой"). */
static bool nominative_surname(const tok_array *t, size_t i)
{
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len;
    return !shape_case_ending(t, i)
           || (len > 4 && (!strcmp(w + len - 4, "ий") || !strcmp(w + len - 4, "ый")
                           || !strcmp(w + len - 4, "ой")));
}

/* Tokens g, s are a woman's given name and surname in the nominative: a
 * surname ending as a woman's does ("Давыдова", "Жаксыбаева", "Бельская")
 * after a given name in no case or in "-а", "-я" ("Гульнар", "Марина"). */
static bool female_nominative(const tok_array *t, size_t g, size_t s)
{
    static const char ends[] = " ова ева ёва ина ына ая ";
    const char *w = tok_array_norm(t, s), *n = tok_array_norm(t, g);
    size_t len = t->v[s].len, gl = t->v[g].len;
    bool surname = wordlist_ends(ends, w, len, 1);
    bool given = !shape_case_ending(t, g)
                 || (gl > 2 && (!strcmp(n + gl - 2, "а") || !strcmp(n + gl - 2, "я")));
    return surname && given;
}

/* Token i, longer than `min` bytes, ends with a two- or three-letter
 * Russian ending of the word list `ends`. */
static bool ends_as(const tok_array *t, size_t i, const char *ends, size_t min)
{
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len;
    return len > min && wordlist_ends(ends, w, len, 1);
}

/* Token i is a word in the genitive plural ("Набережных Челнов"). */
static bool genitive_plural(const tok_array *t, size_t i)
{
    return ends_as(t, i, " ых их ов ев ", 6);
}

/* Token i ends as an adjective in the genitive does ("Народного",
 * "Государственной"). */
static bool genitive_adjective(const tok_array *t, size_t i)
{
    return ends_as(t, i, " ого его ой ей ", 8);
}

/* How many first words of detected name p say whose the person is, in the
 * genitive, before a given name and a surname in the nominative: one in
 * "генеральный директор Узатома Азим Ахмедходжаев", "председатель ЗакСа
 * Александр Бельский", two in "мэр Набережных Челнов Наиль Магдеев" (a
 * person's own words agree in case: "Хикмета Гаджиева"; "Никита Сергеевич
 * Хрущев" has a patronymic); 0 when none. */
static size_t owner_before_name(const char *text, const tok_array *t, const mention *p)
{
    size_t last = p->first + p->n - 1, words = p->n;
    /* A hyphenated surname is one word ("Анна Гаспарян-Хачатрян"). */
    for (size_t i = p->first; i < last; i++)
        words -= shape_hyphen_next(text, t, i);
    /* A patronymic or an initial last: surname, given name, patronymic,
     * as official lists write a name ("Лебедев Сергей Николаевич",
     * "Лебедев С. Н."). */
    if (shape_patronymic(t, last)
        || shape_utf8_letters(tok_array_norm(t, last), t->v[last].len) == 1)
        return words == 4 && (shape_genitive(t, p->first) || genitive_plural(t, p->first));
    if (shape_patronymic(t, last - 1))
        return 0;
    if (!nominative_surname(t, last) && !female_nominative(t, p->first + 1, last))
        return 0;
    if (words == 3 && (shape_genitive(t, p->first) || genitive_plural(t, p->first)))
        return 1;
    if (words == 4 && genitive_plural(t, p->first + 1)
        && (shape_genitive(t, p->first) || genitive_plural(t, p->first)))
        return 2;
    /* Another's name in the genitive, whose the person is: "воспитанник
     * школы имени Гамида Гамидова Расул Алиев", "Председатель Народного
     * Собрания Заур Алибеков". */
    if (words == 4 && (shape_genitive(t, p->first) || genitive_adjective(t, p->first))
        && shape_genitive(t, p->first + 1) && !shape_case_ending(t, last - 1)
        && !shape_case_ending(t, last))
        return 2;
    return 0;
}

/* Detected mention p without its first `drop` words, of `type`: its key
 * and spelling read again. Returns 0 (p unchanged when the words left give
 * no key), or -1 on no memory. */
static int shorten(const char *text, const tok_array *t, char **forms, mention *p, size_t drop,
                   ent_type type)
{
    mention shorter = { p->first + drop, p->n - drop, type, NULL, NULL, NULL, NULL };
    int got = mention_detected_key(text, t, forms, shorter.first, shorter.n, &shorter);
    if (got != 0)
        return got < 0 ? -1 : 0;
    free(p->own_key);
    free(p->own_name);
    *p = shorter;
    return 0;
}

int persons_drop_genitive_surnames(const char *text, const tok_array *t, char **forms, mentions *ms)
{
    for (size_t m = 0; m < ms->n; m++) {
        mention *p = &ms->v[m];
        if (!p->own_key || p->n < 3 || (p->type != ENT_PERSON && p->type != ENT_NAME)
            || script_word(tok_array_norm(t, p->first), t->v[p->first].len, NULL)
                   != SCRIPT_CYRILLIC)
            continue;
        bool his = false;
        for (size_t q = 0; q < ms->n && !his; q++) {
            const mention *o = &ms->v[q];
            his = q != m && o->type == ENT_PERSON && o->n >= 2
                  && !strcmp(forms[o->first + o->n - 1], forms[p->first]);
        }
        size_t drop = his ? 1 : owner_before_name(text, t, p);
        if (drop && shorten(text, t, forms, p, drop, p->type) < 0)
            return -1;
    }
    return 0;
}

int persons_drop_leading_words(const char *text, const tok_array *t, char **forms, mentions *ms)
{
    size_t m = 0;
    while (m < ms->n) {
        mention *p = &ms->v[m];
        const char *w = tok_array_norm(t, p->first);
        bool detected = p->own_key && p->n >= 2 && (p->type == ENT_PERSON || p->type == ENT_NAME);
        bool role = detected && script_word(w, t->v[p->first].len, NULL) == SCRIPT_CYRILLIC
                    && rustem_person_role(w, t->v[p->first].len);
        if (role && p->n == 2) {
            /* The last mention takes its place, to be looked at next. */
            free(p->own_key);
            free(p->own_name);
            *p = ms->v[--ms->n];
            continue;
        }
        if (detected && p->n >= 3 && (role || surely_russian_verb(t, p->first))) {
            ent_type type = p->n == 4 && shape_patronymic(t, p->first + 2) ? ENT_PERSON : p->type;
            if (shorten(text, t, forms, p, 1, type) < 0)
                return -1;
        }
        m++;
    }
    return 0;
}

int persons_split_town_and_person(const char *text, const tok_array *t, char **forms, mentions *ms)
{
    size_t n = ms->n;
    for (size_t m = 0; m < n; m++) {
        mention *p = &ms->v[m];
        size_t f = p->first;
        bool person = p->n == 3 ? !shape_patronymic(t, f + 1)
                                : p->n == 4 && shape_patronymic(t, f + 2);
        if (!p->own_key || f == 0 || !person || p->type == ENT_ORG
            || !rustem_settlement_kind(tok_array_norm(t, f - 1), t->v[f - 1].len)
            || script_word(tok_array_norm(t, f), t->v[f].len, NULL) != SCRIPT_CYRILLIC)
            continue;
        mention who = { f + 1, p->n - 1, ENT_PERSON, NULL, NULL, NULL, NULL };
        int got = mention_detected_key(text, t, forms, who.first, who.n, &who);
        if (got < 0)
            return -1;
        if (got > 0)
            continue;
        mention town = { f, 1, ENT_PLACE, NULL, NULL, NULL, NULL };
        if ((got = mention_detected_key(text, t, forms, f, 1, &town)) != 0
            || !mention_add(ms, 0, 0, ENT_PERSON)) {
            free(who.own_key);
            free(who.own_name);
            if (got > 0)
                continue;
            free(town.own_key);
            free(town.own_name);
            return -1;
        }
        free(ms->v[m].own_key);
        free(ms->v[m].own_name);
        ms->v[m] = town;
        ms->v[ms->n - 1] = who;
    }
    return 0;
}
