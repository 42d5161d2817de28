/* Corpus walk with opendir/readdir: a plain recursion keeps the relative id
 * at hand, which nftw would make us recompute from the full path. */
#include "walk.h"

#include "grow.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int push(walk_list *l, const char *path, const char *rel, const struct stat *st)
{
    walk_file *grown = grow_to(l->files, &l->cap, l->n + 1, sizeof *grown, 256);
    if (!grown)
        return -1;
    l->files = grown;
    walk_file *f = &l->files[l->n];
    f->path = strdup(path);
    f->id = strndup(rel, strlen(rel) - 4);
    if (!f->path || !f->id) {
        free(f->path);
        free(f->id);
        return -1;
    }
    f->size = st->st_size;
    f->mtime_ns = (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
    l->n++;
    return 0;
}

static int ends_with_txt(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

static int note_unread(walk_list *l, const char *path, const char *rel, size_t *errors)
{
    fprintf(stderr, "seekd-index: cannot read %s: %s; keeping what the index has of it\n",
            path, strerror(errno));
    (*errors)++;
    char **v = grow_to(l->unread, &l->unread_cap, l->nunread + 1, sizeof *v, 8);
    if (!v)
        return -1;
    l->unread = v;
    if (!(v[l->nunread] = strdup(rel)))
        return -1;
    l->nunread++;
    return 0;
}

int walk_unread(const walk_list *l, const char *id)
{
    for (size_t i = 0; i < l->nunread; i++) {
        size_t n = strlen(l->unread[i]);
        if (!strncmp(id, l->unread[i], n) && (id[n] == '/' || (id[n] == '\0' && n)))
            return 1;
    }
    return 0;
}

static int walk_dir(const char *dir, const char *rel, walk_list *l, size_t *errors)
{
    DIR *d = opendir(dir);
    if (!d)
        return note_unread(l, dir, rel, errors);
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *path = NULL, *sub = NULL;
        if (asprintf(&path, "%s/%s", dir, e->d_name) < 0) {
            rc = -1;
            break;
        }
        if (asprintf(&sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name) < 0) {
            free(path);
            rc = -1;
            break;
        }
        struct stat lst, st;
        if (lstat(path, &lst) < 0) {
            rc = note_unread(l, path, sub, errors);
        } else if (S_ISDIR(lst.st_mode)) {
            rc = walk_dir(path, sub, l, errors);
        } else if (ends_with_txt(e->d_name) && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            rc = push(l, path, sub, &st);
        }
        free(path);
        free(sub);
    }
    closedir(d);
    return rc;
}

static int by_id(const void *a, const void *b)
{
    return strcmp(((const walk_file *)a)->id, ((const walk_file *)b)->id);
}

int walk_corpus(const char *root, walk_list *list, size_t *errors)
{
    struct stat st;
    if (stat(root, &st) < 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    size_t first = list->n;
    size_t len = strlen(root);
    while (len > 1 && root[len - 1] == '/')
        len--;
    char *trimmed = strndup(root, len);
    if (!trimmed)
        return -1;
    int rc = walk_dir(trimmed, "", list, errors);
    free(trimmed);
    if (rc == 0)
        qsort(list->files + first, list->n - first, sizeof *list->files, by_id);
    return rc;
}

void walk_list_fini(walk_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->files[i].path);
        free(l->files[i].id);
    }
    free(l->files);
    for (size_t i = 0; i < l->nunread; i++)
        free(l->unread[i]);
    free(l->unread);
    memset(l, 0, sizeof *l);
}
