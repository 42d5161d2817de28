/* Russian bodies named with their owner (ruorg.h). Names are read in match
 * form, so every case of a word is one: "Министерстве", "Министерства" ->
 * "ministerstv". */
#include "entity/ruorg.h"
#include "entity/rustem.h"
#include "entity/shape.h"
#include "entity/wordlist.h"

#include <ctype.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "text/script.h"

enum {
    MAX_INNER = 10,   /* lower-case words of an open head's name */
    MAX_OWNER = 10,   /* words of an owner's name */
    TITLE_REACH = 4,  /* words from a title to the country it names */
    REPUBLIC_REACH = 600,   /* words back from "республики" to the republic it stands for */
};

/* The state bodies every country has (its armed forces among them) and
 * every city or region has, by their full names and, where the press has
 * one, their abbreviation. `bare`: written alone, it is still a name
 * ("Кабинет министров", not "Правительство" or "Парламент", which begin
 * sentences as common nouns do, nor "Госдепартамент", which is the United
 * States' in any country's news, nor "Мэрия", whose city the text must
 * say). */
static const struct body_src {
    const char *abbr, *full;
    bool bare;
} body_src[] = {
    { "МИД", "Министерство иностранных дел", true },
    { "МВД", "Министерство внутренних дел", true },
    { "Минобороны", "Министерство обороны", true },
    { "Минэнерго", "Министерство энергетики", true },
    { "Минфин", "Министерство финансов", true },
    { "Минюст", "Министерство юстиции", true },
    { "Минздрав", "Министерство здравоохранения", true },
    { "Минкультуры", "Министерство культуры", true },
    { "Минобрнауки", "Министерство образования и науки", true },
    { "Минпросвещения", "Министерство просвещения", true },
    { "Минсельхоз", "Министерство сельского хозяйства", true },
    { "Минтранс", "Министерство транспорта", true },
    { "Минэкономики", "Министерство экономики", true },
    { "Минэкономразвития", "Министерство экономического развития", true },
    { "Минпромторг", "Министерство промышленности и торговли", true },
    { "Минтруд", "Министерство труда", true },
    { "Минприроды", "Министерство природных ресурсов", true },
    { "Минцифры", "Министерство цифрового развития", true },
    { "МЧС", "Министерство по чрезвычайным ситуациям", true },
    { "Генпрокуратура", "Генеральная прокуратура", true },
    { "Генштаб", "Генеральный штаб", true },
    { "Нацбанк", "Национальный банк", true },
    { "Центробанк", "Центральный банк", true },
    { "ЦИК", "Центральная избирательная комиссия", true },
    { "Совбез", "Совет безопасности", true },
    { "ГКНБ", "Государственный комитет национальной безопасности", true },
    { "Госпогранкомитет", "Государственный пограничный комитет", true },
    { "Госдепартамент", "Государственный департамент", false },
    { "Госдеп", "Государственный департамент", false },
    { NULL, "Следственный комитет", true },
    { NULL, "Кабинет министров", true },
    { NULL, "Совет министров", true },
    { NULL, "Сенат", true },
    { NULL, "Законодательная палата", true },
    { NULL, "Национальное собрание", true },
    { NULL, "Верховный суд", true },
    { NULL, "Кассационный суд", true },
    { NULL, "Антикоррупционный суд", true },
    { NULL, "Конституционный суд", true },
    { NULL, "Счетная палата", true },
    { NULL, "Социальный фонд", true },
    { NULL, "Администрация президента", true },
    { NULL, "Вооруженные силы", true },
    { "ВДВ", "Воздушно-десантные войска", true },
    { "ВМФ", "Военно-морской флот", true },
    { "ВКС", "Воздушно-космические силы", true },
    { NULL, "Сухопутные войска", true },
    { "ССО", "Силы специальных операций", true },
    { "Нацгвардия", "Национальная гвардия", true },
    { NULL, "Правительство", false },
    { NULL, "Парламент", false },
    { NULL, "Администрация", false },
    { NULL, "Мэрия", false },
    { NULL, "Примэрия", false },
    { NULL, "Прокуратура", false },
    { NULL, "Акимат", false },
    { NULL, "Маслихат", false },
    { NULL, "Хокимият", false },
    { NULL, "Хукумат", false },
    { "УВД", "Управление внутренних дел", false },
    { "ГУВД", "Главное управление внутренних дел", false },
};

/* Bodies the press writes in lower case with their owner: "правительства
 * РФ", "мэрией Оша", "акиматом Павлодарской области", "хокимият Нукуса",
 * "прокуратура Приморского края", "парламента Республики Молдова". */
static const char *const lower_src[] = { "правительство", "администрация", "мэрия", "примэрия", "акимат",
                                         "маслихат", "хокимият", "хукумат", "прокуратура",
                                         "парламент" };

/* Heads of a name read up to its owner: "Агентство по статистике при
 * Президенте Республики Таджикистан", "Союз журналистов России". By kind:
 * - a body's says what it does after its owner too ("Комитет Госдумы | по
 *   обороне"), where a name's does not ("Академия наук Республики
 *   Татарстан | по изучению истории");
 * - a state body's, written without its owner, is the document's
 *   country's: a ministry's by what it is of ("в Министерстве труда и
 *   социальной защиты населения"), an agency's by what it does, after "по"
 *   ("Агентство по противодействию коррупции"); not a committee's or a
 *   council's, also a parliament's, nor a department's, also a region's. */
enum open_kind { OPEN_NAME, OPEN_BODY, OPEN_AGENCY, OPEN_MINISTRY };
static const struct open_src {
    const char *head;
    enum open_kind kind;
} open_src[] = {
    { "Министерство", OPEN_MINISTRY }, { "Агентство", OPEN_AGENCY }, { "Комитет", OPEN_BODY },
    { "Государственный комитет", OPEN_AGENCY }, { "Служба", OPEN_AGENCY },
    { "Департамент", OPEN_BODY }, { "Инспекция", OPEN_AGENCY }, { "Совет", OPEN_BODY },
    { "Союз", OPEN_NAME }, { "Федерация", OPEN_NAME }, { "Ассоциация", OPEN_NAME },
    { "Академия", OPEN_NAME }, { "Управление", OPEN_BODY }, { "Коллегия", OPEN_NAME },
    { "Секретариат", OPEN_NAME }, { "Комиссия", OPEN_AGENCY },
    { "Государственная комиссия", OPEN_AGENCY }, { "Правление", OPEN_NAME },
    { "Президиум", OPEN_NAME }, { "Наблюдательный совет", OPEN_NAME },
    /* The region's state services, often "при" a ministry: "Государственная
     * налоговая служба при Министерстве финансов Кыргызской Республики". */
    { "Государственная служба", OPEN_AGENCY }, { "Государственное агентство", OPEN_AGENCY },
    { "Государственная инспекция", OPEN_AGENCY },
    { "Государственная налоговая служба", OPEN_AGENCY },
    { "Государственная таможенная служба", OPEN_AGENCY },
    { "Государственная миграционная служба", OPEN_AGENCY },
    { "Государственная пограничная служба", OPEN_AGENCY }, { "Налоговая служба", OPEN_AGENCY },
    { "Таможенная служба", OPEN_AGENCY }, { "Миграционная служба", OPEN_AGENCY },
    { "Пограничная служба", OPEN_AGENCY }, { "Налоговый комитет", OPEN_AGENCY },
    { "Таможенный комитет", OPEN_AGENCY },
};

/* Heads of a country's (or an organization's) mission, said with where it
 * is: "Посольство России в Узбекистане", "посольства Казахстана в Москве",
 * "представительства Россотрудничества в Таджикистане". In lower case too,
 * as the press writes them. */
static const struct mission_src {
    const char *head;
    bool national;   /* one in each country: its city names the country ("в Ташкенте") */
    bool owned;      /* named with its owner */
    bool body;       /* capitalized, owned by an organization (never a place) and
                        said with where it is: "Бюро ОБСЕ по …" is the ODIHR, and
                        "Сибирского отделения РАН" is a branch of its own */
} mission_src[] = {
    { "Посольство", true, true, false },
    { "Генеральное консульство", false, true, false },
    { "Генконсульство", false, true, false },
    { "Консульство", false, true, false },
    { "Представительство", false, true, false },
    { "Постоянное представительство", true, true, false },
    { "Постпредство", true, true, false },
    { "Торговое представительство", true, true, false },
    { "Торгпредство", true, true, false },
    /* An international body's mission to a country: "Миссия ОБСЕ в Молдове". */
    { "Миссия", true, true, false },
    /* An international body's office in a country or city: "Бюро ЮНЕСКО в
     * Ташкенте", "Страновой офис ВОЗ в Грузии", "Отделение ООН в Женеве". */
    { "Бюро", true, true, true },
    { "Региональное бюро", true, true, true },
    { "Офис", true, true, true },
    { "Страновой офис", true, true, true },
    { "Программный офис", true, true, true },
    { "Региональный офис", true, true, true },
    { "Отделение", true, true, true },
    /* Russia's cultural centres abroad, named by their city alone. */
    { "Русский дом", false, false, false },
    { "Российский дом", false, false, false },
};

