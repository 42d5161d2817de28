/* Unit tests for lib/entity/sense.c: which of the entities sharing a name a
 * text means, by case (GUAM the organization, Guam the territory), by the
 * document's other names and words (Georgia the country or the U.S. state),
 * by the same name elsewhere in the document, and by default (the canonical
 * holder; a country before its capital named alike). Each case lists the
 * matches kept, as "first+n:name". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "entity/gazetteer.h"
#include "entity/names.h"
#include "entity/sense.h"
#include "text/tokarray.h"
#include "entity_fixtures.h"

static const char gaz_text[] =
    "org\tGUAM\tГУАМ\n"
    "place\tGuam\tГуам\n"
    "place\tHagatna\tХагатна\tGuam\n"
    "place\tGeorgia\tГрузия\tTbilisi|Georgian\n"
    "place\tGeorgia, United States\tGeorgia|Джорджия\tAtlanta|governor\n"
    "place\tTbilisi\tТбилиси\tGeorgia\n"
    "place\tAtlanta\t\tUnited States\n"
    "place\tAlgeria\tАлжир\n"
    "place\tAlgiers\tАлжир\tAlgeria\n"
    "place\tGuyana\tГайана\n"
    "place\tCayman Islands\tКаймановы острова\n"
    "place\tGeorgetown\tДжорджтаун\tGuyana\n"
    "place\tGeorge Town\tДжорджтаун\tCayman Islands\n";

FIXTURE_GAZETTEER_GROUP(gaz_text)

/* The matches of `text` sense_choose keeps. */
static const char *kept(const char *text)
{
    static char out[512];
    tok_array t;
    size_t len = strlen(text);
    assert_int_equal(tok_array_build(&t, text, len), 0);
    char **forms = calloc(t.n + 1, sizeof *forms);
    assert_non_null(forms);
    for (size_t i = 0; i < t.n; i++) {
        bool caps = names_caps(text, t.v[i].start, t.v[i].end) >= 2;
        size_t need = gaz_token_form(tok_array_norm(&t, i), t.v[i].len, caps, NULL, 0);
        forms[i] = malloc(need + 1);
        gaz_token_form(tok_array_norm(&t, i), t.v[i].len, caps, forms[i], need + 1);
    }
    gaz_match *m;
    long n = gaz_match_tokens(gaz, (const char *const *)forms, t.n, &m);
    assert_true(n >= 0);
    assert_int_equal(sense_choose(text, &t, forms, m, n), 0);
    out[0] = '\0';
    for (long i = 0; i < n; i++) {
        if (!m[i].n)
            continue;
        size_t at = strlen(out);
        snprintf(out + at, sizeof out - at, "%s%zu+%zu:%s", at ? "," : "", m[i].first, m[i].n,
                 m[i].ent->name);
    }
    free(m);
    for (size_t i = 0; i < t.n; i++)
        free(forms[i]);
    free(forms);
    tok_array_fini(&t);
    return out;
}

static void test_case_tells_acronym_from_name(void **state)
{
    (void)state;
    assert_string_equal(kept("Ministers of the GUAM group met on Tuesday."), "3+1:GUAM");
    assert_string_equal(kept("A typhoon struck Guam on Wednesday."), "3+1:Guam");
    assert_string_equal(kept("Министры ГУАМ встретились, а тайфун обрушился на Гуам."),
                        "1+1:GUAM,7+1:Guam");
}

static void test_headline_takes_the_documents_reading(void **state)
{
    (void)state;
    /* In capitals among capitals the case says nothing: the same name in
     * the text does, or the places it contains. */
    assert_string_equal(kept("TYPHOON HITS GUAM\n\nA typhoon struck Guam on Wednesday."),
                        "2+1:Guam,6+1:Guam");
    assert_string_equal(kept("TYPHOON HITS GUAM\n\nHAGATNA - Power was cut across the island."),
                        "2+1:Guam,3+1:Hagatna");
    assert_string_equal(kept("GUAM MINISTERS MEET\n\nForeign ministers of the GUAM group met."),
                        "0+1:GUAM,7+1:GUAM");
}

static void test_context_tells_places_apart(void **state)
{
    (void)state;
    assert_string_equal(kept("ATLANTA - Georgia Gov. Brian Kemp signed the law."),
                        "0+1:Atlanta,1+1:Georgia, United States");
    assert_string_equal(kept("The governor of Georgia attended."), "3+1:Georgia, United States");
    assert_string_equal(kept("TBILISI - Georgia accused Russia."), "0+1:Tbilisi,1+1:Georgia");
    assert_string_equal(kept("The Georgian government said Georgia would not yield."), "4+1:Georgia");
    /* A capital's country named elsewhere, in any script. */
    assert_string_equal(kept("Джорджтаун, столица Гайаны."), "0+1:Georgetown,2+1:Guyana");
    assert_string_equal(kept("Джорджтаун (Каймановы острова)."),
                        "0+1:George Town,1+2:Cayman Islands");
}

static void test_default_reading(void **state)
{
    (void)state;
    /* Nothing to tell: the canonical holder, else the country over its
     * capital, else the first in the file. */
    assert_string_equal(kept("The parliament of Georgia met."), "3+1:Georgia");
    assert_string_equal(kept("В Алжире прошли протесты."), "1+1:Algeria");
    assert_string_equal(kept("Джорджтаун."), "0+1:Georgetown");
    assert_string_equal(kept("GUAM"), "0+1:GUAM");
    assert_string_equal(kept(""), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_case_tells_acronym_from_name),
        cmocka_unit_test(test_headline_takes_the_documents_reading),
        cmocka_unit_test(test_context_tells_places_apart),
        cmocka_unit_test(test_default_reading),
    };
    return cmocka_run_group_tests_name("sense", tests, setup, teardown);
}
