/* Unit tests for lib/entity/dates.c: every written form of a date in
 * English and Russian, byte offsets, rejected look-alikes, the document
 * dates without a year given the year nearest a document's date, query
 * filters, and robustness against arbitrary bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "entity/dates.h"

/* Runs dates_find on an unterminated heap copy of exactly the text's length,
 * so that the sanitizers catch any read past `len`. */
static ssize_t find(const char *s, size_t len, int year, date_mention **out)
{
    char *copy = malloc(len ? len : 1);
    ssize_t n;

    assert_non_null(copy);
    memcpy(copy, s, len);
    n = dates_find(copy, len, year, out);
    free(copy);
    return n;
}

/* Asserts that `s` holds exactly one mention, the substring `what`. */
static void expect_one(const char *s, int year, const char *what, int lo, int hi, int prec)
{
    const char *at = strstr(s, what);
    date_mention *m;
    ssize_t n = find(s, strlen(s), year, &m);

    assert_non_null(at);
    if (n != 1)
        print_error("in \"%s\": %zd mentions\n", s, n);
    assert_int_equal(n, 1);
    assert_int_equal(m[0].start, (size_t)(at - s));
    assert_int_equal(m[0].end, (size_t)(at - s) + strlen(what));
    assert_int_equal(m[0].span.lo, lo);
    assert_int_equal(m[0].span.hi, hi);
    assert_int_equal(m[0].precision, prec);
    free(m);
}

static void expect_day(const char *s, int year, const char *what, int day)
{
    expect_one(s, year, what, day, day, 'd');
}

static void expect_none(const char *s, int year)
{
    date_mention *m;
    ssize_t n = find(s, strlen(s), year, &m);

    if (n != 0)
        print_error("in \"%s\": %zd mentions, first %d\n", s, n, m[0].span.lo);
    assert_int_equal(n, 0);
    assert_null(m);
}

static void test_iso(void **state)
{
    (void)state;
    expect_day("Published 2017-11-30 in Minsk", 0, "2017-11-30", 20171130);
    expect_day("2017/11/30", 0, "2017/11/30", 20171130);
    expect_day("2017.11.30.", 0, "2017.11.30", 20171130);
    expect_day("at 2017-11-30T10:00:00Z", 0, "2017-11-30", 20171130);
    expect_none("2017-11-3", 0);
    expect_none("2017-11/30", 0);
}

static void test_day_month_year_en(void **state)
{
    (void)state;
    expect_day("on 30 November 2017.", 0, "30 November 2017", 20171130);
    expect_day("on 30 Nov 2017", 0, "30 Nov 2017", 20171130);
    expect_day("on 30 Nov. 2017", 0, "30 Nov. 2017", 20171130);
    expect_day("on 1 SEPT 2015", 0, "1 SEPT 2015", 20150901);
    expect_day("the 30th of November 2017", 0, "30th of November 2017", 20171130);
    expect_day("on 2nd May 2010", 0, "2nd May 2010", 20100502);
}

static void test_month_day_year_en(void **state)
{
    (void)state;
    expect_day("created on October 7, 2002, based", 0, "October 7, 2002", 20021007);
    expect_day("on Nov. 30, 2017", 0, "Nov. 30, 2017", 20171130);
    expect_day("June 28, 2012", 0, "June 28, 2012", 20120628);
    expect_day("june 28 2012", 0, "june 28 2012", 20120628);
    expect_day("Sept. 5th, 2015", 0, "Sept. 5th, 2015", 20150905);
    expect_day("signed on May 15, 1992.", 0, "May 15, 1992", 19920515);
}

