/* Unit tests for lib/entity/ruorg.c and the org filter terms it gives
 * (qp_entity_terms): one key for a body however its name is written, its
 * abbreviations and full names, owners that are places or organizations,
 * names that are no body, a body's units for a region, missions; a filter finds a body by the key its documents
 * hold, also through the gazetteer's Russian names of it. The bodies of
 * whole documents (written alone, their country) are tested in
 * test_extract.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "entity/ruorg.h"
#include "query/compile.h"
#include "entity_fixtures.h"

static const char gaz_text[] =
    "place\tKazakhstan\tКазахстан|Республика Казахстан\n"
    "place\tKyrgyzstan\tКыргызстан|Киргизия|Кыргызская Республика\n"
    "place\tRussia\tРоссия|РФ\n"
    "place\tArmenia\tАрмения|Республика Армения\tColombia\n"
    "place\tColombia\tКолумбия\n"
    "place\tMoscow\tМосква\tRussia\n"
    "place\tAstana\tАстана\tKazakhstan\n"
    "place\tPrimorsky Krai\tПриморский край|Приморье\n"
    "org\tCSTO\tОДКБ\n"
    "org\tRussian Ministry of Foreign Affairs\tМИД России\n"
    "org\tFederal Security Service\tФСБ|Федеральная служба безопасности\n"
    "org\tRosprirodnadzor\tРосприроднадзор|Федеральная служба по надзору в сфере природопользования\n"
    "org\tInvestigative Committee of Russia\tСК России|Следственный комитет России\n"
    "org\tRossotrudnichestvo\tРоссотрудничество\n"
    "org\tAnti-Corruption Agency of Kazakhstan\tАгентство по противодействию коррупции\n";

FIXTURE_GAZETTEER_GROUP(gaz_text)

#define EXPECT_KEY(name, want) EXPECT_KEY_OF(ruorg_key, gaz, name, want)

static void test_one_key(void **state)
{
    (void)state;
    const char *const same[] = {
        "МИД Кыргызстана", "Министерство иностранных дел Кыргызской Республики",
        "министерства иностранных дел Киргизии", "МИД Кыргызской Республики",
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        EXPECT_KEY(same[i], "ministerstv inostrann del kyrgyzstan");
    EXPECT_KEY("Минобороны РФ", "ministerstv oboron russia");
    EXPECT_KEY("Министерство обороны России", "ministerstv oboron russia");
    EXPECT_KEY("Генпрокуратура Казахстана", "generaln prokuratur kazakhstan");
    EXPECT_KEY("маслихат города Астаны", "maslikhat astana");
    EXPECT_KEY("Маслихат Астаны", "maslikhat astana");
    EXPECT_KEY("примэрия Астаны", "primer astana");
    EXPECT_KEY("Генеральная прокуратура Республики Казахстан", "generaln prokuratur kazakhstan");
    EXPECT_KEY("ЦИК Армении", "tsentraln izbirateln komiss armenia");
    /* An open head with the words of its name; an organization as owner;
     * filler that says nothing of the body. */
    EXPECT_KEY("Министерство территориального управления и инфраструктуры Армении",
               "ministerstv territorialn upravlen i infrastruktur armenia");
    EXPECT_KEY("Совет министров обороны ОДКБ", "sovet ministrov oboron csto");
    EXPECT_KEY("Совет министров обороны стран ОДКБ", "sovet ministrov oboron csto");
    EXPECT_KEY("Союз журналистов России", "soyuz zhurnalistov russia");
    /* A city's body with the word "города" before the city. */
    EXPECT_KEY("Акимат города Астаны", "akimat astana");
    EXPECT_KEY("акимат г. Астаны", "akimat astana");
    /* A state service under a ministry ("при"), its owner written either way. */
    EXPECT_KEY("Государственная налоговая служба при Министерстве финансов Кыргызской Республики",
               "gosudarstvenn nalogov sluzhb pr ministerstv finansov kyrgyzstan");
    EXPECT_KEY("Государственной налоговой службы при Министерстве финансов Киргизии",
               "gosudarstvenn nalogov sluzhb pr ministerstv finansov kyrgyzstan");
    /* No words of its own are needed before an organization, only before a
     * place. */
    EXPECT_KEY("Совет ОДКБ", "sovet csto");
    EXPECT_KEY("Коллегии ОДКБ", "kolleg csto");
    EXPECT_KEY("Совет России", "");
    EXPECT_KEY("Правление ОДКБ", "pravlen csto");
    EXPECT_KEY("Президиума ОДКБ", "prezidium csto");
    EXPECT_KEY("Правление России", "");
    /* A ministry whose name lists its fields, with commas in text. */
    EXPECT_KEY("Министерство труда, социального обеспечения и миграции Кыргызской Республики",
               "ministerstv trud sotsialn obespechen i migrats kyrgyzstan");
    /* The government, in lower case too. */
    EXPECT_KEY("правительства РФ", "pravitelstv russia");
    EXPECT_KEY("Правительство России", "pravitelstv russia");
    EXPECT_KEY("казахстанский МИД", "ministerstv inostrann del kazakhstan");
    EXPECT_KEY("российского Министерства обороны", "ministerstv oboron russia");
    /* City halls and akimats likewise. */
    EXPECT_KEY("акиматом Астаны", "akimat astana");
    EXPECT_KEY("Акимат Астаны", "akimat astana");
    EXPECT_KEY("мэрии Москвы", "mer moscow");
}

