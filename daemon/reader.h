/* Per-thread state of the query workers: each keeps its own Xapian reader
 * and word-form reader (Xapian objects must not be shared between threads), created
 * on first use and freed at exit. Also what all workers share read-only: the
 * index path and the gazetteer. */
#ifndef SEEKD_DAEMON_WORKER_H
#define SEEKD_DAEMON_WORKER_H

#include "entity/gazetteer.h"
#include "freshness.h"
#include "morph/morph.h"
#include "proto/proto.h"
#include "xap/xap.h"

#define WORKER_MAX_RETRIES 5   /* reopen-and-retry rounds on DatabaseModifiedError */
/* How long an unchanged version file is trusted before a real reopen. */
#define WORKER_TRUST_MS 1000

typedef struct worker {
    xap_db *db;
    morph *words;           /* word forms (morph.h) */
    unsigned generation;
    seek_status format;     /* OK, STALE (another format version) or UNBUILT (no
                               documents and no format mark: a first build) */
    freshness fresh;        /* whether db may be behind the index */
    int checked;            /* db was brought up to date for this request */
    struct worker *next;
} worker;

/* Sets what every worker shares. Call once before serving; `gaz` may be
 * NULL and is owned by the caller; `query_ms` bounds exhaustive counting. */
void workers_init(const char *index_path, const gazetteer *gaz, unsigned query_ms);
/* Seconds after which a search stops counting every match (0: never). */
double worker_time_limit(void);
/* Frees every worker's handles. Call after the worker threads are done. */
void workers_fini(void);
/* Makes every worker close and reopen its index before its next request. */
void workers_reopen_all(void);

/* This thread's worker, created on first use; NULL when memory runs out. */
worker *worker_self(void);
const gazetteer *worker_gazetteer(void);
const char *worker_index_path(void);

/* A new request begins on this worker: its first worker_fresh_db looks at
 * the index again, later ones in the same request trust that look (a
 * search reads the index twice: its words, then its answer). */
void worker_request_begin(worker *w);

/* Brings w->db to the latest committed revision, opening it if needed. For
 * a single glass database, one stat() of its version file stands for that
 * while the file is unchanged (for up to WORKER_TRUST_MS); once it changed,
 * the reader is opened afresh, so an index folder replaced whole is picked
 * up. Anything else is reopened every time. Statuses: OK, NOT_FOUND (no
 * index yet), STALE (written by another version of seekd-index), UNBUILT
 * (a first build running or interrupted), IO, NETWORK, NOMEM, XAPIAN.
 * Each outcome is noted in the shared index state (indexstate.h). */
seek_status worker_fresh_db(worker *w);

/* Runs fn on a fresh reader, reopening and retrying when the index changes
 * under it (DatabaseModifiedError: the retry reopens even if the version
 * file looks unchanged). `fn` must undo its partial work before returning
 * MODIFIED. Returns fn's last status or why the index is unreadable. */
typedef seek_status (*worker_fn)(xap_db *db, void *ctx);
seek_status worker_run(worker *w, worker_fn fn, void *ctx);

/* Runs fn once on a reader opened for this call alone, not this thread's,
 * whose tables may have been open since before the index was damaged:
 * what a health check needs. Retries on MODIFIED; notes the outcome in the
 * shared index state. Returns fn's status or why the index is unreadable. */
seek_status worker_run_fresh(worker_fn fn, void *ctx);

#endif
