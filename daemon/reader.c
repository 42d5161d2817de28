/* The readers, one per thread. Before each request a reader is brought up to date
 * because the indexer may have committed since: opened afresh when the
 * version file changed, reopened when there is none to watch (a stub,
 * shards) or it has been trusted long enough (freshness.h). A SIGHUP bumps
 * the generation so each reader closes and opens afresh regardless. */
#include "reader.h"

#include "query/stopwords.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "indexstate.h"
#include "ops.h"
#include "xap/prefix.h"

static _Thread_local reader *self;

seek_status serve_ctx_init(serve_ctx *ctx, const char *index_path, const gazetteer *gaz,
                           unsigned query_ms)
{
    memset(ctx, 0, sizeof *ctx);
    if (!(ctx->index_path = strdup(index_path)))
        return SEEK_NOMEM;
    ctx->gaz = gaz;
    ctx->time_limit = query_ms / 1000.0;
    atomic_init(&ctx->generation, 0);
    pthread_mutex_init(&ctx->lock, NULL);
    /* Query expansion leaves stop words out. Failing here (no memory at
     * startup) costs only expansion quality, never an answer. */
    morph *words = NULL;
    char **skip = NULL;
    size_t nskip = 0;
    char err[256];
    if (morph_new(&words, err, sizeof err) == SEEK_OK
        && qp_stopword_terms(words, &skip, &nskip) == SEEK_OK)
        (void)xap_expand_skip((const char *const *)skip, nskip);
    xap_strv_free(skip, nskip);
    morph_free(words);
    return SEEK_OK;
}

static void reader_free(reader *rd)
{
    if (rd == self)
        self = NULL;
    xap_db_close(rd->db);
    morph_free(rd->words);
    fresh_fini(&rd->fresh);
    free(rd);
}

void serve_ctx_fini(serve_ctx *ctx)
{
    pthread_mutex_lock(&ctx->lock);
    while (ctx->readers) {
        reader *rd = ctx->readers;
        ctx->readers = rd->next;
        reader_free(rd);
    }
    pthread_mutex_unlock(&ctx->lock);
    pthread_mutex_destroy(&ctx->lock);
    free(ctx->index_path);
    ctx->index_path = NULL;
}

void serve_ctx_reopen_all(serve_ctx *ctx)
{
    atomic_fetch_add(&ctx->generation, 1);
}

/* This thread's reader of ctx, if it has made one. */
static reader *find_own(serve_ctx *ctx)
{
    pthread_t me = pthread_self();
    pthread_mutex_lock(&ctx->lock);
    reader *rd = ctx->readers;
    while (rd && !pthread_equal(rd->owner, me))
        rd = rd->next;
    pthread_mutex_unlock(&ctx->lock);
    return rd;
}

/* The daemon has one context, so the thread-local is all it looks at; a
 * thread that uses several (the tests) finds its reader of each in the
 * context's list. */
reader *reader_self(serve_ctx *ctx)
{
    if (self && self->ctx == ctx)
        return self;
    reader *rd = find_own(ctx);
    if (rd)
        return self = rd;
    if (!(rd = calloc(1, sizeof *rd)))
        return NULL;
    rd->ctx = ctx;
    rd->owner = pthread_self();
    if (fresh_init(&rd->fresh, ctx->index_path, READER_TRUST_MS) < 0) {
        free(rd);
        return NULL;
    }
    char err[256];
    if (morph_new(&rd->words, err, sizeof err) != SEEK_OK) {
        fresh_fini(&rd->fresh);
        free(rd);
        return NULL;
    }
    pthread_mutex_lock(&ctx->lock);
    rd->next = ctx->readers;
    ctx->readers = rd;
    pthread_mutex_unlock(&ctx->lock);
    return self = rd;
}

void reader_release(serve_ctx *ctx)
{
    pthread_t me = pthread_self();
    pthread_mutex_lock(&ctx->lock);
    reader **at = &ctx->readers;
    while (*at && !pthread_equal((*at)->owner, me))
        at = &(*at)->next;
    reader *rd = *at;
    if (rd)
        *at = rd->next;
    pthread_mutex_unlock(&ctx->lock);
    if (rd)
        reader_free(rd);
}

/* Documents written by another version of seekd-index lack what this daemon
 * reads (hit records, facet slots): better a clear error than empty hits.
 * No format mark and no documents is no other version: a first build, which
 * marks the index only when it commits. */
