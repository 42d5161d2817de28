/* Unit tests for lib/entity/names.c: unlisted capitalized names in text cut
 * by the project's tokenizer, with titles, breaks, connectors, acronyms,
 * taken tokens and type guesses; random texts and token arrays for safety.
 * Does not test running out of memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "entity/names.h"
#include "text/token.h"
#include "entity_fixtures.h"

/* The names in s as "type:source text", joined by "|" ("" for none). */
static char *names_in(const char *s, const char *taken)
{
    tok_doc d;
    names_mention *m;
    char *out = calloc(1, strlen(s) * 3 + 1), *p = out;
    long n;

    assert_non_null(out);
    tok_doc_open(&d, s, NULL, taken);
    n = names_find(d.text, d.toks, d.n, d.taken, &m);
    assert_true(n >= 0);
    for (long k = 0; k < n; k++) {
        size_t a = d.toks[m[k].first].start, b = d.toks[m[k].first + m[k].n - 1].end;
        p += sprintf(p, "%s%c:%.*s", k ? "|" : "", (char)m[k].type, (int)(b - a), d.text + a);
    }
    free(m);
    tok_doc_close(&d);
    return out;
}

static void expect(const char *s, const char *taken, const char *want)
{
    char *got = names_in(s, taken);

    if (strcmp(got, want))
        print_error("in \"%s\"\n", s);
    assert_string_equal(got, want);
    free(got);
}

static void test_title_before_person(void **state)
{
    (void)state;
    expect("Talks with Minister Markus Mueller lasted two hours.", NULL, "p:Markus Mueller");
    expect("German Foreign Minister Markus Mueller arrived", NULL, "p:Markus Mueller");
    expect("the Minister of Foreign Affairs Markus Mueller", NULL, "p:Markus Mueller");
}

/* Office holders in the plural are no name, whatever title precedes them. */
static void test_plural_titles(void **state)
{
    (void)state;
    expect("the Secretary General of the Organization, Plenipotentiary Representatives of "
           "Member States and invited persons", NULL, "n:Member States");
    expect("President Putin met Deputy Prime Ministers at noon.", NULL, "");
    expect("Minister Markus Mueller met Regional Secretaries today.", NULL, "p:Markus Mueller");
    expect("Talks with Minister Markus Mueller lasted two hours.", NULL, "p:Markus Mueller");
}

static void test_title_inside_run(void **state)
{
    (void)state;
    expect("UN Assistant Secretary-General Miroslav Jenca said the mission would stay.", NULL,
           "p:Miroslav Jenca");
}

static void test_parenthesis_place_and_palace(void **state)
{
    (void)state;
    /* "Palace" is an org word: a palace in the news is the seat of a presidency. */
    expect("The summit was held at the Qasri Millat (Palace of the Nation) in Dushanbe.",
           "Dushanbe", "l:Qasri Millat|o:Palace of the Nation");
}

static void test_org_word(void **state)
{
    (void)state;
    expect("leaders of the Shanghai Cooperation Organization met", NULL,
           "o:Shanghai Cooperation Organization");
    expect("The Russian Defence Ministry said on Monday", NULL, "o:Russian Defence Ministry");
    expect("at the Ministry of Foreign Affairs today", NULL, "o:Ministry of Foreign Affairs");
    expect("the UN Security Council", NULL, "o:UN Security Council");
    expect("the Russian Federation", NULL, "l:Russian Federation");
}

static void test_sentence_start(void **state)
{
    (void)state;
    expect("The Council met on Monday.", NULL, "");
    expect("However Markus Mueller arrived.", NULL, "n:Markus Mueller");
    expect("According to Markus Mueller, the talks went well.", NULL, "n:Markus Mueller");
    expect("Markus Mueller On Monday", NULL, "n:Markus Mueller");
}

static void test_title_stripped(void **state)
{
    (void)state;
    expect("President Vladimir Putin arrived", NULL, "p:Vladimir Putin");
    expect("Prime Minister Narendra Modi", NULL, "p:Narendra Modi");
    expect("a letter to Mr. Markus Mueller", NULL, "p:Markus Mueller");
}

