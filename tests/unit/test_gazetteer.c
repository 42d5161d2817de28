/* Unit tests for the gazetteer: loading (and its errors with line numbers),
 * match forms, lookups, longest-first matching across scripts, and the real
 * data/gazetteer.tsv resolving the spellings analysts use. */
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
#include "entity/translit.h"

static gazetteer *load_text(const char *text, seek_status want, const char *err_words)
{
    char path[] = "/tmp/seekd-gaz-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    gazetteer *g = NULL;
    char err[256] = "";
    seek_status st = gaz_load(path, &g, err, sizeof err);
    unlink(path);
    assert_int_equal(st, want);
    if (err_words && !strstr(err, err_words))
        fail_msg("error '%s' lacks '%s'", err, err_words);
    return g;
}

static const char small[] =
    "# comment\n"
    "\n"
    "person\tEmomali Rahmon\tRahmon|Rakhmon|Эмомали Рахмон|Рахмонов\n"
    "place\tDushanbe\tDoshanbe|Душанбе\n"
    "org\tCollective Security Treaty Organization\tCSTO|ОДКБ|Collective Security Treaty Organisation\n"
    "org\tCollective Security Council\t\n"
    "org\tCollective Security Treaty\tCST\n";

/* The match form of `text` is `want`. */
static void expect_form(const char *text, const char *want)
{
    char *f = gaz_match_form(text, strlen(text));
    assert_non_null(f);
    if (strcmp(f, want) != 0)
        fail_msg("%s -> %s, want %s", text, f, want);
    free(f);
}

static void test_match_form(void **state)
{
    (void)state;
    /* Cyrillic tokens lose their Russian case ending before they are
     * transliterated, so every case of a name has one match form. */
    expect_form("Эмомали  РАХМОН!", "emomal rakhmon");
    expect_form("Dušanbe-City", "dusanbe city");
    /* Tokens that transliterate to nothing leave no empty words behind. */
    expect_form("Ь Ъ", "");
    expect_form("Душанбе ь город", "dushanb gorod");
    /* However a number is marked, it is the same name's. */
    expect_form("больница № 1", "bolnits 1");
    expect_form("больница №1", "bolnits 1");
    expect_form("Hospital No. 5", "hospital 5");
    /* An ordinal's ending is the number's, in any case. */
    expect_form("98-я дивизия", "98 diviz");
    expect_form("5-го полка", "5 polk");
    /* A mark with no number after it stays a word. */
    expect_form("Plan N", "plan n");
}

static void assert_same_form(const char *a, const char *b)
{
    char *fa = gaz_match_form(a, strlen(a)), *fb = gaz_match_form(b, strlen(b));
    if (strcmp(fa, fb) != 0)
        fail_msg("%s -> %s but %s -> %s", a, fa, b, fb);
    free(fa);
    free(fb);
}

static void assert_other_form(const char *a, const char *b)
{
    char *fa = gaz_match_form(a, strlen(a)), *fb = gaz_match_form(b, strlen(b));
    if (strcmp(fa, fb) == 0)
        fail_msg("%s and %s share the form %s", a, b, fa);
    free(fa);
    free(fb);
}

