/* Unit tests for lib/entity/docdate.c: every dateline and date header form,
 * English and Russian, with and without a year, ranges, times and zones;
 * metadata values; path dates; the year of a yearless dateline; the order
 * of the sources and undated documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "entity/docdate.h"

/* docdate_text on an unterminated heap copy, so that the sanitizers catch
 * a read past the end. */
static int text_day(const char *s)
{
    size_t n = strlen(s);
    char *copy = malloc(n ? n : 1);
    assert_non_null(copy);
    memcpy(copy, s, n);
    int day = docdate_text(copy, n, 0);
    free(copy);
    return day;
}

typedef struct example { const char *text; int day; } example;

static void expect_all(const example *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int day = text_day(v[i].text);
        if (day != v[i].day)
            print_error("\"%s\": %d, not %d\n", v[i].text, day, v[i].day);
        assert_int_equal(day, v[i].day);
    }
}
#define EXPECT_ALL(v) expect_all(v, sizeof v / sizeof *v)

static void test_datelines_english(void **state)
{
    static const example v[] = {
        {"Summit\nDUSHANBE, 22 March 2000 – Leaders of the CSTO met.", 20000322},
        {"Summit\nDUSHANBE, 22 March 2000 - Leaders met.", 20000322},
        {"MOSCOW, March 22, 2000 — Leaders met.", 20000322},
        {"Title\nMINSK, Belarus, 30 November 2017 (BelTA) - The summit opened.", 20171130},
        {"Title\nWASHINGTON, Nov. 30, 2017 /PRNewswire/ -- The company said", 20171130},
        {"Title\nNew York, 2017-11-30 — Text", 20171130},
        {"Title\nDushanbe, 03.02.2021 — text", 20210203},
        {"Title\nDar es Salaam, 4 May 2019: officials said", 20190504},
        {"Title\nNUR-SULTAN, Tuesday, 14 September 2021 – Text", 20210914},
        {"Title\nBISHKEK, 14-15 September 2021 – The drills began", 20210914},
        {"Title\nBISHKEK, 30 November 2021, 10:15 GMT – Text", 20211130},
        {"Title\nST. PETERSBURG, Sept 14th, 2021 (Reuters) - Text", 20210914},
        /* Without a year: month and day, for the caller to give a year. */
        {"Wire\nMINSK, Nov 30 (Reuters) - The CSTO summit opened.", 1130},
        {"Wire\nMINSK, 30 November (BelTA) — The summit opened.", 1130},
        {"Title\nDushanbe — March 22, 2000: the talks began", 20000322},
        {"Title\nMOSCOW, Thursday, November 30, 2017 — Text", 20171130},
        {"Title\nNov 30 (Reuters) - The summit opened.", 1130},
        {"Title\nDushanbe, 25/11/2020 — Text", 20201125},
    };
    (void)state;
    EXPECT_ALL(v);
}

static void test_datelines_russian(void **state)
{
    static const example v[] = {
        {"Саммит ОДКБ\nГород, 30 ноября 2017 года. Лидеры встретились.", 20171130},
        {"Саммит\nМосква, 30 ноября 2017 г. — Текст", 20171130},
        {"Саммит\nДУШАНБЕ, 3 февраля 2021 года – Текст", 20210203},
        {"Саммит\nМИНСК, 30 ноября. /ТАСС/. Лидеры встретились.", 1130},
        {"Саммит\nДушанбе, 03.02.2021 — текст", 20210203},
        {"Саммит\nРостов-на-Дону, 1 мая 2019 года. Текст", 20190501},
        {"Саммит\nМОСКВА, 30 ноября 2017, 10:15 мск — Текст", 20171130},
        {"Саммит\nМосква, 14-15 сентября 2015 г. — Текст", 20150914},
        {"Саммит\nМосква, 30 ноября — Текст", 1130},
        {"Заголовок\nОпубликовано: 30 ноября\nТекст", 1130},
        {"Заголовок\nпятница, 1 декабря 2017\nТекст", 20171201},
    };
    (void)state;
    EXPECT_ALL(v);
}

