/* Human-readable output. Layout per hit: rank, id, score; the title; the
 * snippet. A closing line says how many documents matched. Every string
 * that came from the index (ids, titles, snippets, names, terms) is written
 * through text_fput_visible, so a document's control characters and escape
 * sequences show as escapes and never act on the terminal. */
#include "render.h"

#include <string.h>

#include "proto/answer.h"
#include "text/visible.h"

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
        text_fput_visible(f, text + at, (size_t)off - at);
        fputs(color ? HL_ON : "[", f);
        text_fput_visible(f, text + off, (size_t)n);
        fputs(color ? HL_OFF : "]", f);
        at = (size_t)(off + n);
    }
    text_fputs_visible(f, text + at);
    fputc('\n', f);
}

/* "Emomali Rahmon (4), Alexander Lukashenko (2)" for a list of entities. */
static void print_counted(FILE *f, const json_t *list, const char *name_key, const char *count_key)
{
    size_t i;
    const json_t *e;
    json_array_foreach(list, i, e) {
        const char *name = json_string_value(json_object_get(e, name_key));
        fputs(i ? ", " : "", f);
        text_fputs_visible(f, name ? name : "?");
        fprintf(f, " (%lld)", (long long)json_integer_value(json_object_get(e, count_key)));
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
        text_fputs_visible(f, key);
        fprintf(f, "%*s ", strlen(key) < 8 ? (int)(8 - strlen(key)) : 0, "");
        print_counted(f, list, strcmp(key, PROTO_A_DATE) ? PROTO_A_NAME : PROTO_A_YEAR,
                      PROTO_A_COUNT);
    }
}

/* An answer without "total_exact" (an older daemon's, always exact) counts
 * every match. */
static int counted_all(const json_t *answer)
{
    return !json_is_false(json_object_get(answer, PROTO_A_TOTAL_EXACT));
}

void render_count(FILE *f, const json_t *answer)
{
    json_int_t total = json_integer_value(json_object_get(answer, PROTO_A_TOTAL));
    fprintf(f, "%s%lld matching document%s", counted_all(answer) ? "" : "at least ",
            (long long)total, total == 1 ? "" : "s");
}

void render_hits(FILE *f, const json_t *answer, int color, int ids_only)
{
    size_t i;
    const json_t *h;
    if (ids_only) {
        /* One line per id, always: a line break in an id shows as \n. */
        json_array_foreach(json_object_get(answer, PROTO_A_IDS), i, h) {
            text_fputs_visible(f, json_string_value(h));
            fputc('\n', f);
        }
        return;
    }
    const json_t *hits = json_object_get(answer, PROTO_A_HITS);
    json_array_foreach(hits, i, h) {
        const char *id = json_string_value(json_object_get(h, PROTO_A_ID));
        const char *date = json_string_value(json_object_get(h, PROTO_A_DATE));
        fprintf(f, "%s%3lld. ", color ? "\033[1m" : "",
                (long long)json_integer_value(json_object_get(h, PROTO_A_RANK)));
        text_fputs_visible(f, id);
        fprintf(f, "%s  %.3f%s", color ? HL_OFF : "", json_real_value(json_object_get(h, PROTO_A_SCORE)),
                date ? "  " : "");
        text_fputs_visible(f, date);
        fputc('\n', f);
        const char *title = json_string_value(json_object_get(h, PROTO_A_TITLE));
        if (title && *title) {
            fprintf(f, "   %s", color ? DIM : "");
            text_fputs_visible(f, title);
            fprintf(f, "%s\n", color ? HL_OFF : "");
        }
        const char *snip = json_string_value(json_object_get(h, PROTO_A_SNIPPET));
        if (snip)
            print_snippet(f, snip, json_object_get(h, PROTO_A_HIGHLIGHTS), color);
    }
    const json_t *facets = json_object_get(answer, PROTO_A_FACETS);
    if (facets)
        print_facets(f, facets);
    json_int_t total = json_integer_value(json_object_get(answer, PROTO_A_TOTAL));
    json_int_t offset = json_integer_value(json_object_get(answer, PROTO_A_OFFSET));
    size_t n = json_array_size(hits);
    const json_t *limit = json_object_get(answer, PROTO_A_LIMIT);
    if (!n && total > 0 && limit && json_integer_value(limit) == 0) {
        /* --limit 0 asks for the count alone. */
        fputs("-- ", f);
        render_count(f, answer);
        fputc('\n', f);
    } else if (n) {
        fprintf(f, "-- %lld-%lld of ", (long long)offset + 1, (long long)offset + (long long)n);
        render_count(f, answer);
        fprintf(f, " (%.2f ms)\n", json_number_value(json_object_get(answer, PROTO_A_TOOK_MS)));
    } else {
        fprintf(f, "-- no%s matching documents (%s%lld in all)\n", offset ? " more" : "",
                counted_all(answer) ? "" : "at least ", (long long)total);
    }
}

void render_notes(FILE *f, const json_t *answer)
{
    size_t i;
    const json_t *w;
    json_array_foreach(json_object_get(answer, PROTO_A_WARNINGS), i, w)
        if (json_string_value(w)) {
            fputs("seek: warning: ", f);
            text_fputs_visible(f, json_string_value(w));
            fputc('\n', f);
        }
    if (json_is_true(json_object_get(answer, PROTO_A_RELAXED)))
        fputs("seek: no document has every word; showing those that have some of them\n", f);
}