/* Heads of a body's unit for a region: "Главное управление МВД России по
 * Москве", "ГУ МЧС по Приморскому краю", "УФСБ по Омской области". An
 * abbreviation may be glued to its body's ("УМВД", "ГУФСИН"); `merged`: it
 * is only ever written so (alone, "У" is a preposition). */
static const struct unit_src {
    const char *abbr, *full;
    bool merged;
} unit_src[] = {
    { "ГУ", "Главное управление", false },
    { "ГСУ", "Главное следственное управление", false },
    { "СУ", "Следственное управление", false },
    { "У", "Управление", true },
    { NULL, "Региональное управление", false },
    { NULL, "Территориальное управление", false },
    { NULL, "Пограничное управление", false },
    { NULL, "Межрегиональное управление", false },
    { NULL, "Межрегиональное территориальное управление", false },
    { NULL, "Территориальный орган", false },
    { NULL, "Департамент", false },
    { NULL, "Отдел", false },
};

/* A country's adjective before a body of the table names its owner:
 * "азербайджанского МИД", "российский Минфин", "белорусское МЧС". Each
 * adjective with the country's name as the gazetteer writes it. */
static const struct adjective_src {
    const char *adjective, *country;
} adjective_src[] = {
    { "российский", "Россия" },         { "белорусский", "Беларусь" },
    { "казахстанский", "Казахстан" },   { "кыргызский", "Кыргызстан" },
    { "киргизский", "Кыргызстан" },     { "таджикский", "Таджикистан" },
    { "узбекский", "Узбекистан" },      { "узбекистанский", "Узбекистан" },
    { "туркменский", "Туркменистан" },  { "армянский", "Армения" },
    { "азербайджанский", "Азербайджан" }, { "грузинский", "Грузия" },
    { "молдавский", "Молдова" },        { "украинский", "Украина" },
    { "американский", "США" },          { "китайский", "Китай" },
    { "турецкий", "Турция" },           { "иранский", "Иран" },
    { "афганский", "Афганистан" },      { "германский", "Германия" },
    { "французский", "Франция" },       { "британский", "Великобритания" },
    { "японский", "Япония" },           { "индийский", "Индия" },
    { "пакистанский", "Пакистан" },     { "израильский", "Израиль" },
    { "монгольский", "Монголия" },      { "латвийский", "Латвия" },
    { "литовский", "Литва" },           { "эстонский", "Эстония" },
    { "польский", "Польша" },
};

/* Words after which a country's name says whose the document's bodies are:
 * "Президент Беларуси", "министра иностранных дел Кыргызской Республики". */
static const char *const title_src[] = { "президент", "премьер", "министр", "правительство",
                                        "парламент" };

/* Words a name's lower-case part may hold that say nothing of the body
 * ("Совет министров иностранных дел стран ШОС" is the SCO's council). */
static const char *const filler_src[] = { "стран" };

typedef struct words {
    char **v;
    size_t n;
} words;

typedef struct mission {
    words head;
    bool national, owned, body;
} mission;

typedef struct body {
    char *abbr;   /* match form, or NULL */
    words full;
    bool bare;
    bool head_last;   /* an adjective, then its head: "Национальная гвардия" */
} body;

typedef struct unit {
    char *abbr;   /* match form, or NULL */
    words full;
    bool merged;
} unit;

/* Words that stand for the owner in lower case: the document's country
 * ("Министерство труда и социальной защиты населения республики"). */
static const char *const country_src[] = { "республики", "страны" };

static struct {
    body bodies[sizeof body_src / sizeof *body_src];
    char *country[sizeof country_src / sizeof *country_src];
    words open[sizeof open_src / sizeof *open_src];
    mission mission[sizeof mission_src / sizeof *mission_src];
    char *in, *in_o;   /* "в" and "во", before where a mission is */
    unit units[sizeof unit_src / sizeof *unit_src];
    char *filler[sizeof filler_src / sizeof *filler_src];
    char *title[sizeof title_src / sizeof *title_src];
    char *pri;   /* "при", after which a capitalized word may follow */
    char *lower[sizeof lower_src / sizeof *lower_src];
    char *adjective[sizeof adjective_src / sizeof *adjective_src];   /* match forms */
    char *adjective_of[sizeof adjective_src / sizeof *adjective_src];   /* the countries' */
    char *po;    /* "по", before a unit's region */
    char *city[2];   /* "г.", "города", before a unit's city */
    bool ok;
} tab;
static pthread_once_t tab_once = PTHREAD_ONCE_INIT;

/* The words of `f`, a match form; false on no memory. */
static bool split_plain(const char *f, words *w)
{
    w->n = 0;
    w->v = NULL;
    size_t n = 1;
    for (const char *p = f; *p; p++)
        n += *p == ' ';
    if (!(w->v = calloc(n, sizeof *w->v)))
        return false;
    for (const char *p = f; *p; p += *p == ' ') {
        size_t len = strcspn(p, " ");
        if (len && !(w->v[w->n++] = strndup(p, len)))
            return false;
        p += len;
    }
    return true;
}

/* The match-form words of `s`; false on no memory. */
static bool split(const char *s, words *w)
{
    char *f = gaz_match_form(s, strlen(s));
    bool ok = f && split_plain(f, w);
    free(f);
    return ok;
}

/* The tables in match form, made once per process and kept for its life. */
static void tab_make(void)
{
    bool ok = true;
    for (size_t i = 0; i < sizeof body_src / sizeof *body_src; i++) {
        body *b = &tab.bodies[i];
        b->bare = body_src[i].bare;
        size_t first = strcspn(body_src[i].full, " ");
        b->head_last = body_src[i].full[first] == ' ' && !strchr(body_src[i].full + first + 1, ' ')
                       && wordlist_ends(" ый ий ой ая ое ые ", body_src[i].full, first, 3);
        ok &= split(body_src[i].full, &b->full);
        if (body_src[i].abbr)
            ok &= (b->abbr = gaz_match_form(body_src[i].abbr, strlen(body_src[i].abbr))) != NULL;
    }
    for (size_t i = 0; i < sizeof open_src / sizeof *open_src; i++)
        ok &= split(open_src[i].head, &tab.open[i]);
    for (size_t i = 0; i < sizeof mission_src / sizeof *mission_src; i++) {
        ok &= split(mission_src[i].head, &tab.mission[i].head);
        tab.mission[i].national = mission_src[i].national;
        tab.mission[i].owned = mission_src[i].owned;
        tab.mission[i].body = mission_src[i].body;
    }
    ok &= (tab.in = gaz_match_form("в", strlen("в"))) != NULL;
    ok &= (tab.in_o = gaz_match_form("во", strlen("во"))) != NULL;
    for (size_t i = 0; i < sizeof unit_src / sizeof *unit_src; i++) {
        unit *u = &tab.units[i];
        u->merged = unit_src[i].merged;
        ok &= split(unit_src[i].full, &u->full);
        if (unit_src[i].abbr)
            ok &= (u->abbr = gaz_match_form(unit_src[i].abbr, strlen(unit_src[i].abbr))) != NULL;
    }
    for (size_t i = 0; i < sizeof filler_src / sizeof *filler_src; i++)
        ok &= (tab.filler[i] = gaz_match_form(filler_src[i], strlen(filler_src[i]))) != NULL;
    for (size_t i = 0; i < sizeof title_src / sizeof *title_src; i++)
        ok &= (tab.title[i] = gaz_match_form(title_src[i], strlen(title_src[i]))) != NULL;
    for (size_t i = 0; i < sizeof country_src / sizeof *country_src; i++)
        ok &= (tab.country[i] = gaz_match_form(country_src[i], strlen(country_src[i]))) != NULL;
    ok &= (tab.pri = gaz_match_form("при", strlen("при"))) != NULL;
    for (size_t i = 0; i < sizeof adjective_src / sizeof *adjective_src; i++) {
        const struct adjective_src *a = &adjective_src[i];
        ok &= (tab.adjective[i] = gaz_match_form(a->adjective, strlen(a->adjective))) != NULL;
        ok &= (tab.adjective_of[i] = gaz_match_form(a->country, strlen(a->country))) != NULL;
    }
    for (size_t i = 0; i < sizeof lower_src / sizeof *lower_src; i++)
        ok &= (tab.lower[i] = gaz_match_form(lower_src[i], strlen(lower_src[i]))) != NULL;
    ok &= (tab.po = gaz_match_form("по", strlen("по"))) != NULL;
    ok &= (tab.city[0] = gaz_match_form("г", strlen("г"))) != NULL;
    ok &= (tab.city[1] = gaz_match_form("города", strlen("города"))) != NULL;
    tab.ok = ok;
}

