/* A reader: one thread's handles on the index, its Xapian database and its
 * word forms (Xapian objects must not be shared between threads), reached
 * through a thread-local, created on first use and freed at exit. A reader
 * is not a thread: whichever thread runs a loop answers with its own reader.
 * Also what all readers share read-only: the index path and the gazetteer. */
#ifndef SEEKD_DAEMON_READER_H
#define SEEKD_DAEMON_READER_H

#include "entity/gazetteer.h"
#include "freshness.h"
#include "morph/morph.h"
#include "proto/proto.h"
#include "xap/xap.h"

#define READER_MAX_RETRIES 5   /* reopen-and-retry rounds on DatabaseModifiedError */
/* How long an unchanged version file is trusted before a real reopen. */
#define READER_TRUST_MS 1000

typedef struct reader {
    xap_db *db;
    morph *words;           /* word forms (morph.h) */
    unsigned generation;
    seek_status format;     /* OK, STALE (another format version) or UNBUILT (no
                               documents and no format mark: a first build) */
    freshness fresh;        /* whether db may be behind the index */
    int checked;            /* db was brought up to date for this request */
    struct reader *next;
} reader;

/* Sets what every reader shares. Call once before serving; `gaz` may be
 * NULL and is owned by the caller; `query_ms` bounds exhaustive counting. */
void readers_init(const char *index_path, const gazetteer *gaz, unsigned query_ms);
/* Seconds after which a search stops counting every match (0: never). */
double reader_time_limit(void);
/* Frees every reader's handles. Call after the serving threads are done. */
void readers_fini(void);
/* Makes every reader close and reopen its index before its next request. */
void readers_reopen_all(void);

/* This thread's reader, created on first use; NULL when memory runs out. */
reader *reader_self(void);
const gazetteer *reader_gazetteer(void);
const char *reader_index_path(void);

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
typedef seek_status (*reader_fn)(xap_db *db, void *ctx);
seek_status reader_run(reader *rd, reader_fn fn, void *ctx);

/* Runs fn once on a reader opened for this call alone, not this thread's,
 * whose tables may have been open since before the index was damaged:
 * what a health check needs. Retries on MODIFIED; notes the outcome in the
 * shared index state. Returns fn's status or why the index is unreadable. */
seek_status reader_run_fresh(reader_fn fn, void *ctx);

#endif