static seek_status check_format(reader *rd)
{
    char *format;
    seek_status st = xap_db_metadata(rd->db, META_FORMAT, &format);
    if (st != SEEK_OK)
        return st;
    rd->format = strcmp(format, INDEX_FORMAT) != 0 ? SEEK_STALE : SEEK_OK;
    if (!*format) {
        xap_info info;
        st = xap_db_info(rd->db, &info);
        if (st == SEEK_OK && info.docs == 0)
            rd->format = SEEK_UNBUILT;
    }
    free(format);
    return st;
}

typedef struct why_ctx {
    const reader *rd;
    seek_status st;
    proto_error err;
} why_ctx;

static const char *why_unreadable(void *arg)
{
    why_ctx *c = arg;
    op_error(c->rd, c->st, &c->err);
    return c->err.message;
}

/* Shares what reading the index gave with the other threads (and the log). */
static seek_status noted(const reader *rd, seek_status st)
{
    why_ctx c = { rd, st, { 0 } };
    istate_note(st, rd->ctx->index_path, why_unreadable, &c);
    return st;
}

/* The coarse clock is read without a system call on every clock source,
 * and a millisecond or so is all the trust interval needs. */
static uint64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &t);
    return (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000;
}

void reader_request_begin(reader *rd)
{
    rd->checked = 0;
}

seek_status reader_fresh_db(reader *rd)
{
    unsigned gen = atomic_load(&rd->ctx->generation);
    if (rd->db && rd->checked && rd->generation == gen)
        return rd->format;
    if (rd->db && rd->generation != gen) {
        xap_db_close(rd->db);
        rd->db = NULL;
    }
    uint64_t now = now_ms();
    fresh_verdict v = fresh_look(&rd->fresh, now);
    if (rd->db && v == FRESH_SAME) {
        rd->checked = 1;
        return noted(rd, rd->format);
    }
    /* Not reopen(): that reads the version file by its path but keeps the
     * tables already open, which would mix two databases if the folder was
     * replaced whole. */
    if (rd->db && v == FRESH_CHANGED) {
        xap_db_close(rd->db);
        rd->db = NULL;
    }
    int moved = 1;
    seek_status st;
    if (!rd->db) {
        rd->generation = gen;
        st = xap_db_open(rd->ctx->index_path, &rd->db);
    } else {
        st = xap_db_reopen(rd->db, &moved);
    }
    if (st == SEEK_OK && moved)
        st = check_format(rd);
    /* Only a check that went through may vouch for the next requests. */
    rd->checked = st == SEEK_OK;
    if (st == SEEK_OK)
        fresh_note(&rd->fresh, now);
    else
        fresh_expire(&rd->fresh);
    return noted(rd, st == SEEK_OK ? rd->format : st);
}

/* A reader whose remote shard went away stays broken: drop it. If it was
 * an old connection that broke, try once more with a fresh one (the shard
 * may have come back since); a fresh connection that fails is final, so a
 * hung shard costs one timeout, not two. */
seek_status reader_run(reader *rd, reader_fn fn, void *arg)
{
    seek_status st = SEEK_OK;
    for (int round = 0; round <= READER_MAX_RETRIES; round++) {
        int fresh = rd->db == NULL;
        st = reader_fresh_db(rd);
        if (st == SEEK_OK && (st = fn(rd->db, arg)) == SEEK_IO) {
            /* A table that cannot be read: the next request opens afresh, so a
             * repaired index (seekd-index --rebuild) is picked up. */
            xap_db_close(rd->db);
            rd->db = NULL;
            noted(rd, st);
            break;
        }
        if (st == SEEK_NETWORK) {
            xap_db_close(rd->db);
            rd->db = NULL;
            if (fresh)
                break;
            continue;
        }
        if (st != SEEK_MODIFIED)
            break;
        /* The revision read was overwritten, so a newer one exists even if
         * the version file looks the same (a reused inode). */
        fresh_expire(&rd->fresh);
        rd->checked = 0;
    }
    return st;
}

seek_status reader_run_fresh(serve_ctx *ctx, reader_fn fn, void *arg)
{
    seek_status st = SEEK_OK;
    reader tmp = { .ctx = ctx };
    for (int round = 0; round <= READER_MAX_RETRIES; round++) {
        tmp.db = NULL;
        st = xap_db_open(ctx->index_path, &tmp.db);
        if (st == SEEK_OK)
            st = check_format(&tmp);
        if (st == SEEK_OK)
            st = tmp.format;
        if (st == SEEK_OK)
            st = fn(tmp.db, arg);
        xap_db_close(tmp.db);
        if (st != SEEK_MODIFIED)
            break;
    }
    return noted(&tmp, st);
}
