/* The version file's signature and the verdict drawn from it; what to do
 * about a verdict is the reader's business (reader.c). */
#include "freshness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int fresh_init(freshness *f, const char *index_path, uint64_t max_age_ms)
{
    memset(f, 0, sizeof *f);
    size_t n = strlen(index_path) + sizeof "/iamglass";
    if (!(f->path = malloc(n)))
        return -1;
    snprintf(f->path, n, "%s/iamglass", index_path);
    f->max_age_ms = max_age_ms;
    return 0;
}

void fresh_fini(freshness *f)
{
    free(f->path);
    f->path = NULL;
}

/* Any failure counts as absent, not only ENOENT: a stub file makes the path
 * ENOTDIR, and whatever else is wrong the open or reopen will report. */
static fresh_sig sig_of(const char *path)
{
    fresh_sig s = { 0 };
    struct stat st;
    if (stat(path, &st) == 0)
        s = (fresh_sig){ 1, st.st_dev, st.st_ino, st.st_size, st.st_mtim, st.st_ctim };
    return s;
}

static int ts_equal(struct timespec a, struct timespec b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

static int sig_equal(const fresh_sig *a, const fresh_sig *b)
{
    if (a->present != b->present)
        return 0;
    return !a->present || (a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
                           ts_equal(a->mtim, b->mtim) && ts_equal(a->ctim, b->ctim));
}

fresh_verdict fresh_look(freshness *f, uint64_t now_ms)
{
    f->looked = sig_of(f->path);
    if (!f->known)
        return f->looked.present ? FRESH_CHANGED : FRESH_ABSENT;
    if (!sig_equal(&f->looked, &f->noted))
        return FRESH_CHANGED;
    if (!f->looked.present)
        return FRESH_ABSENT;
    /* The same signature may still hide a commit (an inode number reused
     * within one clock tick), so it is trusted for max_age_ms only. */
    if (f->due || now_ms - f->noted_ms > f->max_age_ms)
        return FRESH_DUE;
    return FRESH_SAME;
}

void fresh_note(freshness *f, uint64_t now_ms)
{
    f->noted = f->looked;
    f->noted_ms = now_ms;
    f->known = 1;
    f->due = 0;
}

void fresh_expire(freshness *f)
{
    f->due = 1;
}
