/* Unit tests for date terms: what a mention indexes and which terms a
 * filter range turns into. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "entity/dateterms.h"

static int collect(const char *term, void *ctx)
{
    char *out = ctx;
    if (*out)
        strcat(out, " ");
    strcat(out, term);
    return 0;
}

static void expect_mention(int lo, int hi, int precision, const char *want)
{
    char out[4096] = "";
    date_span s = { lo, hi };
    dateterms_mention(&s, precision, collect, out);
    assert_string_equal(out, want);
}

static void expect_range(int lo, int hi, const char *want)
{
    char out[8192] = "";
    date_span s = { lo, hi };
    dateterms_range(&s, collect, out);
    assert_string_equal(out, want);
}

static void test_mentions_index_every_precision(void **state)
{
    (void)state;
    expect_mention(20171130, 20171130, 'd', "Y2017 M201711 D20171130");
    expect_mention(20150914, 20150915, 'd', "Y2015 M201509 D20150914 D20150915");
    expect_mention(20150901, 20150930, 'm', "Y2015 M201509");
    expect_mention(20200101, 20211231, 'y', "Y2020 Y2021");
    expect_mention(20171230, 20180102, 'd', "Y2017 Y2018 M201712 M201801 D20171230 D20171231 D20180101 D20180102");
    /* A long span of days is indexed by month. */
    expect_mention(20150101, 20150615, 'd', "Y2015 M201501 M201502 M201503 M201504 M201505 M201506");
    expect_mention(18000101, 18001231, 'y', "");
}

static void test_ranges_use_the_fewest_terms(void **state)
{
    (void)state;
    expect_range(20120101, 20121231, "Y2012");
    expect_range(20150901, 20150930, "M201509");
    expect_range(20041202, 20041202, "D20041202");
    expect_range(20100101, 20121231, "Y2010 Y2011 Y2012");
    expect_range(20151128, 20160131, "D20151128 D20151129 D20151130 M201512 M201601");
    expect_range(20150201, 20150228, "M201502");
    expect_range(20160201, 20160229, "M201602");
}

static void test_open_ranges_are_clamped(void **state)
{
    (void)state;
    char out[8192] = "";
    date_span s = { DATE_OPEN_LO, 19021231 };
    dateterms_range(&s, collect, out);
    assert_string_equal(out, "Y1900 Y1901 Y1902");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mentions_index_every_precision),
        cmocka_unit_test(test_ranges_use_the_fewest_terms),
        cmocka_unit_test(test_open_ranges_are_clamped),
    };
    return cmocka_run_group_tests_name("dateterms", tests, NULL, NULL);
}
