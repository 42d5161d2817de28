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

#include "entity/gazetteer.h"
#include "layout.h"
#include "rebuild.h"
#include "morph/morph.h"
#include "shard.h"
#include "sources.h"
#include "update.h"
#include "paths.h"
#include "text/charset.h"
#include "text/decode.h"
#include "walk.h"
#include "xap/prefix.h"
#include "xap/xap.h"

#define EXIT_FAILED_FILES 1
#define EXIT_FATAL 2
#define EXIT_LOCKED 75          /* EX_TEMPFAIL: cron may simply try later */

typedef struct options {
    char index[4096];
    char gazetteer[4096];
    int full, quiet, verbose;
    char encoding[CHARSET_NAME_MAX];  /* --encoding NAME, "" to detect */
    double wait_seconds;
    unsigned shards;     /* --shards N (0: as the index is) */
    int shard;           /* --shard K, or -1 */
    unsigned batch;      /* --batch N: documents per batch of a fresh build */
    unsigned fanin;      /* --merge-fanin N: databases per compaction of a fresh build */
    unsigned part_batch; /* --part-batch N: parts of a big text per commit (0: all) */
    const char *date_fallback;  /* --date-fallback: "mtime", "none", or NULL (as the index says) */
    long long max_bytes; /* --max-file-size */
    const char *forget;  /* --forget FOLDER: remove that source's documents, index nothing */
    int rebuild;         /* --rebuild: a fresh index beside this one, swapped in */
} options;

#define PART_BATCH_MAX 1000000


static void usage(FILE *f)
{
    fputs("usage: seekd-index [--index DIR] [--shards N [--shard K]] [--full] [--wait SECONDS]\n"
          "                   [--gazetteer FILE] [--batch N] [--merge-fanin N] [--part-batch N]\n"
          "                   [--date-fallback mtime|none]\n"
          "                   [--encoding NAME] [--max-file-size SIZE] [-q] [-v] CORPUS_DIR...\n"
          "       seekd-index [--index DIR] --forget FOLDER\n"
          "       seekd-index [--index DIR] --rebuild [CORPUS_DIR...]\n"
          "Indexes the plain text (.txt), HTML (.html, .htm) and JSON Lines feed (.jsonl)\n"
          "files below the CORPUS_DIRs, whatever the case of the extension (document id:\n"
          "the path below its folder, without the extension; a feed article's: the feed's\n"
          "id and its own; an id another folder holds is refused). Incremental unless --full.\n"
          "  --index DIR      the index (default: $SEEKD_INDEX or ~/.local/share/seekd/index)\n"
          "  --shards N       split the index into N shard databases in DIR, listed by the\n"
          "                   stub DIR/XAPIANDB (seekd serves DIR as one index)\n"
          "  --shard K        with --shards N: write only shard K (0..N-1) into DIR, as\n"
          "                   one database (for a shard served from another host)\n"
          "  --full           reindex every file, even unchanged ones\n"
          "  --forget FOLDER  remove the documents of one corpus folder (a run removes\n"
          "                   vanished files only of the folders it is given)\n"
          "  --rebuild        build a fresh index beside a damaged one and swap it in\n"
          "                   (from the folders the index was made from, unless named)\n"
          "  --wait SECONDS   if another indexer holds the index, wait this long (default 0)\n"
          "  --gazetteer FILE the entity list (default: $SEEKD_GAZETTEER or data/gazetteer.tsv)\n"
          "  --batch N        a new index is written in batches of N documents, merged\n"
          "                   at the end (default 500)\n"
          "  --merge-fanin N  the most batches one compaction merges; more are merged\n"
          "                   in runs first (default 128; bounds the merge's memory)\n"
          "  --part-batch N   a big text's parts are committed N at a time (default 16;\n"
          "                   bounds the memory they take; 0: all at once)\n"
          "  --date-fallback mtime|none\n"
          "                   whether a file's mtime dates it when its text, metadata and\n"
          "                   path give no date (default none; kept in the index)\n"
          "  --encoding NAME  read every file as this encoding (any name iconv knows:\n"
          "                   windows-1251, KOI8-R, UTF-16LE...) instead of detecting it\n"
          "  --max-file-size SIZE\n"
          "                   skip larger files, with a message (bytes, or with K, M or G;\n"
          "                   default 64M, at most 1G)\n"
          "  -q, --quiet      print nothing but errors\n"
          "  -v, --verbose    name each file read with the encoding it was read as\n"
          "Exit: 0 ok, 1 some files failed, 2 fatal error, 75 index busy.\n", f);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* "4096", "500K", "64M", "1G" (binary units, "KiB" and "MB" spellings
 * too) into *out; -1 when it is no size from 1 byte to the limit. */
static int parse_size(const char *s, long long *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno || !(v > 0))
        return -1;
    long long unit = 1;
    switch (*end) {
    case 'k': case 'K': unit = 1LL << 10; end++; break;
    case 'm': case 'M': unit = 1LL << 20; end++; break;
    case 'g': case 'G': unit = 1LL << 30; end++; break;
    }
    if (unit > 1 && (!strcmp(end, "iB") || !strcmp(end, "B")))
        end += strlen(end);
    if (*end || v * (double)unit > (double)UPDATE_MAX_FILE_LIMIT || v * (double)unit < 1)
        return -1;
    *out = (long long)(v * (double)unit);
    return 0;
}

