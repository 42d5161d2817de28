/* Choosing the spelling shown for a detected entity (spelling.h). */
#include "entity/spelling.h"

#include <stdio.h>
#include <string.h>

#include "xap/prefix.h"

/* Endings, longest first, with what they say of a word: +1 only a
 * nominative ends so, -1 only another case, 0 both. A word's longest
 * listed ending decides; a word ending in a consonant letter not listed
 * is a nominative ("центр", "округ", "Петров"). Three-letter endings are
 * listed where their last two or one would say otherwise ("-ого" is not
 * "-о", "-ами" not "-и"). */
static const struct {
    const char *end;
    int says;
} endings[] = {
    { "ого", -1 }, { "его", -1 }, { "ому", -1 }, { "ему", -1 },
    { "ыми", -1 }, { "ими", -1 }, { "ами", -1 }, { "ями", -1 },
    { "ый", 1 }, { "ий", 1 }, { "ая", 1 }, { "яя", 1 }, { "ое", 1 },
    { "ее", 1 }, { "ые", 1 }, { "ие", 1 }, { "ье", 1 },
    { "ой", 0 }, { "ей", 0 },
    { "ым", -1 }, { "им", -1 }, { "ом", -1 }, { "ем", -1 }, { "ых", -1 },
    { "их", -1 }, { "ам", -1 }, { "ям", -1 }, { "ах", -1 }, { "ях", -1 },
    { "о", 1 }, { "ь", 1 }, { "й", 1 },
    { "е", -1 }, { "у", -1 }, { "ю", -1 },
    { "а", 0 }, { "я", 0 }, { "ы", 0 }, { "и", 0 }, { "э", 0 }, { "ё", 0 }, { "ъ", 0 },
};

/* Lowercase Russian consonants (two bytes each in UTF-8). */
static const char consonants[] = "бвгджзклмнпрстфхцчшщ";

/* A Cyrillic letter (U+0400..U+047F) starts at s: two bytes. */
static int cyrillic(const unsigned char *s, const unsigned char *end)
{
    return end - s >= 2 && (s[0] == 0xD0 || s[0] == 0xD1) && (s[1] & 0xC0) == 0x80;
}

/* What the word of `letters` Cyrillic letters ending at `end` says. */
static int judge(const char *end, size_t letters)
{
    for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
        size_t el = strlen(endings[i].end);
        /* Each ending letter is two bytes: el / 2 letters, two left over. */
        if (letters >= el / 2 + 2 && !memcmp(end - el, endings[i].end, el))
            return endings[i].says;
    }
    if (letters < 3)
        return 0;
    for (const char *c = consonants; *c; c += 2)
        if (!memcmp(end - 2, c, 2))
            return 1;
    return 0;
}

int spelling_nominative(const char *name, size_t len)
{
    const unsigned char *s = (const unsigned char *)name, *end = s + len;
    int score = 0;
    while (s < end) {
        if (!cyrillic(s, end)) {
            s++;
            continue;
        }
        size_t letters = 0;
        while (cyrillic(s, end)) {
            s += 2;
            letters++;
        }
        /* Cyrillic letters followed by Latin ones or digits ("Газпромbank")
         * end no Russian word. */
        if (s < end && ((unsigned)((*s | 0x20) - 'a') < 26 || (unsigned)(*s - '0') < 10))
            continue;
        score += judge((const char *)s, letters);
    }
    return score;
}

int spelling_cmp(const char *a, unsigned long na, const char *b, unsigned long nb)
{
    size_t la = strlen(a), lb = strlen(b);
    int sa = spelling_nominative(a, la), sb = spelling_nominative(b, lb);
    if (sa != sb)
        return sa > sb ? -1 : 1;
    if (na != nb)
        return na > nb ? -1 : 1;
    if (la != lb)
        return la < lb ? -1 : 1;
    int c = memcmp(a, b, la);
    return c < 0 ? -1 : c > 0;
}

size_t spelling_term(const char *entity_term, const char *name, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%s%s\t", PREFIX_SPELLING, entity_term);
    if (n < 0 || (size_t)n >= cap || (size_t)n > SPELLING_TERM_MAX)
        return 0;
    size_t at = (size_t)n;
    for (const char *p = name; *p; p++) {
        int ws = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
        if (ws && (at == (size_t)n || out[at - 1] == ' '))
            continue;   /* leading white space, or a run's second */
        if (at + 1 >= cap || at + 1 > SPELLING_TERM_MAX)
            return 0;
        out[at++] = ws ? ' ' : *p;
    }
    while (at > (size_t)n && out[at - 1] == ' ')
        at--;
    out[at] = '\0';
    return at;
}
