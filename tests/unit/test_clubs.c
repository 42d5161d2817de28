/* Unit tests for lib/entity/clubs.c: what makes a story about sport, and the
 * words after a town that name its club, on text cut by the project's
 * tokenizer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "entity/clubs.h"
#include "text/token.h"
#include "entity_fixtures.h"

static bool sport(const char *s)
{
    tok_doc d;
    tok_doc_open(&d, s, NULL, NULL);
    bool r = clubs_sport_text(d.toks, d.n);
    tok_doc_close(&d);
    return r;
}

/* Which of clubs_word_after and clubs_staff_after hold after the token
 * spelled `town` in s: "word", "staff" or "-". */
static const char *after(const char *s, const char *town)
{
    tok_doc d;
    const char *r = "-";
    tok_doc_open(&d, s, NULL, NULL);
    for (size_t i = 0; i < d.n; i++) {
        size_t tl = d.toks[i].end - d.toks[i].start;
        if (tl != strlen(town) || memcmp(d.text + d.toks[i].start, town, tl))
            continue;
        bool w = clubs_word_after(d.text, d.toks, d.n, i), st = clubs_staff_after(d.text, d.toks, d.n, i);
        r = w && st ? "both" : w ? "word" : st ? "staff" : "-";
        break;
    }
    tok_doc_close(&d);
    return r;
}

static void test_sport_text(void **state)
{
    (void)state;
    assert_true(sport("The striker scored twice as the league leaders won."));
    assert_true(sport("Goals in the second half. Goal of the season."));
    /* One word alone, or one word twice, is no sport. */
    assert_false(sport("The final cup of coffee."));
    assert_false(sport("The league of nations met. The league adjourned."));
    assert_false(sport(""));
}

static void test_club_words(void **state)
{
    (void)state;
    assert_string_equal(after("a 2-0 win over Manchester City at home", "Manchester"), "word");
    assert_string_equal(after("Stoke City and Notts County drew", "Notts"), "word");
    /* Lower case, or not right after the town. */
    assert_string_equal(after("Manchester city council met", "Manchester"), "-");
    assert_string_equal(after("Manchester, City and County", "Manchester"), "-");
    assert_string_equal(after("Manchester Airport", "Manchester"), "-");
}

static void test_staff(void **state)
{
    (void)state;
    assert_string_equal(after("while Liverpool boss Arne Slot praised", "Liverpool"), "staff");
    assert_string_equal(after("Barcelona coach Hansi Flick", "Barcelona"), "staff");
    assert_string_equal(after("Chelsea's striker scored", "Chelsea's"), "staff");
    assert_string_equal(after("Liverpool mayor Steve Rotheram", "Liverpool"), "-");
    assert_string_equal(after("Liverpool Boss", "Liverpool"), "-");
    assert_string_equal(after("Liverpool, boss", "Liverpool"), "-");
}

static bool score(const char *s, size_t i)
{
    tok_doc d;
    tok_doc_open(&d, s, NULL, NULL);
    bool r = clubs_score_after(d.text, d.toks, d.n, i);
    tok_doc_close(&d);
    return r;
}

static void test_scores(void **state)
{
    (void)state;
    assert_true(score("Leeds 0 Liverpool 2", 0));
    assert_true(score("Leeds 0 Liverpool 2", 2));
    assert_true(score("beat Chelsea 2-0 at home", 1));
    assert_true(score("Everton 1\nNewcastle 2", 0));
    assert_false(score("Leeds 3% higher", 0));
    assert_false(score("Leeds 2.5 points", 0));
    assert_false(score("Leeds 120 runs", 0));
    assert_false(score("Leeds  2", 0));
    assert_false(score("Leeds 10:30", 0));
    assert_false(score("Leeds", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sport_text),
        cmocka_unit_test(test_club_words),
        cmocka_unit_test(test_staff),
        cmocka_unit_test(test_scores),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