static void test_headers(void **state)
{
    static const example v[] = {
        {"Title\nDate: 2019-06-11\nBody", 20190611},
        {"Title\nDate: Tue, 11 Jun 2019 09:42:00 +0300\nBody", 20190611},
        {"Title\nPosted: 2019-06-11 09:42\nBody", 20190611},
        {"Title\nPosted on June 11, 2019 at 9:42 a.m. EDT by admin\nBody", 20190611},
        {"Title\nPublished March 2, 2023\nBody", 20230302},
        {"Title\nPublished: 2 March 2023 10:15 GMT\nBody", 20230302},
        {"Title\nFirst published on 2023-03-02T10:15:00Z\nBody", 20230302},
        {"Title\n**Published:** 2023-03-02\nBody", 20230302},
        {"Title\nДата: 30 ноября 2017\nТекст", 20171130},
        {"Заголовок\nОпубликовано: 11.06.2019 09:42 (МСК)\nТекст", 20190611},
        {"Заголовок\nДата публикации: 11 июня 2019 г., 09:42\nТекст", 20190611},
        {"Title\nPosted: June 11\nBody", 611},
        {"Title\nPosted by Jane Roe on June 11, 2019\nBody", 20190611},
        {"Title\nPublished by the Embassy, 11 June 2019\nBody", 20190611},
        {"Title\nPublished: 25/11/2020\nBody", 20201125},
        /* A modified date is not the date of the news: it dates the text
         * only when nothing says when it was published. */
        {"Title\nPublished: 2019-06-11\nUpdated: 2019-06-12\nBody", 20190611},
        {"Title\nUpdated: 2019-06-12\nPublished: 2019-06-11\nBody", 20190611},
        {"Title\nBy Jane Roe | Updated: 2019-06-12\nBISHKEK, 11 June 2019 – Body", 20190611},
        {"Title\nUpdated: 2019-06-12\nBody", 20190612},
    };
    (void)state;
    EXPECT_ALL(v);
}

static void test_date_lines(void **state)
{
    static const example v[] = {
        {"09.04.2025\nSome news text.", 20250409},
        {"Title\n\n  June 28, 2012  \r\nBody", 20120628},
        {"2017-11-30\n", 20171130},
        {"Москва\n30 ноября 2017 года\nТекст", 20171130},
        {"Title\nTuesday, 11 June 2019\nBody", 20190611},
        {"Title\nвторник, 11 июня 2019\nТекст", 20190611},
        {"Title\n2017-11-30 10:00\n", 20171130},
        {"Title\n2019-06-11T23:30:00-05:00\nBody", 20190611},
        {"Title\n14-15 September 2015\n", 20150914},
        {"Title\nBy Jane Roe | June 11, 2019 | 09:42\nBody", 20190611},
        {"Title\n22.03.2000 – The talks began.\n", 20000322},
        {"Title\nNovember 30\nBody", 1130},
        {"Заголовок\n14:05, 30 ноября 2017\nТекст", 20171130},
        {"Заголовок\n14:05 30.11.2017\nТекст", 20171130},
    };
    (void)state;
    EXPECT_ALL(v);
}

static void test_date_line_anywhere(void **state)
{
    char buf[4096] = "Title\n";
    (void)state;
    for (int i = 0; i < 30; i++)
        strcat(buf, "a line with 1 May 2010 inside\n");
    /* Press releases sign at the end; only a full date counts that low. */
    strcat(buf, "November 30\n09.04.2025\n\n  June 28, 2012  \n");
    assert_int_equal(text_day(buf), 20250409);
}

static void test_not_datelines(void **state)
{
    static const char *const v[] = {
        "Rahmon met Lukashenko on June 28, 2012 in Minsk.\nMore text.",
        "Tajik President Emomali Rahmon will participate in Minsk, on November 30.\n",
        "September 2015\n",
        "In Minsk, 30 November 2017 was a cold day\n",
        "Leaders said on Thursday, 30 November 2017 was the date\n",
        "31.02.2020\n",
        "Title\nDUSHANBE, March 2000 – no day\n",
        "Title\nDUSHANBE 2000 (Reuters) - no comma\n",
        "Title\nCity 12, 30 November 2017 – digits in the place\n",
        "Title\nPublished: 06/11/2019\nBody\n",
        "Title\nPosted by Jane Roe\nBody\n",
        "Title\nDushanbe — the talks of 22 March 2000 went on\n",
        "",
        "\n\n\n",
    };
    (void)state;
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        if (text_day(v[i]))
            print_error("\"%s\" dated %d\n", v[i], text_day(v[i]));
        assert_int_equal(text_day(v[i]), 0);
    }
}

