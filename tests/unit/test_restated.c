/* Unit tests for lib/entity/restated.c: an organization found by a name the
 * gazetteer does not hold, its owner written another way or added, its
 * eponym added; never an organization whose names say another owner or
 * eponym, nor anything for people; the key of a name the gazetteer lacks
 * that ends with its owner; a person's name without a patronymic or with
 * initials, and the gazetteer's person named with initials. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "entity/restated.h"
#include "entity_fixtures.h"

static const char gaz_text[] =
    "place\tRussia\tРоссия|Российская Федерация|РФ\n"
    "place\tKazakhstan\tКазахстан|Республика Казахстан\n"
    "org\tRussian Ministry of Foreign Affairs\tМинистерство иностранных дел Российской Федерации|"
    "МИД России\n"
    "org\tKazakh Ministry of Defence\tМинистерство обороны Республики Казахстан\n"
    "org\tRosgvardia\tNational Guard of Russia|Росгвардия|"
    "Федеральная служба войск национальной гвардии\n"
    "org\tRosaviatsia\tРосавиация|Федеральное агентство воздушного транспорта\n"
    "org\tBank of Russia\tБанк России|Центральный банк России\n"
    "org\tOSCE\tОБСЕ|Организация по безопасности и сотрудничеству в Европе\n"
    "org\tODIHR\tБюро по демократическим институтам и правам человека ОБСЕ\n"
    "org\tRostekhnadzor\tРостехнадзор|"
    "Федеральная служба по экологическому, технологическому и атомному надзору\n"
    "org\tMoscow State University\tМГУ|Московский государственный университет|"
    "МГУ имени Ломоносова\n"
    "org\tRussian Academy of Sciences\tРАН|Российская академия наук\n"
    "org\tInstitute of Nuclear Physics\tИнститут ядерной физики\tKazakhstan\n"
    "person\tVladimir Putin\tВладимир Путин\n";

FIXTURE_GAZETTEER_GROUP(gaz_text)

/* The canonical name of the one organization `name` restates, "" when
 * none, "(several)" when more. */
static void found_as(const char *name, ent_type type, char *out, size_t cap)
{
    char *form = gaz_match_form(name, strlen(name));
    assert_non_null(form);
    const gaz_entity *e[4];
    size_t n = restated_lookup(gaz, form, type, e, 4);
    snprintf(out, cap, "%s", n == 0 ? "" : n > 1 ? "(several)" : e[0]->name);
    free(form);
}

#define EXPECT_ORG(name, want) do { char got[256]; found_as(name, ENT_ORG, got, sizeof got); \
        if (strcmp(got, want)) fail_msg("%s\n  got:  %s\n  want: %s", name, got, want); } while (0)

static void test_owner_written_otherwise(void **state)
{
    (void)state;
    EXPECT_ORG("Министерство иностранных дел России", "Russian Ministry of Foreign Affairs");
    EXPECT_ORG("министерства иностранных дел РФ", "Russian Ministry of Foreign Affairs");
    EXPECT_ORG("Министерство обороны Казахстана", "Kazakh Ministry of Defence");
    /* The same words with another owner are another body. */
    EXPECT_ORG("Министерство иностранных дел Казахстана", "");
    EXPECT_ORG("Министерство обороны России", "");
}

/* A company named with its legal forms is the company; a word no legal
 * form before it is another name. */
static void test_legal_forms(void **state)
{
    (void)state;
    EXPECT_ORG("ПАО «Росгвардия»", "Rosgvardia");
    EXPECT_ORG("АО НК «Росгвардия»", "Rosgvardia");
    /* The region's own: a regional state institution, Tajikistan's
     * holding, Kyrgyzstan's company in mixed case. */
    EXPECT_ORG("ОГКУ «Росгвардия»", "Rosgvardia");
    EXPECT_ORG("ОАХК «Росгвардия»", "Rosgvardia");
    EXPECT_ORG("ОсОО «Росгвардия»", "Rosgvardia");
    EXPECT_ORG("ИА «Росгвардия»", "Rosgvardia");
    EXPECT_ORG("Фонд «Росгвардия»", "");
}

static void test_owner_added(void **state)
{
    (void)state;
    EXPECT_ORG("Федеральная служба войск национальной гвардии России", "Rosgvardia");
    EXPECT_ORG("Федеральной службы войск национальной гвардии Российской Федерации", "Rosgvardia");
    /* Its names say Russia, not Kazakhstan. */
    EXPECT_ORG("Федеральная служба войск национальной гвардии Казахстана", "");
    /* A federal body is Russia's though its names do not say so. */
    EXPECT_ORG("Федерального агентства воздушного транспорта России", "Rosaviatsia");
    EXPECT_ORG("Федеральное агентство воздушного транспорта Казахстана", "");
}