/* What the scan knows of each token. `joined[i]`: tokens i and i+1 are
 * separated by one space; `cap[i]`: token i is capitalized; `inner[i]`: it
 * may be a lower-case word inside a name (no verb, no other preposition),
 * with INNER_ON when it would carry a name on ("и", "по", a genitive). */
enum { INNER = 1, INNER_ON = 2 };
typedef struct scan {
    const gazetteer *g;
    const char *text;             /* NULL: a filter's name */
    const names_tok *toks;
    const char *const *forms;
    size_t n;
    const unsigned char *joined, *cap, *inner;   /* NULL: a filter's name, all true */
    const unsigned char *comma;   /* tokens i and i+1 separated by ", "; NULL: a filter's name */
    bool whole;   /* a filter's name: the owner ends it */
} scan;

static bool is_joined(const scan *s, size_t i) { return !s->joined || s->joined[i]; }
/* Tokens i and i+1 are parts of one hyphenated word ("Санкт-Петербурге"),
 * which `joined` leaves apart when the second is capitalized. */
static bool hyphened(const scan *s, size_t i)
{
    return s->text && i + 1 < s->n && s->toks[i + 1].start == s->toks[i].end + 1
           && s->text[s->toks[i].end] == '-';
}
static bool is_cap(const scan *s, size_t i) { return !s->cap || s->cap[i]; }
static bool is_inner(const scan *s, size_t i) { return !s->inner || s->inner[i]; }

/* Token k of a text may end a body's name: not "и", "по" or "при", which
 * would carry it on; a genitive when `genitive` (a ministry's name is what
 * it is of, "Министерство труда", where an agency's ends with what it
 * does, "Агентство по науке и технологиям"). */
static bool name_end(const scan *s, size_t k, bool genitive)
{
    return (s->inner[k] & (genitive ? INNER_ON : INNER)) && strcmp(s->forms[k], "i")
           && strcmp(s->forms[k], "po") && strcmp(s->forms[k], tab.pri);
}

/* Token j goes on what a state body written without its owner does, read
 * from its "по" (alone in a text): not another "по" before a lower-case
 * word ("Агентством по делам государственной службы | по итогам"), nor
 * after "и" a word in "-о", which no dative or genitive of the name ends
 * in ("по науке и технологиям", "по охране среды и историко-культурных
 * музеев", not "по науке и | руководство предприятия"). */
static bool goes_on_doing(const scan *s, size_t j)
{
    if (!strcmp(s->forms[j], tab.po))
        return j + 1 < s->n && is_cap(s, j + 1);
    const char *w = s->toks[j].norm;
    size_t len = strlen(w);
    return strcmp(s->forms[j - 1], "i") || hyphened(s, j) || len < 2 || strcmp(w + len - 2, "о");
}

/* Token j goes on a body's name after a comma: the name lists what the body
 * does, an item right after the comma and its last item after "и"
 * ("Министерство труда, социального обеспечения и миграции"), not a
 * clause of the sentence (", и при передаче денег ..."). */
static bool list_comma(const scan *s, size_t j)
{
    if (!s->comma || !s->comma[j - 1] || !s->inner[j] || !strcmp(s->forms[j], "i")
        || !strcmp(s->forms[j], "po") || !strcmp(s->forms[j], tab.pri))
        return false;
    for (size_t k = j + 1; k < s->n && s->inner[k] && s->joined[k - 1]; k++)
        if (!strcmp(s->forms[k], "i"))
            return true;
    return false;
}

/* The words w match the tokens at i, each joined to the next. */
static bool words_at(const scan *s, size_t i, const words *w)
{
    if (i + w->n > s->n)
        return false;
    for (size_t k = 0; k < w->n; k++)
        if (strcmp(s->forms[i + k], w->v[k]) || (k + 1 < w->n && !is_joined(s, i + k)))
            return false;
    return true;
}

/* The gazetteer place or organization whose name starts at token i (joined
 * words, capitalized first): its length, and the entity in *e; 0 when none
 * (or memory runs out: a body is then left unread). A place is preferred to
 * an organization of the same name. */
static bool lower_body(const char *f);

/* Normalized word `w` is an adjective made from a place's name, in the
 * feminine or neuter a region's word takes ("Омской", "Кемеровское"). */
static bool region_adjective(const char *w)
{
    static const char ends[] = " ской ского скому ским ском скую ская ское цкой цкого цкому цким"
                               " цком цкую цкая цкое ";
    return wordlist_ends(ends, w, strlen(w), 2);
}

static size_t owner_at(const scan *s, size_t i, const gaz_entity **e)
{
    /* A government in lower case may own a body: "при правительстве
     * Таджикистана". */
    if (i >= s->n || (!is_cap(s, i) && !lower_body(s->forms[i])))
        return 0;
    size_t m = 1;
    while (m < MAX_OWNER && i + m < s->n && (is_joined(s, i + m - 1) || hyphened(s, i + m - 1)))
        m++;
    gaz_match *v = NULL;
    long k = gaz_match_tokens(s->g, s->forms + i, m, &v);
    size_t len = 0;
    *e = NULL;
    for (long j = 0; j < k && v[j].first == 0; j++) {
        ent_type t = v[j].ent->type;
        /* A word no case of the name's: "Александру" of no Alexandria; nor
         * a region's adjective, its region word after a list ("Правительства
         * Омской | и Новосибирской областей" names no Omsk). */
        if (v[j].n == 1 && s->toks
            && (shape_word_other_declension(v[j].ent, s->forms[i], s->toks[i].norm,
                                            strlen(s->toks[i].norm))
                || region_adjective(s->toks[i].norm)))
            continue;
        if ((t == ENT_PLACE && (!*e || (*e)->type != ENT_PLACE || v[j].n > len))
            || (t == ENT_ORG && !*e)) {
            *e = v[j].ent;
            len = v[j].n;
        }
    }
    free(v);
    if (!is_cap(s, i) && (!*e || (*e)->type != ENT_ORG || len < 2))
        return 0;
    return s->whole && i + len != s->n ? 0 : len;
}

static bool country_word(const char *f)
{
    for (size_t i = 0; i < sizeof tab.country / sizeof *tab.country; i++)
        if (!strcmp(f, tab.country[i]))
            return true;
    return false;
}

/* "г." or "город" in any case, before a city's name. */
static bool city_word(const char *f)
{
    return !strcmp(f, tab.city[0]) || !strcmp(f, tab.city[1]);
}

bool ruorg_country_word(const char *form)
{
    return pthread_once(&tab_once, tab_make) == 0 && tab.ok && country_word(form);
}

static bool filler(const char *f)
{
    for (size_t i = 0; i < sizeof tab.filler / sizeof *tab.filler; i++)
        if (!strcmp(f, tab.filler[i]))
            return true;
    return false;
}

/* The key: `head` words (NULL: none), the name's own words [a, b) and what
 * the body does [c, d) less filler, then the owner's key; NULL on no
 * memory. */
static char *key_doing(const scan *s, const words *head, size_t a, size_t b, size_t c, size_t d,
                       const gaz_entity *of)
{
    size_t len = strlen(of->key) + 1;
    for (size_t k = 0; head && k < head->n; k++)
        len += strlen(head->v[k]) + 1;
    for (size_t k = a; k < d; k++)
        len += strlen(s->forms[k]) + 1;
    char *key = malloc(len), *p = key;
    if (!key)
        return NULL;
    for (size_t k = 0; head && k < head->n; k++)
        p += strlen(strcpy(p, head->v[k])), *p++ = ' ';
    for (size_t k = a; k < d; k++)
        if ((k < b || k >= c) && !filler(s->forms[k]))
            p += strlen(strcpy(p, s->forms[k])), *p++ = ' ';
    strcpy(p, of->key);
    return key;
}

/* The key: `head` words (NULL: none), the name's own words [a, b) less
 * filler, then the owner's key; NULL on no memory. */
static char *make_key(const scan *s, const words *head, size_t a, size_t b, const gaz_entity *of)
{
    return key_doing(s, head, a, b, b, b, of);
}

/* The token past what a body does after its owner, from token k: "Комитет
 * Госдумы | по обороне и безопасности"; k when nothing follows. Read in
 * text only, up to a word no name holds. */