static void test_no_body(void **state)
{
    (void)state;
    /* No owner, an unknown owner, words after the owner, no body. */
    EXPECT_KEY("МИД", "");
    EXPECT_KEY("Министерство обороны", "");
    EXPECT_KEY("Министерство обороны Нарнии", "");
    EXPECT_KEY("МИД Казахстана сообщил", "");
    EXPECT_KEY("Президент Казахстана", "");
    EXPECT_KEY("Казахстан", "");
    EXPECT_KEY("мэрия", "");
    EXPECT_KEY("", "");
}

/* A body's unit for a region: one key for its head's abbreviation or
 * full name, glued or apart, its body with or without its owner, and its
 * region; none without a region. */
static void test_units(void **state)
{
    (void)state;
    const char *const mvd[] = {
        "Главное управление МВД России по Москве", "ГУ МВД по Москве",
        "ГУ МВД России по г. Москве", "Главного управления Министерства внутренних дел по городу Москве",
    };
    for (size_t i = 0; i < sizeof mvd / sizeof *mvd; i++)
        EXPECT_KEY(mvd[i], "glavn upravlen ministerstv vnutrenn del po moscow");
    EXPECT_KEY("ГУ МЧС по Приморскому краю",
               "glavn upravlen ministerstv po chrezvychain situatsi po primorsky krai");
    EXPECT_KEY("Главное управление МЧС России по Приморскому краю",
               "glavn upravlen ministerstv po chrezvychain situatsi po primorsky krai");
    const char *const fsb[] = {
        "УФСБ России по Москве", "Управление ФСБ по Москве",
        "Управления Федеральной службы безопасности России по Москве",
    };
    for (size_t i = 0; i < sizeof fsb / sizeof *fsb; i++)
        EXPECT_KEY(fsb[i], "upravlen federal security service po moscow");
    EXPECT_KEY("Управление Росприроднадзора по Приморью", "upravlen rosprirodnadzor po primorsky krai");
    /* A unit for two regions. */
    EXPECT_KEY("Управление ФСБ по Москве и Приморскому краю",
               "upravlen federal security service po moscow i primorsky krai");
    EXPECT_KEY("Управление ФСБ по Москве и Нарнии", "");
    EXPECT_KEY("Главное управление МВД России", "");
    EXPECT_KEY("ГУ МВД по Нарнии", "");
    EXPECT_KEY("Главное управление по Москве", "");
    /* A territorial body of a federal service, the service named in full. */
    EXPECT_KEY("Территориальный орган Росприроднадзора по Москве",
               "territorialn organ rosprirodnadzor po moscow");
    EXPECT_KEY("Межрегиональное управление Федеральной службы по надзору в сфере природопользования"
               " по Москве", "mezhregionaln upravlen rosprirodnadzor po moscow");
    /* A unit of an agency the gazetteer names by what it does, its city
     * after a second "по". */
    EXPECT_KEY("Департамент Агентства по противодействию коррупции по городу Астане",
               "departament anti corruption agency of kazakhstan po astana");
    /* A region named again in parentheses or after a dash. */
    EXPECT_KEY("ГУ МЧС по Приморскому краю (Приморье)",
               "glavn upravlen ministerstv po chrezvychain situatsi po primorsky krai");
    /* A republic's own ministry. */
    EXPECT_KEY("Министерство внутренних дел по Приморскому краю",
               "ministerstv vnutrenn del po primorsky krai");
    EXPECT_KEY("МВД по Приморью", "ministerstv vnutrenn del po primorsky krai");
    /* A body the gazetteer knows by another name, that of the table with
     * its country, is keyed by the table's. */
    EXPECT_KEY("Следственное управление СК России по Москве",
               "sledstvenn upravlen sledstvenn komitet po moscow");
    EXPECT_KEY("Следственного управления Следственного комитета России по Москве",
               "sledstvenn upravlen sledstvenn komitet po moscow");
    /* An open head's own words, then "по" and its region. */
    EXPECT_KEY("Департамент экологии по Москве", "departament ekolog po moscow");
    EXPECT_KEY("У МВД по Москве", "");
    EXPECT_KEY("ГУВД Москвы", "glavn upravlen vnutrenn del moscow");
    EXPECT_KEY("Главное управление внутренних дел Москвы", "glavn upravlen vnutrenn del moscow");
}