static int parse_args(int argc, char **argv, options *o)
{
    static const struct option longs[] = {
        { "index", required_argument, 0, 'i' }, { "full", no_argument, 0, 'f' },
        { "quiet", no_argument, 0, 'q' }, { "wait", required_argument, 0, 'w' },
        { "gazetteer", required_argument, 0, 'g' }, { "help", no_argument, 0, 'h' },
        { "shards", required_argument, 0, 'S' }, { "shard", required_argument, 0, 'K' },
        { "batch", required_argument, 0, 'B' }, { "merge-fanin", required_argument, 0, 'N' },
        { "part-batch", required_argument, 0, 'P' },
        { "date-fallback", required_argument, 0, 'D' },
        { "encoding", required_argument, 0, 'E' }, { "verbose", no_argument, 0, 'v' },
        { "max-file-size", required_argument, 0, 'M' },
        { "forget", required_argument, 0, 'F' }, { "rebuild", no_argument, 0, 'R' },
        { 0, 0, 0, 0 },
    };
    memset(o, 0, sizeof *o);
    o->shard = -1;
    o->max_bytes = UPDATE_MAX_FILE_DEFAULT;
    o->batch = BULK_BATCH_DOCS;
    o->fanin = BULK_MERGE_FANIN;
    o->part_batch = XAP_PART_BATCH;
    if (paths_index(o->index, sizeof o->index) < 0
        || paths_gazetteer(o->gazetteer, sizeof o->gazetteer) < 0) {
        fprintf(stderr, "seekd-index: default index path too long\n");
        return -1;
    }
    int c;
    while ((c = getopt_long(argc, argv, "i:fqvw:h", longs, NULL)) != -1) {
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
        case 'F': o->forget = optarg; break;
        case 'R': o->rebuild = 1; break;
        case 'D':
            if (strcmp(optarg, "mtime") != 0 && strcmp(optarg, "none") != 0) {
                fprintf(stderr, "seekd-index: --date-fallback takes mtime or none, not '%s'\n",
                        optarg);
                return -1;
            }
            o->date_fallback = optarg;
            break;
        case 'q': o->quiet = 1; break;
        case 'v': o->verbose = 1; break;
        case 'E':
            if (!charset_known(optarg, o->encoding, sizeof o->encoding)) {
                fprintf(stderr, "seekd-index: --encoding: '%s' is no encoding iconv knows "
                                "(try windows-1251, KOI8-R, CP866, UTF-16LE; iconv -l lists them)\n",
                        optarg);
                return -1;
            }
            break;
        case 'M':
            if (parse_size(optarg, &o->max_bytes) < 0) {
                fprintf(stderr, "seekd-index: --max-file-size takes a size from 1 byte to 1G "
                                "(bytes, or a number with K, M or G), not '%s'\n", optarg);
                return -1;
            }
            break;
        case 'w':
            o->wait_seconds = strtod(optarg, &end);
            if (end == optarg || *end || o->wait_seconds < 0) {
                fprintf(stderr, "seekd-index: --wait takes a number of seconds, not '%s'\n", optarg);
                return -1;
            }
            break;
        case 'S':
        case 'K':
        case 'B':
        case 'N':
        case 'P': {
            const char *name = c == 'S' ? "shards" : c == 'K' ? "shard" : c == 'B' ? "batch"
                             : c == 'N' ? "merge-fanin" : "part-batch";
            long v = strtol(optarg, &end, 10);
            long lo = c == 'K' || c == 'P' ? 0 : c == 'N' ? BULK_MIN_MERGE_FANIN : 1;
            long hi = c == 'S' ? SHARD_MAX : c == 'K' ? SHARD_MAX - 1
                    : c == 'B' ? BULK_MAX_BATCH_DOCS : c == 'P' ? PART_BATCH_MAX
                    : BULK_MAX_MERGE_FANIN;
            if (end == optarg || *end || v < lo || v > hi) {
                fprintf(stderr, "seekd-index: --%s takes a number from %ld to %ld, not '%s'\n",
                        name, lo, hi, optarg);
                return -1;
            }
            if (c == 'S')
                o->shards = (unsigned)v;
            else if (c == 'K')
                o->shard = (int)v;
            else if (c == 'B')
                o->batch = (unsigned)v;
            else if (c == 'P')
                o->part_batch = (unsigned)v;
            else
                o->fanin = (unsigned)v;
            break;
        }
        case 'h': usage(stdout); exit(0);
        default: usage(stderr); return -1;
        }
    }
    if (o->shard >= 0 && (unsigned)o->shard >= o->shards) {
        fprintf(stderr, "seekd-index: --shard K needs --shards N with K below N\n");
        return -1;
    }
    if (o->forget && optind < argc) {
        fprintf(stderr, "seekd-index: --forget FOLDER indexes nothing: name no corpus folder\n");
        return -1;
    }
    if (o->forget && o->rebuild) {
        fprintf(stderr, "seekd-index: --forget and --rebuild do not go together\n");
        return -1;
    }
    if (optind >= argc && !o->forget && !o->rebuild) {
        fprintf(stderr, "seekd-index: name at least one corpus folder\n");
        usage(stderr);
        return -1;
    }
    return 0;
}

