/* Unit tests for lib/entity/ruabbr.c: which words in capitals in Russian
 * text are organizations' acronyms (not common nouns' abbreviations, not
 * joined by a hyphen, not among capitals), and which long names spell them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "entity/ruabbr.h"
#include "entity_fixtures.h"

/* The tokens of s that ruabbr_org accepts, joined by "|". */
static void expect_orgs(const char *s, const char *want)
{
    tok_doc d;
    char got[512] = "";
    size_t at = 0;
    tok_doc_open(&d, s, NULL, NULL);
    for (size_t i = 0; i < d.n; i++)
        if (ruabbr_org(d.text, d.toks, d.n, i))
            at += (size_t)snprintf(got + at, sizeof got - at, "%s%.*s", at ? "|" : "",
                                   (int)(d.toks[i].end - d.toks[i].start), d.text + d.toks[i].start);
    tok_doc_close(&d);
    if (strcmp(got, want))
        fail_msg("%s\n  got:  %s\n  want: %s", s, got, want);
}

static void test_acronyms(void **state)
{
    (void)state;
    expect_orgs("Минское «Динамо» обыграло СКА из Петербурга", "СКА");
    expect_orgs("астронавт NASA Дональд Петтит", "NASA");
    expect_orgs("Таджикистан и АБР обсудили", "АБР");
    /* Common nouns, legal forms, Roman numerals. */
    expect_orgs("рост ВВП и работа ГЭС, СМИ сообщили, ООО закрыто, в XXI веке", "");
    expect_orgs("бывший замглавы ГКП осужден, а ОГКУ провело торги", "");
    /* Joined by a hyphen: a facility, a project, a compound. */
    expect_orgs("строительство ГЭС-1 и проекта CASA-1000, новый IT-парк", "");
    /* Among capitals, or with no lower-case Cyrillic word next to it. */
    expect_orgs("ЕРЕВАН, 17 ОКТЯБРЯ, АРМЕНПРЕСС.", "");
    expect_orgs("the NASA probe", "");
    /* Too long for an acronym; mixed case; one letter. */
    expect_orgs("сообщил ИНТЕРФАКС вчера", "");
    expect_orgs("агентство УзА сообщило, буква Я тоже", "");
}

static bool spells(const char *acr, const char *s)
{
    tok_doc d;
    tok_doc_open(&d, s, NULL, NULL);
    bool r = ruabbr_spells(acr, d.toks, 0, d.n);
    tok_doc_close(&d);
    return r;
}

static void test_long_names(void **state)
{
    (void)state;
    assert_true(spells("абр", "Азиатского банка развития"));
    assert_true(spells("воз", "Всемирной организации здравоохранения"));
    assert_true(spells("мтсз", "Министерство труда и социальной защиты"));
    assert_false(spells("абр", "Азиатского банка"));
    assert_false(spells("абр", "Азиатского банка развития региона"));
    assert_false(spells("ab", "Asian Bank"));
    assert_true(ruabbr_spells_name("рк", "Республика Казахстан"));
    assert_true(ruabbr_spells_name("кр", "Кыргызская Республика"));
    assert_true(ruabbr_spells_name("рб", "Республика Беларусь"));
    assert_false(ruabbr_spells_name("рк", "Казахстан"));
    assert_false(ruabbr_spells_name("рк", "Республика Корея Юг"));
    assert_false(ruabbr_spells_name("", ""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_acronyms),
        cmocka_unit_test(test_long_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
