/* Unit tests for the query parser: the trees it builds and the errors, with
 * byte offsets, it gives for bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "query/query.h"

static void expect_tree(const char *q, const char *want)
{
    qp_node *t = NULL;
    qp_error err;
    seek_status st = qp_parse(q, strlen(q), &t, &err);
    if (st != SEEK_OK)
        fail_msg("%s: unexpected error at %zu: %s", q, err.offset, err.message);
    char *d = qp_describe(t);
    assert_string_equal(d, want);
    free(d);
    qp_free(t);
}

static void expect_error(const char *q, size_t len, size_t offset, const char *words)
{
    qp_node *t = NULL;
    qp_error err;
    seek_status st = qp_parse(q, len, &t, &err);
    assert_int_equal(st, SEEK_BAD_QUERY);
    assert_null(t);
    if (err.offset != offset)
        fail_msg("%s: offset %zu, wanted %zu (%s)", q, err.offset, offset, err.message);
    if (!strstr(err.message, words))
        fail_msg("%s: message '%s' lacks '%s'", q, err.message, words);
}

static void test_words_are_anded(void **state)
{
    (void)state;
    expect_tree("rahmon", "word:rahmon");
    expect_tree("Rahmon  Minsk", "(AND word:rahmon word:minsk)");
    expect_tree("a b c", "(AND (AND word:a word:b) word:c)");
}

static void test_phrases(void **state)
{
    (void)state;
    expect_tree("\"Collective Security Council\"", "\"collective security council\"");
    expect_tree("\xE2\x80\x9CSleeper cells\xE2\x80\x9D", "\"sleeper cells\"");
    expect_tree("\"the  of, the\"", "\"the of the\"");
    expect_tree("\"single\"", "\"single\"");
    /* A word the tokenizer splits is a phrase, so punctuation keeps its meaning. */
    expect_tree("sleeper-cells", "\"sleeper cells\"");
    expect_tree("Tajikistan’s", "word:tajikistan's");
}

static void test_operators(void **state)
{
    (void)state;
    expect_tree("a OR b", "(OR word:a word:b)");
    expect_tree("a b OR c", "(OR (AND word:a word:b) word:c)");
    expect_tree("a AND b", "(AND word:a word:b)");
    expect_tree("a NOT b", "(AND word:a (NOT word:b))");
    expect_tree("a -b", "(AND word:a (NOT word:b))");
    expect_tree("-\"x y\" a", "(AND (NOT \"x y\") word:a)");
    expect_tree("NOT a", "(NOT word:a)");
    expect_tree("+a", "word:a");
    expect_tree("(a OR b) c", "(AND (OR word:a word:b) word:c)");
    expect_tree("a-b -c", "(AND \"a b\" (NOT word:c))");
    expect_tree("Secur* council", "(AND prefix:secur word:council)");
    /* Lower-case operator words are just words. */
    expect_tree("war and peace", "(AND (AND word:war word:and) word:peace)");
}

static void test_syntax_errors_with_offsets(void **state)
{
    (void)state;
    expect_error("", 0, 0, "empty query");
    expect_error("   ", 3, 0, "empty query");
    expect_error("a (b", 4, 2, "unbalanced");
    expect_error("a b)", 4, 3, "unexpected ')'");
    expect_error("\"open phrase", 12, 0, "unterminated");
    expect_error("x \"\"", 4, 2, "empty phrase");
    expect_error("a OR", 4, 2, "OR needs something on its right");
    expect_error("OR a", 4, 0, "OR needs something on its left");
    expect_error("a AND", 5, 2, "AND needs");
    expect_error("a NOT", 5, 2, "NOT needs");
    expect_error("()", 2, 0, "empty parentheses");
    expect_error("a !!!", 5, 2, "no letters or digits");
    expect_error("ok \xFF", 4, 3, "not valid UTF-8");
    expect_error("x a-b*", 6, 2, "single word");
}

static void test_entity_and_date_filters(void **state)
{
    (void)state;
    expect_tree("person:Rakhmon", "person:\"rakhmon\"");
    expect_tree("person:\"Emomali  Rahmon\"", "person:\"emomali rahmon\"");
    expect_tree("org:ОДКБ", "org:\"odkb\"");
    expect_tree("place:Dušanbe", "place:\"dusanbe\"");
    expect_tree("entity:“Qasri Millat”", "entity:\"qasri millat\"");
    expect_tree("person:rahmon \"sleeper cells\"", "(AND person:\"rahmon\" \"sleeper cells\")");
    expect_tree("-place:minsk csto", "(AND (NOT place:\"minsk\") word:csto)");
    expect_tree("date:2012", "date:2012-01-01..2012-12-31");
    expect_tree("date:2015-09", "date:2015-09-01..2015-09-30");
    expect_tree("date:2004-12-02", "date:2004-12-02..2004-12-02");
    expect_tree("date:2010..2015 OR person:putin", "(OR date:2010-01-01..2015-12-31 person:\"putin\")");
    /* Unknown fields and capitalized ones are plain words. */
    expect_tree("Person:x", "\"person x\"");
    expect_tree("url:x", "\"url x\"");
}

static void test_bad_filters(void **state)
{
    (void)state;
    expect_error("person:", 7, 0, "person: needs a name");
    expect_error("a org:\"\"", 8, 2, "org: needs a name");
    expect_error("place:\"open", 11, 6, "unterminated name");
    expect_error("person:!!", 9, 7, "holds no letters");
    expect_error("date:", 5, 0, "date: needs a date");
    expect_error("date:2020-02-30", 15, 13, "date: takes");
    expect_error("x date:2015..2010", 17, 13, "date: takes");
    expect_error("date:20x5", 9, 7, "date: takes");
}

static void test_limits(void **state)
{
    (void)state;
    char deep[200];
    memset(deep, '(', 40);
    strcpy(deep + 40, "a");
    memset(deep + 41, ')', 40);
    deep[81] = '\0';
    expect_error(deep, strlen(deep), 32, "nested too deep");

    char many[4000] = "";
    for (int i = 0; i < QP_MAX_TERMS + 5; i++)
        strcat(many, "w ");
    qp_node *t = NULL;
    qp_error err;
    assert_int_equal(qp_parse(many, strlen(many), &t, &err), SEEK_BAD_QUERY);
    assert_non_null(strstr(err.message, "too many words"));
}

static void test_random_input_never_crashes(void **state)
{
    (void)state;
    static const char alphabet[] = "ab \"()-+ORANDNOT\xE2\x80\x9C\xFF";
    uint32_t x = 7;
    char q[64];
    for (int round = 0; round < 5000; round++) {
        size_t n = (size_t)(round % 63);
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            q[i] = alphabet[(x >> 16) % (sizeof alphabet - 1)];
        }
        qp_node *t = NULL;
        qp_error err;
        seek_status st = qp_parse(q, n, &t, &err);
        assert_true(st == SEEK_OK || st == SEEK_BAD_QUERY);
        if (st == SEEK_OK)
            assert_non_null(t);
        else
            assert_true(err.offset <= n);
        qp_free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_are_anded),
        cmocka_unit_test(test_phrases),
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_syntax_errors_with_offsets),
        cmocka_unit_test(test_entity_and_date_filters),
        cmocka_unit_test(test_bad_filters),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_random_input_never_crashes),
    };
    return cmocka_run_group_tests_name("query", tests, NULL, NULL);
}