/* Opens the index for writing, waiting up to --wait for another indexer;
 * the seconds spent waiting go to *waited, which the run's time leaves out. */
static seek_status open_writer(const options *o, const layout *l, xap_wdb **w, double *waited)
{
    double start = now_seconds(), deadline = start + o->wait_seconds;
    for (;;) {
        seek_status st = xap_wdb_open_shards((const char *const *)l->paths, l->nshards,
                                             XAP_CREATE, w);
        *waited = now_seconds() - start;
        if (st != SEEK_LOCKED || now_seconds() >= deadline)
            return st;
        struct timespec nap = { 0, 100 * 1000 * 1000 };
        nanosleep(&nap, NULL);
    }
}




static void progress(size_t done, size_t total)
{
    int width = 40, filled = total ? (int)(done * (size_t)width / total) : width;
    fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled,
            "########################################", width - filled, "", done, total);
    fflush(stderr);
}

static int fatal_because(const char *what, const char *why, seek_status st)
{
    fprintf(stderr, "seekd-index: %s: %s (%s)\n", what, why, status_code(st));
    return EXIT_FATAL;
}

static int fatal(const char *what, seek_status st)
{
    return fatal_because(what, xap_errmsg(), st);
}

/* A failed write: a fresh build's may have failed on one of its threads. */
static int fatal_write(const update *u, const char *what, seek_status st)
{
    return fatal_because(what, u->bulk ? bulk_errmsg(u->bulk) : xap_errmsg(), st);
}

static void warn_duplicates(char **seen, size_t n, counts *c)
{
    for (size_t i = 1; i < n; i++)
        if (!strcmp(seen[i], seen[i - 1])) {
            /* Across folders claim() refuses the second file, and a feed's
             * repeated article is named where it is read: what is left is
             * two files of one folder under one id (a.txt and a.html). */
            fprintf(stderr, "seekd-index: id '%s' is given by two files of one folder (the same "
                            "name with two extensions); the last one wins\n", seen[i]);
            c->failed++;
        }
}

/* The "K/N" a database holding one shard is marked with ("" otherwise). */
static void shard_mark(const options *o, char *mark, size_t cap)
{
    if (o->shard >= 0)
        snprintf(mark, cap, "%d/%u", o->shard, o->shards);
    else
        mark[0] = '\0';
}

/* The date fallback of this run: --date-fallback, else what the index
 * recorded (none for a new one). A change dates documents anew, so every
 * one is rewritten. Sets u->date_from_mtime; returns 0 or an exit code. */
static int check_date_fallback(const options *o, update *u)
{
    char *stored = NULL;
    seek_status st = xap_wdb_metadata(u->w, META_DATE_FALLBACK, &stored);
    if (st != SEEK_OK)
        return fatal("cannot read the index's metadata", st);
    const char *was = *stored ? stored : "none", *now = o->date_fallback ? o->date_fallback : was;
    if (strcmp(was, now) != 0) {
        if (!o->quiet)
            fprintf(stderr, "seekd-index: the date fallback changes from %s to %s; "
                            "rewriting every document\n", was, now);
        u->full = 1;
    }
    u->date_from_mtime = !strcmp(now, "mtime");
    free(stored);
    return 0;
}

/* Refuses to mix one shard's documents with another's; an index written by
 * another format version has every document rewritten. Returns 0 or an exit
 * code. */
static int check_index(const options *o, update *u)
{
    char *format = NULL, *stored = NULL, want[32];
    if (check_date_fallback(o, u))
        return EXIT_FATAL;
    seek_status st = xap_wdb_metadata(u->w, META_FORMAT, &format);
    if (st == SEEK_OK)
        st = xap_wdb_metadata(u->w, META_SHARD, &stored);
    if (st != SEEK_OK) {
        free(format);
        return fatal("cannot read the index's metadata", st);
    }
    if (strcmp(format, INDEX_FORMAT) != 0) {
        if (*format && !o->quiet)
            fprintf(stderr, "seekd-index: the index was written by another version; "
                            "rewriting every document\n");
        u->full = 1;
    }
    shard_mark(o, want, sizeof want);
    int rc = 0;
    if (strcmp(stored, want) != 0) {
        char **ids = NULL;
        size_t n = 0;
        if (!*stored && (st = xap_wdb_terms(u->w, PREFIX_ID, &ids, &n)) != SEEK_OK)
            rc = fatal("cannot list the documents", st);
        else if (*stored || n) {
            fprintf(stderr, "seekd-index: %s holds %s%s, not %s%s; use another folder\n", o->index,
                    *stored ? "shard " : "all documents", stored, *want ? "shard " : "all documents",
                    want);
            rc = EXIT_FATAL;
        }
        xap_strv_free(ids, n);
    }
    free(format);
    free(stored);
    return rc;
}

