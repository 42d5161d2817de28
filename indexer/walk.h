/* Finds the corpus files below a folder: every regular file ending in .txt,
 * recursively. Symbolic links to files are followed, links to folders are not
 * (so a link cycle cannot loop). */
#ifndef SEEKD_INDEXER_WALK_H
#define SEEKD_INDEXER_WALK_H

#include <stddef.h>
#include <sys/types.h>

typedef struct walk_file {
    char *path;   /* as opened: root/relative.txt */
    char *id;     /* relative path without .txt */
    off_t size;
    long long mtime_ns;
} walk_file;

typedef struct walk_list {
    walk_file *files;
    size_t n, cap;
    char **unread;        /* ids of folders that could not be read ("a/b") */
    size_t nunread, unread_cap;
} walk_list;

/* Nonzero when `id` lies below a folder the walk could not read: its
 * document must be kept, not removed as vanished. */
int walk_unread(const walk_list *list, const char *id);

/* Appends the files below `root` to `list`, sorted by id within the root.
 * Folders it cannot read are reported on stderr and counted in *errors.
 * Returns 0, or -1 when `root` itself cannot be read or memory runs out
 * (errno set). */
int walk_corpus(const char *root, walk_list *list, size_t *errors);
void walk_list_fini(walk_list *list);

#endif
