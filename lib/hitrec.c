#include "hitrec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

int hitrec_build(const hitrec *f, char **out, size_t *len)
{
    const char *v[] = { f->id, f->title, f->date, f->entities, f->url, f->date_source };
    size_t n = sizeof v / sizeof *v, total = 0;
    for (size_t i = 0; i < n; i++)
        total += (v[i] ? strlen(v[i]) : 0) + 1;
    char *p = malloc(total);
    if (!p)
        return -1;
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = v[i] ? strlen(v[i]) : 0;
        memcpy(p + at, v[i] ? v[i] : "", l);
        at += l;
        p[at++] = '\0';
    }
    *out = p;
    *len = total - 1;   /* the last field's NUL is the string's end, not stored */
    return 0;
}

void hitrec_parse(const char *rec, size_t len, hitrec *out)
{
    const char **dst[] = { &out->id, &out->title, &out->date, &out->entities, &out->url,
                           &out->date_source };
    size_t at = 0;
    for (size_t i = 0; i < sizeof dst / sizeof *dst; i++) {
        *dst[i] = at <= len ? rec + at : "";
        if (at <= len)
            at += strlen(rec + at) + 1;
    }
}

/* Copies a field, a tab or newline in it made a space. */
static void put_field(char *dst, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dst[i] = s[i] == '\t' || s[i] == '\n' ? ' ' : s[i];
}

int hitrec_entity_add(char **list, size_t *len, size_t *cap, const char *type, const char *key,
                      const char *name, unsigned mentions)
{
    const char *f[] = { type, key, name };
    size_t fl[3], need = *len + 16 + 1;   /* "\t" x3, digits, "\n", the NUL */
    for (int i = 0; i < 3; i++)
        need += fl[i] = strlen(f[i]);
    char *p = grow_to(*list, cap, need, 1, 256);
    if (!p)
        return -1;
    *list = p;
    p += *len;
    for (int i = 0; i < 3; i++) {
        put_field(p, f[i], fl[i]);
        p += fl[i];
        *p++ = '\t';
    }
    p += sprintf(p, "%u\n", mentions);
    *len = (size_t)(p - *list);
    return 0;
}

int hitrec_entity_next(const char **p, hitrec_entity *e)
{
    while (**p) {
        const char *line = *p, *end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line);
        *p = *end ? end + 1 : end;
        const char *t1 = memchr(line, '\t', (size_t)(end - line));
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(end - t1 - 1)) : NULL;
        const char *t3 = t2 ? memchr(t2 + 1, '\t', (size_t)(end - t2 - 1)) : NULL;
        if (!t3)
            continue;
        *e = (hitrec_entity){ line, t1 + 1, t2 + 1, (size_t)(t1 - line), (size_t)(t2 - t1 - 1),
                              (size_t)(t3 - t2 - 1), strtoul(t3 + 1, NULL, 10) };
        return 1;
    }
    return 0;
}
