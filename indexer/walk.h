/* Finds the corpus files below a folder, recursively: plain text (.txt),
 * HTML pages (.html, .htm) and JSON Lines feeds (.jsonl), the extension in
 * any case. Symbolic links to files are followed, links to folders are not
 * (so a link cycle cannot loop); a dangling link or a link loop named like
 * a corpus file is reported and counted as skipped. */
#ifndef SEEKD_INDEXER_WALK_H
#define SEEKD_INDEXER_WALK_H

#include <stddef.h>
#include <sys/types.h>

typedef enum walk_kind { WALK_TEXT, WALK_HTML, WALK_FEED } walk_kind;

typedef struct walk_file {
    char *path;   /* as opened: root/relative.txt */
    size_t rel;   /* where the path below the root begins in `path` */
    char *id;     /* relative path without its extension */
    unsigned source;  /* walk_list.source when it was found: which root */
    walk_kind kind;
    off_t size;
    long long mtime_ns;
} walk_file;

typedef struct walk_list {
    walk_file *files;
    size_t n, cap;
    char **kept;          /* ids whose documents below stay: unreadable folders,
                           * unchanged feeds ("a/b" keeps "a/b/...") */
    unsigned *kept_source;  /* the root each kept id is below */
    size_t nkept, kept_cap, kept_source_cap;
    unsigned source;      /* the root being walked: the caller numbers them */
    size_t skipped;       /* links named like corpus files that lead to none, each
                           * named on stderr */
} walk_list;

#define WALK_ANY_SOURCE (~0u)

/* Keeps the documents of root `source` below `id` (a folder or a feed) from
 * being removed as vanished. Returns 0, or -1 when memory runs out. */
int walk_keep(walk_list *list, unsigned source, const char *id);
/* Nonzero when `id` lies below an id kept in root `source` (any root's
 * with WALK_ANY_SOURCE). */
int walk_kept(const walk_list *list, unsigned source, const char *id);

/* Appends the files below `root` to `list`, sorted by id within the root.
 * Folders it cannot read are reported on stderr and counted in *errors.
 * Returns 0, or -1 when `root` itself cannot be read or memory runs out
 * (errno set). */
int walk_corpus(const char *root, walk_list *list, size_t *errors);
void walk_list_fini(walk_list *list);

#endif
