/* Query tree -> shim query. A NOT beside other terms becomes AND_NOT so the
 * excluded part never costs a scan of every document; only a query that is
 * nothing but NOT starts from all documents. */
#include "query/compile.h"

#include <string.h>

#include <stdio.h>
#include <stdlib.h>

#include "entity/dateterms.h"
#include "grow.h"
#include "query/pairs.h"
#include "text/token.h"
#include "xap/prefix.h"

int qp_stem_term(xap_stem *stem, const char *word, size_t len, char *buf, size_t cap)
{
    size_t plen = strlen(PREFIX_STEM);
    if (cap <= plen + 1)
        return -1;
    memcpy(buf, PREFIX_STEM, plen);
    size_t n = xap_stem_word(stem, word, len, buf + plen, cap - plen);
    if (n == 0 || n >= cap - plen)
        return -1;
    return 0;
}

typedef struct ctx {
    xap_stem *stem;
    const gazetteer *gaz;
    size_t expanded;   /* filter terms so far */
} ctx;

static seek_status build(const qp_node *n, ctx *c, xap_query **out);

const char *qp_entity_prefix(ent_type t)
{
    switch (t) {
    case ENT_PERSON: return PREFIX_PERSON;
    case ENT_ORG: return PREFIX_ORG;
    case ENT_PLACE: return PREFIX_PLACE;
    case ENT_NAME: return PREFIX_NAME;
    case ENT_NTYPES: break;
    }
    return PREFIX_NAME;
}

int qp_entity_terms(const gazetteer *gaz, ent_type type, const char *name, qp_entity_fn fn,
                    void *ctx)
{
    char term[512];
    int rc = 0;
    if (gaz) {
        const gaz_entity *found[64];
        size_t n = gaz_lookup(gaz, name, type, found, 64);
        for (size_t i = 0; i < n && i < 64 && !rc; i++) {
            snprintf(term, sizeof term, "%s%s", qp_entity_prefix(found[i]->type), found[i]->key);
            rc = fn(term, found[i], ctx);
        }
    }
    /* Names the gazetteer lacks are indexed under their own spelling, typed
     * by context or not at all, so a typed filter also takes untyped ones. */
    for (int t = 0; t < ENT_NTYPES && !rc; t++) {
        if (type != ENT_NTYPES && t != (int)type && t != ENT_NAME)
            continue;
        if (snprintf(term, sizeof term, "%s%s", qp_entity_prefix((ent_type)t), name) < 240)
            rc = fn(term, NULL, ctx);
    }
    return rc;
}

/* The terms of one filter, gathered for a single flat OR. */
typedef struct term_set {
    char **v;
    size_t n, cap;
    int oom;
} term_set;

static int add_term(term_set *t, const char *term)
{
    if (strv_push(&t->v, &t->n, &t->cap, term) < 0)
        t->oom = 1;
    return t->oom;
}

static void term_set_fini(term_set *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
}

static int add_entity_term(const char *term, const gaz_entity *e, void *c)
{
    (void)e;
    return add_term(c, term);
}

static int add_date_term(const char *term, void *c)
{
    return add_term(c, term);
}

/* The OR of a filter's terms, charged against the query's term budget so
 * that no query, however short, expands without bound. */
static seek_status any_of(term_set *t, ctx *c, xap_query **out)
{
    if (t->oom)
        return SEEK_NOMEM;
    c->expanded += t->n;
    if (c->expanded > QP_MAX_EXPANDED)
        return SEEK_BAD_QUERY;
    return t->n ? xap_query_any((const char *const *)t->v, t->n, out) : xap_query_nothing(out);
}

static seek_status build_entity(const qp_node *n, ctx *c, xap_query **out)
{
    term_set t = { 0 };
    qp_entity_terms(c->gaz, n->etype, n->terms[0], add_entity_term, &t);
    for (size_t i = 1; i < n->nterms; i++)
        add_term(&t, n->terms[i]);
    seek_status st = any_of(&t, c, out);
    term_set_fini(&t);
    return st;
}

static seek_status build_date(const qp_node *n, ctx *c, xap_query **out)
{
    term_set t = { 0 };
    date_span span = { n->lo, n->hi };
    dateterms_range(&span, add_date_term, &t);
    xap_query *mentioned = NULL, *dated = NULL;
    seek_status st = any_of(&t, c, &mentioned);
    term_set_fini(&t);
    char lo[16], hi[16];
    snprintf(lo, sizeof lo, "%08d", n->lo);
    snprintf(hi, sizeof hi, "%08d", n->hi);
    if (st == SEEK_OK)
        st = xap_query_value_range(SLOT_DATE, lo, hi, &dated);
    if (st == SEEK_OK)
        st = xap_query_combine(XAP_OR, mentioned, dated, out);
    xap_query_free(mentioned);
    xap_query_free(dated);
    return st;
}