void render_stats(FILE *f, const json_t *answer)
{
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)answer, key, v) {
        if (!strcmp(key, PROTO_A_OK) || !strcmp(key, PROTO_A_SOURCES))
            continue;   /* sources: render_sources, a line each */
        /* Eight significant digits, as the daemon wrote them: read back
         * into a double, 1196.8889 would print as 1196.8888999999999. */
        char *s = json_is_string(v) ? NULL
                : json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(8));
        text_fputs_visible(f, key);
        fprintf(f, "%*s ", strlen(key) < 12 ? (int)(12 - strlen(key)) : 0, "");
        text_fputs_visible(f, s ? s : json_string_value(v));
        fputc('\n', f);
        free(s);
    }
}

void render_entity(FILE *f, const json_t *answer, int color)
{
    if (!json_is_true(json_object_get(answer, PROTO_A_FOUND))) {
        fputs("no entity known as '", f);
        text_fputs_visible(f, json_string_value(json_object_get(answer, PROTO_A_QUERY)));
        fputs("'\n", f);
        return;
    }
    fputs(color ? "\033[1m" : "", f);
    text_fputs_visible(f, json_string_value(json_object_get(answer, PROTO_A_NAME)));
    fprintf(f, "%s (", color ? HL_OFF : "");
    text_fputs_visible(f, json_string_value(json_object_get(answer, PROTO_A_TYPE)));
    fprintf(f, "), mentioned in %lld document%s\n",
            (long long)json_integer_value(json_object_get(answer, PROTO_A_DOCS)),
            json_integer_value(json_object_get(answer, PROTO_A_DOCS)) == 1 ? "" : "s");
    const json_t *aliases = json_object_get(answer, PROTO_A_ALIASES);
    if (json_array_size(aliases)) {
        fputs("also known as: ", f);
        size_t i;
        const json_t *a;
        json_array_foreach(aliases, i, a) {
            fputs(i ? ", " : "", f);
            text_fputs_visible(f, json_string_value(a));
        }
        fputc('\n', f);
    }
    const json_t *co = json_object_get(answer, PROTO_A_COOCCURRING);
    if (json_array_size(co)) {
        fputs("appears with: ", f);
        print_counted(f, co, PROTO_A_NAME, PROTO_A_COUNT);
    }
    size_t i;
    const json_t *d;
    json_array_foreach(json_object_get(answer, PROTO_A_DOCUMENTS), i, d) {
        fprintf(f, "%3zu. ", i + 1);
        text_fputs_visible(f, json_string_value(json_object_get(d, PROTO_A_ID)));
        fprintf(f, "  %lld mention%s  ", (long long)json_integer_value(json_object_get(d, PROTO_A_MENTIONS)),
                json_integer_value(json_object_get(d, PROTO_A_MENTIONS)) == 1 ? "" : "s");
        text_fputs_visible(f, json_string_value(json_object_get(d, PROTO_A_TITLE)));
        fputc('\n', f);
    }
}

void render_entities(FILE *f, const json_t *answer)
{
    size_t i;
    const json_t *e;
    json_array_foreach(json_object_get(answer, PROTO_A_ENTITIES), i, e) {
        const char *type = json_string_value(json_object_get(e, PROTO_A_TYPE));
        fprintf(f, "%6lld  ", (long long)json_integer_value(json_object_get(e, PROTO_A_COUNT)));
        text_fputs_visible(f, type);
        fprintf(f, "%*s ", type && strlen(type) < 7 ? (int)(7 - strlen(type)) : 0, "");
        text_fputs_visible(f, json_string_value(json_object_get(e, PROTO_A_NAME)));
        fputc('\n', f);
    }
    fprintf(f, "-- %zu of %lld entities\n", json_array_size(json_object_get(answer, PROTO_A_ENTITIES)),
            (long long)json_integer_value(json_object_get(answer, PROTO_A_TOTAL)));
}

static void print_terms(FILE *f, const json_t *terms, int in_doc)
{
    size_t i;
    const json_t *t;
    json_array_foreach(terms, i, t) {
        const char *term = json_string_value(json_object_get(t, PROTO_A_TERM));
        fputs("  ", f);
        text_fputs_visible(f, term ? term : "?");
        size_t tl = term ? strlen(term) : 1;
        fprintf(f, "%*s %8lld %10.4f%s\n", tl < 30 ? (int)(30 - tl) : 0, "",
                (long long)json_integer_value(json_object_get(t, in_doc ? PROTO_A_WDF : PROTO_A_DOCS)),
                json_real_value(json_object_get(t, PROTO_A_WEIGHT)),
                json_is_true(json_object_get(t, PROTO_A_FEEDBACK)) ? "  (feedback)" : "");
    }
}

void render_explain(FILE *f, const json_t *answer)
{
    const char *read = json_string_value(json_object_get(answer, PROTO_A_QUERY));
    const char *xq = json_string_value(json_object_get(answer, PROTO_A_XAPIAN));
    fputs("read as: ", f);
    text_fputs_visible(f, read);
    fputs("\nruns as: ", f);
    text_fputs_visible(f, xq);
    fputc('\n', f);
    fprintf(f, "  %-30s %8s %10s\n", "term", "docs", "max weight");
    print_terms(f, json_object_get(answer, PROTO_A_TERMS), 0);
    const json_t *doc = json_object_get(answer, PROTO_A_DOC);
    if (!doc)
        return;
    const char *id = json_string_value(json_object_get(doc, PROTO_A_ID));
    fputs("document ", f);
    text_fputs_visible(f, id);
    if (!json_is_true(json_object_get(doc, PROTO_A_FOUND))) {
        fputs(": not in the index\n", f);
        return;
    }
    if (!json_is_true(json_object_get(doc, PROTO_A_MATCHES))) {
        fputs(": does not match the query\n", f);
        return;
    }
    fprintf(f, ": score %.4f\n", json_real_value(json_object_get(doc, PROTO_A_SCORE)));
    fprintf(f, "  %-30s %8s %10s\n", "term", "wdf", "weight");
    print_terms(f, json_object_get(doc, PROTO_A_TERMS), 1);
}