static void test_eponym_added(void **state)
{
    (void)state;
    EXPECT_ORG("Московский государственный университет имени М. В. Ломоносова",
               "Moscow State University");
    EXPECT_ORG("Московского государственного университета имени Ломоносова",
               "Moscow State University");
    /* Its names name no Budker, nor any other eponym. */
    EXPECT_ORG("Институт ядерной физики имени Г. И. Будкера", "");
    EXPECT_ORG("Московский государственный университет имени Баумана", "");
}

static void test_not_restated(void **state)
{
    (void)state;
    char got[256];
    found_as("Министерство иностранных дел России", ENT_PERSON, got, sizeof got);
    assert_string_equal(got, "");
    found_as("Министерство иностранных дел России", ENT_NTYPES, got, sizeof got);
    assert_string_equal(got, "Russian Ministry of Foreign Affairs");
    EXPECT_ORG("Россия", "");
    EXPECT_ORG("Путин России", "");
    EXPECT_ORG("", "");
}

#define EXPECT_KEY(name, want) EXPECT_KEY_OF(restated_key, gaz, name, want)

/* A name ending with its owner is keyed by the owner's key, however the
 * owner is written; the longest owner wins; no owner, no key. */
static void test_owned_key(void **state)
{
    (void)state;
    char a[256], b[256];
    fixture_key(restated_key, gaz, "Уфимский научный центр Российской Федерации", a, sizeof a);
    fixture_key(restated_key, gaz, "Уфимского научного центра РФ", b, sizeof b);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "russia"));
    EXPECT_KEY("Народная партия Республики Казахстан", "narodn part kazakhstan");
    EXPECT_KEY("Народная партия Казахстана", "narodn part kazakhstan");
    EXPECT_KEY("Научный совет Московского государственного университета",
               "nauchn sovet moscow state university");
    EXPECT_KEY("Научный совет МГУ", "nauchn sovet moscow state university");
    /* A company is keyed without its legal form. */
    EXPECT_KEY("ФГУП «Росавиация»", "rosaviatsia");
    EXPECT_KEY("ОсОО «Южстройсервис»", "yuzhstroiservis");
    EXPECT_KEY("ООО «Нарын Агро»", "naryn agr");
    /* An owner of eight words. */
    EXPECT_KEY("Сибирское управление Федеральной службы по экологическому, технологическому и "
               "атомному надзору", "sibirsk upravlen rostekhnadzor");
    /* An eponym by its surname alone, however written. */
    EXPECT_KEY("Центр кардиологии имени Мирсаида Миррахимова", "tsentr kardiolog imen mirrakhimov");
    EXPECT_KEY("Центр кардиологии имени М. М. Миррахимова", "tsentr kardiolog imen mirrakhimov");
    EXPECT_KEY("Центр кардиологии имени Миррахимова", "");
    EXPECT_KEY("Центр кардиологии имени академика М. М. Миррахимова",
               "tsentr kardiolog imen mirrakhimov");
    EXPECT_KEY("Центр кардиологии имени академика Миррахимова", "tsentr kardiolog imen mirrakhimov");
    /* Without initials the surname ends the words before an owner. */
    EXPECT_KEY("Библиотека имени Якуба Коласа Российской академии наук",
               "bibliotek imen kolas russian academy of sciences");
    /* After initials the surname ends the eponym, and an owner may follow. */
    EXPECT_KEY("Институт катализа имени Г. К. Борескова Российской академии наук",
               "institut kataliz imen boreskov russian academy of sciences");
    /* A compound abbreviation spelled out, in any case. */
    EXPECT_KEY("Гомельского облисполкома", "gomelsk oblastn ispolniteln komitet");
    EXPECT_KEY("Гомельский облисполком", "gomelsk oblastn ispolniteln komitet");
    /* An owner that is an organization with its own owner written
     * otherwise; never the organization the whole name restates. */
    fixture_key(restated_key, gaz, "Департамент Азии Министерства иностранных дел России", a, sizeof a);
    fixture_key(restated_key, gaz, "Департамент Азии МИД России", b, sizeof b);
    assert_string_equal(a, b);
    EXPECT_KEY("Департамент Азии Министерства иностранных дел России",
               "departament az russian ministry of foreign affairs");
    EXPECT_KEY("Центральный банк Российской Федерации", "tsentraln bank russia");
    /* An owner between a name and what the body does is the owner at its
     * end; "по" and a place keeps its order. */
    EXPECT_KEY("Бюро ОБСЕ по демократическим институтам и правам человека", "odihr");
    EXPECT_ORG("Бюро по демократическим институтам и правам человека Организации по безопасности "
               "и сотрудничеству в Европе", "ODIHR");
    fixture_key(restated_key, gaz, "Комитет ОБСЕ по миграции", a, sizeof a);
    fixture_key(restated_key, gaz, "Комитета по миграции Организации по безопасности и "
                "сотрудничеству в Европе", b, sizeof b);
    assert_string_equal(a, b);
    EXPECT_KEY("Департамент ОБСЕ по Казахстану", "departament obs po kazakhstan");
    EXPECT_KEY("Департамент ОБСЕ по Казахстану и России", "departament obs po kazakhstan i russia");
    /* A state body that owns it, by its acronym or in full. */
    fixture_key(restated_key, gaz, "Департамент миграции МВД Казахстана", a, sizeof a);
    fixture_key(restated_key, gaz, "Департамента миграции Министерства внутренних дел Республики Казахстан",
                b, sizeof b);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "kazakhstan"));
    EXPECT_KEY("Народная партия", "");
    EXPECT_KEY("Казахстан", "");
    EXPECT_KEY("Республика Казахстан", "");
}

