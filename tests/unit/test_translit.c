/* Unit tests for lib/entity/translit.c: the letter table, pass-through of
 * non-Cyrillic text, snprintf-style truncation and malformed UTF-8.
 * Leaves out gazetteer matching itself, which has its own tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "entity/translit.h"

/* Transliterates into a heap buffer of exactly `cap` bytes so that the
 * sanitizers catch any write past the capacity the caller declared. */
static size_t run(const char *in, size_t len, size_t cap, char **out)
{
    *out = cap ? malloc(cap) : NULL;
    if (cap)
        assert_non_null(*out);
    return translit_cyr(in, len, *out, cap);
}

static void expect_str(const char *in, const char *want)
{
    char *out;
    size_t n = run(in, strlen(in), strlen(want) + 1, &out);
    assert_int_equal(n, strlen(want));
    assert_string_equal(out, want);
    free(out);
}

static void test_names(void **state)
{
    (void)state;
    expect_str("рахмон", "rakhmon");
    expect_str("Рахмон", "rakhmon");
    expect_str("душанбе", "dushanbe");
    expect_str("Душанбе", "dushanbe");
    expect_str("лукашенко", "lukashenko");
    expect_str("одкб", "odkb");
    expect_str("ОДКБ", "odkb");
    expect_str("эмомали", "emomali");
}

static void test_full_basic_alphabet(void **state)
{
    (void)state;
    expect_str("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
               "abvgdeezhziyklmnoprstufkhtschshshchyeyuya");
    expect_str("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
               "abvgdeezhziyklmnoprstufkhtschshshchyeyuya");
    /* Hard and soft signs are dropped, as the English-language press does. */
    expect_str("игорь", "igor");
    expect_str("объединённый", "obedinennyy");
}

static void test_national_letters(void **state)
{
    (void)state;
    expect_str("ғ ӣ қ ӯ ҳ ҷ ә ө ү ұ і ң һ ў ґ є ї",
               "gh i q u h j a o u u i ng h u g ye yi");
    expect_str("Ғ Ӣ Қ Ӯ Ҳ Ҷ Ә Ө Ү Ұ І Ң Һ Ў Ґ Є Ї",
               "gh i q u h j a o u u i ng h u g ye yi");
    expect_str("хуҷанд", "khujand");
    expect_str("қазақстан", "qazaqstan");
    expect_str("ҚАЗАҚСТАН", "qazaqstan");
    expect_str("беларусь", "belarus");
    /* After NFKD mark stripping й arrives as и and ё as е. */
    expect_str("николаи", "nikolai");
    expect_str("хрущев", "khrushchev");
}

static void test_mixed_text(void **state)
{
    (void)state;
    expect_str("csto/одкб 2024: москва-ереван!", "csto/odkb 2024: moskva-erevan!");
    expect_str("plain ascii 123", "plain ascii 123");
    /* Non-Cyrillic multi-byte characters pass through unchanged. */
    expect_str("café € 東京 ерևан", "café € 東京 erևan");
    /* A Cyrillic letter outside the table (Serbian ђ) is copied as is. */
    expect_str("ђ", "ђ");
}

static void test_len_limits_input(void **state)
{
    (void)state;
    const char *in = "рахмонXYZ"; /* only the Cyrillic part is passed */
    char out[32];
    size_t n = translit_cyr(in, strlen("рахмон"), out, sizeof out);
    assert_int_equal(n, 7);
    assert_string_equal(out, "rakhmon");
}

static void test_truncation(void **state)
{
    (void)state;
    const char *in = "Душанбе";
    size_t len = strlen(in);
    char *out;

    /* Exact fit: 8 letters plus the NUL. */
    assert_int_equal(run(in, len, 9, &out), 8);
    assert_string_equal(out, "dushanbe");
    free(out);

    /* One byte short: cut, NUL-terminated, full length reported. */
    assert_int_equal(run(in, len, 8, &out), 8);
    assert_string_equal(out, "dushanb");
    free(out);

    /* Cut inside the multi-letter output of one Cyrillic letter. */
    assert_int_equal(run(in, len, 4, &out), 8);
    assert_string_equal(out, "dus");
    free(out);

    assert_int_equal(run(in, len, 1, &out), 8);
    assert_string_equal(out, "");
    free(out);

    /* cap 0: nothing written, so out may be NULL; size still reported. */
    assert_int_equal(translit_cyr(in, len, NULL, 0), 8);

    /* The reported size is enough for a second attempt. */
    size_t need = translit_cyr("щщщ", strlen("щщщ"), NULL, 0);
    assert_int_equal(need, 12);
    assert_int_equal(run("щщщ", strlen("щщщ"), need + 1, &out), 12);
    assert_string_equal(out, "shchshchshch");
    free(out);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        size_t len;
    } cases[] = {
        {"\xD0", 1},                   /* truncated lead byte at the end */
        {"\xD0\x41", 2},               /* lead byte without continuation */
        {"\xFF\xFE\x80", 3},           /* bytes never valid in UTF-8 */
        {"\xBF\xD0", 2},               /* stray continuation, then lead */
        {"\xE0\x80", 2},               /* truncated three-byte sequence */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[16];
        size_t n = translit_cyr(cases[i].in, cases[i].len, out, sizeof out);
        assert_int_equal(n, cases[i].len);
        assert_memory_equal(out, cases[i].in, cases[i].len);
        assert_int_equal(out[n], '\0');
        assert_false(translit_has_cyr(cases[i].in, cases[i].len));
    }

    /* Valid Cyrillic around invalid bytes is still transliterated. */
    char out[16];
    const char in[] = "а\xD1я\xD0";
    size_t n = translit_cyr(in, sizeof in - 1, out, sizeof out);
    assert_int_equal(n, 5);
    assert_memory_equal(out, "a\xD1ya\xD0", 6);

    /* A stray continuation byte after a letter (Ѐ) is kept as it is. */
    n = translit_cyr("\xD0\x80\x80", 3, out, sizeof out);
    assert_int_equal(n, 2);
    assert_memory_equal(out, "e\x80", 3);
}

static void test_empty(void **state)
{
    (void)state;
    char out[4] = "zzz";
    assert_int_equal(translit_cyr(NULL, 0, out, sizeof out), 0);
    assert_string_equal(out, "");
    assert_int_equal(translit_cyr("", 0, NULL, 0), 0);
    assert_false(translit_has_cyr(NULL, 0));
    assert_false(translit_has_cyr("", 0));
}

static void test_has_cyr(void **state)
{
    (void)state;
    assert_false(translit_has_cyr("csto summit", 11));
    assert_true(translit_has_cyr("csto одкб", strlen("csto одкб")));
    assert_true(translit_has_cyr("ҷ", strlen("ҷ")));
    assert_true(translit_has_cyr("ԁ", strlen("ԁ"))); /* U+0501, supplement */
    /* Armenian (U+0530..) shares the D4 lead byte but is not Cyrillic. */
    assert_false(translit_has_cyr("Երևան", strlen("Երևան")));
    /* A combining Cyrillic mark (U+0483) is not a letter. */
    assert_false(translit_has_cyr("a\xD2\x83", 3));
    /* `len` bounds the scan: the Cyrillic letter lies past it. */
    assert_false(translit_has_cyr("ab\xD0\x90", 3));
    assert_false(translit_has_cyr("café", strlen("café")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_full_basic_alphabet),
        cmocka_unit_test(test_national_letters),
        cmocka_unit_test(test_mixed_text),
        cmocka_unit_test(test_len_limits_input),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_has_cyr),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
