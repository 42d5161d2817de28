/* Extraction pipeline: match forms of the tokens, gazetteer matches (which
 * claim their tokens), name detection on what is left, then dates (those
 * written without a year wait for the document's own date). The passes over
 * the document's mentions (mention.h) that read more names, link and key them
 * live in files of their own: rucontext.c, acronyms.c, persons.c, orgs.c,
 * eponyms.c and keys.c. */
#include "entity/extract.h"

#include <stdlib.h>
#include <string.h>

#include "entity/acronyms.h"
#include "entity/clubs.h"
#include "entity/eponyms.h"
#include "entity/keys.h"
#include "entity/mention.h"
#include "entity/names.h"
#include "entity/orgs.h"
#include "entity/persons.h"
#include "entity/rucontext.h"
#include "entity/ruorg.h"
#include "entity/rulists.h"
#include "entity/runames.h"
#include "entity/rustem.h"
#include "entity/sense.h"
#include "entity/shape.h"
#include "entity/single.h"
#include "entity/spelling.h"
#include "entity/wordlist.h"
#include "fnv.h"
#include "grow.h"
#include "entity/translit.h"
#include "text/script.h"

/* Letters of the longest acronym read as one ("ОДКБ", "ЕАЭС"); longer words
 * in capitals are names written so ("ИНТЕРФАКС"). */
enum { MAX_ACRONYM = 5 };

/* Counts mentions per (type, key). An open-addressing table of indexes into
 * x->ents, so a document naming many entities costs no more per mention than
 * one naming few. */
typedef struct counter {
    extraction *x;
    const gazetteer *g;
    size_t cap;
    size_t *slots;      /* index + 1 into x->ents; 0 is free */
    size_t nslots;      /* a power of two, at least twice nents */
} counter;

static size_t slot_of(const counter *c, ent_type type, const char *key)
{
    size_t mask = c->nslots - 1, i = (size_t)(fnv1a64(key, strlen(key)) ^ (uint64_t)type) & mask;
    for (;; i = (i + 1) & mask) {
        size_t e = c->slots[i];
        if (!e || (c->x->ents[e - 1].type == type && strcmp(c->x->ents[e - 1].key, key) == 0))
            return i;
    }
}

static int rehash(counter *c)
{
    size_t n = c->nslots ? c->nslots * 2 : 64;
    size_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    free(c->slots);
    c->slots = slots;
    c->nslots = n;
    for (size_t e = 0; e < c->x->nents; e++)
        c->slots[slot_of(c, c->x->ents[e].type, c->x->ents[e].key)] = e + 1;
    return 0;
}

/* A name the gazetteer lacks is named as the text spells it: of its
 * spellings, the first of those that read most as a nominative
 * (spelling.h), "Кувандыкский городской округ" rather than the
 * "Кувандыкского городского округа" seen first. Returns 0, or -1 on no
 * memory. */
static int better_name(const gazetteer *g, ent_count *e, const char *name, size_t name_len)
{
    if ((!strncmp(e->name, name, name_len) && !e->name[name_len])
        || spelling_nominative(name, name_len) <= spelling_nominative(e->name, strlen(e->name))
        || (g && gaz_find(g, e->type, e->key)))
        return 0;
    char *copy = strndup(name, name_len);
    if (!copy)
        return -1;
    free(e->name);
    e->name = copy;
    return 0;
}

static int count(counter *c, ent_type type, const char *key, const char *name, size_t name_len)
{
    extraction *x = c->x;
    if (2 * (x->nents + 1) > c->nslots && rehash(c) < 0)
        return -1;
    size_t s = slot_of(c, type, key);
    if (c->slots[s]) {
        ent_count *e = &x->ents[c->slots[s] - 1];
        e->mentions++;
        return better_name(c->g, e, name, name_len);
    }
    ent_count *p = grow_to(x->ents, &c->cap, x->nents + 1, sizeof *p, 16);
    if (!p)
        return -1;
    x->ents = p;
    ent_count *e = &x->ents[x->nents];
    e->type = type;
    e->mentions = 1;
    e->key = strdup(key);
    e->name = strndup(name, name_len);
    if (!e->key || !e->name) {
        free(e->key);
        free(e->name);
        return -1;
    }
    c->slots[s] = ++x->nents;
    return 0;
}

/* Match forms of all tokens, possessives stripped: Latin ones point into the
 * array's arena, transliterated (Cyrillic less its Russian case ending) or
 * stripped ones are copies (marked in `owned`). */
static char **match_forms(const char *text, const tok_array *t, unsigned char *owned)
{
    char **f = calloc(t->n + 1, sizeof *f);
    for (size_t i = 0; f && i < t->n; i++) {
        const char *norm = tok_array_norm(t, i);
        size_t cut = gaz_possessive_len(norm, t->v[i].len);
        if (!translit_has_cyr(norm, t->v[i].len) && !norm[cut]) {
            f[i] = (char *)norm;
            continue;
        }
        bool caps = names_caps(text, t->v[i].start, t->v[i].end) >= 2;
        size_t need = gaz_token_form(norm, cut, caps, NULL, 0);
        if (!(f[i] = malloc(need + 1))) {
            for (size_t j = 0; j < i; j++)
                if (owned[j])
                    free(f[j]);
            free(f);
            return NULL;
        }
        gaz_token_form(norm, cut, caps, f[i], need + 1);
        owned[i] = 1;
    }
    return f;
}

/* The stem of token i (rustem_name) ends with one of the endings of word
 * list `ends` and keeps three bytes more: "Борисов" with "ов". */
