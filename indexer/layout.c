/* Index layouts. The stub is Xapian's own format ("auto PATH" per shard,
 * paths relative to the stub), which the daemon opens like any database. */
#include "layout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shard.h"

static int exists(const char *folder, const char *name)
{
    char path[4200];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", folder, name);
    return stat(path, &st) == 0;
}

/* The number of shards the stub lists into *n: OK, or IO (unreadable) or
 * INVALID (not a stub this indexer writes) with the reason in err. */
static seek_status read_stub(const char *index, unsigned *count, char *err, size_t cap)
{
    char path[4200], line[512];
    snprintf(path, sizeof path, "%s/" LAYOUT_STUB, index);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, cap, "cannot read %s: %s", path, strerror(errno));
        return SEEK_IO;
    }
    unsigned n = 0;
    while (fgets(line, sizeof line, f)) {
        char want[64];
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        snprintf(want, sizeof want, "auto shard%u", n);
        if (strcmp(line, want) != 0 || n == SHARD_MAX) {
            snprintf(err, cap, "%s lists '%s' where seekd-index expects '%s': the indexer "
                     "writes local shards only (for remote shards, run seekd-index --shards N "
                     "--shard K on each shard's host)", path, line, want);
            n = 0;
            break;
        }
        n++;
    }
    fclose(f);
    if (n == 0 && !*err)
        snprintf(err, cap, "%s lists no shards", path);
    *count = n;
    return n ? SEEK_OK : SEEK_INVALID;
}

seek_status layout_resolve(const char *index, unsigned want, layout *out, char *err, size_t cap)
{
    memset(out, 0, sizeof *out);
    err[0] = '\0';
    unsigned n = 1;
    if (exists(index, LAYOUT_STUB)) {
        seek_status st = read_stub(index, &n, err, cap);
        if (st != SEEK_OK)
            return st;
        if (want && want != n) {
            snprintf(err, cap, "%s has %u shards, not %u; build the new layout in a new "
                     "folder and switch the daemon to it", index, n, want);
            return SEEK_INVALID;
        }
    } else if (want > 1) {
        if (exists(index, "iamglass") || exists(index, "iamchert")) {
            snprintf(err, cap, "%s holds an unsharded index; build the sharded one in a new "
                     "folder and switch the daemon to it", index);
            return SEEK_INVALID;
        }
        n = want;
    }
    out->paths = calloc(n, sizeof *out->paths);
    if (!out->paths) {
        snprintf(err, cap, "out of memory");
        return SEEK_NOMEM;
    }
    out->nshards = n;
    for (unsigned i = 0; i < n; i++) {
        int ok = n == 1 ? (out->paths[i] = strdup(index)) != NULL
                        : asprintf(&out->paths[i], "%s/shard%u", index, i) >= 0;
        if (!ok) {
            out->paths[i] = NULL;
            layout_fini(out);
            snprintf(err, cap, "out of memory");
            return SEEK_NOMEM;
        }
    }
    out->existed = exists(out->paths[0], "iamglass");
    return SEEK_OK;
}

int layout_write_stub(const char *index, const layout *l)
{
    if (l->nshards == 1)
        return 0;
    char path[4200], tmp[4300];
    snprintf(path, sizeof path, "%s/" LAYOUT_STUB, index);
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f)
        return -1;
    for (unsigned i = 0; i < l->nshards; i++)
        fprintf(f, "auto shard%u\n", i);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        errno = e ? e : EIO;
        return -1;
    }
    return 0;
}

void layout_fini(layout *l)
{
    for (unsigned i = 0; l->paths && i < l->nshards; i++)
        free(l->paths[i]);
    free(l->paths);
    memset(l, 0, sizeof *l);
}
