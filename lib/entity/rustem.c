/* Russian name endings, longest first. Endings that follow -е- ("Сергея",
 * "Кореи", "Ассамблеей") or -а- ("Китая", "Николаю") take it with them, so
 * that the nominative's "-ей", "-ея" or "-ай" and every other case meet at
 * the same stem ("серг", "кор", "кит"). */
#include "entity/rustem.h"
#include "entity/wordlist.h"

#include <stdio.h>
#include <string.h>

#include "text/script.h"

static const char *const endings[] = {
    /* three letters */
    "ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями", "ией", "ием", "еей", "еем",
    "ьей", "ьем", "аем",
    /* two */
    "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ую", "юю", "ом", "ем", "им", "ым",
    "их", "ых", "ые", "ие", "ии", "ия", "ию", "ье", "ья", "ью", "ьи", "ам", "ям", "ах",
    "ях", "ея", "ею", "еи", "ай", "ае", "аю",
    /* one */
    "а", "я", "у", "ю", "е", "и", "ы", "ь", "й", "о",
};

/* Endings a name in the nominative may have: a gazetteer name is written in
 * it, so an ending of another case is part of its stem ("Иерусалим",
 * "Китами", "Черных"). */
static const char nominative[] =
    " ой ей ий ый ая яя ое ее ые ие ия ье ья ея ай а я е и ы ь й о ";

/* Code points in the first `len` bytes of UTF-8 `s`. */
static size_t letters(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* The index in `endings` of the ending rustem_name cuts, or -1. */
static int ending(const char *norm, size_t len)
{
    int russian = 0;
    if (script_word(norm, len, &russian) != SCRIPT_CYRILLIC || !russian)
        return -1;
    for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
        size_t el = strlen(endings[i]);
        if (el < len && memcmp(norm + len - el, endings[i], el) == 0
            && letters(norm, len - el) >= 2)
            return (int)i;
    }
    return -1;
}

/* Plural genitives of the words after a region's adjective, which a list of
 * regions shares ("Приморского и Хабаровского краев"): cut to the stem of
 * their other cases, unlike the "-ов" of a surname (a rare surname so
 * spelled, "Краев", is cut too). */
static const struct {
    const char *word, *stem, *ending;
} region_plurals[] = {
    { "краев", "кр", "аев" }, { "районов", "район", "ов" }, { "округов", "округ", "ов" },
    { "улусов", "улус", "ов" },
};

size_t rustem_name(const char *norm, size_t len)
{
    for (size_t i = 0; i < sizeof region_plurals / sizeof *region_plurals; i++)
        if (strlen(region_plurals[i].word) == len && !memcmp(norm, region_plurals[i].word, len))
            return strlen(region_plurals[i].stem);
    int e = ending(norm, len);
    return e < 0 ? len : len - strlen(endings[e]);
}

bool rustem_short(const char *norm, size_t len)
{
    size_t stem = rustem_name(norm, len);
    return stem < len && letters(norm, stem) < 3;
}

bool rustem_oblique(const char *norm, size_t len)
{
    int e = ending(norm, len);
    if (e < 0)
        return false;
    return !wordlist_has_word(nominative, endings[e]);
}

/* The endings of a name's cases, by the ending of its nominative: nouns
 * and adjectives of each kind, generously (a name's plural, a surname's
 * other gender); "" when the case has none ("из Филиппин"). */
static const struct {
    const char *nominative, *cases;
} declensions[] = {
    /* A hard consonant ("Минск", "Путин"), a surname's feminine too; no
     * adjective's endings ("Минского", "Евразии" are no cases of it). */
    { "", "  а у ом ем е ы и ов ам ами ах ым ой ою " },
    { "а", " а ы и е у ой ою ей ам ами ах " },
    { "я", " я и е ю ей ею ям ями ях  " },
    { "ь", " ь я ю ем е и ью ей ям ями ях " },
    { "й", " й я ю ем е и ев " },
    { "о", " о а у ом е " },
    { "е", " е я ю ем " },
    { "и", " и ей ам ами ах ов ям ях  " },
    { "ы", " ы ов ам ами ах ей  " },
    { "у", " у " },
    { "ю", " ю " },
    { "ай", " ай ая аю аем ае аи аев " },
    { "ей", " ей ея ею еем ее еи еев " },
    { "ий", " ий ого его ому ему им ом ем ия ию ием ии ей их ими ие " },
    { "ый", " ый ого ому ым ом ые ых ыми " },
    { "ой", " ой ого ому ым им ом ые ие ых их " },
    { "ая", " ая ой ую ою ей ые ых ае аю " },   /* an adjective, or a noun: "Селая", "в Селае" */
    { "яя", " яя ей юю ею " },
    { "ое", " ое ого ому ым ом ые ых " },
    { "ее", " ее его ему им ем " },
    { "ые", " ые ых ым ыми " },
    { "ие", " ие их им ими ия ию ием ии " },
    { "ия", " ия ии ию ией иею и " },   /* and Georgian "-и" unchanged: "в Имерети" */
    { "ье", " ье ья ью ьем ьи " },
    { "ья", " ья ьи ью ьей ье ий " },
    { "ея", " ея еи ею еей ее " },
};