static void test_default_year(void **state)
{
    (void)state;
    expect_day("in Minsk, on November 30.", 2017, "November 30", 20171130);
    expect_day("on 30 November, the", 2017, "30 November", 20171130);
    expect_day("Rahmon on January 10 drew", 2016, "January 10", 20160110);
    expect_day("on Nov. 30.", 2017, "Nov. 30", 20171130);
    /* A dot after an abbreviation that ends the date is the sentence's. */
    expect_day("on 30 Nov. Then", 2017, "30 Nov", 20171130);
    expect_none("in Minsk, on November 30.", 0);
    expect_none("on 30 November, the", 0);
    /* February 29 exists only in leap years. */
    expect_day("February 29", 2020, "February 29", 20200229);
    expect_none("February 29", 2019);
    /* A default year no calendar has is the same as none. */
    expect_none("on November 30", INT_MAX);
    expect_none("on November 30", -2017);
}

static void test_day_range_en(void **state)
{
    (void)state;
    expect_one("(14-15 September, Dushanbe)", 2015, "14-15 September", 20150914, 20150915, 'd');
    expect_one("September 14-15, 2015", 0, "September 14-15, 2015", 20150914, 20150915, 'd');
    expect_one("states on 14-15 Sep.", 2015, "14-15 Sep", 20150914, 20150915, 'd');
    expect_one("14\xe2\x80\x93" "15 September 2015", 0, "14\xe2\x80\x93" "15 September 2015",
               20150914, 20150915, 'd');
    expect_one("14 - 15 September 2015", 0, "14 - 15 September 2015", 20150914, 20150915, 'd');
    expect_none("14-15 September", 0);
    expect_none("15-14 September 2015", 0);
    expect_none("30-31 September 2015", 0);
}

static void test_dotted(void **state)
{
    (void)state;
    expect_day("09.04.2025", 0, "09.04.2025", 20250409);
    expect_day("from 9.4.2025 on", 0, "9.4.2025", 20250409);
    expect_day("от 09.04.2025 г. №5", 0, "09.04.2025 г.", 20250409);
    expect_day("(09.04.2025)", 0, "09.04.2025", 20250409);
}

static void test_slash_dates_left_out(void **state)
{
    (void)state;
    expect_none("09/04/2025", 0);
    expect_none("4/9/2025", 0);
}

static void test_month_year(void **state)
{
    (void)state;
    expect_one("In September 2015, the", 0, "September 2015", 20150901, 20150930, 'm');
    expect_one("Feb 2020", 0, "Feb 2020", 20200201, 20200229, 'm');
    expect_one("сентябрь 2015", 0, "сентябрь 2015", 20150901, 20150930, 'm');
    expect_one("это было в сентябре 2015 года.", 0, "сентябре 2015 года", 20150901, 20150930, 'm');
    expect_one("В НОЯБРЕ 2017 г.", 0, "НОЯБРЕ 2017 г.", 20171101, 20171130, 'm');
}

static void test_year_in_context(void **state)
{
    (void)state;
    expect_one("in 2022 the", 0, "2022", 20220101, 20221231, 'y');
    expect_one("In 2015, it", 0, "2015", 20150101, 20151231, 'y');
    expect_one("a member since 1992.", 0, "1992", 19920101, 19921231, 'y');
    expect_one("by 2025", 0, "2025", 20250101, 20251231, 'y');
    expect_one("through 2025", 0, "2025", 20250101, 20251231, 'y');
    expect_one("until\t2030", 0, "2030", 20300101, 20301231, 'y');
    expect_one("the report (2014) says", 0, "2014", 20140101, 20141231, 'y');
    expect_one("the year 2014", 0, "2014", 20140101, 20141231, 'y');
    expect_one("в 2022 году", 0, "2022 году", 20220101, 20221231, 'y');
    expect_one("с 2015 года", 0, "2015 года", 20150101, 20151231, 'y');
}

static void test_year_lists(void **state)
{
    const char *s = "chaired the CSTO in 2003, 2007, 2015, and 2021. В 2003, 2007 и 2015 годах.";
    const int want[] = {2003, 2007, 2015, 2021, 2003, 2007, 2015};
    date_mention *m;
    ssize_t n = find(s, strlen(s), 0, &m);

    (void)state;
    assert_int_equal(n, 7);
    for (int i = 0; i < 7; i++) {
        assert_int_equal(m[i].span.lo, want[i] * 10000 + 101);
        assert_int_equal(m[i].precision, 'y');
    }
    free(m);
    s = "since 1999 or 2000.";
    assert_int_equal(find(s, strlen(s), 0, &m), 2);
    assert_int_equal(m[1].start, strlen("since 1999 or "));
    free(m);
    /* A count after a year is still a count. */
    expect_one("In 2015, 2000 people died", 0, "2015", 20150101, 20151231, 'y');
    expect_one("In 2003 and 2007 members met", 0, "2003", 20030101, 20031231, 'y');
}

