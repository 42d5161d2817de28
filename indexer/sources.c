/* The sources registry: a JSON object keyed by each folder's key, in the
 * order folders were first indexed (JSON_PRESERVE_ORDER), so stats lists
 * them as they came. */
#include "sources.h"

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fnv.h"
#include "grow.h"

void sources_key(const char *folder, char key[SOURCES_KEY_LEN + 1])
{
    snprintf(key, SOURCES_KEY_LEN + 1, "%016" PRIx64, fnv1a64(folder, strlen(folder)));
}

/* Appends `part` (len bytes, no slash) to the absolute path in out,
 * resolving "." and ".." lexically. Returns 0, or -1 when out is full. */
static int push_part(char *out, size_t *n, size_t cap, const char *part, size_t len)
{
    if (len == 0 || (len == 1 && part[0] == '.'))
        return 0;
    if (len == 2 && part[0] == '.' && part[1] == '.') {
        while (*n > 1 && out[*n - 1] != '/')
            (*n)--;
        if (*n > 1)
            (*n)--;   /* the slash before the dropped part, unless it is the root */
        out[*n] = '\0';
        return 0;
    }
    size_t need = *n + (*n > 1) + len + 1;
    if (need > cap)
        return -1;
    if (*n > 1)
        out[(*n)++] = '/';
    memcpy(out + *n, part, len);
    *n += len;
    out[*n] = '\0';
    return 0;
}

static int push_path(char *out, size_t *n, size_t cap, const char *path)
{
    for (const char *p = path; *p;) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (push_part(out, n, cap, p, len) < 0)
            return -1;
        p += len + (slash != NULL);
    }
    return 0;
}

int sources_canonical(const char *path, char *out, size_t cap)
{
    char real[PATH_MAX];
    if (realpath(path, real)) {
        if (snprintf(out, cap, "%s", real) >= (int)cap) {
            errno = ERANGE;
            return -1;
        }
        return 0;
    }
    if (cap < 2) {
        errno = ERANGE;
        return -1;
    }
    size_t n = 1;
    out[0] = '/';
    out[1] = '\0';
    if (path[0] != '/') {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd))
            return -1;
        if (push_path(out, &n, cap, cwd) < 0) {
            errno = ERANGE;
            return -1;
        }
    }
    if (push_path(out, &n, cap, path) < 0) {
        errno = ERANGE;
        return -1;
    }
    return 0;
}

static long append(sources *s, const char *folder, const char *last_run)
{
    source *grown = grow_to(s->v, &s->cap, s->n + 1, sizeof *s->v, 4);
    if (!grown)
        return -1;
    s->v = grown;
    source *src = &s->v[s->n];
    src->folder = strdup(folder);
    src->last_run = last_run ? strdup(last_run) : NULL;
    if (!src->folder || (last_run && !src->last_run)) {
        free(src->folder);
        free(src->last_run);
        return -1;
    }
    sources_key(folder, src->key);
    return (long)s->n++;
}

seek_status sources_parse(sources *s, const char *json, char *err, size_t cap)
{
    memset(s, 0, sizeof *s);
    if (!json || !*json)
        return SEEK_OK;
    json_error_t jerr;
    json_t *root = json_loads(json, JSON_DECODE_ANY, &jerr);
    if (!json_is_object(root)) {
        snprintf(err, cap, "the index's list of sources is not a JSON object");
        json_decref(root);
        return SEEK_INVALID;
    }
    const char *key;
    json_t *v;
    seek_status st = SEEK_OK;
    json_object_foreach(root, key, v) {
        const char *folder = json_string_value(json_object_get(v, "folder"));
        json_t *run = json_object_get(v, "last_run");
        char *run_text = json_is_object(run) ? json_dumps(run, JSON_COMPACT | JSON_PRESERVE_ORDER)
                                             : NULL;
        if (!folder) {
            snprintf(err, cap, "source %s of the index names no folder", key);
            st = SEEK_INVALID;
        } else if ((json_is_object(run) && !run_text) || append(s, folder, run_text) < 0) {
            snprintf(err, cap, "out of memory");
            st = SEEK_NOMEM;
        }
        free(run_text);
        if (st != SEEK_OK)
            break;
    }
    json_decref(root);
    if (st != SEEK_OK)
        sources_fini(s);
    return st;
}

char *sources_dump(const sources *s)
{
    json_t *root = json_object();
    for (size_t i = 0; root && i < s->n; i++) {
        json_t *run = s->v[i].last_run ? json_loads(s->v[i].last_run, 0, NULL) : json_null();
        json_t *one = run ? json_pack("{s:s,s:o}", "folder", s->v[i].folder, "last_run", run)
                          : NULL;
        if (!one || json_object_set_new(root, s->v[i].key, one) < 0) {
            json_decref(root);
            root = NULL;
        }
    }
    char *text = root ? json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(root);
    return text;
}

long sources_find(const sources *s, const char *folder, const char *key)
{
    for (size_t i = 0; i < s->n; i++)
        if ((folder && !strcmp(s->v[i].folder, folder)) || (key && !strcmp(s->v[i].key, key)))
            return (long)i;
    return -1;
}

long sources_add(sources *s, const char *folder)
{
    long i = sources_find(s, folder, NULL);
    return i >= 0 ? i : append(s, folder, NULL);
}

int sources_set_run(sources *s, size_t i, const char *json)
{
    char *copy = strdup(json);
    if (!copy)
        return -1;
    free(s->v[i].last_run);
    s->v[i].last_run = copy;
    return 0;
}

void sources_remove(sources *s, size_t i)
{
    free(s->v[i].folder);
    free(s->v[i].last_run);
    memmove(&s->v[i], &s->v[i + 1], (s->n - i - 1) * sizeof *s->v);
    s->n--;
}

void sources_fini(sources *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].folder);
        free(s->v[i].last_run);
    }
    free(s->v);
    memset(s, 0, sizeof *s);
}
