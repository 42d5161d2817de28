/* Word forms by script, with a per-thread cache: a word's keys are worked
 * out once per distinct word (the dictionary look-up costs microseconds, a
 * cache hit a hash and a compare), which keeps indexing speed close to plain
 * Snowball stemming. The Russian dictionary is one process-wide copy behind
 * a mutex: Hunspell objects are not safe to share between threads. */
#include "morph/morph.h"

#include <hunspell.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "fnv.h"
#include "grow.h"
#include "text/script.h"
#include "text/token.h"
#include "xap/xap.h"

/* ---- The shared Russian dictionary ---- */

static pthread_mutex_t dict_mu = PTHREAD_MUTEX_INITIALIZER;
static Hunhandle *dict;
static unsigned dict_refs;

/* seekd reads ё as е, but the dictionary spells some 7000 words with ё
 * alone ("объём"): each gets its е spelling, with the same endings. */
static void add_yo_free_spellings(Hunhandle *h, const char *dic_path)
{
    FILE *f = fopen(dic_path, "r");
    if (!f)
        return;
    char line[512], plain[512];
    while (fgets(line, sizeof line, f)) {
        if (!strstr(line, "ё"))
            continue;
        line[strcspn(line, "/\t\n")] = '\0';
        size_t n = 0;
        for (const char *p = line; *p && n + 2 < sizeof plain; p++) {
            /* ё is D1 91, е D0 B5. */
            if ((unsigned char)p[0] == 0xD1 && (unsigned char)p[1] == 0x91) {
                plain[n++] = (char)0xD0;
                plain[n++] = (char)0xB5;
                p++;
            } else {
                plain[n++] = *p;
            }
        }
        plain[n] = '\0';
        if (!Hunspell_spell(h, plain))
            Hunspell_add_with_affix(h, plain, line);
    }
    fclose(f);
}

static seek_status dict_acquire(char *err, size_t errcap)
{
    seek_status st = SEEK_OK;
    pthread_mutex_lock(&dict_mu);
    if (!dict_refs) {
        const char *aff = MORPH_RU_DICT ".aff", *dic = MORPH_RU_DICT ".dic";
        if (access(aff, R_OK) != 0 || access(dic, R_OK) != 0) {
            snprintf(err, errcap, "the Russian dictionary %s is missing (Debian package hunspell-ru)",
                     dic);
            st = SEEK_NOT_FOUND;
        } else if (!(dict = Hunspell_create(aff, dic))) {
            snprintf(err, errcap, "cannot load the Russian dictionary %s", dic);
            st = SEEK_NOMEM;
        } else {
            add_yo_free_spellings(dict, dic);
        }
    }
    if (st == SEEK_OK)
        dict_refs++;
    pthread_mutex_unlock(&dict_mu);
    return st;
}

static void dict_release(void)
{
    pthread_mutex_lock(&dict_mu);
    if (dict_refs && --dict_refs == 0) {
        Hunspell_destroy(dict);
        dict = NULL;
    }
    pthread_mutex_unlock(&dict_mu);
}

/* ---- The cache ---- */

/* The table starts small and doubles as words come, up to TABLE_SLOTS (a
 * power of two: load stays <= 1/2). A daemon's thread meets a few thousand
 * distinct words; a table made full at once would be 6 MB per thread, and
 * hashing spreads even those few words over all of its pages. */
#define TABLE_SLOTS (2 * MORPH_CACHE_WORDS)
#define TABLE_FIRST 1024

typedef struct entry {
    uint64_t hash;          /* 0: empty slot */
    uint32_t word, wlen;    /* the word in the arena */
    uint32_t keys, nkeys;   /* its keys in the arena */
} entry;

struct morph {
    xap_stem *english, *russian, *armenian;
    int has_dict;           /* holds a reference to the shared dictionary */
    entry *table;
    size_t slots;           /* the table's size, a power of two */
    size_t count;
    char *arena;
    size_t alen, acap;
    char keys[MORPH_MAX_KEYS * MORPH_KEY_MAX];  /* keys being worked out */
};

seek_status morph_new(morph **out, char *err, size_t errcap)
{
    *out = NULL;
    morph *m = calloc(1, sizeof *m);
    if (!m) {
        snprintf(err, errcap, "out of memory");
        return SEEK_NOMEM;
    }
    seek_status st = dict_acquire(err, errcap);
    if (st != SEEK_OK) {
        free(m);
        return st;
    }
    m->has_dict = 1;
    if ((st = xap_stem_new("english", &m->english)) == SEEK_OK
        && (st = xap_stem_new("russian", &m->russian)) == SEEK_OK)
        st = xap_stem_new("armenian", &m->armenian);
    if (st == SEEK_OK && !(m->table = calloc(TABLE_FIRST, sizeof *m->table)))
        st = SEEK_NOMEM;
    m->slots = TABLE_FIRST;
    if (st != SEEK_OK) {
        snprintf(err, errcap, "cannot set up the stemmers: %s", status_code(st));
        morph_free(m);
        return st;
    }
    *out = m;
    return SEEK_OK;
}