static void test_bare_number_not_year(void **state)
{
    (void)state;
    expect_none("2025 troops arrived", 0);
    expect_none("2025", 0);
    expect_none("about 2015 people", 0);
    expect_none("in 1850 and in 2150", 0);
    expect_none("in 20225", 0);
    expect_none("(2014a)", 0);
}

static void test_year_range(void **state)
{
    (void)state;
    expect_one("for 2020-2021", 0, "2020-2021", 20200101, 20211231, 'y');
    expect_one("2020\xe2\x80\x93" "2021", 0, "2020\xe2\x80\x93" "2021", 20200101, 20211231, 'y');
    expect_one("the 2016-2020 plan", 0, "2016-2020", 20160101, 20201231, 'y');
    expect_one("в 2020 - 2021 гг. было", 0, "2020 - 2021 гг.", 20200101, 20211231, 'y');
    expect_none("2021-2020", 0);
    expect_none("2020-2020", 0);
    expect_none("1990-2060", 0);
    expect_none("1850-1860", 0);
}

static void test_russian(void **state)
{
    (void)state;
    expect_day("30 ноября 2017 года", 0, "30 ноября 2017 года", 20171130);
    expect_day("30 ноября 2017 г.", 0, "30 ноября 2017 г.", 20171130);
    expect_day("30 ноября 2017 г", 0, "30 ноября 2017 г", 20171130);
    expect_day("30 ноября 2017г.", 0, "30 ноября 2017г.", 20171130);
    expect_day("30 Ноября 2017", 0, "30 Ноября 2017", 20171130);
    expect_day("30 НОЯБРЯ 2017", 0, "30 НОЯБРЯ 2017", 20171130);
    expect_day("Саммит 30 ноября.", 2017, "30 ноября", 20171130);
    expect_day("1 мая 2010", 0, "1 мая 2010", 20100501);
    expect_day("5 сент. 2015", 0, "5 сент. 2015", 20150905);
    expect_one("14-15 сентября 2015 года", 0, "14-15 сентября 2015 года", 20150914, 20150915, 'd');
    expect_one("14–15 сентября", 2015, "14–15 сентября", 20150914, 20150915, 'd');
    /* The day as an ordinal: "3-го декабря", "1-е мая". */
    expect_day("Совещание 3-го декабря 2021 года", 0, "3-го декабря 2021 года", 20211203);
    expect_day("Заседание 10-го января.", 2022, "10-го января", 20220110);
    expect_day("1-е мая 2010", 0, "1-е мая 2010", 20100501);
    expect_none("3-го числа", 2021);
    expect_none("30 ноября", 0);
    expect_none("30 ноябрями 2017", 0);
}

static void test_impossible_dates(void **state)
{
    (void)state;
    expect_none("31.02.2020", 0);
    expect_none("30 February 2019", 0);
    expect_none("32 May 2010", 0);
    expect_none("2017-02-30", 0);
    expect_none("2017-13-01", 0);
    expect_none("01.13.2017", 0);
    expect_none("00.01.2017", 0);
    expect_none("31 апреля 2017 года", 0);
    expect_day("29.02.2020", 0, "29.02.2020", 20200229);
    expect_none("29.02.2019", 0);
    expect_day("29.02.2000", 0, "29.02.2000", 20000229);
    expect_none("29.02.1900", 0);
}

