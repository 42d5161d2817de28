/* The query language, parsed into a tree. Words, "exact phrases" (with
 * slack: "a b"~2), AND, OR, NOT / -word, +word, =word, parentheses, prefix*,
 * NEAR, NEAR/n, ADJ/n; adjacent terms are ANDed; entity filters person:NAME,
 * org:NAME, place:NAME, entity:NAME (NAME a word or a "quoted name"), date
 * filters date:2015-09, date:2010..2015, published:2017, title:word and title:"phrase"; a
 * field before a parenthesised list applies to everything in it. Field names
 * are case-insensitive. Words and phrases go through the same tokenizer as
 * documents. Compiling a tree into a Xapian query is compile.h's job; this
 * file knows nothing of Xapian.
 *
 * Text pasted from anywhere parses: punctuation and operators with nothing to
 * work on are ignored, an unclosed quote or parenthesis is closed at the end,
 * and each such reading is reported as a warning. Only what has no sensible
 * reading fails: the limits below, a malformed date, bytes that are not
 * UTF-8, a query with no word at all. */
#ifndef SEEKD_QUERY_QUERY_H
#define SEEKD_QUERY_QUERY_H

#include <stddef.h>
#include "entity/gazetteer.h"
#include "status.h"

/* Limits that keep one query from costing without bound. */
#define QP_MAX_DEPTH 32    /* nested parentheses and NOTs */
#define QP_MAX_TERMS 256   /* words and phrase tokens in all */
#define QP_MAX_EXPANSION 1000  /* words a prefix* may stand for */
#define QP_MAX_EXPANDED 2000   /* entity and date filter terms in all */

typedef enum qp_kind {
    QP_WORD,    /* one token: stemmed, ranked */
    QP_PHRASE,  /* tokens in order, adjacent, unstemmed */
    QP_AND,
    QP_OR,
    QP_NOT,     /* everything except `left` */
    QP_PREFIX,  /* word*: any word starting with terms[0] */
    QP_ENTITY,  /* documents mentioning an entity: terms[0] is the name in match form;
                 * terms[1..] extra entity terms a caller found for it (qp_add_term) */
    QP_DATE,    /* documents mentioning a date in [lo, hi], or dated in it (published:
                 * dated in it only) */
    QP_NEAR     /* terms (unstemmed words) within `window` words of each other: in
                 * any order, or as written when `ordered` (ADJ/n) */
} qp_kind;

/* NEAR without /n: the words may have this many others between them. */
#define QP_NEAR_DEFAULT 10
#define QP_NEAR_MAX 1000   /* a larger /n or ~n is cut to this */

typedef struct qp_node {
    qp_kind kind;
    struct qp_node *left, *right;  /* AND, OR: both; NOT: left */
    char **terms;                  /* WORD: one token; PHRASE: its tokens */
    size_t nterms, terms_cap;      /* terms_cap: room in `terms` (grow.h) */
    size_t offset;                 /* byte offset in the query text */
    ent_type etype;                /* ENTITY: the type asked for; ENT_NTYPES for any */
    int lo, hi;                    /* DATE: yyyymmdd bounds */
    unsigned window;               /* NEAR: words allowed between the terms; PHRASE:
                                      slack, words allowed inside it (0: adjacent) */
    unsigned char ordered;         /* NEAR: in the order written (ADJ/n) */
    unsigned char required;        /* the user asked for it in so many words: +word, an
                                      operand of AND, a quoted phrase. Never left out
                                      when no document has every word, even a stop word */
    unsigned char literal;         /* WORD (=word): that exact word, no stemming, no
                                      aliases or other spellings; PHRASE (="a b"): no
                                      other names of an entity it names */
    unsigned char title;           /* WORD, PHRASE (title:...): in the title */
    unsigned char published;       /* DATE (published:...): the document's own date only */
} qp_node;

#define QP_MAX_WARNINGS 8   /* more are dropped */
#define QP_WARNING_LEN 160

/* What the parser has to say: the error when parsing failed, and the
 * warnings (what was ignored or assumed) of a query that parsed. */
typedef struct qp_error {
    size_t offset;      /* byte offset of the trouble in the query text */
    char message[160];
    size_t nwarnings;
    char warnings[QP_MAX_WARNINGS][QP_WARNING_LEN];
} qp_error;

/* Parses `len` bytes of `q`. On success returns OK and a tree in *out (free
 * with qp_free), with err->warnings saying what was ignored or assumed.
 * Otherwise returns BAD_QUERY (details in *err) or NOMEM. */
seek_status qp_parse(const char *q, size_t len, qp_node **out, qp_error *err);
void qp_free(qp_node *n);  /* accepts NULL */

/* Adds a warning to err (a printf format), unless it holds it already or is
 * full: for callers that find more to say about a parsed query. */
void qp_warn(qp_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends `term` to node n's terms. Returns OK or NOMEM. */
seek_status qp_add_term(qp_node *n, const char *term);

/* A compact readable form of the tree, e.g. (AND word:rahmon "sleeper cells"),
 * with +word for a required word, =word for a literal one, title:... and
 * (NEAR/10 a b), (ADJ/2 a b), "a b"~2;
 * malloc'd, caller frees; NULL when memory runs out. */
char *qp_describe(const qp_node *n);

#endif
