/* Default paths. They are computed, never created here, except on request
 * through paths_make_parents(). */
#include "paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int put(char *buf, size_t cap, const char *fmt, const char *a, const char *b)
{
    int n = snprintf(buf, cap, fmt, a, b);
    return (n < 0 || (size_t)n >= cap) ? -1 : 0;
}

static const char *nonempty(const char *name)
{
    const char *v = getenv(name);
    return (v && *v) ? v : NULL;
}

int paths_index(char *buf, size_t cap)
{
    const char *v;
    if ((v = nonempty("SEEKD_INDEX")))
        return put(buf, cap, "%s%s", v, "");
    if ((v = nonempty("XDG_DATA_HOME")))
        return put(buf, cap, "%s%s", v, "/seekd/index");
    if ((v = nonempty("HOME")))
        return put(buf, cap, "%s%s", v, "/.local/share/seekd/index");
    return put(buf, cap, "%s%s", "seekd-index", "");
}

int paths_socket(char *buf, size_t cap)
{
    const char *v;
    if ((v = nonempty("SEEKD_SOCKET")))
        return put(buf, cap, "%s%s", v, "");
    if ((v = nonempty("XDG_RUNTIME_DIR")))
        return put(buf, cap, "%s%s", v, "/seekd.sock");
    char uid[32];
    snprintf(uid, sizeof uid, "%u", (unsigned)getuid());
    return put(buf, cap, "/tmp/seekd-%s%s", uid, "/seekd.sock");
}

#ifndef SEEKD_DATADIR
#define SEEKD_DATADIR "/usr/local/share/seekd"
#endif

int paths_gazetteer(char *buf, size_t cap)
{
    const char *v;
    if ((v = nonempty("SEEKD_GAZETTEER")))
        return put(buf, cap, "%s%s", v, "");
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            if (put(buf, cap, "%s%s", exe, "/../data/gazetteer.tsv") == 0 && access(buf, R_OK) == 0)
                return 0;
        }
    }
    return put(buf, cap, "%s%s", SEEKD_DATADIR, "/gazetteer.tsv");
}

int paths_make_parents(const char *path, unsigned mode)
{
    char *copy = strdup(path);
    if (!copy)
        return -1;
    char *slash = strrchr(copy, '/');
    if (!slash || slash == copy) {
        free(copy);
        return 0;
    }
    *slash = '\0';
    for (char *p = copy + 1; ; p++) {
        int last = *p == '\0';
        if (*p == '/' || last) {
            char saved = *p;
            *p = '\0';
            if (mkdir(copy, (mode_t)mode) < 0 && errno != EEXIST) {
                int e = errno;
                free(copy);
                errno = e;
                return -1;
            }
            *p = saved;
        }
        if (last)
            break;
    }
    free(copy);
    return 0;
}