static void test_title_splits_run(void **state)
{
    (void)state;
    expect("Shanghai Cooperation Organization Secretary General Zhang Ming said", NULL,
           "o:Shanghai Cooperation Organization|p:Zhang Ming");
    expect("Swiss Foreign Minister Ignazio Cassis", NULL, "p:Ignazio Cassis");
    expect("Martin Luther King said", NULL, "p:Martin Luther King");
    expect("the Collective Security Council Emomali Rahmon approved", NULL,
           "o:Collective Security Council|n:Emomali Rahmon");
    expect("Federation Council Speaker Valentina Matviyenko", NULL,
           "o:Federation Council|p:Valentina Matviyenko");
    expect("Minister of Foreign Affairs of the Kyrgyz Republic Erlan Abdyldaev", NULL,
           "l:Kyrgyz Republic|p:Erlan Abdyldaev");
}

static void test_breaks(void **state)
{
    (void)state;
    expect("Markus, Mueller", NULL, "");
    expect("Markus. Mueller", NULL, "");
    expect("Markus\nMueller", NULL, "");
    expect("Markus\" Mueller", NULL, "");
    expect("Markus (Mueller)", NULL, "");
    expect("Markus - Mueller", NULL, "");
    expect("Markus \xE2\x80\x94 Mueller", NULL, "");
    expect("Markus  Mueller", NULL, "n:Markus  Mueller");
    expect("He met the Minister. Markus Mueller arrived.", NULL, "n:Markus Mueller");
}

static void test_taken(void **state)
{
    (void)state;
    expect("Markus Mueller Tajikistan Jenca", "Tajikistan", "n:Markus Mueller");
    expect("Tajikistan President Emomali Rahmon", "Tajikistan", "p:Emomali Rahmon");
    expect("President Emomali Rahmon", "Emomali", "");
}

static void test_cyrillic(void **state)
{
    (void)state;
    expect("Президент Эмомали Рахмон заявил", NULL, "p:Эмомали Рахмон");
    expect("встреча Эмомали Рахмон и", NULL, "n:Эмомали Рахмон");
    expect("эмомали рахмон", NULL, "");
    expect("Đorđe Petrović met Łukasz Żak", NULL, "n:Đorđe Petrović|n:Łukasz Żak");
}

/* Russian context words in any case: titles, speech verbs, places. */
static void test_russian_context(void **state)
{
    (void)state;
    expect("встреча с президентом Иваном Петровым прошла", NULL, "p:Иваном Петровым");
    expect("Слова министра иностранных дел России Сергея Лаврова", "России", "p:Сергея Лаврова");
    expect("по словам главы Нурлана Абдыкадырова,", NULL, "p:Нурлана Абдыкадырова");
    expect("Мария Иванова заявила журналистам", NULL, "p:Мария Иванова");
    /* "Судья" is a title, whose stem no court's ("суд"); "г-н" one too. */
    expect("Судья Айгуль Мамбетова назначила наказание", NULL, "p:Айгуль Мамбетова");
    expect("Г-н Винай Кумар отметил", NULL, "p:Винай Кумар");
    expect("посол г-жа Анна Смит отметила", NULL, "p:Анна Смит");
    /* Cyrillic initials go with the one word after them. */
    expect("врач А. Н. Бакулев Елена Голухова", NULL, "p:А. Н. Бакулев|n:Елена Голухова");
    expect("театр имени Д. Н. Мамина-Сибиряка Иван", NULL, "n:Д. Н. Мамина-Сибиряка");
    expect("учения прошли в городе Нижний Тагил", NULL, "l:Нижний Тагил");
    /* A settlement's kind opening the sentence is the context, as in
     * lower case; a one-word name after it is left to runames.h. */
    expect("Город Нижний Тагил принял гостей", NULL, "l:Нижний Тагил");
    expect("Поселок Новая Жизнь опустел", NULL, "l:Новая Жизнь");
    expect("Река Лена вскрылась", NULL, "");
    expect("делегация прибыла из Нижнего Новгорода", NULL, "l:Нижнего Новгорода");
    expect("Совет Безопасности собрался", NULL, "o:Совет Безопасности");
    expect("жители Республики Алтай", NULL, "l:Республики Алтай");
    /* Function words at a sentence start are not names. */
    expect("Однако Москва и Минск", "Москва Минск", "");
    expect("Ранее Иван Петров сообщал", NULL, "n:Иван Петров");
    expect("Позднее Иван Петров сообщал", NULL, "n:Иван Петров");
    expect("Напомним, Иван Петров сообщал", NULL, "n:Иван Петров");
    expect("Перед Иваном Петровым выступил", NULL, "n:Иваном Петровым");
    expect("Помимо Ивана Петрова пришли", NULL, "n:Ивана Петрова");
    /* A Turkic patronymic word ends the name; a known name between a title
     * and the name counts as no word. */
    expect("председатель Жогорку Кенеша Кыргызстана Нурланбек Тургунбек уулу открыл",
           "Жогорку Кенеша Кыргызстана", "p:Нурланбек Тургунбек уулу");
    expect("Ильхам Гейдар оглы", NULL, "n:Ильхам Гейдар оглы");
    expect("Эльвира Назарбаева улы", NULL, "n:Эльвира Назарбаева улы");
    expect("в городе Бишкек уулу", "Бишкек", "");
    /* Professions are titles too. */
    expect("Главный тренер команды Григорий Бабаян поблагодарил", NULL, "p:Григорий Бабаян");
    /* A run never joins a Cyrillic word to a Latin one: a Latin-written
     * company in Russian text is a name of its own. */
    expect("прогноз: Аналитики Halyk Bank ожидают", NULL, "o:Halyk Bank");
    expect("встреча Ивана Петрова Markus Mueller", NULL, "n:Ивана Петрова|n:Markus Mueller");
}

