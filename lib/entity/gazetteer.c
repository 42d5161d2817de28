/* Gazetteer loading and matching. Two string maps make matching cheap: one
 * from a name's match form to its entities (for queries), one from an
 * alias's first token to the aliases starting with it, longest first (for
 * scanning documents), so most tokens cost a single failed lookup. Both are
 * built read-only once the file is read, over strings kept in one pool. */
#include "entity/gazetteer.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity/names.h"
#include "entity/rustem.h"
#include "entity/translit.h"
#include "entity/wordlist.h"
#include "grow.h"
#include "strindex.h"
#include "strpool.h"
#include "text/token.h"
#include "text/tokarray.h"

static const char *const type_names[ENT_NTYPES] = { "person", "org", "place", "name" };

const char *ent_type_name(ent_type t)
{
    return t < ENT_NTYPES ? type_names[t] : "?";
}

int ent_type_parse(const char *s, ent_type *out)
{
    for (int t = 0; t < ENT_NTYPES; t++)
        if (strcmp(s, type_names[t]) == 0) {
            *out = (ent_type)t;
            return 0;
        }
    return -1;
}

/* ---- The gazetteer ---- */

typedef struct alias_rec {
    /* Its match-form tokens joined by single spaces (interned: one
     * pointer per string); a token never holds a space. */
    const char *key;
    uint32_t ent;
    uint32_t n;        /* tokens */
    uint32_t first;    /* bytes of the first token */
    unsigned char cut; /* a Cyrillic name with a case ending cut (gaz_match.cut) */
    unsigned char weak; /* ... an ending no nominative has: yields to others */
    unsigned char caps; /* written in capitals (gaz_match.caps) */
} alias_rec;

/* Every string is in one pool and the maps are built once the file is
 * read (strindex.h): the daemon keeps the gazetteer for its life, and one
 * allocation per name, token and list took three times the memory. */
struct gazetteer {
    gaz_entity *ents;
    size_t n, cap;
    alias_rec *al;
    size_t nal, alcap;
    /* Every entity's aliases, then context forms, one entity's after
     * another's: gaz_entity.aliases and .context point into them once the
     * file is read. */
    const char **aliases, **context;
    size_t naliases, aliascap, ncontext, contextcap;
    strpool strings;   /* every string above */
    /* While loading: (key, entity) -> 1 + its alias record (0: empty). */
    uint32_t *forms;
    size_t formscap;
    strindex by_key;   /* match form -> entities */
    strindex by_first; /* first token -> aliases, longest first */
    strindex by_last;  /* last token -> a person's aliases of two or more tokens */
};

size_t gaz_count(const gazetteer *g)
{
    return g->n;
}

const gaz_entity *gaz_at(const gazetteer *g, size_t i)
{
    return &g->ents[i];
}

/* The match form of a token; `inflected` cuts a Russian case ending first
 * (rustem.h), and restores the vowel a given name's cases drop. й is read
 * as и here, as the match form always did, so that "Сергей" still meets
 * "Sergei"; a word's first "дж" as "ж", which Russian writes either way for
 * the Turkic sound ("Джапаров", "Жапаров"; "Джалал-Абад", "Жалал-Абад"). */
static size_t token_form(const char *norm, size_t len, char *buf, size_t cap, int inflected)
{
    /* Given names whose cases drop a vowel: "Льва", "Павлу" meet "Лев",
     * "Павел". */
    static const char *const fleeting[][2] = { { "льв", "лев" }, { "павл", "павел" } };
    if (translit_has_cyr(norm, len)) {
        char tmp[TOK_MAX_BYTES + 1];
        size_t n = inflected ? rustem_name(norm, len) : len;
        if (n > TOK_MAX_BYTES)
            n = TOK_MAX_BYTES;
        memcpy(tmp, norm, n);
        for (size_t k = 0; n < len && k < sizeof fleeting / sizeof *fleeting; k++)
            if (n == strlen(fleeting[k][0]) && !memcmp(tmp, fleeting[k][0], n)) {
                n = strlen(fleeting[k][1]);
                memcpy(tmp, fleeting[k][1], n);
            }
        if (n > 4 && !memcmp(tmp, "дж", 4)) {
            memmove(tmp, tmp + 2, n - 2);
            n -= 2;
        }
        for (size_t i = 0; i + 1 < n; i++)
            if ((unsigned char)tmp[i] == 0xD0 && (unsigned char)tmp[i + 1] == 0xB9)
                tmp[i + 1] = (char)0xB8;  /* й D0 B9 -> и D0 B8 */
        return translit_cyr(tmp, n, buf, cap);
    }
    if (cap) {
        size_t n = len < cap - 1 ? len : cap - 1;
        memcpy(buf, norm, n);
        buf[n] = '\0';
    }
    return len;
}