/* Wire and site forms seen in news from outside the tests above: a full
 * stop after the place ("ASTANA. December 3. KAZINFORM -"), an "Updated:"
 * part of a byline, a time with its zone before the date. */
static void test_stop_after_place_and_updated(void **state)
{
    static const example v[] = {
        {"ASTANA. December 3. KAZINFORM - The President held a meeting.", 1203},
        {"МОСКВА. 3 дек. 2021. INTERFAX - Центробанк сохранил ставку.", 20211203},
        {"Title\nMinsk. 30 November 2017 (BelTA) - The summit opened.", 20171130},
        {"Markets\nBy Jane Doe | Updated: 12:30 GMT, 3 Dec 2021\nStocks fell.", 20211203},
        {"Markets\nBy Jane Doe | Updated 3 Dec 2021\nStocks fell.", 20211203},
        {"Markets\nBy Jane Doe | Published: 2 Dec 2021 | Updated: 3 Dec 2021\nText.", 20211202},
        {"Рынки\nОбновлено: 3 декабря 2021, 14:05\nТекст.", 20211203},
        {"Markets\nLast updated: 14:05 MSK, 3 декабря 2021\nText.", 20211203},
        {"Markets\nUpdated: 12:30, 3 Dec 2021\nText.", 20211203},
        {"Senate\nBy LISA ROE\nPublished 2:05 PM EST, December 3, 2021\nText.", 20211203},
        {"Senate\nPosted: 9:42 a.m., June 11, 2019\nText.", 20190611},
        {"Senate\n2:05 pm, 3 December 2021\nText.", 20211203},
    };
    static const char *const not[] = {
        "He left. 3 December 2021 was a cold day.\n",
        "Title\nUpdated figures show growth since 3 December 2021.\n",
        "Title\nBy Jane Doe | Updated figures of 3 Dec 2021 are out\n",
        "Title\nAt 12:30 GMT, 3 Dec 2021 was quiet\n",
    };
    (void)state;
    EXPECT_ALL(v);
    for (size_t i = 0; i < sizeof not / sizeof *not; i++) {
        if (text_day(not[i]))
            print_error("\"%s\" dated %d\n", not[i], text_day(not[i]));
        assert_int_equal(text_day(not[i]), 0);
    }
}

static void test_top_only(void **state)
{
    char buf[4096] = "";
    (void)state;
    for (int i = 0; i < DOCDATE_TOP_LINES; i++)
        strcat(buf, "a line of text\n");
    strcat(buf, "MINSK, 30 November 2017 – a dateline too low\n");
    assert_int_equal(text_day(buf), 0);
}

static void test_values(void **state)
{
    static const struct { const char *s; int day; } v[] = {
        {"2019-06-11", 20190611},
        {"2019-06-11T09:42:00Z", 20190611},
        {"2019-06-11T23:30:00-05:00", 20190611},
        {"2019-06-11T09:42:00.000+03:00", 20190611},
        {" 2019-06-11 09:42 ", 20190611},
        {"20190611", 20190611},
        {"20190611T094200Z", 20190611},
        {"Tue, 11 Jun 2019 09:42:00 +0300", 20190611},
        {"June 11, 2019", 20190611},
        {"11 июня 2019 г.", 20190611},
        {"11.06.2019", 20190611},
        {"2019/06/11", 20190611},
        {"25/11/2020", 20201125},
        {"11/25/2020 9:42 AM", 20201125},
        {"06/11/2019", 0},        /* June 11 or 6 November? */
        {"2019-13-01", 0},
        {"June 2019", 0},
        {"tomorrow", 0},
        {"", 0},
        {"1850-01-01", 0},
    };
    (void)state;
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        int day = docdate_value(v[i].s, strlen(v[i].s));
        if (day != v[i].day)
            print_error("\"%s\": %d\n", v[i].s, day);
        assert_int_equal(day, v[i].day);
    }
}