static bool stem_ends(const tok_array *t, size_t i, const char *ends)
{
    const char *w = tok_array_norm(t, i);
    return wordlist_ends(ends, w, rustem_name(w, t->v[i].len), 3);
}

/* Token i's case ending (rustem_name) is `end`. */
static bool ends_in(const tok_array *t, size_t i, const char *end)
{
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len;
    return !strcmp(w + rustem_name(w, len), end);
}

/* Token i ends as a name in the nominative does: "-а", "-я" ("Сабина",
 * "Мария"), which no prepositional has. */
static bool nominative_like(const tok_array *t, size_t i)
{
    return ends_in(t, i, "а") || ends_in(t, i, "я");
}

/* Token i+1 is a Russian surname or patronymic after token i, a given name
 * that a place shares ("Владимир Зиновский", "Владимиру Владимировичу"): a
 * capitalized Cyrillic word, not taken, after a space, whose stem ends as
 * surnames and patronymics do, and that is no region's adjective ("Владимир
 * Ивановской области"). */
static bool surname_after(const char *text, const tok_array *t, const unsigned char *taken,
                          size_t i)
{
    if (i + 1 >= t->n || taken[i + 1] || t->v[i + 1].start != t->v[i].end + 1
        || text[t->v[i].end] != ' '
        || names_case(text, t->v[i + 1].start, t->v[i + 1].end) <= 0)
        return false;
    const char *w = tok_array_norm(t, i + 1);
    size_t len = rustem_name(w, t->v[i + 1].len);
    if (len == t->v[i + 1].len && !translit_has_cyr(w, len))
        return false;   /* not Russian */
    /* A place in the genitive before a word in no case is whose the name
     * is, no given name: "министр Азербайджана Эмин Амруллаев" (a given name
     * and its surname share their case: "Владимиру Владимировичу"). */
    if (shape_genitive(t, i) && !shape_case_ending(t, i + 1))
        return false;
    /* Nor one after a preposition (or "г.", a town's) in a case its
     * neighbour does not share: "в Екатеринбурге Осмонов Бакыт", "в
     * Узбекистане Сабина Стейн" ("с Владимиром Путиным" shares it). */
    static const char prepositions[] = " в во из на под по с со к ко у о об от до при г ";
    if (i > 0 && shape_case_ending(t, i)
        && (!shape_case_ending(t, i + 1) || (ends_in(t, i, "е") && nominative_like(t, i + 1)))
        && wordlist_has(prepositions, tok_array_norm(t, i - 1), t->v[i - 1].len))
        return false;
    /* Nor before a given name and a surname: "критик из Москвы Марина
     * Давыдова", "в Токио Полина Гурьева" ("Владимира Владимировича
     * Путина" has a patronymic). */
    if (i + 2 < t->n && t->v[i + 2].start == t->v[i + 1].end + 1
        && names_case(text, t->v[i + 2].start, t->v[i + 2].end) > 0 && !shape_patronymic(t, i + 1)
        && (shape_genitive(t, i)
            || rustem_surname_shaped(tok_array_norm(t, i + 2), t->v[i + 2].len)))
        return false;
    if (i + 2 < t->n && names_case(text, t->v[i + 2].start, t->v[i + 2].end) < 0) {
        const char *r = tok_array_norm(t, i + 2);
        size_t rl = rustem_name(r, t->v[i + 2].len);
        if ((rl == 12 && !memcmp(r, "област", 12)) || (rl == 10 && !memcmp(r, "район", 10)))
            return false;
    }
    return rustem_surname_shaped(w, t->v[i + 1].len);
}

/* A one-word place right after a person's title is a surname shaped as
 * one ("министра иностранных дел Иванова" is no Ivanovo): the title in
 * lower case before it, and the sentence's words before naming one. */
static bool surname_after_title(const char *text, const tok_array *t, const names_tok *nt,
                                size_t i)
{
    /* A resident's title is followed by where: "жителя Кемерова". */
    static const char residents[] = " жител жительниц ";
    /* A name after it is the person's: the place is whose he is
     * ("представителя Нидерландов Аниша Гири"). */
    bool name_next = i + 1 < t->n && t->v[i + 1].start == t->v[i].end + 1
                     && text[t->v[i].end] == ' ' && names_case(text, t->v[i + 1].start, t->v[i + 1].end) > 0;
    return i > 0 && !name_next && t->v[i].start == t->v[i - 1].end + 1 && text[t->v[i - 1].end] == ' '
           && names_case(text, t->v[i - 1].start, t->v[i - 1].end) < 0
           && names_titled(text, nt, t->n, i - 1) && names_title_before(text, nt, t->n, i)
           && !wordlist_has(residents, tok_array_norm(t, i - 1),
                            rustem_name(tok_array_norm(t, i - 1), t->v[i - 1].len))
           && rustem_surname_shaped(tok_array_norm(t, i), t->v[i].len);
}

/* Entity e has a one-word name of match form `form` written in Cyrillic,
 * or in another script when `cyrillic` is false. */
static bool one_word_name(const gaz_entity *e, const char *form, bool cyrillic)
{
    bool found = false;
    for (size_t k = 0; k <= e->naliases && !found; k++) {
        const char *a = k < e->naliases ? e->aliases[k] : e->name;
        size_t len = strlen(a);
        if (translit_has_cyr(a, len) != cyrillic || memchr(a, ' ', len))
            continue;
        char *f = gaz_short_name_form(a, len);
        found = f && !strcmp(f, form);
        free(f);
    }
    return found;
}

/* Entity e has a name written exactly as the `len` bytes at `w` ("БелТА"
 * beside "БЕЛТА"). */
