/* Unit tests for the client's rendering: whatever an answer holds (ids,
 * titles, snippets, names, warnings), the output holds no control byte but
 * the line breaks the renderer writes itself, and --ids gives one line per
 * id; stats print reals as the daemon wrote them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "../../client/render.h"

typedef void (*render_fn)(FILE *, const json_t *);

static char *rendered(const char *answer_json, int what)
{
    json_error_t e;
    json_t *a = json_loads(answer_json, 0, &e);
    assert_non_null(a);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    switch (what) {
    case 0: render_hits(f, a, 0, 0); break;
    case 1: render_hits(f, a, 0, 1); break;
    case 2: render_hits(f, a, 1, 0); break;
    case 3: render_entity(f, a, 0); break;
    case 4: render_entities(f, a); break;
    case 5: render_stats(f, a); break;
    case 6: render_notes(f, a); break;
    case 7: render_explain(f, a); break;
    }
    fclose(f);
    json_decref(a);
    return out;
}

/* No C0 control but \n (and, with colour, the renderer's own ESC before
 * "["), no DEL, no C1 control, no U+2028/U+2029, no bidi control. */
static void assert_inert(const char *out, int color)
{
    const unsigned char *p = (const unsigned char *)out;
    for (size_t i = 0; p[i]; i++) {
        if (p[i] == 0x1b && color) {
            assert_true(p[i + 1] == '[');
            /* Only the highlight, dim and reset sequences. */
            assert_true(!strncmp(out + i, "\033[1;33m", 7) || !strncmp(out + i, "\033[0m", 4)
                        || !strncmp(out + i, "\033[2m", 4) || !strncmp(out + i, "\033[1m", 4));
            continue;
        }
        assert_false(p[i] < 0x20 && p[i] != '\n');
        assert_false(p[i] == 0x7f);
        assert_false(p[i] == 0xc2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f);
        assert_false(p[i] == 0xe2 && p[i + 1] == 0x80 && (p[i + 2] == 0xa8 || p[i + 2] == 0xa9
                                                          || (p[i + 2] >= 0xaa && p[i + 2] <= 0xae)));
    }
}

static const char *evil_hits =
    "{\"ok\":true,\"total\":2,\"offset\":0,\"limit\":10,\"took_ms\":1.5,"
    "\"warnings\":[\"ignored '\\u001b[2J'\"],"
    "\"hits\":[{\"id\":\"a\\nb\\u001b[2J\",\"rank\":1,\"score\":1.5,\"date\":\"2020-01-02\","
    "\"title\":\"T\\u001b]0;owned\\u0007\\u009b31m\\u2028x\\u202e\","
    "\"snippet\":\"pre \\u001b[31mRahmon\\u001b[0m post\\u0085\",\"highlights\":[[9,6]]},"
    "{\"id\":\"b\\r\",\"rank\":2,\"score\":1.0,\"title\":\"\",\"snippet\":\"\\u007f\"}]}";

static void test_hits_escaped(void **state)
{
    (void)state;
    for (int color = 0; color < 2; color++) {
        char *out = rendered(evil_hits, color ? 2 : 0);
        assert_inert(out, color);
        assert_non_null(strstr(out, "a\\nb\\x1b[2J"));
        assert_non_null(strstr(out, "T\\x1b]0;owned\\x07\\u009b31m\\u2028x\\u202e"));
        assert_non_null(strstr(out, color ? "pre \\x1b[31m\033[1;33mRahmon\033[0m\\x1b[0m post\\u0085"
                                          : "pre \\x1b[31m[Rahmon]\\x1b[0m post\\u0085"));
        assert_non_null(strstr(out, "b\\r"));
        free(out);
    }
    char *notes = rendered(evil_hits, 6);
    assert_inert(notes, 0);
    assert_string_equal(notes, "seek: warning: ignored '\\x1b[2J'\n");
    free(notes);
}

/* A count the daemon stopped (total_exact false) reads "at least" in
 * every line that gives it; an exact one, or an older daemon's answer
 * without the member, reads as it is. */
