/* Snippet generator. The document is tokenized with the indexer's tokenizer,
 * query words and phrases are found in the token stream, and the window of
 * `width` tokens holding the most distinct matches (then the most matches)
 * wins. A word matches the tokens that share one of its word-form keys. */
#include "snippet.h"

#include <stdlib.h>
#include <string.h>

#include "entity/names.h"
#include "entity/translit.h"
#include "grow.h"
#include "query/compile.h"
#include "text/token.h"
#include "text/tokarray.h"

typedef struct snip_item {
    char **terms;   /* a word's word-form keys, a phrase's words */
    size_t n;
    int phrase;
    int form;       /* a name: compare tokens in match form (transliterated) */
    int prefix;     /* a prefix*: tokens starting with terms[0] */
} snip_item;

struct snip_terms {
    snip_item *items;
    size_t n, cap;
};

void snip_terms_free(snip_terms *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++) {
        for (size_t j = 0; j < t->items[i].n; j++)
            free(t->items[i].terms[j]);
        free(t->items[i].terms);
    }
    free(t->items);
    free(t);
}

static snip_item *new_item(snip_terms *t)
{
    snip_item *p = grow_to(t->items, &t->cap, t->n + 1, sizeof *p, 8);
    if (!p)
        return NULL;
    t->items = p;
    snip_item *it = &t->items[t->n++];
    memset(it, 0, sizeof *it);
    return it;
}

/* A name in match form ("emomali rakhmon") as a phrase item. */
static int add_name(snip_terms *t, const char *form)
{
    snip_item *it = new_item(t);
    if (!it)
        return -1;
    it->phrase = it->form = 1;
    size_t n = 1;
    for (const char *p = form; *p; p++)
        n += *p == ' ';
    if (!(it->terms = calloc(n, sizeof *it->terms)))
        return -1;
    for (const char *p = form; it->n < n; p++) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        if (!(it->terms[it->n] = strndup(p, len)))
            return -1;
        it->n++;
        p += len;
    }
    return 0;
}

typedef struct name_ctx {
    snip_terms *t;
    const char *name;
    int rc;
} name_ctx;

static int add_entity_names(const char *term, const gaz_entity *e, void *c)
{
    name_ctx *nc = c;
    (void)term;
    if (!e)
        return 0;
    nc->rc = add_name(nc->t, e->key);
    for (size_t i = 0; i < e->naliases && nc->rc == 0; i++) {
        char *form = gaz_match_form(e->aliases[i], strlen(e->aliases[i]));
        nc->rc = form && *form ? add_name(nc->t, form) : (form ? 0 : -1);
        free(form);
    }
    return nc->rc;
}

static int add_entity(snip_terms *t, const qp_node *n, const gazetteer *gaz)
{
    name_ctx nc = { t, n->terms[0], 0 };
    qp_entity_terms(gaz, n->etype, n->terms[0], add_entity_names, &nc);
    /* Names found by one of their words: the term less its 2-byte prefix. */
    for (size_t i = 1; i < n->nterms && nc.rc == 0; i++)
        nc.rc = add_name(t, n->terms[i] + 2);
    return nc.rc < 0 ? -1 : add_name(t, n->terms[0]);
}

static int add_item(snip_terms *t, const qp_node *n, morph *words)
{
    snip_item *it = new_item(t);
    if (!it)
        return -1;
    it->phrase = n->kind == QP_PHRASE;
    it->prefix = n->kind == QP_PREFIX;
    size_t nkeys = 0;
    const char *keys = NULL;
    if (!it->phrase && !it->prefix
        && !(keys = morph_keys(words, n->terms[0], strlen(n->terms[0]), &nkeys)))
        return -1;
    size_t count = keys ? nkeys : n->nterms;
    if (!(it->terms = calloc(count, sizeof *it->terms)))
        return -1;
    for (size_t i = 0; i < count; i++) {
        it->terms[i] = strdup(keys ? keys : n->terms[i]);
        if (!it->terms[i])
            return -1;
        it->n++;
        if (keys)
            keys += strlen(keys) + 1;
    }
    return 0;
}

/* A word or phrase naming gazetteer entities: their other names too, so
 * the snippet marks whichever form the text used. */
static int add_named(snip_terms *t, const qp_node *n, const gazetteer *gaz)
{
    const gaz_entity *found[8];
    size_t nf = qp_named_entities(gaz, n, found, 8);
    for (size_t i = 0; i < nf; i++) {
        name_ctx nc = { t, NULL, 0 };
        if (add_entity_names(NULL, found[i], &nc) < 0)
            return -1;
    }
    return 0;
}