static bool written_so(const gaz_entity *e, const char *w, size_t len)
{
    for (size_t k = 0; k <= e->naliases; k++) {
        const char *a = k < e->naliases ? e->aliases[k] : e->name;
        if (strlen(a) == len && !memcmp(a, w, len))
            return true;
    }
    return false;
}

/* Entity e has a one-word Cyrillic name of match form `form` (an acronym
 * in capitals meets the names written in its script only: "УК" is not the
 * United Kingdom's "UK"). */
static bool cyrillic_name(const gaz_entity *e, const char *form)
{
    return one_word_name(e, form, true);
}

/* A short Russian word in capitals with lower-case words on both sides in
 * its sentence ("Таджикистан и АБР обсудили") is an acronym, no case of a one-word name
 * the gazetteer writes in lower case ("Абр"); a dateline or a headline in
 * capitals says nothing. */
static bool caps_for_lower(const char *text, const tok_array *t, const names_tok *nt,
                           char **forms, const gaz_match *g)
{
    size_t i = g->first;
    int caps = names_caps(text, t->v[i].start, t->v[i].end);
    if (caps >= 2 && caps <= MAX_ACRONYM && !cyrillic_name(g->ent, forms[i]))
        return true;   /* "УК" is not "UK" */
    if (g->caps || caps < 2 || caps > MAX_ACRONYM || i == 0 || i + 1 >= t->n
        || names_sentence_end(text, nt, t->n, i - 1) || names_sentence_end(text, nt, t->n, i))
        return false;
    return names_caps(text, t->v[i - 1].start, t->v[i - 1].end) < 0
           && names_caps(text, t->v[i + 1].start, t->v[i + 1].end) < 0;
}

/* A one-word Russian place after a given name is a surname ("Юрий Борисов",
 * not the town Борисов): token i-1 a capitalized Cyrillic word that is no
 * known name, joined by a space, not in capitals, and token i shaped as
 * surnames are ("-ов", "-ев", "-ин", "-ский"). */
static bool after_given_name(const char *text, const tok_array *t, const unsigned char *taken,
                             size_t i)
{
    static const char ends[] = " ов ев ёв ин ын ск цк ";
    /* Words a sentence may open with before a place: "Из Красноярска". */
    static const char openers[] = " в во из на под по с со к ко у о об от до при за для без над"
                                  " перед через и а но после между ";
    if (i == 0 || taken[i - 1] || t->v[i].start != t->v[i - 1].end + 1
        || text[t->v[i - 1].end] != ' '
        || names_case(text, t->v[i - 1].start, t->v[i - 1].end) <= 0
        || names_caps(text, t->v[i - 1].start, t->v[i - 1].end) >= 0
        || script_word(tok_array_norm(t, i - 1), t->v[i - 1].len, NULL) != SCRIPT_CYRILLIC
        || wordlist_has(openers, tok_array_norm(t, i - 1), t->v[i - 1].len))
        return false;
    return stem_ends(t, i, ends);
}

/* A one-word place after a given name the gazetteer lacks, with a
 * person's title before the two or a speech verb after, is a surname
 * ("Маттео Коломбо отметил", not Colombo): token i-1 a capitalized
 * Cyrillic word no name took, joined by a space, no adjective, inside its
 * sentence. */
static bool after_titled_given_name(const char *text, const tok_array *t, const names_tok *nt,
                                    const unsigned char *taken, size_t i)
{
    /* No "-ей", "-ем": "Сергей", "Артем" are given names. */
    static const char adjective_ends[] = " ий ый ой ая ое ого ую ом ым им ые ых их ";
    /* A name going on after the place is whose the place is ("Нацбанка
     * Казахстана Тимур Сулейменов"). */
    if (i + 1 < t->n && t->v[i + 1].start <= t->v[i].end + 1
        && names_case(text, t->v[i + 1].start, t->v[i + 1].end) > 0)
        return false;
    if (i < 2 || taken[i - 1] || t->v[i].start != t->v[i - 1].end + 1
        || text[t->v[i - 1].end] != ' '
        || names_case(text, t->v[i - 1].start, t->v[i - 1].end) <= 0
        || names_caps(text, t->v[i - 1].start, t->v[i - 1].end) >= 0
        || script_word(tok_array_norm(t, i - 1), t->v[i - 1].len, NULL) != SCRIPT_CYRILLIC
        || names_sentence_end(text, nt, t->n, i - 2))
        return false;
    if (wordlist_ends(adjective_ends, tok_array_norm(t, i - 1), t->v[i - 1].len, 1))
        return false;
    return names_title_before(text, nt, t->n, i - 1) || names_person_context(text, nt, t->n, i);
}

/* The words before token i are a titled person's given name and surname
 * and "и" ("губернаторы Андрей Травников и | Владимир Мазур"). */
static bool titled_pair_before(const char *text, const tok_array *t, const names_tok *nt,
                               size_t i)
{
    if (i < 3 || strcmp(tok_array_norm(t, i - 1), "и"))
        return false;
    for (size_t k = i - 3; k < i; k++)
        if (t->v[k + 1].start != t->v[k].end + 1 || text[t->v[k].end] != ' ')
            return false;
    for (size_t k = i - 3; k < i - 1; k++)
        if (names_case(text, t->v[k].start, t->v[k].end) <= 0
            || names_caps(text, t->v[k].start, t->v[k].end) >= 2
            || script_word(tok_array_norm(t, k), t->v[k].len, NULL) != SCRIPT_CYRILLIC)
            return false;
    return names_title_before(text, nt, t->n, i - 3);
}