/* Reads the index's sources into u->reg and adds this run's folders
 * (u->roots) to them, noting where in u->root_src. Returns 0 or an exit code. */
static int load_sources(update *u)
{
    sources *reg = u->reg;
    char *json = NULL, err[256];
    seek_status st = xap_wdb_metadata(u->w, META_SOURCES, &json);
    if (st != SEEK_OK)
        return fatal("cannot read the index's sources", st);
    st = sources_parse(reg, json, err, sizeof err);
    free(json);
    if (st != SEEK_OK) {
        fprintf(stderr, "seekd-index: %s\n", err);
        return EXIT_FATAL;
    }
    unsigned long docs;
    if ((st = xap_wdb_doccount(u->w, &docs)) != SEEK_OK)
        return fatal("cannot count the documents", st);
    u->legacy = reg->n == 0 && docs > 0;
    for (size_t r = 0; r < u->nroots; r++) {
        long i = sources_add(reg, u->roots[r]);
        if (i < 0)
            return fatal("out of memory", SEEK_NOMEM);
        u->root_src[r] = (size_t)i;
    }
    return 0;
}

static void add_counts(counts *to, const counts *before, const counts *after)
{
    to->added += after->added - before->added;
    to->updated += after->updated - before->updated;
    to->removed += after->removed - before->removed;
    to->unchanged += after->unchanged - before->unchanged;
    to->failed += after->failed - before->failed;
    to->skipped += after->skipped - before->skipped;
}

/* Runs the update inside the open transaction; returns 0 or an exit code. */
static int update_all(const options *o, update *u, walk_list *files)
{
    int rc = check_index(o, u);
    if (rc)
        return rc;
    if ((rc = load_sources(u)))
        return rc;
    seek_status st = xap_wdb_metadata(u->w, META_FEEDS, &u->old_feeds);
    if (st != SEEK_OK)
        return fatal("cannot read the feed list", st);
    int bar = !o->quiet && isatty(STDERR_FILENO) && files->n > 0;
    for (size_t i = 0; i < files->n; i++) {
        counts before = u->c;
        if ((st = update_file(u, &files->files[i])) != SEEK_OK)
            return fatal_write(u, files->files[i].path, st);
        add_counts(&u->root_counts[files->files[i].source], &before, &u->c);
        if (bar && (i % 64 == 0 || i + 1 == files->n))
            progress(i + 1, files->n);
    }
    if (bar)
        fputc('\n', stderr);
    if ((st = builder_finish(u->b)) != SEEK_OK)
        return fatal_write(u, "cannot write the documents", st);
    size_t nseen;
    char **seen = update_seen_ids(u, &nseen);
    if (!seen)
        return fatal("out of memory", SEEK_NOMEM);
    warn_duplicates(seen, nseen, &u->c);
    st = update_remove_missing(u, seen, nseen);
    free(seen);
    if (st != SEEK_OK)
        return fatal("cannot remove vanished documents", st);
    return 0;
}

/* The JSON summary of a run's counts. */
static void summarize(const counts *c, time_t when, double secs, char *out, size_t cap)
{
    int n = snprintf(out, cap,
                     "{\"time\":%lld,\"added\":%zu,\"updated\":%zu,\"removed\":%zu,"
                     "\"unchanged\":%zu,\"skipped\":%zu,\"failed\":%zu",
                     (long long)when, c->added, c->updated, c->removed, c->unchanged,
                     c->skipped, c->failed);
    if (n > 0 && (size_t)n < cap)
        snprintf(out + n, cap - (size_t)n, secs >= 0 ? ",\"seconds\":%.3f}" : "}", secs);
}

/* Whether `key` (len bytes) is the key of a source this run leaves alone:
 * registered, and not one of the run's folders. */
static int other_source(const update *u, const char *key, size_t len)
{
    if (len != SOURCES_KEY_LEN)
        return 0;
    char k[SOURCES_KEY_LEN + 1];
    memcpy(k, key, len);
    k[len] = '\0';
    long i = sources_find(u->reg, NULL, k);
    for (size_t r = 0; i >= 0 && r < u->nroots; r++)
        if (u->root_src[r] == (size_t)i)
            return 0;
    return i >= 0;
}

/* The key field (the third) of a feed record "size mtime key id", or NULL. */
static const char *record_key(const char *l, size_t ll, size_t *klen)
{
    const char *end = l + ll, *p = l;
    for (int field = 0; field < 2; field++) {
        if (!(p = memchr(p, ' ', (size_t)(end - p))))
            return NULL;
        p++;
    }
    const char *e = memchr(p, ' ', (size_t)(end - p));
    if (!e)
        return NULL;
    *klen = (size_t)(e - p);
    return p;
}

/* Appends to `*out` (malloc'd, may be NULL) the feed records of `old` whose
 * folder this run leaves alone, so their feeds stay known as unchanged.
 * Returns 0, or -1 when memory runs out. */