static bool all_digits(const char *s, size_t len)
{
    for (size_t k = 0; k < len; k++)
        if (s[k] < '0' || s[k] > '9')
            return false;
    return len > 0;
}

size_t gaz_number_affix_len(const char *text, const tok_array *t, size_t first, size_t i,
                            size_t end)
{
    static const char ordinal_ends[] = " я й е ю м го му ая ой ую ое ые ых ым ого ому ";
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len;
    if (len > 2 && !memcmp(text + t->v[i].start, "№", strlen("№")) && !memcmp(w, "no", 2)
        && all_digits(w + 2, len - 2))
        return 2;
    if (i + 1 < end && ((len == 1 && w[0] == 'n') || (len == 2 && !memcmp(w, "no", 2)))
        && all_digits(tok_array_norm(t, i + 1), t->v[i + 1].len))
        return (size_t)-1;
    if (i > first && t->v[i].start == t->v[i - 1].end + 1 && text[t->v[i - 1].end] == '-'
        && all_digits(tok_array_norm(t, i - 1), t->v[i - 1].len)
        && wordlist_has(ordinal_ends, w, len))
        return (size_t)-1;
    return 0;
}

size_t gaz_possessive_len(const char *norm, size_t len)
{
    if (len > 2 && !memcmp(norm + len - 2, "'s", 2))
        return len - 2;
    if (len > 4 && !memcmp(norm + len - 4, "\xE2\x80\x99s", 4))
        return len - 4;
    return len;
}

size_t gaz_token_form(const char *norm, size_t len, bool caps, char *buf, size_t cap)
{
    return token_form(norm, len, buf, cap, !(caps && rustem_short(norm, len)));
}

/* Match-form tokens of `text`: a malloc'd vector of malloc'd strings; with
 * `inflected` 0, Russian endings are kept. Possessives are set aside, as in
 * documents ("National People's Congress" meets "national people
 * congress"). Tokens that transliterate to nothing (a lone "ь") are left
 * out. */
static char **form_tokens(const char *text, size_t len, size_t *n, int inflected)
{
    tok_array a;
    *n = 0;
    if (tok_array_build(&a, text, len) < 0)
        return NULL;
    char **v = calloc(a.n + 1, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; v && i < a.n; i++) {
        char buf[TOK_MAX_BYTES * 2 + 1];
        const char *norm = tok_array_norm(&a, i);
        size_t plen = gaz_possessive_len(norm, a.v[i].len);
        bool caps = names_caps(text, a.v[i].start, a.v[i].end) >= 2;
        size_t need = inflected ? gaz_token_form(norm, plen, caps, buf, sizeof buf)
                                : token_form(norm, plen, buf, sizeof buf, 0);
        if (need >= sizeof buf)
            buf[sizeof buf - 1] = '\0';
        size_t blen = strlen(buf);
        size_t mark = inflected ? gaz_number_affix_len(text, &a, 0, i, a.n) : 0;
        size_t drop = mark < blen ? mark : blen;
        memmove(buf, buf + drop, blen - drop + 1);
        if (!*buf)
            continue;
        if (!(v[k] = strdup(buf))) {
            for (size_t j = 0; j < k; j++)
                free(v[j]);
            free(v);
            v = NULL;
            break;
        }
        k++;
    }
    if (v)
        *n = k;
    tok_array_fini(&a);
    return v;
}

static char *join(char **toks, size_t n)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(toks[i]) + 1;
    char *s = malloc(len), *p = s;
    if (!s)
        return NULL;
    *p = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            *p++ = ' ';
        size_t l = strlen(toks[i]);
        memcpy(p, toks[i], l + 1);
        p += l;
    }
    return s;
}