/* A one-word place in no case of its own after a person's title, before a
 * capitalized word no name took, is a given name before a surname
 * ("Губернатор Томской области Владимир Мазур", not the city Vladimir;
 * "губернатора Томской области Владимира Мазура", the two alone in one
 * case). Not a place in a case of its own ("мэр Томска Иван Кляйн", "представителя
 * Нидерландов Аниша Гири"), in capitals ("КНР"), nor one its kind names
 * ("города Байконур", "аймака Увс"; "министр финансов края Владимир
 * Бахарь" is a given name): whose the title is. */
/* A capitalized word follows token i, joined by a space or a hyphen: a
 * name goes on ("Турции Али | Ерликая" is whose Ali Yerlikaya is). */
static bool name_goes_on(const char *text, const tok_array *t, size_t i)
{
    return i + 1 < t->n && t->v[i + 1].start == t->v[i].end + 1 && strchr(" -", text[t->v[i].end])
           && names_case(text, t->v[i + 1].start, t->v[i + 1].end) > 0;
}

static bool given_name_after_title(const char *text, const tok_array *t, const names_tok *nt,
                                   const unsigned char *taken, size_t i)
{
    static const char regions[] = " аймака округа провинции штата уезда велаята вилаята района ";
    if (i == 0 || i + 1 >= t->n || taken[i + 1] || t->v[i + 1].start != t->v[i].end + 1
        || text[t->v[i].end] != ' ' || names_case(text, t->v[i + 1].start, t->v[i + 1].end) <= 0
        || names_caps(text, t->v[i + 1].start, t->v[i + 1].end) >= 2
        || names_caps(text, t->v[i].start, t->v[i].end) >= 2
        || script_word(tok_array_norm(t, i), t->v[i].len, NULL) != SCRIPT_CYRILLIC
        || script_word(tok_array_norm(t, i + 1), t->v[i + 1].len, NULL) != SCRIPT_CYRILLIC
        || (shape_case_ending(t, i)
            && (!rustem_same_last_letter(tok_array_norm(t, i), tok_array_norm(t, i + 1))
                || shape_initial(text, t, i + 1) || name_goes_on(text, t, i + 1)))
        || wordlist_ends(" ов ев ", tok_array_norm(t, i), t->v[i].len, 4)
        || rustem_settlement_kind(tok_array_norm(t, i - 1), t->v[i - 1].len)
        || wordlist_has(regions, tok_array_norm(t, i - 1), t->v[i - 1].len))
        return false;
    return names_title_before(text, nt, t->n, i) || titled_pair_before(text, t, nt, i);
}

/* A one-word person the gazetteer names by a given name ("Улугбек", Mirzo
 * Ulugbek), or a place met only by a case of its name ("Виктор" of
 * "Виктория"), right before a one-word place shaped as a surname
 * ("Касимов", "Семенов", towns): someone else's given name and surname,
 * left to name detection. Drops both matches. */
static void drop_given_and_surname(const char *text, const tok_array *t, gaz_match *gm, long ng)
{
    for (long i = 0; i + 1 < ng; i++) {
        gaz_match *a = &gm[i], *b = &gm[i + 1];
        size_t f = a->first;
        if (a->n != 1 || b->n != 1 || b->first != f + 1
            || (a->ent->type != ENT_PERSON && !(a->ent->type == ENT_PLACE && a->cut))
            || b->ent->type != ENT_PLACE || t->v[f + 1].start != t->v[f].end + 1
            || text[t->v[f].end] != ' '
            || script_word(tok_array_norm(t, f), t->v[f].len, NULL) != SCRIPT_CYRILLIC)
            continue;
        if (stem_ends(t, f + 1, " ов ев ёв ин ын "))
            a->n = b->n = 0;
    }
}

/* The gazetteer's names in the document, sentence by sentence: a name never
 * runs across a sentence's end ("после Минска. Области ..." is no Minsk
 * Region; "U.S. Treasury" and "St. Petersburg" are one name, names.h).
 * Returns the count and a malloc'd array in *out, or -1 on no memory. */
static long match_sentences(const gazetteer *g, const char *text, const tok_array *t,
                            const names_tok *nt, char **forms, gaz_match **out)
{
    gaz_match *v = NULL;
    size_t nv = 0, cap = 0;
    *out = NULL;
    for (size_t a = 0, b; a < t->n; a = b) {
        for (b = a + 1; b < t->n && !names_sentence_end(text, nt, t->n, b - 1); b++)
            ;
        gaz_match *seg;
        long k = gaz_match_tokens(g, (const char *const *)forms + a, b - a, &seg);
        if (k == 0)
            continue;
        gaz_match *p = k < 0 ? NULL : grow_to(v, &cap, nv + (size_t)k, sizeof *p, 16);
        if (!p) {
            free(seg);
            free(v);
            return -1;
        }
        v = p;
        for (long i = 0; i < k; i++) {
            v[nv] = seg[i];
            v[nv++].first += a;
        }
        free(seg);
    }
    *out = v;
    return (long)nv;
}

/* The match is initials written with periods ("A.P.") before a name's next
 * word, a capitalized word of no word list after ". ": the initials of a
 * person or a company ("A.P. Moller-Maersk", "J.P. Morgan"), not an acronym
 * the gazetteer lists ("AP"). */
