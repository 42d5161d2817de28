/* Unit tests for the string pool: copies are NUL-terminated and stay where
 * they are while the pool grows, interning gives one pointer per distinct
 * string, long strings get blocks of their own, and sealing keeps every
 * string. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "strpool.h"

static void test_copies_stay_put(void **state)
{
    (void)state;
    strpool p;
    strpool_init(&p);
    /* Enough strings to fill several blocks: every pointer handed out
     * still reads its string at the end. */
    enum { N = 20000 };
    const char **got = malloc(N * sizeof *got);
    assert_non_null(got);
    char buf[32];
    for (int i = 0; i < N; i++) {
        int n = snprintf(buf, sizeof buf, "string number %d", i);
        /* Only the first n bytes are copied, the rest of buf is not. */
        got[i] = strpool_add(&p, buf, (size_t)n - 1);
        assert_non_null(got[i]);
    }
    for (int i = 0; i < N; i++) {
        int n = snprintf(buf, sizeof buf, "string number %d", i);
        buf[n - 1] = '\0';
        assert_string_equal(got[i], buf);
    }
    /* Copies are distinct even when the strings are equal. */
    const char *a = strpool_add(&p, "same", 4), *b = strpool_add(&p, "same", 4);
    assert_ptr_not_equal(a, b);
    assert_string_equal(strpool_add(&p, "", 0), "");
    free(got);
    strpool_fini(&p);
}

static void test_intern_one_pointer_per_string(void **state)
{
    (void)state;
    strpool p;
    strpool_init(&p);
    const char *moscow = strpool_intern(&p, "moscow city", 6);
    assert_string_equal(moscow, "moscow");
    /* Equal bytes, another buffer: the same pointer. */
    char other[] = "moscow";
    assert_ptr_equal(strpool_intern(&p, other, 6), moscow);
    /* A prefix or an extension is another string. */
    const char *mosc = strpool_intern(&p, "mosc", 4);
    assert_ptr_not_equal(mosc, moscow);
    assert_string_equal(mosc, "mosc");
    const char *longer = strpool_intern(&p, "moscowa", 7);
    assert_ptr_not_equal(longer, moscow);
    /* Many strings (the table grows): each found again as interned. */
    char buf[32];
    const char *first = NULL;
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(buf, sizeof buf, "w%d", i);
        const char *s = strpool_intern(&p, buf, (size_t)n);
        assert_non_null(s);
        if (i == 0)
            first = s;
    }
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(buf, sizeof buf, "w%d", i);
        const char *s = strpool_intern(&p, buf, (size_t)n);
        assert_string_equal(s, buf);
        if (i == 0)
            assert_ptr_equal(s, first);
    }
    assert_ptr_equal(strpool_intern(&p, "moscow", 6), moscow);
    /* An interned string and a plain copy of it are apart. */
    assert_ptr_not_equal(strpool_add(&p, "moscow", 6), moscow);
    strpool_fini(&p);
}

static void test_long_strings(void **state)
{
    (void)state;
    strpool p;
    strpool_init(&p);
    size_t big = STRPOOL_BLOCK * 2;
    char *text = malloc(big + 1);
    assert_non_null(text);
    memset(text, 'x', big);
    text[big] = '\0';
    const char *small = strpool_add(&p, "before", 6);
    const char *huge = strpool_add(&p, text, big);
    assert_non_null(huge);
    assert_int_equal(strlen(huge), big);
    /* The block being filled is still the one small strings go to: the
     * next one follows the first in it. */
    const char *after = strpool_add(&p, "after", 5);
    assert_ptr_equal(after, small + 7);
    /* A long string first of all. */
    strpool q;
    strpool_init(&q);
    assert_int_equal(strlen(strpool_add(&q, text, big)), big);
    assert_string_equal(strpool_add(&q, "next", 4), "next");
    assert_string_equal(strpool_intern(&q, text, big), text);
    strpool_fini(&q);
    free(text);
    strpool_fini(&p);
}

static void test_seal_keeps_strings(void **state)
{
    (void)state;
    strpool p;
    strpool_init(&p);
    const char *a = strpool_intern(&p, "alpha", 5), *b = strpool_add(&p, "beta", 4);
    strpool_seal(&p);
    assert_null(p.set);
    assert_string_equal(a, "alpha");
    assert_string_equal(b, "beta");
    assert_string_equal(strpool_add(&p, "gamma", 5), "gamma");
    strpool_seal(&p);   /* twice is harmless */
    strpool_fini(&p);
    strpool_fini(&p);   /* and so is finishing a finished pool */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copies_stay_put),
        cmocka_unit_test(test_intern_one_pointer_per_string),
        cmocka_unit_test(test_long_strings),
        cmocka_unit_test(test_seal_keeps_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