static void test_russian_cases_share_a_form(void **state)
{
    (void)state;
    static const char *const sets[][6] = {
        { "Путин", "Путина", "Путину", "Путиным", "Путине", NULL },
        { "Москва", "Москвы", "Москве", "Москву", "Москвой", NULL },
        { "Россия", "России", "Россию", "Россией", NULL },
        { "Казахстан", "Казахстана", "Казахстану", "Казахстаном", "Казахстане", NULL },
        { "Евросоюз", "Евросоюза", "Евросоюзу", "Евросоюзом", "Евросоюзе", NULL },
        { "Сергей Лавров", "Сергея Лаврова", "Сергею Лаврову", "Сергеем Лавровым", NULL },
        { "Корея", "Кореи", "Корее", "Корею", "Кореей", NULL },
        { "Китай", "Китая", "Китаю", "Китаем", "Китае", NULL },
        { "Российская Федерация", "Российской Федерации", "Российскую Федерацию", NULL },
        { "Кремль", "Кремля", "Кремлю", "Кремлем", NULL },
        { "Иванова", "Ивановой", "Ивановым", "Иванову", NULL },
        /* Neuter names in -о. */
        { "Россотрудничество", "Россотрудничества", "Россотрудничеством", NULL },
        { "Союзное государство", "Союзного государства", "Союзному государству", NULL },
        /* Given names whose cases drop a vowel. */
        { "Лев Гумилев", "Льва Гумилева", "Льву Гумилеву", "Львом Гумилевым", NULL },
        { "Павел", "Павла", "Павлу", "Павлом", NULL },
    };
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
        for (size_t j = 1; sets[i][j]; j++)
            assert_same_form(sets[i][0], sets[i][j]);
    /* Surnames keep -ов; other alphabets and Latin keep their endings. */
    assert_other_form("Петров", "Петр");
    assert_other_form("Павлов", "Павел");
    assert_other_form("Putina", "Putin");
    assert_other_form("Қазақстана", "Қазақстан");
    /* Russian writes the Turkic "j" as "дж" or "ж" at a word's start. */
    assert_same_form("Садыр Джапаров", "Садыр Жапаров");
    assert_same_form("Джалал-Абадская область", "Жалал-Абадская область");
    assert_other_form("Аджария", "Ажария");
}

/* A short word in capitals is an acronym whose last vowel is its own: "СКА"
 * (a club) is not "СК" (a committee) inflected, while "Уфа" still meets
 * "Уфе". Typed alone in a filter, a short word is read so in any case. */
static void test_short_acronyms_keep_their_vowel(void **state)
{
    (void)state;
    assert_other_form("СКА", "СК");
    assert_other_form("РИА", "РИ");
    assert_same_form("Уфа", "Уфе");
    assert_same_form("ЦСКА", "ЦСК");   /* four letters: a word's stem */
    char *a = gaz_short_name_form("ска", strlen("ска"));
    char *b = gaz_match_form("СКА", strlen("СКА"));
    char *c = gaz_short_name_form("Сергея Лаврова", strlen("Сергея Лаврова"));
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_string_equal(a, "ska");
    assert_string_equal(b, "ska");
    assert_string_equal(c, "serg lavrov");
    free(a);
    free(b);
    free(c);
}

static void test_person_by_initial(void **state)
{
    (void)state;
    gazetteer *g = load_text("person\tAdylbek Kasymaliev\tАдылбек Касымалиев\n"
                             "person\tAkylbek Japarov\tАкылбек Жапаров\n"
                             "person\tSadyr Japarov\tСадыр Жапаров\n"
                             "person\tAlexei Japarov\t\n"
                             "person\tSergei Shoigu\tШойгу\n", SEEK_OK, NULL);
    char *a = gaz_match_form("А", strlen("А")), *k = gaz_match_form("Касымалиеву", strlen("Касымалиеву"));
    const gaz_entity *e = gaz_person_by_initial(g, a, k);
    assert_non_null(e);
    assert_string_equal(e->name, "Adylbek Kasymaliev");
    assert_non_null(e = gaz_person_by_initial(g, "s", "zhaparov"));
    assert_string_equal(e->name, "Sadyr Japarov");
    /* No such initial, two people, a one-word name. */
    assert_null(gaz_person_by_initial(g, "b", "kasymaliev"));
    assert_null(gaz_person_by_initial(g, "a", "japarov"));
    /* No initial: the one person of that surname, whatever the given name. */
    assert_non_null(e = gaz_person_by_initial(g, "", "kasymaliev"));
    assert_string_equal(e->name, "Adylbek Kasymaliev");
    assert_null(gaz_person_by_initial(g, "", "zhaparov"));
    assert_null(gaz_person_by_initial(g, "s", "shoig"));   /* Шойгу alone */
    free(a);
    free(k);
    gaz_free(g);
}

