/* Batches go to writing threads ("lanes") in turn: batch k to lane k % n.
 * Each lane owns the scratch database of the batch it is writing and a
 * queue of documents; the submitting thread decides where every document
 * goes, so it alone knows when an id comes again in a later batch, and
 * the earlier copy is deleted before the merge. */
#include "bulk.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <ftw.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grow.h"
#include "idmap.h"

#define LANE_QUEUE 64   /* documents waiting per lane: bounds memory */

typedef struct item {
    char *idterm;       /* NULL: the batch is complete */
    xap_doc *doc;
    unsigned batch;
} item;

typedef struct lane {
    bulk *b;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;  /* the queue gained an item or lost one */
    item q[LANE_QUEUE];
    size_t head, tail;
    int quit;
} lane;

typedef struct stale_copy {
    unsigned batch;     /* a batch holding an id that a later batch holds again */
    char *idterm;
} stale_copy;

struct bulk {
    char *index;        /* the index's real path (a link to it stays a link) */
    char *dir;          /* INDEX.build: the batches and the merged database */
    lane *lanes;
    unsigned nlanes, started, batch_docs;
    unsigned fanin;             /* the most databases one compaction reads */
    unsigned part_batch;        /* xap_wdb_set_part_batch */
    unsigned batch, in_batch;   /* the batch being filled, documents in it */
    idmap ids;                  /* id term -> the batch holding it */
    stale_copy *stale;
    size_t nstale, stale_cap;
    pthread_mutex_t err_mu;
    seek_status st;             /* the first failure, on any thread */
    char errmsg[512];
};

__attribute__((format(printf, 3, 4)))
static seek_status set_error(bulk *b, seek_status st, const char *fmt, ...)
{
    pthread_mutex_lock(&b->err_mu);
    if (b->st == SEEK_OK) {
        va_list ap;
        va_start(ap, fmt);
        b->st = st;
        vsnprintf(b->errmsg, sizeof b->errmsg, fmt, ap);
        va_end(ap);
    }
    pthread_mutex_unlock(&b->err_mu);
    return st;
}

static seek_status first_error(bulk *b)
{
    pthread_mutex_lock(&b->err_mu);
    seek_status st = b->st;
    pthread_mutex_unlock(&b->err_mu);
    return st;
}

const char *bulk_errmsg(const bulk *b)
{
    return b->errmsg;
}

static void batch_path(const bulk *b, unsigned batch, char *path, size_t cap)
{
    snprintf(path, cap, "%s/batch%u", b->dir, batch);
}

/* ---- Lanes ---- */

/* The batch's postings were freed, but glibc keeps freed memory in each
 * thread's arena, and the next batch, written by another lane or with other
 * sizes, seldom fits the same holes: without a trim the process grows for
 * minutes to well above the batches it holds at once. AddressSanitizer
 * replaces malloc but not malloc_trim, which would then walk glibc arenas
 * never set up, racing the other lanes (a crash): its heap has nothing of
 * glibc's to give back. */
static void give_back_freed_memory(void)
{
#ifndef __SANITIZE_ADDRESS__
    malloc_trim(0);
#endif
}

/* Writes one item into the lane's open batch, opening it first if needed;
 * the batch's end commits and closes it. */
static seek_status lane_write(bulk *b, xap_wdb **w, const item *it)
{
    seek_status st = SEEK_OK;
    if (!*w) {
        char path[4200];
        batch_path(b, it->batch, path, sizeof path);
        if ((st = xap_wdb_open(path, XAP_SCRATCH, w)) != SEEK_OK)
            return st;
        xap_wdb_set_part_batch(*w, b->part_batch);
    }
    if (it->idterm)
        return xap_wdb_replace(*w, it->idterm, it->doc);
    st = xap_wdb_commit(*w);
    xap_wdb_close(*w);
    *w = NULL;
    give_back_freed_memory();
    return st;
}

