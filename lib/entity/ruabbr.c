/* Acronyms in Russian text (ruabbr.h). */
#include "entity/ruabbr.h"
#include "entity/rustem.h"
#include "entity/wordlist.h"

#include <string.h>

#include "text/script.h"

enum { MIN_LETTERS = 2, MAX_LETTERS = 6 };

/* Abbreviations of common nouns, lower case: no one's name (nor are legal
 * forms, rustem_legal_forms).
 * Facilities ("ГЭС", "АЭС", "МКС"), measures ("ВВП", "НДС"), kinds of
 * institution ("вуз", "НИИ", "НКО"), arms ("ПВО", "БПЛА"), events
 * ("ЧМ", "ЕГЭ"), laws, codes and registers ("ФЗ", "УК", "ИНН") and the
 * like. */
static const char common[] =
    " гэс аэс тэс тэц грэс лэп мкс нпз гок азс тц трц цод кпп впк тэк апк жкх жку жд"
    " ввп внп ндс ндфл мрот сми дтп чс чп вич спид орви днк пцр кт мрт экг ии ит тв пк"
    " вуз вузы нии опг сизо пмж ип мсп сэз оэз пво про бпла зрк рсзо вс мо чм ои егэ огэ"
    " фз ук жк коап упк нпа инн снилс егрюл омс дмс снт дк пту спо гто рнк орз"
    " нп фк бк пфк мфк"
    " it tv gps usb lng led sms pcr dna hiv aids gdp vat ceo cfo pr ok vip ipo etf ict ai id"
    " pdf www faq usd eur rub kzt uzs gmt utc ";

/* Letters of a Roman numeral only ("II", "XXI"). */
static bool roman(const char *w)
{
    return *w && strspn(w, "ivxlcdm") == strlen(w);
}

/* Code points in the `len` bytes of UTF-8 `s`. */
static size_t letters(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* The bytes between tokens a and b (a < b) hold no line break. */
static bool same_line(const char *text, const names_tok *toks, size_t a, size_t b)
{
    return toks[b].start >= toks[a].end
           && !memchr(text + toks[a].end, '\n', toks[b].start - toks[a].end);
}

/* What neighbour j says: 1 a lower-case Cyrillic word, -1 a word in
 * capitals, 0 anything else. */
static int neighbour(const char *text, const names_tok *toks, size_t j)
{
    int caps = names_caps(text, toks[j].start, toks[j].end);
    if (caps >= MIN_LETTERS)
        return -1;
    return caps < 0 && names_case(text, toks[j].start, toks[j].end) < 0
           && script_word(toks[j].norm, strlen(toks[j].norm), NULL) == SCRIPT_CYRILLIC;
}

bool ruabbr_org(const char *text, const names_tok *toks, size_t n, size_t i)
{
    const char *w = toks[i].norm;
    size_t len = strlen(w), nl = letters(w, len);
    int caps = names_caps(text, toks[i].start, toks[i].end);
    if (caps < MIN_LETTERS || (size_t)caps != nl || nl > MAX_LETTERS || wordlist_has_word(common, w)
        || rustem_legal_form(w, len) || roman(w))
        return false;
    text_script sc = script_word(w, len, NULL);
    if (sc != SCRIPT_CYRILLIC && sc != SCRIPT_LATIN)
        return false;
    /* Joined by a hyphen: "ГЭС-1", "IT-парк". */
    if ((i + 1 < n && toks[i + 1].start == toks[i].end + 1 && text[toks[i].end] == '-')
        || (i > 0 && toks[i].start == toks[i - 1].end + 1 && text[toks[i - 1].end] == '-'))
        return false;
    int left = i > 0 && same_line(text, toks, i - 1, i) ? neighbour(text, toks, i - 1) : 0;
    int right = i + 1 < n && same_line(text, toks, i, i + 1) ? neighbour(text, toks, i + 1) : 0;
    return left >= 0 && right >= 0 && (left > 0 || right > 0);
}

/* Words an acronym leaves out. */
static bool joiner(const char *w)
{
    static const char *const words[] = { "и", "по", "при", "в", "на", "для", "с", "о", "об" };
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (!strcmp(w, words[k]))
            return true;
    return false;
}

/* The bytes of the first letter of UTF-8 `s`. */
static size_t first_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

bool ruabbr_spells(const char *acr, const names_tok *toks, size_t first, size_t nw)
{
    const char *a = acr;
    size_t used = 0;
    for (size_t k = first; k < first + nw; k++) {
        const char *w = toks[k].norm;
        if (!*w || joiner(w))
            continue;
        if (script_word(w, strlen(w), NULL) != SCRIPT_CYRILLIC)
            return false;
        size_t fl = first_len(w);
        if (strncmp(a, w, fl))
            return false;
        a += fl;
        used++;
    }
    return used >= MIN_LETTERS && !*a;
}

/* The lower-case form of the Cyrillic or ASCII letter starting `s`, into
 * out (NUL-terminated); false for any other letter. */
static bool lower_first(const char *s, char out[3])
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) {
        out[0] = (char)(p[0] >= 'A' && p[0] <= 'Z' ? p[0] + 32 : p[0]);
        out[1] = '\0';
        return true;
    }
    if (p[0] == 0xD0 && p[1] >= 0x90 && p[1] <= 0x9F)          /* А-П */
        out[0] = (char)0xD0, out[1] = (char)(p[1] + 0x20);
    else if (p[0] == 0xD0 && p[1] >= 0xA0 && p[1] <= 0xAF)     /* Р-Я */
        out[0] = (char)0xD1, out[1] = (char)(p[1] - 0x20);
    else if ((p[0] == 0xD0 && p[1] >= 0xB0) || (p[0] == 0xD1 && p[1] >= 0x80 && p[1] <= 0x8F))
        out[0] = (char)p[0], out[1] = (char)p[1];
    else
        return false;
    out[2] = '\0';
    return true;
}

bool ruabbr_spells_name(const char *acr, const char *name)
{
    const char *a = acr, *p = name;
    size_t used = 0;
    while (*p) {
        size_t sep = strcspn(p, " -");
        if (sep) {
            char w[16], first[3];
            size_t wl = sep < sizeof w ? sep : sizeof w - 1;
            memcpy(w, p, wl);
            w[wl] = '\0';
            if (!joiner(w)) {
                if (!lower_first(p, first) || strncmp(a, first, strlen(first)))
                    return false;
                a += strlen(first);
                used++;
            }
        }
        p += sep;
        p += *p != '\0';
    }
    return used >= MIN_LETTERS && !*a;
}
