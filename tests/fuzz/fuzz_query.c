/* libFuzzer target for the query language: qp_parse on arbitrary bytes
 * (words, phrases, operators, entity and date filters), then a walk of the
 * tree checking its shape, the warnings, and qp_describe. */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entity/dates.h"
#include "query/query.h"
#include "text/decode.h"
#include "text/token.h"

#define FUZZ_MAX_INPUT 8192

/* A yyyymmdd day that exists (year 0 allowed: the open lower end). */
static int day_ok(int d)
{
    int y = d / 10000, m = d / 100 % 100, dd = d % 100;
    return d >= 0 && y <= 9999 && m >= 1 && m <= 12 && dd >= 1 && dd <= date_days_in_month(y, m);
}

static int text_ok(const char *s)
{
    size_t n = strlen(s);
    return text_utf8_prefix(s, n) == n;
}

/* A match form: tokens joined by single spaces, none empty. */
static int form_ok(const char *f)
{
    size_t n = strlen(f);
    return n && f[0] != ' ' && f[n - 1] != ' ' && !strstr(f, "  ");
}

/* Checks one node and its children; returns the words and phrase tokens
 * below it. */
static size_t walk(const qp_node *n, size_t len)
{
    assert(n);
    assert(n->offset < len);
    for (size_t i = 0; i < n->nterms; i++)
        assert(n->terms && n->terms[i] && text_ok(n->terms[i]));
    switch (n->kind) {
    case QP_WORD:
    case QP_PREFIX:
        assert(n->nterms == 1 && !n->left && !n->right);
        assert(*n->terms[0] && strlen(n->terms[0]) <= TOK_MAX_BYTES);
        return 1;
    case QP_PHRASE:
        assert(n->nterms >= 1 && !n->left && !n->right && n->window <= QP_NEAR_MAX);
        for (size_t i = 0; i < n->nterms; i++)
            assert(*n->terms[i] && strlen(n->terms[i]) <= TOK_MAX_BYTES);
        return n->nterms;
    case QP_NEAR:
        assert(n->nterms >= 2 && !n->left && !n->right && n->window <= QP_NEAR_MAX);
        for (size_t i = 0; i < n->nterms; i++)
            assert(*n->terms[i] && strlen(n->terms[i]) <= TOK_MAX_BYTES);
        return n->nterms;
    case QP_AND:
    case QP_OR:
        assert(n->left && n->right && n->nterms == 0);
        return walk(n->left, len) + walk(n->right, len);
    case QP_NOT:
        assert(n->left && !n->right && n->nterms == 0);
        return walk(n->left, len);
    case QP_ENTITY:
        assert(n->nterms == 1 && form_ok(n->terms[0]) && !n->left && !n->right);
        assert((unsigned)n->etype <= ENT_NTYPES);
        return 0;
    case QP_DATE:
        assert(n->nterms == 0 && !n->left && !n->right);
        assert(day_ok(n->lo) && day_ok(n->hi) && n->lo <= n->hi);
        return 0;
    }
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    const char *q = (const char *)data;
    qp_node *tree = (qp_node *)(uintptr_t)1;
    qp_error err;
    seek_status st = qp_parse(q, size, &tree, &err);
    if (st != SEEK_OK) {
        assert(st == SEEK_BAD_QUERY);
        assert(tree == NULL);
        assert(err.offset <= size);
        assert(memchr(err.message, '\0', sizeof err.message) && err.message[0]);
        return 0;
    }
    assert(tree);
    assert(walk(tree, size) <= QP_MAX_TERMS);
    assert(err.nwarnings <= QP_MAX_WARNINGS);
    for (size_t i = 0; i < err.nwarnings; i++)
        assert(memchr(err.warnings[i], '\0', QP_WARNING_LEN) && text_ok(err.warnings[i]));
    char *d = qp_describe(tree);
    assert(d && *d && text_ok(d));
    free(d);
    qp_free(tree);
    return 0;
}