static void test_lookup_by_any_name(void **state)
{
    (void)state;
    gazetteer *g = load_text(small, SEEK_OK, NULL);
    assert_int_equal(gaz_count(g), 5);
    const gaz_entity *e[4];
    assert_int_equal(gaz_lookup(g, "rakhmon", ENT_NTYPES, e, 4), 1);
    assert_string_equal(e[0]->name, "Emomali Rahmon");
    assert_string_equal(e[0]->key, "emomali rahmon");
    assert_int_equal(gaz_lookup(g, "rakhmonov", ENT_PERSON, e, 4), 1);  /* Рахмонов */
    assert_int_equal(gaz_lookup(g, "odkb", ENT_ORG, e, 4), 1);
    assert_string_equal(e[0]->name, "Collective Security Treaty Organization");
    assert_int_equal(gaz_lookup(g, "rakhmon", ENT_PLACE, e, 4), 0);
    assert_int_equal(gaz_lookup(g, "nobody", ENT_NTYPES, e, 4), 0);
    assert_non_null(gaz_find(g, ENT_PLACE, "dushanbe"));
    assert_null(gaz_find(g, ENT_ORG, "dushanbe"));
    gaz_free(g);
}

static long match(gazetteer *g, const char *text, char *out, size_t cap)
{
    char *form = gaz_match_form(text, strlen(text));
    const char *toks[64];
    size_t n = 0;
    for (char *p = strtok(form, " "); p && n < 64; p = strtok(NULL, " "))
        toks[n++] = p;
    gaz_match *m;
    long k = gaz_match_tokens(g, toks, n, &m), shown = 0;
    out[0] = '\0';
    for (long i = 0; i < k; i++) {
        /* A Cyrillic name's stem is no match for Latin text (extract.c). */
        if (m[i].cut && !translit_has_cyr(text, strlen(text)))
            continue;
        shown++;
        char one[128];
        snprintf(one, sizeof one, "%s%zu+%zu:%s", shown > 1 ? "," : "", m[i].first, m[i].n,
                 m[i].ent->name);
        strncat(out, one, cap - strlen(out) - 1);
    }
    free(m);
    free(form);
    return shown;
}

static void test_longest_match_first(void **state)
{
    (void)state;
    gazetteer *g = load_text(small, SEEK_OK, NULL);
    char out[512];
    match(g, "the Collective Security Treaty Organization and the Collective Security Treaty", out, sizeof out);
    assert_string_equal(out, "1+4:Collective Security Treaty Organization,7+3:Collective Security Treaty");
    match(g, "CSTO Collective Security Council", out, sizeof out);
    assert_string_equal(out, "0+1:Collective Security Treaty Organization,1+3:Collective Security Council");
    gaz_free(g);
}

static void test_scripts_meet(void **state)
{
    (void)state;
    gazetteer *g = load_text(small, SEEK_OK, NULL);
    char out[512];
    /* A Cyrillic mention finds a Latin alias and back. */
    match(g, "Президент Рахмон прибыл в Душанбе", out, sizeof out);
    assert_string_equal(out, "1+1:Emomali Rahmon,4+1:Dushanbe");
    match(g, "Emomali RAKHMON in DOSHANBE", out, sizeof out);
    assert_string_equal(out, "0+2:Emomali Rahmon,3+1:Dushanbe");
    match(g, "Rahmonovich", out, sizeof out);
    assert_string_equal(out, "");
    gaz_free(g);
}

/* Two names whose Russian stems meet are one name of the text, not both. */
static void test_stems_that_meet(void **state)
{
    (void)state;
    gazetteer *g = load_text("place\tChina\tКитай\n"
                             "place\tJerusalem\tИерусалим\n"
                             "place\tKitami\tКиты\n"
                             "place\tKitezh\tКитами\n"
                             "person\tIvan Kit\tКит\n", SEEK_OK, NULL);
    char out[512];
    /* The entity listed first keeps the stem; another type keeps its own. */
    match(g, "Из Китая и в Китае", out, sizeof out);
    assert_string_equal(out, "1+1:China,1+1:Ivan Kit,4+1:China,4+1:Ivan Kit");
    /* The text's word is read as a stem too, so even the nominative Киты is
     * China's: the price of knowing no word's declension. */
    match(g, "Киты", out, sizeof out);
    assert_string_equal(out, "0+1:China,0+1:Ivan Kit");
    /* A nominative's ending that other cases have ("-им") stays in its
     * stem, and every case meets it. */
    match(g, "Иерусалим, Иерусалима, Иерусалиме, Иерусалимом", out, sizeof out);
    assert_string_equal(out, "0+1:Jerusalem,1+1:Jerusalem,2+1:Jerusalem,3+1:Jerusalem");
    gaz_free(g);
}

