/* The score is a sum over the characters of high bytes: a base cost per
 * character (Russian letter frequencies for Cyrillic, rough accent
 * frequencies for Latin, more for symbols, most for box drawing, C1 controls
 * and undefined bytes), plus costs for what wrong readings produce and real
 * text rarely holds: scripts mixed inside a word, runs of accented Latin
 * letters ("Ðàõìîí"), a capital after a small letter ("пРИНЯЛ"), a symbol
 * inside a word. */
#include "text/plausible.h"

#include <math.h>
#include <utf8proc.h>

enum { SCRIPT_NONE, SCRIPT_LATIN, SCRIPT_CYRILLIC, SCRIPT_OTHER };

typedef struct info {
    double cost;
    unsigned char letter, upper, lower, script, high, joins;
} info;

#define JUNK 9.0          /* box drawing, C1 controls, undefined bytes */
#define TYPOGRAPHY 3.5    /* quotes, dashes, №: common in news */
#define SYMBOL 5.5        /* other symbols: rare */
#define RELIC 7.5         /* ¤ ¦ ¨ ´ ¸: in Latin-1 tables, hardly ever in text */
#define OTHER_SCRIPT 6.0  /* letters of scripts not judged here */

/* Russian letter frequencies per 10,000 letters, а..я, then ё. */
static const unsigned short ru_freq[33] = {
    801, 159, 454, 170, 298, 845, 94, 165, 735, 121, 349, 440, 321, 670, 1097, 281,
    473, 547, 626, 262, 26, 97, 48, 144, 73, 36, 4, 190, 174, 32, 64, 201, 20,
};

static double cyrillic_cost(utf8proc_int32_t lower)
{
    if (lower >= 0x430 && lower <= 0x44F)
        return -log(ru_freq[lower - 0x430] / 10000.0);
    if (lower == 0x451)
        return -log(ru_freq[32] / 10000.0);
    /* і ї є ў ґ: Belarusian, Ukrainian, Kazakh; the rest rarer still. */
    if (lower == 0x456 || lower == 0x457 || lower == 0x454 || lower == 0x45E || lower == 0x491)
        return 5.5;
    return 7.5;
}

static double latin_cost(utf8proc_int32_t lower)
{
    switch (lower) {
    case 0xE9: return 2.5;                                          /* é */
    case 0xE4: case 0xF6: case 0xFC: return 3.0;                    /* ä ö ü */
    case 0xE0: case 0xE1: case 0xE7: case 0xE8: case 0xED: case 0xF3: return 3.2;
    case 0xDF: case 0xEA: case 0xF1: case 0xFA: return 3.5;         /* ß ê ñ ú */
    case 0xE2: case 0xE3: case 0xE5: case 0xF8: return 3.8;
    case 0xEB: case 0xEE: case 0xF4: case 0x161: case 0x17E: return 4.0;
    case 0xE6: case 0xEF: case 0xF5: case 0x153: return 4.2;
    case 0xF9: case 0xFB: case 0xFD: return 4.5;
    case 0xEC: case 0xF2: return 4.8;
    default: return 5.5;
    }
}

static int typographic(utf8proc_int32_t c)
{
    static const utf8proc_int32_t set[] = {
        0xA0, 0xAB, 0xBB, 0xA7, 0xB0, 0xB1, 0xA9, 0xAE, 0xB7, 0xD7, 0x201E, 0x201C, 0x201D,
        0x2018, 0x2019, 0x201A, 0x2013, 0x2014, 0x2026, 0x2022, 0x2116, 0x20AC, 0x2122, 0x2030,
    };
    for (size_t i = 0; i < sizeof set / sizeof *set; i++)
        if (set[i] == c)
            return 1;
    return 0;
}

static info info_of(uint32_t cp)
{
    info i = { .cost = JUNK, .high = 1 };
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0x80 && cp < 0xA0) || (cp >= 0x2500 && cp < 0x25A0)
        || cp == 0xFFFD)
        return i;
    utf8proc_int32_t c = (utf8proc_int32_t)cp;
    utf8proc_category_t cat = utf8proc_category(c);
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) {
        i.letter = 1;
        i.upper = cat == UTF8PROC_CATEGORY_LU;
        i.lower = cat == UTF8PROC_CATEGORY_LL;
        utf8proc_int32_t lower = utf8proc_tolower(c);
        if (c >= 0x400 && c < 0x530) {
            i.script = SCRIPT_CYRILLIC;
            /* Capitals cost no more: headlines are set in them, and wrong
             * readings show in their case pattern instead (pair_cost). */
            i.cost = cyrillic_cost(lower);
        } else if (c >= 0xC0 && c < 0x250) {
            i.script = SCRIPT_LATIN;
            i.cost = latin_cost(lower) + (i.upper ? 1.5 : 0);
        } else {
            i.script = SCRIPT_OTHER;
            i.cost = OTHER_SCRIPT;
        }
        return i;
    }
    int relic = c == 0xA4 || c == 0xA6 || c == 0xA8 || c == 0xB4 || c == 0xB8;
    i.cost = typographic(c) ? TYPOGRAPHY : relic ? RELIC : SYMBOL;
    /* An apostrophe or a soft hyphen sits inside words by right. */
    i.joins = c == 0x2019 || c == 0xAD;
    return i;
}

static info ascii_info(unsigned char b)
{
    info i = { 0 };
    if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        i.letter = 1;
        i.upper = b < 'a';
        i.lower = !i.upper;
        i.script = SCRIPT_LATIN;
    }
    return i;
}

/* What two neighbours cost beyond their own costs. */
static double pair_cost(const info *p, const info *c)
{
    if (!p->letter || !c->letter)
        return 0;
    double cost = 0;
    if (p->script != c->script && p->script != SCRIPT_OTHER && c->script != SCRIPT_OTHER)
        cost += 4;
    if (p->script == SCRIPT_LATIN && c->script == SCRIPT_LATIN && p->high && c->high)
        cost += 2;
    if (p->lower && c->upper)
        cost += 3;
    return cost;
}

double plausible_cost(const uint32_t high[128], const unsigned char *s, size_t n)
{
    info hi[128];
    for (int b = 0; b < 128; b++)
        hi[b] = info_of(high[b]);
    double cost = 0;
    info prev = ascii_info(' ');
    for (size_t k = 0; k < n; k++) {
        int h = s[k] >= 0x80;
        info cur = h ? hi[s[k] - 0x80] : ascii_info(s[k]);
        if (h) {
            cost += cur.cost;
            if (!cur.letter && !cur.joins && prev.letter && k + 1 < n) {
                info next = s[k + 1] >= 0x80 ? hi[s[k + 1] - 0x80] : ascii_info(s[k + 1]);
                if (next.letter)
                    cost += 4;
            }
        }
        if (h || prev.high)
            cost += pair_cost(&prev, &cur);
        prev = cur;
    }
    return cost;
}
