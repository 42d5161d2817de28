/* op health: what monitoring asks. Never an index error: an index that
 * cannot be read is the answer ("status":"unreadable", with the reason),
 * where every other op fails with index_unavailable. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "indexstate.h"
#include "ops.h"
#include "xap/prefix.h"

typedef struct health_ctx {
    xap_info info;
    char *last;     /* META_LAST_RUN */
} health_ctx;

static seek_status read_health(xap_db *db, void *ctx)
{
    health_ctx *hc = ctx;
    free(hc->last);
    hc->last = NULL;
    seek_status st = xap_db_info(db, &hc->info);
    return st == SEEK_OK ? xap_db_metadata(db, META_LAST_RUN, &hc->last) : st;
}

static json_t *unreadable(const char *index, const char *code, const char *message)
{
    return json_pack("{s:s,s:b,s:s,s:{s:s,s:s}}", PROTO_A_STATUS, "unreadable", PROTO_A_READABLE,
                     0, PROTO_A_INDEX, index, PROTO_A_ERROR, PROTO_A_CODE, code, PROTO_A_MESSAGE,
                     message);
}

/* Adds a sentence to `problems` (a failed allocation only loses it). */
__attribute__((format(printf, 2, 3)))
static void problem(json_t *problems, const char *fmt, ...)
{
    char s[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s, sizeof s, fmt, ap);
    va_end(ap);
    json_array_append_new(problems, json_string(s));
}

static json_t *health_of(reader *rd, const proto_request *req, proto_error *err)
{
    health_ctx hc = { .last = NULL };
    seek_status st = reader_run_fresh(rd->ctx, read_health, &hc);
    if (st == SEEK_NOMEM) {
        free(hc.last);
        op_error(rd, st, err);
        return NULL;
    }
    char why[256];
    if (st == SEEK_OK && istate_damaged(why, sizeof why)) {
        /* It opened for this check, but reads of this very index failed. */
        free(hc.last);
        return unreadable(rd->ctx->index_path, PROTO_E_NO_INDEX, why);
    }
    if (st != SEEK_OK) {
        proto_error e = { 0 };
        op_error(rd, st, &e);
        free(hc.last);
        return unreadable(rd->ctx->index_path, e.code, e.message);
    }
    json_t *run = hc.last && *hc.last ? json_loads(hc.last, 0, NULL) : NULL;
    free(hc.last);
    json_t *problems = json_array();
    time_t t = (time_t)json_integer_value(json_object_get(run, "time"));
    double age = t ? difftime(time(NULL), t) : NAN;
    json_int_t failed = json_integer_value(json_object_get(run, "failed"));
    if (failed > 0)
        problem(problems, "the last indexer run failed on %lld file%s", (long long)failed,
                failed == 1 ? "" : "s");
    if (req->max_age >= 0 && !t)
        problem(problems, "no indexer run is recorded, so the index's age is unknown");
    else if (req->max_age >= 0 && age > req->max_age)
        problem(problems, "the last commit is %.0f s old, more than the %.0f s allowed", age,
                req->max_age);
    char when[32] = "";
    struct tm tm;
    if (t && gmtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    json_t *ans = json_pack("{s:s,s:b,s:s,s:I,s:I,s:s,s:o,s:o}",
                            PROTO_A_STATUS, json_array_size(problems) ? "degraded" : "healthy",
                            PROTO_A_READABLE, 1, PROTO_A_INDEX, rd->ctx->index_path,
                            PROTO_A_DOCS, (json_int_t)hc.info.docs,
                            PROTO_A_REVISION, (json_int_t)hc.info.revision, PROTO_A_LAST_COMMIT,
                            when, PROTO_A_LAST_RUN, run ? run : json_null(), PROTO_A_PROBLEMS,
                            problems);
    if (ans && t)
        json_object_set_new(ans, PROTO_A_AGE_SECONDS, json_real(age));
    return ans;
}

int op_health(reader *rd, const proto_request *req, jw *out, proto_error *err)
{
    json_t *members = health_of(rd, req, err);
    if (!members)
        return err->code ? -1 : op_error(rd, SEEK_NOMEM, err);
    const char *key;
    json_t *v;
    json_object_foreach(members, key, v) {
        jw_key(out, key);
        jw_json(out, v);
    }
    json_decref(members);
    return 0;
}
