/* A reader: one thread's handles on the index, its Xapian database and its
 * word forms (Xapian objects must not be shared between threads), reached
 * through a thread-local, created on first use and freed at exit. A reader
 * is not a thread: whichever thread runs a loop answers with its own reader.
 * What the readers of one index share is their serve context (serve_ctx):
 * the daemon makes one; a test makes its own, and calls the ops (ops.h)
 * with no daemon running. */
#ifndef SEEKD_DAEMON_READER_H
#define SEEKD_DAEMON_READER_H

#include <pthread.h>
#include <stdatomic.h>

#include "entity/gazetteer.h"
#include "freshness.h"
#include "morph/morph.h"
#include "proto/proto.h"
#include "xap/xap.h"

#define READER_MAX_RETRIES 5   /* reopen-and-retry rounds on DatabaseModifiedError */
/* How long an unchanged version file is trusted before a real reopen. */
#define READER_TRUST_MS 1000

/* What every reader of one index shares: set before serving and read-only
 * after, but for the generation, bumped to make every reader reopen. */
typedef struct serve_ctx {
    char *index_path;
    const gazetteer *gaz;       /* may be NULL; owned by the caller */
    double time_limit;          /* seconds after which a search stops counting
                                   every match (0: never) */
    unsigned long total_bound;  /* matches a search counts exactly unless asked for
                                   every one (0: always every one); set after init */
    atomic_uint generation;
    pthread_mutex_t lock;       /* guards `readers` */
    struct reader *readers;     /* every reader made, freed by serve_ctx_fini */
} serve_ctx;

typedef struct reader {
    serve_ctx *ctx;
    pthread_t owner;        /* the thread it belongs to */
    xap_db *db;
    morph *words;           /* word forms (morph.h) */
    unsigned generation;
    seek_status format;     /* OK, STALE (another format version) or UNBUILT (no
                               documents and no format mark: a first build) */
    freshness fresh;        /* whether db may be behind the index */
    int checked;            /* db was brought up to date for this request */
    struct reader *next;
} reader;

/* Sets up *ctx for the index at `index_path`, with `gaz` (may be NULL; the
 * caller's) and `query_ms` bounding exhaustive counting (0: none). Also
 * tells the Xapian shim which words expansion leaves out. OK or NOMEM. */
seek_status serve_ctx_init(serve_ctx *ctx, const char *index_path, const gazetteer *gaz,
                           unsigned query_ms);
/* Frees every reader of ctx. Call once no thread uses them any more. */
void serve_ctx_fini(serve_ctx *ctx);
/* Makes every reader of ctx close and reopen its index before its next
 * request; safe from any thread. */
void serve_ctx_reopen_all(serve_ctx *ctx);

/* This thread's reader of ctx, created on first use; NULL when memory runs
 * out. */
reader *reader_self(serve_ctx *ctx);
/* Frees this thread's reader of ctx, for a thread that ends before the
 * others. */
void reader_release(serve_ctx *ctx);

/* A new request begins on this reader: its first reader_fresh_db looks at
 * the index again, later ones in the same request trust that look (a
 * search reads the index twice: its words, then its answer). */
void reader_request_begin(reader *rd);

/* Brings rd->db to the latest committed revision, opening it if needed. For
 * a single glass database, one stat() of its version file stands for that
 * while the file is unchanged (for up to READER_TRUST_MS); once it changed,
 * the reader is opened afresh, so an index folder replaced whole is picked
 * up. Anything else is reopened every time. Statuses: OK, NOT_FOUND (no
 * index yet), STALE (written by another version of seekd-index), UNBUILT
 * (a first build running or interrupted), IO, NETWORK, NOMEM, XAPIAN.
 * Each outcome is noted in the shared index state (indexstate.h). */
seek_status reader_fresh_db(reader *rd);

/* Runs fn on a fresh reader, reopening and retrying when the index changes
 * under it (DatabaseModifiedError: the retry reopens even if the version
 * file looks unchanged). `fn` must undo its partial work before returning
 * MODIFIED. Returns fn's last status or why the index is unreadable. */
typedef seek_status (*reader_fn)(xap_db *db, void *arg);
seek_status reader_run(reader *rd, reader_fn fn, void *arg);

/* Runs fn once on a reader opened for this call alone, not this thread's,
 * whose tables may have been open since before the index was damaged:
 * what a health check needs. Retries on MODIFIED; notes the outcome in the
 * shared index state. Returns fn's status or why the index is unreadable. */
seek_status reader_run_fresh(serve_ctx *ctx, reader_fn fn, void *arg);

#endif