/* The ending rustem_name cuts from `norm`: "" when none. */
static const char *cut_ending(const char *norm, size_t len)
{
    for (size_t i = 0; i < sizeof region_plurals / sizeof *region_plurals; i++)
        if (strlen(region_plurals[i].word) == len && !memcmp(norm, region_plurals[i].word, len))
            return region_plurals[i].ending;
    int e = ending(norm, len);
    return e < 0 ? "" : endings[e];
}

/* The bytes of the UTF-8 character that starts with byte `lead`. */
static size_t utf8_lead_len(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

bool rustem_declines_to(const char *name, size_t nlen, const char *word, size_t wlen)
{
    const char *nom = cut_ending(name, nlen), *end = cut_ending(word, wlen);
    for (size_t i = 0; i < sizeof declensions / sizeof *declensions; i++)
        if (!strcmp(nom, declensions[i].nominative)) {
            /* " " + the ending + " " in the list; "" is two spaces. */
            char key[16];
            snprintf(key, sizeof key, " %s ", end);
            return strstr(declensions[i].cases, key) != NULL;
        }
    /* An ending no nominative has is part of the name's stem ("Илам",
     * "Планом"): a case of it is the whole name and a hard consonant's
     * ending ("Иламе"), so "Илья" and "План" are none. The name's first
     * letter, capitalized, is left out of the comparison. */
    size_t skip = utf8_lead_len((unsigned char)*name), wskip = utf8_lead_len((unsigned char)*word);
    if (nlen < skip || wlen < wskip || wlen - wskip < nlen - skip
        || memcmp(name + skip, word + wskip, nlen - skip))
        return false;
    char key[16];
    snprintf(key, sizeof key, " %.*s ", (int)(wlen - wskip - (nlen - skip)),
             word + wskip + (nlen - skip));
    return strlen(key) < sizeof key - 1 && strstr(declensions[0].cases, key) != NULL;
}

bool rustem_verb_like(const char *norm, size_t len)
{
    static const char *const ends[] = { "ил", "ал", "ял", "ел", "ыл", "ул", "ла", "ло", "ли",
                                        "ет", "ит", "ут", "ют", "ят", "ть", "ся", "сь" };
    static const char labials[] = "вмбп";
    /* Nouns in "-сли", where past plurals are many ("несли", "росли"). */
    static const char nouns[] = " отрасли мысли бизнес ";
    if (wordlist_has(nouns, norm, len))
        return false;
    /* The past of "нести", "везти" and "мочь": "вынес", "привез", "помог". */
    if (wordlist_ends(" нес вез мог ", norm, len, 2))
        return true;
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t el = strlen(ends[i]);
        if (len < el || memcmp(norm + len - el, ends[i], el))
            continue;
        /* A past plural's "-ли" follows a vowel or "ш", "г", "с", "з"
         * ("заявили", "вышли", "смогли", "несли"); after a labial it is a
         * noun's ("торговли", "земли", "капли"). */
        if (!strcmp(ends[i], "ли") && len >= el + 2
            && strstr(labials, (char[3]){ norm[len - el - 2], norm[len - el - 1], 0 }))
            return false;
        return true;
    }
    return false;
}

bool rustem_po_phrase(const char *norm, size_t len)
{
    static const char words[] =
        " данным словам мнению оценкам сведениям информации сообщению итогам итогу результатам"
        " прогнозу ходатайству решению поручению указанию распоряжению приговору обвинению"
        " подозрению факту делу иску заявлению запросу требованию просьбе инициативе"
        " приглашению предложению согласованию линии причине случаю поводу мере окончании"
        " завершении прибытии возвращении истечении плану графику месту адресу пути сути"
        " состоянию сравнению отношению прежнему возможности всей всему всем меньшей крайней"
        " собственному традиции примеру образцу аналогии назначению ";
    return wordlist_has(words, norm, len);
}

bool rustem_po_link(const char *norm, const char *next)
{
    if (!strcmp(norm, "с") || !strcmp(norm, "за") || !strcmp(norm, "над"))
        return true;
    return !strcmp(norm, "в") && next && (!strcmp(next, "сфере") || !strcmp(next, "области"));
}

const char rustem_eponym_titles[] =
    " академика профессора генерала маршала адмирала писателя поэта композитора космонавта"
    " летчика-космонавта святого святителя ";

