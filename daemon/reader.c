/* Worker registry. Before each request a reader is brought up to date
 * because the indexer may have committed since: opened afresh when the
 * version file changed, reopened when there is none to watch (a stub,
 * shards) or it has been trusted long enough (freshness.h). A SIGHUP bumps
 * the generation so each worker closes and opens afresh regardless. */
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

static char *index_path;
static const gazetteer *shared_gaz;
static double time_limit;
static atomic_uint generation;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static worker *all;
static _Thread_local worker *self;

void workers_init(const char *path, const gazetteer *gaz, unsigned query_ms)
{
    index_path = strdup(path);
    shared_gaz = gaz;
    time_limit = query_ms / 1000.0;
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
}

double worker_time_limit(void)
{
    return time_limit;
}

void workers_fini(void)
{
    pthread_mutex_lock(&lock);
    while (all) {
        worker *w = all;
        all = w->next;
        xap_db_close(w->db);
        morph_free(w->words);
        fresh_fini(&w->fresh);
        free(w);
    }
    pthread_mutex_unlock(&lock);
    free(index_path);
    index_path = NULL;
}

void workers_reopen_all(void)
{
    atomic_fetch_add(&generation, 1);
}

const gazetteer *worker_gazetteer(void)
{
    return shared_gaz;
}

const char *worker_index_path(void)
{
    return index_path;
}

worker *worker_self(void)
{
    if (self)
        return self;
    worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    if (fresh_init(&w->fresh, index_path, WORKER_TRUST_MS) < 0) {
        free(w);
        return NULL;
    }
    char err[256];
    if (morph_new(&w->words, err, sizeof err) != SEEK_OK) {
        fresh_fini(&w->fresh);
        free(w);
        return NULL;
    }
    pthread_mutex_lock(&lock);
    w->next = all;
    all = w;
    pthread_mutex_unlock(&lock);
    return self = w;
}

/* Documents written by another version of seekd-index lack what this daemon
 * reads (hit records, facet slots): better a clear error than empty hits.
 * No format mark and no documents is no other version: a first build, which
 * marks the index only when it commits. */
static seek_status check_format(worker *w)
{
    char *format;
    seek_status st = xap_db_metadata(w->db, META_FORMAT, &format);
    if (st != SEEK_OK)
        return st;
    w->format = strcmp(format, INDEX_FORMAT) != 0 ? SEEK_STALE : SEEK_OK;
    if (!*format) {
        xap_info info;
        st = xap_db_info(w->db, &info);
        if (st == SEEK_OK && info.docs == 0)
            w->format = SEEK_UNBUILT;
    }
    free(format);
    return st;
}

typedef struct why_ctx {
    seek_status st;
    proto_error err;
} why_ctx;

static const char *why_unreadable(void *ctx)
{
    why_ctx *c = ctx;
    op_error(c->st, &c->err);
    return c->err.message;
}

/* Shares what reading the index gave with the other threads (and the log). */
static seek_status noted(seek_status st)
{
    why_ctx c = { st, { 0 } };
    istate_note(st, index_path, why_unreadable, &c);
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

void worker_request_begin(worker *w)
{
    w->checked = 0;
}

seek_status worker_fresh_db(worker *w)
{
    unsigned gen = atomic_load(&generation);
    if (w->db && w->checked && w->generation == gen)
        return w->format;
    if (w->db && w->generation != gen) {
        xap_db_close(w->db);
        w->db = NULL;
    }
    uint64_t now = now_ms();
    fresh_verdict v = fresh_look(&w->fresh, now);
    if (w->db && v == FRESH_SAME) {
        w->checked = 1;
        return noted(w->format);
    }
    /* Not reopen(): that reads the version file by its path but keeps the
     * tables already open, which would mix two databases if the folder was
     * replaced whole. */
    if (w->db && v == FRESH_CHANGED) {
        xap_db_close(w->db);
        w->db = NULL;
    }
    int moved = 1;
    seek_status st;
    if (!w->db) {
        w->generation = gen;
        st = xap_db_open(index_path, &w->db);
    } else {
        st = xap_db_reopen(w->db, &moved);
    }
    if (st == SEEK_OK && moved)
        st = check_format(w);
    /* Only a check that went through may vouch for the next requests. */
    w->checked = st == SEEK_OK;
    if (st == SEEK_OK)
        fresh_note(&w->fresh, now);
    else
        fresh_expire(&w->fresh);
    return noted(st == SEEK_OK ? w->format : st);
}

/* A reader whose remote shard went away stays broken: drop it. If it was
 * an old connection that broke, try once more with a fresh one (the shard
 * may have come back since); a fresh connection that fails is final, so a
 * hung shard costs one timeout, not two. */
seek_status worker_run(worker *w, worker_fn fn, void *ctx)
{
    seek_status st = SEEK_OK;
    for (int round = 0; round <= WORKER_MAX_RETRIES; round++) {
        int fresh = w->db == NULL;
        st = worker_fresh_db(w);
        if (st == SEEK_OK && (st = fn(w->db, ctx)) == SEEK_IO) {
            /* A table that cannot be read: the next request opens afresh, so a
             * repaired index (seekd-index --rebuild) is picked up. */
            xap_db_close(w->db);
            w->db = NULL;
            noted(st);
            break;
        }
        if (st == SEEK_NETWORK) {
            xap_db_close(w->db);
            w->db = NULL;
            if (fresh)
                break;
            continue;
        }
        if (st != SEEK_MODIFIED)
            break;
        /* The revision read was overwritten, so a newer one exists even if
         * the version file looks the same (a reused inode). */
        fresh_expire(&w->fresh);
        w->checked = 0;
    }
    return st;
}

seek_status worker_run_fresh(worker_fn fn, void *ctx)
{
    seek_status st = SEEK_OK;
    for (int round = 0; round <= WORKER_MAX_RETRIES; round++) {
        worker tmp = { .db = NULL };
        st = xap_db_open(index_path, &tmp.db);
        if (st == SEEK_OK)
            st = check_format(&tmp);
        if (st == SEEK_OK)
            st = tmp.format;
        if (st == SEEK_OK)
            st = fn(tmp.db, ctx);
        xap_db_close(tmp.db);
        if (st != SEEK_MODIFIED)
            break;
    }
    return noted(st);
}
