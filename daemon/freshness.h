/* Has the index changed since I last looked? For an index that is one local
 * glass database, one stat() of its version file answers that, where
 * Xapian's reopen() costs an open, reads and a close. Glass writes that file
 * anew at each commit and renames it into place, so every commit gives it
 * another inode and ctime, and an index folder swapped in whole brings a file
 * of its own. Leaves out stubs and sharded folders (no version file there). */
#ifndef SEEKD_DAEMON_FRESHNESS_H
#define SEEKD_DAEMON_FRESHNESS_H

#include <stdint.h>
#include <sys/types.h>
#include <time.h>

/* Who the version file is: equal signatures mean, most probably, the same
 * commit. Not surely: inode numbers are reused and timestamps are coarse. */
typedef struct fresh_sig {
    int present;            /* stat() found the file; the rest is 0 if not */
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtim, ctim;
} fresh_sig;

typedef struct freshness {
    char *path;             /* malloc'd: INDEX/iamglass */
    uint64_t max_age_ms;    /* a real check older than this is due again */
    fresh_sig looked;       /* what the last fresh_look saw */
    fresh_sig noted;        /* what the reader reflects (see fresh_note) */
    uint64_t noted_ms;      /* when that real check was */
    int known;              /* there has been a real check since init */
    int due;                /* fresh_expire was called since */
} freshness;

typedef enum fresh_verdict {
    FRESH_SAME,     /* the file of the last real check, which is recent: nothing to do */
    FRESH_DUE,      /* the same file, but the real check is old or expired: reopen */
    FRESH_CHANGED,  /* another file, or it came or went: open afresh */
    FRESH_ABSENT,   /* no file now nor at the last real check: a stub, shards or no index */
} fresh_verdict;

/* Watches the version file of the index at `index_path`; a real check is due
 * again `max_age_ms` after the last one. Returns 0, or -1 when memory runs
 * out. Release with fresh_fini. */
int fresh_init(freshness *f, const char *index_path, uint64_t max_age_ms);
void fresh_fini(freshness *f);

/* Stats the version file (one system call) and compares it with the one of
 * the last real check. `now_ms` is any monotonic clock in milliseconds, the
 * same for every call. Look before opening or reopening, so that what is
 * noted is never newer than what the reader sees. */
fresh_verdict fresh_look(freshness *f, uint64_t now_ms);

/* After a successful open or reopen that followed fresh_look: the reader
 * reflects what that look saw, as of `now_ms` (the look's time). */
void fresh_note(freshness *f, uint64_t now_ms);

/* The next look says DUE (or CHANGED) however recent the last real check:
 * after a failed check, or when the reader is known to be behind. */
void fresh_expire(freshness *f);

#endif
