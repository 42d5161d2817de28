/* Recursive-descent parser for the query language:
 *   or   := and ("OR" and)*
 *   and  := unary (["AND"] unary)*
 *   unary:= "NOT" unary | "-" primary | primary
 *   prim := "(" or ")" | '"' tokens '"' | word | word "*"
 *        | field ":" (word | '"' name '"')
 * A bare word that the tokenizer cuts into several tokens ("sleeper-cells")
 * becomes a phrase, so punctuation inside words never widens a match. */
#include "query/query.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity/dates.h"
#include "entity/gazetteer.h"
#include "grow.h"
#include "text/decode.h"
#include "text/token.h"

typedef struct parser {
    const char *q;
    size_t len, at;
    int depth;
    size_t nterms;
    qp_error *err;
    seek_status st;   /* first failure; parsing stops at it */
} parser;

static void *fail(parser *p, size_t off, const char *fmt, ...)
{
    if (p->st != SEEK_OK)
        return NULL;
    p->st = SEEK_BAD_QUERY;
    p->err->offset = off;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *oom(parser *p)
{
    if (p->st == SEEK_OK) {
        p->st = SEEK_NOMEM;
        snprintf(p->err->message, sizeof p->err->message, "out of memory");
    }
    return NULL;
}

void qp_free(qp_node *n)
{
    if (!n)
        return;
    qp_free(n->left);
    qp_free(n->right);
    for (size_t i = 0; i < n->nterms; i++)
        free(n->terms[i]);
    free(n->terms);
    free(n);
}

static qp_node *node(parser *p, qp_kind kind, size_t off, qp_node *l, qp_node *r)
{
    qp_node *n = calloc(1, sizeof *n);
    if (!n) {
        qp_free(l);
        qp_free(r);
        return oom(p);
    }
    n->kind = kind;
    n->offset = off;
    n->left = l;
    n->right = r;
    return n;
}

/* ---- Lexing ---- */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void skip_space(parser *p)
{
    while (p->at < p->len && is_space(p->q[p->at]))
        p->at++;
}

/* Typographic quotes are accepted because users paste them from documents. */
static size_t open_quote_len(const char *s, size_t n)
{
    if (n >= 1 && s[0] == '"')
        return 1;
    if (n >= 3 && memcmp(s, "\xE2\x80\x9C", 3) == 0)  /* U+201C */
        return 3;
    return 0;
}

static size_t close_quote_len(const char *s, size_t n)
{
    if (n >= 1 && s[0] == '"')
        return 1;
    if (n >= 3 && (memcmp(s, "\xE2\x80\x9D", 3) == 0 || memcmp(s, "\xE2\x80\x9C", 3) == 0))
        return 3;
    return 0;
}

/* End of the bare word starting at `at`: white space, a parenthesis or a
 * quote ends it. */
static size_t word_end(const parser *p, size_t at)
{
    while (at < p->len && !is_space(p->q[at]) && p->q[at] != '(' && p->q[at] != ')'
           && !open_quote_len(p->q + at, p->len - at))
        at++;
    return at;
}

static int keyword_at(const parser *p, const char *kw)
{
    size_t n = strlen(kw);
    return p->len - p->at >= n && memcmp(p->q + p->at, kw, n) == 0
           && word_end(p, p->at) == p->at + n;
}

/* ---- Terms ---- */

typedef struct collect {
    char **terms;
    size_t n, cap;
    int oom;
} collect;

static int collect_one(const tok *t, void *ctx)
{
    collect *c = ctx;
    char **v = grow_to(c->terms, &c->cap, c->n + 1, sizeof *v, 4);
    if (!v) {
        c->oom = 1;
        return 1;
    }
    c->terms = v;
    if (!(c->terms[c->n] = strdup(t->text))) {
        c->oom = 1;
        return 1;
    }
    c->n++;
    return 0;
}

/* Tokenizes [from, to) into a WORD or PHRASE node; *empty is set when the text
 * holds no token at all. */
static qp_node *terms_node(parser *p, size_t from, size_t to, int phrase, int *empty)
{
    collect c = { 0 };
    if (tok_scan(p->q + from, to - from, collect_one, &c) < 0 || c.oom) {
        for (size_t i = 0; i < c.n; i++)
            free(c.terms[i]);
        free(c.terms);
        return oom(p);
    }
    *empty = c.n == 0;
    if (c.n == 0)
        return NULL;
    p->nterms += c.n;
    qp_node *n = node(p, (phrase || c.n > 1) ? QP_PHRASE : QP_WORD, from, NULL, NULL);
    if (!n || p->nterms > QP_MAX_TERMS) {
        for (size_t i = 0; i < c.n; i++)
            free(c.terms[i]);
        free(c.terms);
        qp_free(n);
        return n ? fail(p, from, "too many words: at most %d", QP_MAX_TERMS) : NULL;
    }
    n->terms = c.terms;
    n->nterms = c.n;
    return n;
}

/* ---- Grammar ---- */

static qp_node *parse_or(parser *p);

/* A term start: anything that can begin a primary or unary expression. */
static int at_term_start(parser *p)
{
    skip_space(p);
    if (p->at >= p->len || p->q[p->at] == ')')
        return 0;
    return !keyword_at(p, "OR") && !keyword_at(p, "AND");
}

/* ---- Filters: person:NAME, date:RANGE ... ---- */

static const struct { const char *name; int etype; } fields[] = {
    { "person", ENT_PERSON }, { "org", ENT_ORG }, { "place", ENT_PLACE },
    { "entity", ENT_NTYPES }, { "date", -1 },
};

/* The field whose "name:" starts at `at`, or -1. */
static int field_at(const parser *p, size_t at)
{
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        size_t n = strlen(fields[i].name);
        if (p->len - at > n && memcmp(p->q + at, fields[i].name, n) == 0 && p->q[at + n] == ':')
            return (int)i;
    }
    return -1;
}

