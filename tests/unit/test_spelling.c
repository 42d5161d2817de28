/* Unit tests for lib/entity/spelling.c: of the spellings of one name, the
 * nominative reads most as one, whatever the name; then the spelling most
 * documents use, the shortest, the first in byte order; and the spelling
 * term's form. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "entity/spelling.h"
#include "xap/prefix.h"

static int score(const char *s)
{
    return spelling_nominative(s, strlen(s));
}

/* `cases` holds spellings of one name, the nominative first: it must
 * score above every other. */
static void nominative_first(const char *const *cases, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (score(cases[0]) <= score(cases[i]))
            fail_msg("\"%s\" (%d) does not beat \"%s\" (%d)", cases[0], score(cases[0]), cases[i],
                     score(cases[i]));
        /* ... and is shown even when fewer documents use it. */
        assert_true(spelling_cmp(cases[0], 1, cases[i], 50) < 0);
        assert_true(spelling_cmp(cases[i], 50, cases[0], 1) > 0);
    }
}

#define NOMINATIVE_FIRST(...)                                        \
    do {                                                             \
        static const char *const v[] = { __VA_ARGS__ };              \
        nominative_first(v, sizeof v / sizeof *v);                   \
    } while (0)

static void test_adjective_headed_names(void **state)
{
    (void)state;
    NOMINATIVE_FIRST("Кувандыкский городской округ", "Кувандыкского городского округа",
                     "Кувандыкскому городскому округу", "Кувандыкским городским округом",
                     "Кувандыкском городском округе");
    NOMINATIVE_FIRST("Уфимский федеральный исследовательский центр РАН",
                     "Уфимского федерального исследовательского центра РАН",
                     "Уфимскому федеральному исследовательскому центру РАН",
                     "Уфимским федеральным исследовательским центром РАН",
                     "Уфимском федеральном исследовательском центре РАН");
    NOMINATIVE_FIRST("Главное управление МЧС по Приморскому краю",
                     "Главного управления МЧС по Приморскому краю",
                     "Главному управлению МЧС по Приморскому краю",
                     "Главным управлением МЧС по Приморскому краю",
                     "Главном управлении МЧС по Приморскому краю");
    /* Feminine, where "-ой" is not the nominative but one of four cases. */
    NOMINATIVE_FIRST("Федеральная налоговая служба", "Федеральной налоговой службы",
                     "Федеральную налоговую службу", "Федеральной налоговой службой");
    NOMINATIVE_FIRST("Верховные суды республик", "Верховных судов республик",
                     "Верховным судам республик", "Верховными судами республик",
                     "Верховных судах республик");
}

static void test_noun_headed_names(void **state)
{
    (void)state;
    NOMINATIVE_FIRST("Министерство здравоохранения Якутии",
                     "Министерства здравоохранения Якутии",
                     "Министерству здравоохранения Якутии",
                     "Министерством здравоохранения Якутии",
                     "Министерстве здравоохранения Якутии");
    NOMINATIVE_FIRST("Совет Федерации", "Совету Федерации", "Советом Федерации",
                     "Совете Федерации");
    NOMINATIVE_FIRST("Петр Ильич Чайковский", "Петра Ильича Чайковского",
                     "Петру Ильичу Чайковскому", "Петром Ильичом Чайковским",
                     "Петре Ильиче Чайковском");
    NOMINATIVE_FIRST("Агентство стратегических инициатив",
                     "Агентству стратегических инициатив",
                     "Агентством стратегических инициатив",
                     "Агентстве стратегических инициатив");
}

