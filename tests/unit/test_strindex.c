/* Unit tests for the read-only string map: each key's values in order of
 * rank then of arrival, look-ups with strings of the caller's own, keys
 * that are absent or prefixes of others, an empty map, and a large one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "strindex.h"
#include "strpool.h"

static strpool pool;

static const char *in(const char *s)
{
    const char *p = strpool_intern(&pool, s, strlen(s));
    assert_non_null(p);
    return p;
}

static void assert_vals(const strindex *m, const char *key, const uint32_t *want, size_t nwant)
{
    char copy[64];
    snprintf(copy, sizeof copy, "%s", key);   /* not the interned pointer */
    size_t n;
    const uint32_t *v = strindex_get(m, copy, &n);
    assert_int_equal(n, nwant);
    if (!nwant) {
        assert_null(v);
        return;
    }
    for (size_t i = 0; i < n; i++)
        assert_int_equal(v[i], want[i]);
}

static void test_order_by_rank_then_arrival(void **state)
{
    (void)state;
    strpool_init(&pool);
    strindex_entry e[] = {
        { .key = in("new"), .val = 10, .rank = 2 },
        { .key = in("york"), .val = 11, .rank = 0 },
        { .key = in("new"), .val = 12, .rank = 1 },
        { .key = in("new"), .val = 13, .rank = 2 },
        { .key = in("new"), .val = 14, .rank = 1 },
        { .key = in("newark"), .val = 15, .rank = 0 },
    };
    strindex m;
    assert_int_equal(strindex_build(&m, e, sizeof e / sizeof *e), SEEK_OK);
    assert_vals(&m, "new", (const uint32_t[]){ 12, 14, 10, 13 }, 4);
    assert_vals(&m, "york", (const uint32_t[]){ 11 }, 1);
    assert_vals(&m, "newark", (const uint32_t[]){ 15 }, 1);
    /* Absent, a prefix of a key, a key with more after it, empty. */
    assert_vals(&m, "ne", NULL, 0);
    assert_vals(&m, "yorks", NULL, 0);
    assert_vals(&m, "", NULL, 0);
    assert_vals(&m, "boston", NULL, 0);
    strindex_fini(&m);
    strindex_fini(&m);   /* twice is harmless */
    strpool_fini(&pool);
}

static void test_empty(void **state)
{
    (void)state;
    strindex m;
    assert_int_equal(strindex_build(&m, NULL, 0), SEEK_OK);
    assert_vals(&m, "anything", NULL, 0);
    strindex_fini(&m);
    strindex zero = { 0 };
    size_t n = 7;
    assert_null(strindex_get(&zero, "x", &n));
    assert_int_equal(n, 0);
    strindex_fini(&zero);
}

static void test_many_keys(void **state)
{
    (void)state;
    /* Keys with one to three values each, entered out of order: every key
     * finds exactly its own, in order of arrival. */
    strpool_init(&pool);
    enum { KEYS = 30000 };
    size_t n = 0;
    strindex_entry *e = malloc(KEYS * 3 * sizeof *e);
    assert_non_null(e);
    char buf[32];
    for (int round = 0; round < 3; round++)
        for (int k = KEYS - 1; k >= 0; k--) {
            if (k % 3 < round)
                continue;
            snprintf(buf, sizeof buf, "key%d", k);
            e[n++] = (strindex_entry){ .key = in(buf), .val = (uint32_t)(k * 10 + round) };
        }
    strindex m;
    assert_int_equal(strindex_build(&m, e, n), SEEK_OK);
    free(e);
    for (int k = 0; k < KEYS; k++) {
        snprintf(buf, sizeof buf, "key%d", k);
        uint32_t want[3] = { (uint32_t)k * 10, (uint32_t)k * 10 + 1, (uint32_t)k * 10 + 2 };
        assert_vals(&m, buf, want, (size_t)(k % 3) + 1);
    }
    assert_vals(&m, "key30000", NULL, 0);
    strindex_fini(&m);
    strpool_fini(&pool);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_by_rank_then_arrival),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_many_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