/* Each word on its own, as written: the words of NEAR and ADJ, of a phrase
 * with slack (not adjacent, so not one span), and =word. */
static int add_exact_words(snip_terms *t, const qp_node *n)
{
    for (size_t i = 0; i < n->nterms; i++) {
        snip_item *it = new_item(t);
        if (!it || !(it->terms = calloc(1, sizeof *it->terms)))
            return -1;
        it->phrase = 1;
        it->n = 1;
        if (!(it->terms[0] = strdup(n->terms[i])))
            return -1;
    }
    return 0;
}

static int collect(snip_terms *t, const qp_node *n, morph *words, const gazetteer *gaz)
{
    switch (n->kind) {
    case QP_WORD:
    case QP_PHRASE:
        if (n->literal || n->window)
            return add_exact_words(t, n);
        return add_item(t, n, words) < 0 ? -1 : add_named(t, n, gaz);
    case QP_PREFIX:
        return add_item(t, n, words);
    case QP_NEAR:
        return add_exact_words(t, n);
    case QP_ENTITY:
        return add_entity(t, n, gaz);
    case QP_AND:
    case QP_OR:
        return collect(t, n->left, words, gaz) < 0 ? -1 : collect(t, n->right, words, gaz);
    case QP_NOT:
    case QP_DATE:
        return 0;
    }
    return 0;
}

snip_terms *snip_terms_new(const qp_node *tree, morph *words, const gazetteer *gaz)
{
    snip_terms *t = calloc(1, sizeof *t);
    if (t && tree && collect(t, tree, words, gaz) < 0) {
        snip_terms_free(t);
        return NULL;
    }
    return t;
}

/* ---- Matching ---- */

/* Per token of the document: which item it matched (-1 for none) and the
 * occurrence number, so a phrase is marked as one span. */
typedef struct tok_match {
    int item;
    int group;
} tok_match;

/* Token i equals `want`, in match form when `form` is set. */
static int same(const char *text, const tok_array *d, size_t i, const char *want, int form)
{
    const char *w = tok_array_norm(d, i);
    if (!form || !translit_has_cyr(w, d->v[i].len))
        return strcmp(w, want) == 0;
    char buf[TOK_MAX_BYTES * 2 + 1];
    bool caps = names_caps(text, d->v[i].start, d->v[i].end) >= 2;
    return gaz_token_form(w, d->v[i].len, caps, buf, sizeof buf) < sizeof buf && strcmp(buf, want) == 0;
}

/* Whether the word item shares a key with the token's keys. */
static int shares_key(const snip_item *it, const char *keys, size_t nkeys)
{
    for (size_t j = 0; j < it->n; j++)
        if (morph_has_key(keys, nkeys, it->terms[j]))
            return 1;
    return 0;
}

/* Marks the tokens of d that match items of t; -1 when memory runs out. */
static int find_matches(const char *text, const tok_array *d, tok_match *m, const snip_terms *t,
                        morph *words)
{
    int group = 0;
    for (size_t i = 0; i < d->n; i++) {
        const char *w = tok_array_norm(d, i);
        const char *keys = NULL;  /* the token's keys, read once a word item asks */
        size_t nkeys = 0;
        for (size_t k = 0; k < t->n && m[i].item < 0; k++) {
            const snip_item *it = &t->items[k];
            if (it->phrase) {
                if (i + it->n > d->n)
                    continue;
                size_t j = 0;
                while (j < it->n && same(text, d, i + j, it->terms[j], it->form))
                    j++;
                if (j < it->n)
                    continue;
                for (j = 0; j < it->n; j++)
                    m[i + j] = (tok_match){ (int)k, group };
                group++;
            } else if (it->prefix) {
                if (strncmp(w, it->terms[0], strlen(it->terms[0])) == 0)
                    m[i] = (tok_match){ (int)k, group++ };
            } else {
                if (!keys && !(keys = morph_keys(words, w, d->v[i].len, &nkeys)))
                    return -1;
                if (shares_key(it, keys, nkeys))
                    m[i] = (tok_match){ (int)k, group++ };
            }
        }
    }
    return 0;
}

