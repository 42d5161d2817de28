/* The ops of the protocol. Each worker thread keeps its own Xapian reader
 * (readers must not be shared between threads) and reopens it before each
 * request, because the indexer may have committed since. */
#include "handlers.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "proto/proto.h"
#include "query/compile.h"
#include "query/query.h"
#include "snippet.h"
#include "xap/prefix.h"
#include "xap/xap.h"

#define MAX_RETRIES 5       /* reopen-and-retry rounds on DatabaseModifiedError */
#define SNIPPET_WIDTH 30    /* tokens */

const char handlers_oom_line[] =
    "{\"ok\":false,\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}\n";

typedef struct worker {
    xap_db *db;
    xap_stem *stem;
    unsigned generation;
    struct worker *next;
} worker;

static char *index_path;
static atomic_uint generation;
static pthread_mutex_t workers_lock = PTHREAD_MUTEX_INITIALIZER;
static worker *workers;
static _Thread_local worker *self;

void handlers_init(const char *path)
{
    index_path = strdup(path);
}

void handlers_fini(void)
{
    pthread_mutex_lock(&workers_lock);
    while (workers) {
        worker *w = workers;
        workers = w->next;
        xap_db_close(w->db);
        xap_stem_free(w->stem);
        free(w);
    }
    pthread_mutex_unlock(&workers_lock);
    free(index_path);
    index_path = NULL;
}

void handlers_reopen_all(void)
{
    atomic_fetch_add(&generation, 1);
}

static worker *this_worker(void)
{
    if (self)
        return self;
    worker *w = calloc(1, sizeof *w);
    if (!w || xap_stem_new("english", &w->stem) != SEEK_OK) {
        free(w);
        return NULL;
    }
    pthread_mutex_lock(&workers_lock);
    w->next = workers;
    workers = w;
    pthread_mutex_unlock(&workers_lock);
    return self = w;
}

/* Makes w->db current. Returns OK or why the index cannot be read. */
static seek_status fresh_db(worker *w)
{
    unsigned gen = atomic_load(&generation);
    if (w->db && w->generation != gen) {
        xap_db_close(w->db);
        w->db = NULL;
    }
    if (!w->db) {
        w->generation = gen;
        return xap_db_open(index_path, &w->db);
    }
    return xap_db_reopen(w->db);
}

static int index_error(seek_status st, proto_error *err)
{
    if (st == SEEK_NOT_FOUND)
        return proto_fail(err, PROTO_E_NO_INDEX, -1,
                          "no index at %s yet: build it with seekd-index", index_path);
    return proto_fail(err, st == SEEK_NOMEM ? PROTO_E_INTERNAL : PROTO_E_NO_INDEX, -1,
                      "cannot read the index at %s: %s", index_path, xap_errmsg());
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static json_t *hit_json(const xap_hit *h, unsigned rank, const snip_terms *terms,
                        xap_stem *stem, int snippets)
{
    json_t *o = json_pack("{s:s,s:I,s:f,s:s}", "id", h->values[0], "rank", (json_int_t)rank,
                          "score", h->score, "title", h->values[1]);
    if (!o || !snippets)
        return o;
    snippet s;
    if (snippet_make(terms, stem, h->data, h->data_len, SNIPPET_WIDTH, &s) < 0) {
        json_decref(o);
        return NULL;
    }
    json_t *marks = json_array();
    for (size_t i = 0; marks && i < s.nmarks; i++)
        json_array_append_new(marks, json_pack("[I,I]", (json_int_t)s.marks[i][0],
                                               (json_int_t)s.marks[i][1]));
    json_object_set_new(o, "snippet", json_stringn(s.text, s.len));
    json_object_set_new(o, "highlights", marks ? marks : json_array());
    snippet_fini(&s);
    return o;
}

static json_t *search_answer(worker *w, const proto_request *req, const qp_node *tree,
                             const xap_hits *hits)
{
    snip_terms *terms = req->snippets ? snip_terms_new(tree, w->stem) : NULL;
    if (req->snippets && !terms)
        return NULL;
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < hits->n; i++) {
        json_t *h = hit_json(&hits->hits[i], req->offset + (unsigned)i + 1, terms, w->stem,
                             req->snippets);
        if (!h || json_array_append_new(arr, h) < 0) {
            json_decref(arr);
            arr = NULL;
        }
    }
    snip_terms_free(terms);
    if (!arr)
        return NULL;
    return json_pack("{s:I,s:I,s:I,s:o}", "total", (json_int_t)hits->total,
                     "offset", (json_int_t)req->offset, "limit", (json_int_t)req->limit,
                     "hits", arr);
}

