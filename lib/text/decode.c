/* Byte decoding: UTF-8 with a per-byte Windows-1252 fallback. The fallback
 * works one byte at a time, like a strict decoder that resumes after each
 * bad byte, so the result is the same whatever follows the bad byte. */
#include "text/decode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Windows-1252 for 0x80..0x9F; 0 marks the five undefined bytes. 0xA0..0xFF
 * are the same as Latin-1, i.e. the code point equals the byte. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int32_t cp1252(unsigned char b)
{
    if (b < 0x80 || b >= 0xA0)
        return b;
    return cp1252_high[b - 0x80] ? cp1252_high[b - 0x80] : 0xFFFD;
}

char *text_decode(const char *in, size_t len, size_t *out_len)
{
    /* A fallback byte grows to at most three bytes of UTF-8. */
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    unsigned char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)in;
    size_t i = 0, o = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            out[o++] = p[i] ? p[i] : ' ';
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n > 0) {
            memcpy(out + o, p + i, (size_t)n);
            o += (size_t)n;
            i += (size_t)n;
        } else {
            o += (size_t)utf8proc_encode_char(cp1252(p[i]), out + o);
            i++;
        }
    }
    out[o] = '\0';
    if (out_len)
        *out_len = o;
    char *shrunk = realloc(out, o + 1);
    return shrunk ? shrunk : (char *)out;
}

size_t text_utf8_prefix(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            if (!p[i])
                return i;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return i;
        i += (size_t)n;
    }
    return len;
}

size_t text_utf8_cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    while (max && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}
