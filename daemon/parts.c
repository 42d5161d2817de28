/* Phrases and snippets of documents kept in parts. */
#include "parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query/compile.h"
#include "query/pairs.h"
#include "xap/prefix.h"

static seek_status match_in_parts(int ordered, const char *const *words, size_t n, unsigned window,
                                  const char *const *filter, size_t nfilter, int exact,
                                  void *db, xap_query **out)
{
    return xap_db_parts_match(db, ordered, words, n, window, filter, nfilter, exact, out);
}

seek_status parts_compile(xap_db *db, const qp_node *tree, morph *words, const gazetteer *gaz,
                          int level, xap_query **out)
{
    *out = NULL;
    int has = 0;
    seek_status st = xap_db_has_parts(db, &has);
    if (st != SEEK_OK || !has)
        return st;
    qp_parts parts = { match_in_parts, db };
    return qp_compile_parts(tree, words, gaz, level, &parts, out);
}

/* *acc OR q, taking q. */
static seek_status or_into(xap_query **acc, xap_query *q)
{
    if (!*acc) {
        *acc = q;
        return SEEK_OK;
    }
    xap_query *both = NULL;
    seek_status st = xap_query_combine(XAP_OR, *acc, q, &both);
    xap_query_free(q);
    xap_query_free(*acc);
    *acc = both;
    return st;
}

/* The part terms of the words of n, and of its phrases and NEARs: what a
 * part is scored by, one per term it holds (excluded and title terms
 * aside), so that the part holding a phrase scores above those holding
 * its words apart. */
static seek_status part_query(const qp_node *n, xap_query **acc)
{
    if (!n || n->kind == QP_NOT || n->title)
        return SEEK_OK;
    if (n->kind == QP_AND || n->kind == QP_OR) {
        seek_status st = part_query(n->left, acc);
        return st == SEEK_OK ? part_query(n->right, acc) : st;
    }
    if (n->kind != QP_WORD && n->kind != QP_PHRASE && n->kind != QP_NEAR)
        return SEEK_OK;
    char **v = calloc(n->nterms ? n->nterms : 1, sizeof *v);
    seek_status st = v ? SEEK_OK : SEEK_NOMEM;
    for (size_t i = 0; i < n->nterms && st == SEEK_OK; i++) {
        size_t len = strlen(PREFIX_PART_WORD) + strlen(n->terms[i]) + 1;
        xap_query *t = NULL;
        if (!(v[i] = malloc(len))) {
            st = SEEK_NOMEM;
            break;
        }
        snprintf(v[i], len, "%s%s", PREFIX_PART_WORD, n->terms[i]);
        st = xap_query_term(v[i], &t);
        if (st == SEEK_OK)
            st = or_into(acc, t);
    }
    /* An exact phrase by its terms of two and three words, which need no
     * positions; NEAR and a phrase with slack by their positions. */
    int exact = n->kind == QP_PHRASE && !n->window;
    size_t plen = strlen(PREFIX_PART_WORD), cap = PART_TERM_MAX + 1 - plen;
    for (size_t i = 1; exact && i < n->nterms && st == SEEK_OK; i++) {
        const char *a = n->terms[i - 1], *b = n->terms[i];
        char term[PART_TERM_MAX + 1];
        memcpy(term, PREFIX_PART_WORD, plen);
        xap_query *t = NULL;
        if (pair_term(a, strlen(a), b, strlen(b), term + plen, cap) == 0
            && (st = xap_query_term(term, &t)) == SEEK_OK)
            st = or_into(acc, t);
        if (i < 2 || st != SEEK_OK)
            continue;
        const char *z = n->terms[i - 2];
        if (pair_triple(z, strlen(z), a, strlen(a), b, strlen(b), term + plen, cap) == 0
            && (st = xap_query_term(term, &t)) == SEEK_OK)
            st = or_into(acc, t);
    }
    if (st == SEEK_OK && !exact && n->kind != QP_WORD && n->nterms > 1) {
        xap_query *match = NULL;
        unsigned window = (unsigned)n->nterms + n->window;
        st = n->kind == QP_NEAR && !n->ordered
           ? xap_query_near((const char *const *)v, n->nterms, window, &match)
           : xap_query_phrase((const char *const *)v, n->nterms, window, &match);
        if (st == SEEK_OK)
            st = or_into(acc, match);
    }
    for (size_t i = 0; v && i < n->nterms; i++)
        free(v[i]);
    free(v);
    return st;
}