static size_t po_after_owner(const scan *s, size_t k)
{
    enum { MAX_PO_WORDS = 6 };
    if (!s->inner || k + 1 >= s->n || !is_joined(s, k - 1) || strcmp(s->forms[k], tab.po)
        || rustem_po_phrase(s->toks[k + 1].norm, strlen(s->toks[k + 1].norm)))
        return k;
    size_t last = k, j;
    for (j = k + 1; j < s->n && j <= k + MAX_PO_WORDS && is_joined(s, j - 1) && !is_cap(s, j)
                    && is_inner(s, j);
         j++)
        if (strcmp(s->forms[j], "i") && strcmp(s->forms[j], tab.po) && strcmp(s->forms[j], tab.pri))
            last = j;
    /* A place or body named in it ("по делам СНГ, евразийской интеграции
     * ...") is more than these words can tell: none is taken. A person
     * after them is not ("по обороне Андрей Картаполов"). */
    const gaz_entity *e;
    if (j < s->n && is_joined(s, j - 1) && is_cap(s, j) && owner_at(s, j, &e) > 0)
        return k;
    return last > k ? last + 1 : k;
}

static int read_body(const scan *s, size_t i, ruorg_hit *h, const body **which);

/* The words v[0..n) joined by spaces; NULL on no memory. */
static char *join(const char *const *v, size_t n)
{
    size_t len = 1;
    for (size_t k = 0; k < n; k++)
        len += strlen(v[k]) + 1;
    char *out = malloc(len), *p = out;
    for (size_t k = 0; out && k < n; k++)
        p += sprintf(p, "%s%s", k ? " " : "", v[k]);
    if (out)
        *p = '\0';
    return out;
}

/* The body of the table named at token i, by its abbreviation or its full
 * name, the longest; its length in *len (0 when none). */
static const body *table_body_at(const scan *s, size_t i, size_t *len)
{
    const body *bd = NULL;
    *len = 0;
    for (size_t b = 0; b < sizeof tab.bodies / sizeof *tab.bodies; b++) {
        const body *tb = &tab.bodies[b];
        size_t n = tb->abbr && !strcmp(s->forms[i], tb->abbr) ? 1
                   : words_at(s, i, &tb->full)               ? tb->full.n
                                                             : 0;
        if (n > *len) {
            *len = n;
            bd = tb;
        }
    }
    return bd;
}

/* The body of the table gazetteer organization `e` is, when one of its
 * names is that body's full name and a place ("Следственный комитет
 * России" of "СК России"); NULL when none (or memory runs out). A unit's
 * body is keyed by the table's name however the text writes it. */
static const body *table_body_named(const scan *s, const gaz_entity *e)
{
    const body *bd = NULL;
    for (size_t a = 0; a < e->naliases && !bd; a++) {
        char *f = gaz_match_form(e->aliases[a], strlen(e->aliases[a]));
        words w;
        if (f && split_plain(f, &w) && w.n) {
            scan t = { s->g, NULL, NULL, (const char *const *)w.v, w.n, NULL, NULL, NULL, NULL, true };
            size_t len;
            const gaz_entity *place;
            bd = table_body_at(&t, 0, &len);
            if (bd && (len != bd->full.n || len >= w.n || !owner_at(&t, len, &place)
                       || place->type != ENT_PLACE))
                bd = NULL;
        }
        for (size_t k = 0; f && k < w.n; k++)
            free(w.v[k]);
        if (f)
            free(w.v);
        free(f);
    }
    return bd;
}

/* The body a unit belongs to, at token i: one of the table, by its full
 * name whoever owns it (the unit's region says whose it is), another body
 * with its owner, or a gazetteer organization. Returns its
 * part of the unit's key (malloc'd), its length in *len and its owner or
 * itself in *of (NULL when the text leaves the owner out); NULL when there is
 * none or memory runs out (*oom). */
static char *parent_at(const scan *s, size_t i, size_t *len, const gaz_entity **of, bool *oom)
{
    *len = 0;
    *of = NULL;
    *oom = false;
    /* A body of the table first: read_body would read "по" and the region
     * on as words of the body's own name. */
    const body *bd = table_body_at(s, i, len);
    char *key = NULL;
    scan t = *s;
    t.whole = false;   /* the unit's region, not its body's owner, ends a filter's name */
    ruorg_hit h;
    const body *which;
    const gaz_entity *e;
    size_t n = bd ? 0 : owner_at(&t, i, &e);
    bool known = n > 0 && e->type == ENT_ORG;
    int rc;
    if (bd) {
        key = join((const char *const *)bd->full.v, bd->full.n);
    } else if ((rc = read_body(&t, i, &h, &which)) != 0 && (rc < 0 || h.key || !known)) {
        if (rc < 0)
            return *oom = true, NULL;
        key = h.key ? h.key : join(s->forms + i, h.owner - i);
        *len = h.n;
        *of = h.of;
    } else if (known) {   /* the gazetteer's, also when read without its owner */
        key = (bd = table_body_named(s, e)) ? join((const char *const *)bd->full.v, bd->full.n)
                                            : strdup(e->key);
        *len = n;
        *of = e;
    } else {
        return NULL;
    }
    *oom = !key;
    return key;
}

/* The body of a unit written glued to its head ("УМВД", "УФСБ"): its part
 * of the key as for parent_at, for `rest`, the token's match form after the
 * head's; NULL when none (or memory runs out: *oom). */
static char *parent_glued(const scan *s, const char *rest, const gaz_entity **of, bool *oom)
{
    *of = NULL;
    *oom = false;
    for (size_t b = 0; b < sizeof tab.bodies / sizeof *tab.bodies; b++)
        if (tab.bodies[b].abbr && !strcmp(rest, tab.bodies[b].abbr)) {
            char *key = join((const char *const *)tab.bodies[b].full.v, tab.bodies[b].full.n);
            *oom = !key;
            return key;
        }
    const gaz_entity *e[2];
    if (!*rest || gaz_lookup(s->g, rest, ENT_ORG, e, 2) != 1)
        return NULL;
    *of = e[0];
    char *key = strdup(e[0]->key);
    *oom = !key;
    return key;
}

/* The gazetteer's organization a table body's abbreviation glued to a
 * unit's head names with the country after it, tokens [k, k+cn) ("УМВД
 * России" names МВД России); NULL when none. */
static const gaz_entity *glued_with_owner(const scan *s, const char *abbr, size_t k, size_t cn)
{
    char name[256];
    size_t len = (size_t)snprintf(name, sizeof name, "%s", abbr);
    for (size_t x = k; x < k + cn && len < sizeof name; x++)
        len += (size_t)snprintf(name + len, sizeof name - len, " %s", s->forms[x]);
    const gaz_entity *e[2];
    return len < sizeof name && gaz_lookup(s->g, name, ENT_ORG, e, 2) == 1 ? e[0] : NULL;
}

/* How many tokens from i name place `e` again, in parentheses or after a
 * dash ("Республике Саха (Якутия)", "Кемеровской области — Кузбассу"): 0
 * when none. */
static size_t same_place_after(const scan *s, size_t i, const gaz_entity *e)
{
    static const char *const gaps[] = { " (", " — ", " – ", " - " };
    if (i == 0 || i >= s->n)
        return 0;
    bool apart = !s->text;   /* a filter's name: its words alone */
    size_t from = s->toks ? s->toks[i - 1].end : 0, to = s->toks ? s->toks[i].start : 0;
    for (size_t g = 0; g < sizeof gaps / sizeof *gaps && !apart; g++)
        apart = to - from == strlen(gaps[g]) && !memcmp(s->text + from, gaps[g], to - from);
    const gaz_entity *again;
    scan t = *s;
    t.whole = false;
    size_t n = apart ? owner_at(&t, i, &again) : 0;
    return n && again == e && (!s->whole || i + n == s->n) ? n : 0;
}

/* Place e is a country, not one of its cities or regions: its context, if
 * any, names no place whose own context does not name it back (a
 * country's capital does). */
static bool country_like(const gazetteer *g, const gaz_entity *e)
{
    if (!e->ncontext)
        return true;
    const gaz_entity *c = gaz_find(g, ENT_PLACE, e->context[0]);
    if (!c)
        return true;
    for (size_t k = 0; k < c->ncontext; k++)
        if (!strcmp(c->context[k], e->key))
            return true;
    return false;
}

/* The kinds of region a word names a region by: "по области", "по краю",
 * "по округу", "по республике" (a region of a country: "Республика
 * Дагестан"); "по региону" any of them. */
static const struct region_kind {
    const char *word, *kind;
} region_kinds[] = {
    { "области", " область" }, { "краю", " край" }, { "округу", " округ" },
    { "республике", "Республика " }, { "региону", NULL },
};

static const struct region_kind *region_kind(const char *norm)
{
    for (size_t w = 0; w < sizeof region_kinds / sizeof *region_kinds; w++)
        if (!strcmp(norm, region_kinds[w].word))
            return &region_kinds[w];
    return NULL;
}

/* Place e is a region of kind `kind` (any when NULL): a Russian name of
 * it says so ("Омская область"), a republic's when it is no country. */