static int keep_feed_records(const update *u, const char *old, char **out)
{
    size_t len = *out ? strlen(*out) : 0;
    for (const char *l = old ? old : ""; *l;) {
        const char *e = strchr(l, '\n');
        size_t ll = e ? (size_t)(e - l) + 1 : strlen(l), klen;
        const char *k = record_key(l, ll, &klen);
        if (k && other_source(u, k, klen)) {
            char *grown = realloc(*out, len + ll + 1);
            if (!grown)
                return -1;
            memcpy(grown + len, l, ll);
            len += ll;
            grown[len] = '\0';
            *out = grown;
        }
        l += ll;
    }
    return 0;
}

/* Stores each run folder's summary in the sources; returns their JSON
 * (malloc'd) or NULL when memory runs out. */
static char *sources_after_run(update *u, time_t when)
{
    sources *reg = u->reg;
    for (size_t r = 0; r < u->nroots; r++) {
        char summary[512];
        summarize(&u->root_counts[r], when, -1, summary, sizeof summary);
        if (sources_set_run(reg, u->root_src[r], summary) < 0)
            return NULL;
    }
    return sources_dump(reg);
}

/* Stores the feed list, the run's summary and marks, then commits (a fresh
 * build: merges its batches). Returns 0 or an exit code. */
static int finish(const options *o, update *u, double secs)
{
    time_t when = time(NULL);
    char summary[512], mark[32];
    summarize(&u->c, when, secs, summary, sizeof summary);
    shard_mark(o, mark, sizeof mark);
    char *reg = sources_after_run(u, when);
    if (!reg || (!u->full && keep_feed_records(u, u->old_feeds, &u->new_feeds) < 0)) {
        free(reg);
        return fatal("out of memory", SEEK_NOMEM);
    }
    const bulk_meta meta[] = {
        { META_FEEDS, u->new_feeds ? u->new_feeds : "" }, { META_LAST_RUN, summary },
        { META_FORMAT, INDEX_FORMAT }, { META_SHARD, mark },
        { META_DATE_FALLBACK, u->date_from_mtime ? "mtime" : "none" },
        { META_SOURCES, reg },
    };
    size_t nmeta = sizeof meta / sizeof *meta;
    seek_status st = SEEK_OK;
    int rc = 0;
    if (u->bulk) {
        st = bulk_finish(u->bulk, meta, nmeta);
        rc = st == SEEK_OK ? 0 : fatal_write(u, "cannot merge the new index", st);
    } else {
        for (size_t i = 0; i < nmeta && st == SEEK_OK; i++)
            st = xap_wdb_set_metadata(u->w, meta[i].key, meta[i].value);
        if (st != SEEK_OK || (st = xap_wdb_commit(u->w)) != SEEK_OK)
            rc = fatal("cannot commit", st);
    }
    free(reg);
    return rc;
}

static unsigned cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 1 ? (unsigned)n : 1;
}

/* Threads building documents: every core for a fresh build, whose writing
 * threads wait on them; else the cores but the one writing. */
static unsigned build_threads(int fresh)
{
    return fresh ? cpus() : cpus() > 2 ? cpus() - 1 : 1;
}

/* An index with no documents is built afresh in batches (bulk.h): one
 * database only, since each shard of a sharded index commits on its own. A
 * database for a remote shard only if this run made it: it is read by
 * xapian-tcpsrv, whose readers reopen by revision and would not see another
 * database swapped in under them (seekd's own daemon does). A build folder
 * that cannot be made leaves the run writing in place. */
static int start_fresh_build(const options *o, const layout *l, update *u)
{
    unsigned long docs;
    seek_status st = xap_wdb_doccount(u->w, &docs);
    if (st != SEEK_OK)
        return fatal("cannot count the documents", st);
    if (l->nshards != 1)
        return 0;
    if (docs || (o->shard >= 0 && l->existed)) {
        bulk_clear(l->paths[0]);
        return 0;
    }
    char err[4400];
    /* At least two writing threads: Xapian's inversion is most of the work. */
    u->bulk = bulk_new(l->paths[0], cpus() > 2 ? cpus() : 2, o->batch, err, sizeof err);
    if (u->bulk) {
        bulk_set_merge_fanin(u->bulk, o->fanin);
        bulk_set_part_batch(u->bulk, o->part_batch);
    }
    else if (!o->quiet)
        fprintf(stderr, "seekd-index: %s; writing in place\n", err);
    return 0;
}

/* Opens the index's databases and brings them up to date with `files`.
 * Returns 0 or an exit code; u->c holds the counts. */