static json_t *do_search(worker *w, const proto_request *req, proto_error *err)
{
    qp_node *tree = NULL;
    qp_error qerr;
    seek_status st = qp_parse(req->q, req->q_len, &tree, &qerr);
    if (st == SEEK_BAD_QUERY) {
        proto_fail(err, PROTO_E_BAD_QUERY, (long)qerr.offset, "%s at byte %zu", qerr.message,
                   qerr.offset);
        return NULL;
    }
    if (st != SEEK_OK) {
        proto_fail(err, PROTO_E_INTERNAL, -1, "%s", qerr.message);
        return NULL;
    }
    xap_query *q = NULL;
    if ((st = qp_compile(tree, w->stem, &q)) != SEEK_OK) {
        qp_free(tree);
        proto_fail(err, PROTO_E_INTERNAL, -1, "cannot build the query: %s", xap_errmsg());
        return NULL;
    }
    static const int slots[] = { SLOT_ID, SLOT_TITLE };
    xap_search opt = { req->offset, req->limit, slots, 2, req->snippets };
    xap_hits *hits = NULL;
    for (int round = 0; round <= MAX_RETRIES; round++) {
        st = fresh_db(w);
        if (st == SEEK_OK)
            st = xap_db_search(w->db, q, &opt, &hits);
        if (st != SEEK_MODIFIED)
            break;
    }
    xap_query_free(q);
    json_t *answer = NULL;
    if (st == SEEK_OK) {
        answer = search_answer(w, req, tree, hits);
        if (!answer)
            proto_fail(err, PROTO_E_INTERNAL, -1, "out of memory");
    } else if (st == SEEK_BAD_QUERY) {
        proto_fail(err, PROTO_E_BAD_QUERY, -1, "%s", xap_errmsg());
    } else {
        index_error(st, err);
    }
    xap_hits_free(hits);
    qp_free(tree);
    return answer;
}

static json_t *do_stats(worker *w, proto_error *err)
{
    xap_info info;
    char *last = NULL;
    seek_status st = SEEK_OK;
    for (int round = 0; round <= MAX_RETRIES; round++) {
        free(last);
        last = NULL;
        st = fresh_db(w);
        if (st == SEEK_OK)
            st = xap_db_info(w->db, &info);
        if (st == SEEK_OK)
            st = xap_db_metadata(w->db, META_LAST_RUN, &last);
        if (st != SEEK_MODIFIED)
            break;
    }
    if (st != SEEK_OK) {
        free(last);
        index_error(st, err);
        return NULL;
    }
    json_t *run = last && *last ? json_loads(last, 0, NULL) : NULL;
    free(last);
    return json_pack("{s:I,s:I,s:I,s:f,s:s,s:o}", "docs", (json_int_t)info.docs,
                     "revision", (json_int_t)info.revision, "terms", (json_int_t)info.terms,
                     "avg_length", info.avg_length, "index", index_path,
                     "last_run", run ? run : json_null());
}

char *handle_request(const char *line, size_t len, size_t *out_len)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    proto_request req;
    proto_error err = { 0 };
    json_t *answer = NULL;
    worker *w = NULL;
    if (proto_parse(line, len, &req, &err) == 0) {
        if (!(w = this_worker()))
            proto_fail(&err, PROTO_E_INTERNAL, -1, "out of memory");
        else if (req.op == PROTO_PING)
            answer = json_object();
        else if (req.op == PROTO_STATS)
            answer = do_stats(w, &err);
        else
            answer = do_search(w, &req, &err);
    }
    char *out;
    if (answer) {
        if (req.op == PROTO_SEARCH)
            json_object_set_new(answer, "took_ms", json_real(ms_since(&t0)));
        out = proto_answer(answer, req.id, out_len);
    } else {
        if (!err.code)
            proto_fail(&err, PROTO_E_INTERNAL, -1, "out of memory");
        out = proto_error_line(&err, req.id, out_len);
    }
    proto_request_fini(&req);
    return out;
}