static void test_hyphen(void **state)
{
    (void)state;
    expect("in Nur-Sultan on Monday", NULL, "l:Nur-Sultan");
    expect("Kassym-Jomart Tokayev said", NULL, "p:Kassym-Jomart Tokayev");
    expect("Bashar al-Assad", NULL, "n:Bashar al-Assad");
    /* A lower-case syllable hyphened to a given name stays in the name. */
    expect("Tung Chee-hwa was sworn in", NULL, "n:Tung Chee-hwa");
    expect("leader Kim Jong-un said", NULL, "p:Kim Jong-un");
    /* A participle does not: "Russian-led" names nobody. */
    expect("the Russian-led alliance", NULL, "");
    expect("Markus Mueller-led talks", NULL, "n:Markus Mueller");
}

static void test_acronyms(void **state)
{
    (void)state;
    expect("the CSTO Secretariat", NULL, "o:CSTO Secretariat");
    expect("CSTO UN OSCE", NULL, "");
    expect("THE COUNCIL MET", NULL, "");
    expect("US Markus Mueller", NULL, "n:Markus Mueller");
    expect("Markus CSTO Mueller", NULL, "");
}

static void test_long_runs(void **state)
{
    (void)state;
    /* Seven plain capitalized words are a headline or a list: dropped. */
    expect("Alpha Bravo Charlie Delta Echo Foxtrot Golf", NULL, "");
    expect("Alpha Bravo Charlie Delta Echo Foxtrot", NULL, "n:Alpha Bravo Charlie Delta Echo Foxtrot");
    /* A long institution is cut before a connector. */
    expect("the Ministry of Foreign Affairs of the Republic of Tajikistan", "Tajikistan",
           "o:Ministry of Foreign Affairs");
}

/* English company, club and media words end an organization; "and" joins
 * the words of one; staff "at" a name work for it. */
static void test_company_words(void **state)
{
    (void)state;
    expect("The Food and Drug Administration approved it.", NULL, "o:Food and Drug Administration");
    expect("Fans of West Ham United and Thrive Capital cheered.", NULL,
           "o:West Ham United|o:Thrive Capital");
    expect("said analysts at Goldman Sachs in a note", NULL, "o:Goldman Sachs");
    expect("said residents at Camp David", NULL, "l:Camp David");
    /* A chief executive is a title. */
    expect("Chief Executive Darren Woods spoke.", NULL, "p:Darren Woods");
}

/* What follows a place's last word: an organization's words, a team's
 * plural, or neither. */
static int org_after(const char *s, size_t i)
{
    tok_doc d;
    int r;

    tok_doc_open(&d, s, NULL, NULL);
    r = names_org_after(d.text, d.toks, d.n, d.taken, i);
    tok_doc_close(&d);
    return r;
}

static void test_org_after(void **state)
{
    (void)state;
    assert_int_equal(org_after("an Alaska Airlines jet", 1), 1);
    assert_int_equal(org_after("the New York Police Department said", 2), 1);
    assert_int_equal(org_after("the Denver Nuggets won", 1), 2);
    assert_int_equal(org_after("Kosovo Albanians", 0), 2);   /* the caller tells a country */
    assert_int_equal(org_after("the Denver Nuggets Arena", 1), 0);
    assert_int_equal(org_after("in Denver on Monday", 1), 0);
    assert_int_equal(org_after("Denver Mayor Mike Johnston", 0), 0);
    assert_int_equal(org_after("Denver", 0), 0);
}

