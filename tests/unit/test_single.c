/* Unit tests for lib/entity/single.c: one-word names in text cut by the
 * project's tokenizer (where in the sentence, what is around them, a
 * headline), their types, and a name's number. Without a gazetteer, but for
 * a people's word. Does not test running out of memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "entity/single.h"
#include "text/token.h"
#include "entity_fixtures.h"

static gazetteer *gaz;

static int setup(void **state)
{
    (void)state;
    gaz = fixture_gazetteer("place\tJapan\t\nplace\tItaly\t\nplace\tUkraine\t\n");
    return gaz ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    gaz_free(gaz);
    return 0;
}

/* The one-word names of s as "type:text", joined by "|". */
static void expect(const char *s, const char *taken, const char *want)
{
    tok_doc d;
    names_mention *m;
    char got[512] = "";
    size_t at = 0;

    tok_doc_open(&d, s, NULL, taken);
    long n = single_find(gaz, d.text, d.toks, d.n, d.taken, &m);
    assert_true(n >= 0);
    for (long k = 0; k < n; k++) {
        size_t a = d.toks[m[k].first].start, b = d.toks[m[k].first + m[k].n - 1].end;
        at += (size_t)snprintf(got + at, sizeof got - at, "%s%c:%.*s", k ? "|" : "",
                               (char)m[k].type, (int)(b - a), d.text + a);
    }
    free(m);
    tok_doc_close(&d);
    if (strcmp(got, want))
        print_error("in \"%s\"\n", s);
    assert_string_equal(got, want);
}

static void test_inside_a_sentence(void **state)
{
    (void)state;
    expect("Investors include Microsoft and Nvidia, and Apple did not.", NULL,
           "n:Microsoft|n:Nvidia|n:Apple");
    expect("the owner of CBS and MTV said", NULL, "n:CBS|n:MTV");
    /* Listed words, acronyms that name no one, people's words. */
    expect("the Senate met on Monday with the CEO of a Japanese firm and Italians", NULL,
           "n:Senate");
    /* Joined to other capitalized words: names_find's, not one-word names. */
    expect("as Thomas Enqvist lost", NULL, "");
    /* But for a title after it, a possessive or a title before it. */
    expect("the plant, said Toyota President Koji Sato, would employ many people", "Koji Sato",
           "n:Toyota");
    expect("a fine on Alphabet's Google", NULL, "n:Alphabet's|n:Google");
}

static void test_sentence_start(void **state)
{
    (void)state;
    expect("Chevron, its rival, cut jobs.", NULL, "n:Chevron");
    expect("Greenpeace said no.", NULL, "n:Greenpeace");
    expect("BHP cut jobs.", NULL, "n:BHP");
    expect("Analysts said no. Workers agreed. Separately, the bank cut rates.", NULL, "");
    expect("Petrobras shares fell. Investors sold Petrobras.", NULL, "n:Petrobras|n:Petrobras");
    expect("\"Reuters\" and (Ukrenergo) begin quotes.", NULL, "");
    /* A company's officer after it, or "its" after its verb. */
    expect("Sberbank CEO German Gref said so.", NULL, "o:Sberbank|p:Gref");
    expect("Nestle Chief Executive Laurent Freixe spoke.", NULL, "o:Nestle");
    expect("Nestle cut its forecast. Maersk said its ships would wait.", NULL, "o:Nestle|o:Maersk");
    /* Not a person's aide, a country's president, nor a noun of things. */
    expect("Obama adviser David Axelrod said so.", NULL, "");
    expect("Outgoing President Joe Smith said so.", NULL, "");
    expect("Inflation hit its peak. Growth lost its pace. Demand rose its way as demand grew.",
           NULL, "");
    expect("Smith cut his forecast.", NULL, "");
}

static void test_types(void **state)
{
    (void)state;
    expect("the state oil company NNPC and shipping giant Maersk", NULL, "o:NNPC|o:Maersk");
    expect("near the giant Tengiz field", NULL, "n:Tengiz");
    expect("Boeing's board met the Morena party.", NULL, "o:Boeing's|o:Morena");
    expect("a message from Gen. Brawner", NULL, "p:Brawner");
    expect("the minister told Bloomberg and Channel 4 so", NULL, "n:Bloomberg|n:Channel 4");
    expect("DHAHRAN, Saudi Arabia", "Saudi Arabia", "l:DHAHRAN");
    /* The dateline's agency, between slashes or in parentheses after its
     * date, also where a sentence would start; not elsewhere. */
    expect("БАКУ, 22 октября. /Trend/. Команда выиграла.", "БАКУ", "o:Trend");
    expect("Baku, Oct 22 (Trend) - The team won.", "Baku", "o:Trend");
    expect("Счет /Trend/ растет.", NULL, "n:Trend");
    expect("ВЛАДИВОСТОК, 14 февраля. PrimaMedia. Суд вынес приговор.", "ВЛАДИВОСТОК",
           "o:PrimaMedia");
    expect("Баку, 4 июня. Trend: Компания подписала соглашение.", "Баку", "o:Trend");
    expect("встреча 14-15 Sep. прошла", NULL, "n:Sep");
    expect("a stake in Skydance, whose founder said", NULL, "n:Skydance");
    expect("the plant, said Toyota CEO Koji Sato, and Volvo, which raised its offer", "Koji Sato",
           "o:Toyota|n:Volvo");
    /* An apposition whose last word is a company's noun. */
    expect("the deal with Carrefour, the French retailer, and Telenor, Norway's largest"
           " telecoms group.", "Norway's", "o:Carrefour|o:Telenor");
    expect("a talk with Sheinbaum, the candidate of the ruling party, and Smith, a former bank"
           " executive, today", NULL, "n:Sheinbaum|n:Smith");
    /* In a sports story a name's number is its score, the name a club. */
    expect("Everton 1 Newcastle 2. The striker scored in the league.", "Newcastle", "o:Everton");
    expect("Everton 1 Newcastle 2.", "Newcastle", "n:Everton 1");
}

static void test_headlines(void **state)
{
    (void)state;
    expect("ECB CUTS RATES\nThe bank acted.", "ECB", "");
    expect("Toyota to Build New Plant\nThe plant will open.", NULL, "");
}

static bool numbered(const char *s, size_t i)
{
    tok_doc d;
    tok_doc_open(&d, s, NULL, NULL);
    bool r = single_numbered(d.text, d.toks, d.n, i);
    tok_doc_close(&d);
    return r;
}

static void test_numbered(void **state)
{
    (void)state;
    assert_true(numbered("told France 24 the", 1));
    assert_true(numbered("on Channel 4", 1));
    assert_true(numbered("Channel 4", 0));
    assert_false(numbered("beat Dortmund 2-0 at", 1));
    assert_false(numbered("France 3% higher", 0));
    assert_false(numbered("France 3 percent higher", 0));
    assert_false(numbered("France 1.5 points", 0));
    assert_false(numbered("Oct 17 2024", 0));
    assert_false(numbered("Paris 2024", 0));
    assert_false(numbered("France", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inside_a_sentence),
        cmocka_unit_test(test_sentence_start),
        cmocka_unit_test(test_types),
        cmocka_unit_test(test_headlines),
        cmocka_unit_test(test_numbered),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