static bool initials_of_name(const char *text, const tok_array *t, const names_tok *nt,
                             const unsigned char *taken, const gaz_match *g)
{
    size_t e = g->first + g->n;
    if (g->n < 2 || e >= t->n || taken[e] || t->v[e].start != t->v[e - 1].end + 2
        || memcmp(text + t->v[e - 1].end, ". ", 2) || names_case(text, t->v[e].start, t->v[e].end) <= 0
        || names_caps(text, t->v[e].start, t->v[e].end) >= 0
        || names_listed(text, nt, t->n, e))
        return false;
    for (size_t k = g->first; k < e; k++)
        if (t->v[k].end != t->v[k].start + 1 || names_caps(text, t->v[k].start, t->v[k].end) != 1
            || (k + 1 < e && (t->v[k + 1].start != t->v[k].end + 1 || text[t->v[k].end] != '.')))
            return false;
    return true;
}

/* Token i is glued by a hyphen to token j, a capitalized word no match
 * holds: the two are one name the gazetteer lacks ("Усть-Луга" is no Luga,
 * "Римского-Корсакова" no Korsakov), where two names so glued stay two
 * ("Россия-Беларусь"). */
static bool hyphen_glued(const char *text, const tok_array *t, const unsigned char *taken,
                         size_t i, size_t j)
{
    size_t a = i < j ? i : j, b = i < j ? j : i;
    return j < t->n && !taken[j] && t->v[b].start == t->v[a].end + 1 && text[t->v[a].end] == '-'
           && names_case(text, t->v[j].start, t->v[j].end) > 0;
}

/* Token i is a part of a compound adjective whose first parts end in "-о"
 * ("Волжско-Каспийский", "Северо-Кавказской"): it names no town (Volzhsk,
 * Kaspiysk); the adjective's region, if any, is read whole. */
static bool compound_adjective_part(const char *text, const tok_array *t, size_t i)
{
    size_t a = i, e = i;
    while (a > 0 && t->v[a].start == t->v[a - 1].end + 1 && text[t->v[a - 1].end] == '-')
        a--;
    while (e + 1 < t->n && t->v[e + 1].start == t->v[e].end + 1 && text[t->v[e].end] == '-')
        e++;
    if (a == e || script_word(tok_array_norm(t, e), t->v[e].len, NULL) != SCRIPT_CYRILLIC)
        return false;
    static const char adjective[] = " ий ый ой ая яя ое ее ого его ому ему ым им ую ые ие ых их ";
    const char *last = tok_array_norm(t, e);
    size_t ll = t->v[e].len;
    bool ends = wordlist_ends(adjective, last, ll, 1);
    for (size_t k = a; ends && k < e; k++) {
        const char *w = tok_array_norm(t, k);
        if (t->v[k].len < 4 || memcmp(w + t->v[k].len - 2, "о", 2))
            return false;
    }
    return ends;
}

/* Token i ends as a Russian verb's past plural or feminine, present or
 * reflexive form does ("Выступили", "заявила", "считает"), in a word too
 * long to be a given name so ended ("Али"). */
static bool russian_verb(const tok_array *t, size_t i)
{
    static const char ends[] = " ли ла ло ет ит ют ят ут ся сь ";
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len;
    return len >= 12 && wordlist_has(ends, w + len - 4, 4);
}

/* A gazetteer match the text's context rejects: a one-word name written in
 * lower case ("turkey", "fed"), a one-word place or person after a given
 * name ("MaliVai Washington", "Chelsea Clinton"), or a one-word place before
 * a surname or a name's next word ("Mary Robinson", "Tokyo Stock Exchange"),
 * which name detection then reads whole. The last two read English word
 * order: in Russian and the region's other Cyrillic languages a capitalized
 * word next to a place is as often a noun governing it ("Делегация
 * Казахстана", "Қазақстан Республикасының"), so they hold for Latin names only. */
