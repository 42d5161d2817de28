/* The query language, parsed into a tree. Words, "exact phrases", AND, OR,
 * NOT / -word, parentheses, prefix*; adjacent terms are ANDed; entity filters
 * person:NAME, org:NAME, place:NAME, entity:NAME (NAME a word or a "quoted
 * name") and date filters date:2015-09, date:2010..2015. Words and phrases go
 * through the same tokenizer as documents. Compiling a tree into a Xapian
 * query is compile.h's job; this file knows nothing of Xapian. */
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
    QP_DATE     /* documents mentioning a date in [lo, hi], or dated in it */
} qp_kind;

typedef struct qp_node {
    qp_kind kind;
    struct qp_node *left, *right;  /* AND, OR: both; NOT: left */
    char **terms;                  /* WORD: one token; PHRASE: its tokens */
    size_t nterms;
    size_t offset;                 /* byte offset in the query text */
    ent_type etype;                /* ENTITY: the type asked for; ENT_NTYPES for any */
    int lo, hi;                    /* DATE: yyyymmdd bounds */
} qp_node;

typedef struct qp_error {
    size_t offset;      /* byte offset of the trouble in the query text */
    char message[160];
} qp_error;

/* Parses `len` bytes of `q`. On success returns OK and a tree in *out (free
 * with qp_free). Otherwise returns BAD_QUERY (details in *err) or NOMEM. */
seek_status qp_parse(const char *q, size_t len, qp_node **out, qp_error *err);
void qp_free(qp_node *n);  /* accepts NULL */

/* Appends `term` to node n's terms. Returns OK or NOMEM. */
seek_status qp_add_term(qp_node *n, const char *term);

/* A compact readable form of the tree, e.g. (AND word:rahmon "sleeper cells");
 * malloc'd, caller frees; NULL when memory runs out. */
char *qp_describe(const qp_node *n);

#endif