static void test_what_counts_for_neither(void **state)
{
    (void)state;
    /* Capitals, short words, other scripts, digits, punctuation. */
    assert_int_equal(score("МЧС"), 0);
    assert_int_equal(score("по"), 0);
    assert_int_equal(score("Ассоциация Bosch 2020"), 0);
    assert_int_equal(score("Federal Reserve"), 0);
    assert_int_equal(score(""), 0);
    assert_int_equal(score("«»—"), 0);
    /* Endings shared by the nominative and other cases. */
    assert_int_equal(score("Служба"), 0);
    assert_int_equal(score("службы"), 0);
    assert_int_equal(score("городской"), 0);
    /* A Cyrillic run followed by Latin letters is no Russian word. */
    assert_int_equal(score("Газпромbank"), 0);
    /* Quotes and dashes end a word. */
    assert_int_equal(score("«Центр»"), 1);
    assert_int_equal(score("«Центра»"), 0);
    assert_int_equal(score("«Центре»"), -1);
}

static void test_a_name_cut_short_is_judged_on_what_is_there(void **state)
{
    (void)state;
    /* Two letters of a word ("Уфимский" cut after "Уф"), or a cut in the
     * middle of a letter, read no ending and overrun nothing. */
    const char *s = "Уфимский";
    assert_int_equal(spelling_nominative(s, 4), 0);
    assert_int_equal(spelling_nominative(s, 5), 0);
    assert_int_equal(spelling_nominative(s, strlen(s)), 1);
    assert_int_equal(spelling_nominative(s, strlen(s) - 1), 0);
}

static void test_ties_by_documents_length_bytes(void **state)
{
    (void)state;
    /* Latin names: the most used spelling. */
    assert_true(spelling_cmp("OpenAI", 3, "Openai", 2) < 0);
    assert_true(spelling_cmp("Openai", 5, "OpenAI", 2) < 0);
    /* As many documents: the shorter, then the first in byte order. */
    assert_true(spelling_cmp("Nasa", 2, "N.A.S.A.", 2) < 0);
    assert_true(spelling_cmp("NASA", 2, "Nasa", 2) < 0);
    assert_true(spelling_cmp("Nasa", 2, "NASA", 2) > 0);
    assert_int_equal(spelling_cmp("NASA", 2, "NASA", 2), 0);
    /* Same score, as many documents: "Служба" and "Службы" by bytes. */
    assert_true(spelling_cmp("Служба", 1, "Службы", 1) < 0);
}

static void test_term(void **state)
{
    (void)state;
    char t[300];
    size_t n = spelling_term("XOkuvandyksk gorodsk okrug", "Кувандыкский  городской\n\tокруг ",
                             t, sizeof t);
    assert_string_equal(t, PREFIX_SPELLING "XOkuvandyksk gorodsk okrug\tКувандыкский городской округ");
    assert_int_equal(n, strlen(t));
    /* The start all of an entity's spellings share. */
    n = spelling_term("XOkuvandyksk gorodsk okrug", "", t, sizeof t);
    assert_string_equal(t, PREFIX_SPELLING "XOkuvandyksk gorodsk okrug\t");
    assert_int_equal(n, strlen(t));
    /* Too long for a term: not written. */
    char longname[400];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    assert_int_equal(spelling_term("XNkey", longname, t, sizeof t), 0);
    longname[SPELLING_TERM_MAX - 7] = '\0';   /* "N" "XNkey" "\t" and the name: the most */
    assert_int_equal(spelling_term("XNkey", longname, t, sizeof t), SPELLING_TERM_MAX);
    longname[SPELLING_TERM_MAX - 7] = 'a';
    longname[SPELLING_TERM_MAX - 6] = '\0';
    assert_int_equal(spelling_term("XNkey", longname, t, sizeof t), 0);
    /* A buffer too small. */
    assert_int_equal(spelling_term("XNkey", "Name", t, 8), 0);
    assert_int_equal(spelling_term("XNkey", "Name", t, 12), 11);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_adjective_headed_names),
        cmocka_unit_test(test_noun_headed_names),
        cmocka_unit_test(test_what_counts_for_neither),
        cmocka_unit_test(test_a_name_cut_short_is_judged_on_what_is_there),
        cmocka_unit_test(test_ties_by_documents_length_bytes),
        cmocka_unit_test(test_term),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
