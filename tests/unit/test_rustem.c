/* Unit tests for lib/entity/rustem.c: the stems of Russian names, which
 * endings are a name's cases, surname shapes and verb endings, on
 * normalized (lower-case) words as the extraction passes give them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "entity/rustem.h"

static void expect_stem(const char *word, const char *stem)
{
    size_t len = rustem_name(word, strlen(word));
    if (len != strlen(stem) || memcmp(word, stem, len))
        fail_msg("%s: stem %.*s, want %s", word, (int)len, word, stem);
}

static void test_stems(void **state)
{
    (void)state;
    expect_stem("путина", "путин");
    expect_stem("путиным", "путин");
    expect_stem("москве", "москв");
    expect_stem("россии", "росс");
    expect_stem("сергея", "серг");
    expect_stem("китая", "кит");
    /* Plural "-ов" would cut surnames: Петров stays whole. */
    expect_stem("петров", "петров");
    /* Two letters are left at least; words not in Russian letters stay. */
    expect_stem("ой", "ой");
    expect_stem("putina", "putina");
    expect_stem("", "");
}

static bool declines(const char *name, const char *word)
{
    return rustem_declines_to(name, strlen(name), word, strlen(word));
}

static void test_declines_to(void **state)
{
    (void)state;
    assert_true(declines("минск", "минске"));
    assert_true(declines("путин", "путиным"));
    assert_true(declines("думай", "думая"));
    assert_false(declines("думай", "дума"));
    assert_false(declines("селая", "село"));
    assert_false(declines("евраз", "евразии"));
    assert_false(declines("минск", "минского"));
    /* A name whose end is another case's ending keeps it in its stem. */
    assert_true(declines("Илам", "иламе"));
    assert_true(declines("Илам", "илам"));
    assert_false(declines("Илам", "илья"));
    assert_false(declines("Илам", "ильи"));
}

/* Each of the NULL-ended lists yes[] is `what` by fn, none of no[]. */
static void expect_class(bool (*fn)(const char *, size_t), const char *what, const char *const *yes,
                         const char *const *no)
{
    for (; *yes; yes++)
        if (!fn(*yes, strlen(*yes)))
            fail_msg("%s should be %s", *yes, what);
    for (; *no; no++)
        if (fn(*no, strlen(*no)))
            fail_msg("%s should not be %s", *no, what);
}

static void test_surname_shaped(void **state)
{
    (void)state;
    const char *const yes[] = { "иванова", "иванову", "петров", "ткаченко", "пашиняну",
                                "шеварднадзе", "ивановной", "алексеевич", "жуковского", "бельский",
                                "мирзозода", "гасанзаде", "ковальчук", NULL };
    const char *const no[] = { "партизанска", "минск", "москвы", "кремля", "дума", "ов", "ива",
                               "ташкента", "", NULL };
    expect_class(rustem_surname_shaped, "shaped as a surname", yes, no);
}

static void test_verb_like(void **state)
{
    (void)state;
    assert_true(rustem_verb_like("провел", strlen("провел")));
    assert_true(rustem_verb_like("заявили", strlen("заявили")));
    assert_true(rustem_verb_like("считает", strlen("считает")));
    assert_true(rustem_verb_like("вынес", strlen("вынес")));
    assert_true(rustem_verb_like("помог", strlen("помог")));
    assert_false(rustem_verb_like("бизнес", strlen("бизнес")));
    assert_false(rustem_verb_like("торговли", strlen("торговли")));
    assert_false(rustem_verb_like("москва", strlen("москва")));
    /* "-сли" is a past plural's but for a few nouns. */
    assert_true(rustem_verb_like("несли", strlen("несли")));
    assert_false(rustem_verb_like("отрасли", strlen("отрасли")));
}

static void test_patronymic(void **state)
{
    (void)state;
    const char *const yes[] = { "владимировича", "ильич", "николаевна", "ильиничной",
                                "сергеевичем", NULL };
    const char *const no[] = { "иванов", "середюк", "ковальчук", "вич", "", NULL };
    expect_class(rustem_patronymic, "a patronymic", yes, no);
}

static void test_person_role(void **state)
{
    (void)state;
    const char *const yes[] = { "заместитель", "прокуроры", "сотрудники", "министра",
                                "директором", "жители", "ученые", "пострадавшие", NULL };
    const char *const no[] = { "журналистов", "министров", "директорат", "прокуратуры",
                               "обороны", "ученых", "военных", "", NULL };
    expect_class(rustem_person_role, "people by their role", yes, no);
}

static void test_settlement_kind(void **state)
{
    (void)state;
    const char *const yes[] = { "г", "города", "селе", "поселком", "кишлака", "станицей",
                                "деревню", "хутор", "агрогородке", "аила", NULL };
    const char *const no[] = { "городов", "района", "области", "горо", "городской", "", NULL };
    expect_class(rustem_settlement_kind, "a kind of settlement", yes, no);
}

/* Words in one case end in the same letter, whatever its bytes. */
static void test_same_last_letter(void **state)
{
    (void)state;
    assert_true(rustem_same_last_letter("владимира", "мазура"));
    assert_true(rustem_same_last_letter("уральского", "государственного"));
    assert_false(rustem_same_last_letter("ираном", "крупную"));
    assert_false(rustem_same_last_letter("томска", "иван"));
    assert_true(rustem_same_last_letter("ab", "cb"));
    assert_false(rustem_same_last_letter("я", ""));
}

/* After "по", phrases of the sentence and what a body does; the words that
 * link what it does to its object; titles before an eponym. */
static void test_po_and_eponym_words(void **state)
{
    (void)state;
    assert_true(rustem_po_phrase("данным", strlen("данным")));
    assert_true(rustem_po_phrase("ходатайству", strlen("ходатайству")));
    assert_false(rustem_po_phrase("обороне", strlen("обороне")));
    assert_false(rustem_po_phrase("делам", strlen("делам")));
    assert_true(rustem_po_link("с", "коррупцией"));
    assert_true(rustem_po_link("в", "сфере"));
    assert_false(rustem_po_link("в", "Москве"));
    assert_true(rustem_adverb_like("совместно", strlen("совместно")));
    assert_true(rustem_adverb_like("вчера", strlen("вчера")));
    assert_false(rustem_adverb_like("обороне", strlen("обороне")));
    assert_true(rustem_eponym_title("академика", strlen("академика")));
    assert_false(rustem_eponym_title("Ельцина", strlen("Ельцина")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stems),
        cmocka_unit_test(test_declines_to),
        cmocka_unit_test(test_surname_shaped),
        cmocka_unit_test(test_verb_like),
        cmocka_unit_test(test_patronymic),
        cmocka_unit_test(test_person_role),
        cmocka_unit_test(test_settlement_kind),
        cmocka_unit_test(test_po_and_eponym_words),
        cmocka_unit_test(test_same_last_letter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
