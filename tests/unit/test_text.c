/* Unit tests for the text pipeline: byte decoding, normalization and
 * tokenization, including the Unicode cases users hit in real news text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/decode.h"
#include "text/token.h"

/* ---- helpers ---- */

typedef struct toks {
    char joined[4096];
    size_t starts[64], ends[64];
    unsigned pos[64];
    size_t n;
} toks;

static int grab(const tok *t, void *ctx)
{
    toks *r = ctx;
    if (r->n)
        strcat(r->joined, "|");
    strcat(r->joined, t->text);
    if (r->n < 64) {
        r->starts[r->n] = t->start;
        r->ends[r->n] = t->end;
        r->pos[r->n] = t->pos;
    }
    r->n++;
    return 0;
}

static toks scan(const char *s)
{
    toks r;
    memset(&r, 0, sizeof r);
    assert_true(tok_scan(s, strlen(s), grab, &r) >= 0);
    return r;
}

#define assert_tokens(text, expected) assert_string_equal(scan(text).joined, expected)

/* ---- decoding ---- */

static void test_decode_valid_utf8_unchanged(void **state)
{
    (void)state;
    const char *s = "Душанбе — Dušanbe ✓";
    size_t n;
    char *d = text_decode(s, strlen(s), &n);
    assert_string_equal(d, s);
    assert_int_equal(n, strlen(s));
    free(d);
}

static void test_decode_cp1252_fallback(void **state)
{
    (void)state;
    /* 0x93/0x94 are curly quotes, 0xE9 é, 0x80 the euro sign in Windows-1252. */
    const char s[] = "\x93" "Caf\xE9\x94 \x80" "5";
    char *d = text_decode(s, sizeof s - 1, NULL);
    assert_string_equal(d, "\xE2\x80\x9C" "Caf\xC3\xA9" "\xE2\x80\x9D \xE2\x82\xAC" "5");
    free(d);
}