static qp_node *parse_field(parser *p, int f)
{
    size_t start = p->at, vstart = start + strlen(fields[f].name) + 1, vend;
    size_t ql = vstart < p->len ? open_quote_len(p->q + vstart, p->len - vstart) : 0;
    size_t from = vstart + ql;
    if (ql) {
        vend = from;
        while (vend < p->len && !close_quote_len(p->q + vend, p->len - vend))
            vend++;
        if (vend >= p->len)
            return fail(p, vstart, "unterminated name: no closing quote");
        p->at = vend + close_quote_len(p->q + vend, p->len - vend);
    } else {
        vend = word_end(p, vstart);
        p->at = vend;
    }
    if (vend == from)
        return fail(p, start, "%s: needs a %s after the colon", fields[f].name,
                    fields[f].etype < 0 ? "date" : "name");
    if (++p->nterms > QP_MAX_TERMS)
        return fail(p, start, "too many words: at most %d", QP_MAX_TERMS);
    qp_node *n = node(p, fields[f].etype < 0 ? QP_DATE : QP_ENTITY, start, NULL, NULL);
    if (!n)
        return NULL;
    if (fields[f].etype < 0) {
        date_span span;
        size_t off;
        if (date_parse_filter(p->q + from, vend - from, &span, &off) < 0) {
            qp_free(n);
            return fail(p, from + off, "date: takes YYYY, YYYY-MM, YYYY-MM-DD or a range "
                                       "FROM..TO of those");
        }
        n->lo = span.lo;
        n->hi = span.hi;
        return n;
    }
    n->etype = (ent_type)fields[f].etype;
    n->terms = calloc(1, sizeof *n->terms);
    if (n->terms)
        n->terms[0] = gaz_match_form(p->q + from, vend - from);
    if (!n->terms || !n->terms[0]) {
        qp_free(n);
        return oom(p);
    }
    n->nterms = 1;
    if (!*n->terms[0]) {
        qp_free(n);
        return fail(p, from, "%s: the name holds no letters or digits", fields[f].name);
    }
    return n;
}

