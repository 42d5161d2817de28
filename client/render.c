/* Human-readable output. Layout per hit: rank, id, score; the title; the
 * snippet. A closing line says how many documents matched. */
#include "render.h"

#include <string.h>

#define HL_ON "\033[1;33m"
#define HL_OFF "\033[0m"
#define DIM "\033[2m"

static void print_snippet(FILE *f, const char *text, const json_t *marks, int color)
{
    size_t at = 0, len = strlen(text);
    size_t i;
    const json_t *m;
    fputs("   ", f);
    json_array_foreach(marks, i, m) {
        json_int_t off = json_integer_value(json_array_get(m, 0));
        json_int_t n = json_integer_value(json_array_get(m, 1));
        if (off < (json_int_t)at || off + n > (json_int_t)len || n <= 0)
            continue;
        fwrite(text + at, 1, (size_t)off - at, f);
        fputs(color ? HL_ON : "[", f);
        fwrite(text + off, 1, (size_t)n, f);
        fputs(color ? HL_OFF : "]", f);
        at = (size_t)(off + n);
    }
    fputs(text + at, f);
    fputc('\n', f);
}

void render_hits(FILE *f, const json_t *answer, int color, int ids_only)
{
    const json_t *hits = json_object_get(answer, "hits");
    size_t i;
    const json_t *h;
    json_array_foreach(hits, i, h) {
        const char *id = json_string_value(json_object_get(h, "id"));
        if (ids_only) {
            fprintf(f, "%s\n", id ? id : "");
            continue;
        }
        fprintf(f, "%s%3lld. %s%s  %.3f\n", color ? "\033[1m" : "",
                (long long)json_integer_value(json_object_get(h, "rank")), id ? id : "",
                color ? HL_OFF : "", json_real_value(json_object_get(h, "score")));
        const char *title = json_string_value(json_object_get(h, "title"));
        if (title && *title)
            fprintf(f, "   %s%s%s\n", color ? DIM : "", title, color ? HL_OFF : "");
        const char *snip = json_string_value(json_object_get(h, "snippet"));
        if (snip)
            print_snippet(f, snip, json_object_get(h, "highlights"), color);
    }
    if (ids_only)
        return;
    json_int_t total = json_integer_value(json_object_get(answer, "total"));
    json_int_t offset = json_integer_value(json_object_get(answer, "offset"));
    size_t n = json_array_size(hits);
    if (n)
        fprintf(f, "-- %lld-%lld of %lld matching document%s (%.2f ms)\n",
                (long long)offset + 1, (long long)offset + (long long)n, (long long)total,
                total == 1 ? "" : "s", json_number_value(json_object_get(answer, "took_ms")));
    else
        fprintf(f, "-- no%s matching documents (%lld in all)\n", offset ? " more" : "",
                (long long)total);
}

void render_stats(FILE *f, const json_t *answer)
{
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)answer, key, v) {
        if (!strcmp(key, "ok"))
            continue;
        char *s = json_is_string(v) ? NULL : json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        fprintf(f, "%-12s %s\n", key, s ? s : json_string_value(v));
        free(s);
    }
}
