#include "proto/jw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

void jw_init(jw *w)
{
    memset(w, 0, sizeof *w);
}

void jw_fini(jw *w)
{
    free(w->buf);
    jw_init(w);
}

char *jw_take(jw *w, size_t *len)
{
    char *out = w->failed ? NULL : w->buf;
    *len = out ? w->len : 0;
    if (!out)
        free(w->buf);
    jw_init(w);
    return out;
}

/* Room for `more` bytes and the NUL after them. The common case, room
 * enough, is a comparison: answers are written a few bytes at a time. */
static inline int reserve(jw *w, size_t more)
{
    if (w->failed)
        return -1;
    if (more < w->cap - w->len)
        return 0;
    char *grown = more < SIZE_MAX - w->len - 1
                  ? grow_to(w->buf, &w->cap, w->len + more + 1, 1, 1024) : NULL;
    if (!grown) {
        w->failed = 1;
        return -1;
    }
    w->buf = grown;
    return 0;
}

static inline void put(jw *w, const char *s, size_t n)
{
    if (reserve(w, n) < 0)
        return;
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    w->buf[w->len] = '\0';
}

static void putc1(jw *w, char c)
{
    put(w, &c, 1);
}

/* The comma before a value, unless it is the first of its level or an
 * object member's value. */
static void before_value(jw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth == 0)
        return;
    if (!w->empty[w->depth - 1])
        putc1(w, ',');
    w->empty[w->depth - 1] = 0;
}

static void open_level(jw *w, char c)
{
    before_value(w);
    if (w->depth == JW_MAX_DEPTH) {
        w->failed = 1;
        return;
    }
    w->empty[w->depth++] = 1;
    putc1(w, c);
}

static void close_level(jw *w, char c)
{
    if (w->depth == 0) {
        w->failed = 1;
        return;
    }
    w->depth--;
    putc1(w, c);
}

void jw_obj(jw *w) { open_level(w, '{'); }
void jw_obj_end(jw *w) { close_level(w, '}'); }
void jw_arr(jw *w) { open_level(w, '['); }
void jw_arr_end(jw *w) { close_level(w, ']'); }

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    unsigned cp = c & (0x7f >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

/* The code point of the valid sequence at s (`len` bytes) when JSON text
 * must not hold it raw, else 0: C1 controls; U+2028 and U+2029, which
 * JavaScript and many line-splitting consumers take for line breaks; the
 * bidi embedding, override and isolate controls (U+202A..U+202E,
 * U+2066..U+2069), which reorder what a terminal shows after them. */
static unsigned unsafe_char(const unsigned char *s, size_t len)
{
    if (len == 2 && s[0] == 0xc2 && s[1] <= 0x9f)
        return s[1];
    if (len == 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] >= 0xa8 && s[2] <= 0xae)
        return 0x2000u | (s[2] - 0x80u);
    if (len == 3 && s[0] == 0xe2 && s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9)
        return 0x2040u | (s[2] - 0x80u);
    return 0;
}

/* Bytes JSON text holds as they are: printable ASCII but the quote and the
 * backslash. */
static inline int plain(unsigned char c)
{
    return c >= 0x20 && c != '"' && c != '\\' && c < 0x7f;
}

/* `s` quoted, followed by `tail` (0: nothing), when it is plain ASCII
 * throughout, the common case (ids, keys, most names): one copy. Returns
 * how many of its bytes are plain, n when it was written. */
static size_t put_plain(jw *w, const char *s, size_t n, char tail)
{
    size_t i = 0;
    while (i < n && plain((unsigned char)s[i]))
        i++;
    if (i < n || reserve(w, n + 3) < 0)
        return i;
    char *o = w->buf + w->len;
    *o++ = '"';
    memcpy(o, s, n);
    o += n;
    *o++ = '"';
    if (tail)
        *o++ = tail;
    *o = '\0';
    w->len = (size_t)(o - w->buf);
    return n;
}

