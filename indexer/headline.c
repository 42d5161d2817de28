/* Headlines from plain texts (headline.h). */
#include "headline.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TITLE_MAX_BYTES 300   /* a headline of long words still stays short */

static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Characters (not bytes) in s[0, n). */
static size_t chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static bool has_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0xC3)
            return true;
    return false;
}

/* Whether the line s[0, n) starts with `word` (ASCII, any case) as a whole
 * word; UTF-8 words are compared as they are. */
static bool starts_with_word(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    if (n < w || strncasecmp(s, word, w) != 0)
        return false;
    return n == w || !(isalnum((unsigned char)s[w]) || (unsigned char)s[w] >= 0x80);
}

static size_t words_in(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += !space(s[i]) && (i == 0 || space(s[i - 1]));
    return w;
}

/* A masthead, credit or byline: what a page's top holds above its headline.
 * Judged by its first word, the way people read them. */
static bool masthead(const char *s, size_t n)
{
    static const char *const first[] = {
        "founder", "editor", "editor-in-chief", "publisher", "copyright", "\xC2\xA9",
        "posted", "published", "updated", "photo", "advertisement", "subscribe", "menu",
        "учредитель", "Учредитель", "редактор", "Редактор", "главный", "Главный",
        "опубликовано", "Опубликовано", "обновлено", "Обновлено", "фото", "Фото",
        "реклама", "Реклама",
    };
    for (size_t i = 0; i < sizeof first / sizeof *first; i++)
        if (starts_with_word(s, n, first[i]))
            return true;
    if (memmem(s, n, "ll rights reserved", 18))
        return true;
    /* "By Jane Doe", "By Jane Doe and John Roe": a byline, not "By 2030 ...". */
    return starts_with_word(s, n, "by") && n > 3 && isupper((unsigned char)s[3])
           && words_in(s, n) <= 7;
}

/* The end of the first sentence of s[0, n), or 0: a '.', '!' or '?'
 * followed by a space and a capital letter (or a quote), after at least
 * three words and not after an initial or a short abbreviation ("U.S.",
 * "Mr."). */
static size_t first_sentence(const char *s, size_t n)
{
    for (size_t i = 1; i + 2 < n; i++) {
        if ((s[i] != '.' && s[i] != '!' && s[i] != '?') || s[i + 1] != ' ')
            continue;
        unsigned char next = (unsigned char)s[i + 2];
        if (!(isupper(next) || next >= 0xC3 || next == '"' || next == 0xE2))
            continue;
        size_t w = i;
        while (w > 0 && !space(s[w - 1]))
            w--;
        if (s[i] == '.' && i - w <= 3)
            continue;   /* "U.S.", "Mr.", "W." */
        if (words_in(s, i + 1) >= 3)
            return i + 1;
    }
    return 0;
}

/* The line cut to at most `most` characters at a word boundary (its
 * trailing punctuation dropped); *cut says whether it was cut. */
static size_t fit(const char *s, size_t n, size_t most, bool *cut)
{
    *cut = false;
    if (chars(s, n) <= most && n <= TITLE_MAX_BYTES)
        return n;
    *cut = true;
    size_t end = 0, c = 0;
    for (size_t i = 0; i < n && c < most && i < TITLE_MAX_BYTES; i++) {
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
        if (space(s[i]))
            end = i;
    }
    if (end == 0) {   /* one long word: cut between characters */
        end = n < TITLE_MAX_BYTES ? n : TITLE_MAX_BYTES;
        for (size_t i = 0, k = 0; i < end; i++)
            if (((unsigned char)s[i] & 0xC0) != 0x80 && k++ == most) {
                end = i;
                break;
            }
        while (end > 0 && ((unsigned char)s[end] & 0xC0) == 0x80)
            end--;
    }
    while (end > 0 && (space(s[end - 1]) || strchr(",;:-(", s[end - 1])))
        end--;
    return end;
}

char *headline_of(const char *text, size_t len)
{
    const char *line = NULL, *first = NULL;
    size_t n = 0, first_n = 0;
    for (size_t i = 0, seen = 0; i < len && seen < HEADLINE_LINES;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len, a = i, z = end;
        while (a < z && space(text[a]))
            a++;
        while (z > a && space(text[z - 1]))
            z--;
        i = end + 1;
        if (z == a)
            continue;
        seen++;
        if (!first) {
            first = text + a;
            first_n = z - a;
        }
        if (has_letter(text + a, z - a) && !masthead(text + a, z - a)) {
            line = text + a;
            n = z - a;
            break;
        }
    }
    if (!line) {
        line = first;
        n = first_n;
    }
    if (!line)
        return strdup("");
    bool cut = false;
    if (chars(line, n) > HEADLINE_MAX) {
        size_t s = first_sentence(line, n);
        if (s && chars(line, s) <= HEADLINE_MAX)
            n = s;
        else
            n = fit(line, n, HEADLINE_MAX - 1, &cut);
    } else {
        n = fit(line, n, HEADLINE_MAX, &cut);
    }
    char *out = malloc(n + 4);
    if (!out)
        return NULL;
    memcpy(out, line, n);
    if (cut)
        memcpy(out + n, "\xE2\x80\xA6", 3);
    out[n + (cut ? 3 : 0)] = '\0';
    return out;
}
