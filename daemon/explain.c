/* explain and similar: how a query is read and ranked, one document's score
 * term by term; the documents most like a given one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hits.h"
#include "ops.h"
#include "parts.h"
#include "query/compile.h"
#include "xap/prefix.h"

#define SIMILAR_TERMS 20   /* a document's distinctive stems that stand for it */

/* The id term of document `id` into buf; 0, or -1 when it is too long. */
static int id_term(const char *id, size_t len, char *buf, size_t cap)
{
    size_t plen = strlen(PREFIX_ID);
    if (plen + len + 1 > cap || memchr(id, '\0', len))
        return -1;
    memcpy(buf, PREFIX_ID, plen);
    memcpy(buf + plen, id, len);
    buf[plen + len] = '\0';
    return 0;
}

typedef struct explain_ctx {
    const xap_query *q;
    int feedback;
    const char *idterm;
    xap_explain *x;
} explain_ctx;

static seek_status run_explain(xap_db *db, void *ctx)
{
    explain_ctx *ec = ctx;
    xap_explain_free(ec->x);
    ec->x = NULL;
    return xap_db_explain(db, ec->q, ec->feedback, ec->idterm, &ec->x);
}

static void write_terms(jw *out, const xap_explain *x, int in_doc)
{
    jw_arr(out);
    for (size_t i = 0; i < x->n; i++) {
        const xap_term_weight *t = &x->terms[i];
        if (in_doc && !t->wdf)
            continue;
        jw_obj(out);
        jw_key(out, PROTO_A_TERM);
        jw_str(out, t->term);
        if (in_doc) {
            jw_key(out, PROTO_A_WDF);
            jw_int(out, (long long)t->wdf);
            jw_key(out, PROTO_A_WEIGHT);
            jw_real(out, t->doc_weight);
        } else {
            jw_key(out, PROTO_A_DOCS);
            jw_int(out, (long long)t->docs);
            jw_key(out, PROTO_A_WEIGHT);
            jw_real(out, t->weight);
            if (t->feedback) {
                jw_key(out, PROTO_A_FEEDBACK);
                jw_bool(out, 1);
            }
        }
        jw_obj_end(out);
    }
    jw_arr_end(out);
}

/* How many documents q, compiled from tree at level, matches. */
static seek_status count(reader *rd, const qp_node *tree, int level, const xap_query *q,
                         unsigned long *total)
{
    xap_search opt = { .key_slot = SLOT_ID, .time_limit = rd->ctx->time_limit };
    run_ctx run = { q, &opt, 1, NULL, tree, level, rd };
    seek_status st = reader_run(rd, search_run, &run);
    *total = st == SEEK_OK ? run.hits->total : 0;
    xap_hits_free(run.hits);
    return st;
}

/* The reading a search would answer with: the strict one, or when it finds
 * nothing and the query relaxes, the relaxed one (as op_search). Replaces
 * *q; sets *relaxed. 0, or -1 with *err filled. */
static int reading(reader *rd, const qp_node *tree, qp_error *diag, xap_query **q, int *relaxed,
                   proto_error *err)
{
    int pasted = qp_long_text(tree);
    if (search_long_text(rd, tree, diag, q, err) < 0)
        return -1;
    unsigned long total;
    seek_status st = count(rd, tree, pasted ? (qp_relaxable(tree, 2) ? 2 : 1) : 0, *q, &total);
    for (int level = pasted ? 3 : 1; st == SEEK_OK && !total && level <= 2; level++) {
        if (!qp_relaxable(tree, level))
            continue;
        xap_query *r = NULL;
        st = qp_compile_relaxed(tree, rd->words, rd->ctx->gaz, level, &r);
        if (st != SEEK_OK)
            return search_compile_error(rd, st, err);
        xap_query_free(*q);
        *q = r;
        *relaxed = 1;
        if (level == 2)
            qp_warn(diag, "no document has every phrase as written: their words were "
                          "searched on their own too");
        st = count(rd, tree, level, *q, &total);
    }
    return st == SEEK_OK ? 0 : op_error(rd, st, err);
}