static void put_escaped(jw *w, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t first = put_plain(w, str, n, 0);
    if (first == n)
        return;
    putc1(w, '"');
    size_t run = 0;   /* start of the bytes that can be copied as they are */
    for (size_t i = first; i < n;) {
        unsigned char c = s[i];
        if (plain(c)) {
            i++;
            continue;
        }
        size_t len = c >= 0x80 ? utf8_len(s + i, n - i) : 0;
        unsigned cp = len ? unsafe_char(s + i, len) : 0;
        if (len && !cp) {
            i += len;
            continue;
        }
        put(w, str + run, i - run);
        char esc[8];
        if (cp) {
            snprintf(esc, sizeof esc, "\\u%04X", cp & 0xffffu);
            put(w, esc, 6);
            i += len;
            run = i;
            continue;
        }
        switch (c) {
        case '"': put(w, "\\\"", 2); break;
        case '\\': put(w, "\\\\", 2); break;
        case '\b': put(w, "\\b", 2); break;
        case '\f': put(w, "\\f", 2); break;
        case '\n': put(w, "\\n", 2); break;
        case '\r': put(w, "\\r", 2); break;
        case '\t': put(w, "\\t", 2); break;
        default:
            if (c < 0x20 || c == 0x7f) {
                snprintf(esc, sizeof esc, "\\u%04X", c);
                put(w, esc, 6);
            } else {
                put(w, "\xef\xbf\xbd", 3);   /* U+FFFD for a stray byte */
            }
        }
        run = ++i;
    }
    put(w, str + run, n - run);
    putc1(w, '"');
}

void jw_raw(jw *w, const char *s, size_t n)
{
    put(w, s, n);
}

void jw_key(jw *w, const char *key)
{
    before_value(w);
    size_t n = strlen(key);
    if (put_plain(w, key, n, ':') < n) {
        put_escaped(w, key, n);
        putc1(w, ':');
    }
    w->after_key = 1;
}

void jw_strn(jw *w, const char *s, size_t n)
{
    before_value(w);
    put_escaped(w, s, n);
}

void jw_str(jw *w, const char *s)
{
    jw_strn(w, s, strlen(s));
}

/* Digits by hand: snprintf's format parsing cost more than the rest of
 * writing a number, and an answer holds dozens (ranks, counts). */
void jw_int(jw *w, long long v)
{
    char num[24];
    char *end = num + sizeof num, *p = end;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    before_value(w);
    put(w, p, (size_t)(end - p));
}

void jw_real(jw *w, double v)
{
    char num[40];
    int n = snprintf(num, sizeof num, "%.8g", isfinite(v) ? v : 0.0);
    /* As jansson: a real always reads as one ("1.0", not "1"), and its
     * exponent has no '+' or leading zeros ("1e-9", "1e21"). */
    char *e = strchr(num, 'e');
    if (!e) {
        if (!strchr(num, '.'))
            n += snprintf(num + n, sizeof num - (size_t)n, ".0");
    } else {
        char *digits = e + 1 + (e[1] == '-');
        char *from = e[1] == '+' ? e + 2 : digits;
        while (*from == '0' && from[1])
            from++;
        memmove(digits, from, strlen(from) + 1);
        n = (int)strlen(num);
    }
    before_value(w);
    put(w, num, (size_t)n);
}

void jw_bool(jw *w, int v)
{
    before_value(w);
    put(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(jw *w)
{
    before_value(w);
    put(w, "null", 4);
}

/* JSON text with its raw DEL, C1 controls, U+2028 and U+2029 escaped, into
 * w. Valid JSON holds bytes other than ASCII only inside strings, so each
 * can be replaced where it stands. */
static void put_safe_json(jw *w, const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = s[i] >= 0x80 ? utf8_len(s + i, n - i) : 0;
        unsigned cp = s[i] == 0x7f ? 0x7f : len ? unsafe_char(s + i, len) : 0;
        if (!cp) {
            if (len)
                i += len - 1;
            continue;
        }
        char esc[8];
        put(w, text + run, i - run);
        snprintf(esc, sizeof esc, "\\u%04X", cp & 0xffffu);
        put(w, esc, 6);
        i += (len ? len : 1) - 1;
        run = i + 1;
    }
    put(w, text + run, n - run);
}

char *jw_safe_json(const char *text, size_t n, size_t *len)
{
    jw w;
    jw_init(&w);
    put_safe_json(&w, text, n);
    if (!w.failed && !w.buf)
        put(&w, "", 0);
    return jw_take(&w, len);
}

void jw_json(jw *w, const json_t *v)
{
    char *text = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8)
                                   | JSON_ENCODE_ANY);
    if (!text) {
        w->failed = 1;
        return;
    }
    before_value(w);
    put_safe_json(w, text, strlen(text));
    free(text);
}