/* The first token of the best window of `width` tokens. */
static size_t best_window(const tok_match *m, size_t n, size_t nitems, unsigned width)
{
    if (n <= width || nitems == 0)
        return 0;
    int *count = calloc(nitems, sizeof *count);
    if (!count)
        return 0;
    long distinct = 0, total = 0, best = -1;
    size_t best_at = 0;
    for (size_t i = 0; i < n; i++) {
        if (m[i].item >= 0) {
            if (count[m[i].item]++ == 0)
                distinct++;
            total++;
        }
        if (i >= width) {
            int old = m[i - width].item;
            if (old >= 0) {
                if (--count[old] == 0)
                    distinct--;
                total--;
            }
        }
        if (i + 1 >= width) {
            long score = distinct * 1000 + total;
            if (score > best) {
                best = score;
                best_at = i + 1 - width;
            }
        }
    }
    free(count);
    /* Start a little before the first match so it has some context. */
    size_t first = best_at;
    while (first < best_at + width && first < n && m[first].item < 0)
        first++;
    if (first == best_at + width || first == n)
        return best_at;  /* nothing matched anywhere */
    size_t lead = width / 5;
    size_t start = first > best_at + lead ? first - lead : best_at;
    if (start + width > n)
        start = n - width;
    return start;
}

/* ---- Output ---- */

typedef struct out {
    snippet *s;
    size_t cap, mcap;
    int oom;
} out;

static void emit(out *o, const char *p, size_t n)
{
    if (o->oom)
        return;
    char *t = grow_to(o->s->text, &o->cap, o->s->len + n + 1, 1, 256);
    if (!t) {
        o->oom = 1;
        return;
    }
    o->s->text = t;
    memcpy(o->s->text + o->s->len, p, n);
    o->s->len += n;
    o->s->text[o->s->len] = '\0';
}

static void mark(out *o, size_t at, size_t n)
{
    if (o->oom)
        return;
    size_t (*m)[2] = grow_to(o->s->marks, &o->mcap, o->s->nmarks + 1, sizeof *m, 8);
    if (!m) {
        o->oom = 1;
        return;
    }
    o->s->marks = m;
    o->s->marks[o->s->nmarks][0] = at;
    o->s->marks[o->s->nmarks][1] = n;
    o->s->nmarks++;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}

/* Copies source bytes [from, to), folding each run of white space to one space. */
static void emit_folded(out *o, const char *text, size_t from, size_t to)
{
    size_t run = from;
    for (size_t i = from; i < to; i++) {
        if (!is_ws(text[i]))
            continue;
        emit(o, text + run, i - run);
        size_t j = i;
        while (j < to && is_ws(text[j]))
            j++;
        emit(o, " ", 1);
        run = i = j;
        i--;
    }
    emit(o, text + run, to - run);
}

int snippet_make(const snip_terms *terms, morph *words, const char *text, size_t len,
                 unsigned width, snippet *s)
{
    memset(s, 0, sizeof *s);
    tok_array d;
    if (tok_array_build(&d, text, len) < 0)
        return -1;
    tok_match *m = malloc((d.n + 1) * sizeof *m);
    if (!m) {
        tok_array_fini(&d);
        return -1;
    }
    for (size_t i = 0; i < d.n; i++)
        m[i] = (tok_match){ -1, -1 };
    out o = { .s = s };
    emit(&o, "", 0);
    if (d.n && find_matches(text, &d, m, terms, words) < 0)
        o.oom = 1;
    else if (d.n) {
        size_t a = best_window(m, d.n, terms->n, width);
        size_t b = a + width < d.n ? a + width : d.n;  /* one past the last token */
        if (a > 0)
            emit(&o, "\xE2\x80\xA6 ", 4);
        /* Whole-document edges keep their punctuation: an opening quote, the
         * final full stop. */
        size_t at = a == 0 ? 0 : d.v[a].start;
        while (at < d.v[a].start && is_ws(text[at]))
            at++;
        for (size_t i = a; i < b; i++) {
            if (m[i].item < 0)
                continue;
            size_t j = i;
            while (j + 1 < b && m[j + 1].item >= 0 && m[j + 1].group == m[i].group)
                j++;
            emit_folded(&o, text, at, d.v[i].start);
            size_t from = s->len;
            emit_folded(&o, text, d.v[i].start, d.v[j].end);
            mark(&o, from, s->len - from);
            at = d.v[j].end;
            i = j;
        }
        size_t stop = b < d.n ? d.v[b].start : len;
        while (stop > d.v[b - 1].end && is_ws(text[stop - 1]))
            stop--;
        emit_folded(&o, text, at, stop);
        if (b < d.n)
            emit(&o, " \xE2\x80\xA6", 4);
    }
    free(m);
    tok_array_fini(&d);
    if (o.oom) {
        snippet_fini(s);
        return -1;
    }
    return 0;
}

void snippet_fini(snippet *s)
{
    free(s->text);
    free(s->marks);
    memset(s, 0, sizeof *s);
}
