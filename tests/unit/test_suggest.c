/* Unit tests for did-you-mean: the edit distance (in characters, swaps
 * counted once, Cyrillic as well as Latin), how many edits a word may need,
 * and the ranking of candidates: fewer edits first, then the candidate more
 * documents hold, then the one that sorts first; a word the index holds
 * yields only to a far commoner spelling. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "query/suggest.h"

static unsigned dist(const char *a, const char *b, unsigned max)
{
    return suggest_distance(a, strlen(a), b, strlen(b), max);
}

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(dist("dushanbe", "dushanbe", 2), 0);
    assert_int_equal(dist("dushambe", "dushanbe", 2), 1);    /* substitution */
    assert_int_equal(dist("dushnabe", "dushanbe", 2), 1);    /* swap */
    assert_int_equal(dist("dushanbe", "dushanbeh", 2), 1);   /* insertion */
    assert_int_equal(dist("dshanbe", "dushanbe", 2), 1);     /* deletion */
    assert_int_equal(dist("dusanbe", "dushambe", 2), 2);
    assert_int_equal(dist("minsk", "pinsky", 2), 2);
    assert_int_equal(dist("abc", "xyz", 2), 3);              /* over max: max + 1 */
    assert_int_equal(dist("a", "abcdef", 2), 3);             /* length alone rules it out */
    assert_int_equal(dist("", "", 1), 0);
    /* Characters, not bytes: one Cyrillic letter (2 bytes) is one edit. */
    assert_int_equal(dist("душанбе", "душамбе", 2), 1);
    assert_int_equal(dist("рахмон", "рахмонов", 2), 2);
    assert_int_equal(dist("рахмон", "рахмоновы", 2), 3);
}

static void test_max_edits(void **state)
{
    (void)state;
    assert_int_equal(suggest_max_edits(1), 0);
    assert_int_equal(suggest_max_edits(2), 0);
    assert_int_equal(suggest_max_edits(3), 0);
    assert_int_equal(suggest_max_edits(4), 1);
    assert_int_equal(suggest_max_edits(5), 1);
    assert_int_equal(suggest_max_edits(6), 2);
    assert_int_equal(suggest_max_edits(20), 2);
    suggest s;
    assert_int_equal(suggest_init(&s, "abc", 3, 0, NULL, NULL), -1);      /* too short to say */
    assert_int_equal(suggest_init(&s, "абв", 6, 0, NULL, NULL), -1);      /* three letters, six bytes */
    assert_int_equal(suggest_init(&s, "абвг", 8, 0, NULL, NULL), 0);
    assert_int_equal(s.max_edits, 1);
}

static void test_ranking(void **state)
{
    (void)state;
    suggest s;
    assert_int_equal(suggest_init(&s, "dushambe", 8, 0, NULL, NULL), 0);
    assert_null(suggest_best(&s));
    suggest_consider(&s, "dusanbe", 7, 50);       /* 2 edits */
    assert_string_equal(suggest_best(&s), "dusanbe");
    suggest_consider(&s, "dushanbe", 8, 3);       /* 1 edit beats 2, however common */
    assert_string_equal(suggest_best(&s), "dushanbe");
    suggest_consider(&s, "dushambe", 8, 1000);    /* the word itself is no correction */
    assert_string_equal(suggest_best(&s), "dushanbe");
    suggest_consider(&s, "dushamba", 8, 2);       /* 1 edit, fewer documents */
    assert_string_equal(suggest_best(&s), "dushanbe");
    suggest_consider(&s, "dushambi", 8, 9);       /* 1 edit, more documents */
    assert_string_equal(suggest_best(&s), "dushambi");
    suggest_consider(&s, "dushambe's", 10, 90);   /* 2 edits: no longer good enough */
    assert_string_equal(suggest_best(&s), "dushambi");
    suggest_consider(&s, "dushamba", 8, 9);       /* a tie sorts first */
    assert_string_equal(suggest_best(&s), "dushamba");
    suggest_consider(&s, "dushambi", 8, 9);
    assert_string_equal(suggest_best(&s), "dushamba");
    suggest_consider(&s, "kabul", 5, 100000);     /* too far */
    assert_string_equal(suggest_best(&s), "dushamba");
    suggest_consider(&s, "rushambe", 8, 100000);  /* 1 edit, but at the start */
    assert_string_equal(suggest_best(&s), "dushamba");
    /* The first character compares as a character, Cyrillic too. */
    assert_int_equal(suggest_init(&s, "душамбе", 14, 0, NULL, NULL), 0);
    suggest_consider(&s, "рушамбе", 14, 50);
    assert_null(suggest_best(&s));
    suggest_consider(&s, "душанбе", 14, 50);
    assert_string_equal(suggest_best(&s), "душанбе");
}

static void test_known_word(void **state)
{
    (void)state;
    suggest s;
    /* "rahmen" is in 4 documents: "rahmon" in 30 is not common enough... */
    assert_int_equal(suggest_init(&s, "rahmen", 6, 4, NULL, NULL), 0);
    suggest_consider(&s, "rahmon", 6, 30);
    assert_null(suggest_best(&s));
    /* ...in 40 it is (SUGGEST_RATIO times as many). */
    suggest_consider(&s, "rahmon", 6, 40);
    assert_string_equal(suggest_best(&s), "rahmon");
    /* Two edits are too many for a word the index holds, however common. */
    assert_int_equal(suggest_init(&s, "spoken", 6, 3, NULL, NULL), 0);
    suggest_consider(&s, "broken", 6, 3000);
    assert_null(suggest_best(&s));
    /* A gazetteer name no document holds never corrects a known word. */
    assert_int_equal(suggest_init(&s, "rahmen", 6, 4, NULL, NULL), 0);
    suggest_consider(&s, "rahman", 6, 0);
    assert_null(suggest_best(&s));
    /* but does correct an unknown one, after any indexed spelling as close. */
    assert_int_equal(suggest_init(&s, "rahmen", 6, 0, NULL, NULL), 0);
    suggest_consider(&s, "rahman", 6, 0);
    assert_string_equal(suggest_best(&s), "rahman");
    suggest_consider(&s, "rahmon", 6, 1);
    assert_string_equal(suggest_best(&s), "rahmon");
}

/* Plural and singular count as one word here, as one stem would make them. */
static int same_but_s(const char *a, size_t alen, const char *b, size_t blen, void *ctx)
{
    (*(int *)ctx)++;
    if (alen > 0 && a[alen - 1] == 's')
        alen--;
    if (blen > 0 && b[blen - 1] == 's')
        blen--;
    return alen == blen && memcmp(a, b, alen) == 0;
}

static void test_same_word(void **state)
{
    (void)state;
    suggest s;
    int asked = 0;
    assert_int_equal(suggest_init(&s, "humans", 6, 0, same_but_s, &asked), 0);
    suggest_consider(&s, "human", 5, 500);       /* the same word: no correction */
    assert_null(suggest_best(&s));
    assert_int_equal(asked, 1);
    suggest_consider(&s, "xylophone", 9, 500);   /* too far: not even asked */
    assert_int_equal(asked, 1);
    suggest_consider(&s, "humane", 6, 5);
    assert_string_equal(suggest_best(&s), "humane");
    assert_int_equal(asked, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_max_edits),
        cmocka_unit_test(test_ranking),
        cmocka_unit_test(test_known_word),
        cmocka_unit_test(test_same_word),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