static void *lane_loop(void *arg)
{
    lane *l = arg;
    xap_wdb *w = NULL;
    for (;;) {
        pthread_mutex_lock(&l->mu);
        while (l->head == l->tail && !l->quit)
            pthread_cond_wait(&l->cv, &l->mu);
        if (l->head == l->tail) {
            pthread_mutex_unlock(&l->mu);
            break;
        }
        item it = l->q[l->head++ % LANE_QUEUE];
        pthread_cond_broadcast(&l->cv);
        pthread_mutex_unlock(&l->mu);
        /* After a failure the lane only drains its queue: the run is lost. */
        seek_status st = first_error(l->b) == SEEK_OK ? lane_write(l->b, &w, &it) : SEEK_OK;
        if (st != SEEK_OK)
            set_error(l->b, st, "%s", xap_errmsg());
        free(it.idterm);
        xap_doc_free(it.doc);
    }
    xap_wdb_close(w);   /* only a failed run leaves a batch open */
    return NULL;
}

static void lane_push(lane *l, item it)
{
    pthread_mutex_lock(&l->mu);
    while (l->tail - l->head == LANE_QUEUE)
        pthread_cond_wait(&l->cv, &l->mu);
    l->q[l->tail++ % LANE_QUEUE] = it;
    pthread_cond_broadcast(&l->cv);
    pthread_mutex_unlock(&l->mu);
}

/* Lets every lane write what it holds, then joins it. */
static void stop_lanes(bulk *b)
{
    for (unsigned i = 0; i < b->started; i++) {
        lane *l = &b->lanes[i];
        pthread_mutex_lock(&l->mu);
        l->quit = 1;
        pthread_cond_broadcast(&l->cv);
        pthread_mutex_unlock(&l->mu);
    }
    for (unsigned i = 0; i < b->started; i++) {
        pthread_join(b->lanes[i].thread, NULL);
        pthread_cond_destroy(&b->lanes[i].cv);
        pthread_mutex_destroy(&b->lanes[i].mu);
    }
    b->started = 0;
}

/* ---- The build folder ---- */

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)type, (void)ftw;
    return remove(path) < 0 && errno != ENOENT ? -1 : 0;
}

