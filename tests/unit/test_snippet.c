/* Unit tests for the snippet generator: which passage it picks, what it
 * marks, and that marks point at the matched text in the snippet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../daemon/snippet.h"

static morph *stem;

static int setup(void **state)
{
    (void)state;
    char err[256];
    return morph_new(&stem, err, sizeof err) == SEEK_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    morph_free(stem);
    return 0;
}

/* The snippet of `text` for `query`, with each mark written as [..]. */
static char *marked(const char *query, const char *text, unsigned width)
{
    qp_node *tree;
    qp_error err;
    assert_int_equal(qp_parse(query, strlen(query), &tree, &err), SEEK_OK);
    snip_terms *t = snip_terms_new(tree, stem, NULL);
    assert_non_null(t);
    snippet s;
    assert_int_equal(snippet_make(t, stem, text, strlen(text), width, &s), 0);
    char *out = calloc(1, s.len + 2 * s.nmarks + 1);
    size_t at = 0;
    for (size_t i = 0; i < s.nmarks; i++) {
        assert_true(s.marks[i][0] >= at && s.marks[i][0] + s.marks[i][1] <= s.len);
        strncat(out, s.text + at, s.marks[i][0] - at);
        strcat(out, "[");
        strncat(out, s.text + s.marks[i][0], s.marks[i][1]);
        strcat(out, "]");
        at = s.marks[i][0] + s.marks[i][1];
    }
    strcat(out, s.text + at);
    snippet_fini(&s);
    snip_terms_free(t);
    qp_free(tree);
    return out;
}

static void test_marks_stemmed_words(void **state)
{
    (void)state;
    char *s = marked("council meeting", "The Councils met.\nA meeting of the council.", 20);
    assert_string_equal(s, "The [Councils] met. A [meeting] of the [council].");
    free(s);
}

static void test_marks_proximity_and_literal_words(void **state)
{
    (void)state;
    char *s = marked("falcon NEAR/3 rivers", "The falcons landed near the rivers and the falcon slept.", 20);
    assert_string_equal(s, "The falcons landed near the [rivers] and the [falcon] slept.");
    free(s);
    s = marked("\"falcon river\"~3", "A falcon landed near the river.", 20);
    assert_string_equal(s, "A [falcon] landed near the [river].");
    free(s);
    s = marked("=councils", "The council and the councils.", 20);
    assert_string_equal(s, "The council and the [councils].");
    free(s);
    s = marked("title:council", "The Council met.", 20);
    assert_string_equal(s, "The [Council] met.");
    free(s);
}

static void test_marks_whole_phrases_only(void **state)
{
    (void)state;
    char *s = marked("\"security council\"", "security, and the Security Council (UN)", 20);
    assert_string_equal(s, "security, and the [Security Council] (UN)");
    free(s);
}

static void test_picks_the_best_window(void **state)
{
    (void)state;
    char text[2000] = "rahmon ";
    for (int i = 0; i < 40; i++)
        strcat(text, "filler ");
    strcat(text, "rahmon visited minsk today ");
    for (int i = 0; i < 40; i++)
        strcat(text, "filler ");
    char *s = marked("rahmon minsk", text, 10);
    assert_non_null(strstr(s, "[rahmon] visited [minsk]"));
    assert_true(strncmp(s, "\xE2\x80\xA6 ", 4) == 0);
    assert_true(strcmp(s + strlen(s) - 4, " \xE2\x80\xA6") == 0);
    free(s);
}

static void test_excluded_words_are_not_marked(void **state)
{
    (void)state;
    char *s = marked("minsk -rahmon", "Rahmon in Minsk", 10);
    assert_string_equal(s, "Rahmon in [Minsk]");
    free(s);
}

static void test_no_match_gives_the_start(void **state)
{
    (void)state;
    char *s = marked("absent", "First words here, then more", 3);
    assert_string_equal(s, "First words here, \xE2\x80\xA6");
    free(s);
    s = marked("absent", "", 3);
    assert_string_equal(s, "");
    free(s);
}

static void test_accents_and_case_match(void **state)
{
    (void)state;
    char *s = marked("dusanbe", "Held in DUŠANBE.", 10);
    assert_string_equal(s, "Held in [DUŠANBE].");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks_stemmed_words),
        cmocka_unit_test(test_marks_whole_phrases_only),
        cmocka_unit_test(test_marks_proximity_and_literal_words),
        cmocka_unit_test(test_picks_the_best_window),
        cmocka_unit_test(test_excluded_words_are_not_marked),
        cmocka_unit_test(test_no_match_gives_the_start),
        cmocka_unit_test(test_accents_and_case_match),
    };
    return cmocka_run_group_tests_name("snippet", tests, setup, teardown);
}