/* What `fn` makes of the match form of `name`: `want`, or NULL. */
static void expect_person(char *(*fn)(const char *), const char *name, const char *want)
{
    char *form = gaz_match_form(name, strlen(name));
    assert_non_null(form);
    char *got = fn(form);
    if (want && (!got || strcmp(got, want)))
        fail_msg("%s\n  got:  %s\n  want: %s", name, got ? got : "(none)", want);
    if (!want && got)
        fail_msg("%s\n  got:  %s\n  want: (none)", name, got);
    free(got);
    free(form);
}

/* A person's patronymic left out, as documents key the name. */
static void test_person(void **state)
{
    (void)state;
    expect_person(restated_person, "Валентина Николаевна Шевчук", "valentin shevchuk");
    expect_person(restated_person, "Сергей Бадмаевич Манджиев", "serg mandzhiev");
    expect_person(restated_person, "Валентина Шевчук", NULL);
    expect_person(restated_person, "Иван Петров Сидоров", NULL);
    expect_person(restated_person, "Шевчук", NULL);
    expect_person(restated_person, "", NULL);
}

/* A person's name as written with initials: the given name's initial in
 * its transliteration, a second initial left out. */
static void test_initial(void **state)
{
    (void)state;
    expect_person(restated_initial, "Дмитрий Мамин-Сибиряк", "d mamin sibiryak");
    expect_person(restated_initial, "Д. Н. Мамин-Сибиряк", "d mamin sibiryak");
    expect_person(restated_initial, "Жанна Иванова", "zh ivanov");
    expect_person(restated_initial, "Юрий Щукин", "yu shchukin");
    expect_person(restated_initial, "Щорс Петров", "shch petrov");
    expect_person(restated_initial, "John Smith", "j smith");
    expect_person(restated_initial, "Д. Петров", NULL);
    expect_person(restated_initial, "Петров", NULL);
    expect_person(restated_initial, "", NULL);
}

/* The gazetteer's person named with initials: one given name of that
 * initial and the surname; none for a name without initials. */
static void test_person_by_initials(void **state)
{
    (void)state;
    static const char *const names[] = { "В. В. Путин", "В.В.Путин", "В. Путин", "Путин",
                                         "А. В. Путин", "В. В. Петров" };
    static const char *const want[] = { "Vladimir Putin", "Vladimir Putin", "Vladimir Putin",
                                        "", "", "" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char *form = gaz_match_form(names[i], strlen(names[i]));
        assert_non_null(form);
        const gaz_entity *p = restated_person_by_initials(gaz, form);
        if (strcmp(p ? p->name : "", want[i]))
            fail_msg("%s\n  got:  %s\n  want: %s", names[i], p ? p->name : "", want[i]);
        free(form);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_owner_written_otherwise),
        cmocka_unit_test(test_owner_added),
        cmocka_unit_test(test_legal_forms),
        cmocka_unit_test(test_eponym_added),
        cmocka_unit_test(test_not_restated),
        cmocka_unit_test(test_owned_key),
        cmocka_unit_test(test_person),
        cmocka_unit_test(test_initial),
        cmocka_unit_test(test_person_by_initials),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
