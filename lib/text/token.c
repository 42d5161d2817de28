/* Tokenizer and normalizer. Each source code point is decomposed on its own
 * (compatibility, case folded, marks dropped) and the pieces classified, so
 * "ﬁ", "Ａ" and "™" turn into letters exactly as a whole-text NFKD would; a
 * finished token is recomposed (NFKC). ASCII skips utf8proc entirely.
 * Cyrillic letters that only look like a letter with a mark (й, ў, ї, ӣ, ӯ)
 * are letters of their own and keep it; a word mixing Latin and Cyrillic is
 * read in the script of most of its letters. */
#include "text/token.h"

#include "grow.h"
#include "text/script.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { CLS_SEP, CLS_WORD, CLS_APOS };

typedef struct scanner {
    utf8proc_int32_t *cps;  /* the current token, decomposed */
    size_t n, cap;
    char *word;             /* a whole-ASCII token, lowercased (emit_ascii_word) */
    size_t word_cap;
    int ascii;              /* the current token is plain ASCII */
    int apos;               /* an apostrophe is waiting for a following letter */
    size_t start, end;
    unsigned pos;
    tok_fn fn;
    void *ctx;
    int stop;
} scanner;

static int cls_of(utf8proc_int32_t cp)
{
    if (cp == '\'' || cp == 0x2019)
        return CLS_APOS;
    /* ASCII letters and digits are its only letters and numbers. */
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                   ? CLS_WORD : CLS_SEP;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return CLS_WORD;
    default:
        return CLS_SEP;
    }
}

/* Letters of the region's Cyrillic alphabets that Unicode decomposes into
 * a base letter and a mark, as (lower case, base, mark): stripping the mark
 * would merge distinct words (Russian "мой" and "мои"; Belarusian ў, Ukrainian
 * ї, Tajik ӣ and ӯ likewise). ё is left out on purpose: Russian writes it as
 * е more often than not, so both spellings are one word. */
static const struct { utf8proc_int32_t letter, base, mark; } kept[] = {
    { 0x439, 0x438, 0x306 },  /* й = и + breve */
    { 0x45E, 0x443, 0x306 },  /* ў = у + breve */
    { 0x457, 0x456, 0x308 },  /* ї = і + diaeresis */
    { 0x4E3, 0x438, 0x304 },  /* ӣ = и + macron */
    { 0x4EF, 0x443, 0x304 },  /* ӯ = у + macron */
};

/* The kept letter `cp` is (in either case, folded), or 0. */
static utf8proc_int32_t kept_letter(utf8proc_int32_t cp)
{
    utf8proc_int32_t lc = utf8proc_tolower(cp);
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        if (kept[i].letter == lc)
            return lc;
    return 0;
}

/* The kept letter that `base` followed by combining `mark` spells (text
 * written decomposed), or 0. */
static utf8proc_int32_t kept_compose(utf8proc_int32_t base, utf8proc_int32_t mark)
{
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        if (kept[i].base == base && kept[i].mark == mark)
            return kept[i].letter;
    return 0;
}

static int push(scanner *sc, utf8proc_int32_t cp)
{
    /* Room for the reencode step, which writes UTF-8 over the same buffer. */
    utf8proc_int32_t *p = grow_to(sc->cps, &sc->cap, sc->n + 2, sizeof *p, 64);
    if (!p)
        return -1;
    sc->cps = p;
    sc->cps[sc->n++] = cp;
    if (cp >= 0x80)
        sc->ascii = 0;
    return 0;
}

/* A word mixing Latin and Cyrillic letters ("Mоscow" with a Cyrillic о, as
 * pages copied through lookalike filters have) is read in the script of most
 * of its letters: the others become their lookalikes there, when they have
 * one. A tie leaves the word as written. */
static void read_dominant_script(utf8proc_int32_t *cps, size_t n)
{
    size_t lat = 0, cyr = 0;
    for (size_t i = 0; i < n; i++) {
        text_script s = script_of(cps[i]);
        lat += s == SCRIPT_LATIN;
        cyr += s == SCRIPT_CYRILLIC;
    }
    if (!lat || !cyr || lat == cyr)
        return;
    text_script to = lat > cyr ? SCRIPT_LATIN : SCRIPT_CYRILLIC;
    for (size_t i = 0; i < n; i++) {
        text_script s = script_of(cps[i]);
        if (s != to && (s == SCRIPT_LATIN || s == SCRIPT_CYRILLIC)) {
            utf8proc_int32_t g = script_homoglyph(cps[i], to);
            if (g)
                cps[i] = g;
        }
    }
}

