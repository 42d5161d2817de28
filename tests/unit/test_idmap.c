/* Unit tests for the id map of a fresh build: new keys, replaced values,
 * and growth past many slots with every key still found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "../../indexer/idmap.h"

static void test_new_and_replaced(void **state)
{
    (void)state;
    idmap m = { 0 };
    unsigned old = 99;
    assert_int_equal(idmap_put(&m, "Qa", 1, &old), 0);
    assert_int_equal(old, 99);
    assert_int_equal(idmap_put(&m, "Qb", 2, &old), 0);
    assert_int_equal(idmap_put(&m, "Qa", 5, &old), 1);
    assert_int_equal(old, 1);
    assert_int_equal(idmap_put(&m, "Qa", 6, &old), 1);
    assert_int_equal(old, 5);
    assert_int_equal(m.n, 2);
    idmap_fini(&m);
}

static void test_growth(void **state)
{
    (void)state;
    idmap m = { 0 };
    char key[32];
    unsigned old;
    for (unsigned i = 0; i < 50000; i++) {
        snprintf(key, sizeof key, "Qdoc/%u", i);
        assert_int_equal(idmap_put(&m, key, i, &old), 0);
    }
    assert_int_equal(m.n, 50000);
    assert_true(m.cap >= 2 * m.n);
    for (unsigned i = 0; i < 50000; i++) {
        snprintf(key, sizeof key, "Qdoc/%u", i);
        assert_int_equal(idmap_put(&m, key, i + 1, &old), 1);
        assert_int_equal(old, i);
    }
    idmap_fini(&m);
    assert_int_equal(m.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_and_replaced),
        cmocka_unit_test(test_growth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