static void test_not_inside_tokens(void **state)
{
    (void)state;
    expect_none("A2017-11-30B", 0);
    expect_none("version 1.2.2025.4", 0);
    expect_none("call 09.04.20251", 0);
    expect_none("x09.04.2025", 0);
    expect_none("109.04.2025", 0);
    expect_none("09.04.2025x", 0);
    expect_none("5.09.04.2025", 0);
    expect_none("in 2022x", 0);
    expect_none("Mayor 2010", 0);
    expect_none("30 Novembers 2017", 2017);
}

static void test_weak_month_words(void **state)
{
    (void)state;
    expect_none("you may 5 times", 2017);
    expect_none("they march 30 miles", 2017);
    expect_day("on May 5 the", 2017, "May 5", 20170505);
    expect_one("may 2010", 0, "may 2010", 20100501, 20100531, 'm');
    expect_day("5 march 2010", 0, "5 march 2010", 20100305);
}

static void test_offsets_after_utf8(void **state)
{
    const char *s = "Москва, 30 ноября 2017 года — саммит ОДКБ; «09.04.2025»";
    date_mention *m;
    ssize_t n = find(s, strlen(s), 0, &m);

    (void)state;
    assert_int_equal(n, 2);
    /* "Москва, " is 6 two-byte letters, a comma and a space. */
    assert_int_equal(m[0].start, 14);
    assert_int_equal(m[0].end, 14 + strlen("30 ноября 2017 года"));
    assert_int_equal(m[0].span.lo, 20171130);
    assert_int_equal(m[1].start, (size_t)(strstr(s, "09.04") - s));
    assert_int_equal(m[1].end, m[1].start + 10);
    assert_int_equal(m[1].span.lo, 20250409);
    free(m);
}

static void test_several_in_order(void **state)
{
    const char *s = "Created on October 7, 2002, based on the treaty signed on May 15, 1992. "
                    "In 2015, leaders met on 14-15 September; next, in September 2016 "
                    "and on 30 ноября.";
    date_mention *m;
    ssize_t n = find(s, strlen(s), 2017, &m);

    (void)state;
    assert_int_equal(n, 6);
    assert_int_equal(m[0].span.lo, 20021007);
    assert_int_equal(m[1].span.lo, 19920515);
    assert_int_equal(m[2].span.lo, 20150101);
    assert_int_equal(m[2].precision, 'y');
    assert_int_equal(m[3].span.lo, 20170914);
    assert_int_equal(m[3].span.hi, 20170915);
    assert_int_equal(m[4].span.lo, 20160901);
    assert_int_equal(m[4].precision, 'm');
    assert_int_equal(m[5].span.lo, 20171130);
    for (ssize_t i = 1; i < n; i++)
        assert_true(m[i].start >= m[i - 1].end);
    free(m);
}

static void test_longest_match_wins(void **state)
{
    (void)state;
    /* Not also "November 2017" or "2017 года" on their own. */
    expect_day("30 November 2017", 2016, "30 November 2017", 20171130);
    expect_day("30 ноября 2017 года", 2016, "30 ноября 2017 года", 20171130);
    /* A range beats the context year inside it. */
    expect_one("in 2020-2021", 0, "2020-2021", 20200101, 20211231, 'y');
    expect_day("in 2017-11-30", 0, "2017-11-30", 20171130);
}

static void test_ranges_of_dates(void **state)
{
    (void)state;
    expect_one("с 01.12.2017-05.12.2017", 0, "01.12.2017-05.12.2017", 20171201, 20171205, 'd');
    expect_one("2017-11-30 \xe2\x80\x93 2017-12-02", 0, "2017-11-30 \xe2\x80\x93 2017-12-02",
               20171130, 20171202, 'd');
    expect_one("September 2015 - February 2016", 0, "September 2015 - February 2016",
               20150901, 20160229, 'm');
    expect_one("in 2010 - September 2015", 0, "2010 - September 2015", 20100101, 20150930, 'y');
    /* A tail before its head is no range: two separate dates. */
    date_mention *m;
    const char *s = "05.12.2017 - 01.12.2017";
    assert_int_equal(find(s, strlen(s), 0, &m), 2);
    free(m);
}

