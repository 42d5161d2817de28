/* Bringing one corpus file's documents up to date inside the indexer's
 * transaction: a .txt or .html file is one document, a .jsonl feed one per
 * article. Unchanged files are skipped without being read. */
#ifndef SEEKD_INDEXER_UPDATE_H
#define SEEKD_INDEXER_UPDATE_H

#include <stddef.h>
#include "builder.h"
#include "bulk.h"
#include "entity/gazetteer.h"
#include "idmap.h"
#include "sources.h"
#include "walk.h"
#include "xap/xap.h"

#define UPDATE_MAX_FILE_DEFAULT (64LL << 20)   /* --max-file-size's default */
#define UPDATE_MAX_FILE_LIMIT (1LL << 30)      /* and the most it may be */

typedef struct counts {
    size_t added, updated, removed, unchanged, failed;
    size_t skipped;          /* files that are not text */
} counts;

typedef struct update {
    xap_wdb *w;
    builder *b;              /* builds documents on other threads; writes go to w */
    bulk *bulk;              /* a fresh build: writes go to its batches instead */
    int full;                /* rewrite every document */
    int date_from_mtime;     /* the mtime dates files that say nothing of their date */
    const char *encoding;    /* --encoding: read every file as this; NULL: detect */
    int verbose;             /* name each file read with its encoding */
    long long max_bytes;     /* --max-file-size: larger files are skipped (0: the default) */
    int shard;               /* >= 0: only documents of shard `shard` of `nshards` */
    unsigned nshards;
    counts c;
    walk_list *files;        /* unchanged feeds are kept through walk_keep */
    char **articles;         /* ids of the feed articles seen in this run */
    size_t narticles, articles_cap;
    sources *reg;            /* the index's sources, this run's folders added */
    size_t *root_src;        /* each root's (walk_file.source) index in reg */
    char **roots;            /* this run's folders, absolute */
    size_t nroots;
    counts *root_counts;     /* per root: what this run did to its documents */
    int legacy;              /* the index predates sources: its documents carry none */
    idmap claimed;           /* id term -> index in files of the file that gave it */
    unsigned char *refused;  /* per file: its id is another folder's; nothing of it written */
    unsigned char *skipped;  /* per file: skipped, so it gives no id this run; a file
                              * over the size limit keeps its documents (walk_keep),
                              * one that is not text loses them */
    char *old_feeds;         /* META_FEEDS as the last run left it */
    char *new_feeds;         /* META_FEEDS for this run */
    size_t new_len, new_cap;
} update;

/* Updates the documents of file f that belong to this index (see shard). Returns OK, or the status of an index
 * error (fatal to the run); a file that cannot be read or parsed is counted
 * in u->c.failed and named on stderr, and its old documents stay; so do
 * those of a file larger than u->max_bytes, which is counted in
 * u->c.skipped and named (a limit is no request to remove anything); a
 * file that is not text is counted in u->c.skipped and named, and its
 * documents go. Both are flagged in u->skipped. */
seek_status update_file(update *u, const walk_file *f);

/* The builder's writer (builder_write_fn): replaces the document under
 * idterm in u->w, or adds it to the fresh build. */
seek_status update_write(const char *idterm, xap_doc *doc, void *u);

/* The ids this run saw, sorted (malloc'd array of u's strings): its pages'
 * and its feeds' articles, less files refused or skipped. NULL when memory
 * runs out. */
char **update_seen_ids(const update *u, size_t *n);

/* Removes the documents of this run's folders whose files are gone. `seen`
 * (sorted, update_seen_ids) holds the ids of this run's files and feed
 * articles; documents below kept ids (folders the walk could not read,
 * unchanged feeds) stay, and so do other folders' documents. In an index
 * older than sources, whose documents carry none, every document counts as
 * this run's, as it did. u->c.removed and u->root_counts count the
 * documents deleted, not the ids tried. */
seek_status update_remove_missing(update *u, char **seen, size_t nseen);

void update_fini(update *u);

#endif