static void free_toks(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

char *gaz_match_form(const char *text, size_t len)
{
    size_t n;
    char **v = form_tokens(text, len, &n, 1);
    if (!v)
        return NULL;
    char *s = join(v, n);
    free_toks(v, n);
    return s;
}

/* Whether a word of `name` has an ending cut that no nominative has
 * (rustem_oblique): "Китами" cut to "кит". Returns 1, 0, or -1 on no memory. */
static int oblique_cut(const char *name, size_t len)
{
    tok_array a;
    if (tok_array_build(&a, name, len) < 0)
        return -1;
    int oblique = 0;
    for (size_t i = 0; i < a.n && !oblique; i++)
        oblique = rustem_oblique(tok_array_norm(&a, i), a.v[i].len);
    tok_array_fini(&a);
    return oblique;
}

/* The slot of g->forms for the form `key` (interned) of entity e: the one
 * holding its alias record, or the empty one it would take. */
static uint32_t *form_slot(const gazetteer *g, const char *key, uint32_t e)
{
    size_t mask = g->formscap - 1;
    size_t i = (size_t)((((uintptr_t)key >> 3) ^ ((uint64_t)e << 32)) * 0x9E3779B97F4A7C15ULL >> 20)
               & mask;
    for (; g->forms[i]; i = (i + 1) & mask) {
        const alias_rec *a = &g->al[g->forms[i] - 1];
        if (a->key == key && a->ent == e)
            break;
    }
    return &g->forms[i];
}

/* Doubles g->forms, placing every alias record anew. Returns 0, or -1 on
 * no memory. */
static int forms_grow(gazetteer *g)
{
    size_t cap = g->formscap ? g->formscap * 2 : 1024;
    uint32_t *forms = calloc(cap, sizeof *forms);
    if (!forms)
        return -1;
    free(g->forms);
    g->forms = forms;
    g->formscap = cap;
    for (size_t i = 0; i < g->nal; i++)
        *form_slot(g, g->al[i].key, g->al[i].ent) = (uint32_t)(i + 1);
    return 0;
}

/* Registers one form of a name of entity `e`: its match-form tokens `toks`
 * (n of them), joined by spaces in `key`. `cut`: the form meets only
 * inflections (gaz_match.cut), `weak` with an ending no nominative has
 * (alias_rec); `caps`: the name is written in capitals, "GUAM"
 * (gaz_match.caps). Returns 0, or -1 on no memory. */
static int add_form(gazetteer *g, uint32_t e, char *const *toks, size_t n, const char *key,
                    int cut, int weak, int caps)
{
    if (!n)
        return 0;
    size_t first = strlen(toks[0]);
    if (n > UINT32_MAX || first > UINT32_MAX || g->nal >= UINT32_MAX - 1)
        return -1;
    const char *k = strpool_intern(&g->strings, key, strlen(key));
    if (!k || ((g->nal + 1) * 2 > g->formscap && forms_grow(g) < 0))
        return -1;
    uint32_t *slot = form_slot(g, k, e);
    if (*slot) {
        /* The same name twice for one entity: written so, it meets any
         * script's text. */
        if (!cut)
            g->al[*slot - 1].cut = g->al[*slot - 1].weak = 0;
        return 0;
    }
    alias_rec *grown = grow_to(g->al, &g->alcap, g->nal + 1, sizeof *grown, 512);
    if (!grown)
        return -1;
    g->al = grown;
    g->al[g->nal] = (alias_rec){ k, e, (uint32_t)n, (uint32_t)first, (unsigned char)cut,
                                 (unsigned char)weak, (unsigned char)caps };
    *slot = (uint32_t)++g->nal;
    return 0;
}

/* The bytes of a one-word Russian name whose last vowel may drop in its
 * other cases ("Египет", "Египта"; "Орел", "Орла"; "Елец", "Ельца"): the
 * offset of that "е", "ё" or "о" between two consonants at its end, or 0.
 * Not "-ов", "-ев" ("Львов", "Львова"), which keep it. A form without the
 * vowel meets the other cases; where they keep it ("Тибета") it meets
 * nothing. */
static size_t fleeting_vowel(const char *name, size_t len)
{
    static const char consonants[] = "бвгджзклмнпрстфхцчшщ";
    if (len < 8 || memchr(name, ' ', len) || memchr(name, '-', len) || !translit_has_cyr(name, len))
        return 0;
    const char *c1 = name + len - 6, *v = name + len - 4, *c2 = name + len - 2;
    bool vowel = !memcmp(v, "е", 2) || !memcmp(v, "ё", 2) || !memcmp(v, "о", 2);
    char a[3] = { c1[0], c1[1], 0 }, b[3] = { c2[0], c2[1], 0 };
    if (!vowel || !strstr(consonants, a) || !strstr(consonants, b) || !memcmp(c2, "в", 2))
        return 0;
    return len - 4;
}

/* `name` (`len` bytes) with "-ов" for the "-ы" of each plural noun, its
 * genitive ("Соединенных Штатов Америки", "Нидерландов"), into `out` (cap
 * bytes): its length, or 0 when it has none. A Cyrillic word of five
 * letters or more ending in a consonant and "ы" in a name of two words or
 * more, of nine or more alone, where a surname would not be read as a
 * place ("Алматы" is no "Алматов"). The ending rustem cuts leaves "-ов" on
 * surnames, so the genitive plural meets no other form. */
static size_t plural_genitive(const char *name, size_t len, char *out, size_t cap)
{
    static const char vowels[] = "аеёиоуыэюя";
    bool alone = !memchr(name, ' ', len), changed = false;
    size_t o = 0;
    if (!translit_has_cyr(name, len))
        return 0;
    for (size_t i = 0; i < len;) {
        size_t w = i;
        while (w < len && name[w] != ' ' && name[w] != '-')
            w++;
        size_t letters = 0;
        for (size_t k = i; k < w; k++)
            letters += ((unsigned char)name[k] & 0xC0) != 0x80;
        bool plural = w - i >= 4 && !memcmp(name + w - 2, "ы", 2) && letters >= (alone ? 9u : 5u)
                      && !strstr(vowels, (char[3]){ name[w - 4], name[w - 3], 0 });
        size_t keep = plural ? w - 2 : w;
        if (o + (keep - i) + 5 > cap)
            return 0;
        memcpy(out + o, name + i, keep - i);
        o += keep - i;
        if (plural) {
            memcpy(out + o, "ов", 4);
            o += 4;
            changed = true;
        }
        if (w < len)
            out[o++] = name[w];
        i = w + 1;
    }
    return changed ? o : 0;
}

/* Registers `name` (`len` bytes), another spelling of a name of entity `e`
 * that meets only inflections, in its match form. Returns 0, or -1 on no
 * memory. */
static int add_variant(gazetteer *g, uint32_t e, const char *name, size_t len, int inflected, int caps)
{
    size_t n;
    char **f = form_tokens(name, len, &n, inflected), *key = f ? join(f, n) : NULL;
    int rc = f && key ? add_form(g, e, f, n, key, 1, 0, caps) : -1;
    free_toks(f, n);
    free(key);
    return rc;
}

/* Registers one name of entity `e`: in the form that meets its inflections
 * in Russian text and, for a Cyrillic name, also in its plain
 * transliteration, which Latin text spells ("Moskva"). Each form is computed
 * once; the inflected one is marked cut when the two differ. Returns 0, 1 if
 * the name has no tokens, -1 on no memory. */
static int add_name(gazetteer *g, uint32_t e, const char *name, size_t len, int canonical)
{
    size_t n, np = 0;
    char **toks = form_tokens(name, len, &n, 1), **plain = NULL;
    char *key = NULL, *pkey = NULL;
    int cyr = translit_has_cyr(name, len), caps = names_caps(name, 0, len) >= 2, rc = -1;
    if (!toks)
        return -1;
    if (n == 0) {
        free(toks);
        return 1;
    }
    if (!(key = join(toks, n)) || (cyr && (!(plain = form_tokens(name, len, &np, 0))
                                           || (np && !(pkey = join(plain, np))))))
        goto out;
    /* A copy of its own, not the interned key: callers tell entities apart
     * by their key's pointer (eponyms.c), and an organization and a place
     * may share a key ("guam"). */
    if (canonical && !(g->ents[e].key = strpool_add(&g->strings, key, strlen(key))))
        goto out;
    int cut = pkey && strcmp(pkey, key) != 0;
    int weak = cut ? oblique_cut(name, len) : 0;
    if (weak < 0)
        goto out;
    rc = add_form(g, e, toks, n, key, cut, weak, caps);
    if (rc == 0 && pkey)
        rc = add_form(g, e, plain, np, pkey, 0, 0, caps);
    size_t fv = !cut ? fleeting_vowel(name, len) : 0;
    if (rc == 0 && fv && len - 2 <= TOK_MAX_BYTES) {
        char shorter[TOK_MAX_BYTES + 1];
        memcpy(shorter, name, fv);
        memcpy(shorter + fv, name + fv + 2, len - fv - 2);
        rc = add_variant(g, e, shorter, len - 2, 0, caps);
    }
    char genitive[512];
    size_t gl = rc == 0 ? plural_genitive(name, len, genitive, sizeof genitive) : 0;
    if (gl)
        rc = add_variant(g, e, genitive, gl, 1, caps);
    /* "-овь" drops its vowel in every other case: "Русской православной
     * церкви" meets "Русская православная церковь". */
    if (rc == 0 && len >= 10 && len - 2 < sizeof genitive && !memcmp(name + len - 6, "овь", 6)) {
        memcpy(genitive, name, len - 6);
        memcpy(genitive + len - 6, "вь", 4);
        rc = add_variant(g, e, genitive, len - 2, 1, caps);
    }
out:
    free_toks(toks, n);
    free_toks(plain, np);
    free(key);
    free(pkey);
    return rc;
}

char *gaz_short_name_form(const char *text, size_t len)
{
    tok_array a;
    if (tok_array_build(&a, text, len) < 0)
        return NULL;
    char *form = NULL;
    if (a.n == 1 && rustem_short(tok_array_norm(&a, 0), a.v[0].len)) {
        char buf[TOK_MAX_BYTES * 2 + 1];
        size_t need = token_form(tok_array_norm(&a, 0), a.v[0].len, buf, sizeof buf, 0);
        form = strndup(buf, need < sizeof buf ? need : sizeof buf - 1);
    } else {
        form = gaz_match_form(text, len);
    }
    tok_array_fini(&a);
    return form;
}

/* Appends the pool's string `str` to the list *v. Returns 0, or -1 on no
 * memory. */
static int push(const char ***v, size_t *n, size_t *cap, const char *str)
{
    const char **p = str ? grow_to(*v, cap, *n + 1, sizeof *p, 1024) : NULL;
    if (!p)
        return -1;
    *v = p;
    p[(*n)++] = str;
    return 0;
}

/* The context field: match forms of its names, on entity e. Returns 0, or
 * -1 on no memory. */
static int add_context(gazetteer *g, gaz_entity *e, const char *field)
{
    for (const char *a = field; *a;) {
        const char *bar = strchr(a, '|');
        size_t len = bar ? (size_t)(bar - a) : strlen(a);
        char *form = gaz_match_form(a, len);
        if (!form)
            return -1;
        if (*form && push(&g->context, &g->ncontext, &g->contextcap,
                          strpool_add(&g->strings, form, strlen(form))) < 0) {
            free(form);
            return -1;
        }
        e->ncontext += *form != '\0';
        free(form);
        a = bar ? bar + 1 : a + len;
    }
    return 0;
}

/* A name with an acronym of two or three capitals is also written with a
 * period after each letter ("UN Security Council" as "U.N. Security
 * Council"), which the tokenizer cuts into letters: registers that form too.
 * Returns 0, or -1 on no memory. */
static int add_dotted(gazetteer *g, uint32_t e, const char *name, size_t len)
{
    char *v = malloc(len * 2 + 1);
    size_t n = 0;
    int changed = 0;
    if (!v)
        return -1;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && name[j] >= 'A' && name[j] <= 'Z')
            j++;
        if (j == i) {
            v[n++] = name[i++];
            continue;
        }
        int word = j - i >= 2 && j - i <= 3 && (i == 0 || !isalnum((unsigned char)name[i - 1]))
                   && (j == len || (!isalnum((unsigned char)name[j]) && name[j] != '.'));
        for (size_t k = i; k < j; k++) {
            v[n++] = name[k];
            if (word)
                v[n++] = '.';
        }
        changed |= word;
        i = j;
    }
    v[n] = '\0';
    int rc = changed ? add_name(g, e, v, n, 0) : 0;
    free(v);
    return rc < 0 ? -1 : 0;
}