static void test_paths(void **state)
{
    static const struct { const char *p; int day; } v[] = {
        {"news/2018/05/14/minsk-summit", 20180514},
        {"2018/5/4/slug", 20180504},
        {"news/2020-11-25-title", 20201125},
        {"2020_11_25_title", 20201125},
        {"archive/20201125-title", 20201125},
        {"https://example.org/2018/05/14/minsk-summit.html", 20180514},
        {"2019/01/01/old/2020-11-25-newer", 20201125},
        {"000_26b1c25252f2a5d8", 0},
        {"x20201125", 0},
        {"2018/05/slug", 0},
        {"2018/13/14/slug", 0},
        {"report-12345678", 0},
        {"", 0},
    };
    (void)state;
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        if (docdate_path(v[i].p) != v[i].day)
            print_error("\"%s\": %d\n", v[i].p, docdate_path(v[i].p));
        assert_int_equal(docdate_path(v[i].p), v[i].day);
    }
    assert_int_equal(docdate_path(NULL), 0);
}

/* docdate_pick over a text, with its mentions found as the indexer does. */
static date_source pick(docdate_in in, int *day)
{
    date_mention *m = NULL;
    ssize_t n = in.text ? dates_find_near(in.text, strlen(in.text), 0, &m) : 0;
    assert_true(n >= 0);
    in.len = in.text ? strlen(in.text) : 0;
    in.mentions = m;
    in.nmentions = (size_t)n;
    date_source s = docdate_pick(&in, day);
    free(m);
    return s;
}

static void test_pick_order(void **state)
{
    const char *text = "Title\nMINSK, 30 November 2017 – Text\n";
    int day;
    (void)state;
    assert_int_equal(pick((docdate_in){ .feed_day = 20171201, .meta_day = 20171202, .text = text,
                                        .path = "2018/01/01/x" }, &day), DATE_SRC_FEED);
    assert_int_equal(day, 20171201);
    assert_int_equal(pick((docdate_in){ .meta_day = 20171202, .text = text }, &day), DATE_SRC_META);
    assert_int_equal(day, 20171202);
    assert_int_equal(pick((docdate_in){ .text = text, .path = "2018/01/01/x", .mtime_day = 20261206 },
                          &day), DATE_SRC_DATELINE);
    assert_int_equal(day, 20171130);
    assert_int_equal(pick((docdate_in){ .text = "Title\nNo date.\n", .path = "2018/01/01/x",
                                        .mtime_day = 20261206 }, &day), DATE_SRC_PATH);
    assert_int_equal(day, 20180101);
    assert_int_equal(pick((docdate_in){ .text = "T\nx\n", .url = "https://e.org/2018/01/02/x" }, &day),
                     DATE_SRC_PATH);
    assert_int_equal(day, 20180102);
    assert_int_equal(pick((docdate_in){ .text = "Title\nNo date.\n", .mtime_day = 20261206 }, &day),
                     DATE_SRC_MTIME);
    assert_int_equal(day, 20261206);
}

static void test_undated(void **state)
{
    int day = -1;
    (void)state;
    /* A yearless mention in the body dates nothing, and no mtime is given. */
    assert_int_equal(pick((docdate_in){ .text = "Rahmon will be in Minsk on November 30.\n",
                                        .path = "000_26b1c25252f2a5d8" }, &day), DATE_SRC_NONE);
    assert_int_equal(day, 0);
    assert_int_equal(pick((docdate_in){ .text = "" }, &day), DATE_SRC_NONE);
    assert_int_equal(pick((docdate_in){ 0 }, &day), DATE_SRC_NONE);
}