static bool region_of_kind(const scan *s, const gaz_entity *e, const char *kind)
{
    for (size_t a = 0; a < e->naliases; a++)
        for (size_t w = 0; w < sizeof region_kinds / sizeof *region_kinds; w++) {
            const char *k = region_kinds[w].kind;
            if (!k || (kind && strcmp(k, kind)))
                continue;
            if (k[0] != ' ' ? !strncmp(e->aliases[a], k, strlen(k)) && !country_like(s->g, e)
                            : strstr(e->aliases[a], k) != NULL)
                return true;
        }
    return false;
}

/* The last region of kind `kind` (region_of_kind) named before token i,
 * within REPUBLIC_REACH words: the one a unit "по региону" is for ("ГУ
 * МВД России по региону", after the region is named), or a regional
 * body; NULL when none. */
static const gaz_entity *region_before(const scan *s, size_t i, const char *kind)
{
    for (size_t at = i; at-- > 0 && i - at <= REPUBLIC_REACH;) {
        const gaz_entity *e;
        if (is_cap(s, at) && owner_at(s, at, &e) > 0 && e->type == ENT_PLACE
            && region_of_kind(s, e, kind))
            return e;
    }
    return NULL;
}

/* A body's unit for a region at token i (unit_src), into *h: its key is the
 * head's full name, its body's part (parent_at) and "по" with the region's
 * key. The body is the unit's owner in the text (h->owner), so that it is
 * read again as a name of its own. Returns 1, 0, or -1 on no memory. */
static int read_unit(const scan *s, size_t i, ruorg_hit *h)
{
    const unit *head = NULL;
    size_t j = i, pn = 0;   /* the body's first token and length */
    for (size_t u = 0; u < sizeof tab.units / sizeof *tab.units; u++) {
        const unit *un = &tab.units[u];
        size_t len = words_at(s, i, &un->full)                               ? un->full.n
                     : un->abbr && !un->merged && !strcmp(s->forms[i], un->abbr) ? 1
                                                                                  : 0;
        if (len > j - i) {
            head = un;
            j = i + len;
        }
    }
    const gaz_entity *of = NULL;
    char *parent = NULL;
    bool oom = false;
    if (head && j < s->n && is_joined(s, j - 1))
        parent = parent_at(s, j, &pn, &of, &oom);
    const char *glued = NULL;   /* the body's abbreviation glued to the head */
    for (size_t u = 0; !head && u < sizeof tab.units / sizeof *tab.units && !parent && !oom; u++) {
        const unit *un = &tab.units[u];
        size_t al = un->abbr ? strlen(un->abbr) : 0;
        if (al && !strncmp(s->forms[i], un->abbr, al) && (parent = parent_glued(s, s->forms[i] + al, &of, &oom))) {
            head = un;
            j = i + 1;
            glued = s->forms[i] + al;
        }
    }
    size_t k = j + pn;   /* "по" */
    /* A country after a body the gazetteer knows ("УФСБ России"). */
    scan t = *s;
    t.whole = false;
    const gaz_entity *c;
    size_t cn = parent && k < s->n && is_joined(s, k - 1) ? owner_at(&t, k, &c) : 0;
    const gaz_entity *body = glued ? of : NULL;   /* named by the glued head */
    if (cn && c->type == ENT_PLACE && k + cn < s->n && !strcmp(s->forms[k + cn], tab.po)) {
        if (glued && !of)
            body = glued_with_owner(s, glued, k, cn);
        k += cn;
    }
    if (!parent || k + 1 >= s->n || !is_joined(s, k - 1) || strcmp(s->forms[k], tab.po)) {
        free(parent);
        return oom ? -1 : 0;
    }
    k++;
    /* "по г. Москве": the city's word is left out of the key. */
    if (k + 1 < s->n && city_word(s->forms[k]))
        k++;
    else if (!is_joined(s, k - 1))
        k = s->n;
    const gaz_entity *region;
    const struct region_kind *rk;
    scan r = *s;
    r.whole = false;   /* the region may be named again after it */
    size_t rn = k < s->n ? owner_at(&r, k, &region) : 0;
    if (rn)
        rn += same_place_after(s, k + rn, region);
    else if (s->toks && k < s->n && s->toks[k].norm && (rk = region_kind(s->toks[k].norm))
             && (region = region_before(s, i, rk->kind)))
        rn = 1;
    /* A unit for two regions: "по Краснодарскому краю и Республике Адыгея". */
    const gaz_entity *second = NULL;
    size_t conj = k + rn;
    if (rn && region->type == ENT_PLACE && conj + 1 < s->n && is_joined(s, conj - 1)
        && is_joined(s, conj) && !strcmp(s->forms[conj], "i")) {
        size_t sn = owner_at(&r, conj + 1, &second);
        if (sn && second->type == ENT_PLACE && second != region)
            rn += 1 + sn;
        else
            second = NULL;
    }
    if (rn && s->whole && k + rn != s->n)
        rn = 0;
    char *head_words = rn && region->type == ENT_PLACE
                       ? join((const char *const *)head->full.v, head->full.n) : NULL;
    char *key = NULL;
    if (head_words) {
        size_t len = strlen(head_words) + strlen(parent) + strlen(tab.po) + strlen(region->key)
                     + (second ? strlen(second->key) + 3 : 0) + 4;
        if ((key = malloc(len)))
            snprintf(key, len, "%s %s %s %s%s%s", head_words, parent, tab.po, region->key,
                     second ? " i " : "", second ? second->key : "");
        else
            oom = true;
    }
    free(head_words);
    free(parent);
    if (!key)
        return oom || (rn && region->type == ENT_PLACE) ? -1 : 0;
    *h = (ruorg_hit){ i, k + rn - i, pn ? j : i + 1, of ? of : region, key, region, body };
    return 1;
}

bool ruorg_mayor(const char *norm)
{
    return !strncmp(norm, "мэр", strlen("мэр")) && strncmp(norm, "мэри", strlen("мэри"))
           && strlen(norm) <= strlen("мэром");
}

/* Token i of a text is "мэр": no body (ruorg_mayor). */
static bool mayor(const scan *s, size_t i)
{
    return s->toks && ruorg_mayor(s->toks[i].norm);
}

/* Match form f is a body's head that the press writes in lower case too. */
static bool lower_body(const char *f)
{
    for (size_t i = 0; i < sizeof tab.lower / sizeof *tab.lower; i++)
        if (!strcmp(f, tab.lower[i]))
            return true;
    return false;
}

/* Where a body's own words [i, j) end: at "при" when they hold one, or at
 * a body in lower case that owns it, the body there being a name of its own
 * ("Агентство гражданской авиации | при Министерстве транспорта Кыргызской
 * Республики", "Департамент образования | мэрии Новосибирска"); else j. */
static size_t pri_or(const scan *s, size_t i, size_t j)
{
    for (size_t k = j; k-- > i + 1;)
        if (!strcmp(s->forms[k], tab.pri))
            return k;
    if (s->inner && j >= i + 3 && (s->inner[j - 1] & INNER_ON) && lower_body(s->forms[j - 1]))
        return j - 1;
    return j;
}

/* The body named at token i, into *h (key NULL when it has no owner in the
 * text: then `bare` says whether it stands alone as a name, and *which is
 * its table entry). Returns 1 when found, 0 when not, -1 on no memory. */
/* A body of the table after its country's adjective, at token i
 * ("азербайджанского МИД", "российского Министерства финансов"), into *h:
 * keyed as with its owner after it; the adjective names no place. Returns
 * 1, 0, or -1 on no memory. */
static int read_adjective_owned(const scan *s, size_t i, ruorg_hit *h)
{
    size_t a = 0, len;
    while (a < sizeof tab.adjective / sizeof *tab.adjective && strcmp(s->forms[i], tab.adjective[a]))
        a++;
    if (a == sizeof tab.adjective / sizeof *tab.adjective || i + 1 >= s->n || !is_joined(s, i))
        return 0;
    const body *bd = table_body_at(s, i + 1, &len);
    const gaz_entity *of[1];
    if (!bd || !gaz_lookup(s->g, tab.adjective_of[a], ENT_PLACE, of, 1)
        || (s->whole && i + 1 + len != s->n))
        return 0;
    *h = (ruorg_hit){ i, 1 + len, i + 1 + len, of[0], make_key(s, &bd->full, i, i, of[0]), NULL,
                      NULL };
    return h->key ? 1 : -1;
}

/* The country city `e` lies in: the place its context names first, when
 * that is a country's (no context of its own) and `e` no country itself (no
 * name of it says "Republic"); NULL otherwise. A country's context only
 * tells it from a namesake (Armenia's is Colombia). */
static const gaz_entity *country_of_city(const scan *s, const gaz_entity *e)
{
    if (e->type != ENT_PLACE || !e->ncontext)
        return NULL;
    for (size_t a = 0; a < e->naliases; a++)
        if (strstr(e->aliases[a], "Republic") || strstr(e->aliases[a], "Республика"))
            return NULL;
    const gaz_entity *c = gaz_find(s->g, ENT_PLACE, e->context[0]);
    return c && !c->ncontext && c != e ? c : NULL;
}