/* A name's last vowel that its other cases drop ("Египет", "Египта"); not
 * "-ов" ("Львов", "Львова"), not two consonants after it ("Брест"). */
static void test_fleeting_vowel(void **state)
{
    (void)state;
    gazetteer *g = load_text("place\tEgypt\tЕгипет\n"
                             "place\tOryol\tОрёл\n"
                             "place\tLviv\tЛьвов\n"
                             "place\tBrest\tБрест\n", SEEK_OK, NULL);
    char out[512];
    match(g, "из Египта в Египет и Египте", out, sizeof out);
    assert_string_equal(out, "1+1:Egypt,3+1:Egypt,5+1:Egypt");
    match(g, "из Орла", out, sizeof out);
    assert_string_equal(out, "1+1:Oryol");
    match(g, "из Львова и Львв, Бреста и Брста", out, sizeof out);
    assert_string_equal(out, "1+1:Lviv,4+1:Brest");
    gaz_free(g);
}

/* A plural noun's genitive in "-ов" ("Соединенных Штатов Америки",
 * "Нидерландов"); never a short name's alone, which a surname may spell
 * ("Алматы" is no "Алматов"); "-овь" without its vowel ("церкви"). */
static void test_plural_genitive(void **state)
{
    (void)state;
    gazetteer *g = load_text("place\tUnited States\tСоединённые Штаты Америки\n"
                             "place\tNetherlands\tНидерланды\n"
                             "place\tAlmaty\tАлматы\n", SEEK_OK, NULL);
    char out[512];
    match(g, "посол Соединенных Штатов Америки и посол Нидерландов", out, sizeof out);
    assert_string_equal(out, "1+3:United States,6+1:Netherlands");
    match(g, "в Соединенные Штаты, Нидерланды и Алматы", out, sizeof out);
    assert_string_equal(out, "3+1:Netherlands,5+1:Almaty");
    match(g, "сказал Алматов", out, sizeof out);
    assert_string_equal(out, "");
    gaz_free(g);
    /* "-овь" drops its vowel in the other cases. */
    g = load_text("org\tRussian Orthodox Church\tРусская православная церковь\n", SEEK_OK, NULL);
    match(g, "глава Русской православной церкви", out, sizeof out);
    assert_string_equal(out, "1+3:Russian Orthodox Church");
    gaz_free(g);
}

static void test_load_errors_name_the_line(void **state)
{
    (void)state;
    assert_null(load_text("person\tA\t\nalien\tB\t\n", SEEK_INVALID, ":2: unknown type 'alien'"));
    assert_null(load_text("place Dushanbe\n", SEEK_INVALID, ":1: expected TYPE<TAB>NAME"));
    assert_null(load_text("\n\nplace\t!!!\t\n", SEEK_INVALID, ":3: the name '!!!' has no letters"));
    assert_null(load_text("place\tA\tB\tC\tD\n", SEEK_INVALID, ":1: more than four"));
    gazetteer *g = NULL;
    char err[256];
    assert_int_equal(gaz_load("/nonexistent/gazetteer.tsv", &g, err, sizeof err), SEEK_NOT_FOUND);
    assert_non_null(strstr(err, "/nonexistent/gazetteer.tsv"));
}

/* A name several entities have: each gets a match at the same words, in
 * the file's order, flagged when the file writes it in capitals; a lookup
 * by it gives the entity whose canonical name it is when there is one. The
 * fourth field, the context, is read as match forms. */