/* Builds l and r and joins them with op. */
static seek_status combine(xap_op op, const qp_node *l, const qp_node *r, ctx *c, xap_query **out)
{
    xap_query *a = NULL, *b = NULL;
    seek_status st = build(l, c, &a);
    if (st == SEEK_OK)
        st = build(r, c, &b);
    if (st == SEEK_OK)
        st = xap_query_combine(op, a, b, out);
    xap_query_free(a);
    xap_query_free(b);
    return st;
}

/* left AND NOT right, or left AND right. */
static seek_status build_and(const qp_node *n, ctx *c, xap_query **out)
{
    const qp_node *l = n->left, *r = n->right;
    xap_op op = XAP_AND;
    if (r->kind == QP_NOT && l->kind != QP_NOT) {
        op = XAP_AND_NOT;
        r = r->left;
    } else if (l->kind == QP_NOT && r->kind != QP_NOT) {
        op = XAP_AND_NOT;
        const qp_node *t = l;
        l = r;
        r = t->left;
    }
    return combine(op, l, r, c, out);
}

/* A phrase: its pair terms (query/pairs.h) narrow the documents whose
 * positions are compared; a two-word phrase of frequent words is its pair
 * term alone, which holds exactly when the two words are adjacent. */
static seek_status build_phrase(const qp_node *n, xap_query **out)
{
    xap_query *pairs = NULL, *phrase = NULL;
    size_t npairs = 0;
    seek_status st = SEEK_OK;
    for (size_t i = 1; i < n->nterms && st == SEEK_OK; i++) {
        char term[2 * TOK_MAX_BYTES + 16];
        size_t alen = strlen(n->terms[i - 1]), blen = strlen(n->terms[i]);
        if (!pair_frequent(n->terms[i - 1], alen) || !pair_frequent(n->terms[i], blen)
            || pair_term(n->terms[i - 1], alen, n->terms[i], blen, term, sizeof term) < 0)
            continue;
        xap_query *t = NULL;
        st = xap_query_term(term, &t);
        if (st == SEEK_OK && pairs) {
            xap_query *both = NULL;
            st = xap_query_combine(XAP_AND, pairs, t, &both);
            xap_query_free(pairs);
            xap_query_free(t);
            pairs = NULL;
            t = both;
        }
        if (st == SEEK_OK) {
            pairs = t;
            npairs++;
        }
    }
    if (st == SEEK_OK && npairs == 1 && n->nterms == 2) {
        *out = pairs;
        return SEEK_OK;
    }
    if (st == SEEK_OK)
        st = xap_query_phrase((const char *const *)n->terms, n->nterms, (unsigned)n->nterms,
                              pairs ? &phrase : out);
    if (st == SEEK_OK && pairs)
        st = xap_query_combine(XAP_FILTER, phrase, pairs, out);
    xap_query_free(phrase);
    xap_query_free(pairs);
    return st;
}

static seek_status build(const qp_node *n, ctx *c, xap_query **out)
{
    *out = NULL;
    switch (n->kind) {
    case QP_WORD: {
        char term[TOK_MAX_BYTES + 16];
        if (qp_stem_term(c->stem, n->terms[0], strlen(n->terms[0]), term, sizeof term) < 0)
            return xap_query_term(n->terms[0], out);
        return xap_query_term(term, out);
    }
    case QP_PREFIX:
        /* Unprefixed terms are the unstemmed words, so "secur*" expands
         * over what the text actually says. */
        return xap_query_wildcard(n->terms[0], QP_MAX_EXPANSION, out);
    case QP_PHRASE:
        return build_phrase(n, out);
    case QP_AND:
        return build_and(n, c, out);
    case QP_OR:
        return combine(XAP_OR, n->left, n->right, c, out);
    case QP_NOT: {
        xap_query *all = NULL, *b = NULL;
        seek_status st = xap_query_all(&all);
        if (st == SEEK_OK)
            st = build(n->left, c, &b);
        if (st == SEEK_OK)
            st = xap_query_combine(XAP_AND_NOT, all, b, out);
        xap_query_free(all);
        xap_query_free(b);
        return st;
    }
    case QP_ENTITY:
        return build_entity(n, c, out);
    case QP_DATE:
        return build_date(n, c, out);
    }
    return SEEK_INVALID;
}

seek_status qp_compile(const qp_node *tree, xap_stem *stem, const gazetteer *gaz,
                       xap_query **out)
{
    ctx c = { stem, gaz, 0 };
    return build(tree, &c, out);
}
