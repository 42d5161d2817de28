/* Did you mean: a query word the index does not hold (or, when the query
 * found little, holds far more rarely than a close spelling) is corrected
 * from the index's own words and the gazetteer's names (query/suggest.h),
 * and the answer carries the whole query with those words replaced. The
 * correction is only offered, never applied. The word list is scanned only
 * when some word needs it: a query whose words are all known and that finds
 * enough costs one term lookup per word. */
#include <stdlib.h>
#include <string.h>

#include "ops.h"
#include "query/compile.h"
#include "query/stopwords.h"
#include "query/suggest.h"
#include "text/token.h"
#include "xap/prefix.h"

/* Fewer hits than this and a rare word may be a misspelling of a common one. */
#define DYM_FEW_HITS 3
#define DYM_MAX_WORDS 16   /* words of one query looked at */

typedef struct dym_word {
    const qp_node *node;
    size_t start, end;     /* the word's bytes in the query text */
    suggest s;
} dym_word;

typedef struct dym_ctx {
    const char *q;
    size_t len;
    unsigned long total;
    morph *forms;          /* word forms (morph.h) */
    const gazetteer *gaz;
    dym_word words[DYM_MAX_WORDS];
    size_t n;
    size_t open;           /* words wanting a correction */
} dym_ctx;

static int first_token(const tok *t, void *ctx)
{
    *(tok *)ctx = *t;
    ((tok *)ctx)->text = NULL;   /* valid during the callback only */
    return 1;
}

/* The free words of the tree (not under NOT; stop words, numbers and the
 * names of gazetteer entities, which find their other spellings, are left
 * alone), with where each stands in the query text. */
static void collect(dym_ctx *c, const qp_node *n)
{
    if (!n || n->kind == QP_NOT || c->n == DYM_MAX_WORDS)
        return;
    if (n->kind == QP_WORD) {
        const char *w = n->terms[0];
        size_t wlen = strlen(w);
        const gaz_entity *named[1];
        if (qp_stopword(w, wlen) || strspn(w, "0123456789") == wlen || n->offset >= c->len
            || qp_named_entities(c->gaz, n, named, 1))
            return;
        tok t = { 0 };
        if (tok_scan(c->q + n->offset, c->len - n->offset, first_token, &t) <= 0 || t.start != 0)
            return;
        dym_word *d = &c->words[c->n++];
        d->node = n;
        d->start = n->offset;
        d->end = n->offset + t.end;
        return;
    }
    collect(c, n->left);
    collect(c, n->right);
}

/* Two words with a word form in common find the same documents: no
 * correction. */
static int same_stem(const char *a, size_t alen, const char *b, size_t blen, void *ctx)
{
    morph *words = ctx;
    size_t na, nb;
    const char *ka = morph_keys(words, a, alen, &na);
    char first[MORPH_MAX_KEYS][MORPH_KEY_MAX];
    for (size_t i = 0; ka && i < na; i++, ka += strlen(ka) + 1)
        snprintf(first[i], sizeof first[i], "%s", ka);
    const char *kb = ka ? morph_keys(words, b, blen, &nb) : NULL;
    for (size_t i = 0; kb && i < na; i++)
        if (morph_has_key(kb, nb, first[i]))
            return 1;
    return 0;
}

typedef struct form_docs {
    xap_db *db;
    unsigned long most;
    seek_status st;
} form_docs;

static int count_form(const char *term, void *ctx)
{
    form_docs *f = ctx;
    unsigned long n = 0;
    f->st = xap_db_termfreq(f->db, term, &n);
    if (n > f->most)
        f->most = n;
    return f->st != SEEK_OK;
}

/* Stop words are never offered: "form" is no typo for "for". */
static int consider_word(const char *word, size_t len, unsigned long docs, void *ctx)
{
    dym_ctx *c = ctx;
    if (qp_stopword(word, len))
        return 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->words[i].s.max_edits)
            suggest_consider(&c->words[i].s, word, len, docs);
    return 0;
}

static int consider_token(const tok *t, void *ctx)
{
    return consider_word(t->text, t->len, 0, ctx);
}

/* The bytes of the first character of a UTF-8 word, NUL-terminated. */
static void first_char_bytes(const char *w, char out[5])
{
    unsigned char b = (unsigned char)w[0];
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    size_t i = 0;
    for (; i < n && w[i]; i++)
        out[i] = w[i];
    out[i] = '\0';
}