static void test_shared_names(void **state)
{
    (void)state;
    gazetteer *g = load_text("org\tGUAM\tГУАМ\n"
                             "place\tGuam\tГуам\n"
                             "place\tGeorgia\tГрузия\tTbilisi|Грузинский\n"
                             "place\tGeorgia, United States\tGeorgia|Джорджия\tAtlanta|governor\n",
                             SEEK_OK, NULL);
    const gaz_entity *e[4];
    assert_int_equal(gaz_lookup(g, "guam", ENT_NTYPES, e, 4), 2);
    assert_int_equal(gaz_lookup(g, "guam", ENT_PLACE, e, 4), 1);
    assert_string_equal(e[0]->name, "Guam");
    assert_int_equal(gaz_lookup(g, "guam", ENT_ORG, e, 4), 1);
    assert_string_equal(e[0]->name, "GUAM");
    /* One key, two entities: each its own pointer, which callers compare. */
    assert_int_equal(gaz_lookup(g, "guam", ENT_NTYPES, e, 4), 2);
    assert_string_equal(e[0]->key, e[1]->key);
    assert_ptr_not_equal(e[0]->key, e[1]->key);
    /* "Georgia" is the country's canonical name, the state's alias. */
    assert_int_equal(gaz_lookup(g, "georgia", ENT_PLACE, e, 4), 1);
    assert_string_equal(e[0]->name, "Georgia");
    assert_int_equal(gaz_lookup(g, "georgia united states", ENT_PLACE, e, 4), 1);
    assert_string_equal(e[0]->name, "Georgia, United States");
    assert_int_equal(e[0]->ncontext, 2);
    assert_string_equal(e[0]->context[0], "atlanta");
    assert_string_equal(e[0]->context[1], "governor");
    assert_int_equal(gaz_lookup(g, "georgia", ENT_PLACE, e, 4), 1);
    assert_int_equal(e[0]->ncontext, 2);
    assert_string_equal(e[0]->context[0], "tbilisi");
    const char *toks[] = { "the", "guam", "group" };
    gaz_match *m;
    assert_int_equal(gaz_match_tokens(g, toks, 3, &m), 2);
    assert_int_equal(m[0].first, 1);
    assert_int_equal(m[1].first, 1);
    assert_string_equal(m[0].ent->name, "GUAM");
    assert_true(m[0].caps);
    assert_string_equal(m[1].ent->name, "Guam");
    assert_false(m[1].caps);
    free(m);
    gaz_free(g);
}

/* A name of several words meets whole tokens only: a word of the text that
 * starts with a name's word ("Yorker") is another word, and a longer name
 * cut short meets its shorter one. */
static void test_whole_tokens(void **state)
{
    (void)state;
    gazetteer *g = load_text("place\tNew York City\tNYC|New York\n"
                             "org\tNew Yorker Magazine\t\n"
                             "person\tAdylbek Kasymaliev\t\n",
                             SEEK_OK, NULL);
    char out[256];
    assert_int_equal(match(g, "the New Yorker said", out, sizeof out), 0);
    assert_int_equal(match(g, "New York Cityscape", out, sizeof out), 1);
    assert_string_equal(out, "0+2:New York City");
    assert_int_equal(match(g, "in New York City and the New Yorker Magazine", out, sizeof out), 2);
    assert_string_equal(out, "1+3:New York City,6+3:New Yorker Magazine");
    assert_int_equal(match(g, "New York", out, sizeof out), 1);
    assert_int_equal(match(g, "New", out, sizeof out), 0);
    /* Tokens are compared whole, not as the bytes of the name. */
    const char *toks[] = { "new", "york city" };
    gaz_match *m;
    assert_int_equal(gaz_match_tokens(g, toks, 2, &m), 0);
    free(m);
    /* An initial is a prefix of the first name, never longer than it. */
    assert_non_null(gaz_person_by_initial(g, "adyl", "kasymaliev"));
    assert_non_null(gaz_person_by_initial(g, "adylbek", "kasymaliev"));
    assert_null(gaz_person_by_initial(g, "adylbekk", "kasymaliev"));
    assert_null(gaz_person_by_initial(g, "adylbek k", "kasymaliev"));
    gaz_free(g);
}

/* Each entity keeps its own aliases and context, in the file's order,
 * whatever the entities around it have. */