static void test_no_dates(void **state)
{
    (void)state;
    expect_none("", 2017);
    expect_none("The Collective Security Council comprises the heads of state.", 2017);
    expect_none("Call 555-1234 or 12.5 km; score 3-1; 100 May-be", 2017);
    expect_none("November", 2017);
    expect_none("ноябрь", 2017);
    expect_none("30", 2017);
    expect_none("12:30, 15.5%", 2017);
}

/* dates_find_near: a yearless mention takes the year nearest the anchor. */
static void expect_near(const char *s, int anchor, int lo, int hi)
{
    date_mention *m;
    char *copy = malloc(strlen(s));
    assert_non_null(copy);
    memcpy(copy, s, strlen(s));
    ssize_t n = dates_find_near(copy, strlen(s), anchor, &m);
    free(copy);
    if (n != 1)
        print_error("in \"%s\" near %d: %zd mentions\n", s, anchor, n);
    assert_int_equal(n, 1);
    assert_int_equal(m[0].span.lo, lo);
    assert_int_equal(m[0].span.hi, hi);
    free(m);
}

static void test_yearless_nearest(void **state)
{
    (void)state;
    /* The examples analysts gave: forward across New Year, back within it. */
    expect_near("on 10 February", 20191220, 20200210, 20200210);
    expect_near("on 5 October", 20191220, 20191005, 20191005);
    expect_near("on 29 December", 20210103, 20201229, 20201229);
    expect_near("on December 29", 20210103, 20201229, 20201229);
    expect_near("30 ноября", 20171201, 20171130, 20171130);
    expect_near("14-15 Sep", 20150901, 20150914, 20150915);
    expect_near("on January 10", 20220111, 20220110, 20220110);
    /* Leap day: only a leap year near the anchor has it. */
    expect_near("on 29 February", 20200310, 20200229, 20200229);
    /* A written year is never moved. */
    expect_near("on 10 February 2015", 20191220, 20150210, 20150210);
    /* A range's yearless head takes its tail's year, or the one before. */
    expect_near("30 November - 2 December 2017", 20000101, 20171130, 20171202);
    expect_near("28 December - 3 January 2018", 20000101, 20171228, 20180103);
    /* Never into a year before the first a text may name: the head is no
     * range's, and without a year of its own it is dropped. */
    date_mention *m;
    const char *s = "20 December - 16 January 1900";
    assert_int_equal(dates_find(s, strlen(s), 0, &m), 1);
    assert_int_equal(m[0].span.lo, 19000116);
    free(m);
    expect_near("14 September - 2 October", 20151001, 20150914, 20151002);
}

static void test_yearless_kept(void **state)
{
    date_mention *m;
    const char *s = "Leaders met on November 30 and on 29 February, then in May 2005.";
    (void)state;
    ssize_t n = dates_find_near(s, strlen(s), 0, &m);
    assert_int_equal(n, 3);
    assert_int_equal(m[0].span.lo, 1130);
    assert_int_equal(m[0].span.hi, 1130);
    assert_int_equal(m[1].span.lo, 229);
    assert_int_equal(m[2].span.lo, 20050501);
    /* Resolving later gives the same as resolving at once; a leap day with
     * no leap year near is dropped. */
    assert_int_equal(dates_resolve(m, (size_t)n, 20221205), 2);
    assert_int_equal(m[0].span.lo, 20221130);
    assert_int_equal(m[1].span.lo, 20050501);
    free(m);
    n = dates_find_near(s, strlen(s), 0, &m);
    assert_int_equal(dates_resolve(m, (size_t)n, 0), 3);
    assert_int_equal(m[1].span.lo, 229);
    free(m);
}

static void test_nearest(void **state)
{
    (void)state;
    assert_int_equal(date_nearest(1130, 20171130), 20171130);
    assert_int_equal(date_nearest(210, 20191220), 20200210);
    assert_int_equal(date_nearest(1005, 20191220), 20191005);
    assert_int_equal(date_nearest(229, 20210301), 20200229);
    assert_int_equal(date_nearest(229, 20220601), 0);
    /* 2020 is a leap year: 1 July 2020 is two days nearer than 1 July 2019. */
    assert_int_equal(date_nearest(701, 20200101), 20200701);
}

