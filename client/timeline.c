/* Bars scaled to the widest, a count at each bar's end. Months between the
 * first and last are all drawn, empty ones too, so that gaps show; a span
 * over TIMELINE_MAX_MONTHS months is drawn by year instead. */
#include "timeline.h"

#include <stdlib.h>
#include <string.h>

#include "proto/answer.h"
#include "render.h"

#define TIMELINE_MAX_MONTHS 60

typedef struct point {
    int key;            /* yyyymm or yyyy */
    long long count;
} point;

/* The list's points ("2017-11" or "2017" labels), oldest first as sent. */
static point *points(const json_t *list, const char *name, size_t *n)
{
    size_t i;
    const json_t *e;
    point *p = calloc(json_array_size(list) + 1, sizeof *p);
    *n = 0;
    json_array_foreach(list, i, e) {
        const char *label = json_string_value(json_object_get(e, name));
        if (!p || !label)
            continue;
        int y = atoi(label), m = strlen(label) > 5 ? atoi(label + 5) : 0;
        p[(*n)++] = (point){ m ? y * 100 + m : y, json_integer_value(json_object_get(e, PROTO_A_COUNT)) };
    }
    return p;
}

static int next_key(int key, int monthly)
{
    if (!monthly)
        return key + 1;
    return key % 100 == 12 ? (key / 100 + 1) * 100 + 1 : key + 1;
}

static void bar(FILE *f, long long count, long long widest, int room, int fancy)
{
    int len = widest ? (int)(count * room / widest) : 0;
    if (count && !len)
        len = 1;   /* a month with one document still shows */
    for (int i = 0; i < len; i++)
        fputs(fancy ? "\u2588" : "#", f);
    fprintf(f, "%*s %lld\n", room - len, "", count);
}

static void draw(FILE *f, const char *title, const json_t *facet, const char *name, int width,
                 int fancy)
{
    size_t n;
    point *p = points(json_object_get(facet, PROTO_A_DATED), name, &n);
    if (strcmp(title, "published"))
        p = (free(p), points(json_object_get(facet, PROTO_A_MENTIONED), name, &n));
    long long undated = json_integer_value(json_object_get(facet, PROTO_A_UNDATED));
    int monthly = !strcmp(name, PROTO_A_MONTH);
    fprintf(f, "%s, by %s:\n", !strcmp(title, "published") ? "Documents by their date"
                                                            : "Documents by the dates they mention",
            name);
    if (!p || !n) {
        fputs("  (none)\n", f);
    } else {
        long long widest = 0;
        for (size_t i = 0; i < n; i++)
            widest = p[i].count > widest ? p[i].count : widest;
        char digits[24];
        int room = width - (monthly ? 7 : 4) - 3 - snprintf(digits, sizeof digits, "%lld", widest);
        if (room < 10)
            room = 10;
        size_t i = 0;
        for (int key = p[0].key; key <= p[n - 1].key; key = next_key(key, monthly)) {
            long long count = i < n && p[i].key == key ? p[i++].count : 0;
            if (monthly)
                fprintf(f, "%04d-%02d |", key / 100, key % 100);
            else
                fprintf(f, "%04d |", key);
            bar(f, count, widest, room, fancy);
        }
    }
    if (!strcmp(title, "published") && undated)
        fprintf(f, "undated: %lld\n", undated);
    free(p);
}

/* Months unless the list spans more than TIMELINE_MAX_MONTHS. */
static int by_month(const json_t *month, const char *list)
{
    size_t n;
    point *p = points(json_object_get(month, list), PROTO_A_MONTH, &n);
    int span = n ? (p[n - 1].key / 100 - p[0].key / 100) * 12 + p[n - 1].key % 100 - p[0].key % 100 : 0;
    free(p);
    return span < TIMELINE_MAX_MONTHS;
}

void render_timeline(FILE *f, const json_t *answer, int width, int fancy)
{
    const json_t *facets = json_object_get(answer, PROTO_A_FACETS);
    const json_t *month = json_object_get(facets, PROTO_A_MONTH);
    const json_t *year = json_object_get(facets, PROTO_A_YEAR);
    if (!month && !year) {
        fputs("no timeline in the answer\n", f);
        return;
    }
    static const char *const sections[][2] = { { "published", PROTO_A_DATED },
                                               { "mentioned", PROTO_A_MENTIONED } };
    for (size_t i = 0; i < 2; i++) {
        int monthly = month && (!year || by_month(month, sections[i][1]));
        if (i)
            fputc('\n', f);
        draw(f, sections[i][0], monthly ? month : year, monthly ? PROTO_A_MONTH : PROTO_A_YEAR,
             width, fancy);
    }
    fputs("-- ", f);
    render_count(f, answer);
    fputc('\n', f);
}