/* A mission: its head, owner and where it is, each however written. */
static void test_missions(void **state)
{
    (void)state;
    const char *const embassy[] = {
        "Посольство России в Казахстане", "посольства России в Республике Казахстан",
        "Посольству РФ в Казахстане",
    };
    for (size_t i = 0; i < sizeof embassy / sizeof *embassy; i++)
        EXPECT_KEY(embassy[i], "posolstv russia v kazakhstan");
    EXPECT_KEY("Посольство Кыргызстана", "posolstv kyrgyzstan");
    EXPECT_KEY("Генеральное консульство Армении в Москве", "generaln konsulstv armenia v moscow");
    EXPECT_KEY("Представительство Россотрудничества в Кыргызстане",
               "predstavitelstv rossotrudnichestvo v kyrgyzstan");
    EXPECT_KEY("Постоянное представительство Казахстана при ОДКБ",
               "postoyann predstavitelstv kazakhstan pr csto");
    EXPECT_KEY("Посольство в Казахстане", "");
    /* An international body's mission; "во" keys as "в". */
    EXPECT_KEY("Миссия ОДКБ в Кыргызстане", "miss csto v kyrgyzstan");
    /* An international body's office is said with where it is; its city
     * is its country. */
    EXPECT_KEY("Бюро ОДКБ в Казахстане", "byur csto v kazakhstan");
    EXPECT_KEY("Странового офиса ОДКБ в Астане", "stranov ofis csto v kazakhstan");
    EXPECT_KEY("Бюро ОДКБ", "");
    EXPECT_KEY("Бюро Казахстана в Москве", "");
    EXPECT_KEY("Генеральное консульство Армении во Владивостоке",
               "generaln konsulstv armenia v vladivostok");
    /* An embassy's city is its country; a place the gazetteer lacks is its
     * word; Russia's cultural centres are named by their city alone. */
    EXPECT_KEY("Посольство России в Астане", "posolstv russia v kazakhstan");
    EXPECT_KEY("Генеральное консульство Армении в Комрате", "generaln konsulstv armenia v komrat");
    EXPECT_KEY("Генеральное консульство Армении в Астане", "generaln konsulstv armenia v astana");
    EXPECT_KEY("Русский дом в Астане", "russk dom v astana");
    EXPECT_KEY("Русский дом", "");
    /* A country's context only tells it from a namesake: it stays itself. */
    EXPECT_KEY("Посольство России в Армении", "posolstv russia v armenia");
    EXPECT_KEY("Посольство Нарнии в Казахстане", "");
}

typedef struct terms {
    char v[8][256];
    size_t n;
} terms;

static int collect(const char *term, const gaz_entity *e, void *ctx)
{
    terms *t = ctx;
    (void)e;
    if (t->n < 8)
        snprintf(t->v[t->n++], sizeof t->v[0], "%s", term + 2);   /* past the type prefix */
    return 0;
}

static bool has_term(const terms *t, const char *want)
{
    for (size_t i = 0; i < t->n; i++)
        if (!strcmp(t->v[i], want))
            return true;
    return false;
}

/* An org filter asks for the body's key, and for the keys of the Russian
 * names the gazetteer gives the entity it names. */
static void test_filter_terms(void **state)
{
    (void)state;
    terms t = { .n = 0 };
    char *form = gaz_match_form("МИД Кыргызстана", strlen("МИД Кыргызстана"));
    assert_int_equal(qp_entity_terms(gaz, ENT_ORG, form, collect, &t), 0);
    free(form);
    assert_true(has_term(&t, "ministerstv inostrann del kyrgyzstan"));
    assert_true(has_term(&t, "mid kyrgyzstan"));

    t.n = 0;
    form = gaz_match_form("Russian Ministry of Foreign Affairs", 35);
    assert_int_equal(qp_entity_terms(gaz, ENT_ORG, form, collect, &t), 0);
    free(form);
    assert_true(has_term(&t, "russian ministry of foreign affairs"));
    assert_true(has_term(&t, "ministerstv inostrann del russia"));

    /* A name that ends with a state body and its owner: also under the
     * body's key, as documents that write the owner as "республики" key
     * it. */
    t.n = 0;
    form = gaz_match_form("Пограничные войска ГКНБ Кыргызстана",
                          strlen("Пограничные войска ГКНБ Кыргызстана"));
    assert_int_equal(qp_entity_terms(gaz, ENT_ORG, form, collect, &t), 0);
    free(form);
    assert_true(has_term(&t, "pogranichn voisk gknb kyrgyzstan"));
    assert_true(has_term(&t, "pogranichn voisk gosudarstvenn komitet natsionaln bezopasnost kyrgyzstan"));

    /* A person or place filter asks for no body. */
    t.n = 0;
    form = gaz_match_form("МИД Кыргызстана", strlen("МИД Кыргызстана"));
    assert_int_equal(qp_entity_terms(gaz, ENT_PLACE, form, collect, &t), 0);
    free(form);
    assert_false(has_term(&t, "ministerstv inostrann del kyrgyzstan"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_key),
        cmocka_unit_test(test_no_body),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_missions),
        cmocka_unit_test(test_filter_terms),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