static int fail(char *err, size_t cap, seek_status *st, seek_status code, const char *fmt,
                const char *path, size_t line, const char *what)
{
    snprintf(err, cap, fmt, path, line, what);
    *st = code;
    return -1;
}

/* Parses one non-comment line. Returns 0, or -1 with *st and err set. */
static int load_line(gazetteer *g, char *line, const char *path, size_t lineno, char *err,
                     size_t errcap, seek_status *st)
{
    char *f[4] = { line, NULL, NULL, NULL };
    char *tab = strchr(line, '\t');
    if (!tab)
        return fail(err, errcap, st, SEEK_INVALID, "%s:%zu: %s", path, lineno,
                    "expected TYPE<TAB>NAME<TAB>ALIASES[<TAB>CONTEXT]");
    *tab = '\0';
    f[1] = tab + 1;
    for (int k = 2; k < 4 && (tab = strchr(f[k - 1], '\t')); k++) {
        *tab = '\0';
        f[k] = tab + 1;
    }
    if (f[3] && strchr(f[3], '\t'))
        return fail(err, errcap, st, SEEK_INVALID, "%s:%zu: %s", path, lineno,
                    "more than four TAB-separated fields");
    ent_type type;
    if (ent_type_parse(f[0], &type) < 0)
        return fail(err, errcap, st, SEEK_INVALID, "%s:%zu: unknown type '%s' (person, org, place or name)",
                    path, lineno, f[0]);
    gaz_entity *grown = grow_to(g->ents, &g->cap, g->n + 1, sizeof *grown, 256);
    if (!grown)
        goto oom;
    g->ents = grown;
    gaz_entity *e = &g->ents[g->n];
    memset(e, 0, sizeof *e);
    e->type = type;
    if (!(e->name = strpool_add(&g->strings, f[1], strlen(f[1]))))
        goto oom;
    g->n++;
    int rc = add_name(g, (uint32_t)(g->n - 1), f[1], strlen(f[1]), 1);
    if (rc < 0 || (rc == 0 && add_dotted(g, (uint32_t)(g->n - 1), f[1], strlen(f[1])) < 0))
        goto oom;
    if (rc > 0)
        return fail(err, errcap, st, SEEK_INVALID, "%s:%zu: the name '%s' has no letters or digits",
                    path, lineno, f[1]);
    for (char *a = f[2]; a && *a;) {
        char *bar = strchr(a, '|');
        size_t len = bar ? (size_t)(bar - a) : strlen(a);
        if (push(&g->aliases, &g->naliases, &g->aliascap, strpool_add(&g->strings, a, len)) < 0)
            goto oom;
        e->naliases++;
        if (add_name(g, (uint32_t)(g->n - 1), a, len, 0) < 0
            || add_dotted(g, (uint32_t)(g->n - 1), a, len) < 0)
            goto oom;
        a = bar ? bar + 1 : a + len;
    }
    if (f[3] && add_context(g, e, f[3]) < 0)
        goto oom;
    return 0;
oom:
    return fail(err, errcap, st, SEEK_NOMEM, "%s:%zu: %s", path, lineno, "out of memory");
}