static qp_node *parse_primary(parser *p)
{
    skip_space(p);
    size_t start = p->at;
    if (start >= p->len)
        return fail(p, start, "expected a word, a phrase or '(' at the end of the query");
    const char *s = p->q + start;
    if (*s == '(') {
        if (++p->depth > QP_MAX_DEPTH)
            return fail(p, start, "parentheses nested too deep: at most %d", QP_MAX_DEPTH);
        p->at++;
        skip_space(p);
        if (p->at < p->len && p->q[p->at] == ')')
            return fail(p, start, "empty parentheses");
        qp_node *inner = parse_or(p);
        if (!inner)
            return NULL;
        skip_space(p);
        if (p->at >= p->len || p->q[p->at] != ')') {
            qp_free(inner);
            return fail(p, start, "unbalanced '(': no matching ')'");
        }
        p->at++;
        p->depth--;
        return inner;
    }
    if (*s == ')')
        return fail(p, start, "unexpected ')'");
    size_t ql = open_quote_len(s, p->len - start);
    if (ql) {
        size_t from = start + ql, to = from;
        while (to < p->len && !close_quote_len(p->q + to, p->len - to))
            to++;
        if (to >= p->len)
            return fail(p, start, "unterminated phrase: no closing quote");
        p->at = to + close_quote_len(p->q + to, p->len - to);
        int empty;
        qp_node *n = terms_node(p, from, to, 1, &empty);
        if (!n && empty && p->st == SEEK_OK)
            return fail(p, start, "empty phrase");
        if (n)
            n->offset = start;
        return n;
    }
    int f = field_at(p, start);
    if (f >= 0)
        return parse_field(p, f);
    size_t end = word_end(p, start);
    p->at = end;
    int empty;
    int star = end > start + 1 && p->q[end - 1] == '*';
    qp_node *n = terms_node(p, start, star ? end - 1 : end, 0, &empty);
    if (n && star) {
        if (n->kind != QP_WORD) {
            qp_free(n);
            return fail(p, start, "a prefix* must be a single word");
        }
        n->kind = QP_PREFIX;
    }
    if (!n && empty && p->st == SEEK_OK)
        return fail(p, start, "'%.*s' holds no letters or digits to search for",
                    (int)text_utf8_cut(s, end - start, 20), s);
    return n;
}

static qp_node *parse_unary(parser *p)
{
    skip_space(p);
    size_t start = p->at;
    int negate = 0;
    if (keyword_at(p, "NOT")) {
        p->at += 3;
        skip_space(p);
        if (!at_term_start(p))
            return fail(p, start, "NOT needs something to exclude");
        negate = 1;
    } else if (p->at < p->len && p->q[p->at] == '-' && p->at + 1 < p->len
               && !is_space(p->q[p->at + 1])) {
        p->at++;
        negate = 1;
    } else if (p->at < p->len && p->q[p->at] == '+' && p->at + 1 < p->len
               && !is_space(p->q[p->at + 1])) {
        p->at++;  /* every term is required already */
    }
    if (negate) {
        if (++p->depth > QP_MAX_DEPTH)
            return fail(p, start, "NOT nested too deep: at most %d", QP_MAX_DEPTH);
        qp_node *inner = keyword_at(p, "NOT") ? parse_unary(p) : parse_primary(p);
        p->depth--;
        if (!inner)
            return NULL;
        return node(p, QP_NOT, start, inner, NULL);
    }
    return parse_primary(p);
}

static qp_node *parse_and(parser *p)
{
    qp_node *left = parse_unary(p);
    while (left) {
        skip_space(p);
        size_t op_at = p->at;
        if (keyword_at(p, "AND")) {
            p->at += 3;
            if (!at_term_start(p)) {
                qp_free(left);
                return fail(p, op_at, "AND needs something on its right");
            }
        } else if (!at_term_start(p)) {
            break;
        }
        qp_node *right = parse_unary(p);
        if (!right) {
            qp_free(left);
            return NULL;
        }
        left = node(p, QP_AND, op_at, left, right);
    }
    return left;
}