static void test_each_entity_its_names(void **state)
{
    (void)state;
    gazetteer *g = load_text("place\tAlpha\tA1|A2|A3\tcontext one|context two\n"
                             "place\tBeta\t\n"
                             "place\tGamma\tG1\tgamma context\n"
                             "place\tDelta\tD1|D2\n",
                             SEEK_OK, NULL);
    static const struct { const char *name; const char *aliases[3]; size_t na;
                          const char *context[2]; size_t nc; } want[] = {
        { "Alpha", { "A1", "A2", "A3" }, 3, { "context one", "context two" }, 2 },
        { "Beta", { NULL }, 0, { NULL }, 0 },
        { "Gamma", { "G1" }, 1, { "gamma context" }, 1 },
        { "Delta", { "D1", "D2" }, 2, { NULL }, 0 },
    };
    assert_int_equal(gaz_count(g), 4);
    for (size_t i = 0; i < 4; i++) {
        const gaz_entity *e = gaz_at(g, i);
        assert_string_equal(e->name, want[i].name);
        assert_int_equal(e->naliases, want[i].na);
        for (size_t k = 0; k < want[i].na; k++)
            assert_string_equal(e->aliases[k], want[i].aliases[k]);
        assert_int_equal(e->ncontext, want[i].nc);
        for (size_t k = 0; k < want[i].nc; k++)
            assert_string_equal(e->context[k], want[i].context[k]);
    }
    gaz_free(g);
    /* An empty file is a gazetteer of nothing. */
    g = load_text("# nothing\n", SEEK_OK, NULL);
    assert_int_equal(gaz_count(g), 0);
    const gaz_entity *e[1];
    assert_int_equal(gaz_lookup(g, "alpha", ENT_NTYPES, e, 1), 0);
    gaz_free(g);
}

/* An acronym of two or three capitals in a name is also met written with
 * periods; a possessive inside a name is set aside, as in documents. */
static void test_dotted_and_possessive_forms(void **state)
{
    (void)state;
    gazetteer *g = load_text("org\tUnited Nations Security Council\tUN Security Council\n"
                             "org\tNational People's Congress\tNPC\n",
                             SEEK_OK, NULL);
    char out[256];
    assert_int_equal(match(g, "the U.N. Security Council met", out, sizeof out), 1);
    assert_string_equal(out, "1+4:United Nations Security Council");
    assert_int_equal(match(g, "the N.P.C. and the National People's Congress", out, sizeof out), 2);
    assert_string_equal(out, "1+3:National People's Congress,6+3:National People's Congress");
    char *f = gaz_match_form("National People’s Congress", strlen("National People’s Congress"));
    assert_string_equal(f, "national people congress");
    free(f);
    gaz_free(g);
}