static int rejected(const char *text, const tok_array *t, const names_tok *nt,
                    const unsigned char *taken, char **forms, const gaz_match *g, bool sport)
{
    if (g->ent->type == ENT_ORG && ruorg_mayor(tok_array_norm(t, g->first)))
        return 1;
    if (g->ent->type != ENT_PLACE && initials_of_name(text, t, nt, taken, g))
        return 1;
    if ((g->first > 0 && hyphen_glued(text, t, taken, g->first, g->first - 1))
        || hyphen_glued(text, t, taken, g->first + g->n - 1, g->first + g->n)
        || (g->n == 1 && compound_adjective_part(text, t, g->first)))
        return 1;
    /* A place that starts an organization's name ("Alaska Airlines", "New
     * York Police Department"), or a city its team's ("Denver Nuggets"):
     * name detection reads the name whole. */
    size_t last = g->first + g->n - 1;
    if (g->ent->type == ENT_PLACE
        && script_word(forms[g->first], strlen(forms[g->first]), NULL) == SCRIPT_LATIN
        && gaz_possessive_len(tok_array_norm(t, last), t->v[last].len) == t->v[last].len) {
        int after = names_org_after(text, nt, t->n, taken, last);
        if (after == 1 || (after == 2 && g->ent->ncontext > 0))
            return 1;
    }
    if (g->n != 1)
        return 0;
    size_t from = t->v[g->first].start, to = t->v[g->first].end;
    if (names_case(text, from, to) < 0)
        return 1;
    /* A name the gazetteer writes in capitals ("РАН", "МИД") is met by a
     * word that starts with two capitals ("РАН", "МИДа"), never by one that
     * only shares its letters ("Ранее", or "Ran" in English), unless the
     * gazetteer also writes it so; a Latin word still meets a Latin name
     * so written ("Nato" for NATO). */
    unsigned char lead = (unsigned char)text[from];
    size_t first = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    bool cyr = script_word(tok_array_norm(t, g->first), t->v[g->first].len, NULL) == SCRIPT_CYRILLIC;
    if (g->caps && (to - from <= first || names_case(text, from + first, to) <= 0)
        && (cyr || !one_word_name(g->ent, forms[g->first], false))
        && !written_so(g->ent, text + from, to - from))
        return 1;
    /* "France 24", "Channel 4": the name of a channel or product, which
     * one-word names (single.h) read whole; in a sports story a town's
     * number is its club's score (orgs_sport_clubs). */
    if (single_numbered(text, nt, t->n, g->first)
        && !(sport && g->ent->type == ENT_PLACE && g->ent->ncontext))
        return 1;
    /* A town named like a company, in a company's context ("shares of
     * Toyota", "the Morena party"). */
    if (g->ent->type == ENT_PLACE && single_org_context(text, nt, t->n, g->first))
        return 1;
    if (script_word(tok_array_norm(t, g->first), t->v[g->first].len, NULL) == SCRIPT_CYRILLIC
        && caps_for_lower(text, t, nt, forms, g))
        return 1;
    if (g->ent->type != ENT_PLACE && g->ent->type != ENT_PERSON)
        return 0;
    if (g->ent->type == ENT_PLACE
        && (surname_after(text, t, taken, g->first) || after_given_name(text, t, taken, g->first)
            || surname_after_title(text, t, nt, g->first)
            || after_titled_given_name(text, t, nt, taken, g->first)
            || (g->n == 1 && given_name_after_title(text, t, nt, taken, g->first))))
        return 1;
    /* A person the gazetteer names by one word that is another's given name
     * before a surname: "Улугбек Матякубов" is no Mirzo Ulugbek; or that a
     * town bears after its kind: "в городе Курчатове" is no Igor
     * Kurchatov. */
    if (g->ent->type == ENT_PERSON && g->n == 1
        && (surname_after(text, t, taken, g->first)
            || (g->first > 0
                && rustem_settlement_kind(tok_array_norm(t, g->first - 1), t->v[g->first - 1].len))))
        return 1;
    bool latin = script_word(tok_array_norm(t, g->first), t->v[g->first].len, NULL) == SCRIPT_LATIN;
    if (!latin && g->ent->type != ENT_PERSON)
        return 0;
    if (g->ent->type == ENT_PERSON && g->first > 0) {
        /* The person's own given name ("Tayyip Erdogan"). */
        const char *k = g->ent->key, *w = forms[g->first - 1];
        size_t wl = strlen(w);
        for (; *k; k += strcspn(k, " "), k += *k == ' ')
            if (wl && strcspn(k, " ") == wl && !strncmp(k, w, wl))
                return 0;
    }
    /* Another's given name before a surname, in either script: "Chelsea
     * Clinton", "Жанарбек Акаев" (no Askar Akayev); a Russian verb that
     * starts a sentence is none ("Выступили Акаев"). */
    if (!latin && g->first > 0 && russian_verb(t, g->first - 1))
        return 0;
    return names_given_name_before(text, nt, t->n, taken, g->first)
           || (latin && g->ent->type == ENT_PLACE
               && names_surname_after(text, nt, t->n, taken, g->first));
}

static int by_first(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first;
}

static void sort_mentions(mentions *m)
{
    if (m->n)   /* qsort must not see the null array of an empty list */
        qsort(m->v, m->n, sizeof *m->v, by_first);
}

/* Tokens f and f+1 read as a Russian given name and surname: two
 * capitalized Cyrillic words, no acronyms, joined by a space, the first no
 * people by their role (rustem_person_role), the second
 * shaped as surnames are, no patronymic ("Полина Гурьева", "Илья Середюк";
 * not "Сергиев Посад", "Ольга Викторовна"). Given names in "-ина" are
 * shaped as surnames too, so the first word may be. */
static bool given_and_surname(const char *text, const names_tok *nt, size_t n, size_t f)
{
    if (f + 1 >= n || nt[f + 1].start != nt[f].end + 1 || text[nt[f].end] != ' ')
        return false;
    for (size_t k = f; k <= f + 1; k++)
        if (names_case(text, nt[k].start, nt[k].end) <= 0
            || names_caps(text, nt[k].start, nt[k].end) >= 2
            || script_word(nt[k].norm, strlen(nt[k].norm), NULL) != SCRIPT_CYRILLIC)
            return false;
    /* People named by their role open no name: "Пограничники Гродненской
     * (пограничной группы)", "Жители Забайкальска". */
    if (rustem_person_role(nt[f].norm, strlen(nt[f].norm)))
        return false;
    const char *s = nt[f + 1].norm;
    size_t len = strlen(s);
    return rustem_surname_shaped(s, len) && !rustem_patronymic(s, len);
}

/* Types detected names by what the gazetteer and the words after them
 * say. An untyped one followed by an apposition that says what company it
 * is ("Deutsche Telekom, Europe's largest telecoms group,") is an
 * organization (single.h); one that reads as a Russian given name and
 * surname is a person. A two-word name that starts with a country's
 * name and reads as a person's only by the speech verb after it ("Kenya
 * Power said", "Japan Tobacco said") is as likely a company named after
 * its country: it is left untyped, so any filter finds it. A title before
 * it still makes a person ("Defence Minister Israel Katz said"). A country
 * is a place the gazetteer gives no context: a town has its country there,
 * and a town's name is a given name more often ("Mary", "Florence"). */