static qp_node *parse_or(parser *p)
{
    skip_space(p);
    if (keyword_at(p, "OR") || keyword_at(p, "AND"))
        return fail(p, p->at, "%s needs something on its left", keyword_at(p, "OR") ? "OR" : "AND");
    qp_node *left = parse_and(p);
    while (left) {
        skip_space(p);
        if (!keyword_at(p, "OR"))
            break;
        size_t op_at = p->at;
        p->at += 2;
        if (!at_term_start(p)) {
            qp_free(left);
            return fail(p, op_at, "OR needs something on its right");
        }
        qp_node *right = parse_and(p);
        if (!right) {
            qp_free(left);
            return NULL;
        }
        left = node(p, QP_OR, op_at, left, right);
    }
    return left;
}

seek_status qp_parse(const char *q, size_t len, qp_node **out, qp_error *err)
{
    parser p = { .q = q, .len = len, .err = err };
    *out = NULL;
    err->offset = 0;
    err->message[0] = '\0';
    size_t valid = text_utf8_prefix(q, len);
    if (valid < len) {
        fail(&p, valid, "the query is not valid UTF-8");
        return p.st;
    }
    skip_space(&p);
    if (p.at >= len) {
        fail(&p, 0, "empty query");
        return p.st;
    }
    qp_node *tree = parse_or(&p);
    if (tree && p.st == SEEK_OK) {
        skip_space(&p);
        if (p.at < len) {
            qp_free(tree);
            tree = fail(&p, p.at, p.q[p.at] == ')' ? "unexpected ')'" : "unexpected text");
        }
    }
    if (p.st != SEEK_OK) {
        qp_free(tree);
        return p.st;
    }
    *out = tree;
    return SEEK_OK;
}

seek_status qp_add_term(qp_node *n, const char *term)
{
    char **v = realloc(n->terms, (n->nterms + 1) * sizeof *v);
    if (!v)
        return SEEK_NOMEM;
    n->terms = v;
    if (!(v[n->nterms] = strdup(term)))
        return SEEK_NOMEM;
    n->nterms++;
    return SEEK_OK;
}

/* ---- Description ---- */

typedef struct sbuf {
    char *s;
    size_t len, cap;
    int oom;
} sbuf;

static void put(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->oom)
        return;
    char *p = grow_to(b->s, &b->cap, b->len + n + 1, 1, 64);
    if (!p) {
        b->oom = 1;
        return;
    }
    b->s = p;
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

static void describe(sbuf *b, const qp_node *n)
{
    switch (n->kind) {
    case QP_WORD:
        put(b, "word:");
        put(b, n->terms[0]);
        return;
    case QP_PHRASE:
        put(b, "\"");
        for (size_t i = 0; i < n->nterms; i++) {
            if (i)
                put(b, " ");
            put(b, n->terms[i]);
        }
        put(b, "\"");
        return;
    case QP_AND:
    case QP_OR:
        put(b, n->kind == QP_AND ? "(AND " : "(OR ");
        describe(b, n->left);
        put(b, " ");
        describe(b, n->right);
        put(b, ")");
        return;
    case QP_NOT:
        put(b, "(NOT ");
        describe(b, n->left);
        put(b, ")");
        return;
    case QP_PREFIX:
        put(b, "prefix:");
        put(b, n->terms[0]);
        return;
    case QP_ENTITY:
        put(b, n->etype == ENT_NTYPES ? "entity" : ent_type_name(n->etype));
        put(b, ":\"");
        put(b, n->terms[0]);
        put(b, "\"");
        return;
    case QP_DATE: {
        char lo[11], hi[11], buf[40];
        date_iso(n->lo, lo);
        date_iso(n->hi, hi);
        snprintf(buf, sizeof buf, "date:%s..%s", lo, hi);
        put(b, buf);
        return;
    }
    }
}

char *qp_describe(const qp_node *n)
{
    sbuf b = { 0 };
    describe(&b, n);
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
