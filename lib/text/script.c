/* Script classification by code point ranges (the blocks seekd meets in the
 * region's news) and the Latin/Cyrillic homoglyph pairs of lower-case
 * letters, the only case a normalized token has. */
#include "text/script.h"

#include <utf8proc.h>

text_script script_of(int32_t cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
        return SCRIPT_LATIN;
    if (cp < 0x80)
        return SCRIPT_NONE;
    /* Latin-1 letters, Latin Extended A/B, IPA, Latin Extended Additional. */
    if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF))
        return SCRIPT_LATIN;
    if ((cp >= 0x400 && cp <= 0x52F) || (cp >= 0x1C80 && cp <= 0x1C8F)
        || (cp >= 0x2DE0 && cp <= 0x2DFF) || (cp >= 0xA640 && cp <= 0xA69F))
        return SCRIPT_CYRILLIC;
    if ((cp >= 0x531 && cp <= 0x58A) || (cp >= 0xFB13 && cp <= 0xFB17))
        return SCRIPT_ARMENIAN;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return SCRIPT_OTHER;
    default:
        return SCRIPT_NONE;
    }
}

/* Lower-case pairs that print alike in common fonts. Letters that only look
 * alike in upper case (Cyrillic 'в' and 'B', 'н' and 'H', 'т' and 'T', 'м'
 * and 'M', 'к' and 'K') are paired too: a token is case-folded before it is
 * read, and a homoglyph typed in an upper-case word is folded with it. */
static const struct { int32_t lat, cyr; } pairs[] = {
    { 'a', 0x430 }, { 'b', 0x432 }, { 'c', 0x441 }, { 'e', 0x435 }, { 'h', 0x43D },
    { 'i', 0x456 }, { 'j', 0x458 }, { 'k', 0x43A }, { 'm', 0x43C }, { 'o', 0x43E },
    { 'p', 0x440 }, { 's', 0x455 }, { 't', 0x442 }, { 'x', 0x445 }, { 'y', 0x443 },
};

int32_t script_homoglyph(int32_t cp, text_script to)
{
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        if (to == SCRIPT_CYRILLIC && pairs[i].lat == cp)
            return pairs[i].cyr;
        if (to == SCRIPT_LATIN && pairs[i].cyr == cp)
            return pairs[i].lat;
    }
    return 0;
}

/* The Russian alphabet, lower case (ё included: it is read as е, but a word
 * that keeps it is still Russian). */
static int russian_letter(int32_t cp)
{
    return (cp >= 0x430 && cp <= 0x44F) || cp == 0x451;
}

text_script script_word(const char *s, size_t len, int *russian)
{
    size_t count[SCRIPT_OTHER + 1] = { 0 };
    text_script first = SCRIPT_NONE;
    int ru = 1;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            i++;
            continue;
        }
        i += (size_t)n;
        text_script sc = script_of(cp);
        if (sc == SCRIPT_NONE)
            continue;
        if (first == SCRIPT_NONE)
            first = sc;
        count[sc]++;
        if (sc == SCRIPT_CYRILLIC && !russian_letter(utf8proc_tolower(cp)))
            ru = 0;
    }
    text_script best = first;
    for (int sc = SCRIPT_LATIN; sc <= SCRIPT_OTHER; sc++)
        if (count[sc] > count[best])
            best = (text_script)sc;
    if (russian)
        *russian = ru;
    return best;
}
