/* The shared state is one atomic word, read on every request and written
 * (under a lock, with the log line) only when it changes. */
#include "indexstate.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

#define STATE_UNKNOWN (-1)

static atomic_int state = STATE_UNKNOWN;
/* When the disk was last looked at (see recheck_due), in ms of now_ms's clock. */
static _Atomic uint64_t looked_ms;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* Under lock: the index on disk when a read failed (IO), and why. */
static struct stat damaged_at;
static char damage[256];

/* What names the index's commit on disk: its version file, rewritten by
 * every commit, else a stub's (rewritten by every run), else the folder. */
static void signature(const char *index_path, struct stat *st)
{
    static const char *const names[] = { "/iamglass", "/XAPIANDB", "" };
    char path[4200];
    memset(st, 0, sizeof *st);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s%s", index_path, names[i]);
        if (stat(path, st) == 0)
            return;
    }
}

static int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size
           && a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

static int index_state(seek_status st)
{
    switch (st) {
    case SEEK_OK: case SEEK_NOT_FOUND: case SEEK_STALE: case SEEK_UNBUILT: case SEEK_IO:
    case SEEK_NETWORK: case SEEK_XAPIAN:
        return 1;
    default:
        return 0;
    }
}

/* A first build under way and one that was killed are two states: the
 * second is news to the log even after the first was told. */
#define STATE_INTERRUPTED 1000

/* Some states last until the disk says otherwise: a damaged index until the
 * index on disk is another one, an index with no documents until its lock is
 * taken or let go. While they last, every request would look at the disk
 * (up to three stat()s, or an open and a fcntl) only to find it as it was;
 * one thread looks at most once per ISTATE_RECHECK_MS instead, which delays
 * telling a repair by no more than that. */
static int recheck_due(uint64_t now_ms)
{
    uint64_t last = atomic_load(&looked_ms);
    if (now_ms >= last && now_ms - last < ISTATE_RECHECK_MS)
        return 0;
    /* One thread of those arriving at once; a clock read before another
     * thread's look (now_ms < last) looks again, which is only a stat(). */
    return atomic_compare_exchange_strong(&looked_ms, &last, now_ms);
}

void istate_note_at(seek_status st, const char *index_path, uint64_t now_ms,
                    istate_message_fn message, void *ctx)
{
    if (!index_state(st))
        return;
    int cur = atomic_load(&state);
    int lasting = (cur == SEEK_IO && st == SEEK_OK)
                  || (st == SEEK_UNBUILT && (cur == SEEK_UNBUILT || cur == STATE_INTERRUPTED));
    if (lasting && !recheck_due(now_ms))
        return;
    int now = st == SEEK_UNBUILT && !istate_writer_active(index_path) ? STATE_INTERRUPTED
                                                                       : (int)st;
    if (cur == now)
        return;
    struct stat here;
    signature(index_path, &here);
    pthread_mutex_lock(&lock);
    int was = atomic_load(&state);
    /* A damaged index may still open, or answer from a thread's cache, while
     * other reads fail: it counts as readable again only once the index on
     * disk is another (a commit, a rebuild), or the log would flap. */
    int sticky = was == SEEK_IO && st == SEEK_OK && same_file(&here, &damaged_at);
    if (was != now && !sticky) {
        atomic_store(&state, now);
        atomic_store(&looked_ms, now_ms);
        if (st == SEEK_IO)
            damaged_at = here;
        /* A daemon that starts on a good index says nothing of it: only a
         * change from or to a state it cannot serve is news. */
        if (st != SEEK_OK) {
            snprintf(damage, sizeof damage, "%s", message ? message(ctx) : "");
            log_event("index_unavailable", "index=%s status=%s error=\"%s\"", index_path,
                      status_code(st), damage);
        } else if (was != STATE_UNKNOWN) {
            log_event("index_available", "index=%s", index_path);
        }
    }
    pthread_mutex_unlock(&lock);
}

void istate_note(seek_status st, const char *index_path, istate_message_fn message, void *ctx)
{
    /* The coarse clock costs no system call; the interval is tens of ms. */
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &t);
    istate_note_at(st, index_path, (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000,
                   message, ctx);
}

int istate_damaged(char *why, size_t cap)
{
    if (atomic_load(&state) != SEEK_IO)
        return 0;
    pthread_mutex_lock(&lock);
    int damaged = atomic_load(&state) == SEEK_IO;
    if (damaged)
        snprintf(why, cap, "%s", damage);
    pthread_mutex_unlock(&lock);
    return damaged;
}

int istate_writer_active(const char *index_path)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/flintlock", index_path);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    /* F_GETLK sees a lock of another process, whether Xapian took it as an
     * open file description lock or a classic one. */
    struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
    int busy = fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
    close(fd);
    return busy;
}

void istate_unbuilt_message(const char *index_path, char *out, size_t cap)
{
    if (istate_writer_active(index_path))
        snprintf(out, cap, "the index at %s is being built for the first time; it is served "
                           "as soon as seekd-index finishes", index_path);
    else
        snprintf(out, cap, "the index at %s is empty: its first build was interrupted before "
                           "it finished (seekd-index was stopped or killed); run seekd-index "
                           "again to build it", index_path);
}