static int index_files(const options *o, const layout *l, const gazetteer *gaz, update *u,
                       double *waited)
{
    double t0 = now_seconds();
    seek_status st = open_writer(o, l, &u->w, waited);
    t0 += *waited;
    if (st == SEEK_OK)
        xap_wdb_set_part_batch(u->w, o->part_batch);
    int rc;
    if (st == SEEK_LOCKED && o->wait_seconds > 0) {
        fprintf(stderr, "seekd-index: %s is still being updated by another indexer after "
                        "waiting %g s; try again later or wait longer (--wait SECONDS)\n",
                o->index, o->wait_seconds);
        rc = EXIT_LOCKED;
    } else if (st == SEEK_LOCKED) {
        fprintf(stderr, "seekd-index: %s is being updated by another indexer; "
                        "try again later or pass --wait SECONDS\n", o->index);
        rc = EXIT_LOCKED;
    } else if (st == SEEK_IO) {
        fprintf(stderr, "seekd-index: %s: %s (%s)\nseekd-index: the index is damaged; "
                        "seekd-index --rebuild --index %s builds a fresh one beside it and "
                        "swaps it in\n", o->index, xap_errmsg(), status_code(st), o->index);
        rc = EXIT_FATAL;
    } else if (st != SEEK_OK) {
        rc = fatal(o->index, st);
    } else if ((st = xap_wdb_begin(u->w)) != SEEK_OK) {
        rc = fatal("cannot start the update", st);
    } else if (!(rc = start_fresh_build(o, l, u))) {
        if (!(u->b = builder_new(build_threads(u->bulk != NULL), gaz, update_write, u)))
            rc = fatal("cannot start the document builders", SEEK_NOMEM);
        else if (!(rc = update_all(o, u, u->files)))
            rc = finish(o, u, now_seconds() - t0);
    }
    /* The stub goes last: a reader never finds it naming shards not yet made. */
    if (!rc && layout_write_stub(o->index, l) < 0) {
        fprintf(stderr, "seekd-index: cannot write %s/%s: %s\n", o->index, LAYOUT_STUB,
                strerror(errno));
        rc = EXIT_FATAL;
    }
    builder_free(u->b);
    xap_wdb_close(u->w);
    bulk_free(u->bulk);
    return rc;
}

static int run(const options *o, const gazetteer *gaz, char **roots, size_t nroots)
{
    double t0 = now_seconds();
    walk_list files = { 0 };
    size_t walk_errors = 0;
    sources reg = { 0 };
    char **canon = calloc(nroots, sizeof *canon);
    size_t *root_src = calloc(nroots, sizeof *root_src), ncanon = 0;
    counts *root_counts = calloc(nroots, sizeof *root_counts);
    layout l = { 0 };
    int rc = canon && root_src && root_counts ? 0 : fatal("out of memory", SEEK_NOMEM);
    for (size_t r = 0; r < nroots && !rc; r++) {
        char path[4096];
        if (sources_canonical(roots[r], path, sizeof path) < 0) {
            fprintf(stderr, "seekd-index: %s: %s\n", roots[r], strerror(errno));
            rc = EXIT_FATAL;
            break;
        }
        /* A folder named twice (as a/ and ./a) is walked once. */
        int again = 0;
        for (size_t k = 0; k < ncanon; k++)
            again |= !strcmp(canon[k], path);
        if (again)
            continue;
        size_t before = walk_errors;
        files.source = (unsigned)ncanon;
        if (!(canon[ncanon] = strdup(path))) {
            rc = fatal("out of memory", SEEK_NOMEM);
        } else if (walk_corpus(roots[r], &files, &walk_errors) < 0) {
            fprintf(stderr, "seekd-index: %s: %s\n", roots[r], strerror(errno));
            rc = EXIT_FATAL;
        }
        root_counts[ncanon++].failed = walk_errors - before;
    }
    char err[1024];
    if (!rc && layout_resolve(o->index, o->shard >= 0 ? 1 : o->shards, &l, err, sizeof err) != SEEK_OK) {
        fprintf(stderr, "seekd-index: %s\n", err);
        rc = EXIT_FATAL;
    } else if (!rc && paths_make_parents(l.paths[0], 0700) < 0) {
        fprintf(stderr, "seekd-index: cannot create the folders above %s: %s\n",
                l.paths[0], strerror(errno));
        rc = EXIT_FATAL;
    }
    update u = { .full = o->full, .shard = o->shard, .nshards = o->shards,
                 .encoding = *o->encoding ? o->encoding : NULL, .verbose = o->verbose,
                 .max_bytes = o->max_bytes, .files = &files,
                 .c = { .failed = walk_errors, .skipped = files.skipped },
                 .reg = &reg, .root_src = root_src, .roots = canon, .nroots = ncanon,
                 .root_counts = root_counts };
    double waited = 0;
    if (!rc && (!(u.refused = calloc(files.n + 1, 1)) || !(u.skipped = calloc(files.n + 1, 1))))
        rc = fatal("out of memory", SEEK_NOMEM);
    if (!rc)
        rc = index_files(o, &l, gaz, &u, &waited);
    if (!rc && rebuild_note_write(o->index, &reg, u.date_from_mtime ? "mtime" : "none") < 0)
        fprintf(stderr, "seekd-index: warning: cannot write %s/%s: %s\n", o->index, REBUILD_NOTE,
                strerror(errno));
    counts c = u.c;
    update_fini(&u);
    layout_fini(&l);
    walk_list_fini(&files);
    sources_fini(&reg);
    for (size_t r = 0; r < ncanon; r++)
        free(canon[r]);
    free(canon);
    free(root_src);
    free(root_counts);
    if (rc)
        return rc;
    /* Files that are not text are no failure; the count shows only when
     * there are some, so the usual line stays as it was. */
    char skipped[48] = "";
    if (c.skipped)
        snprintf(skipped, sizeof skipped, " %zu skipped,", c.skipped);
    if (!o->quiet)
        printf("%zu added, %zu updated, %zu removed, %zu unchanged,%s %zu failed in %.2f s\n",
               c.added, c.updated, c.removed, c.unchanged, skipped, c.failed,
               now_seconds() - t0 - waited);
    return c.failed ? EXIT_FAILED_FILES : 0;
}

