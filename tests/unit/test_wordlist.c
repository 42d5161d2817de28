/* Unit tests for lib/entity/wordlist.c: a word is found only whole, at any
 * place in the list, and a prefix of a word is checked by its length; an
 * ending is found at a word's end, with as much kept before it as asked. */
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

static const char endings[] = " ого его ой ";

static void test_a_word_ends_with_an_ending_of_the_list(void **state)
{
    (void)state;
    assert_true(wordlist_ends(endings, "Ошского", strlen("Ошского"), 1));
    assert_true(wordlist_ends(endings, "Толстой", strlen("Толстой"), 1));
    assert_false(wordlist_ends(endings, "Толстого", strlen("Толстого") - 2, 1));
    assert_false(wordlist_ends(endings, "Москва", strlen("Москва"), 0));
    assert_false(wordlist_ends("", "Москва", strlen("Москва"), 0));
}

static void test_an_ending_keeps_what_is_asked_before_it(void **state)
{
    (void)state;
    size_t len = strlen("его");
    assert_true(wordlist_ends(endings, "его", len, 0));
    assert_false(wordlist_ends(endings, "его", len, 1));
    /* "Мого": two bytes before "ого", so a keep of three refuses it. */
    assert_true(wordlist_ends(endings, "Мого", strlen("Мого"), 2));
    assert_false(wordlist_ends(endings, "Мого", strlen("Мого"), 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_words_anywhere),
        cmocka_unit_test(test_parts_and_runs_of_words_are_not_words),
        cmocka_unit_test(test_length_checks_a_prefix),
        cmocka_unit_test(test_lists_without_outer_spaces),
        cmocka_unit_test(test_a_word_ends_with_an_ending_of_the_list),
        cmocka_unit_test(test_an_ending_keeps_what_is_asked_before_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