static void test_connectors(void **state)
{
    (void)state;
    expect("Markus Mueller and Miroslav Jenca met", NULL, "n:Markus Mueller|n:Miroslav Jenca");
    expect("Markus Mueller of the Security Council", NULL, "n:Markus Mueller|o:Security Council");
    expect("the Council of Europe and the Islamic Development Bank", NULL,
           "o:Council of Europe|o:Islamic Development Bank");
}

static void test_possessive(void **state)
{
    (void)state;
    expect("Vladimir Putin's Security Council", NULL, "n:Vladimir Putin's|o:Security Council");
    /* A name may hold a possessive of people. */
    expect("elected by the National People's Congress on Tuesday", NULL,
           "o:National People's Congress");
}

static void test_role_words(void **state)
{
    (void)state;
    /* Occupations, party labels and abbreviated titles before a name are
     * context, not name. */
    expect("Publisher William Lewis told staff", NULL, "p:William Lewis");
    expect("Businessman Yorgen Fenech has been charged", NULL, "p:Yorgen Fenech");
    expect("Georgia Gov. Brian Kemp signed", "Georgia", "p:Brian Kemp");
    expect("defeating Socialist Segolene Royal with 53 percent", NULL, "n:Segolene Royal");
}

static void test_place_context(void **state)
{
    (void)state;
    expect("in the capital Qasri Millat", NULL, "l:Qasri Millat");
    expect("the city of Bokhtar Rayon", NULL, "l:Bokhtar Rayon");
    expect("flew to Kulob Airport", NULL, "l:Kulob Airport");
}

static void test_person_verb(void **state)
{
    (void)state;
    expect("Miroslav Jenca told reporters", NULL, "p:Miroslav Jenca");
    expect("Qasri Millat hosted the talks", NULL, "n:Qasri Millat");
}

static void test_empty(void **state)
{
    names_mention *m = (names_mention *)1;

    (void)state;
    assert_int_equal(names_find("", NULL, 0, NULL, &m), 0);
    assert_null(m);
    expect("", NULL, "");
    expect("only lower case words here", NULL, "");
    expect("Single", NULL, "");
}

static uint64_t rng = 0x9E3779B97F4A7C15u;