/* Removes `dir` and everything below it; a missing one is fine. */
static int remove_tree(const char *dir)
{
    struct stat st;
    if (lstat(dir, &st) < 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* The build folder of the index at `index` (malloc'd), beside its real
 * path; NULL with errno set. */
static char *build_dir(const char *index, char **real)
{
    char *dir = NULL;
    *real = realpath(index, NULL);
    if (*real && asprintf(&dir, "%s.build", *real) < 0) {
        dir = NULL;
        errno = ENOMEM;
    }
    return dir;
}

void bulk_clear(const char *index)
{
    char *real, *dir = build_dir(index, &real);
    if (dir)
        remove_tree(dir);
    free(dir);
    free(real);
}

bulk *bulk_new(const char *index, unsigned threads, unsigned batch_docs, char *err, size_t cap)
{
    bulk *b = calloc(1, sizeof *b);
    if (!b || !(b->lanes = calloc(threads ? threads : 1, sizeof *b->lanes))) {
        free(b);
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&b->err_mu, NULL);
    b->nlanes = threads ? threads : 1;
    b->batch_docs = batch_docs ? batch_docs : BULK_BATCH_DOCS;
    b->fanin = BULK_MERGE_FANIN;
    b->part_batch = XAP_PART_BATCH;
    if (!(b->dir = build_dir(index, &b->index))) {
        snprintf(err, cap, "%s: %s", index, strerror(errno));
        bulk_free(b);
        return NULL;
    }
    /* The caller holds the index: a build folder there is a killed run's. */
    if (remove_tree(b->dir) < 0 || mkdir(b->dir, 0700) < 0) {
        snprintf(err, cap, "cannot make %s: %s", b->dir, strerror(errno));
        free(b->dir);
        b->dir = NULL;   /* not ours to remove */
        bulk_free(b);
        return NULL;
    }
    for (unsigned i = 0; i < b->nlanes; i++) {
        lane *l = &b->lanes[i];
        l->b = b;
        pthread_mutex_init(&l->mu, NULL);
        pthread_cond_init(&l->cv, NULL);
        if (pthread_create(&l->thread, NULL, lane_loop, l) != 0) {
            pthread_cond_destroy(&l->cv);
            pthread_mutex_destroy(&l->mu);
            snprintf(err, cap, "cannot start a writing thread");
            bulk_free(b);
            return NULL;
        }
        b->started++;
    }
    return b;
}

void bulk_set_part_batch(bulk *b, unsigned parts)
{
    b->part_batch = parts;
}

void bulk_set_merge_fanin(bulk *b, unsigned fanin)
{
    b->fanin = fanin < BULK_MIN_MERGE_FANIN ? BULK_MIN_MERGE_FANIN : fanin;
}

/* ---- Adding ---- */

static void end_batch(bulk *b)
{
    lane_push(&b->lanes[b->batch % b->nlanes], (item){ NULL, NULL, b->batch });
    b->batch++;
    b->in_batch = 0;
}

/* Remembers that `batch` holds a copy of idterm that a later one replaces. */
static int note_stale(bulk *b, unsigned batch, const char *idterm)
{
    stale_copy *grown = grow_to(b->stale, &b->stale_cap, b->nstale + 1, sizeof *b->stale, 16);
    if (!grown)
        return -1;
    b->stale = grown;
    if (!(b->stale[b->nstale].idterm = strdup(idterm)))
        return -1;
    b->stale[b->nstale++].batch = batch;
    return 0;
}

seek_status bulk_add(bulk *b, const char *idterm, xap_doc *doc)
{
    seek_status st = first_error(b);
    if (st != SEEK_OK) {
        xap_doc_free(doc);
        return st;
    }
    unsigned was;
    item it = { strdup(idterm), doc, b->batch };
    int had = it.idterm ? idmap_put(&b->ids, idterm, b->batch, &was) : -1;
    /* The same batch replaces its own copy; an earlier one's goes at the end. */
    if (had < 0 || (had == 1 && was != b->batch && note_stale(b, was, idterm) < 0)) {
        free(it.idterm);
        xap_doc_free(doc);
        return set_error(b, SEEK_NOMEM, "out of memory");
    }
    lane_push(&b->lanes[b->batch % b->nlanes], it);
    if (++b->in_batch == b->batch_docs)
        end_batch(b);
    return SEEK_OK;
}

/* ---- Finishing ---- */

static int by_batch(const void *x, const void *y)
{
    unsigned a = ((const stale_copy *)x)->batch, b = ((const stale_copy *)y)->batch;
    return (a > b) - (a < b);
}

/* Deletes the copies that later batches replaced, a batch at a time. */
static seek_status drop_stale(bulk *b)
{
    if (b->nstale)
        qsort(b->stale, b->nstale, sizeof *b->stale, by_batch);
    seek_status st = SEEK_OK;
    for (size_t i = 0; i < b->nstale && st == SEEK_OK;) {
        unsigned batch = b->stale[i].batch;
        char path[4200];
        xap_wdb *w;
        batch_path(b, batch, path, sizeof path);
        if ((st = xap_wdb_open(path, XAP_CREATE, &w)) != SEEK_OK)
            break;
        for (; i < b->nstale && b->stale[i].batch == batch && st == SEEK_OK; i++)
            st = xap_wdb_delete(w, b->stale[i].idterm);
        if (st == SEEK_OK)
            st = xap_wdb_commit(w);
        xap_wdb_close(w);
    }
    return st;
}

/* Compacts the `n` databases at `paths` into `dest` and removes them: they
 * are no longer needed, and the disk they hold is freed before the next. */
static seek_status merge_into(char **paths, size_t n, const char *dest)
{
    seek_status st = xap_compact((const char *const *)paths, n, dest);
    for (size_t i = 0; i < n && st == SEEK_OK; i++)
        if (remove_tree(paths[i]) < 0)
            st = SEEK_IO;
    return st;
}

/* Brings the `*n` databases at `paths` (malloc'd names, in document order)
 * down to the fan-in by merging runs of neighbours, so that the last
 * compaction never holds more than fan-in databases open: each costs its
 * cursors and block buffers, hundreds of them more than a batch. Only as
 * many databases as needed are merged before the last compaction, the
 * first ones, so most documents go through one compaction only; the order,
 * and with it the document numbers, stay as one compaction of all would
 * make them. */
static seek_status narrow(bulk *b, char **paths, size_t *n)
{
    seek_status st = SEEK_OK;
    for (unsigned level = 0; *n > b->fanin && st == SEEK_OK; level++) {
        size_t excess = *n - b->fanin, kept = 0, i = 0;
        while (i < *n && st == SEEK_OK) {
            size_t run = excess + 1 < b->fanin ? excess + 1 : b->fanin;
            if (run > *n - i)
                run = *n - i;   /* past fan-in squared: another level follows */
            if (run < 2) {
                paths[kept++] = paths[i++];
                continue;
            }
            char *dest = NULL;
            if (asprintf(&dest, "%s/merge%u.%zu", b->dir, level, kept) < 0) {
                st = SEEK_NOMEM;
                break;
            }
            st = merge_into(paths + i, run, dest);
            for (size_t k = i; k < i + run; k++)
                free(paths[k]);
            paths[kept++] = dest;
            i += run;
            excess -= run - 1;
        }
        /* The names not merged yet follow (on failure: for the caller to free). */
        for (size_t k = kept; k < kept + (*n - i); k++)
            paths[k] = paths[i + (k - kept)];
        *n = kept + (*n - i);
    }
    return st;
}

/* The merged database: every batch, compacted, with the run's metadata. */
static seek_status merge(bulk *b, const char *out, const bulk_meta *meta, size_t nmeta)
{
    char **paths = calloc(b->batch + 1, sizeof *paths);
    seek_status st = paths ? SEEK_OK : SEEK_NOMEM;
    size_t n = 0;
    for (; n < b->batch && st == SEEK_OK; n++) {
        char path[4200];
        batch_path(b, (unsigned)n, path, sizeof path);
        if (!(paths[n] = strdup(path)))
            st = SEEK_NOMEM;
    }
    if (st == SEEK_OK)
        st = narrow(b, paths, &n);
    if (st == SEEK_OK && n)
        st = xap_compact((const char *const *)paths, n, out);
    for (size_t i = 0; paths && i < n; i++)
        free(paths[i]);
    free(paths);
    xap_wdb *w = NULL;
    if (st == SEEK_OK)
        st = xap_wdb_open(out, XAP_CREATE, &w);
    for (size_t i = 0; i < nmeta && st == SEEK_OK; i++)
        st = xap_wdb_set_metadata(w, meta[i].key, meta[i].value);
    if (st == SEEK_OK)
        st = xap_wdb_commit(w);
    xap_wdb_close(w);
    return st;
}

/* Puts the database at `fresh` where the index is, in one step where the
 * file system can exchange two names. */
static int swap_in(const bulk *b, const char *fresh)
{
    if (renameat2(AT_FDCWD, fresh, AT_FDCWD, b->index, RENAME_EXCHANGE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
        return -1;
    /* No exchange here: the empty index moves aside first, so a reader may
     * find no index for a moment (it finds no documents either way). */
    char aside[4200];
    snprintf(aside, sizeof aside, "%s/old", b->dir);
    if (rename(b->index, aside) < 0)
        return -1;
    if (rename(fresh, b->index) < 0) {
        int e = errno;
        rename(aside, b->index);
        errno = e;
        return -1;
    }
    return 0;
}

seek_status bulk_finish(bulk *b, const bulk_meta *meta, size_t nmeta)
{
    if (b->in_batch && first_error(b) == SEEK_OK)
        end_batch(b);
    stop_lanes(b);
    seek_status st = first_error(b);
    if (st != SEEK_OK)
        return st;
    char out[4200];
    snprintf(out, sizeof out, "%s/merged", b->dir);
    if ((st = drop_stale(b)) != SEEK_OK || (st = merge(b, out, meta, nmeta)) != SEEK_OK)
        return set_error(b, st, "%s", xap_errmsg());
    if (swap_in(b, out) < 0)
        return set_error(b, SEEK_IO, "cannot put %s in place of %s: %s", out, b->index,
                         strerror(errno));
    return SEEK_OK;
}

void bulk_free(bulk *b)
{
    if (!b)
        return;
    stop_lanes(b);
    if (b->dir)
        remove_tree(b->dir);
    for (size_t i = 0; i < b->nstale; i++)
        free(b->stale[i].idterm);
    free(b->stale);
    idmap_fini(&b->ids);
    pthread_mutex_destroy(&b->err_mu);
    free(b->lanes);
    free(b->dir);
    free(b->index);
    free(b);
}