/* A mission at token i (mission_src), into *h: its head, its owner and,
 * after "в" or "при", the place or organization it is in or at; keyed by
 * the head's words and the keys of both ("posolstv <russia> v
 * <uzbekistan>"), so "Посольство Российской Федерации в Республике
 * Узбекистан" is the same. A national mission's city is its country
 * ("Посольство России в Ташкенте" is the one in Uzbekistan); a place the
 * gazetteer lacks is keyed by its word ("в Комрате"). The owner is read
 * again as a name of its own. Returns 1, 0, or -1 on no memory. */
static int read_mission(const scan *s, size_t i, ruorg_hit *h)
{
    const mission *m = NULL;
    for (size_t k = 0; k < sizeof tab.mission / sizeof *tab.mission; k++)
        if (words_at(s, i, &tab.mission[k].head) && (!m || tab.mission[k].head.n > m->head.n))
            m = &tab.mission[k];
    size_t j = m ? i + m->head.n : i;
    /* A head written in Russian: "Miss Madrid" is no "Миссия". */
    if (!m || j >= s->n || !is_joined(s, j - 1)
        || (s->toks
            && script_word(s->toks[i].norm, strlen(s->toks[i].norm), NULL) != SCRIPT_CYRILLIC))
        return 0;
    scan t = *s;
    t.whole = false;   /* where it is may follow its owner */
    const gaz_entity *of = NULL, *at = NULL;
    size_t on = m->owned ? owner_at(&t, j, &of) : 0, k = j + on, an = 0;
    if (m->owned && (!on || !is_cap(s, j) || (m->body && of->type != ENT_ORG)))
        return 0;
    if (m->body && !is_cap(s, i))
        return 0;
    /* "в" or "во" ("во Владивостоке"), keyed alike, or "при". */
    bool joined = k + 1 < s->n && is_joined(s, k - 1) && is_joined(s, k);
    const char *prep = !joined                                                         ? NULL
                       : !strcmp(s->forms[k], tab.in) || !strcmp(s->forms[k], tab.in_o) ? tab.in
                       : !strcmp(s->forms[k], tab.pri)                                   ? tab.pri
                                                                                         : NULL;
    const char *where = NULL;
    if (prep && (an = owner_at(s, k + 1, &at)) > 0) {
        const gaz_entity *country = m->national ? country_of_city(s, at) : NULL;
        where = (country ? country : at)->key;
    } else if (prep && is_cap(s, k + 1) && (!s->whole || k + 2 == s->n)) {
        where = s->forms[k + 1];
        an = 1;
    }
    if (!where && (!m->owned || m->body || (s->whole && k != s->n)))
        return 0;
    char *own = join((const char *const *)m->head.v, m->head.n);
    size_t len = own ? strlen(own) + (of ? strlen(of->key) + 1 : 0)
                       + (where ? strlen(prep) + strlen(where) + 2 : 0) + 1 : 0;
    char *key = own ? malloc(len) : NULL;
    if (key)
        snprintf(key, len, "%s%s%s%s%s%s%s", own, of ? " " : "", of ? of->key : "",
                 where ? " " : "", where ? prep : "", where ? " " : "", where ? where : "");
    free(own);
    *h = (ruorg_hit){ i, (where ? k + 1 + an : k) - i, of ? j : k, of ? of : at, key, NULL, NULL };
    return key ? 1 : -1;
}

/* A lower-case adjective right before token i says what kind of body it
 * is, not whose ("железнодорожных администраций Казахстана"). */
static bool kind_before(const scan *s, size_t i)
{
    if (!s->text || i == 0 || !is_joined(s, i - 1) || is_cap(s, i - 1))
        return false;
    const char *w = s->toks[i - 1].norm;
    return rustem_adjective_only(w, strlen(w));
}

static int read_body(const scan *s, size_t i, ruorg_hit *h, const body **which)
{
    const gaz_entity *of;
    size_t on;
    *h = (ruorg_hit){ i, 0, 0, NULL, NULL, NULL, NULL };
    *which = NULL;
    /* "правительства РФ", "мэрией Оша": a government, in lower case as the
     * press often writes it, is one with its owner. */
    if (!tab.ok)
        return 0;
    int adjective = read_adjective_owned(s, i, h);
    if (adjective)
        return adjective;
    int mission = read_mission(s, i, h);
    if (mission)
        return mission;
    if (mayor(s, i))
        return 0;
    /* A unit is one in lower case too: "сотрудники управления ФСБ по
     * Омской области" (its body and region say it is a name). */
    int unit = read_unit(s, i, h);
    if (unit)
        return unit;
    bool lower = !is_cap(s, i);
    if (lower && (!lower_body(s->forms[i]) || kind_before(s, i)))
        return 0;
    /* An open head with the lower-case words of its name, up to its owner. */
    size_t own_end = 0, own_n = 0;   /* a state body's name without its owner */
    for (size_t o = 0; o < sizeof tab.open / sizeof *tab.open && !lower; o++) {
        if (!words_at(s, i, &tab.open[o]))
            continue;
        size_t j = i + tab.open[o].n;
        bool ministry = open_src[o].kind == OPEN_MINISTRY;
        bool doing = open_src[o].kind == OPEN_AGENCY && j < s->n && is_joined(s, j - 1)
                     && !strcmp(s->forms[j], tab.po);
        bool alone = s->text && (ministry || doing);
        for (size_t inner = 0; j < s->n && inner <= MAX_INNER
                               && (is_joined(s, j - 1) || (inner && list_comma(s, j)));
             inner++) {
            /* Words of its own before a place ("Союз журналистов России",
             * "Департамент экологии по Атырауской области"), none needed
             * before an organization ("Совет ЕЭК") or what it does. */
            /* After "и" a name is the list's next item, no owner
             * ("Министерству сельского хозяйства и Министерству водного
             * хозяйства"). */
            bool after_and = j > i && !strcmp(s->forms[j - 1], "i");
            if (!after_and && (on = owner_at(s, j, &of)) > 0) {
                /* What it does after its owner, which then needs no words
                 * of its own before it ("Агентство США | по торговле и
                 * развитию"). */
                size_t end = open_src[o].kind != OPEN_NAME ? po_after_owner(s, j + on) : j + on;
                if (inner || of->type == ENT_ORG || end > j + on) {
                    *h = (ruorg_hit){ i, end - i, pri_or(s, i, j), of,
                                      key_doing(s, NULL, i, j, j + on, end, of), NULL, NULL };
                    return h->key ? 1 : -1;
                }
            }
            bool after_pri = j > i && !strcmp(s->forms[j - 1], tab.pri);
            if (!is_inner(s, j) && !(after_pri && is_cap(s, j)))
                break;
            if (s->cap && is_cap(s, j) && !after_pri)
                break;
            if (inner && alone && !ministry && !goes_on_doing(s, j))
                break;
            /* A filter's name has no case: a second "по" before "г." or
             * "городу" opens a unit's region, as in a text. */
            if (inner && doing && !s->text && !strcmp(s->forms[j], tab.po) && j + 1 < s->n
                && city_word(s->forms[j + 1]))
                break;
            if (inner && alone && country_word(s->forms[j])) {
                own_n = j + 1 - i;   /* "республики": the owner, in lower case */
                break;
            }
            j++;
        }
        if (alone) {
            size_t e = own_n ? i + own_n - 1 : j;
            while (e > i + tab.open[o].n && !name_end(s, e - 1, ministry))
                e--;
            if (e > i + tab.open[o].n) {
                own_end = e;
                if (!own_n)
                    own_n = e - i;
            }
        }
    }
    /* A listed body, by its abbreviation or its full name. */
    for (size_t b = 0; b < sizeof tab.bodies / sizeof *tab.bodies; b++) {
        const body *bd = &tab.bodies[b];
        size_t len = bd->abbr && !strcmp(s->forms[i], bd->abbr) ? 1
                     : words_at(s, i, &bd->full)                 ? bd->full.n
                                                                 : 0;
        if (len <= h->n)
            continue;
        *which = bd;
        h->n = len;
    }
    size_t j = i + h->n;
    /* A republic's own ministry: "МВД по Республике Татарстан". */
    if (*which && j + 1 < s->n && is_joined(s, j - 1) && is_joined(s, j) && !strcmp(s->forms[j], tab.po)
        && (on = owner_at(s, j + 1, &of)) > 0 && of->type == ENT_PLACE) {
        on += same_place_after(s, j + 1 + on, of);
        char *words = join((const char *const *)(*which)->full.v, (*which)->full.n);
        size_t len = words ? strlen(words) + strlen(tab.po) + strlen(of->key) + 3 : 0;
        char *key = words ? malloc(len) : NULL;
        if (key)
            snprintf(key, len, "%s %s %s", words, tab.po, of->key);
        free(words);
        *h = (ruorg_hit){ i, j + 1 + on - i, j + 1, of, key, of, NULL };
        return key ? 1 : -1;
    }
    /* "мэрия города Новосибирска" is "мэрия Новосибирска". */
    size_t city = *which && j + 1 < s->n && is_joined(s, j - 1)
                  && city_word(s->forms[j])
                  ? 1 : 0;
    if (*which && j + city < s->n && is_joined(s, j + city - 1)
        && (on = owner_at(s, j + city, &of)) > 0) {
        *h = (ruorg_hit){ i, j + city + on - i, j + city, of, make_key(s, &(*which)->full, j, j, of),
                          NULL, NULL };
        return h->key ? 1 : -1;
    }
    if (lower)
        return 0;
    /* A ministry's name read without its owner ("в Министерстве труда и
     * социальной защиты населения"), longer than the listed body. */
    if (own_end && own_end - i >= h->n) {
        *which = NULL;
        *h = (ruorg_hit){ i, own_n, own_end, NULL, NULL, NULL, NULL };
        return 1;
    }
    if (!*which)
        return 0;
    /* "глава МИД республики": the country's word stands for its owner. */
    if (s->text && j < s->n && is_joined(s, j - 1) && !is_cap(s, j) && country_word(s->forms[j])) {
        h->owner = j;
        h->n++;
        return 1;
    }
    /* Alone, unless its name may go on ("Министерство энергетики и
     * природных ресурсов"; "по" begins no listed body's words: "Кабинет
     * министров по поручению"); an abbreviation's never does ("МЧС и
     * сельхозпредприятия"), nor after "и" a name that ends with its head
     * ("Национальной гвардии и силы гражданской защиты"). */
    bool abbr = (*which)->abbr && h->n == 1 && !strcmp(s->forms[i], (*which)->abbr);
    bool head_and = (*which)->head_last && j < s->n && !strcmp(s->forms[j], "i");
    if (!(*which)->bare
        || (!abbr && !head_and && j < s->n && is_joined(s, j - 1) && s->inner
            && (s->inner[j] & INNER_ON) && strcmp(s->forms[j], tab.po)))
        return 0;
    h->owner = j;
    return 1;
}