static int flush(scanner *sc)
{
    sc->apos = 0;
    if (!sc->n)
        return 0;
    char *text = (char *)sc->cps;
    size_t len;
    if (!sc->ascii)
        read_dominant_script(sc->cps, sc->n);
    if (sc->ascii) {
        for (size_t i = 0; i < sc->n; i++)
            text[i] = (char)sc->cps[i];
        len = sc->n;
    } else {
        utf8proc_ssize_t r = utf8proc_reencode(sc->cps, (utf8proc_ssize_t)sc->n,
                                               UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (r < 0) {
            sc->n = 0;
            return 0;
        }
        len = (size_t)r;
    }
    if (len > TOK_MAX_BYTES) {
        len = TOK_MAX_BYTES;
        while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    text[len] = '\0';
    tok t = { text, len, sc->start, sc->end, sc->pos++ };
    sc->n = 0;
    sc->ascii = 1;
    if (sc->fn && sc->fn(&t, sc->ctx))
        sc->stop = 1;
    return 0;
}

/* Feeds one decomposed piece of the source character at [at, next). */
static int feed(scanner *sc, utf8proc_int32_t cp, size_t at, size_t next)
{
    switch (cls_of(cp)) {
    case CLS_WORD:
        if (!sc->n)
            sc->start = at;
        else if (sc->apos && push(sc, '\'') < 0)
            return -1;
        sc->apos = 0;
        sc->end = next;
        return push(sc, cp);
    case CLS_APOS:
        if (sc->n && !sc->apos) {
            sc->apos = 1;
            return 0;
        }
        return flush(sc);
    default:
        return flush(sc);
    }
}

static int ascii_alnum(unsigned char b)
{
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

/* Feeds the run of ASCII letters and digits at s[at..] in one go (most of
 * any text); returns the index after it, or 0 when memory runs out. */
static size_t feed_ascii_run(scanner *sc, const unsigned char *s, size_t at, size_t len)
{
    size_t end = at;
    while (end < len && ascii_alnum(s[end]))
        end++;
    if (!sc->n)
        sc->start = at;
    else if (sc->apos && push(sc, '\'') < 0)
        return 0;
    sc->apos = 0;
    utf8proc_int32_t *p = grow_to(sc->cps, &sc->cap, sc->n + (end - at) + 2, sizeof *p, 64);
    if (!p)
        return 0;
    sc->cps = p;
    for (size_t i = at; i < end; i++)
        p[sc->n++] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i];
    sc->end = end;
    return end;
}

/* A token that is one run of ASCII letters and digits, with nothing before
 * it and no apostrophe or other letter after it (most tokens of most text),
 * goes straight to the callback, lowercased, without the code point buffer.
 * Returns the index after it; `at` when the run is not such a token (the
 * general path takes it); 0 when memory runs out. */
static size_t emit_ascii_word(scanner *sc, const unsigned char *s, size_t at, size_t len)
{
    size_t end = at;
    while (end < len && ascii_alnum(s[end]))
        end++;
    if (end < len && (s[end] == '\'' || s[end] >= 0x80))
        return at;
    size_t n = end - at < TOK_MAX_BYTES ? end - at : TOK_MAX_BYTES;
    char *w = grow_to(sc->word, &sc->word_cap, n + 1, 1, 64);
    if (!w)
        return 0;
    sc->word = w;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)((s[at + i] >= 'A' && s[at + i] <= 'Z') ? s[at + i] + 32 : s[at + i]);
    w[n] = '\0';
    tok t = { w, n, at, end, sc->pos++ };
    if (sc->fn && sc->fn(&t, sc->ctx))
        sc->stop = 1;
    return end;
}

long tok_scan(const char *s, size_t len, tok_fn fn, void *ctx)
{
    scanner sc = { .ascii = 1, .fn = fn, .ctx = ctx };
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    int rc = 0;
    while (i < len && !sc.stop && rc == 0) {
        unsigned char b = p[i];
        if (ascii_alnum(b)) {
            size_t next = sc.n ? i : emit_ascii_word(&sc, p, i, len);
            if (next != i) {
                if (!next)
                    rc = -1;
                i = next;
                continue;
            }
            next = feed_ascii_run(&sc, p, i, len);
            if (!next)
                rc = -1;
            i = next;
            continue;
        }
        if (b < 0x80) {
            utf8proc_int32_t cp = (b >= 'A' && b <= 'Z') ? b + 32 : b;
            rc = feed(&sc, cp, i, i + 1);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            rc = flush(&sc);
            i++;
            continue;
        }
        utf8proc_int32_t keep = kept_letter(cp);
        if (keep) {
            rc = feed(&sc, keep, i, i + (size_t)n);
            i += (size_t)n;
            continue;
        }
        /* Text written decomposed: the mark completes the letter before it. */
        if (sc.n && !sc.apos && (keep = kept_compose(sc.cps[sc.n - 1], cp))) {
            sc.cps[sc.n - 1] = keep;
            sc.end = i + (size_t)n;
            i += (size_t)n;
            continue;
        }
        utf8proc_int32_t parts[32];
        int boundclass = UTF8PROC_BOUNDCLASS_START;
        utf8proc_ssize_t k = utf8proc_decompose_char(cp, parts, 32,
            UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK,
            &boundclass);
        /* k == 0 is a stripped mark: it neither joins nor splits tokens. */
        if (k < 0 || k > 32)
            rc = flush(&sc);
        for (utf8proc_ssize_t j = 0; j < k && j < 32 && rc == 0; j++)
            rc = feed(&sc, parts[j], i, i + (size_t)n);
        i += (size_t)n;
    }
    if (rc == 0 && !sc.stop)
        rc = flush(&sc);
    free(sc.cps);
    free(sc.word);
    return rc < 0 ? -1 : (long)sc.pos;
}

typedef struct joiner {
    char *buf;
    size_t len, cap;
    int oom;
} joiner;

static int join_one(const tok *t, void *ctx)
{
    joiner *j = ctx;
    char *p = grow_to(j->buf, &j->cap, j->len + t->len + 2, 1, 64);
    if (!p) {
        j->oom = 1;
        return 1;
    }
    j->buf = p;
    if (j->len)
        j->buf[j->len++] = ' ';
    memcpy(j->buf + j->len, t->text, t->len);
    j->len += t->len;
    j->buf[j->len] = '\0';
    return 0;
}

char *tok_join(const char *s, size_t len)
{
    joiner j = { 0 };
    if (tok_scan(s, len, join_one, &j) < 0 || j.oom) {
        free(j.buf);
        return NULL;
    }
    return j.buf ? j.buf : strdup("");
}
