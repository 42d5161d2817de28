/* Unit tests for lib/entity/wordlist.c: a word is found only whole, at any
 * place in the list, and a prefix of a word is checked by its length. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "entity/wordlist.h"

static const char list[] = " city county town президент ";

static void test_whole_words_anywhere(void **state)
{
    (void)state;
    assert_true(wordlist_has_word(list, "city"));
    assert_true(wordlist_has_word(list, "county"));
    assert_true(wordlist_has_word(list, "президент"));
}

static void test_parts_and_runs_of_words_are_not_words(void **state)
{
    (void)state;
    assert_false(wordlist_has_word(list, "cit"));
    assert_false(wordlist_has_word(list, "ounty"));
    assert_false(wordlist_has_word(list, "towns"));
    assert_false(wordlist_has_word(list, "city county"));
    assert_false(wordlist_has_word(list, ""));
    assert_false(wordlist_has_word(list, " "));
    assert_false(wordlist_has_word("", "city"));
}

static void test_length_checks_a_prefix(void **state)
{
    (void)state;
    assert_true(wordlist_has(list, "президента", strlen("президент")));
    assert_false(wordlist_has(list, "президента", strlen("президента")));
    assert_true(wordlist_has(list, "townhall", 4));
    assert_false(wordlist_has(list, "townhall", 0));
}

static void test_lists_without_outer_spaces(void **state)
{
    (void)state;
    assert_true(wordlist_has_word("a an the", "a"));
    assert_true(wordlist_has_word("a an the", "the"));
    assert_false(wordlist_has_word("a an the", "th"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_words_anywhere),
        cmocka_unit_test(test_parts_and_runs_of_words_are_not_words),
        cmocka_unit_test(test_length_checks_a_prefix),
        cmocka_unit_test(test_lists_without_outer_spaces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