/* The first country a title names in the document, or NULL: a place
 * within a few joined words after the title ("Президент Республики
 * Таджикистан"), in its genitive: a place after a preposition is where
 * the title's holder serves ("представитель президента в Баткенской
 * области"), no country. */
static const gaz_entity *title_country(const scan *s)
{
    /* Prepositions, in match form. */
    static const char prepositions[] = " v vo na po pri s so iz dlya k ko u ot do ";
    for (size_t i = 0; i + 1 < s->n; i++) {
        bool title = false;
        for (size_t k = 0; k < sizeof tab.title / sizeof *tab.title && !title; k++)
            title = !strcmp(s->forms[i], tab.title[k]);
        for (size_t j = i + 1; title && j <= i + TITLE_REACH && j < s->n && is_joined(s, j - 1)
                               && !wordlist_has(prepositions, s->forms[j], strlen(s->forms[j]));
             j++) {
            const gaz_entity *e;
            if (owner_at(s, j, &e) > 0 && e->type == ENT_PLACE)
                return e;
            if (is_cap(s, j))
                break;
        }
    }
    return NULL;
}

/* The country of the document's dateline, or NULL: the first place that
 * begins a line below the headline ("ЕРЕВАН, 6 октября. АРМЕНПРЕСС."), or
 * the text when a date follows it ("БРЕСТ, 25 ноября (БелТА) –", a story
 * without its headline), read as the country its gazetteer context names
 * first (a city's). */
static const gaz_entity *dateline_country(const scan *s)
{
    for (size_t i = 0; s->text && i < s->n; i++) {
        size_t from = i ? s->toks[i - 1].end : 0;
        if (i && (s->toks[i].start <= from || !memchr(s->text + from, '\n', s->toks[i].start - from)))
            continue;
        const gaz_entity *e;
        size_t n = owner_at(s, i, &e);
        if (!i && (!n || i + n >= s->n || s->toks[i + n].start > s->toks[i + n - 1].end + 2
                   || !isdigit((unsigned char)s->text[s->toks[i + n].start])))
            continue;
        if (n > 0 && e->type == ENT_PLACE)
            return e->ncontext ? gaz_find(s->g, ENT_PLACE, e->context[0]) : NULL;
    }
    return NULL;
}

/* The first country the document names as an acronym's owner ("ФСБ
 * России", "СК России"), or NULL: a regional story's country. */
static const gaz_entity *acronym_owner_country(const scan *s)
{
    for (size_t i = 1; s->text && i < s->n; i++) {
        const gaz_entity *e;
        if (is_joined(s, i - 1) && names_caps(s->text, s->toks[i - 1].start, s->toks[i - 1].end) >= 2
            && owner_at(s, i, &e) > 0 && e->type == ENT_PLACE && country_like(s->g, e))
            return e;
    }
    return NULL;
}

/* Whether hit h's key is the body's name `prefix` followed by its owner's key. */
static bool same_body(const ruorg_hit *h, const char *prefix)
{
    size_t len = strlen(prefix);
    return !strncmp(h->key, prefix, len) && h->key[len] == ' ' && !strcmp(h->key + len + 1, h->of->key);
}

/* Byte tests of the words around a name, from the text. */
static bool joined_by_space(const char *text, const names_tok *t, size_t i, size_t n)
{
    /* A hyphen before the lower-case part of a compound joins as a space
     * does ("жилищно-коммунального", "Воздушно-десантных"). */
    return i + 1 < n && t[i + 1].start == t[i].end + 1
           && (text[t[i].end] == ' '
               || (text[t[i].end] == '-' && names_case(text, t[i + 1].start, t[i + 1].end) < 0));
}

/* Token i goes on with a hyphen ("жилищно-коммунального"). */
static bool hyphen_at(const char *text, const names_tok *t, size_t i, size_t n)
{
    return i + 1 < n && t[i + 1].start == t[i].end + 1 && text[t[i].end] == '-';
}

/* A lower-case word that may stand inside a body's name: no verb (by its
 * ending), no people by their role, no adverb and no preposition but "по",
 * "при" and the conjunction "и". The first part of a compound ("жилищно-"
 * of "жилищно-коммунального") ends as an adverb does: `compound` says it
 * is one. */
static bool inner_like(const char *w, bool compound)
{
    static const char *const keep[] = { "и", "по", "при" };
    static const char *const stop[] = { "для", "что", "как", "под", "над", "без", "про", "это",
                                        "его", "ее", "её", "их", "уже", "еще", "ещё", "после",
                                        "перед", "через", "около", "между", "против", "или",
                                        "но", "не" };
    size_t len = strlen(w), letters = 0;
    for (size_t i = 0; i < len; i++)
        letters += ((unsigned char)w[i] & 0xC0) != 0x80;
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
        if (!strcmp(w, keep[i]))
            return true;
    if (letters <= 2 || script_word(w, len, NULL) != SCRIPT_CYRILLIC)
        return false;
    for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
        if (!strcmp(w, stop[i]))
            return false;
    return letters < 5
           || (!rustem_verb_like(w, len) && !rustem_person_role(w, len)
               && (compound || !rustem_adverb_like(w, len)));
}

/* What a lower-case word is to a body's name (inner_like): INNER, with
 * INNER_ON when it would carry the name on ("и", "по", "при", a genitive),
 * or 0. */
static unsigned char inner_word(const char *w, bool compound)
{
    static const char on_ends[] = " а я ы и ов ев ей ий ых их ого его ой ";
    if (!inner_like(w, compound))
        return 0;
    size_t len = strlen(w);
    if (!strcmp(w, "и") || !strcmp(w, "по") || !strcmp(w, "при"))
        return INNER | INNER_ON;
    if (wordlist_ends(on_ends, w, len, 0))
        return INNER | INNER_ON;
    return INNER;
}

/* A body found, with its table entry while it waits for its owner. */
typedef struct found {
    ruorg_hit h;
    const body *bd;
} found;

/* The name of body f found without its owner, in match form: its table
 * entry's full name, or the words the text wrote (a ministry's); NULL on no
 * memory. */
static char *bare_name(const scan *s, const found *f)
{
    const char *const *w = f->bd ? (const char *const *)f->bd->full.v : s->forms + f->h.first;
    size_t nw = f->bd ? f->bd->full.n : f->h.owner - f->h.first, len = 1;
    for (size_t k = 0; k < nw; k++)
        len += strlen(w[k]) + 1;
    char *name = malloc(len);
    if (!name)
        return NULL;
    name[0] = '\0';
    for (size_t k = 0; k < nw; k++) {
        if (filler(w[k]))
            continue;
        if (name[0])
            strcat(name, " ");
        strcat(name, w[k]);
    }
    return name;
}

