/* seekd-index: brings the index in line with one or more corpus folders.
 * Incremental: unchanged files are skipped, changed ones replaced, vanished
 * ones removed, all in one transaction, so a serving daemon sees the old
 * index or the new one, never a half-made one. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "document.h"
#include "entity/gazetteer.h"
#include "paths.h"
#include "text/decode.h"
#include "walk.h"
#include "xap/prefix.h"
#include "xap/xap.h"

#define EXIT_FAILED_FILES 1
#define EXIT_FATAL 2
#define EXIT_LOCKED 75          /* EX_TEMPFAIL: cron may simply try later */
#define MAX_FILE_BYTES (256L << 20)

typedef struct options {
    char index[4096];
    char gazetteer[4096];
    int full, quiet;
    double wait_seconds;
} options;

typedef struct counts {
    size_t added, updated, removed, unchanged, failed;
} counts;

static void usage(FILE *f)
{
    fputs("usage: seekd-index [--index DIR] [--full] [--wait SECONDS] [-q] CORPUS_DIR...\n"
          "Indexes every .txt file below the CORPUS_DIRs (document id: the path below\n"
          "its folder, without .txt). Incremental unless --full.\n"
          "  --index DIR      the index (default: $SEEKD_INDEX or ~/.local/share/seekd/index)\n"
          "  --full           reindex every file, even unchanged ones\n"
          "  --wait SECONDS   if another indexer holds the index, wait this long (default 0)\n"
          "  --gazetteer FILE the entity list (default: $SEEKD_GAZETTEER or data/gazetteer.tsv)\n"
          "  -q, --quiet      print nothing but errors\n"
          "Exit: 0 ok, 1 some files failed, 2 fatal error, 75 index busy.\n", f);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int parse_args(int argc, char **argv, options *o)
{
    static const struct option longs[] = {
        { "index", required_argument, 0, 'i' }, { "full", no_argument, 0, 'f' },
        { "quiet", no_argument, 0, 'q' }, { "wait", required_argument, 0, 'w' },
        { "gazetteer", required_argument, 0, 'g' }, { "help", no_argument, 0, 'h' },
        { 0, 0, 0, 0 },
    };
    memset(o, 0, sizeof *o);
    if (paths_index(o->index, sizeof o->index) < 0
        || paths_gazetteer(o->gazetteer, sizeof o->gazetteer) < 0) {
        fprintf(stderr, "seekd-index: default index path too long\n");
        return -1;
    }
    int c;
    while ((c = getopt_long(argc, argv, "i:fqw:h", longs, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'i':
            if (snprintf(o->index, sizeof o->index, "%s", optarg) >= (int)sizeof o->index) {
                fprintf(stderr, "seekd-index: --index path too long\n");
                return -1;
            }
            break;
        case 'g':
            if (snprintf(o->gazetteer, sizeof o->gazetteer, "%s", optarg) >= (int)sizeof o->gazetteer) {
                fprintf(stderr, "seekd-index: --gazetteer path too long\n");
                return -1;
            }
            break;
        case 'f': o->full = 1; break;
        case 'q': o->quiet = 1; break;
        case 'w':
            o->wait_seconds = strtod(optarg, &end);
            if (end == optarg || *end || o->wait_seconds < 0) {
                fprintf(stderr, "seekd-index: --wait takes a number of seconds, not '%s'\n", optarg);
                return -1;
            }
            break;
        case 'h': usage(stdout); exit(0);
        default: usage(stderr); return -1;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "seekd-index: name at least one corpus folder\n");
        usage(stderr);
        return -1;
    }
    return 0;
}

static seek_status open_writer(const options *o, xap_wdb **w)
{
    double deadline = now_seconds() + o->wait_seconds;
    for (;;) {
        seek_status st = xap_wdb_open(o->index, XAP_CREATE, w);
        if (st != SEEK_LOCKED || now_seconds() >= deadline)
            return st;
        struct timespec nap = { 0, 100 * 1000 * 1000 };
        nanosleep(&nap, NULL);
    }
}

static char *read_file(const char *path, size_t *len)
{
    /* O_NONBLOCK: a file swapped for a FIFO since the walk must not hang us. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > MAX_FILE_BYTES) {
        int e = errno;
        close(fd);
        errno = e;
        if (S_ISREG(st.st_mode) && st.st_size > MAX_FILE_BYTES)
            errno = EFBIG;
        else if (!S_ISREG(st.st_mode))
            errno = EINVAL;
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            /* The file grew while we read it: take what is there now. */
            char *grown = cap < (size_t)MAX_FILE_BYTES ? realloc(buf, cap * 2) : NULL;
            if (!grown) {
                free(buf);
                buf = NULL;
                errno = EFBIG;
                break;
            }
            buf = grown;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            buf = NULL;
            errno = e;
            break;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    *len = n;
    return buf;
}

static long long stored_number(xap_wdb *w, const char *idterm, int slot, int *found)
{
    char *v = NULL;
    seek_status st = xap_wdb_value(w, idterm, slot, &v);
    *found = st == SEEK_OK;
    long long n = v ? strtoll(v, NULL, 10) : -1;
    free(v);
    return n;
}

/* Indexes one file if it changed. Returns OK, or the status of a fatal index
 * error; a file that cannot be read is counted as failed, not fatal. */
static seek_status index_one(xap_wdb *w, xap_stem *stem, const gazetteer *gaz,
                             const walk_file *f, const options *o, counts *c)
{
    char idterm[512];
    if (snprintf(idterm, sizeof idterm, "%s%s", PREFIX_ID, f->id) >= 240) {
        fprintf(stderr, "seekd-index: %s: id too long (at most 239 bytes)\n", f->path);
        c->failed++;
        return SEEK_OK;
    }
    /* Ids travel in JSON, which holds only UTF-8: rename such files. */
    if (text_utf8_prefix(f->id, strlen(f->id)) != strlen(f->id)) {
        fprintf(stderr, "seekd-index: %s: the file name is not valid UTF-8; rename it\n", f->path);
        c->failed++;
        return SEEK_OK;
    }
    int found = 0;
    if (!o->full) {
        long long size = stored_number(w, idterm, SLOT_SIZE, &found);
        long long mtime = found ? stored_number(w, idterm, SLOT_MTIME, &found) : -1;
        if (found && size == (long long)f->size && mtime == f->mtime_ns) {
            c->unchanged++;
            return SEEK_OK;
        }
    } else {
        char *v = NULL;
        found = xap_wdb_value(w, idterm, SLOT_SIZE, &v) == SEEK_OK;
        free(v);
    }
    size_t len;
    char *bytes = read_file(f->path, &len);
    if (!bytes) {
        fprintf(stderr, "seekd-index: %s: %s\n", f->path, strerror(errno));
        c->failed++;
        return SEEK_OK;
    }
    doc_meta meta = { f->id, (long long)len, f->mtime_ns, document_hash(bytes, len) };
    int same_content = 0;
    if (found && !o->full) {
        char *h = NULL, hex[17];
        snprintf(hex, sizeof hex, "%016" PRIx64, meta.hash);
        same_content = xap_wdb_value(w, idterm, SLOT_HASH, &h) == SEEK_OK && !strcmp(h, hex);
        free(h);
    }
    xap_doc *doc = NULL;
    seek_status st = document_build(bytes, len, &meta, stem, gaz, &doc);
    free(bytes);
    if (st == SEEK_OK)
        st = xap_wdb_replace(w, idterm, doc);
    xap_doc_free(doc);
    if (st != SEEK_OK)
        return st;
    /* A touched but identical file is rewritten only to store its new mtime,
     * so the next run can skip it without reading it. */
    if (same_content)
        c->unchanged++;
    else if (found)
        c->updated++;
    else
        c->added++;
    return SEEK_OK;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Removes the documents whose files are gone. `seen` is sorted; documents
 * below folders the walk could not read are kept. */
static seek_status remove_missing(xap_wdb *w, char **seen, size_t nseen, const walk_list *files,
                                  counts *c)
{
    char **terms;
    size_t n;
    seek_status st = xap_wdb_terms(w, PREFIX_ID, &terms, &n);
    if (st != SEEK_OK)
        return st;
    size_t plen = strlen(PREFIX_ID);
    for (size_t i = 0; i < n && st == SEEK_OK; i++) {
        const char *id = terms[i] + plen;
        if (!bsearch(&id, seen, nseen, sizeof *seen, by_string) && !walk_unread(files, id)) {
            st = xap_wdb_delete(w, terms[i]);
            c->removed++;
        }
    }
    xap_strv_free(terms, n);
    return st;
}

static void progress(size_t done, size_t total)
{
    int width = 40, filled = total ? (int)(done * (size_t)width / total) : width;
    fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled,
            "########################################", width - filled, "", done, total);
    fflush(stderr);
}

static int fatal(const char *what, seek_status st)
{
    fprintf(stderr, "seekd-index: %s: %s (%s)\n", what, xap_errmsg(), status_code(st));
    return EXIT_FATAL;
}

static int run(const options *o, const gazetteer *gaz, char **roots, size_t nroots)
{
    double t0 = now_seconds();
    walk_list files = { 0 };
    size_t walk_errors = 0;
    for (size_t r = 0; r < nroots; r++) {
        if (walk_corpus(roots[r], &files, &walk_errors) < 0) {
            fprintf(stderr, "seekd-index: %s: %s\n", roots[r], strerror(errno));
            walk_list_fini(&files);
            return EXIT_FATAL;
        }
    }
    char **seen = malloc((files.n + 1) * sizeof *seen);
    if (!seen) {
        walk_list_fini(&files);
        fprintf(stderr, "seekd-index: out of memory\n");
        return EXIT_FATAL;
    }
    for (size_t i = 0; i < files.n; i++)
        seen[i] = files.files[i].id;
    qsort(seen, files.n, sizeof *seen, by_string);
    counts c = { .failed = walk_errors };
    for (size_t i = 1; i < files.n; i++)
        if (!strcmp(seen[i], seen[i - 1])) {
            fprintf(stderr, "seekd-index: id '%s' appears in two corpus folders; "
                            "the last one wins\n", seen[i]);
            c.failed++;
        }

    if (paths_make_parents(o->index, 0700) < 0) {
        fprintf(stderr, "seekd-index: cannot create the folders above %s: %s\n",
                o->index, strerror(errno));
        free(seen);
        walk_list_fini(&files);
        return EXIT_FATAL;
    }
    xap_wdb *w = NULL;
    xap_stem *stem = NULL;
    int rc = 0;
    seek_status st = open_writer(o, &w);
    if (st == SEEK_LOCKED) {
        fprintf(stderr, "seekd-index: %s is being updated by another indexer; "
                        "try again later or pass --wait SECONDS\n", o->index);
        rc = EXIT_LOCKED;
    } else if (st != SEEK_OK) {
        rc = fatal(o->index, st);
    } else if ((st = xap_stem_new("english", &stem)) != SEEK_OK
               || (st = xap_wdb_begin(w)) != SEEK_OK) {
        rc = fatal("cannot start the update", st);
    }
    int bar = !o->quiet && isatty(STDERR_FILENO) && files.n > 0;
    for (size_t i = 0; rc == 0 && i < files.n; i++) {
        if ((st = index_one(w, stem, gaz, &files.files[i], o, &c)) != SEEK_OK)
            rc = fatal(files.files[i].path, st);
        if (bar && (i % 64 == 0 || i + 1 == files.n))
            progress(i + 1, files.n);
    }
    if (bar)
        fputc('\n', stderr);
    if (rc == 0 && (st = remove_missing(w, seen, files.n, &files, &c)) != SEEK_OK)
        rc = fatal("cannot remove vanished documents", st);
    double secs = now_seconds() - t0;
    if (rc == 0) {
        char summary[512];
        snprintf(summary, sizeof summary,
                 "{\"time\":%lld,\"added\":%zu,\"updated\":%zu,\"removed\":%zu,"
                 "\"unchanged\":%zu,\"failed\":%zu,\"seconds\":%.3f}",
                 (long long)time(NULL), c.added, c.updated, c.removed, c.unchanged,
                 c.failed, secs);
        if ((st = xap_wdb_set_metadata(w, META_LAST_RUN, summary)) != SEEK_OK
            || (st = xap_wdb_commit(w)) != SEEK_OK)
            rc = fatal("cannot commit", st);
    }
    xap_stem_free(stem);
    xap_wdb_close(w);
    free(seen);
    walk_list_fini(&files);
    if (rc)
        return rc;
    secs = now_seconds() - t0;
    if (!o->quiet)
        printf("%zu added, %zu updated, %zu removed, %zu unchanged, %zu failed in %.2f s\n",
               c.added, c.updated, c.removed, c.unchanged, c.failed, secs);
    return c.failed ? EXIT_FAILED_FILES : 0;
}

int main(int argc, char **argv)
{
    options o;
    if (parse_args(argc, argv, &o) < 0)
        return EXIT_FATAL;
    gazetteer *gaz = NULL;
    char err[512];
    if (gaz_load(o.gazetteer, &gaz, err, sizeof err) != SEEK_OK) {
        fprintf(stderr, "seekd-index: gazetteer: %s\n", err);
        return EXIT_FATAL;
    }
    int rc = run(&o, gaz, argv + optind, (size_t)(argc - optind));
    gaz_free(gaz);
    return rc;
}