int op_explain(reader *rd, const proto_request *req, jw *out, proto_error *err)
{
    char idterm[PROTO_MAX_DOC_ID + 16];
    if (req->doc && id_term(req->doc, req->doc_len, idterm, sizeof idterm) < 0)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"doc\" is not a document id");
    qp_node *tree = NULL;
    xap_query *q = NULL;
    qp_error diag;
    int relaxed = 0;
    if (search_prepare(rd, req, &tree, &q, &diag, err) < 0)
        return -1;
    if (reading(rd, tree, &diag, &q, &relaxed, err) < 0) {
        xap_query_free(q);
        qp_free(tree);
        return -1;
    }
    char *read = qp_describe(tree);
    explain_ctx ec = { q, search_ranks_words(tree), req->doc ? idterm : NULL, NULL };
    seek_status st = read ? reader_run(rd, run_explain, &ec) : SEEK_NOMEM;
    int rc = -1;
    if (st == SEEK_OK) {
        jw_key(out, PROTO_A_QUERY);
        jw_str(out, read);
        jw_key(out, PROTO_A_RELAXED);
        jw_bool(out, relaxed);
        if (diag.nwarnings) {
            jw_key(out, PROTO_A_WARNINGS);
            jw_arr(out);
            for (size_t i = 0; i < diag.nwarnings; i++)
                jw_str(out, diag.warnings[i]);
            jw_arr_end(out);
        }
        jw_key(out, PROTO_A_XAPIAN);
        jw_str(out, ec.x->query);
        jw_key(out, PROTO_A_TERMS);
        write_terms(out, ec.x, 0);
        if (req->doc) {
            jw_key(out, PROTO_A_DOC);
            jw_obj(out);
            jw_key(out, PROTO_A_ID);
            jw_strn(out, req->doc, req->doc_len);
            jw_key(out, PROTO_A_FOUND);
            jw_bool(out, ec.x->found);
            jw_key(out, PROTO_A_MATCHES);
            jw_bool(out, ec.x->matches);
            if (ec.x->matches) {
                jw_key(out, PROTO_A_SCORE);
                jw_real(out, ec.x->score);
                jw_key(out, PROTO_A_TERMS);
                write_terms(out, ec.x, 1);
            }
            jw_obj_end(out);
        }
        rc = 0;
    } else {
        op_error(rd, st, err);
    }
    xap_explain_free(ec.x);
    free(read);
    xap_query_free(q);
    qp_free(tree);
    return rc;
}

typedef struct similar_ctx {
    const char *idterm;
    const xap_query *filter;
    const qp_node *tree;    /* the filter's */
    run_ctx run;
    int found;
} similar_ctx;

/* The like-query and its run in one step, so both see one revision. */
static seek_status run_similar(xap_db *db, void *ctx)
{
    similar_ctx *sc = ctx;
    xap_hits_free(sc->run.hits);
    sc->run.hits = NULL;
    xap_query *like = NULL, *both = NULL, *in_parts = NULL;
    seek_status st = xap_db_similar(db, sc->idterm, SIMILAR_TERMS, &like);
    sc->found = st != SEEK_NOT_FOUND;
    if (st == SEEK_NOT_FOUND)
        return SEEK_OK;
    if (st == SEEK_OK && sc->tree)
        st = parts_compile(db, sc->tree, sc->run.rd->words, sc->run.rd->ctx->gaz, 0, &in_parts);
    if (st == SEEK_OK && sc->filter)
        st = xap_query_combine(XAP_FILTER, like, in_parts ? in_parts : sc->filter, &both);
    xap_query_free(in_parts);
    if (st == SEEK_OK) {
        sc->run.q = both ? both : like;
        st = search_run(db, &sc->run);
    }
    xap_query_free(like);
    xap_query_free(both);
    return st;
}

int op_similar(reader *rd, const proto_request *req, jw *out, proto_error *err)
{
    char idterm[PROTO_MAX_DOC_ID + 16];
    if (id_term(req->doc, req->doc_len, idterm, sizeof idterm) < 0)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"doc\" is not a document id");
    qp_node *tree = NULL;
    xap_query *filter = NULL;
    qp_error diag = { 0 };
    if (req->q && search_prepare(rd, req, &tree, &filter, &diag, err) < 0)
        return -1;
    xap_search opt = { .offset = req->offset, .limit = req->limit, .key_slot = SLOT_ID,
                       .time_limit = rd->ctx->time_limit };
    similar_ctx sc = { idterm, filter, tree, { NULL, &opt, req->ids, NULL, NULL, 0, rd }, 0 };
    seek_status st = reader_run(rd, run_similar, &sc);
    int rc = -1;
    if (st == SEEK_OK) {
        jw_key(out, PROTO_A_FOUND);
        jw_bool(out, sc.found);
        if (sc.run.hits)
            rc = search_write_answer(out, rd, req, NULL, &diag, 0, sc.run.hits, NULL, 0, 0, NULL);
        else
            rc = 0;
        if (rc < 0)
            op_error(rd, SEEK_NOMEM, err);
    } else {
        op_error(rd, st, err);
    }
    xap_hits_free(sc.run.hits);
    xap_query_free(filter);
    qp_free(tree);
    return rc;
}
