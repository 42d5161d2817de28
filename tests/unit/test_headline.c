/* Unit tests for headlines: the first line as it is when it is one; a
 * masthead, credit or byline passed over; a lead paragraph cut to its first
 * sentence or at a word boundary with "…"; never half a character. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../indexer/headline.h"

static void expect(const char *text, const char *want)
{
    char *got = headline_of(text, strlen(text));
    assert_non_null(got);
    if (strcmp(got, want))
        print_error("in \"%s\"\n", text);
    assert_string_equal(got, want);
    free(got);
}

static size_t chars(const char *s)
{
    size_t c = 0;
    for (; *s; s++)
        c += ((unsigned char)*s & 0xC0) != 0x80;
    return c;
}

static void test_first_line(void **state)
{
    (void)state;
    expect("", "");
    expect("\n  \n", "");
    expect("\n\n  Collective Security Treaty Organization and new threats  \nBody text.\n",
           "Collective Security Treaty Organization and new threats");
    expect("Лукашенко провёл переговоры с генсеком ОДКБ\nМинск, 3 марта.",
           "Лукашенко провёл переговоры с генсеком ОДКБ");
}

static void test_mastheads_passed_over(void **state)
{
    (void)state;
    expect("Founder Editor Tazeen Akhtar..\n\nDoshanbe - A regular session was held\n",
           "Doshanbe - A regular session was held");
    expect("Copyright 2019 Wire Services\nBy Jane Doe\nTalks resume in Minsk\n",
           "Talks resume in Minsk");
    expect("© 2020 Asia-Plus. All rights reserved\nTalks resume in Minsk\n", "Talks resume in Minsk");
    expect("Главный редактор: И. Петров\nУчредитель: ООО «Пресса»\nСаммит ОДКБ открылся в Минске\n",
           "Саммит ОДКБ открылся в Минске");
    expect("30.11.2017\n---\nSummit opens\n", "Summit opens");
    /* Not a byline: "By" and then no name. */
    expect("By 2030 the region will need more water\n", "By 2030 the region will need more water");
    /* Only mastheads: the first line all the same. */
    expect("Founder Editor Tazeen Akhtar\n", "Founder Editor Tazeen Akhtar");
}

static void test_lead_paragraph_cut(void **state)
{
    (void)state;
    /* One long sentence: cut at a word boundary, with "…". */
    const char *lead = "Tajik President Emomali Rahmon will participate in a session of the "
                       "Collective Security Council of the Collective Security Treaty Organization "
                       "(CSTO) that will take place in the Belarusian capital, Minsk, on November 30.\n";
    char *got = headline_of(lead, strlen(lead));
    assert_non_null(got);
    assert_true(chars(got) <= HEADLINE_MAX);
    size_t n = strlen(got);
    assert_string_equal(got + n - 3, "\xE2\x80\xA6");
    assert_int_equal(strncmp(got, lead, n - 3), 0);
    assert_true(lead[n - 3] == ' ');   /* at a word boundary */
    assert_string_equal(got, "Tajik President Emomali Rahmon will participate in a session of the "
                             "Collective Security Council of the…");
    free(got);
    /* Its first sentence when that is short enough; "U.S." ends none. */
    expect("The U.S. envoy met CSTO leaders in Minsk. The talks covered Afghanistan, water, "
           "trade and the security of the southern borders of the member states in detail.\n",
           "The U.S. envoy met CSTO leaders in Minsk.");
    /* Cyrillic counts characters, not bytes, and is never cut inside one. */
    char ru[2000] = "";
    for (int i = 0; i < 30; i++)
        strcat(ru, "сессия ");
    got = headline_of(ru, strlen(ru));
    assert_true(chars(got) <= HEADLINE_MAX);
    assert_string_equal(got + strlen(got) - 3, "\xE2\x80\xA6");
    assert_int_equal(strncmp(got, ru, strlen(got) - 3), 0);
    free(got);
    /* One word longer than a headline: cut between characters. */
    char word[1000] = "";
    for (int i = 0; i < 150; i++)
        strcat(word, "д");
    got = headline_of(word, strlen(word));
    assert_true(chars(got) <= HEADLINE_MAX);
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_line),
        cmocka_unit_test(test_mastheads_passed_over),
        cmocka_unit_test(test_lead_paragraph_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
