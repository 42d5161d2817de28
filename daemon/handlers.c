/* Dispatch of parsed requests to their ops, timing, and the small ops
 * (ping, stats). */
#include "handlers.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ops.h"
#include "proto/proto.h"
#include "sources.h"
#include "xap/prefix.h"

const char handlers_oom_line[] =
    "{\"ok\":false,\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}\n";

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

typedef struct stats_ctx {
    xap_info info;
    char *last;
    xap_count *encodings;   /* documents per encoding term */
    size_t nencodings;
    src_stats sources;
} stats_ctx;

static seek_status read_stats(xap_db *db, void *ctx)
{
    stats_ctx *sc = ctx;
    free(sc->last);
    sc->last = NULL;
    xap_counts_free(sc->encodings, sc->nencodings);
    sc->encodings = NULL;
    sc->nencodings = 0;
    seek_status st = xap_db_info(db, &sc->info);
    if (st == SEEK_OK)
        st = xap_db_metadata(db, META_LAST_RUN, &sc->last);
    /* Each document holds one encoding term: their document counts are the
     * totals, right after any update or removal and over every shard. */
    if (st == SEEK_OK)
        st = xap_db_terms(db, PREFIX_ENCODING, &sc->encodings, &sc->nencodings);
    return st == SEEK_OK ? src_stats_read(db, &sc->sources) : st;
}

int op_stats(reader *rd, jw *out, proto_error *err)
{
    stats_ctx sc = { .last = NULL };
    seek_status st = reader_run(rd, read_stats, &sc);
    if (st != SEEK_OK) {
        xap_counts_free(sc.encodings, sc.nencodings);
        src_stats_fini(&sc.sources);
        free(sc.last);
        return op_error(rd, st, err);
    }
    json_t *sources = src_stats_json(&sc.sources);
    src_stats_fini(&sc.sources);
    if (!sources) {
        xap_counts_free(sc.encodings, sc.nencodings);
        free(sc.last);
        return op_error(rd, SEEK_NOMEM, err);
    }
    json_t *run = sc.last && *sc.last ? json_loads(sc.last, 0, NULL) : NULL;
    free(sc.last);
    /* The indexer stores its run summary in the commit itself, so its time
     * is the time of the last commit: what cron and monitoring watch. */
    char when[32] = "";
    time_t t = (time_t)json_integer_value(json_object_get(run, "time"));
    struct tm tm;
    if (t && gmtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    const gazetteer *g = rd->ctx->gaz;
    jw_key(out, PROTO_A_DOCS);
    jw_int(out, (long long)sc.info.docs);
    jw_key(out, PROTO_A_REVISION);
    jw_int(out, (long long)sc.info.revision);
    jw_key(out, PROTO_A_LAST_COMMIT);
    jw_str(out, when);
    jw_key(out, PROTO_A_AVG_LENGTH);
    jw_real(out, sc.info.avg_length);
    jw_key(out, PROTO_A_PARTS);
    jw_int(out, (long long)sc.info.parts);
    jw_key(out, PROTO_A_INDEX);
    jw_str(out, rd->ctx->index_path);
    jw_key(out, PROTO_A_GAZETTEER_ENTRIES);
    jw_int(out, (long long)(g ? gaz_count(g) : 0));
    jw_key(out, PROTO_A_ENCODINGS);
    jw_obj(out);
    size_t plen = strlen(PREFIX_ENCODING);
    for (size_t i = 0; i < sc.nencodings; i++) {
        jw_key(out, sc.encodings[i].term + plen);
        jw_int(out, (long long)sc.encodings[i].count);
    }
    jw_obj_end(out);
    xap_counts_free(sc.encodings, sc.nencodings);
    jw_key(out, PROTO_A_LAST_RUN);
    if (run)
        jw_json(out, run);
    else
        jw_null(out);
    json_decref(run);
    jw_key(out, PROTO_A_SOURCES);
    jw_json(out, sources);
    json_decref(sources);
    return 0;
}

/* Writes the answer's members into `out`: 0, or -1 with *err filled. */
static int run_op(reader *rd, const proto_request *req, jw *out, proto_error *err)
{
    switch (req->op) {
    case PROTO_PING: return 0;
    case PROTO_SEARCH: return op_search(rd, req, out, err);
    case PROTO_EXPLAIN: return op_explain(rd, req, out, err);
    case PROTO_SIMILAR: return op_similar(rd, req, out, err);
    case PROTO_STATS: return op_stats(rd, out, err);
    case PROTO_ENTITY: return op_entity(rd, req, out, err);
    case PROTO_ENTITIES: return op_entities(rd, req, out, err);
    case PROTO_HEALTH: return op_health(rd, req, out, err);
    }
    return proto_fail(err, PROTO_E_UNKNOWN_OP, -1, "no such operation");
}

/* A facet count reads a value of every match, however many hits are asked
 * for: what makes a request slow that can be told before it runs. A long
 * answer is no sure sign (10,000 hits asked of a query that matches 20
 * cost nothing), and is left to the watchdog (loops.h). */
static int is_heavy(const proto_request *req)
{
    return req->op == PROTO_SEARCH && req->facets;
}

char *handle_request(serve_ctx *serve, const char *line, size_t len, size_t *out_len,
                     handlers_heavy_fn heavy, void *ctx)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    proto_request req;
    proto_error err = { 0 };
    jw out;
    proto_answer_open(&out);
    int rc = -1;
    if (proto_parse(line, len, &req, &err) == 0) {
        if (heavy && is_heavy(&req))
            heavy(ctx);
        reader *rd = reader_self(serve);
        if (rd)
            reader_request_begin(rd);
        if (!rd)
            op_error(NULL, SEEK_NOMEM, &err);
        else
            rc = run_op(rd, &req, &out, &err);
    }
    char *answer;
    if (rc == 0) {
        if (req.op != PROTO_PING) {
            jw_key(&out, PROTO_A_TOOK_MS);
            jw_real(&out, ms_since(&t0));
        }
        answer = proto_answer_close(&out, req.id, out_len);
    } else {
        jw_fini(&out);
        if (!err.code)
            op_error(NULL, SEEK_NOMEM, &err);
        answer = proto_error_line(&err, req.id, out_len);
    }
    proto_request_fini(&req);
    return answer;
}