/* v (n elements of `size` bytes) cut to size: the growing left up to half
 * of it unused. v itself if realloc fails. */
static void *shrunk(void *v, size_t n, size_t size)
{
    if (!n) {
        free(v);
        return NULL;
    }
    void *p = realloc(v, n * size);
    return p ? p : v;
}

/* Once the file is read: the maps, built from the alias records; the
 * arrays cut to size, and each entity pointed at its aliases and context.
 * Returns OK or NOMEM. */
static seek_status finish(gazetteer *g)
{
    free(g->forms);
    g->forms = NULL;
    g->formscap = 0;
    g->ents = shrunk(g->ents, g->cap = g->n, sizeof *g->ents);
    g->al = shrunk(g->al, g->alcap = g->nal, sizeof *g->al);
    g->aliases = shrunk(g->aliases, g->aliascap = g->naliases, sizeof *g->aliases);
    g->context = shrunk(g->context, g->contextcap = g->ncontext, sizeof *g->context);
    for (size_t i = 0, na = 0, nc = 0; i < g->n; i++) {
        gaz_entity *e = &g->ents[i];
        e->aliases = e->naliases ? g->aliases + na : NULL;
        e->context = e->ncontext ? g->context + nc : NULL;
        na += e->naliases;
        nc += e->ncontext;
    }
    strindex_entry *v = malloc((g->nal ? g->nal : 1) * sizeof *v);
    if (!v)
        return SEEK_NOMEM;
    seek_status st = SEEK_OK;
    for (size_t i = 0; i < g->nal; i++)
        v[i] = (strindex_entry){ .key = g->al[i].key, .val = g->al[i].ent };
    if ((st = strindex_build(&g->by_key, v, g->nal)) != SEEK_OK)
        goto out;
    /* Each key's aliases longest first, then in the order of the file. */
    for (size_t i = 0; i < g->nal && st == SEEK_OK; i++) {
        const alias_rec *a = &g->al[i];
        const char *first = strpool_intern(&g->strings, a->key, a->first);
        v[i] = (strindex_entry){ .key = first, .val = (uint32_t)i, .rank = UINT32_MAX - a->n };
        if (!first)
            st = SEEK_NOMEM;
    }
    if (st != SEEK_OK || (st = strindex_build(&g->by_first, v, g->nal)) != SEEK_OK)
        goto out;
    size_t k = 0;
    for (size_t i = 0; i < g->nal && st == SEEK_OK; i++) {
        const alias_rec *a = &g->al[i];
        if (g->ents[a->ent].type != ENT_PERSON || a->n < 2)
            continue;
        const char *last = strrchr(a->key, ' ') + 1;
        v[k] = (strindex_entry){ .key = strpool_intern(&g->strings, last, strlen(last)),
                                 .val = (uint32_t)i };
        if (!v[k++].key)
            st = SEEK_NOMEM;
    }
    if (st == SEEK_OK)
        st = strindex_build(&g->by_last, v, k);
out:
    free(v);
    strpool_seal(&g->strings);
    return st;
}