/* Where a snippet of a part is looked for (xap.h: xap_db_part_text): the
 * exact phrases of the query, then each of its words, as part terms. */
typedef struct anchors {
    char **terms;
    size_t *lens;
    size_t nterms, n, cap_terms, cap;
} anchors;

static int anchor_add(anchors *a, const qp_node *n, size_t first, size_t count)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? 2 * a->cap : 8;
        size_t *l = realloc(a->lens, cap * sizeof *l);
        if (!l)
            return -1;
        a->lens = l;
        a->cap = cap;
    }
    if (a->nterms + count > a->cap_terms) {
        size_t cap = 2 * (a->nterms + count);
        char **t = realloc(a->terms, cap * sizeof *t);
        if (!t)
            return -1;
        a->terms = t;
        a->cap_terms = cap;
    }
    for (size_t i = first; i < first + count; i++) {
        size_t len = strlen(PREFIX_PART_WORD) + strlen(n->terms[i]) + 1;
        char *t = malloc(len);
        if (!t)
            return -1;
        snprintf(t, len, "%s%s", PREFIX_PART_WORD, n->terms[i]);
        a->terms[a->nterms++] = t;
    }
    a->lens[a->n++] = count;
    return 0;
}

/* The anchors of n: its exact phrases (`phrases`), or its words. */
static int anchors_of(const qp_node *n, int phrases, anchors *a)
{
    if (!n || n->kind == QP_NOT || n->title)
        return 0;
    if (n->kind == QP_AND || n->kind == QP_OR)
        return anchors_of(n->left, phrases, a) < 0 ? -1 : anchors_of(n->right, phrases, a);
    if (n->kind != QP_WORD && n->kind != QP_PHRASE && n->kind != QP_NEAR)
        return 0;
    if (phrases)
        return n->kind == QP_PHRASE && !n->window && n->nterms > 1
               ? anchor_add(a, n, 0, n->nterms) : 0;
    for (size_t i = 0; i < n->nterms; i++)
        if (anchor_add(a, n, i, 1) < 0)
            return -1;
    return 0;
}

static void anchors_free(anchors *a)
{
    for (size_t i = 0; i < a->nterms; i++)
        free(a->terms[i]);
    free(a->terms);
    free(a->lens);
}

/* Whether a hit carries text and is (or, parts_slot -1, may be) a
 * document kept in parts. */
static int in_parts(const xap_hit *h, int parts_slot)
{
    return h->data && (parts_slot < 0 || h->value_lens[parts_slot]);
}

seek_status parts_texts(xap_db *db, const qp_node *tree, xap_hits *hits, int parts_slot)
{
    /* Most answers list no such document: they build nothing. */
    size_t first = 0;
    while (first < hits->n && !in_parts(&hits->hits[first], parts_slot))
        first++;
    if (first == hits->n)
        return SEEK_OK;
    xap_query *q = NULL;
    anchors a = { 0 };
    seek_status st = part_query(tree, &q);
    if (st == SEEK_OK && (anchors_of(tree, 1, &a) < 0 || anchors_of(tree, 0, &a) < 0))
        st = SEEK_NOMEM;
    for (size_t i = first; i < hits->n && st == SEEK_OK && q; i++) {
        xap_hit *h = &hits->hits[i];
        if (!in_parts(h, parts_slot))
            continue;
        char *text = NULL;
        size_t len = 0;
        /* The sort key is the id locally; a remote shard's hits carry their
         * record (hits.h), whose first field, ended by a NUL, is the id. */
        st = xap_db_part_text(db, q, h->key, (const char *const *)a.terms, a.lens, a.n, &text,
                              &len);
        if (st == SEEK_OK && text) {
            free(h->data);
            h->data = text;
            h->data_len = len;
        }
    }
    anchors_free(&a);
    xap_query_free(q);
    return st;
}