bool rustem_eponym_title(const char *norm, size_t len)
{
    return wordlist_has(rustem_eponym_titles, norm, len);
}

bool rustem_person_role(const char *norm, size_t len)
{
    static const char stems[] =
        " заместител председател руководител представител сотрудник специалист эксперт советник"
        " помощник прокурор следовател пограничник таможенник спасател депутат сенатор адвокат"
        " журналист начальник директор спикер пресс-секретар жител участник студент школьник"
        " работник волонтер врач пассажир ";
    /* Not the genitive plural, which names a body's members ("Союз
     * журналистов", "Совет депутатов"). */
    static const char ends[] = " а у ом ы и ам ами ах е я ю ем ь ";
    static const char whole[] = " министр министра министру министром глава замминистра ученые"
                                " военные пострадавшие задержанные погибшие раненые осужденные"
                                " подозреваемые обвиняемые отдыхающие ";
    if (wordlist_has(whole, norm, len))
        return true;
    /* A listed stem, then nothing or a listed ending: the stem ends at
     * the word's end or before a character's first byte. */
    for (size_t k = len; k > 0; k--)
        if ((k == len || (norm[k] & 0xC0) != 0x80) && wordlist_has(stems, norm, k)
            && (k == len || wordlist_has(ends, norm + k, len - k)))
            return true;
    return false;
}

bool rustem_adjective_only(const char *norm, size_t len)
{
    static const char ends[] = " ых их ого его ому ему ую ая ое ые ие ый ий ";
    return wordlist_ends(ends, norm, len, 3);
}

/* Russia's (ООО, ПАО, ФГУП, ГКУ of a state, ОГКУ of a region, МБУ of a
 * town), Kazakhstan's (ТОО, ГКП, КГП, РГП), Kyrgyzstan's (ОсОО),
 * Uzbekistan's (МЧЖ), Belarus's (ОДО, СООО, ИООО), Tajikistan's (ОАХК);
 * and kinds written the same way (ИА «Банкфакс», ФГ «Финам»). */
const char rustem_legal_forms[] =
    " ооо оао зао пао ао нао тоо гуп муп руп чуп уп фгуп ано нко нк нак гк гпо нпо хк акб спк"
    " ппк гау гку мку фбу фгбу гбу мбу мау огку огбу огау гкп кгп ргп кгу осоо жшс мчж одо сооо"
    " иооо оахк иа фг ";

bool rustem_legal_form(const char *norm, size_t len)
{
    return wordlist_has(rustem_legal_forms, norm, len);
}

bool rustem_settlement_kind(const char *norm, size_t len)
{
    static const char kinds[] =
        " г пгт город города городе городу городом село села селе селу селом поселок поселка"
        " поселке поселку поселком аул аула ауле аулу аулом кишлак кишлака кишлаке кишлаку"
        " кишлаком станица станицы станице станицу станицей деревня деревни деревне деревню"
        " деревней хутор хутора хуторе хутору хутором наукоград наукограда наукограде наукограду"
        " наукоградом агрогородок агрогородка агрогородке агрогородку агрогородком аил аила"
        " аиле аилу аилом ";
    return wordlist_has(kinds, norm, len);
}

bool rustem_adverb_like(const char *norm, size_t len)
{
    static const char adverbs[] = " вчера сегодня завтра ранее позже позднее накануне также тоже"
                                  " теперь сейчас впервые вновь снова лишь только именно ";
    return wordlist_has(adverbs, norm, len) || (len >= 12 && !memcmp(norm + len - 4, "но", 4));
}

bool rustem_patronymic(const char *norm, size_t len)
{
    return wordlist_ends(" вич ьич вн ичн ", norm, rustem_name(norm, len), 1);
}

bool rustem_surname_shaped(const char *norm, size_t len)
{
    static const char *const ends[] = { "ов", "ев", "ин", "ын", "ян", "енк", "ук", "юк", "ич",
                                        "дз", "швил", "зод", "зад", "овн", "евн", "ичн",
                                        "ск", "цк" };
    static const char adjective_ends[] = " ий ого ому им ая ой ую ";
    size_t stem = rustem_name(norm, len);
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t el = strlen(ends[k]);
        if (stem > el + 2 && !memcmp(norm + stem - el, ends[k], el))
            return (strcmp(ends[k], "ск") && strcmp(ends[k], "цк"))
                   || wordlist_has(adjective_ends, norm + stem, len - stem);
    }
    return false;
}

bool rustem_same_last_letter(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), k = la;
    while (k > 0 && ((unsigned char)a[k - 1] & 0xC0) == 0x80)
        k--;
    k = k ? k - 1 : 0;   /* the last letter's first byte */
    return la - k <= lb && !memcmp(a + k, b + lb - (la - k), la - k);
}