void morph_free(morph *m)
{
    if (!m)
        return;
    xap_stem_free(m->english);
    xap_stem_free(m->russian);
    xap_stem_free(m->armenian);
    free(m->table);
    free(m->arena);
    if (m->has_dict)
        dict_release();
    free(m);
}

/* ---- Working out keys ---- */

/* Appends key `k` (`len` bytes) to m->keys unless it is there already or
 * the list is full; *n keys, *used bytes so far. */
static void add_key(morph *m, const char *k, size_t len, size_t *n, size_t *used)
{
    if (len >= MORPH_KEY_MAX) {
        len = MORPH_KEY_MAX - 1;
        while (len && ((unsigned char)k[len] & 0xC0) == 0x80)
            len--;
    }
    if (!len || *n >= MORPH_MAX_KEYS)
        return;
    const char *p = m->keys;
    for (size_t i = 0; i < *n; i++, p += strlen(p) + 1)
        if (strlen(p) == len && memcmp(p, k, len) == 0)
            return;
    memcpy(m->keys + *used, k, len);
    m->keys[*used + len] = '\0';
    *used += len + 1;
    (*n)++;
}

static size_t stem_with(morph *m, xap_stem *s, const char *w, size_t len, size_t *used)
{
    char buf[MORPH_KEY_MAX];
    size_t n = 0, k = xap_stem_word(s, w, len, buf, sizeof buf);
    if (k && k < sizeof buf)
        add_key(m, buf, k, &n, used);
    else
        add_key(m, w, len, &n, used);
    return n;
}

/* The lemmas the dictionary gives the word written with a capital: that
 * finds names ("минске" -> "Минск") as well as every lower-case entry. The
 * lemmas are normalized as tokens are, so "самолёт" is the key "самолет". */
static size_t russian_lemmas(morph *m, const char *w, size_t len, size_t *used)
{
    char cap[TOK_MAX_BYTES + 8];
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)len, &cp);
    if (k <= 0 || len + 4 >= sizeof cap)
        return 0;
    utf8proc_ssize_t c = utf8proc_encode_char(utf8proc_toupper(cp), (utf8proc_uint8_t *)cap);
    memcpy(cap + c, w + k, len - (size_t)k);
    cap[(size_t)c + len - (size_t)k] = '\0';
    char **list = NULL;
    pthread_mutex_lock(&dict_mu);
    int nl = Hunspell_stem(dict, &list, cap);
    size_t n = 0;
    for (int i = 0; i < nl; i++) {
        char *norm = tok_join(list[i], strlen(list[i]));
        if (norm)
            add_key(m, norm, strlen(norm), &n, used);
        free(norm);
    }
    Hunspell_free_list(dict, &list, nl);
    pthread_mutex_unlock(&dict_mu);
    return n;
}

/* Endings of Russian lemmas: nouns, adjectives, verbs. */
static const char *const lemma_endings[] = {
    "", "а", "я", "о", "е", "ь", "й", "ие", "ия", "ье", "ость", "ый", "ий", "ой", "ть", "ить",
    "ать", "еть", "ти", "ться",
};

/* Bytes `a` and `b` share at their start. */
static size_t common_prefix(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0;
    while (i < alen && i < blen && a[i] == b[i])
        i++;
    return i;
}

/* Whether the dictionary knows `cand` as a lemma of its own. */
static int is_lemma(morph *m, const char *cand, size_t len)
{
    size_t used = 0;
    size_t n = russian_lemmas(m, cand, len, &used);
    const char *p = m->keys;
    for (size_t j = 0; j < n; j++, p += strlen(p) + 1)
        if (strlen(p) == len && memcmp(p, cand, len) == 0)
            return 1;
    return 0;
}

/* A word the dictionary lacks in this form, often a plural it does not
 * list ("экономиками", "нефтях"), is read as a lemma the dictionary knows
 * that has the same Snowball stem and is that stem plus a lemma ending:
 * the one sharing the most letters with the word ("техниками" is
 * "техника", not "техник"), the first in the list above on a tie. 0 keys
 * when there is none: the caller falls back to the stem. */
