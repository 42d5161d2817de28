/* Unit tests for visible escapes: control characters, escape sequences,
 * C1 controls, line separators and bidi controls shown, not written; other
 * text, backslashes included, as it is; paths cut in the middle to fit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/visible.h"

/* What text_fput_visible writes for the n bytes at s. */
static char *shown(const char *s, size_t n)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    text_fput_visible(f, s, n);
    fclose(f);
    return out;
}

static void expect_shown(const char *in, const char *want)
{
    char *got = shown(in, strlen(in));
    assert_string_equal(got, want);
    free(got);
    assert_int_equal(text_is_visible(in, strlen(in)), strcmp(in, want) == 0);
}

static void test_plain_text_unchanged(void **state)
{
    (void)state;
    expect_shown("", "");
    expect_shown("Emomali Rahmon, C:\\path\\n and 100%", "Emomali Rahmon, C:\\path\\n and 100%");
    expect_shown("Душанбе “CSTO” 𝄞 \xc2\xa0 \xe2\x80\xa7", "Душанбе “CSTO” 𝄞 \xc2\xa0 \xe2\x80\xa7");
}

static void test_c0_and_del(void **state)
{
    (void)state;
    expect_shown("a\tb\nc\rd", "a\\tb\\nc\\rd");
    expect_shown("\x1b[2J\x1b]0;owned\x07", "\\x1b[2J\\x1b]0;owned\\x07");
    expect_shown("x\x7fy\x01", "x\\x7fy\\x01");
    char *got = shown("a\0b", 3);
    assert_string_equal(got, "a\\x00b");
    free(got);
}

static void test_c1_separators_bidi(void **state)
{
    (void)state;
    expect_shown("csi\xc2\x9b" "31m next\xc2\x85line", "csi\\u009b31m next\\u0085line");
    expect_shown("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "a\\u2028b\\u2029c");
    /* Right-to-left override and isolates: text shown in another order. */
    expect_shown("x\xe2\x80\xae" "cod.exe\xe2\x81\xa6y\xe2\x81\xa9", "x\\u202ecod.exe\\u2066y\\u2069");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    expect_shown("bad\xff\xc2" "end", "bad\\xff\\xc2end");
    expect_shown("\xe2\x80", "\\xe2\\x80");
}

static void test_shown_short_and_long(void **state)
{
    (void)state;
    char buf[40];
    assert_string_equal(text_shown("news/a\x1b.txt", buf, sizeof buf), "news/a\\x1b.txt");
    /* 300 bytes of folders: the start, "…", then the end with the name. */
    char deep[400] = "";
    for (int i = 0; i < 30; i++)
        strcat(deep, "folder-ab/");
    strcat(deep, "the-file.txt");
    text_shown(deep, buf, sizeof buf);
    assert_true(strlen(buf) <= sizeof buf - 1);
    assert_non_null(strstr(buf, "\xe2\x80\xa6"));
    assert_int_equal(strncmp(buf, "folder-ab", 9), 0);
    size_t n = strlen(buf);
    assert_string_equal(buf + n - 12, "the-file.txt");
    /* Never half a character nor half an escape. */
    char cyr[400] = "";
    for (int i = 0; i < 40; i++)
        strcat(cyr, "д\x1b");
    text_shown(cyr, buf, sizeof buf);
    char *again = shown(buf, strlen(buf));
    assert_string_equal(again, buf);   /* valid UTF-8, no raw control */
    free(again);
    char *gap = strstr(buf, "\xe2\x80\xa6");
    assert_non_null(gap);
    assert_true(gap[-1] == 'b' || (unsigned char)gap[-1] == 0xb4);
    assert_true(gap[3] == '\\' || (unsigned char)gap[3] == 0xd0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_text_unchanged),
        cmocka_unit_test(test_c0_and_del),
        cmocka_unit_test(test_c1_separators_bidi),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_shown_short_and_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
