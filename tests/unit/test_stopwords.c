/* Unit tests for the stop lists: English and Russian words are known in the
 * form the tokenizer gives them (case, ё and й folded), content words are
 * not; their stems are the terms query expansion leaves out; and the query
 * compiler weighs a stop word at a tenth of its weight while leaving other
 * words alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "query/compile.h"
#include "query/query.h"
#include "query/stopwords.h"
#include "text/token.h"

/* Whether `typed`, as the tokenizer normalizes it, is a stop word. */
static int stop(const char *typed)
{
    char *norm = tok_join(typed, strlen(typed));
    assert_non_null(norm);
    int r = qp_stopword(norm, strlen(norm));
    free(norm);
    return r;
}

static void test_english(void **state)
{
    (void)state;
    static const char *const yes[] = { "the", "What", "WHICH", "are", "there", "between",
                                       "a", "i" };
    static const char *const no[] = { "titles", "dushanbe", "information", "theory", "thee",
                                      "x" };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(stop(yes[i]));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(stop(no[i]));
}

static void test_russian(void **state)
{
    (void)state;
    static const char *const yes[] = { "и", "что", "Когда", "ещё", "её", "какой", "между" };
    static const char *const no[] = { "душанбе", "безопасность", "рахмон" };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(stop(yes[i]));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(stop(no[i]));
}

static void test_edges(void **state)
{
    (void)state;
    assert_false(qp_stopword("", 0));
    assert_false(qp_stopword("the", 2));     /* "th" */
    assert_true(qp_stopword("theory", 3));   /* "the" */
    char longword[300];
    memset(longword, 'a', sizeof longword);
    assert_false(qp_stopword(longword, sizeof longword));
}

static void test_weighing(void **state)
{
    (void)state;
    morph *words;
    char msg[256];
    assert_int_equal(morph_new(&words, msg, sizeof msg), SEEK_OK);
    qp_node *tree;
    qp_error err;
    const char *q = "what titles";
    assert_int_equal(qp_parse(q, strlen(q), &tree, &err), SEEK_OK);
    xap_query *xq;
    assert_int_equal(qp_compile(tree, words, NULL, &xq), SEEK_OK);
    char *d = xap_query_describe(xq);
    assert_non_null(d);
    /* The stop word optional and scaled, the content word as it is. */
    assert_non_null(strstr(d, "(Ztitl AND_MAYBE 0.1000000000"));
    assert_non_null(strstr(d, " * Zwhat)"));
    assert_null(strstr(d, "* Ztitl"));
    free(d);
    xap_query_free(xq);
    qp_free(tree);
    morph_free(words);
}

static void test_stems(void **state)
{
    (void)state;
    morph *words;
    char err[256];
    assert_int_equal(morph_new(&words, err, sizeof err), SEEK_OK);
    char **terms;
    size_t n;
    assert_int_equal(qp_stopword_terms(words, &terms, &n), SEEK_OK);
    int being = 0, the = 0, titl = 0;
    for (size_t i = 0; i < n; i++) {
        being |= !strcmp(terms[i], "Zbeing") || !strcmp(terms[i], "Zbe");
        the |= !strcmp(terms[i], "Zthe");
        titl |= !strcmp(terms[i], "Ztitl");
    }
    assert_true(being && the);
    assert_false(titl);
    assert_true(n > 200);
    xap_strv_free(terms, n);
    morph_free(words);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english),
        cmocka_unit_test(test_russian),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_weighing),
        cmocka_unit_test(test_stems),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