static void retype_detected(const gazetteer *g, const char *text, const names_tok *nt,
                                  size_t n, char **forms, names_mention *nm, long nn)
{
    for (long i = 0; g && i < nn; i++) {
        const gaz_entity *hit[1];
        if (nm[i].type == NAMES_OTHER && single_apposition_org(text, nt, n, nm[i].first + nm[i].n - 1))
            nm[i].type = NAMES_ORG;   /* "Deutsche Telekom, Europe's largest telecoms group," */
        else if (nm[i].type == NAMES_OTHER && nm[i].n == 2 && given_and_surname(text, nt, n, nm[i].first))
            nm[i].type = NAMES_PERSON;
        else if (nm[i].type == NAMES_PERSON && nm[i].n == 2
            && gaz_lookup(g, forms[nm[i].first], ENT_PLACE, hit, 1) && !hit[0]->ncontext
            && !names_title_before(text, nt, n, nm[i].first))
            nm[i].type = NAMES_OTHER;
    }
}

/* Detected names (names.h, single.h) as mentions that own their key.
 * Returns 0, or -1 on no memory. */
static int add_detected(const char *text, const tok_array *t, char **forms,
                        const names_mention *nm, long nn, mentions *ms)
{
    static const ent_type types[] = { ['p'] = ENT_PERSON, ['o'] = ENT_ORG, ['l'] = ENT_PLACE,
                                      ['n'] = ENT_NAME };
    for (long i = 0; i < nn; i++) {
        mention *m;
        if (mention_add_detected(ms, text, t, forms, nm[i].first, nm[i].n,
                                 types[nm[i].type], &m) < 0)
            return -1;
    }
    return 0;
}

/* Tokens [a, a+n) are all Latin words: a Cyrillic stem one matched is no
 * stem of theirs ("Sputnik Армения" may be cut in its Russian word). */
static bool latin_only(const tok_array *t, size_t a, size_t n)
{
    for (size_t i = a; i < a + n; i++)
        if (script_word(tok_array_norm(t, i), t->v[i].len, NULL) != SCRIPT_LATIN)
            return false;
    return true;
}

/* A Russian word that ends as only an adjective does meets no name the
 * gazetteer writes in Latin alone ("Новые" is no Nov). */
static bool adjective_for_latin(const tok_array *t, char **forms, const gaz_match *g)
{
    const char *w = tok_array_norm(t, g->first);
    size_t len = t->v[g->first].len;
    return script_word(w, len, NULL) == SCRIPT_CYRILLIC && rustem_adjective_only(w, len)
           && !cyrillic_name(g->ent, forms[g->first]);
}

