/* Unit tests for lib/text/script.c and what the tokenizer does with it:
 * script of letters and words, Latin/Cyrillic homoglyphs read in the word's
 * dominant script, and the Cyrillic letters normalization keeps (й, ў, ї,
 * ӣ, ӯ) beside the one it folds (ё = е). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/script.h"
#include "text/token.h"

static int join_tok(const tok *t, void *ctx)
{
    char *out = ctx;
    if (*out)
        strcat(out, "|");
    strcat(out, t->text);
    return 0;
}

static void assert_tokens(const char *text, const char *want)
{
    char got[1024] = "";
    assert_true(tok_scan(text, strlen(text), join_tok, got) >= 0);
    if (strcmp(got, want) != 0)
        fail_msg("\"%s\" -> \"%s\", wanted \"%s\"", text, got, want);
}

static void test_script_of_letters(void **state)
{
    (void)state;
    assert_int_equal(script_of('a'), SCRIPT_LATIN);
    assert_int_equal(script_of(0x0161), SCRIPT_LATIN);   /* š */
    assert_int_equal(script_of(0x0430), SCRIPT_CYRILLIC); /* а */
    assert_int_equal(script_of(0x04D9), SCRIPT_CYRILLIC); /* ә */
    assert_int_equal(script_of(0x0561), SCRIPT_ARMENIAN); /* ա */
    assert_int_equal(script_of(0x03B1), SCRIPT_OTHER);    /* α */
    assert_int_equal(script_of(0x4E2D), SCRIPT_OTHER);    /* 中 */
    assert_int_equal(script_of('7'), SCRIPT_NONE);
    assert_int_equal(script_of(0x0306), SCRIPT_NONE);     /* a combining mark */
}

static void test_script_of_words(void **state)
{
    (void)state;
    int ru = -1;
    assert_int_equal(script_word("сессия", strlen("сессия"), &ru), SCRIPT_CYRILLIC);
    assert_int_equal(ru, 1);
    assert_int_equal(script_word("қазақстан", strlen("қазақстан"), &ru), SCRIPT_CYRILLIC);
    assert_int_equal(ru, 0);
    assert_int_equal(script_word("їжа", strlen("їжа"), &ru), SCRIPT_CYRILLIC);
    assert_int_equal(ru, 0);
    assert_int_equal(script_word("ерёма", strlen("ерёма"), &ru), SCRIPT_CYRILLIC);
    assert_int_equal(ru, 1);
    assert_int_equal(script_word("council", 7, NULL), SCRIPT_LATIN);
    assert_int_equal(script_word("անվտանգություն", strlen("անվտանգություն"), NULL),
                     SCRIPT_ARMENIAN);
    assert_int_equal(script_word("2015", 4, NULL), SCRIPT_NONE);
    /* Most letters decide; a tie goes to the first letter's script. */
    assert_int_equal(script_word("csto2015", 8, NULL), SCRIPT_LATIN);
    assert_int_equal(script_word("aб", strlen("aб"), NULL), SCRIPT_LATIN);
}

static void test_homoglyph_pairs(void **state)
{
    (void)state;
    assert_int_equal(script_homoglyph('o', SCRIPT_CYRILLIC), 0x043E);
    assert_int_equal(script_homoglyph(0x0440, SCRIPT_LATIN), 'p');
    assert_int_equal(script_homoglyph('z', SCRIPT_CYRILLIC), 0);
    assert_int_equal(script_homoglyph(0x0436, SCRIPT_LATIN), 0); /* ж has no lookalike */
}

static void test_mixed_words_read_in_dominant_script(void **state)
{
    (void)state;
    /* A Cyrillic о (U+043E) in a Latin word, a Latin o and a in Cyrillic ones. */
    assert_tokens("M\xD0\xBEscow", "moscow");
    assert_tokens("Рахмoн", "рахмон");
    assert_tokens("Мoсквa", "москва");
    /* Upper-case lookalikes fold first: Cyrillic В, Н, Т, М, К in Latin words. */
    assert_tokens("\xD0\x92" "ANK", "bank");
    /* A letter with no lookalike stays; a tie leaves the word as written. */
    assert_tokens("Cityж", "cityж");
    assert_tokens("aб", "aб");
    /* Words that are wholly one script are untouched. */
    assert_tokens("Москва Moscow", "москва|moscow");
}

static void test_kept_and_folded_letters(void **state)
{
    (void)state;
    /* й is a letter: мой and мои stay two words; ё is read as е. */
    assert_tokens("Мой мои МОЙ", "мой|мои|мой");
    assert_tokens("Ёлка ещё", "елка|еще");
    /* Decomposed input (и + combining breve) is the same letter. */
    assert_tokens("мои\xCC\x86", "мой");
    assert_tokens("И\xCC\x86", "й");
    /* Belarusian ў, Ukrainian ї, Tajik ӣ and ӯ stay; Kazakh letters have no
     * decomposition and stay anyway. */
    assert_tokens("Беларусь ўзбярэжжа", "беларусь|ўзбярэжжа");
    assert_tokens("Україна їжа", "україна|їжа");
    assert_tokens("Тоҷикистон ӯ ӣ", "тоҷикистон|ӯ|ӣ");
    assert_tokens("Қазақстан әлем ұлт үй һәм іс ғылым өнер ң", "қазақстан|әлем|ұлт|үй|һәм|іс|ғылым|өнер|ң");
    /* Latin marks are still stripped. */
    assert_tokens("Dušanbe Türkiye", "dusanbe|turkiye");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_script_of_letters),
        cmocka_unit_test(test_script_of_words),
        cmocka_unit_test(test_homoglyph_pairs),
        cmocka_unit_test(test_mixed_words_read_in_dominant_script),
        cmocka_unit_test(test_kept_and_folded_letters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