static seek_status find(xap_db *db, void *ctx)
{
    dym_ctx *c = ctx;
    c->open = 0;
    for (size_t i = 0; i < c->n; i++) {
        dym_word *d = &c->words[i];
        const char *w = d->node->terms[0];
        size_t wlen = strlen(w);
        /* Known as written or by its stem ("retrieved" when only
         * "retrieval" is indexed is no typo: the stem finds it). */
        unsigned long docs = 0;
        seek_status st = xap_db_termfreq(db, w, &docs);
        form_docs f = { db, 0, SEEK_OK };
        if (st == SEEK_OK && qp_word_terms(c->forms, PREFIX_STEM, w, wlen, count_form, &f) < 0)
            st = SEEK_NOMEM;
        if (st == SEEK_OK)
            st = f.st;
        if (st != SEEK_OK)
            return st;
        if (f.most > docs)
            docs = f.most;
        memset(&d->s, 0, sizeof d->s);
        if ((docs == 0 || c->total < DYM_FEW_HITS)
            && suggest_init(&d->s, w, wlen, docs, same_stem, c->forms) == 0)
            c->open++;
    }
    if (!c->open)
        return SEEK_OK;
    /* A correction begins as the word does (suggest.h): only the index's
     * words with the first character of an open word are read, once per
     * character. */
    char seen[DYM_MAX_WORDS][5];
    size_t nseen = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (!c->words[i].s.max_edits)
            continue;
        char first[5];
        first_char_bytes(c->words[i].node->terms[0], first);
        size_t k = 0;
        while (k < nseen && strcmp(seen[k], first) != 0)
            k++;
        if (k < nseen)
            continue;
        memcpy(seen[nseen++], first, sizeof first);
        seek_status st = xap_db_each_word(db, first, consider_word, c);
        if (st != SEEK_OK)
            return st;
    }
    /* Names the gazetteer knows, word by word: what the index may not hold
     * yet, and spellings it holds under another form. */
    const gazetteer *g = c->gaz;
    for (size_t e = 0; g && e < gaz_count(g); e++) {
        const gaz_entity *ent = gaz_at(g, e);
        if (tok_scan(ent->name, strlen(ent->name), consider_token, c) < 0)
            return SEEK_NOMEM;
        for (size_t a = 0; a < ent->naliases; a++)
            if (tok_scan(ent->aliases[a], strlen(ent->aliases[a]), consider_token, c) < 0)
                return SEEK_NOMEM;
    }
    return SEEK_OK;
}

int dym_write(jw *out, reader *rd, const char *q, size_t len, const qp_node *tree,
              unsigned long total)
{
    dym_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    c->q = q;
    c->len = len;
    c->total = total;
    c->forms = rd->words;
    c->gaz = rd->ctx->gaz;
    collect(c, tree);
    /* Offered only: a failure to read the index here leaves it out. */
    seek_status st = c->n ? reader_run(rd, find, c) : SEEK_OK;
    if (st == SEEK_NOMEM) {
        free(c);
        return -1;
    }
    int any = 0;
    for (size_t i = 0; st == SEEK_OK && i < c->n; i++)
        any |= suggest_best(&c->words[i].s) != NULL;
    if (!any) {
        free(c);
        return 0;
    }
    /* The query as typed, each corrected word replaced; words come in tree
     * order, which is text order, but sort to be sure. */
    for (size_t i = 1; i < c->n; i++)
        for (size_t j = i; j > 0 && c->words[j - 1].start > c->words[j].start; j--) {
            dym_word t = c->words[j];
            c->words[j] = c->words[j - 1];
            c->words[j - 1] = t;
        }
    size_t cap = len + 1;
    for (size_t i = 0; i < c->n; i++)
        if (suggest_best(&c->words[i].s))
            cap += strlen(suggest_best(&c->words[i].s));
    char *text = malloc(cap);
    if (!text) {
        free(c);
        return -1;
    }
    size_t n = 0, at = 0;
    for (size_t i = 0; i < c->n; i++) {
        const char *fix = suggest_best(&c->words[i].s);
        if (!fix || c->words[i].start < at)
            continue;
        memcpy(text + n, q + at, c->words[i].start - at);
        n += c->words[i].start - at;
        memcpy(text + n, fix, strlen(fix));
        n += strlen(fix);
        at = c->words[i].end;
    }
    memcpy(text + n, q + at, len - at);
    n += len - at;
    jw_key(out, PROTO_A_SUGGESTION);
    jw_strn(out, text, n);
    free(text);
    free(c);
    return 0;
}