/* xorshift64: the same sequence on every run. */
static unsigned next_rand(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* Checks what every result must satisfy. */
static void check(long r, const names_mention *m, size_t n, const unsigned char *taken)
{
    assert_true(r >= 0);
    assert_true((r == 0) == (m == NULL));
    for (long k = 0; k < r; k++) {
        assert_true(m[k].n >= 2 && m[k].n <= 6);
        assert_true(m[k].first + m[k].n <= n);
        assert_true(!k || m[k - 1].first + m[k - 1].n <= m[k].first);
        assert_true(m[k].type == NAMES_PERSON || m[k].type == NAMES_ORG
                    || m[k].type == NAMES_PLACE || m[k].type == NAMES_OTHER);
        for (size_t i = m[k].first; i < m[k].first + m[k].n; i++)
            assert_false(taken[i]);
    }
}

static const char *const pieces[] = {
    "Markus", "Mueller", "of", "the", "and", "al", "President", "Minister", "Foreign",
    "CSTO", "UN", "Nur", "Ministry", "Council", "Republic", "Mr", "W", "said", "in",
    "Putin's", "Эмомали", "Рахмон", "Ёж", "É", "\xC3", "\xFF", "\xE2\x80\x90",
    " ", " ", " ", "-", ". ", ",", "\n", "(", ")", "\"", "\xC2\xA0", "7", "x",
};

static void test_random_text(void **state)
{
    (void)state;
    for (int round = 0; round < 3000; round++) {
        char s[512] = "";
        size_t len = 0;
        tok_doc d;
        names_mention *m;
        long r;

        for (unsigned k = next_rand(60); k > 0; k--) {
            const char *p = pieces[next_rand(sizeof pieces / sizeof *pieces)];
            if (len + strlen(p) < sizeof s - 1)
                len += (size_t)sprintf(s + len, "%s", p);
        }
        tok_doc_open(&d, s, NULL, NULL);
        for (size_t i = 0; i < d.n; i++)
            d.taken[i] = next_rand(8) == 0;
        r = names_find(d.text, d.toks, d.n, d.taken, &m);
        check(r, m, d.n, d.taken);
        free(m);
        tok_doc_close(&d);
    }
}

/* Token arrays that no tokenizer would make: spans in any order, empty,
 * reversed or overlapping, over arbitrary bytes, with arbitrary norms. */
static void test_random_tokens(void **state)
{
    static const char *const norms[] = {
        "", "the", "of", "president", "mr", "council", "said", "in", "city", "'s", "putin's",
        "and", "abcdefghijklmnopqrstuvwxyz0123456789", "президент", "x",
    };
    (void)state;
    for (int round = 0; round < 3000; round++) {
        size_t len = 1 + next_rand(64), n = next_rand(24);
        char *text = malloc(len);
        names_tok *toks = malloc((n ? n : 1) * sizeof *toks);
        unsigned char *taken = malloc(n ? n : 1);
        names_mention *m;
        long r;

        assert_true(text && toks && taken);
        for (size_t i = 0; i < len; i++)
            text[i] = next_rand(3) ? "Aa- .\n\xC3\x89\xD0\x94"[next_rand(10)] : (char)next_rand(256);
        for (size_t i = 0; i < n; i++) {
            toks[i] = (names_tok){ norms[next_rand(sizeof norms / sizeof *norms)],
                                   next_rand((unsigned)len + 1), next_rand((unsigned)len + 1) };
            taken[i] = next_rand(6) == 0;
        }
        /* Without a taken array nothing is taken: check against zeros. */
        if (next_rand(2)) {
            r = names_find(text, toks, n, taken, &m);
            check(r, m, n, taken);
        } else {
            memset(taken, 0, n ? n : 1);
            r = names_find(text, toks, n, NULL, &m);
            check(r, m, n, taken);
        }
        free(m);
        free(taken);
        free(toks);
        free(text);
    }
}

/* Initials written together and names joined by an ampersand are one name;
 * an ampersand makes an organization. */
static void test_initials_and_ampersands(void **state)
{
    (void)state;
    expect("TSMC Chairman C.C. Wei said demand rose.", NULL, "p:C.C. Wei");
    expect("(Reuters) - A.P. Moller-Maersk raised its outlook.", NULL, "n:A.P. Moller-Maersk");
    expect("shortages at Pratt & Whitney held back output", NULL, "o:Pratt & Whitney");
    expect("Johnson & Johnson said sales rose.", NULL, "o:Johnson & Johnson");
    expect("shares of AT&T fell", NULL, "o:AT&T");
    /* A sentence's "A" with one initial's period is still the article; no
     * ampersand without its two spaces or none. */
    expect("A. Smith and B. Jones", NULL, "n:B. Jones");
    /* Russian initials, whose letters "А", "В", "С" are also a conjunction
     * and prepositions. */
    expect("Об этом сообщил А. В. Ляпунов вчера.", NULL, "n:А. В. Ляпунов");
    expect("Доклад сделала С. Иванова.", NULL, "n:С. Иванова");
    /* An acronym with a lower-case letter or two is one still. */
    expect("Ректор УУНиТ Вадим Захаров поблагодарил", NULL, "p:Вадим Захаров");
    expect("Smith &Jones met Brown & Co in town", NULL, "o:Brown & Co");
}

/* Companies' legal forms end an organization's name; a cape heads a place's. */
static void test_legal_forms_and_capes(void **state)
{
    (void)state;
    expect("Siemens AG said it would cut jobs.", NULL, "o:Siemens AG");
    expect("shares of Nestle SA and Volvo AB rose", NULL, "o:Nestle SA|o:Volvo AB");
    expect("ships sailed around the Cape of Good Hope.", NULL, "l:Cape of Good Hope");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_title_before_person),
        cmocka_unit_test(test_title_inside_run),
        cmocka_unit_test(test_plural_titles),
        cmocka_unit_test(test_parenthesis_place_and_palace),
        cmocka_unit_test(test_org_word),
        cmocka_unit_test(test_sentence_start),
        cmocka_unit_test(test_title_stripped),
        cmocka_unit_test(test_title_splits_run),
        cmocka_unit_test(test_breaks),
        cmocka_unit_test(test_taken),
        cmocka_unit_test(test_cyrillic),
        cmocka_unit_test(test_russian_context),
        cmocka_unit_test(test_hyphen),
        cmocka_unit_test(test_acronyms),
        cmocka_unit_test(test_long_runs),
        cmocka_unit_test(test_connectors),
        cmocka_unit_test(test_company_words),
        cmocka_unit_test(test_org_after),
        cmocka_unit_test(test_possessive),
        cmocka_unit_test(test_role_words),
        cmocka_unit_test(test_place_context),
        cmocka_unit_test(test_person_verb),
        cmocka_unit_test(test_initials_and_ampersands),
        cmocka_unit_test(test_legal_forms_and_capes),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_random_text),
        cmocka_unit_test(test_random_tokens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