static void test_counts_at_least(void **state)
{
    (void)state;
    static const char *const hit = "\"hits\":[{\"id\":\"a\",\"rank\":1,\"score\":1.0}]";
    static const struct { const char *answer, *want; } v[] = {
        { "{\"total\":10000,\"total_exact\":false,\"offset\":0,\"limit\":1,\"took_ms\":1.0,%s}",
          "-- 1-1 of at least 10000 matching documents (1.00 ms)\n" },
        { "{\"total\":1,\"total_exact\":false,\"offset\":0,\"limit\":1,\"took_ms\":1.0,%s}",
          "-- 1-1 of at least 1 matching document (1.00 ms)\n" },
        { "{\"total\":1,\"total_exact\":true,\"offset\":0,\"limit\":1,\"took_ms\":1.0,%s}",
          "-- 1-1 of 1 matching document (1.00 ms)\n" },
        { "{\"total\":7,\"offset\":0,\"limit\":1,\"took_ms\":1.0,%s}",
          "-- 1-1 of 7 matching documents (1.00 ms)\n" },
        { "{\"total\":12000,\"total_exact\":false,\"offset\":0,\"limit\":0,\"hits\":[]}%.0s",
          "-- at least 12000 matching documents\n" },
        { "{\"total\":12000,\"total_exact\":false,\"offset\":20000,\"limit\":10,\"hits\":[]}%.0s",
          "-- no more matching documents (at least 12000 in all)\n" },
    };
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        char answer[512];
        snprintf(answer, sizeof answer, v[i].answer, hit);
        char *out = rendered(answer, 0);
        const char *last = strstr(out, "-- ");
        assert_non_null(last);
        assert_string_equal(last, v[i].want);
        free(out);
    }
}

static void test_ids_one_per_line(void **state)
{
    (void)state;
    char *out = rendered("{\"ok\":true,\"ids\":[\"x\\ny\",\"z\\u2028w\",\"plain/id\"]}", 1);
    assert_string_equal(out, "x\\ny\nz\\u2028w\nplain/id\n");
    free(out);
}

static void test_entities_escaped(void **state)
{
    (void)state;
    char *out = rendered("{\"ok\":true,\"found\":true,\"type\":\"person\",\"name\":\"Evil\\u001b[2J\","
                         "\"docs\":1,\"aliases\":[\"E\\u0007\"],"
                         "\"cooccurring\":[{\"name\":\"P\\u009b\",\"count\":1}],"
                         "\"documents\":[{\"id\":\"d\\n1\",\"title\":\"t\\r\",\"mentions\":2}]}", 3);
    assert_inert(out, 0);
    assert_non_null(strstr(out, "Evil\\x1b[2J (person)"));
    assert_non_null(strstr(out, "  1. d\\n1  2 mentions  t\\r\n"));
    free(out);
    out = rendered("{\"ok\":true,\"total\":1,\"entities\":[{\"type\":\"person\",\"name\":\"N\\u001b\","
                   "\"count\":3}]}", 4);
    assert_inert(out, 0);
    assert_string_equal(out, "     3  person  N\\x1b\n-- 1 of 1 entities\n");
    free(out);
    out = rendered("{\"ok\":true,\"query\":\"q\\u001b\",\"terms\":[{\"term\":\"Zx\\u0007\",\"docs\":1,"
                   "\"weight\":0.5}],\"xapian\":\"Query(\\u001b)\"}", 7);
    assert_inert(out, 0);
    free(out);
}

/* A real the daemon wrote with 8 digits prints as it was written, not as
 * the double nearest it read back at 17. */
static void test_stats_reals(void **state)
{
    (void)state;
    char *out = rendered("{\"ok\":true,\"docs\":5,\"avg_length\":1196.8889,\"index\":\"/x\\u001b\","
                         "\"last_run\":{\"seconds\":0.35,\"note\":\"\\u009b\"}}", 5);
    assert_inert(out, 0);
    assert_non_null(strstr(out, "avg_length   1196.8889\n"));
    assert_non_null(strstr(out, "index        /x\\x1b\n"));
    assert_non_null(strstr(out, "\"seconds\":0.35"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hits_escaped),
        cmocka_unit_test(test_counts_at_least),
        cmocka_unit_test(test_ids_one_per_line),
        cmocka_unit_test(test_entities_escaped),
        cmocka_unit_test(test_stats_reals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
