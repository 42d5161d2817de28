/* Query tree -> shim query. A NOT beside other terms becomes AND_NOT so the
 * excluded part never costs a scan of every document; only a query that is
 * nothing but NOT starts from all documents. */
#include "query/compile.h"

#include <string.h>

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

static seek_status build(const qp_node *n, xap_stem *stem, xap_query **out);

/* left AND NOT right, or left AND right. */
static seek_status build_and(const qp_node *n, xap_stem *stem, xap_query **out)
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
    xap_query *a = NULL, *b = NULL;
    seek_status st = build(l, stem, &a);
    if (st == SEEK_OK)
        st = build(r, stem, &b);
    if (st == SEEK_OK)
        st = xap_query_combine(op, a, b, out);
    xap_query_free(a);
    xap_query_free(b);
    return st;
}

static seek_status build(const qp_node *n, xap_stem *stem, xap_query **out)
{
    *out = NULL;
    switch (n->kind) {
    case QP_WORD: {
        char term[TOK_MAX_BYTES + 16];
        if (qp_stem_term(stem, n->terms[0], strlen(n->terms[0]), term, sizeof term) < 0)
            return xap_query_term(n->terms[0], out);
        return xap_query_term(term, out);
    }
    case QP_PHRASE:
        return xap_query_phrase((const char *const *)n->terms, n->nterms,
                                (unsigned)n->nterms, out);
    case QP_AND:
        return build_and(n, stem, out);
    case QP_OR: {
        xap_query *a = NULL, *b = NULL;
        seek_status st = build(n->left, stem, &a);
        if (st == SEEK_OK)
            st = build(n->right, stem, &b);
        if (st == SEEK_OK)
            st = xap_query_combine(XAP_OR, a, b, out);
        xap_query_free(a);
        xap_query_free(b);
        return st;
    }
    case QP_NOT: {
        xap_query *all = NULL, *b = NULL;
        seek_status st = xap_query_all(&all);
        if (st == SEEK_OK)
            st = build(n->left, stem, &b);
        if (st == SEEK_OK)
            st = xap_query_combine(XAP_AND_NOT, all, b, out);
        xap_query_free(all);
        xap_query_free(b);
        return st;
    }
    }
    return SEEK_INVALID;
}

seek_status qp_compile(const qp_node *tree, xap_stem *stem, xap_query **out)
{
    return build(tree, stem, out);
}
