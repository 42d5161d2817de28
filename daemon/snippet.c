/* Snippet generator. The document is tokenized with the indexer's tokenizer,
 * query words and phrases are found in the token stream, and the window of
 * `width` tokens holding the most distinct matches (then the most matches)
 * wins. Stemming a token is skipped unless it starts like a wanted stem. */
#include "snippet.h"

#include <stdlib.h>
#include <string.h>

#include "text/token.h"

typedef struct snip_item {
    char **terms;   /* one for a word (its stem), several for a phrase */
    size_t n;
    int phrase;
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

static int add_item(snip_terms *t, const qp_node *n, xap_stem *stem)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 8;
        snip_item *p = realloc(t->items, cap * sizeof *p);
        if (!p)
            return -1;
        t->items = p;
        t->cap = cap;
    }
    snip_item *it = &t->items[t->n];
    it->phrase = n->kind == QP_PHRASE;
    it->n = n->nterms;
    it->terms = calloc(n->nterms, sizeof *it->terms);
    if (!it->terms)
        return -1;
    t->n++;
    for (size_t i = 0; i < n->nterms; i++) {
        if (it->phrase) {
            it->terms[i] = strdup(n->terms[i]);
        } else {
            char buf[TOK_MAX_BYTES + 16];
            size_t len = xap_stem_word(stem, n->terms[i], strlen(n->terms[i]), buf, sizeof buf);
            it->terms[i] = strdup(len && len < sizeof buf ? buf : n->terms[i]);
        }
        if (!it->terms[i])
            return -1;
    }
    return 0;
}

static int collect(snip_terms *t, const qp_node *n, xap_stem *stem)
{
    switch (n->kind) {
    case QP_WORD:
    case QP_PHRASE:
        return add_item(t, n, stem);
    case QP_AND:
    case QP_OR:
        return collect(t, n->left, stem) < 0 ? -1 : collect(t, n->right, stem);
    case QP_NOT:
        return 0;
    }
    return 0;
}

snip_terms *snip_terms_new(const qp_node *tree, xap_stem *stem)
{
    snip_terms *t = calloc(1, sizeof *t);
    if (t && tree && collect(t, tree, stem) < 0) {
        snip_terms_free(t);
        return NULL;
    }
    return t;
}

/* ---- Tokens of the document ---- */

typedef struct dtok {
    size_t start, end;   /* bytes in the source */
    size_t norm;         /* offset of the normalized text in the arena */
    int item;            /* index of the matched item, -1 for none */
    int group;           /* occurrence number, so a phrase is marked as one span */
} dtok;

typedef struct doc_toks {
    dtok *v;
    size_t n, cap;
    char *arena;
    size_t alen, acap;
    int oom;
} doc_toks;

static int keep_tok(const tok *t, void *ctx)
{
    doc_toks *d = ctx;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 256;
        dtok *v = realloc(d->v, cap * sizeof *v);
        if (!v)
            goto oom;
        d->v = v;
        d->cap = cap;
    }
    if (d->alen + t->len + 1 > d->acap) {
        size_t cap = (d->alen + t->len + 1) * 2;
        char *a = realloc(d->arena, cap);
        if (!a)
            goto oom;
        d->arena = a;
        d->acap = cap;
    }
    memcpy(d->arena + d->alen, t->text, t->len + 1);
    d->v[d->n++] = (dtok){ t->start, t->end, d->alen, -1, -1 };
    d->alen += t->len + 1;
    return 0;
oom:
    d->oom = 1;
    return 1;
}

static const char *norm_of(const doc_toks *d, size_t i)
{
    return d->arena + d->v[i].norm;
}

/* Stems share their first letters with the word (English suffix stripping),
 * so a token that does not start like the stem cannot stem to it. */
static int may_stem_to(const char *word, const char *stem)
{
    size_t n = strlen(stem);
    size_t k = n > 1 ? (n - 1 < 3 ? n - 1 : 3) : n;
    return strncmp(word, stem, k) == 0;
}

