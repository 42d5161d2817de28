/* Corpus walk with opendir/readdir: a plain recursion keeps the relative id
 * at hand, which nftw would make us recompute from the full path. */
#include "walk.h"

#include "grow.h"
#include "say.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int push(walk_list *l, const char *path, const char *rel, size_t ext, walk_kind kind,
                const struct stat *st)
{
    walk_file *grown = grow_to(l->files, &l->cap, l->n + 1, sizeof *grown, 256);
    if (!grown)
        return -1;
    l->files = grown;
    walk_file *f = &l->files[l->n];
    f->path = strdup(path);
    f->rel = strlen(path) - strlen(rel);
    f->id = strndup(rel, strlen(rel) - ext);
    f->kind = kind;
    f->source = l->source;
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

/* The kind of file `name` is, by its extension (whose length goes to *ext),
 * or -1 for files the corpus does not hold. */
static int kind_of(const char *name, size_t *ext)
{
    static const struct { const char *ext; walk_kind kind; } kinds[] = {
        { ".txt", WALK_TEXT }, { ".html", WALK_HTML }, { ".htm", WALK_HTML },
        { ".jsonl", WALK_FEED },
    };
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        size_t e = strlen(kinds[i].ext);
        /* Any case: cameras, Windows tools and old archives write REPORT.TXT. */
        if (n > e && strcasecmp(name + n - e, kinds[i].ext) == 0) {
            *ext = e;
            return (int)kinds[i].kind;
        }
    }
    return -1;
}

int walk_keep(walk_list *l, unsigned source, const char *id)
{
    unsigned *grown = grow_to(l->kept_source, &l->kept_source_cap, l->nkept + 1,
                              sizeof *grown, 8);
    if (!grown)
        return -1;
    l->kept_source = grown;
    l->kept_source[l->nkept] = source;
    return strv_push(&l->kept, &l->nkept, &l->kept_cap, id);
}

int walk_kept(const walk_list *l, unsigned source, const char *id)
{
    for (size_t i = 0; i < l->nkept; i++) {
        if (source != WALK_ANY_SOURCE && l->kept_source[i] != source)
            continue;
        size_t n = strlen(l->kept[i]);
        if (!strncmp(id, l->kept[i], n) && (id[n] == '/' || (id[n] == '\0' && n)))
            return 1;
    }
    return 0;
}

static int note_unread(walk_list *l, const char *path, const char *rel, size_t *errors)
{
    say_file(path, "cannot read it: %s; keeping what the index has of it", strerror(errno));
    (*errors)++;
    return walk_keep(l, l->source, rel);
}

/* A link named like a corpus file that leads to no file: named and counted
 * as skipped, never passed over in silence. */
static void note_bad_link(walk_list *l, const char *path, int err)
{
    if (err == ELOOP)
        say_file(path, "a symbolic link in a loop; skipped");
    else if (err == ENOENT)
        say_file(path, "a symbolic link to nothing (dangling); skipped");
    else if (err)
        say_file(path, "a symbolic link that cannot be followed: %s; skipped", strerror(err));
    else
        say_file(path, "a symbolic link to no regular file; skipped");
    l->skipped++;
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
        size_t ext;
        int kind;
        if (lstat(path, &lst) < 0) {
            rc = note_unread(l, path, sub, errors);
        } else if (S_ISDIR(lst.st_mode)) {
            rc = walk_dir(path, sub, l, errors);
        } else if ((kind = kind_of(e->d_name, &ext)) >= 0) {
            int ok = stat(path, &st) == 0;
            if (ok && S_ISREG(st.st_mode))
                rc = push(l, path, sub, ext, (walk_kind)kind, &st);
            else if (S_ISLNK(lst.st_mode) && (!ok || !S_ISDIR(st.st_mode)))
                note_bad_link(l, path, ok ? 0 : errno);
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
    /* An empty folder leaves list->files NULL, which qsort must not get. */
    if (rc == 0 && list->n > first)
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
    for (size_t i = 0; i < l->nkept; i++)
        free(l->kept[i]);
    free(l->kept);
    free(l->kept_source);
    memset(l, 0, sizeof *l);
}
