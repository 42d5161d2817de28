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
    const char *word, *stem;
} region_plurals[] = {
    { "краев", "кр" }, { "районов", "район" }, { "округов", "округ" }, { "улусов", "улус" },
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

bool rustem_verb_like(const char *norm, size_t len)
{
    static const char *const ends[] = { "ил", "ал", "ял", "ел", "ыл", "ул", "ла", "ло", "ли",
                                        "ет", "ит", "ут", "ют", "ят", "ть", "ся", "сь" };
    static const char labials[] = "вмбп";
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