static void find_matches(doc_toks *d, const snip_terms *t, xap_stem *stem)
{
    int group = 0;
    for (size_t i = 0; i < d->n; i++) {
        const char *w = norm_of(d, i);
        for (size_t k = 0; k < t->n && d->v[i].item < 0; k++) {
            const snip_item *it = &t->items[k];
            if (it->phrase) {
                if (i + it->n > d->n)
                    continue;
                size_t j = 0;
                while (j < it->n && strcmp(norm_of(d, i + j), it->terms[j]) == 0)
                    j++;
                if (j < it->n)
                    continue;
                for (j = 0; j < it->n; j++) {
                    d->v[i + j].item = (int)k;
                    d->v[i + j].group = group;
                }
                group++;
            } else if (may_stem_to(w, it->terms[0])) {
                char buf[TOK_MAX_BYTES + 16];
                size_t len = xap_stem_word(stem, w, strlen(w), buf, sizeof buf);
                if (len && len < sizeof buf && strcmp(buf, it->terms[0]) == 0) {
                    d->v[i].item = (int)k;
                    d->v[i].group = group++;
                }
            }
        }
    }
}

/* The first token of the best window of `width` tokens. */
static size_t best_window(const doc_toks *d, size_t nitems, unsigned width)
{
    if (d->n <= width || nitems == 0)
        return 0;
    int *count = calloc(nitems, sizeof *count);
    if (!count)
        return 0;
    long distinct = 0, total = 0, best = -1;
    size_t best_at = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (d->v[i].item >= 0) {
            if (count[d->v[i].item]++ == 0)
                distinct++;
            total++;
        }
        if (i >= width) {
            int old = d->v[i - width].item;
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
    while (first < best_at + width && first < d->n && d->v[first].item < 0)
        first++;
    if (first == best_at + width || first == d->n)
        return best_at;  /* nothing matched anywhere */
    size_t lead = width / 5;
    size_t start = first > best_at + lead ? first - lead : best_at;
    if (start + width > d->n)
        start = d->n - width;
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
    if (o->s->len + n + 1 > o->cap) {
        size_t cap = (o->s->len + n + 1) * 2;
        char *t = realloc(o->s->text, cap);
        if (!t) {
            o->oom = 1;
            return;
        }
        o->s->text = t;
        o->cap = cap;
    }
    memcpy(o->s->text + o->s->len, p, n);
    o->s->len += n;
    o->s->text[o->s->len] = '\0';
}

static void mark(out *o, size_t at, size_t n)
{
    if (o->oom)
        return;
    if (o->s->nmarks == o->mcap) {
        size_t cap = o->mcap ? o->mcap * 2 : 8;
        size_t (*m)[2] = realloc(o->s->marks, cap * sizeof *m);
        if (!m) {
            o->oom = 1;
            return;
        }
        o->s->marks = m;
        o->mcap = cap;
    }
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

int snippet_make(const snip_terms *terms, xap_stem *stem, const char *text, size_t len,
                 unsigned width, snippet *s)
{
    memset(s, 0, sizeof *s);
    doc_toks d = { 0 };
    if (tok_scan(text, len, keep_tok, &d) < 0 || d.oom) {
        free(d.v);
        free(d.arena);
        return -1;
    }
    out o = { .s = s };
    emit(&o, "", 0);
    if (d.n) {
        find_matches(&d, terms, stem);
        size_t a = best_window(&d, terms->n, width);
        size_t b = a + width < d.n ? a + width : d.n;  /* one past the last token */
        if (a > 0)
            emit(&o, "\xE2\x80\xA6 ", 4);
        /* Whole-document edges keep their punctuation: an opening quote, the
         * final full stop. */
        size_t at = a == 0 ? 0 : d.v[a].start;
        while (at < d.v[a].start && is_ws(text[at]))
            at++;
        for (size_t i = a; i < b; i++) {
            if (d.v[i].item < 0)
                continue;
            size_t j = i;
            while (j + 1 < b && d.v[j + 1].item >= 0 && d.v[j + 1].group == d.v[i].group)
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
    free(d.v);
    free(d.arena);
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