static void test_match_at_start(void **state)
{
    date_mention m;
    (void)state;
    assert_int_equal(dates_match("22 March 2000 – text", 23, &m), strlen("22 March 2000"));
    assert_int_equal(m.span.lo, 20000322);
    assert_int_equal(dates_match("Nov 30 (Reuters)", 16, &m), 6);
    assert_int_equal(m.span.lo, 1130);
    assert_int_equal(dates_match("31.02.2020", 10, &m), 0);
    assert_int_equal(dates_match("text 22 March 2000", 18, &m), 0);
    assert_int_equal(dates_match("", 0, &m), 0);
}

static void expect_filter(const char *s, int lo, int hi)
{
    date_span sp = {0, 0};
    size_t err = 99;

    if (date_parse_filter(s, strlen(s), &sp, &err) != 0)
        print_error("filter \"%s\" rejected at %zu\n", s, err);
    assert_int_equal(date_parse_filter(s, strlen(s), &sp, &err), 0);
    assert_int_equal(sp.lo, lo);
    assert_int_equal(sp.hi, hi);
}

static void expect_filter_error(const char *s, size_t off)
{
    date_span sp = {-1, -1};
    size_t err = 99;

    assert_int_equal(date_parse_filter(s, strlen(s), &sp, &err), -1);
    assert_int_equal(err, off);
    assert_int_equal(sp.lo, -1);
}

static void test_filter_good(void **state)
{
    (void)state;
    expect_filter("2012", 20120101, 20121231);
    expect_filter("2015-09", 20150901, 20150930);
    expect_filter("2016-02", 20160201, 20160229);
    expect_filter("2004-12-02", 20041202, 20041202);
    expect_filter("2010..2015", 20100101, 20151231);
    expect_filter("2015-09..2016-02", 20150901, 20160229);
    expect_filter("2004-12-02..2005", 20041202, 20051231);
    expect_filter("2015..2015-03", 20150101, 20150331);
    expect_filter("2020-02-29", 20200229, 20200229);
}

static void test_filter_open(void **state)
{
    (void)state;
    expect_filter("..2015", DATE_OPEN_LO, 20151231);
    expect_filter("2010..", 20100101, DATE_OPEN_HI);
    expect_filter("2010-05..", 20100501, DATE_OPEN_HI);
}

static void test_filter_bad(void **state)
{
    (void)state;
    expect_filter_error("", 0);
    expect_filter_error("x", 0);
    expect_filter_error("201", 3);
    expect_filter_error("20a2", 2);
    expect_filter_error("20120", 4);
    expect_filter_error("2012x", 4);
    expect_filter_error("0000", 0);
    expect_filter_error("2015-13", 5);
    expect_filter_error("2015-00", 5);
    expect_filter_error("2015-9", 6);
    expect_filter_error("2020-02-30", 8);
    expect_filter_error("2019-02-29", 8);
    expect_filter_error("2015-09-", 8);
    expect_filter_error("2012.", 5);
    expect_filter_error("2012.2015", 5);
    expect_filter_error("..", 2);
    expect_filter_error("2010...2015", 6);
    expect_filter_error("2010..2015x", 10);
    expect_filter_error("2015..2010", 6);
    expect_filter_error("2015-09..2015-08", 9);
    expect_filter_error(" 2015", 0);
}

static void test_date_iso(void **state)
{
    char buf[11];

    (void)state;
    date_iso(20171130, buf);
    assert_string_equal(buf, "2017-11-30");
    date_iso(19000101, buf);
    assert_string_equal(buf, "1900-01-01");
    date_iso(DATE_OPEN_LO, buf);
    assert_string_equal(buf, "0000-01-01");
    date_iso(DATE_OPEN_HI, buf);
    assert_string_equal(buf, "9999-12-31");
    date_iso(-5, buf);
    assert_string_equal(buf, "0000-00-00");
}

