#include "hitrec.h"

#include <stdlib.h>
#include <string.h>

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