static seek_status find_entities(const gazetteer *g, const char *text, size_t len, const tok_array *t,
                                 counter *c)
{
    seek_status st = SEEK_NOMEM;
    unsigned char *taken = calloc(t->n + 1, 2);
    char **forms = taken ? match_forms(text, t, taken + t->n + 1) : NULL;
    gaz_match *gm = NULL;
    names_mention *nm = NULL;
    names_tok *nt = NULL;
    unsigned char *known = NULL;   /* RUNAMES_KNOWN_* per token */
    mentions ms = { NULL, 0, 0 };
    if (!forms || !(nt = malloc((t->n + 1) * sizeof *nt)))
        goto out;
    for (size_t i = 0; i < t->n; i++)
        nt[i] = (names_tok){ tok_array_norm(t, i), t->v[i].start, t->v[i].end };
    long ng = g ? match_sentences(g, text, t, nt, forms, &gm) : 0;
    bool sport = g && clubs_sport_text(nt, t->n);
    if (ng < 0)
        goto out;
    /* A Russian stem is no English word ("And" is not "Анда"), nor a
     * candidate for a name several entities share, nor is a word whose
     * ending none of the name's cases has ("Евразии" is Eurasia's, no
     * Evraz's, "Новые" no Nov's); a name after "имени" is no place. */
    for (long i = 0; i < ng; i++)
        if ((gm[i].cut && latin_only(t, gm[i].first, gm[i].n))
            || (gm[i].n == 1 && shape_other_declension(t, forms, &gm[i]))
            || (gm[i].n == 1 && adjective_for_latin(t, forms, &gm[i]))
            || (gm[i].ent->type == ENT_PLACE && shape_named_after(t, gm[i].first)))
            gm[i].n = 0;
    if (sense_choose(text, t, forms, gm, ng) < 0)
        goto out;
    drop_given_and_surname(text, t, gm, ng);
    /* Context is read with every match's words taken, so a neighbour that is
     * a known name never counts as a given name or surname. */
    for (long i = 0; i < ng; i++)
        memset(taken + gm[i].first, 1, gm[i].n);
    for (long i = 0; i < ng; i++)
        if (gm[i].n && rejected(text, t, nt, taken, forms, &gm[i], sport))
            gm[i].n = 0;
    memset(taken, 0, t->n);
    if (!(known = calloc(t->n + 1, 1)))
        goto out;
    for (long i = 0; i < ng; i++) {
        if (!gm[i].n)
            continue;
        mention *m = mention_add(&ms, gm[i].first, gm[i].n, gm[i].ent->type);
        if (!m)
            goto out;
        m->key = gm[i].ent->key;
        m->name = gm[i].ent->name;
        memset(taken + gm[i].first, 1, gm[i].n);
        if (gm[i].ent->type == ENT_PLACE || gm[i].ent->type == ENT_ORG)
            memset(known + gm[i].first,
                   gm[i].ent->type == ENT_PLACE ? RUNAMES_KNOWN_PLACE : RUNAMES_KNOWN_ORG, gm[i].n);
    }
    const gaz_entity *country =
        g ? ruorg_country(g, text, nt, (const char *const *)forms, t->n) : NULL;
    if (rucontext_add_directions(text, t, forms, taken, &ms) < 0
        || (g && persons_add_initials(g, text, t, forms, taken, &ms) < 0)
        || (g && rucontext_add_bodies(g, text, t, nt, forms, taken, &ms) < 0)
        || rucontext_add_names(g, text, len, t, nt, forms, taken, known, country, &ms) < 0)
        goto out;
    if (acronyms_add(text, t, nt, forms, taken, &ms) < 0)
        goto out;
    long nn = names_find(text, nt, t->n, taken, &nm);
    if (nn < 0)
        goto out;
    retype_detected(g, text, nt, t->n, forms, nm, nn);
    if (add_detected(text, t, forms, nm, nn, &ms) < 0)
        goto out;
    for (long i = 0; i < nn; i++)
        memset(taken + nm[i].first, 1, nm[i].n);
    free(nm);
    nm = NULL;
    nn = single_find(g, text, nt, t->n, taken, &nm);
    if (nn < 0 || add_detected(text, t, forms, nm, nn, &ms) < 0)
        goto out;
    if (persons_drop_leading_words(text, t, forms, &ms) < 0
        || persons_drop_genitive_surnames(text, t, forms, &ms) < 0
        || persons_split_town_and_person(text, t, forms, &ms) < 0)
        goto out;
    if (orgs_head_of_place(text, t, nt, forms, taken, &ms) < 0)
        goto out;
    /* Gazetteer matches and detected names never overlap: one order. */
    sort_mentions(&ms);
    if (orgs_extend_of_place(text, t, nt, forms, &ms) < 0 || acronyms_link(text, t, forms, &ms) < 0
        || acronyms_link_ru(g, text, t, nt, forms, &ms) < 0 || orgs_link_companies(text, t, forms, &ms) < 0)
        goto out;
    sort_mentions(&ms);
    if (orgs_link_units(text, t, forms, &ms) < 0)
        goto out;
    if (persons_link_surnames(text, t, nt, forms, &ms) < 0
        || (sport && orgs_sport_clubs(g, text, t, nt, forms, &ms) < 0))
        goto out;
    for (long i = 0; i < ng; i++)
        if (gm[i].n && orgs_add_inner(g, text, t, forms, &gm[i], &ms) < 0)
            goto out;
    if (rulists_add(g, text, t, forms, country, &ms) < 0)
        goto out;
    /* Nominative forms after the eponyms, whose people are named in the
     * genitive ("имени Максима Горького" is Максим Горький). */
    if ((g && (eponyms_add(g, text, t, forms, &ms) < 0
               || eponyms_add_named_in_full(text, t, forms, &ms) < 0))
        || keys_add_nominative_forms(t, forms, &ms) < 0)
        goto out;
    if ((g && keys_owned(g, forms, &ms) < 0) || keys_patronymic(g, t, forms, &ms) < 0
        || keys_initials(text, t, forms, &ms) < 0)
        goto out;
    sort_mentions(&ms);
    for (size_t i = 0; i < ms.n; i++)
        if (count(c, ms.v[i].type, ms.v[i].key, ms.v[i].name, strlen(ms.v[i].name)) < 0)
            goto out;
    st = SEEK_OK;
out:
    if (forms)
        for (size_t i = 0; i < t->n; i++)
            if (taken[t->n + 1 + i])
                free(forms[i]);
    for (size_t i = 0; i < ms.n; i++) {
        free(ms.v[i].own_key);
        free(ms.v[i].own_name);
    }
    free(ms.v);
    free(forms);
    free(taken);
    free(known);
    free(gm);
    free(nm);
    free(nt);
    return st;
}

/* The end (exclusive) of the window of tokens that starts at token `a`: at
 * most EXTRACT_WINDOW_TOKENS, ended at the last line break in its second
 * half when there is one, so a window rarely cuts a sentence. */
static size_t window_end(const char *text, const tok_array *t, size_t a)
{
    if (t->n - a <= EXTRACT_WINDOW_TOKENS)
        return t->n;
    size_t b = a + EXTRACT_WINDOW_TOKENS;
    for (size_t i = b - 1; i > a + EXTRACT_WINDOW_TOKENS / 2; i--)
        if (memchr(text + t->v[i - 1].end, '\n', t->v[i].start - t->v[i - 1].end))
            return i;
    return b;
}

seek_status extract_run(const gazetteer *g, const char *text, size_t len,
                        const tok_array *toks, extraction *out)
{
    memset(out, 0, sizeof *out);
    counter c = { out, g, 0, NULL, 0 };
    seek_status st = SEEK_OK;
    /* A window is read as a document of its own, over the same text (token
     * offsets stay the document's) and arena. */
    for (size_t a = 0; a < toks->n && st == SEEK_OK;) {
        size_t b = window_end(text, toks, a);
        tok_array w = *toks;
        w.v += a;
        w.n = b - a;
        w.cap = w.n;
        st = find_entities(g, text, len, &w, &c);
        a = b;
    }
    free(c.slots);
    if (st == SEEK_OK) {
        ssize_t n = dates_find_near(text, len, 0, &out->dates);
        if (n < 0)
            st = SEEK_NOMEM;
        else
            out->ndates = (size_t)n;
    }
    if (st != SEEK_OK)
        extraction_fini(out);
    return st;
}

void extraction_fini(extraction *x)
{
    for (size_t i = 0; i < x->nents; i++) {
        free(x->ents[i].key);
        free(x->ents[i].name);
    }
    free(x->ents);
    free(x->dates);
    memset(x, 0, sizeof *x);
}