/* xorshift32: the same bytes on every run. */
static uint32_t next_rand(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static void exercise(const char *s, size_t len)
{
    date_mention *m;
    date_span sp;
    size_t err;
    ssize_t n = find(s, len, 2017, &m);

    assert_true(n >= 0);
    for (ssize_t i = 0; i < n; i++) {
        assert_true(m[i].start < m[i].end && m[i].end <= len);
        assert_true(i == 0 || m[i].start >= m[i - 1].end);
        assert_true(m[i].span.lo <= m[i].span.hi);
    }
    free(m);
    char *copy = malloc(len ? len : 1);
    assert_non_null(copy);
    memcpy(copy, s, len);
    ssize_t k = dates_find_near(copy, len, 0, &m);
    assert_true(k >= 0);
    free(m);
    date_mention one;
    if ((k = (ssize_t)dates_match(copy, len, &one)) != 0)
        assert_true((size_t)k <= len && one.span.lo <= one.span.hi);
    if (date_parse_filter(copy, len, &sp, &err) != 0)
        assert_true(err <= len);
    free(copy);
}

static void test_random_bytes(void **state)
{
    /* Bytes that make up the interesting parts of dates, so that random
     * strings come close to matching often. */
    static const char *const pieces[] = {
        "1", "2", "9", "0", "2017", "30", ".", "-", "/", " ", ",", "\xe2\x80\x93", "\xd0",
        "\xd1\x8f", "ноября", "Nov", "Nov.", "may", "(", ")", "in ", "г.", "года", "..", "T", "\n",
    };
    uint32_t seed = 0x5eed1234u;
    char buf[256];

    (void)state;
    for (int round = 0; round < 20000; round++) {
        size_t len = next_rand(&seed) % sizeof buf;
        for (size_t i = 0; i < len; i++)
            buf[i] = (char)(next_rand(&seed) & 0xFF);
        exercise(buf, len);

        size_t k = 0;
        while (k < 200) {
            const char *p = pieces[next_rand(&seed) % (sizeof pieces / sizeof *pieces)];
            size_t l = strlen(p);
            memcpy(buf + k, p, l);
            k += l;
        }
        exercise(buf, k);
    }
}

static void test_truncated_inputs(void **state)
{
    const char *s = "Москва, 30 ноября 2017 года; Nov. 30, 2017; 14–15 September 2015; "
                    "09.04.2025 г.; 2017-11-30T10:00; in 2020–2021 гг.; (2014); в сентябре 2015";

    (void)state;
    for (size_t len = 0; len <= strlen(s); len++)
        exercise(s, len);
    for (size_t start = 0; start < strlen(s); start++)
        exercise(s + start, strlen(s) - start);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iso),
        cmocka_unit_test(test_day_month_year_en),
        cmocka_unit_test(test_month_day_year_en),
        cmocka_unit_test(test_default_year),
        cmocka_unit_test(test_day_range_en),
        cmocka_unit_test(test_dotted),
        cmocka_unit_test(test_slash_dates_left_out),
        cmocka_unit_test(test_month_year),
        cmocka_unit_test(test_year_in_context),
        cmocka_unit_test(test_year_lists),
        cmocka_unit_test(test_bare_number_not_year),
        cmocka_unit_test(test_year_range),
        cmocka_unit_test(test_russian),
        cmocka_unit_test(test_impossible_dates),
        cmocka_unit_test(test_not_inside_tokens),
        cmocka_unit_test(test_weak_month_words),
        cmocka_unit_test(test_offsets_after_utf8),
        cmocka_unit_test(test_several_in_order),
        cmocka_unit_test(test_longest_match_wins),
        cmocka_unit_test(test_ranges_of_dates),
        cmocka_unit_test(test_no_dates),
        cmocka_unit_test(test_yearless_nearest),
        cmocka_unit_test(test_yearless_kept),
        cmocka_unit_test(test_nearest),
        cmocka_unit_test(test_match_at_start),
        cmocka_unit_test(test_filter_good),
        cmocka_unit_test(test_filter_open),
        cmocka_unit_test(test_filter_bad),
        cmocka_unit_test(test_date_iso),
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_truncated_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