/* Drops the feed records of source `key` from `feeds` (in place). */
static void drop_feed_records(char *feeds, const char *key)
{
    char *w = feeds;
    for (const char *l = feeds; *l;) {
        const char *e = strchr(l, '\n');
        size_t ll = e ? (size_t)(e - l) + 1 : strlen(l), klen;
        const char *k = record_key(l, ll, &klen);
        if (!k || klen != strlen(key) || memcmp(k, key, klen) != 0) {
            memmove(w, l, ll);
            w += ll;
        }
        l += ll;
    }
    *w = '\0';
}

/* Removes the documents of one source and the source itself, in one
 * transaction; w holds the open writer. Returns 0 or an exit code. */
static int forget_in(const options *o, xap_wdb *w, const char *folder, size_t *removed)
{
    char *json = NULL, *feeds = NULL, err[256];
    sources reg;
    seek_status st = xap_wdb_metadata(w, META_SOURCES, &json);
    if (st != SEEK_OK)
        return fatal("cannot read the index's sources", st);
    st = sources_parse(&reg, json, err, sizeof err);
    free(json);
    if (st != SEEK_OK) {
        fprintf(stderr, "seekd-index: %s\n", err);
        return EXIT_FATAL;
    }
    /* As named now, or as it was indexed (a folder since moved or gone). */
    long i = sources_find(&reg, folder, NULL);
    if (i < 0)
        i = sources_find(&reg, o->forget, NULL);
    if (i < 0) {
        fprintf(stderr, "seekd-index: %s holds no documents of %s; its folders:%s\n", o->index,
                folder, reg.n ? "" : " none");
        for (size_t k = 0; k < reg.n; k++)
            fprintf(stderr, "  %s\n", reg.v[k].folder);
        sources_fini(&reg);
        return EXIT_FATAL;
    }
    char term[64], *text = NULL;
    size_t n = 0;
    /* Every document of the source, with an id or not, counted as removed
     * only once it is. */
    snprintf(term, sizeof term, "%s%s", PREFIX_SOURCE, reg.v[i].key);
    st = xap_wdb_delete_counted(w, term, &n);
    *removed = n;
    if (st == SEEK_OK)
        st = xap_wdb_metadata(w, META_FEEDS, &feeds);
    if (st == SEEK_OK) {
        drop_feed_records(feeds, reg.v[i].key);
        sources_remove(&reg, (size_t)i);
        if (!(text = sources_dump(&reg)))
            st = SEEK_NOMEM;
    }
    char summary[512];
    summarize(&(counts){ .removed = n }, time(NULL), -1, summary, sizeof summary);
    if (st == SEEK_OK)
        st = xap_wdb_set_metadata(w, META_FEEDS, feeds);
    if (st == SEEK_OK)
        st = xap_wdb_set_metadata(w, META_SOURCES, text);
    if (st == SEEK_OK)
        st = xap_wdb_set_metadata(w, META_LAST_RUN, summary);
    if (st == SEEK_OK)
        st = xap_wdb_commit(w);
    char *fallback = NULL;
    if (st == SEEK_OK && xap_wdb_metadata(w, META_DATE_FALLBACK, &fallback) == SEEK_OK
        && rebuild_note_write(o->index, &reg, *fallback ? fallback : "none") < 0)
        fprintf(stderr, "seekd-index: warning: cannot write %s/%s: %s\n", o->index, REBUILD_NOTE,
                strerror(errno));
    free(fallback);
    free(feeds);
    free(text);
    sources_fini(&reg);
    return st == SEEK_OK ? 0 : fatal("cannot forget the folder", st);
}

/* seekd-index --forget FOLDER: removes one source's documents on purpose. */
static int forget(const options *o)
{
    double t0 = now_seconds();
    char folder[4096], err[1024];
    if (sources_canonical(o->forget, folder, sizeof folder) < 0) {
        fprintf(stderr, "seekd-index: %s: %s\n", o->forget, strerror(errno));
        return EXIT_FATAL;
    }
    layout l;
    if (layout_resolve(o->index, o->shard >= 0 ? 1 : o->shards, &l, err, sizeof err) != SEEK_OK) {
        fprintf(stderr, "seekd-index: %s\n", err);
        return EXIT_FATAL;
    }
    if (!l.existed) {
        fprintf(stderr, "seekd-index: no index at %s\n", o->index);
        layout_fini(&l);
        return EXIT_FATAL;
    }
    xap_wdb *w = NULL;
    size_t removed = 0;
    double waited = 0;
    seek_status st = open_writer(o, &l, &w, &waited);
    int rc;
    if (st == SEEK_LOCKED) {
        fprintf(stderr, "seekd-index: %s is being updated by another indexer; "
                        "try again later or pass --wait SECONDS\n", o->index);
        rc = EXIT_LOCKED;
    } else if (st != SEEK_OK) {
        rc = fatal(o->index, st);
    } else if ((st = xap_wdb_begin(w)) != SEEK_OK) {
        rc = fatal("cannot start the update", st);
    } else {
        rc = forget_in(o, w, folder, &removed);
    }
    xap_wdb_close(w);
    layout_fini(&l);
    if (!rc && !o->quiet)
        printf("%zu removed (%s forgotten) in %.2f s\n", removed, folder, now_seconds() - t0);
    return rc;
}

