#include "entity/restated.h"
#include "entity/ruorg.h"
#include "entity/rustem.h"
#include "entity/wordlist.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define MAX_TAIL 7      /* words of an owner or an eponym ("имени М. В. Ломоносова") */
/* "Федеральной службы по экологическому, технологическому и атомному надзору" */
#define MAX_OWNER_WORDS 10
#define MAX_OWNERS 4

/* Whether match form `s` holds the words of match form `w` in a row. */
static bool holds_words(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = s; n && (p = strstr(p, w)); p++)
        if ((p == s || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return true;
    return false;
}

/* The match forms of e's names, canonical first; NULL when memory runs out
 * (free with free_forms). */
static char **name_forms(const gaz_entity *e)
{
    char **v = calloc(e->naliases + 2, sizeof *v);
    if (!v || !(v[0] = strdup(e->key))) {
        free(v);
        return NULL;
    }
    for (size_t a = 0; a < e->naliases; a++)
        if (!(v[a + 1] = gaz_match_form(e->aliases[a], strlen(e->aliases[a])))) {
            for (size_t i = 0; i <= a; i++)
                free(v[i]);
            free(v);
            return NULL;
        }
    return v;
}

static void free_forms(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/* Whether some name of e holds one of the word runs `w` (NULL-ended). */
static bool says(const gaz_entity *e, char *const *w)
{
    char **names = name_forms(e);
    bool yes = false;
    for (size_t i = 0; names && names[i] && !yes; i++)
        for (size_t k = 0; w[k] && !yes; k++)
            yes = holds_words(names[i], w[k]);
    free_forms(names);
    return yes;
}

static void add(const gaz_entity *e, const gaz_entity **out, size_t max, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        if (out[i] == e)
            return;
    if (*n < max)
        out[(*n)++] = e;
}

/* The organizations named `prefix` whose other names say one of `w`. */
static void named_saying(const gazetteer *g, const char *prefix, char *const *w,
                         const gaz_entity **out, size_t max, size_t *n)
{
    const gaz_entity *found[8];
    size_t nf = gaz_lookup(g, prefix, ENT_ORG, found, 8);
    for (size_t i = 0; i < nf && i < 8; i++)
        if (says(found[i], w))
            add(found[i], out, max, n);
}

/* `prefix` then the owner `o` under each of its names. */
static void owned(const gazetteer *g, const char *prefix, const gaz_entity *o,
                  const gaz_entity **out, size_t max, size_t *n)
{
    char **forms = name_forms(o);
    size_t before = *n;
    for (size_t i = 0; forms && forms[i]; i++) {
        size_t len = strlen(prefix) + strlen(forms[i]) + 2;
        char *name = malloc(len);
        if (!name)
            break;
        snprintf(name, len, "%s %s", prefix, forms[i]);
        const gaz_entity *found[8];
        size_t nf = gaz_lookup(g, name, ENT_ORG, found, 8);
        for (size_t k = 0; k < nf && k < 8; k++)
            add(found[k], out, max, n);
        free(name);
    }
    if (forms && *n == before)
        named_saying(g, prefix, forms, out, max, n);
    /* A federal body is Russia's, whether its names say so or not
     * ("Федеральное агентство воздушного транспорта России"). */
    static char *const federal[] = { "federaln", NULL };
    if (forms && *n == before && !strcmp(o->key, "russia"))
        named_saying(g, prefix, federal, out, max, n);
    free_forms(forms);
}

/* Words between spaces, made once per process from their Russian
 * (normalized) in match form: "имени"; the titles before an eponym
 * ("akademik" of "академика", "letchik kosmonavt" of "летчика-космонавта");
 * the legal forms ("ooo" of "ООО"). */
static char *imeni_form, *titles_form, *legal_forms;
static pthread_once_t forms_once = PTHREAD_ONCE_INIT;

/* The match forms of the words of `list` (each between spaces), between
 * spaces, the words written in capitals when `caps` (as the press writes
 * legal forms: "ООО" is "ooo", where "ооо" would be cut as a name's case
 * is): malloc'd, or NULL on no memory. */
static char *spaced_forms(const char *list, bool caps)
{
    size_t len = strlen(list);
    char *written = malloc(len + 1), *forms = NULL;
    if (!written)
        return NULL;
    memcpy(written, list, len + 1);
    utf8proc_int32_t cp;
    utf8proc_uint8_t up[4];
    for (utf8proc_ssize_t at = 0, k; caps && at < (utf8proc_ssize_t)len; at += k) {
        k = utf8proc_iterate((const utf8proc_uint8_t *)list + at, (utf8proc_ssize_t)len - at, &cp);
        if (k <= 0)
            break;
        /* Cyrillic and Latin capitals take as many bytes as their small
         * letters. */
        if (utf8proc_encode_char(utf8proc_toupper(cp), up) == k)
            memcpy(written + at, up, (size_t)k);
    }
    forms = gaz_match_form(written, len);
    free(written);
    size_t flen = forms ? strlen(forms) : 0;
    char *spaced = forms ? malloc(flen + 3) : NULL;
    if (spaced)
        snprintf(spaced, flen + 3, " %s ", forms);
    free(forms);
    return spaced;
}

static void forms_make(void)
{
    imeni_form = gaz_match_form("имени", strlen("имени"));
    titles_form = spaced_forms(rustem_eponym_titles, false);
    legal_forms = spaced_forms(rustem_legal_forms, true);
}

/* imeni_form; NULL on no memory. */
static const char *imeni(void)
{
    return pthread_once(&forms_once, forms_make) == 0 ? imeni_form : NULL;
}

/* titles_form; NULL on no memory. */
static const char *eponym_titles(void)
{
    return pthread_once(&forms_once, forms_make) == 0 ? titles_form : NULL;
}

/* The organizations named `prefix` then `tail`, an owner or an eponym. */
static void split_at(const gazetteer *g, const char *prefix, const char *tail,
                     const gaz_entity **out, size_t max, size_t *n)
{
    const char *im = imeni();
    size_t il = im ? strlen(im) : 0;
    if (im && !strncmp(tail, im, il) && tail[il] == ' ') {
        const char *surname = strrchr(tail, ' ') + 1;
        char *w[2] = { (char *)surname, NULL };
        named_saying(g, prefix, w, out, max, n);
    } else {
        const gaz_entity *owners[MAX_OWNERS];
        size_t no = gaz_lookup(g, tail, ENT_NTYPES, owners, MAX_OWNERS);
        for (size_t i = 0; i < no && i < MAX_OWNERS; i++)
            if (owners[i]->type == ENT_PLACE || owners[i]->type == ENT_ORG)
                owned(g, prefix, owners[i], out, max, n);
    }
}

/* `key` past its legal forms ("ao nk kazmunaigaz" -> "kazmunaigaz", for
 * "АО НК «КазМунайГаз»"); `key` itself when it starts with none. */
static const char *past_legal_forms(const char *key)
{
    const char *forms = pthread_once(&forms_once, forms_make) == 0 ? legal_forms : NULL;
    const char *p = key;
    for (size_t w; forms && (w = strcspn(p, " ")) && p[w] == ' ' && wordlist_has(forms, p, w);)
        p += w + 1;
    return p;
}

size_t restated_lookup(const gazetteer *g, const char *key, ent_type type,
                       const gaz_entity **out, size_t max)
{
    if (type != ENT_ORG && type != ENT_NTYPES)
        return 0;
    /* A company named with its legal form ("ПАО «Газпром»") is the company. */
    const char *bare = past_legal_forms(key);
    if (bare != key) {
        size_t n = gaz_lookup(g, bare, ENT_ORG, out, max);
        if (n)
            return n;
    }
    size_t starts[MAX_TAIL + 1], nw = 0;   /* the last words' starts, last first */
    for (size_t i = strlen(key); i-- > 1 && nw <= MAX_TAIL;)
        if (key[i - 1] == ' ')
            starts[nw++] = i;
    /* Shorter tails first, so that "Республики Казахстан" is tried as a whole
     * after "Казахстан" alone left "... Республики" unknown. */
    size_t n = 0;
    for (size_t k = 0; k < nw && k < MAX_TAIL && !n; k++) {
        char *prefix = strndup(key, starts[k] - 1);
        if (!prefix)
            return 0;
        split_at(g, prefix, key + starts[k], out, max, &n);
        free(prefix);
    }
    return n;
}

size_t restated_named(const gazetteer *g, const char *key, ent_type type,
                      const gaz_entity **out, size_t max)
{
    size_t n = gaz_lookup(g, key, type, out, max);
    return n ? n : restated_lookup(g, key, type, out, max);
}

/* The transliterations of one Cyrillic letter in more than one Latin
 * letter, longest first. */
static const char *const digraphs[] = { "shch", "zh", "kh", "ts", "ch", "sh", "yu", "ya", "ye",
                                        "yi", "gh" };

/* Whether match-form word `w` (`len` bytes) may be an initial: one letter
 * in any script's transliteration ("d", "zh", "shch"). */
static bool initial_form(const char *w, size_t len)
{
    if (len == 1)
        return true;
    for (size_t k = 0; k < sizeof digraphs / sizeof *digraphs; k++)
        if (strlen(digraphs[k]) == len && !strncmp(w, digraphs[k], len))
            return true;
    return false;
}

/* Match form `tail` names an organization that may own one named after
 * someone ("nan belarus", "ran"); a place may be his surname ("Горького",
 * "Навои"). */
static bool names_owner(const gazetteer *g, const char *tail)
{
    const gaz_entity *e[1];
    return gaz_lookup(g, tail, ENT_ORG, e, 1) == 1 || restated_lookup(g, tail, ENT_ORG, e, 1) == 1;
}

/* `form` with the words between "имени" and the eponym's surname left out
 * ("imen akademik m v lomonosov" -> "imen lomonosov"): an eponym is written
 * with or without a title, initials or given name. The surname follows the
 * initials; without them it ends the words before an owner ("imen yakub
 * kolas | nan belarus"), else the form. A malloc'd string; NULL on no
 * memory. */
static char *eponym_surname(const gazetteer *g, const char *form)
{
    const char *im = imeni(), *titles = eponym_titles();
    if (!im || !titles)
        return NULL;
    char *out = strdup(form);
    size_t il = strlen(im), len;
    for (char *p = out; out && (p = strstr(p, im)); p += il) {
        if ((p != out && p[-1] != ' ') || p[il] != ' ')
            continue;
        char *w = p + il + 1, *surname = NULL;
        while ((len = strcspn(w, " ")) && w[len] == ' ' && wordlist_has(titles, w, len))
            w += len + 1;
        /* Initials, wherever they stand ("imen perv prezident ross b n
         * eltsin"), and the word after them. */
        for (char *q = w; !surname && (len = strcspn(q, " ")) && q[len] == ' '; q += len + 1)
            if (initial_form(q, len)) {
                while ((len = strcspn(q, " ")) && q[len] == ' ' && initial_form(q, len))
                    q += len + 1;
                surname = q;
            }
        /* Else the word before the longest owner, or the last word. */
        for (char *q = strchr(w, ' '); !surname && q; q = strchr(q + 1, ' '))
            if (names_owner(g, q + 1)) {
                *q = '\0';
                surname = strrchr(w, ' ');
                surname = surname ? surname + 1 : w;
                *q = ' ';
            }
        if (!surname)
            surname = strrchr(w, ' ') ? strrchr(w, ' ') + 1 : w;
        memmove(p + il + 1, surname, strlen(surname) + 1);
        break;
    }
    return out;
}

/* The words of `form` before its space at `sp`, then `key`: a malloc'd
 * string, or NULL on no memory. */
static char *words_then(const char *form, const char *sp, const char *key)
{
    size_t plen = (size_t)(sp - form), len = plen + strlen(key) + 2;
    char *out = malloc(len);
    if (out)
        snprintf(out, len, "%.*s %s", (int)plen, form, key);
    return out;
}

/* The owner ending `form` (the longest run of last words that names a
 * gazetteer place or organization, a place before an organization, one
 * with its own owner written otherwise, or a state body its owner names,
 * written otherwise than as its key: "МВД Турции" as "Министерства
 * внутренних дел Турции") written as its key; NULL when none, or on no
 * memory. */
static char *owner_keyed(const gazetteer *g, const char *form)
{
    const gaz_entity *whole[1], *restated[1] = { NULL };
    const char *sp = gaz_lookup(g, form, ENT_NTYPES, whole, 1) ? NULL : strchr(form, ' ');
    /* What the whole restates is no owner of its own words ("Центральный
     * банк России" is "банк России"). */
    if (sp && restated_lookup(g, form, ENT_ORG, whole, 1) == 1)
        restated[0] = whole[0];
    size_t nw = 1;
    for (const char *p = form; (p = strchr(p, ' ')); p++)
        nw++;
    /* The longest tail first: after the first word, one word at a time. */
    for (size_t skip = 1; sp && skip < nw; skip++, sp = strchr(sp + 1, ' ')) {
        if (nw - skip > MAX_OWNER_WORDS)
            continue;
        const gaz_entity *e[4], *owner = NULL;
        size_t n = gaz_lookup(g, sp + 1, ENT_NTYPES, e, 4);
        if (!n && restated_lookup(g, sp + 1, ENT_ORG, e, 4) == 1 && e[0] != restated[0])
            n = 1;   /* an organization with its owner written otherwise */
        for (size_t i = 0; i < n && i < 4; i++)
            if ((e[i]->type == ENT_PLACE && (!owner || owner->type != ENT_PLACE))
                || (e[i]->type == ENT_ORG && !owner))
                owner = e[i];
        /* A body whose own words are written otherwise: its first word is
         * another ("mvd" of "МВД Турции" is "ministerstv"), not only its
         * owner's ("управление миграции МВД Турции" is no body's key). */
        char *body = owner ? NULL : ruorg_key(g, sp + 1);
        size_t w = strcspn(sp + 1, " ");
        if (body && !strncmp(body, sp + 1, w) && (body[w] == ' ' || !body[w])) {
            free(body);
            body = NULL;
        }
        if (!owner && !body)
            continue;
        char *key = words_then(form, sp, owner ? owner->key : body);
        free(body);
        return key;
    }
    return NULL;
}

/* `form` with the words of a Soviet-style compound abbreviation spelled out
 * ("oblispolkom" -> "oblastn ispolniteln komitet"), in every case the match
 * form keeps apart ("облисполком", "облисполкома"). Malloc'd; NULL on no
 * memory. */
static char *spelled_out(const char *form)
{
    static const char *const abbr[][2] = {
        { "oblispolk", "oblastn ispolniteln komitet" },
        { "oblispolkom", "oblastn ispolniteln komitet" },
        { "gorispolk", "gorodsk ispolniteln komitet" },
        { "gorispolkom", "gorodsk ispolniteln komitet" },
        { "raiispolk", "raionn ispolniteln komitet" },
        { "raiispolkom", "raionn ispolniteln komitet" },
    };
    size_t cap = strlen(form) * 4 + 1, len = 0;
    char *out = malloc(cap);
    for (const char *p = form; out && *p;) {
        size_t w = strcspn(p, " ");
        const char *word = NULL;
        for (size_t k = 0; k < sizeof abbr / sizeof *abbr && !word; k++)
            if (strlen(abbr[k][0]) == w && !strncmp(p, abbr[k][0], w))
                word = abbr[k][1];
        int n = word ? (int)strlen(word) : (int)w;
        len += (size_t)snprintf(out + len, cap - len, "%s%.*s", len ? " " : "", n, word ? word : p);
        p += w;
        p += *p == ' ';
    }
    if (out)
        out[len] = '\0';
    return out;
}

/* Match form `w` names a unit's region, or two joined by "и" ("krasnodar
 * krai i adygea"). */
static bool unit_region(const gazetteer *g, const char *w)
{
    const gaz_entity *e[1];
    if (gaz_lookup(g, w, ENT_PLACE, e, 1) == 1)
        return true;
    const char *conj = strstr(w, " i ");
    char *first = conj ? strndup(w, (size_t)(conj - w)) : NULL;
    bool two = first && gaz_lookup(g, first, ENT_PLACE, e, 1) == 1
               && gaz_lookup(g, conj + 3, ENT_PLACE, e, 1) == 1;
    free(first);
    return two;
}

/* `form` with an owner written between its name and what it does moved to
 * its end ("byuro obse po demokratichesk ..." -> "byuro po demokratichesk
 * ... obse"), as the full name writes it ("Бюро ОБСЕ по демократическим
 * институтам" is "Бюро по демократическим институтам ... ОБСЕ"): the owner
 * the one to three words before the first "po" that the gazetteer names,
 * after a word of the name, and no place after "po". A malloc'd string; a
 * copy of `form` when it has none; NULL on no memory. */
static char *owner_last(const gazetteer *g, const char *form)
{
    enum { MAX_WORDS = 3 };
    const char *po = strstr(form, " po ");
    const gaz_entity *e[1];
    /* "по" and a region is a unit's ("Управление ФСБ по Омской области"),
     * which keeps its order. */
    if (!po || unit_region(g, po + 4))
        return strdup(form);
    const char *from = po;
    for (size_t words = 1; words <= MAX_WORDS; words++) {
        while (from > form && from[-1] != ' ')
            from--;
        if (from == form)
            break;   /* no word of the name before the owner */
        char *owner = strndup(from, (size_t)(po - from));
        bool known = owner && gaz_lookup(g, owner, ENT_NTYPES, e, 1) == 1
                     && (e[0]->type == ENT_ORG || e[0]->type == ENT_PLACE);
        free(owner);
        if (known) {
            size_t len = strlen(form), hlen = (size_t)(from - 1 - form);
            char *out = malloc(len + 1);
            if (out)
                snprintf(out, len + 1, "%.*s%s %.*s", (int)hlen, form, po, (int)(po - from),
                         from);
            return out;
        }
        from--;   /* past the space, to the word before */
    }
    return strdup(form);
}

char *restated_key(const gazetteer *g, const char *form)
{
    /* A company is keyed without its legal form: "АО «СУЭК-Кузбасс»" is
     * "СУЭК-Кузбасс". */
    const char *bare = past_legal_forms(form);
    if (bare != form && *bare) {
        const gaz_entity *e[1];
        if (gaz_lookup(g, bare, ENT_ORG, e, 1) == 1 || restated_lookup(g, bare, ENT_ORG, e, 1) == 1)
            return strdup(e[0]->key);
        char *key = restated_key(g, bare);
        return key ? key : strdup(bare);
    }
    char *last = owner_last(g, form);
    if (!last)
        return NULL;
    if (strcmp(last, form)) {   /* the owner moved: key that name as any other */
        const gaz_entity *e[1];
        char *key = gaz_lookup(g, last, ENT_ORG, e, 1) == 1 ? strdup(e[0]->key)
                                                             : restated_key(g, last);
        if (key) {
            free(last);
            return key;
        }
        return last;
    }
    free(last);
    char *spelled = spelled_out(form);
    char *short_form = spelled ? eponym_surname(g, spelled) : NULL;
    bool changed = spelled && strcmp(spelled, form);
    free(spelled);
    if (!short_form)
        return NULL;
    changed |= strcmp(short_form, form) != 0;
    char *key = owner_keyed(g, short_form);
    if (key || !changed) {
        free(short_form);
        return key;
    }
    return short_form;
}

char *restated_person(const char *form)
{
    const char *a = strchr(form, ' '), *b = a ? strchr(a + 1, ' ') : NULL;
    if (!b || strchr(b + 1, ' ') || b == a + 1 || !b[1])
        return NULL;
    if (!wordlist_ends(" vich vn ichn ", a + 1, (size_t)(b - a - 1), 3))
        return NULL;
    size_t len = (size_t)(a - form) + strlen(b) + 1;
    char *out = malloc(len);
    if (out)
        snprintf(out, len, "%.*s%s", (int)(a - form), form, b);
    return out;
}

const gaz_entity *restated_person_by_initials(const gazetteer *g, const char *form)
{
    char initial[8];
    size_t w = strcspn(form, " ");
    if (!form[w] || w >= sizeof initial || !initial_form(form, w))
        return NULL;
    memcpy(initial, form, w);
    initial[w] = '\0';
    const char *surname = form + w + 1;
    for (size_t v; (v = strcspn(surname, " ")) && surname[v] == ' ' && initial_form(surname, v);)
        surname += v + 1;
    return *surname ? gaz_person_by_initial(g, initial, surname) : NULL;
}

char *restated_initial(const char *form)
{
    size_t first = strcspn(form, " ");
    const char *rest = form[first] ? form + first + 1 : NULL;
    if (!rest || !*rest)
        return NULL;
    size_t initial = 0;
    if (initial_form(form, first)) {
        /* "d n mamin sibiryak": the second initial left out. */
        size_t second = strcspn(rest, " ");
        if (!rest[second] || !initial_form(rest, second))
            return NULL;
        initial = first;
        rest += second + 1;
    } else {
        if (first < 3)
            return NULL;
        initial = 1;
        for (size_t k = 0; k < sizeof digraphs / sizeof *digraphs; k++)
            if (!strncmp(form, digraphs[k], strlen(digraphs[k]))) {
                initial = strlen(digraphs[k]);
                break;
            }
    }
    size_t len = initial + strlen(rest) + 2;
    char *out = malloc(len);
    if (out)
        snprintf(out, len, "%.*s %s", (int)initial, form, rest);
    return out;
}

char *restated_body_key(const gazetteer *g, const char *form)
{
    for (const char *sp = strchr(form, ' '); sp; sp = strchr(sp + 1, ' ')) {
        char *body = ruorg_key(g, sp + 1);
        if (body && strcmp(body, sp + 1)) {
            char *key = words_then(form, sp, body);
            free(body);
            return key;
        }
        free(body);
    }
    return NULL;
}
