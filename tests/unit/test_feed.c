/* Unit tests for JSON Lines feeds: every good line an article with its
 * fields and line number, each bad line reported by number and skipped
 * (not JSON, no id, no text, a wrong type, a bad date), blank lines and a
 * last line without a newline, and a callback that stops the walk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../indexer/feed.h"

typedef struct seen {
    char ids[512];
    char bad[512];
    int stop_at;       /* return nonzero on this article (1-based), 0 never */
    int n;
} seen;

static int on_article(const feed_article *a, void *ctx)
{
    seen *s = ctx;
    char one[128];
    snprintf(one, sizeof one, "%s@%zu:%s:%s:%d:%.*s;", a->id, a->line, a->title ? a->title : "-",
             a->url ? a->url : "-", a->day, (int)a->text_len, a->text);
    strncat(s->ids, one, sizeof s->ids - strlen(s->ids) - 1);
    return ++s->n == s->stop_at ? 7 : 0;
}

static void on_bad(size_t line, const char *why, void *ctx)
{
    seen *s = ctx;
    char one[160];
    snprintf(one, sizeof one, "%zu:%s;", line, why);
    strncat(s->bad, one, sizeof s->bad - strlen(s->bad) - 1);
}

static void test_articles_and_bad_lines(void **state)
{
    (void)state;
    const char feed[] =
        "{\"id\":\"a1\",\"title\":\"Summit\",\"date\":\"2017-11-30\",\"url\":\"https://x/a1\",\"text\":\"Minsk\"}\n"
        "\n"
        "not json\n"
        "{\"title\":\"no id\",\"text\":\"t\"}\n"
        "{\"id\":\"a4\"}\n"
        "{\"id\":5,\"text\":\"t\"}\n"
        "{\"id\":\"a7\",\"text\":\"t\",\"date\":\"someday\"}\n"
        "[1,2]\n"
        "{\"id\":\"a9\",\"text\":\"last\",\"date\":\"Thu, 30 Nov 2017 10:00:00 +0300\"}";
    seen s = { 0 };
    assert_int_equal(feed_each(feed, sizeof feed - 1, on_article, on_bad, &s), 0);
    assert_string_equal(s.ids, "a1@1:Summit:https://x/a1:20171130:Minsk;a9@9:-:-:20171130:last;");
    assert_non_null(strstr(s.bad, "3:not valid JSON"));
    assert_non_null(strstr(s.bad, "4:no \"id\";"));
    assert_non_null(strstr(s.bad, "5:no \"text\" string;"));
    assert_non_null(strstr(s.bad, "6:id, title and url must be strings;"));
    assert_non_null(strstr(s.bad, "7:\"date\" must be a date"));
    assert_non_null(strstr(s.bad, "8:not a JSON object;"));
    assert_null(strstr(s.bad, "2:"));   /* a blank line is no article and no error */
}

static void test_callback_stops(void **state)
{
    (void)state;
    const char feed[] = "{\"id\":\"a\",\"text\":\"1\"}\n{\"id\":\"b\",\"text\":\"2\"}\n"
                        "{\"id\":\"c\",\"text\":\"3\"}\n";
    seen s = { .stop_at = 2 };
    assert_int_equal(feed_each(feed, sizeof feed - 1, on_article, on_bad, &s), 7);
    assert_int_equal(s.n, 2);
}

static void test_line_in_another_encoding(void **state)
{
    (void)state;
    /* "Минск" in windows-1251 on a line of its own. */
    const char feed[] = "{\"id\":\"r\",\"text\":\"\xcc\xe8\xed\xf1\xea \xe8 \xcc\xee\xf1\xea\xe2\xe0\"}\n";
    seen s = { 0 };
    assert_int_equal(feed_each(feed, sizeof feed - 1, on_article, on_bad, &s), 0);
    assert_string_equal(s.bad, "");
    assert_non_null(strstr(s.ids, "r@1:-:-:0:Минск и Москва;"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_articles_and_bad_lines),
        cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_line_in_another_encoding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