/* The shipped gazetteer: loads, is large, resolves the spellings in the news. */
static void test_shipped_gazetteer(void **state)
{
    (void)state;
    gazetteer *g = NULL;
    char err[256];
    assert_int_equal(gaz_load("data/gazetteer.tsv", &g, err, sizeof err), SEEK_OK);
    assert_true(gaz_count(g) >= 400);
    static const struct { const char *spelling; ent_type type; const char *canonical; } cases[] = {
        { "Rakhmon", ENT_PERSON, "Emomali Rahmon" },
        { "Рахмон", ENT_PERSON, "Emomali Rahmon" },
        { "Emomali Rahmon", ENT_PERSON, "Emomali Rahmon" },
        { "Doshanbe", ENT_PLACE, "Dushanbe" },
        { "Belorussia", ENT_PLACE, "Belarus" },
        { "Kyrgyz Republic", ENT_PLACE, "Kyrgyzstan" },
        { "ОДКБ", ENT_ORG, NULL },
        { "CSTO", ENT_ORG, NULL },
        { "Shanghai Cooperation Organisation", ENT_ORG, NULL },
        { "SCO", ENT_ORG, NULL },
        { "Council of Defense Ministers", ENT_ORG, NULL },
        { "Lukashenka", ENT_PERSON, "Alexander Lukashenko" },
        /* Continents, press spellings, "St." for "Saint", capitals. */
        { "Europe", ENT_PLACE, "Europe" },
        { "Латинская Америка", ENT_PLACE, "Latin America" },
        { "Nineveh", ENT_PLACE, "Nineveh" },
        { "Jammu and Kashmir", ENT_PLACE, "Jammu and Kashmir" },
        { "St. Lucia", ENT_PLACE, "Saint Lucia" },
        { "St Kitts and Nevis", ENT_PLACE, "Saint Kitts and Nevis" },
        { "Sana'a", ENT_PLACE, "Sanaa" },
        { "Panama City", ENT_PLACE, "Panama City" },
        { "KGB", ENT_ORG, "KGB" },
        { "TEPCO", ENT_ORG, "Tokyo Electric Power" },
        { "ZANU-PF", ENT_ORG, "ZANU-PF" },
        /* A name of two types; the country, not the U.S. state; the
         * capitals the data names with their countries' names. */
        { "Guam", ENT_PLACE, "Guam" },
        { "GUAM", ENT_ORG, "GUAM" },
        { "Georgia", ENT_PLACE, "Georgia" },
        { "State of Georgia", ENT_PLACE, "Georgia, United States" },
        { "Джорджия", ENT_PLACE, "Georgia, United States" },
        { "Lobamba", ENT_PLACE, "Lobamba" },
        { "Кинг-Эдуард-Пойнт", ENT_PLACE, "King Edward Point" },
        /* Russia's oblasts and krais, inflected; towns of the region. */
        { "Свердловской области", ENT_PLACE, "Sverdlovsk Oblast" },
        { "Приморском крае", ENT_PLACE, "Primorsky Krai" },
        { "Krasnodar Territory", ENT_PLACE, "Krasnodar Krai" },
        { "Ирбите", ENT_PLACE, "Irbit" },
        { "Щучинск", ENT_PLACE, "Shchuchinsk" },
        /* People institutions are named after. */
        { "Ломоносова", ENT_PERSON, "Mikhail Lomonosov" },
        { "Rimsky-Korsakov", ENT_PERSON, "Nikolai Rimsky-Korsakov" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *form = gaz_match_form(cases[i].spelling, strlen(cases[i].spelling));
        const gaz_entity *e[4];
        size_t n = gaz_lookup(g, form, cases[i].type, e, 4);
        if (n != 1)
            fail_msg("%s resolves to %zu entities", cases[i].spelling, n);
        if (cases[i].canonical)
            assert_string_equal(e[0]->name, cases[i].canonical);
        free(form);
    }
    /* A capital named like its country in Russian: both, for context to tell. */
    char *form = gaz_match_form("Гватемала", strlen("Гватемала"));
    const gaz_entity *two[4];
    assert_int_equal(gaz_lookup(g, form, ENT_PLACE, two, 4), 2);
    free(form);
    /* Spellings of one entity resolve to the same one. */
    const gaz_entity *a[1], *b[1];
    assert_int_equal(gaz_lookup(g, "odkb", ENT_ORG, a, 1), 1);
    assert_int_equal(gaz_lookup(g, "csto", ENT_ORG, b, 1), 1);
    assert_ptr_equal(a[0], b[0]);
    assert_int_equal(gaz_lookup(g, "sco", ENT_ORG, a, 1), 1);
    assert_int_equal(gaz_lookup(g, "shanghai cooperation organization", ENT_ORG, b, 1), 1);
    assert_ptr_equal(a[0], b[0]);
    /* A name that holds a country's is not the country. */
    char out[256];
    assert_int_equal(match(g, "Exports to Latin America and South America rose", out, sizeof out), 2);
    assert_string_equal(out, "2+2:Latin America,5+2:South America");
    assert_int_equal(match(g, "Bank of America and Voice of America", out, sizeof out), 2);
    assert_string_equal(out, "0+3:Bank of America,4+3:Voice of America");
    gaz_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_match_form),
        cmocka_unit_test(test_russian_cases_share_a_form),
        cmocka_unit_test(test_short_acronyms_keep_their_vowel),
        cmocka_unit_test(test_lookup_by_any_name),
        cmocka_unit_test(test_longest_match_first),
        cmocka_unit_test(test_scripts_meet),
        cmocka_unit_test(test_stems_that_meet),
        cmocka_unit_test(test_fleeting_vowel),
        cmocka_unit_test(test_plural_genitive),
        cmocka_unit_test(test_person_by_initial),
        cmocka_unit_test(test_load_errors_name_the_line),
        cmocka_unit_test(test_shared_names),
        cmocka_unit_test(test_dotted_and_possessive_forms),
        cmocka_unit_test(test_whole_tokens),
        cmocka_unit_test(test_each_entity_its_names),
        cmocka_unit_test(test_shipped_gazetteer),
    };
    return cmocka_run_group_tests_name("gazetteer", tests, NULL, NULL);
}