/* Warns of each folder the index's note names that none of `roots` is:
 * the rebuilt index will hold none of its documents. */
static void warn_left_out(const char *index, char **roots, size_t nroots)
{
    char **noted = NULL, fallback[8], err[4400];
    size_t n = 0;
    if (rebuild_note_read(index, &noted, &n, fallback, sizeof fallback, err, sizeof err) != SEEK_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        int named = 0;
        for (size_t r = 0; r < nroots && !named; r++) {
            char *real = realpath(roots[r], NULL);
            named = real && !strcmp(real, noted[i]);
            free(real);
        }
        if (!named)
            fprintf(stderr, "seekd-index: warning: %s also held documents of %s, which this "
                            "rebuild leaves out; name it too to keep them\n", index, noted[i]);
        free(noted[i]);
    }
    free(noted);
}

/* Builds the index afresh at INDEX.rebuild from `roots` (else the folders
 * the index's note names), holding the old index's lock meanwhile, then
 * swaps it in: the repair for an index that cannot be read. Files that fail
 * do not stop the swap (the damaged index served nothing of them), but are
 * named, as by any run. */
static int rebuild(const options *o, const gazetteer *gaz, char **roots, size_t nroots)
{
    layout l;
    char err[4400];
    if (layout_resolve(o->index, o->shard >= 0 ? 1 : o->shards, &l, err, sizeof err) != SEEK_OK) {
        fprintf(stderr, "seekd-index: %s\n", err);
        return EXIT_FATAL;
    }
    char **noted = NULL, fallback[8] = "";
    size_t n = nroots;
    if (!nroots && rebuild_note_read(o->index, &noted, &n, fallback, sizeof fallback, err,
                                     sizeof err) != SEEK_OK) {
        fprintf(stderr, "seekd-index: --rebuild: name the corpus folders (%s)\n", err);
        layout_fini(&l);
        return EXIT_FATAL;
    }
    if (nroots)
        warn_left_out(o->index, roots, nroots);
    options fresh = *o;
    int *fds = calloc(l.nshards, sizeof *fds);
    int rc = 0, lk = fds ? rebuild_lock(l.paths, l.nshards, o->wait_seconds, fds) : -1;
    if (lk > 0) {
        fprintf(stderr, "seekd-index: %s is being updated by another indexer; "
                        "try again later or pass --wait SECONDS\n", o->index);
        rc = EXIT_LOCKED;
    } else if (lk < 0) {
        fprintf(stderr, "seekd-index: cannot lock %s: %s\n", o->index, strerror(errno));
        rc = EXIT_FATAL;
    } else if (snprintf(fresh.index, sizeof fresh.index, "%s.rebuild", o->index)
               >= (int)sizeof fresh.index) {
        fprintf(stderr, "seekd-index: --index path too long\n");
        rc = EXIT_FATAL;
    }
    if (!rc) {
        if (o->shard < 0 && l.nshards > 1)
            fresh.shards = l.nshards;
        if (!fresh.date_fallback && *fallback)
            fresh.date_fallback = fallback;
        rebuild_remove(fresh.index);   /* a killed rebuild's */
        rc = run(&fresh, gaz, noted ? noted : roots, n);
        char why[4400] = "";
        if (rc && rc != EXIT_FAILED_FILES) {
            rebuild_remove(fresh.index);
        } else if (rebuild_swap(o->index, fresh.index, why, sizeof why) != SEEK_OK) {
            fprintf(stderr, "seekd-index: %s\n", why);
            rc = EXIT_FATAL;
        } else {
            if (*why)
                fprintf(stderr, "seekd-index: warning: %s\n", why);
            if (!o->quiet)
                printf("rebuilt %s\n", o->index);
        }
    }
    if (fds)
        rebuild_unlock(fds, l.nshards);
    free(fds);
    for (size_t i = 0; noted && i < n; i++)
        free(noted[i]);
    free(noted);
    layout_fini(&l);
    return rc;
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
    /* Loaded once here: a missing dictionary stops the run before any work,
     * and the builder threads share this copy. */
    morph *words = NULL;
    if (morph_new(&words, err, sizeof err) != SEEK_OK) {
        fprintf(stderr, "seekd-index: %s\n", err);
        gaz_free(gaz);
        return EXIT_FATAL;
    }
    char **roots = argv + optind;
    size_t nroots = (size_t)(argc - optind);
    int rc = o.forget ? forget(&o) : o.rebuild ? rebuild(&o, gaz, roots, nroots)
                                               : run(&o, gaz, roots, nroots);
    morph_free(words);
    gaz_free(gaz);
    return rc;
}
