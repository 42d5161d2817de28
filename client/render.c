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

/* "Emomali Rahmon (4), Alexander Lukashenko (2)" for a list of entities. */
static void print_counted(FILE *f, const json_t *list, const char *name_key, const char *count_key)
{
    size_t i;
    const json_t *e;
    json_array_foreach(list, i, e) {
        const char *name = json_string_value(json_object_get(e, name_key));
        fprintf(f, "%s%s (%lld)", i ? ", " : "", name ? name : "?",
                (long long)json_integer_value(json_object_get(e, count_key)));
    }
    fputc('\n', f);
}

static void print_facets(FILE *f, const json_t *facets)
{
    const char *key;
    const json_t *list;
    json_object_foreach((json_t *)facets, key, list) {
        if (!json_is_array(list))
            continue;   /* month and year: seek --timeline draws them */
        fprintf(f, "%-8s ", key);
        print_counted(f, list, strcmp(key, "date") ? "name" : "year", "count");
    }
}

void render_hits(FILE *f, const json_t *answer, int color, int ids_only)
{
    size_t i;
    const json_t *h;
    if (ids_only) {
        json_array_foreach(json_object_get(answer, "ids"), i, h)
            fprintf(f, "%s\n", json_string_value(h) ? json_string_value(h) : "");
        return;
    }
    const json_t *hits = json_object_get(answer, "hits");
    json_array_foreach(hits, i, h) {
        const char *id = json_string_value(json_object_get(h, "id"));
        const char *date = json_string_value(json_object_get(h, "date"));
        fprintf(f, "%s%3lld. %s%s  %.3f%s%s\n", color ? "\033[1m" : "",
                (long long)json_integer_value(json_object_get(h, "rank")), id ? id : "",
                color ? HL_OFF : "", json_real_value(json_object_get(h, "score")),
                date ? "  " : "", date ? date : "");
        const char *title = json_string_value(json_object_get(h, "title"));
        if (title && *title)
            fprintf(f, "   %s%s%s\n", color ? DIM : "", title, color ? HL_OFF : "");
        const char *snip = json_string_value(json_object_get(h, "snippet"));
        if (snip)
            print_snippet(f, snip, json_object_get(h, "highlights"), color);
    }
    const json_t *facets = json_object_get(answer, "facets");
    if (facets)
        print_facets(f, facets);
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

void render_notes(FILE *f, const json_t *answer)
{
    size_t i;
    const json_t *w;
    json_array_foreach(json_object_get(answer, "warnings"), i, w)
        if (json_string_value(w))
            fprintf(f, "seek: warning: %s\n", json_string_value(w));
    if (json_is_true(json_object_get(answer, "relaxed")))
        fputs("seek: no document has every word; showing those that have some of them\n", f);
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

void render_entity(FILE *f, const json_t *answer, int color)
{
    if (!json_is_true(json_object_get(answer, "found"))) {
        fprintf(f, "no entity known as '%s'\n", json_string_value(json_object_get(answer, "query")));
        return;
    }
    fprintf(f, "%s%s%s (%s), mentioned in %lld document%s\n", color ? "\033[1m" : "",
            json_string_value(json_object_get(answer, "name")), color ? HL_OFF : "",
            json_string_value(json_object_get(answer, "type")),
            (long long)json_integer_value(json_object_get(answer, "docs")),
            json_integer_value(json_object_get(answer, "docs")) == 1 ? "" : "s");
    const json_t *aliases = json_object_get(answer, "aliases");
    if (json_array_size(aliases)) {
        fputs("also known as: ", f);
        size_t i;
        const json_t *a;
        json_array_foreach(aliases, i, a)
            fprintf(f, "%s%s", i ? ", " : "", json_string_value(a));
        fputc('\n', f);
    }
    const json_t *co = json_object_get(answer, "cooccurring");
    if (json_array_size(co)) {
        fputs("appears with: ", f);
        print_counted(f, co, "name", "count");
    }
    size_t i;
    const json_t *d;
    json_array_foreach(json_object_get(answer, "documents"), i, d)
        fprintf(f, "%3zu. %s  %lld mention%s  %s\n", i + 1,
                json_string_value(json_object_get(d, "id")),
                (long long)json_integer_value(json_object_get(d, "mentions")),
                json_integer_value(json_object_get(d, "mentions")) == 1 ? "" : "s",
                json_string_value(json_object_get(d, "title")));
}

void render_entities(FILE *f, const json_t *answer)
{
    size_t i;
    const json_t *e;
    json_array_foreach(json_object_get(answer, "entities"), i, e)
        fprintf(f, "%6lld  %-7s %s\n", (long long)json_integer_value(json_object_get(e, "count")),
                json_string_value(json_object_get(e, "type")),
                json_string_value(json_object_get(e, "name")));
    fprintf(f, "-- %zu of %lld entities\n", json_array_size(json_object_get(answer, "entities")),
            (long long)json_integer_value(json_object_get(answer, "total")));
}

static void print_terms(FILE *f, const json_t *terms, int in_doc)
{
    size_t i;
    const json_t *t;
    json_array_foreach(terms, i, t) {
        const char *term = json_string_value(json_object_get(t, "term"));
        fprintf(f, "  %-30s %8lld %10.4f%s\n", term ? term : "?",
                (long long)json_integer_value(json_object_get(t, in_doc ? "wdf" : "docs")),
                json_real_value(json_object_get(t, "weight")),
                json_is_true(json_object_get(t, "feedback")) ? "  (feedback)" : "");
    }
}

void render_explain(FILE *f, const json_t *answer)
{
    const char *read = json_string_value(json_object_get(answer, "query"));
    const char *xq = json_string_value(json_object_get(answer, "xapian"));
    fprintf(f, "read as: %s\nruns as: %s\n", read ? read : "", xq ? xq : "");
    fprintf(f, "  %-30s %8s %10s\n", "term", "docs", "max weight");
    print_terms(f, json_object_get(answer, "terms"), 0);
    const json_t *doc = json_object_get(answer, "doc");
    if (!doc)
        return;
    const char *id = json_string_value(json_object_get(doc, "id"));
    if (!json_is_true(json_object_get(doc, "found"))) {
        fprintf(f, "document %s: not in the index\n", id ? id : "");
        return;
    }
    if (!json_is_true(json_object_get(doc, "matches"))) {
        fprintf(f, "document %s: does not match the query\n", id ? id : "");
        return;
    }
    fprintf(f, "document %s: score %.4f\n", id ? id : "",
            json_real_value(json_object_get(doc, "score")));
    fprintf(f, "  %-30s %8s %10s\n", "term", "wdf", "weight");
    print_terms(f, json_object_get(doc, "terms"), 1);
}