seek_status gaz_load(const char *path, gazetteer **out, char *err, size_t errcap)
{
    *out = NULL;
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errcap, "%s: %s", path, strerror(errno));
        return errno == ENOENT ? SEEK_NOT_FOUND : SEEK_IO;
    }
    gazetteer *g = calloc(1, sizeof *g);
    seek_status st = g ? SEEK_OK : SEEK_NOMEM;
    if (g)
        strpool_init(&g->strings);
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    while (st == SEEK_OK && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        size_t lead = strspn(line, " \t");
        if (!line[lead] || line[lead] == '#')
            continue;
        load_line(g, line, path, lineno, err, errcap, &st);
    }
    if (st == SEEK_OK && ferror(f)) {
        snprintf(err, errcap, "%s: read error", path);
        st = SEEK_IO;
    }
    free(line);
    fclose(f);
    if (st == SEEK_OK && (st = finish(g)) != SEEK_OK)
        snprintf(err, errcap, "%s: out of memory", path);
    if (st != SEEK_OK) {
        if (!g)
            snprintf(err, errcap, "out of memory");
        gaz_free(g);
        return st;
    }
    *out = g;
    return SEEK_OK;
}

void gaz_free(gazetteer *g)
{
    if (!g)
        return;
    free(g->ents);
    free(g->al);
    free(g->aliases);
    free(g->context);
    free(g->forms);
    strindex_fini(&g->by_key);
    strindex_fini(&g->by_first);
    strindex_fini(&g->by_last);
    strpool_fini(&g->strings);
    free(g);
}

