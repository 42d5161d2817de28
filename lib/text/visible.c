/* Visible escapes for text bound for a terminal (visible.h). */
#include "text/visible.h"

#include <stdlib.h>
#include <string.h>

/* The code point of the valid UTF-8 sequence at s (n bytes left) and its
 * length in *len, or -1 (with *len 1) for a byte that starts none. */
static long decode(const unsigned char *s, size_t n, size_t *len)
{
    unsigned c = s[0];
    size_t l;
    unsigned long min;
    *len = 1;
    if (c < 0x80)
        return c;
    if (c >= 0xc2 && c <= 0xdf) {
        l = 2;
        min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        l = 3;
        min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        l = 4;
        min = 0x10000;
    } else {
        return -1;
    }
    if (n < l)
        return -1;
    unsigned long cp = c & (0x7fu >> l);
    for (size_t i = 1; i < l; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return -1;
    *len = l;
    return (long)cp;
}

static int hidden(long cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029
           || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* The escape for the character at s into esc (NUL-terminated; "" when it is
 * copied as it is); its byte length goes to *len. */
static void escape_at(const unsigned char *s, size_t n, size_t *len, char esc[8])
{
    long cp = decode(s, n, len);
    esc[0] = '\0';
    if (cp == '\t')
        memcpy(esc, "\\t", 3);
    else if (cp == '\n')
        memcpy(esc, "\\n", 3);
    else if (cp == '\r')
        memcpy(esc, "\\r", 3);
    else if (cp < 0)
        snprintf(esc, 8, "\\x%02x", s[0]);
    else if (cp < 0x80 && hidden(cp))
        snprintf(esc, 8, "\\x%02x", (unsigned)cp & 0xffu);
    else if (hidden(cp))
        snprintf(esc, 8, "\\u%04x", (unsigned)cp & 0xffffu);
}

int text_is_visible(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t len;
        char esc[8];
        if (p[i] >= 0x20 && p[i] < 0x7f) {
            i++;
            continue;
        }
        escape_at(p + i, n - i, &len, esc);
        if (*esc)
            return 0;
        i += len;
    }
    return 1;
}

void text_fput_visible(FILE *f, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0;   /* start of the bytes still to copy as they are */
    for (size_t i = 0; i < n;) {
        size_t len;
        char esc[8];
        if (p[i] >= 0x20 && p[i] < 0x7f) {
            i++;
            continue;
        }
        escape_at(p + i, n - i, &len, esc);
        if (*esc) {
            fwrite(s + run, 1, i - run, f);
            fputs(esc, f);
            run = i + len;
        }
        i += len;
    }
    fwrite(s + run, 1, n - run, f);
}

void text_fputs_visible(FILE *f, const char *s)
{
    if (s)
        text_fput_visible(f, s, strlen(s));
}

/* Appends the escaped text of s[from, to) to buf while it fits in `room`
 * bytes, a whole character or escape at a time. Returns the bytes written. */
static size_t put_fitting(const unsigned char *s, size_t from, size_t to, char *buf, size_t room)
{
    size_t out = 0;
    for (size_t i = from; i < to;) {
        size_t len;
        char esc[8];
        escape_at(s + i, to - i, &len, esc);
        size_t w = *esc ? strlen(esc) : len;
        if (out + w > room)
            break;
        memcpy(buf + out, *esc ? esc : (const char *)s + i, w);
        out += w;
        i += len;
    }
    return out;
}

/* The escaped length of s[from, to). */
static size_t escaped_len(const unsigned char *s, size_t from, size_t to)
{
    size_t total = 0;
    for (size_t i = from; i < to;) {
        size_t len;
        char esc[8];
        escape_at(s + i, to - i, &len, esc);
        total += *esc ? strlen(esc) : len;
        i += len;
    }
    return total;
}

char *text_shown(const char *str, char *buf, size_t cap)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = strlen(str), room = cap - 1;
    if (escaped_len(s, 0, n) <= room) {
        buf[put_fitting(s, 0, n, buf, room)] = '\0';
        return buf;
    }
    static const char gap[] = "\xe2\x80\xa6";   /* … */
    size_t head_room = (room - 3) / 3, tail_room = room - 3 - head_room;
    size_t head = put_fitting(s, 0, n, buf, head_room);
    memcpy(buf + head, gap, 3);
    /* The tail: the longest run of whole characters at the end that fits. */
    size_t from = n, used = 0;
    while (from > 0) {
        size_t start = from - 1, len;
        while (start > 0 && (s[start] & 0xc0) == 0x80 && from - start < 4)
            start--;
        if (decode(s + start, from - start, &len) < 0 || len != from - start)
            start = from - 1;   /* a stray byte stands alone */
        char esc[8];
        escape_at(s + start, from - start, &len, esc);
        size_t w = *esc ? strlen(esc) : len;
        if (used + w > tail_room)
            break;
        used += w;
        from = start;
    }
    size_t tail = put_fitting(s, from, n, buf + head + 3, tail_room);
    buf[head + 3 + tail] = '\0';
    return buf;
}
