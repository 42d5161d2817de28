/* The lock is taken on the flintlock files directly, not by opening a
 * Xapian writer: that would read the damaged tables. An fcntl lock of this
 * process conflicts with Xapian's in any other process, whichever kind
 * Xapian took. */
#include "rebuild.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int rebuild_note_write(const char *index, const sources *reg, const char *date_fallback)
{
    json_t *folders = json_array();
    for (size_t i = 0; folders && i < reg->n; i++)
        if (json_array_append_new(folders, json_string(reg->v[i].folder)) < 0) {
            json_decref(folders);
            folders = NULL;
        }
    json_t *note = folders ? json_pack("{s:o,s:s}", "folders", folders, "date_fallback",
                                       date_fallback) : NULL;
    char path[4200], tmp[4300];
    snprintf(path, sizeof path, "%s/%s", index, REBUILD_NOTE);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int rc = note ? json_dump_file(note, tmp, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : -1;
    json_decref(note);
    if (!note)
        errno = ENOMEM;
    if (rc == 0 && rename(tmp, path) < 0)
        rc = -1;
    if (rc < 0)
        unlink(tmp);
    return rc;
}

seek_status rebuild_note_read(const char *index, char ***folders, size_t *n, char *fallback,
                              size_t fallback_cap, char *err, size_t cap)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", index, REBUILD_NOTE);
    json_error_t jerr;
    json_t *note = json_load_file(path, 0, &jerr);
    json_t *list = json_object_get(note, "folders");
    const char *fb = json_string_value(json_object_get(note, "date_fallback"));
    *folders = NULL;
    *n = 0;
    if (!json_array_size(list)) {
        snprintf(err, cap, "%s names no corpus folders%s%s", path, note ? "" : ": ",
                 note ? "" : jerr.text);
        json_decref(note);
        return note || access(path, F_OK) == 0 ? SEEK_INVALID : SEEK_NOT_FOUND;
    }
    char **v = calloc(json_array_size(list), sizeof *v);
    size_t i;
    json_t *f;
    json_array_foreach(list, i, f) {
        if (!v || !json_is_string(f) || !(v[i] = strdup(json_string_value(f)))) {
            snprintf(err, cap, "%s: %s", path, v && !json_is_string(f) ? "a folder is not a string"
                                                                     : "out of memory");
            seek_status st = v && !json_is_string(f) ? SEEK_INVALID : SEEK_NOMEM;
            for (size_t k = 0; v && k < i; k++)
                free(v[k]);
            free(v);
            json_decref(note);
            return st;
        }
    }
    snprintf(fallback, fallback_cap, "%s", fb && !strcmp(fb, "mtime") ? "mtime" : "none");
    *folders = v;
    *n = json_array_size(list);
    json_decref(note);
    return SEEK_OK;
}

static int lock_one(const char *db, int *fd)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/flintlock", db);
    *fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (*fd < 0)
        return errno == ENOENT ? 0 : -1;   /* no database folder: nothing to guard */
    struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
    if (fcntl(*fd, F_SETLK, &fl) == 0)
        return 0;
    int e = errno;
    close(*fd);
    *fd = -1;
    errno = e;
    return e == EAGAIN || e == EACCES ? 1 : -1;
}

int rebuild_lock(char *const *paths, size_t n, double wait_seconds, int *fds)
{
    for (size_t i = 0; i < n; i++)
        fds[i] = -1;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (size_t i = 0; i < n;) {
        int rc = lock_one(paths[i], &fds[i]);
        if (rc == 0) {
            i++;
            continue;
        }
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        double waited = (double)(t.tv_sec - t0.tv_sec) + (t.tv_nsec - t0.tv_nsec) / 1e9;
        if (rc < 0 || waited >= wait_seconds) {
            int e = errno;
            rebuild_unlock(fds, i);
            errno = e;
            return rc;
        }
        struct timespec nap = { 0, 100 * 1000 * 1000 };
        nanosleep(&nap, NULL);
    }
    return 0;
}

void rebuild_unlock(int *fds, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fds[i] >= 0) {
            close(fds[i]);
            fds[i] = -1;
        }
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)type, (void)ftw;
    return remove(path) < 0 && errno != ENOENT ? -1 : 0;
}

int rebuild_remove(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

seek_status rebuild_swap(const char *index, const char *fresh, char *err, size_t cap)
{
    /* A serving daemon finds the new folder's version file at the next
     * request and opens it afresh; it never sees a moment without an index. */
    if (renameat2(AT_FDCWD, fresh, AT_FDCWD, index, RENAME_EXCHANGE) == 0) {
        if (rebuild_remove(fresh) < 0)
            snprintf(err, cap, "the damaged index, now at %s, could not be removed: %s", fresh,
                     strerror(errno));
        return SEEK_OK;
    }
    if (errno == ENOENT && access(fresh, F_OK) == 0) {
        if (rename(fresh, index) == 0)
            return SEEK_OK;
    } else if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
        char aside[4200];
        snprintf(aside, sizeof aside, "%s.damaged", index);
        if (rebuild_remove(aside) == 0 && rename(index, aside) == 0) {
            if (rename(fresh, index) == 0) {
                rebuild_remove(aside);
                return SEEK_OK;
            }
            int e = errno;
            rename(aside, index);
            errno = e;
        }
    }
    snprintf(err, cap, "cannot put %s in place of %s: %s", fresh, index, strerror(errno));
    return SEEK_IO;
}