size_t gaz_lookup(const gazetteer *g, const char *key, ent_type type,
                  const gaz_entity **out, size_t max)
{
    size_t ns, n = 0;
    const uint32_t *s = strindex_get(&g->by_key, key, &ns);
    int canonical = 0;
    for (size_t i = 0; i < ns; i++) {
        const gaz_entity *e = &g->ents[s[i]];
        canonical |= (type == ENT_NTYPES || e->type == type) && !strcmp(e->key, key);
    }
    for (size_t i = 0; i < ns; i++) {
        const gaz_entity *e = &g->ents[s[i]];
        if ((type != ENT_NTYPES && e->type != type) || (canonical && strcmp(e->key, key)))
            continue;
        if (n < max)
            out[n] = e;
        n++;
    }
    return n;
}

const gaz_entity *gaz_find(const gazetteer *g, ent_type type, const char *key)
{
    size_t ns;
    const uint32_t *s = strindex_get(&g->by_key, key, &ns);
    for (size_t i = 0; i < ns; i++) {
        const gaz_entity *e = &g->ents[s[i]];
        if (e->type == type && strcmp(e->key, key) == 0)
            return e;
    }
    return NULL;
}

const gaz_entity *gaz_person_by_initial(const gazetteer *g, const char *initial,
                                        const char *surname)
{
    size_t nl;
    const uint32_t *l = strindex_get(&g->by_last, surname, &nl);
    const gaz_entity *found = NULL;
    size_t il = strlen(initial);
    for (size_t i = 0; i < nl; i++) {
        const alias_rec *a = &g->al[l[i]];
        if (il > a->first || strncmp(a->key, initial, il) != 0)
            continue;
        if (found && found != &g->ents[a->ent])
            return NULL;
        found = &g->ents[a->ent];
    }
    return found;
}

