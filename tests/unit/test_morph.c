/* Unit tests for lib/morph: the stemmer a word's script chooses, Russian
 * lemmas from the dictionary with Snowball behind it, й and ё, and that the
 * cache answers as the first look-up did. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "morph/morph.h"

static morph *m;

static int setup(void **state)
{
    (void)state;
    char err[256];
    return morph_new(&m, err, sizeof err) == SEEK_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    morph_free(m);
    return 0;
}

/* The keys of `w` joined by '|'. */
static const char *keys(const char *w)
{
    static char out[MORPH_MAX_KEYS * MORPH_KEY_MAX];
    size_t n;
    const char *k = morph_keys(m, w, strlen(w), &n);
    assert_non_null(k);
    assert_true(n >= 1 && n <= MORPH_MAX_KEYS);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++, k += strlen(k) + 1) {
        if (i)
            strcat(out, "|");
        strcat(out, k);
    }
    return out;
}

static void assert_same(const char *a, const char *b)
{
    char ka[sizeof(char[MORPH_MAX_KEYS * MORPH_KEY_MAX])];
    snprintf(ka, sizeof ka, "%s", keys(a));
    if (strcmp(ka, keys(b)) != 0)
        fail_msg("%s -> %s but %s -> %s", a, ka, b, keys(b));
}

static void assert_apart(const char *a, const char *b)
{
    char ka[sizeof(char[MORPH_MAX_KEYS * MORPH_KEY_MAX])];
    snprintf(ka, sizeof ka, "%s", keys(a));
    if (strcmp(ka, keys(b)) == 0)
        fail_msg("%s and %s share %s", a, b, ka);
}

static void test_script_chooses_the_stemmer(void **state)
{
    (void)state;
    /* Latin: English Snowball. */
    assert_string_equal(keys("councils"), "council");
    assert_string_equal(keys("security"), "secur");
    /* Cyrillic, Russian alphabet: the dictionary's lemma. */
    assert_string_equal(keys("сессии"), "сессия");
    assert_string_equal(keys("минске"), "минск");
    /* Armenian: Armenian Snowball cuts the ending. */
    assert_same("հայաստան", "հայաստանի");
    assert_same("հայաստան", "հայաստանում");
    assert_same("նախագահ", "նախագահը");
    /* Kazakh and Tajik words are Cyrillic but not Russian: no stemmer. */
    assert_string_equal(keys("қаласында"), "қаласында");
    assert_string_equal(keys("ҷумҳурии"), "ҷумҳурии");
    /* Scripts without a stemmer, and numbers, stay as they are. */
    assert_string_equal(keys("ασφάλεια"), "ασφάλεια");
    assert_string_equal(keys("2015"), "2015");
}

static void test_russian_word_forms(void **state)
{
    (void)state;
    assert_same("сессия", "сессии");
    assert_same("безопасность", "безопасности");
    assert_same("минск", "минске");
    assert_same("заявил", "заявила");
    assert_same("переговоры", "переговорах");
    assert_same("выборы", "выборов");
    /* What Snowball joins, the dictionary keeps apart. */
    assert_apart("безопасность", "безопасный");
    assert_apart("страна", "странный");
    assert_apart("мир", "мирный");
    /* A word the dictionary lacks in one form meets its lemma's other forms. */
    assert_same("экономиками", "экономика");
    assert_same("нефтях", "нефть");
    /* Words no dictionary knows fall back to Snowball. */
    assert_same("кибератаки", "кибератаками");
}

static void test_yo_and_short_i(void **state)
{
    (void)state;
    /* The tokenizer reads ё as е; lemmas spelled with ё meet that. */
    assert_same("самолет", "самолета");
    assert_same("объем", "объема");
    /* й is a letter: мой and мои are not one key set. */
    assert_apart("мой", "мои");
}

static void test_keys_sorted_and_cached(void **state)
{
    (void)state;
    /* Two lemmas ("сталь", "стать"), in byte order, the same again from the
     * cache. */
    const char *first = keys("стали");
    assert_non_null(strchr(first, '|'));
    char copy[256];
    snprintf(copy, sizeof copy, "%s", first);
    const char *bar = strchr(copy, '|');
    assert_true(strncmp(copy, bar + 1, (size_t)(bar - copy)) < 0);
    assert_string_equal(keys("стали"), copy);
    size_t n;
    const char *k = morph_keys(m, "стали", strlen("стали"), &n);
    assert_int_equal(n, 2);
    assert_true(morph_has_key(k, n, "сталь"));
    assert_true(morph_has_key(k, n, "стать"));
    assert_false(morph_has_key(k, n, "стал"));
}

static void test_cache_refill(void **state)
{
    (void)state;
    /* More distinct words than the cache holds: it starts afresh and keeps
     * answering the same. */
    char w[32];
    for (unsigned i = 0; i < MORPH_CACHE_WORDS + 100; i++) {
        int n = snprintf(w, sizeof w, "w%u", i);
        size_t nk;
        const char *k = morph_keys(m, w, (size_t)n, &nk);
        assert_non_null(k);
        assert_int_equal(nk, 1);
    }
    assert_string_equal(keys("councils"), "council");
    assert_string_equal(keys("сессии"), "сессия");
}

static void test_cache_grows_and_keeps_its_words(void **state)
{
    (void)state;
    /* A reader of its own, whose table starts small: words past several
     * doublings, then each again, answered from the cache (the count of
     * words stays) with the keys it was given. */
    morph *r;
    char err[256], w[32];
    assert_int_equal(morph_new(&r, err, sizeof err), SEEK_OK);
    const unsigned words = 20000;
    size_t nk;
    for (unsigned i = 0; i < words; i++) {
        int n = snprintf(w, sizeof w, "growth%u", i);
        assert_non_null(morph_keys(r, w, (size_t)n, &nk));
        assert_int_equal(morph_cached(r), i + 1);
    }
    assert_string_equal(morph_keys(r, "councils", strlen("councils"), &nk), "council");
    for (unsigned i = 0; i < words; i++) {
        int n = snprintf(w, sizeof w, "growth%u", i);
        const char *k = morph_keys(r, w, (size_t)n, &nk);
        assert_non_null(k);
        assert_int_equal(nk, 1);
        assert_string_equal(k, w);
    }
    assert_string_equal(morph_keys(r, "councils", strlen("councils"), &nk), "council");
    assert_int_equal(morph_cached(r), words + 1);
    morph_free(r);
}

static void test_two_readers_share_the_dictionary(void **state)
{
    (void)state;
    morph *other;
    char err[256];
    assert_int_equal(morph_new(&other, err, sizeof err), SEEK_OK);
    size_t n;
    const char *k = morph_keys(other, "безопасности", strlen("безопасности"), &n);
    assert_int_equal(n, 1);
    assert_string_equal(k, "безопасность");
    morph_free(other);
    /* The first reader still has it. */
    assert_string_equal(keys("президентом"), "президент");
    morph_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_script_chooses_the_stemmer),
        cmocka_unit_test(test_russian_word_forms),
        cmocka_unit_test(test_yo_and_short_i),
        cmocka_unit_test(test_keys_sorted_and_cached),
        cmocka_unit_test(test_cache_refill),
        cmocka_unit_test(test_cache_grows_and_keeps_its_words),
        cmocka_unit_test(test_two_readers_share_the_dictionary),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