/* The republic "республики" after a body at token i stands for: the last
 * place named before it that is one (a name of it begins "Республика"): a
 * Russian republic in a story from Ufa ("Министерство здравоохранения
 * республики" is Bashkortostan's), the country in one from Astana; NULL
 * when none. */
static const gaz_entity *republic_before(const scan *s, size_t i)
{
    static const char word[] = "Республика ";
    for (size_t k = i; k-- > 0 && i - k <= REPUBLIC_REACH;) {
        const gaz_entity *e;
        if (!is_cap(s, k) || owner_at(s, k, &e) == 0 || e->type != ENT_PLACE)
            continue;
        for (size_t a = 0; a < e->naliases; a++)
            if (!strncmp(e->aliases[a], word, strlen(word)))
                return e;
    }
    return NULL;
}

/* The region a body at token i written alone belongs to when an adjective
 * before it says it is a region's ("региональное Министерство
 * строительства", "областного управления"): the last such region named;
 * else NULL. */
static const gaz_entity *regional_before(const scan *s, size_t i)
{
    static const struct { const char *stem, *kind; } adjectives[] = {
        { "региональн", NULL }, { "областн", " область" }, { "краев", " край" },
    };
    if (i == 0 || !is_joined(s, i - 1) || is_cap(s, i - 1) || !s->toks[i - 1].norm)
        return NULL;
    for (size_t a = 0; a < sizeof adjectives / sizeof *adjectives; a++)
        if (!strncmp(s->toks[i - 1].norm, adjectives[a].stem, strlen(adjectives[a].stem)))
            return region_before(s, i, adjectives[a].kind);
    return NULL;
}

/* Bodies written alone take the region an adjective before them says
 * they are of, else the owner of another of the same name in the
 * document, else the document's country: its dateline's, one a title
 * names, another body's owner, an acronym's ("ФСБ России"). Returns how
 * many of v[0..nv) keep an owner (moved to its front, the others' keys
 * NULL), or -1 on no memory (v then as it was, but for the keys given). */
static long own_bare(const scan *s, found *v, size_t nv)
{
    const gaz_entity *country = NULL;
    bool looked = false;
    for (size_t i = 0; i < nv; i++) {
        if (v[i].h.key)
            continue;
        char *name = bare_name(s, &v[i]);
        if (!name)
            return -1;
        const gaz_entity *of = NULL;
        /* "республики" after it: the republic last named. */
        size_t o = v[i].h.owner;
        if (o < v[i].h.first + v[i].h.n && !strcmp(s->forms[o], tab.country[0]))
            of = republic_before(s, v[i].h.first);
        if (!of)
            of = regional_before(s, v[i].h.first);
        for (size_t j = 0; j < nv && !of; j++)
            if (v[j].h.key && v[j].h.of && same_body(&v[j].h, name))
                of = v[j].h.of;
        if (!of && !looked) {
            country = dateline_country(s);
            if (!country)
                country = title_country(s);
            for (size_t j = 0; j < nv && !country; j++)
                if (v[j].h.key && v[j].h.of && v[j].h.of->type == ENT_PLACE && !v[j].h.region)
                    country = v[j].h.of;
            if (!country)
                country = acronym_owner_country(s);
            looked = true;
        }
        if ((v[i].h.of = of ? of : country)) {
            size_t len = strlen(name) + strlen(v[i].h.of->key) + 2;
            if ((v[i].h.key = malloc(len)))
                snprintf(v[i].h.key, len, "%s %s", name, v[i].h.of->key);
        }
        free(name);
        if (v[i].h.of && !v[i].h.key)
            return -1;
    }
    size_t kept = 0;
    for (size_t i = 0; i < nv; i++)
        if (v[i].h.key) {
            found f = v[i];
            v[i].h.key = NULL;   /* moved: one owner of each key */
            v[kept++] = f;
        }
    return (long)kept;
}

long ruorg_find(const gazetteer *g, const char *text, const names_tok *toks,
                const char *const *forms, size_t n, ruorg_hit **out)
{
    *out = NULL;
    if (pthread_once(&tab_once, tab_make) != 0 || !tab.ok)
        return -1;
    if (!g || !n)
        return 0;
    unsigned char *flags = calloc(n, 4);
    found *v = NULL;
    size_t nv = 0, cap = 0;
    long kept = -1;
    if (!flags)
        return -1;
    scan s = { g, text, toks, forms, n, flags, flags + n, flags + 2 * n, flags + 3 * n, false };
    for (size_t i = 0; i < n; i++) {
        int c = names_case(text, toks[i].start, toks[i].end);
        flags[i] = joined_by_space(text, toks, i, n);
        flags[3 * n + i] = i + 1 < n && toks[i + 1].start == toks[i].end + 2
                           && !memcmp(text + toks[i].end, ", ", 2);
        flags[n + i] = c > 0;
        flags[2 * n + i] = c < 0 ? inner_word(toks[i].norm, hyphen_at(text, toks, i, n)) : 0;
        /* A preposition after what a body does: "по контролю за
         * наркотиками", "по борьбе с коррупцией", "по контролю и борьбе
         * с коррупцией". */
        if (c < 0 && i >= 2 && rustem_po_link(toks[i].norm, i + 1 < n ? toks[i + 1].norm : NULL)
            && toks[i - 2].norm
            && (!strcmp(toks[i - 2].norm, "по") || !strcmp(toks[i - 2].norm, "и"))
            && flags[2 * n + i - 1])
            flags[2 * n + i] = INNER | INNER_ON;
    }
    for (size_t i = 0; i < n; i++) {
        found f;
        /* A unit's body of the table right before "по" ("ГУ МЧС по
         * Приморскому краю", "Главного управления Министерства внутренних
         * дел по Москве"), which read_body would read on into the region:
         * written alone, as any other. */
        size_t len;
        int rc;
        if (nv && v[nv - 1].h.region && v[nv - 1].h.owner == i && (f.bd = table_body_at(&s, i, &len))
            && f.bd->bare && i + len < n && !strcmp(forms[i + len], tab.po)) {
            f.h = (ruorg_hit){ i, len, i + len, NULL, NULL, NULL, NULL };
            rc = 1;
        } else {
            rc = read_body(&s, i, &f.h, &f.bd);
        }
        if (rc == 0)
            continue;
        found *p = rc < 0 ? NULL : grow_to(v, &cap, nv + 1, sizeof *p, 8);
        if (!p) {
            free(f.h.key);
            goto out;
        }
        v = p;
        v[nv++] = f;
        /* Read on at its owner, a body itself when this is one's unit. */
        i = (f.h.owner > f.h.first && f.h.owner < f.h.first + f.h.n ? f.h.owner : f.h.first + f.h.n) - 1;
    }
    kept = own_bare(&s, v, nv);
    if (kept > 0 && (*out = malloc((size_t)kept * sizeof **out)))
        for (long i = 0; i < kept; i++)
            (*out)[i] = v[i].h;
    else if (kept > 0)
        kept = -1;
out:
    if (kept <= 0)
        for (size_t i = 0; i < nv; i++)
            free(v[i].h.key);
    free(v);
    free(flags);
    return kept;
}

const gaz_entity *ruorg_country(const gazetteer *g, const char *text, const names_tok *toks,
                                const char *const *forms, size_t n)
{
    if (!g || !n || pthread_once(&tab_once, tab_make) != 0 || !tab.ok)
        return NULL;
    unsigned char *flags = calloc(n, 2);
    if (!flags)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        flags[i] = joined_by_space(text, toks, i, n);
        flags[n + i] = names_case(text, toks[i].start, toks[i].end) > 0;
    }
    scan s = { g, text, toks, forms, n, flags, flags + n, NULL, NULL, false };
    const gaz_entity *c = dateline_country(&s);
    if (!c)
        c = title_country(&s);
    if (!c)
        c = acronym_owner_country(&s);
    free(flags);
    return c;
}

void ruorg_free(ruorg_hit *h, long n)
{
    for (long i = 0; h && i < n; i++)
        free(h[i].key);
    free(h);
}

char *ruorg_key(const gazetteer *g, const char *form)
{
    if (!g || pthread_once(&tab_once, tab_make) != 0 || !tab.ok)
        return NULL;
    words w;
    char *key = NULL;
    if (split_plain(form, &w) && w.n) {
        scan s = { g, NULL, NULL, (const char *const *)w.v, w.n, NULL, NULL, NULL, NULL, true };
        ruorg_hit h;
        const body *bd;
        if (read_body(&s, 0, &h, &bd) > 0 && h.key) {
            if (h.n == w.n)
                key = h.key;
            else
                free(h.key);
        }
    }
    for (size_t i = 0; i < w.n; i++)
        free(w.v[i]);
    free(w.v);
    return key;
}