/* Whether alias a is at tokens [i, ...) of toks (n tokens), its first token
 * being toks[i]: each of its others, read from its key, is the next token,
 * ending where the key has a space or, after the last, its end. */
static bool alias_at(const alias_rec *a, const char *const *toks, size_t n, size_t i)
{
    if (i + a->n > n)
        return false;
    const char *k = a->key + a->first;
    for (size_t j = 1; j < a->n; j++) {
        const char *t = toks[i + j];
        size_t l = strlen(t);
        k++;  /* the space before this token */
        if (strncmp(k, t, l) != 0 || k[l] != (j + 1 < a->n ? ' ' : '\0'))
            return false;
        k += l;
    }
    return true;
}

long gaz_match_tokens(const gazetteer *g, const char *const *toks, size_t n, gaz_match **out)
{
    gaz_match *v = NULL;
    size_t nv = 0, cap = 0;
    *out = NULL;
    for (size_t i = 0; i < n;) {
        size_t ns, best = 0;
        const uint32_t *s = strindex_get(&g->by_first, toks[i], &ns);
        bool strong = false;
        uint32_t first[ENT_NTYPES];
        /* The longest length any alias matches here, and whether one of it
         * is no stem cut from an ending no nominative has: such a stem
         * yields to the other names the words meet ("Иерусалим" cut to
         * "иерусал"). Aliases come longest first. */
        for (size_t k = 0; k < ns; k++) {
            const alias_rec *a = &g->al[s[k]];
            if (best && a->n < best)
                break;
            if (alias_at(a, toks, n, i)) {
                best = a->n;
                strong |= !a->weak;
            }
        }
        /* Two names of one type whose stems meet ("Китая": Китай, China, and
         * Киты, Kitami) are one name of the text: the entity listed first
         * (hand-kept lists and countries come before cities) keeps it; a
         * name met as written is never dropped. */
        for (size_t t = 0; t < ENT_NTYPES; t++)
            first[t] = UINT32_MAX;
        for (size_t k = 0; best && k < ns && g->al[s[k]].n >= best; k++) {
            const alias_rec *a = &g->al[s[k]];
            ent_type t = g->ents[a->ent].type;
            if (a->n == best && !(strong && a->weak) && alias_at(a, toks, n, i)
                && a->ent < first[t])
                first[t] = a->ent;
        }
        for (size_t k = 0; best && k < ns; k++) {
            const alias_rec *a = &g->al[s[k]];
            if (a->n < best)
                break;
            if ((strong && a->weak) || (a->cut && a->ent != first[g->ents[a->ent].type])
                || !alias_at(a, toks, n, i))
                continue;
            int dup = 0;
            for (size_t m = nv; m-- > 0 && v[m].first == i;)
                dup |= v[m].ent == &g->ents[a->ent];
            if (dup)
                continue;
            gaz_match *p = grow_to(v, &cap, nv + 1, sizeof *p, 16);
            if (!p) {
                free(v);
                return -1;
            }
            v = p;
            v[nv++] = (gaz_match){ i, a->n, &g->ents[a->ent], a->cut, a->caps };
        }
        i += best ? best : 1;
    }
    *out = v;
    return (long)nv;
}