static void test_decode_undefined_bytes_become_replacement(void **state)
{
    (void)state;
    const char s[] = "a\x81" "b\x9D";
    char *d = text_decode(s, sizeof s - 1, NULL);
    assert_string_equal(d, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    free(d);
}

static void test_decode_mixed_and_truncated(void **state)
{
    (void)state;
    /* A valid é, then a lead byte cut short by 'A', then a truncated tail. */
    const char s[] = "\xC3\xA9\xE2\x80" "A\xF0\x9F";
    char *d = text_decode(s, sizeof s - 1, NULL);
    assert_string_equal(d, "\xC3\xA9\xC3\xA2\xE2\x82\xAC" "A\xC3\xB0\xC5\xB8");
    free(d);
}

static void test_decode_nul_becomes_space(void **state)
{
    (void)state;
    const char s[] = "a\0b";
    size_t n;
    char *d = text_decode(s, 3, &n);
    assert_int_equal(n, 3);
    assert_string_equal(d, "a b");
    free(d);
}

static void test_utf8_prefix_and_cut(void **state)
{
    (void)state;
    assert_int_equal(text_utf8_prefix("abc", 3), 3);
    assert_int_equal(text_utf8_prefix("ab\xFF" "c", 4), 2);
    assert_int_equal(text_utf8_prefix("a\xC3", 2), 1);
    assert_int_equal(text_utf8_prefix("a\0b", 3), 1);
    /* "é" is two bytes: a cut at 2 would split it. */
    assert_int_equal(text_utf8_cut("a\xC3\xA9z", 4, 2), 1);
    assert_int_equal(text_utf8_cut("a\xC3\xA9z", 4, 3), 3);
    assert_int_equal(text_utf8_cut("ab", 2, 10), 2);
}

/* ---- tokenization ---- */

static void test_ascii_words_lowercased(void **state)
{
    (void)state;
    assert_tokens("The CSTO Collective-Security Council, 2017!", "the|csto|collective|security|council|2017");
}

static void test_separators(void **state)
{
    (void)state;
    assert_tokens("snake_case a&b x/y e-mail U.S.", "snake|case|a|b|x|y|e|mail|u|s");
    assert_tokens("", "");
    assert_tokens(" -- ... ", "");
}

static void test_accents_and_forms_agree(void **state)
{
    (void)state;
    assert_tokens("Dušanbe", "dusanbe");
    assert_tokens("DUSANBE", "dusanbe");
    assert_tokens("Dus\xCC\x8C" "anbe", "dusanbe");          /* NFD: s + combining caron */
    assert_tokens("Ｄｕｓａｎｂｅ", "dusanbe");              /* full-width */
    assert_tokens("\xEF\xAC\x81nance", "finance");           /* the ﬁ ligature */
    assert_tokens("Straße", "strasse");
    assert_tokens("Ελλάδα", "ελλαδα");
}

static void test_apostrophes_kept_inside_words(void **state)
{
    (void)state;
    assert_tokens("Tajikistan’s", "tajikistan's");
    assert_tokens("Tajikistan's", "tajikistan's");
    assert_tokens("'quoted' rock''n ends'", "quoted|rock|n|ends");
    assert_tokens("l'Organisation d’Asie", "l'organisation|d'asie");
}

static void test_cyrillic_letters(void **state)
{
    (void)state;
    /* й is a letter of its own, not и with a mark; ё is read as е. */
    assert_tokens("ОДКБ: Душанбе, объявить, Пьяный", "одкб|душанбе|объявить|пьяный");
    assert_tokens("Ёлка", "елка");
}

static void test_positions_and_offsets(void **state)
{
    (void)state;
    toks r = scan("  Émomali  Rahmon,\n(Tajik)");
    assert_int_equal(r.n, 3);
    assert_string_equal(r.joined, "emomali|rahmon|tajik");
    assert_int_equal(r.pos[0], 0);
    assert_int_equal(r.pos[2], 2);
    assert_int_equal(r.starts[0], 2);
    assert_int_equal(r.ends[0], 10);   /* É is two bytes */
    assert_int_equal(r.starts[1], 12);
    assert_int_equal(r.ends[1], 18);
    assert_int_equal(r.starts[2], 21);
}

static void test_compat_symbols_become_letters(void **state)
{
    (void)state;
    /* NFKC turns ™ into "TM" and ① into "1": letters and digits, as in the index. */
    assert_tokens("Brand™ ①", "brandtm|1");
}

static void test_invalid_bytes_separate(void **state)
{
    (void)state;
    const char s[] = "ab\xFF" "cd";
    toks r;
    memset(&r, 0, sizeof r);
    assert_true(tok_scan(s, sizeof s - 1, grab, &r) == 2);
    assert_string_equal(r.joined, "ab|cd");
}

static void test_long_token_cut_at_char_boundary(void **state)
{
    (void)state;
    char s[1000];
    size_t n = 0;
    while (n + 2 < sizeof s - 1) {
        memcpy(s + n, "\xD0\xB4", 2);  /* д */
        n += 2;
    }
    s[n] = '\0';
    toks r = scan(s);
    assert_int_equal(r.n, 1);
    assert_true(strlen(r.joined) <= TOK_MAX_BYTES);
    assert_int_equal(strlen(r.joined) % 2, 0);
}

static int stop_after_two(const tok *t, void *ctx)
{
    (void)t;
    return ++*(int *)ctx == 2;
}

static void test_callback_can_stop(void **state)
{
    (void)state;
    int seen = 0;
    tok_scan("a b c d", 7, stop_after_two, &seen);
    assert_int_equal(seen, 2);
}

static void test_join(void **state)
{
    (void)state;
    char *j = tok_join("  Dušanbe-City, “Capital” ", 30);
    assert_string_equal(j, "dusanbe city capital");
    free(j);
    j = tok_join("!!", 2);
    assert_string_equal(j, "");
    free(j);
}

static void test_random_bytes_do_not_crash(void **state)
{
    (void)state;
    uint32_t x = 12345;
    char buf[257];
    for (int round = 0; round < 2000; round++) {
        size_t n = round % 256;
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = (char)(x >> 16);
        }
        toks r;
        memset(&r, 0, sizeof r);
        assert_true(tok_scan(buf, n, NULL, NULL) >= 0);
        char *d = text_decode(buf, n, NULL);
        assert_non_null(d);
        assert_int_equal(text_utf8_prefix(d, strlen(d)), strlen(d));
        free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_valid_utf8_unchanged),
        cmocka_unit_test(test_decode_cp1252_fallback),
        cmocka_unit_test(test_decode_undefined_bytes_become_replacement),
        cmocka_unit_test(test_decode_mixed_and_truncated),
        cmocka_unit_test(test_decode_nul_becomes_space),
        cmocka_unit_test(test_utf8_prefix_and_cut),
        cmocka_unit_test(test_ascii_words_lowercased),
        cmocka_unit_test(test_separators),
        cmocka_unit_test(test_accents_and_forms_agree),
        cmocka_unit_test(test_apostrophes_kept_inside_words),
        cmocka_unit_test(test_cyrillic_letters),
        cmocka_unit_test(test_positions_and_offsets),
        cmocka_unit_test(test_compat_symbols_become_letters),
        cmocka_unit_test(test_invalid_bytes_separate),
        cmocka_unit_test(test_long_token_cut_at_char_boundary),
        cmocka_unit_test(test_callback_can_stop),
        cmocka_unit_test(test_join),
        cmocka_unit_test(test_random_bytes_do_not_crash),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