static void test_yearless_dateline_year(void **state)
{
    int day;
    (void)state;
    /* From the path, nearest to its date. */
    assert_int_equal(pick((docdate_in){ .text = "W\nMINSK, Nov 30 (Reuters) - Text\n",
                                        .path = "2017/12/01/wire" }, &day), DATE_SRC_DATELINE);
    assert_int_equal(day, 20171130);
    /* From the mtime when it may date documents. */
    assert_int_equal(pick((docdate_in){ .text = "W\nMINSK, Nov 30 (Reuters) - Text\n",
                                        .mtime_day = 20180105 }, &day), DATE_SRC_DATELINE);
    assert_int_equal(day, 20171130);
    /* From the text: the same day with its year, else the year it names most. */
    assert_int_equal(pick((docdate_in){ .text = "W\nMINSK, Nov 30 (Reuters) - The summit of "
                                        "30 November 2017 follows one in May 2016.\n" }, &day),
                     DATE_SRC_DATELINE);
    assert_int_equal(day, 20171130);
    assert_int_equal(pick((docdate_in){ .text = "W\nMINSK, Nov 30 (Reuters) - The 2017 summit, "
                                        "founded 1992, met as in 2017.\n" }, &day),
                     DATE_SRC_DATELINE);
    assert_int_equal(day, 20171130);
    /* No year anywhere: undated rather than wrong. */
    assert_int_equal(pick((docdate_in){ .text = "W\nMINSK, Nov 30 (Reuters) - Text\n" }, &day),
                     DATE_SRC_NONE);
}

static void test_guess_year(void **state)
{
    const char *t = "in May 2005, then 2012, 2012 and 2012 again";
    date_mention *m;
    ssize_t n = dates_find_near(t, strlen(t), 0, &m);
    (void)state;
    /* May 2005 weighs 2; the bare 2012s 1 each. */
    assert_int_equal(docdate_guess_year(1130, t, strlen(t), m, (size_t)n), 2012);
    free(m);
    assert_int_equal(docdate_guess_year(1130, "", 0, NULL, 0), 0);
}

static void test_source_names(void **state)
{
    (void)state;
    for (int s = DATE_SRC_FEED; s <= DATE_SRC_MTIME; s++)
        assert_int_equal(date_source_parse(date_source_name((date_source)s)), s);
    assert_string_equal(date_source_name(DATE_SRC_NONE), "");
    assert_string_equal(date_source_name(DATE_SRC_DATELINE), "dateline");
    assert_int_equal(date_source_parse("bogus"), DATE_SRC_NONE);
}

static uint32_t next_rand(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static void test_random_bytes(void **state)
{
    static const char *const pieces[] = {
        "MINSK", ", ", "30", " November", " 2017", " – ", "\n", "Date:", "Posted", "(Reuters)",
        "/ТАСС/", "ноября", "10:15", " GMT", "+03:00", "T", ".", "|", "\xe2\x80", "\xd0", "2018/05/14/",
    };
    uint32_t seed = 0xda7e5u;
    char buf[200];
    (void)state;
    for (int round = 0; round < 20000; round++) {
        size_t len = 0, k = next_rand(&seed) % 12;
        for (size_t i = 0; i < k; i++) {
            const char *p = pieces[next_rand(&seed) % (sizeof pieces / sizeof *pieces)];
            size_t pl = strlen(p);
            if (len + pl >= sizeof buf)
                break;
            memcpy(buf + len, p, pl);
            len += pl;
        }
        char *copy = malloc(len ? len : 1);
        assert_non_null(copy);
        memcpy(copy, buf, len);
        int day = docdate_text(copy, len, len / 2);
        assert_true(day >= 0 && (day < 10000 || (day >= 19000101 && day <= 21001231)));
        day = docdate_value(copy, len);
        assert_true(day == 0 || (day >= 19000101 && day <= 21001231));
        free(copy);
        buf[len] = '\0';
        day = docdate_path(buf);
        assert_true(day == 0 || (day >= 19000101 && day <= 21001231));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_datelines_english),
        cmocka_unit_test(test_datelines_russian),
        cmocka_unit_test(test_headers),
        cmocka_unit_test(test_date_lines),
        cmocka_unit_test(test_date_line_anywhere),
        cmocka_unit_test(test_not_datelines),
        cmocka_unit_test(test_stop_after_place_and_updated),
        cmocka_unit_test(test_top_only),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_paths),
        cmocka_unit_test(test_pick_order),
        cmocka_unit_test(test_undated),
        cmocka_unit_test(test_yearless_dateline_year),
        cmocka_unit_test(test_guess_year),
        cmocka_unit_test(test_source_names),
        cmocka_unit_test(test_random_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
