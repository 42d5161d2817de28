/* Unit tests for HTML text extraction: visible text only (no scripts,
 * styles or tags), entities decoded, block elements ending lines, the
 * title trimmed, the declared charset read, the article's offset, a date
 * from the metadata, a fragment, and no bytes at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../indexer/html.h"

static void test_visible_text_and_title(void **state)
{
    (void)state;
    const char page[] =
        "<html><head><title>\n  CSTO  summit </title><style>p{color:red}</style>"
        "<script>var hidden = 1;</script></head><body><nav>Menu</nav>"
        "<article><h1>Leaders&nbsp;meet</h1><p>Rahmon &amp; Lukashenko in <b>Minsk</b>.</p>"
        "<p>Second&#33;</p></article></body></html>";
    char *text, *title, *declared;
    size_t tlen, article;
    int day;
    assert_int_equal(html_extract(page, sizeof page - 1, NULL, &text, &tlen, &title, &day,
                                  &declared, &article), 0);
    assert_int_equal(strlen(text), tlen);
    assert_string_equal(title, "CSTO summit");
    assert_null(strstr(text, "hidden"));
    assert_null(strstr(text, "color"));
    assert_null(strstr(text, "<"));
    assert_non_null(strstr(text, "Rahmon & Lukashenko in Minsk."));
    assert_non_null(strstr(text, "Leaders\xc2\xa0meet"));   /* &nbsp; is U+00A0 */
    /* Block elements end lines: the paragraphs are not run together. */
    assert_non_null(strstr(text, "Minsk.\n"));
    assert_non_null(strstr(text, "Second!"));
    assert_int_equal(strncmp(text + article, "Leaders", 7), 0);   /* below the menu */
    assert_true(strstr(text, "Menu") < text + article);
    assert_null(declared);
    assert_int_equal(day, 0);
    free(text);
    free(title);
}

static void test_declared_charset_and_date(void **state)
{
    (void)state;
    const char page[] =
        "<html><head><meta charset=\"windows-1251\">"
        "<meta property=\"article:published_time\" content=\"2017-11-30T10:00:00+03:00\">"
        "</head><body><p>\xcc\xe8\xed\xf1\xea</p></body></html>";
    char *text, *title, *declared;
    size_t tlen, article;
    int day;
    assert_int_equal(html_extract(page, sizeof page - 1, NULL, &text, &tlen, &title, &day,
                                  &declared, &article), 0);
    assert_non_null(strstr(text, "Минск"));
    assert_non_null(declared);
    assert_string_equal(title, "");
    assert_int_equal(day, 20171130);
    assert_int_equal(article, 0);
    free(declared);
    free(text);
    free(title);
    /* A forced encoding wins over the declared one. */
    const char utf8[] = "<html><head><meta charset=\"windows-1251\"></head><body>Минск</body></html>";
    assert_int_equal(html_extract(utf8, sizeof utf8 - 1, "UTF-8", &text, &tlen, &title, &day,
                                  NULL, NULL), 0);
    assert_non_null(strstr(text, "Минск"));
    free(text);
    free(title);
}

static void test_fragments_and_empty(void **state)
{
    (void)state;
    char *text, *title;
    size_t tlen;
    int day;
    const char frag[] = "plain words <i>and</i> a stray </div> tag";
    assert_int_equal(html_extract(frag, sizeof frag - 1, NULL, &text, &tlen, &title, &day, NULL,
                                  NULL), 0);
    assert_non_null(strstr(text, "plain words and a stray"));
    free(text);
    free(title);
    /* No bytes is no page: refused, with nothing to free. */
    assert_int_equal(html_extract("", 0, NULL, &text, &tlen, &title, &day, NULL, NULL), -1);
    assert_null(text);
    assert_null(title);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_visible_text_and_title),
        cmocka_unit_test(test_declared_charset_and_date),
        cmocka_unit_test(test_fragments_and_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