static size_t lemma_of_stem(morph *m, const char *w, size_t len, size_t *used)
{
    char stem[MORPH_KEY_MAX], cand[MORPH_KEY_MAX], cstem[MORPH_KEY_MAX], best[MORPH_KEY_MAX];
    size_t sl = xap_stem_word(m->russian, w, len, stem, sizeof stem);
    size_t best_len = 0, best_common = 0;
    if (!sl || sl >= sizeof stem - 16)
        return 0;
    for (size_t i = 0; i < sizeof lemma_endings / sizeof *lemma_endings; i++) {
        int cl = snprintf(cand, sizeof cand, "%s%s", stem, lemma_endings[i]);
        size_t common = common_prefix(cand, (size_t)cl, w, len);
        if (((size_t)cl == len && common == len) || common <= best_common)
            continue;  /* the word itself, which the dictionary lacks, or no better */
        size_t k = xap_stem_word(m->russian, cand, (size_t)cl, cstem, sizeof cstem);
        if (k != sl || memcmp(cstem, stem, sl) != 0 || !is_lemma(m, cand, (size_t)cl))
            continue;
        memcpy(best, cand, (size_t)cl + 1);
        best_len = (size_t)cl;
        best_common = common;
    }
    size_t n = 0;
    *used = 0;
    if (best_len)
        add_key(m, best, best_len, &n, used);
    return n;
}

/* Sorts the n keys in m->keys (bytes used) so that the order never depends
 * on the dictionary's. */
static void sort_keys(morph *m, size_t n, size_t used)
{
    if (n < 2)
        return;
    const char *v[MORPH_MAX_KEYS];
    char tmp[sizeof m->keys];
    const char *p = m->keys;
    for (size_t i = 0; i < n; i++, p += strlen(p) + 1)
        v[i] = p;
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
            const char *t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    size_t off = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(v[i]) + 1;
        memcpy(tmp + off, v[i], l);
        off += l;
    }
    memcpy(m->keys, tmp, used);
}

/* Works the keys of w out into m->keys; returns their count, *used bytes. */
static size_t compute(morph *m, const char *w, size_t len, size_t *used)
{
    *used = 0;
    int russian = 0;
    switch (script_word(w, len, &russian)) {
    case SCRIPT_NONE:
    case SCRIPT_LATIN:
        return stem_with(m, m->english, w, len, used);
    case SCRIPT_ARMENIAN:
        return stem_with(m, m->armenian, w, len, used);
    case SCRIPT_CYRILLIC:
        if (russian) {
            size_t n = russian_lemmas(m, w, len, used);
            if (!n)
                n = lemma_of_stem(m, w, len, used);
            if (n) {
                sort_keys(m, n, *used);
                return n;
            }
            return stem_with(m, m->russian, w, len, used);
        }
        break;
    case SCRIPT_OTHER:
        break;
    }
    size_t n = 0;
    add_key(m, w, len, &n, used);
    return n;
}

static void cache_clear(morph *m)
{
    memset(m->table, 0, m->slots * sizeof *m->table);
    m->count = 0;
    m->alen = 0;
}

/* The empty slot where a word hashed to h goes. */
static entry *free_slot(entry *table, size_t slots, uint64_t h)
{
    size_t i = (size_t)h & (slots - 1);
    while (table[i].hash)
        i = (i + 1) & (slots - 1);
    return &table[i];
}

/* Doubles the table, keeping its entries. Returns 0, or -1 when memory
 * runs out (the table stays as it was). */
static int table_grow(morph *m)
{
    size_t slots = m->slots * 2;
    entry *t = calloc(slots, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < m->slots; i++)
        if (m->table[i].hash)
            *free_slot(t, slots, m->table[i].hash) = m->table[i];
    free(m->table);
    m->table = t;
    m->slots = slots;
    return 0;
}

const char *morph_keys(morph *m, const char *w, size_t len, size_t *n)
{
    uint64_t h = fnv1a64(w, len) | 1;
    size_t mask = m->slots - 1;
    for (size_t i = (size_t)h & mask; m->table[i].hash; i = (i + 1) & mask) {
        entry *e = &m->table[i];
        if (e->hash == h && e->wlen == len && memcmp(m->arena + e->word, w, len) == 0) {
            *n = e->nkeys;
            return m->arena + e->keys;
        }
    }
    size_t used;
    size_t nk = compute(m, w, len, &used);
    if (m->count >= MORPH_CACHE_WORDS)
        cache_clear(m);
    else if ((m->count + 1) * 2 > m->slots && m->slots < TABLE_SLOTS && table_grow(m) < 0)
        return NULL;
    char *a = grow_to(m->arena, &m->acap, m->alen + len + used, 1, 1 << 16);
    if (!a)
        return NULL;
    m->arena = a;
    entry *e = free_slot(m->table, m->slots, h);
    *e = (entry){ h, (uint32_t)m->alen, (uint32_t)len, (uint32_t)(m->alen + len), (uint32_t)nk };
    memcpy(a + m->alen, w, len);
    memcpy(a + m->alen + len, m->keys, used);
    m->alen += len + used;
    m->count++;
    *n = nk;
    return a + e->keys;
}

size_t morph_cached(const morph *m)
{
    return m->count;
}

int morph_has_key(const char *keys, size_t n, const char *a)
{
    for (size_t i = 0; i < n; i++, keys += strlen(keys) + 1)
        if (strcmp(keys, a) == 0)
            return 1;
    return 0;
}
