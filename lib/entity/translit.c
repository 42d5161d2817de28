/* Cyrillic-to-Latin transliteration for gazetteer matching: a simplified
 * BGN/PCGN-style table extended with Tajik, Kazakh, Kyrgyz, Belarusian and
 * Ukrainian letters. Leaves out context rules (e.g. initial "е" as "ye"),
 * reversibility and the Cyrillic Extended blocks; see docs/gazetteer.md. */
#include "entity/translit.h"

#include <string.h>

/* Russian alphabet in code-point order, а (U+0430) .. я (U+044F); the
 * uppercase block U+0410..U+042F uses the same table. ъ and ь map to ""
 * because English-language press spellings leave them out ("Игорь" is
 * written "Igor", not "Igor'"). */
static const char *const basic[32] = {
    "a", "b",  "v",  "g",    "d", "e", "zh", "z",  /* а б в г д е ж з */
    "i", "y",  "k",  "l",    "m", "n", "o",  "p",  /* и й к л м н о п */
    "r", "s",  "t",  "u",    "f", "kh", "ts", "ch", /* р с т у ф х ц ч */
    "sh", "shch", "", "y",   "", "e", "yu", "ya",  /* ш щ ъ ы ь э ю я */
};

/* Letters outside the basic block, lowercase and uppercase listed
 * separately because the case pairing differs between sub-blocks.
 * ѐ and ѝ are only е and и with a grave accent; mapping them keeps a text
 * that was not stripped of marks consistent with one that was. */
static const struct {
    unsigned cp;
    const char *lat;
} extra[] = {
    {0x0400, "e"},  {0x0450, "e"},  /* Ѐ ѐ */
    {0x0401, "e"},  {0x0451, "e"},  /* Ё ё */
    {0x0404, "ye"}, {0x0454, "ye"}, /* Є є (Ukrainian) */
    {0x0406, "i"},  {0x0456, "i"},  /* І і (Belarusian, Ukrainian, Kazakh) */
    {0x0407, "yi"}, {0x0457, "yi"}, /* Ї ї (Ukrainian) */
    {0x040D, "i"},  {0x045D, "i"},  /* Ѝ ѝ */
    {0x040E, "u"},  {0x045E, "u"},  /* Ў ў (Belarusian) */
    {0x0490, "g"},  {0x0491, "g"},  /* Ґ ґ (Ukrainian) */
    {0x0492, "gh"}, {0x0493, "gh"}, /* Ғ ғ (Tajik, Kazakh) */
    {0x049A, "q"},  {0x049B, "q"},  /* Қ қ (Tajik, Kazakh) */
    {0x04A2, "ng"}, {0x04A3, "ng"}, /* Ң ң (Kazakh, Kyrgyz) */
    {0x04AE, "u"},  {0x04AF, "u"},  /* Ү ү (Kazakh, Kyrgyz) */
    {0x04B0, "u"},  {0x04B1, "u"},  /* Ұ ұ (Kazakh) */
    {0x04B2, "h"},  {0x04B3, "h"},  /* Ҳ ҳ (Tajik) */
    {0x04B6, "j"},  {0x04B7, "j"},  /* Ҷ ҷ (Tajik) */
    {0x04BA, "h"},  {0x04BB, "h"},  /* Һ һ (Kazakh) */
    {0x04D8, "a"},  {0x04D9, "a"},  /* Ә ә (Kazakh) */
    {0x04E2, "i"},  {0x04E3, "i"},  /* Ӣ ӣ (Tajik) */
    {0x04E8, "o"},  {0x04E9, "o"},  /* Ө ө (Kazakh, Kyrgyz) */
    {0x04EE, "u"},  {0x04EF, "u"},  /* Ӯ ӯ (Tajik) */
};

/* Returns the Latin form of `cp`, "" for a letter that is dropped, or NULL
 * when `cp` is not in the table and must be copied as it is. */
static const char *lookup(unsigned cp)
{
    if (cp >= 0x0410 && cp <= 0x042F)
        return basic[cp - 0x0410];
    if (cp >= 0x0430 && cp <= 0x044F)
        return basic[cp - 0x0430];
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (extra[i].cp == cp)
            return extra[i].lat;
    return NULL;
}

/* Decodes a well-formed two-byte UTF-8 sequence with lead byte D0..D4 at
 * `p` (`n` bytes left) into `*cp`. Every Cyrillic letter we handle lives in
 * U+0400..U+052F, which is exactly that range, so longer sequences and
 * malformed input need no decoding: they are copied byte by byte. */
static int decode_cyr(const unsigned char *p, size_t n, unsigned *cp)
{
    if (n < 2 || p[0] < 0xD0 || p[0] > 0xD4 || (p[1] & 0xC0) != 0x80)
        return 0;
    *cp = ((unsigned)(p[0] & 0x1F) << 6) | (unsigned)(p[1] & 0x3F);
    return 1;
}

/* Appends `n` bytes to `out` while room is left, but always advances the
 * running length so the caller learns the full size (snprintf style). */
static void emit(char *out, size_t cap, size_t *pos, const char *s, size_t n)
{
    if (*pos + 1 < cap) {
        size_t room = cap - 1 - *pos;
        memcpy(out + *pos, s, n < room ? n : room);
    }
    *pos += n;
}

size_t translit_cyr(const char *in, size_t len, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)in;
    size_t pos = 0;
    size_t i = 0;

    while (i < len) {
        unsigned cp;
        const char *lat;
        if (decode_cyr(p + i, len - i, &cp) && (lat = lookup(cp)) != NULL) {
            emit(out, cap, &pos, lat, strlen(lat));
            i += 2;
        } else {
            emit(out, cap, &pos, in + i, 1);
            i++;
        }
    }
    if (cap > 0)
        out[pos < cap ? pos : cap - 1] = '\0';
    return pos;
}

int translit_has_cyr(const char *in, size_t len)
{
    const unsigned char *p = (const unsigned char *)in;

    for (size_t i = 0; i + 1 < len; i++) {
        unsigned cp;
        if (!decode_cyr(p + i, len - i, &cp))
            continue;
        /* U+0530.. is Armenian, and U+0482..U+0489 are a numeric sign and
         * combining marks, not letters. */
        if (cp <= 0x052F && (cp < 0x0482 || cp > 0x0489))
            return 1;
        i++;
    }
    return 0;
}
