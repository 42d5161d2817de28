/* The reading rules, in order: a forced encoding; a byte order mark; UTF-16
 * without one (zero bytes on one side of each pair); NUL bytes left over
 * mean not text; valid UTF-8; UTF-8 with a few stray bytes (decode.h's
 * per-byte Windows-1252); else the detector. uchardet alone misjudges short
 * texts (KOI8-R words as Greek, Cyrillic capitals as nothing), so its answer
 * is one candidate among the Cyrillic and Latin single-byte encodings, which
 * plausible.h scores; it decides alone only for other encodings on texts
 * long enough for it. */
#include "text/charset.h"

#include <ctype.h>
#include <stdio.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet/uchardet.h>
#include <utf8proc.h>

#include "text/decode.h"
#include "grow.h"
#include "text/plausible.h"

#define SAMPLE (64 * 1024)       /* bytes judged by the detector and the scores */
#define DETECTOR_SAMPLE (256 * 1024)
#define LONG_ENOUGH 64           /* high bytes from which uchardet is trusted alone */
#define DETECTOR_BONUS 1.5       /* the score credit of uchardet's own answer */
#define IMPLAUSIBLE 3.3          /* per high byte: Russian reads at 2.9 to 3.2 */

/* Names seekd reports, by their spellings (lower case, letters and digits
 * only), with the name iconv takes. */
static const struct alias {
    const char *key, *name, *iconv;
} aliases[] = {
    { "utf8", "UTF-8", "UTF-8" },
    { "utf16le", "UTF-16LE", "UTF-16LE" }, { "utf16be", "UTF-16BE", "UTF-16BE" },
    { "utf16", "UTF-16", "UTF-16" },
    { "utf32le", "UTF-32LE", "UTF-32LE" }, { "utf32be", "UTF-32BE", "UTF-32BE" },
    { "utf32", "UTF-32", "UTF-32" },
    { "windows1251", "windows-1251", "CP1251" }, { "cp1251", "windows-1251", "CP1251" },
    { "koi8r", "KOI8-R", "KOI8-R" },
    { "ibm866", "CP866", "CP866" }, { "cp866", "CP866", "CP866" },
    { "iso88595", "ISO-8859-5", "ISO-8859-5" },
    { "maccyrillic", "MacCyrillic", "MAC-CYRILLIC" },
    { "xmaccyrillic", "MacCyrillic", "MAC-CYRILLIC" },
    { "windows1252", "windows-1252", "CP1252" }, { "cp1252", "windows-1252", "CP1252" },
    { "iso88591", "ISO-8859-1", "ISO-8859-1" }, { "latin1", "ISO-8859-1", "ISO-8859-1" },
    { "iso885915", "ISO-8859-15", "ISO-8859-15" }, { "latin9", "ISO-8859-15", "ISO-8859-15" },
    { "ascii", "US-ASCII", "ASCII" }, { "usascii", "US-ASCII", "ASCII" },
};

/* The candidates the scores choose among, with their prior cost: on a tie
 * (the same characters either way) the first, commonest, wins. */
static const struct candidate {
    const char *name;
    double prior;
} family[] = {
    { "windows-1252", 0 }, { "windows-1251", 0 }, { "ISO-8859-15", 0.5 }, { "KOI8-R", 1 },
    { "CP866", 1.5 }, { "ISO-8859-5", 2 }, { "MacCyrillic", 4 },
};

static const struct alias *alias_of(const char *name)
{
    char key[CHARSET_NAME_MAX];
    size_t k = 0;
    for (const char *p = name; *p && k + 1 < sizeof key; p++)
        if (isalnum((unsigned char)*p))
            key[k++] = (char)tolower((unsigned char)*p);
    key[k] = '\0';
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (!strcmp(aliases[i].key, key))
            return &aliases[i];
    return NULL;
}

/* The name iconv takes for a name seekd reports (or any other spelling). */
static const char *iconv_name(const char *name)
{
    const struct alias *a = alias_of(name);
    return a ? a->iconv : name;
}

int charset_known(const char *name, char *canon, size_t cap)
{
    if (!name || !*name || strlen(name) >= CHARSET_NAME_MAX)
        return 0;
    iconv_t cd = iconv_open("UTF-8", iconv_name(name));
    if (cd == (iconv_t)-1)
        return 0;
    iconv_close(cd);
    const struct alias *a = alias_of(name);
    size_t i = 0;
    for (const char *p = a ? a->name : name; *p && i + 1 < cap; p++)
        canon[i++] = a ? *p : (char)toupper((unsigned char)*p);
    if (cap)
        canon[i] = '\0';
    return 1;
}

/* ---- decoding ---- */

typedef struct out {
    char *s;
    size_t len, cap;
} out;

static int reserve(out *o, size_t more)
{
    if (more > SIZE_MAX - o->len - 1)
        return -1;
    char *s = grow_to(o->s, &o->cap, o->len + more + 1, 1, 64);
    if (!s)
        return -1;
    o->s = s;
    return 0;
}

/* Bytes a malformed sequence is skipped by: one code unit. */
static size_t unit_of(const char *name)
{
    return !strncmp(name, "UTF-16", 6) ? 2 : !strncmp(name, "UTF-32", 6) ? 4 : 1;
}

/* Decodes with iconv into o (NUL-terminated); a malformed or unmappable
 * sequence becomes U+FFFD, a truncated one at the end too. *bad counts them.
 * Returns 0, or -1 when memory runs out. */
static int decode_iconv(const char *in, size_t len, const char *name, out *o, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", iconv_name(name));
    if (cd == (iconv_t)-1)
        return -1;
    size_t unit = unit_of(name);
    /* Most encodings grow at most threefold into UTF-8. */
    int rc = reserve(o, len + len / 2 + 16);
    char *ip = (char *)in;
    size_t ileft = len;
    *bad = 0;
    while (rc == 0 && ileft) {
        char *op = o->s + o->len;
        size_t oleft = o->cap - o->len - 1;
        size_t r = iconv(cd, &ip, &ileft, &op, &oleft);
        o->len = (size_t)(op - o->s);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            rc = reserve(o, ileft * 2 + 16);
        } else if ((rc = reserve(o, 3)) == 0) {
            /* EILSEQ, or EINVAL: the input ends inside a sequence. */
            memcpy(o->s + o->len, "\xEF\xBF\xBD", 3);
            o->len += 3;
            (*bad)++;
            size_t skip = errno == EINVAL ? ileft : unit < ileft ? unit : ileft;
            ip += skip;
            ileft -= skip;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    if (rc == 0)
        o->s[o->len] = '\0';
    return rc;
}

/* ---- the byte order mark and UTF-16 without one ---- */

static const char *bom_of(const unsigned char *p, size_t len, size_t *bom)
{
    static const struct { const char *bytes; size_t n; const char *name; } boms[] = {
        /* UTF-32LE's mark starts like UTF-16LE's: look for it first. */
        { "\xFF\xFE\0\0", 4, "UTF-32LE" }, { "\0\0\xFE\xFF", 4, "UTF-32BE" },
        { "\xEF\xBB\xBF", 3, "UTF-8" }, { "\xFF\xFE", 2, "UTF-16LE" }, { "\xFE\xFF", 2, "UTF-16BE" },
    };
    for (size_t i = 0; i < sizeof boms / sizeof *boms; i++)
        if (len >= boms[i].n && !memcmp(p, boms[i].bytes, boms[i].n)) {
            *bom = boms[i].n;
            return boms[i].name;
        }
    return NULL;
}

/* UTF-16 shows in its high bytes: the same few values (0x00 for ASCII,
 * 0x04 for Cyrillic...) on one side of every pair, where the low bytes vary
 * and zero bytes are rare. */
static const char *utf16_guess(const unsigned char *p, size_t len)
{
    size_t n = (len < SAMPLE ? len : SAMPLE) & ~(size_t)1;
    if (n < 2)
        return NULL;
    size_t zeros[2] = { 0 }, small[2] = { 0 }, distinct[2] = { 0 };
    unsigned char seen[2][256] = { { 0 } };
    for (size_t i = 0; i < n; i++) {
        int side = (int)(i & 1);
        if (!p[i])
            zeros[side]++;
        else if (p[i] < 0x20)
            small[side]++;
        if (!seen[side][p[i]]++)
            distinct[side]++;
    }
    for (int hi = 1; hi >= 0; hi--) {
        int lo = !hi;
        int zero_side = zeros[hi] && zeros[lo] * 16 <= zeros[hi];
        /* No zero byte at all (no ASCII): a text of one script only. */
        int small_side = !zeros[0] && !zeros[1] && n >= 4 && small[hi] * 10 >= n / 2 * 9;
        if ((zero_side || small_side) && distinct[hi] * 2 <= distinct[lo])
            return hi ? "UTF-16LE" : "UTF-16BE";
    }
    return NULL;
}

/* The share of decoded characters no text holds: controls other than
 * white space, unassigned, private use, U+FFFD. Above a twentieth the
 * UTF-16 guess was wrong. */
static int mostly_text(const char *s, size_t len)
{
    size_t chars = 0, junk = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0)
            return 0;
        i += (size_t)n;
        chars++;
        utf8proc_category_t cat = utf8proc_category(c);
        if ((cat == UTF8PROC_CATEGORY_CC && c != '\t' && c != '\n' && c != '\r')
            || cat == UTF8PROC_CATEGORY_CN || cat == UTF8PROC_CATEGORY_CO || c == 0xFFFD)
            junk++;
    }
    return junk * 20 <= chars;
}

const char *charset_unicode(const char *bytes, size_t len)
{
    size_t bom;
    const char *name = bom_of((const unsigned char *)bytes, len, &bom);
    return name ? name : utf16_guess((const unsigned char *)bytes, len);
}

/* ---- UTF-8 ---- */

/* Counts the high bytes inside valid UTF-8 sequences and those outside. */
static void utf8_census(const unsigned char *p, size_t len, size_t *valid, size_t *stray)
{
    *valid = *stray = 0;
    for (size_t i = 0; i < len;) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
        if (n > 0) {
            *valid += (size_t)n;
            i += (size_t)n;
        } else {
            (*stray)++;
            i++;
        }
    }
}

/* ---- the detector ---- */

/* The code points of bytes 0x80..0xFF in a single-byte encoding (0: the
 * byte is undefined). Returns 0, or -1 when the encoding is not one byte per
 * character or iconv cannot read it. */
static int byte_table(const char *name, uint32_t high[128])
{
    iconv_t cd = iconv_open("UTF-32LE", iconv_name(name));
    if (cd == (iconv_t)-1)
        return -1;
    int rc = 0;
    for (int b = 0; b < 128 && rc == 0; b++) {
        char in = (char)(b + 0x80), outb[8];
        char *ip = &in, *op = outb;
        size_t il = 1, ol = sizeof outb;
        high[b] = 0;
        if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && ol == sizeof outb - 4)
            high[b] = (uint32_t)(unsigned char)outb[0] | (uint32_t)(unsigned char)outb[1] << 8
                      | (uint32_t)(unsigned char)outb[2] << 16;
        else if (errno == EINVAL)
            rc = -1;  /* a lead byte: more than one byte per character */
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    return rc;
}

/* uchardet's answer as a reported name ("" when it has none). */
static void ask_uchardet(const char *bytes, size_t len, char *name, size_t cap)
{
    name[0] = '\0';
    uchardet_t ud = uchardet_new();
    if (!ud)
        return;
    if (uchardet_handle_data(ud, bytes, len < DETECTOR_SAMPLE ? len : DETECTOR_SAMPLE) == 0) {
        uchardet_data_end(ud);
        const char *got = uchardet_get_charset(ud);
        if (got && *got && !charset_known(got, name, cap))
            name[0] = '\0';
    }
    uchardet_delete(ud);
}

/* Whether uchardet's answer decodes the sample without a fault. */
static int decodes_cleanly(const char *bytes, size_t n, const char *name)
{
    out o = { 0 };
    size_t bad = 0;
    int ok = decode_iconv(bytes, n, name, &o, &bad) == 0 && bad <= (n == SAMPLE ? 1 : 0);
    free(o.s);
    return ok;
}

void charset_detect(const char *bytes, size_t len, char *name, size_t cap)
{
    size_t n = len < SAMPLE ? len : SAMPLE, high = 0;
    const unsigned char *p = (const unsigned char *)bytes;
    for (size_t i = 0; i < n; i++)
        high += p[i] >= 0x80;
    char said[CHARSET_NAME_MAX];
    ask_uchardet(bytes, len, said, sizeof said);
    /* ISO-8859-1 is read as its superset, as browsers do: the bytes
     * 0x80..0x9F are quotes and dashes in real text, not C1 controls. */
    if (!strcmp(said, "ISO-8859-1"))
        snprintf(said, sizeof said, "windows-1252");
    int in_family = 0;
    for (size_t i = 0; i < sizeof family / sizeof *family; i++)
        in_family |= !strcmp(family[i].name, said);
    const char *best = family[0].name;
    double best_cost = 0;
    int first = 1;
    for (size_t i = 0; i < sizeof family / sizeof *family; i++) {
        uint32_t table[128];
        if (byte_table(family[i].name, table) < 0)
            continue;
        double cost = family[i].prior + plausible_cost(table, p, n);
        if (!strcmp(family[i].name, said))
            cost -= DETECTOR_BONUS;
        if (first || cost < best_cost) {
            best = family[i].name;
            best_cost = cost;
            first = 0;
        }
    }
    /* uchardet's answer outside the family (Greek, Hebrew, CJK...) wins on
     * a text long enough for it that reads badly as Cyrillic and Latin: it
     * calls long Russian capitals in KOI8-R Greek, which read well. */
    if (*said && !in_family && strcmp(said, "UTF-8") && strcmp(said, "US-ASCII")
        && high >= LONG_ENOUGH && best_cost > IMPLAUSIBLE * (double)high
        && decodes_cleanly(bytes, n, said))
        best = said;
    snprintf(name, cap, "%s", best);
}

/* ---- cleaning and the verdict ---- */

void charset_clean(char *s, size_t *len)
{
    size_t o = 0, n = *len;
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
            s[o++] = ' ';
            i++;
        } else if (b == 0x7F) {
            s[o++] = ' ';
            i++;
        } else if (b == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] < 0xA0
                   && (unsigned char)s[i + 1] >= 0x80) {
            s[o++] = ' ';  /* a C1 control */
            i += 2;
        } else if (b == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB
                   && (unsigned char)s[i + 2] == 0xBF) {
            i += 3;        /* U+FEFF: a byte order mark, or an invisible no-break */
        } else {
            s[o++] = s[i++];
        }
    }
    s[o] = '\0';
    *len = o;
}

/* NUL characters, or more than one control character in twenty (tab, line
 * and page breaks and escape aside): not text. */
static const char *verdict(const char *s, size_t len)
{
    size_t chars = 0, controls = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        if ((b & 0xC0) == 0x80)
            continue;
        chars++;
        if (!b)
            return "NUL bytes";
        if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1B)
            || b == 0x7F
            || (b == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] < 0xA0))
            controls++;
    }
    return controls * 20 > chars ? "control characters" : NULL;
}

/* ---- the rules ---- */

/* Replaces what is not UTF-8 in o by U+FFFD: glibc's iconv lets the old
 * five- and six-byte forms through from UTF-8. Returns 0, or -1 when memory
 * runs out. */
static int repair(out *o)
{
    size_t i = 0;
    utf8proc_int32_t c;
    for (utf8proc_ssize_t n; i < o->len; i += (size_t)n)
        if ((n = utf8proc_iterate((const utf8proc_uint8_t *)o->s + i, (utf8proc_ssize_t)(o->len - i), &c)) <= 0)
            break;
    if (i == o->len)
        return 0;
    out fixed = { 0 };
    if (reserve(&fixed, o->len * 3) < 0)
        return -1;
    for (i = 0; i < o->len;) {
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)o->s + i, (utf8proc_ssize_t)(o->len - i), &c);
        if (n > 0) {
            memcpy(fixed.s + fixed.len, o->s + i, (size_t)n);
            fixed.len += (size_t)n;
            i += (size_t)n;
        } else {
            memcpy(fixed.s + fixed.len, "\xEF\xBF\xBD", 3);
            fixed.len += 3;
            i++;
        }
    }
    fixed.s[fixed.len] = '\0';
    free(o->s);
    *o = fixed;
    return 0;
}

static seek_status finish(out *o, charset_text *t)
{
    if (repair(o) < 0) {
        free(o->s);
        return SEEK_NOMEM;
    }
    t->not_text = verdict(o->s, o->len);
    if (t->not_text) {
        free(o->s);
        return SEEK_OK;
    }
    charset_clean(o->s, &o->len);
    t->text = o->s;
    t->len = o->len;
    return SEEK_OK;
}

static seek_status read_as(const char *bytes, size_t len, const char *name, charset_text *t)
{
    out o = { 0 };
    size_t bad;
    if (decode_iconv(bytes, len, name, &o, &bad) < 0) {
        free(o.s);
        return SEEK_NOMEM;
    }
    return finish(&o, t);
}

seek_status charset_read(const char *bytes, size_t len, const char *forced, charset_text *t)
{
    memset(t, 0, sizeof *t);
    const unsigned char *p = (const unsigned char *)bytes;
    if (forced) {
        if (!charset_known(forced, t->name, sizeof t->name))
            return SEEK_INVALID;
        return read_as(bytes, len, t->name, t);
    }
    size_t bom = 0;
    const char *name = bom_of(p, len, &bom);
    if (name && strcmp(name, "UTF-8")) {
        snprintf(t->name, sizeof t->name, "%s", name);
        return read_as(bytes + bom, len - bom, name, t);
    }
    if (!name && (name = utf16_guess(p, len))) {
        out o = { 0 };
        size_t bad;
        if (decode_iconv(bytes, len, name, &o, &bad) < 0) {
            free(o.s);
            return SEEK_NOMEM;
        }
        if (mostly_text(o.s, o.len)) {
            snprintf(t->name, sizeof t->name, "%s", name);
            return finish(&o, t);
        }
        free(o.s);
    }
    if (!bom && memchr(bytes, '\0', len)) {
        snprintf(t->name, sizeof t->name, "binary");
        t->not_text = "NUL bytes";
        return SEEK_OK;
    }
    bytes += bom;
    len -= bom;
    size_t valid, stray;
    utf8_census((const unsigned char *)bytes, len, &valid, &stray);
    out o = { 0 };
    /* A UTF-8 text with a few stray bytes keeps its UTF-8 and has the strays
     * read one by one; a legacy text makes valid sequences only by chance,
     * far fewer than its stray bytes. A byte order mark says UTF-8 outright. */
    if (!stray || bom || (valid && stray * 4 <= valid)) {
        snprintf(t->name, sizeof t->name, stray ? "UTF-8+windows-1252" : "UTF-8");
        if (!(o.s = text_decode(bytes, len, &o.len)))
            return SEEK_NOMEM;
        /* text_decode reads NUL as a space; a NUL is not text here. */
        if (memchr(bytes, '\0', len)) {
            free(o.s);
            t->not_text = "NUL bytes";
            return SEEK_OK;
        }
        return finish(&o, t);
    }
    charset_detect(bytes, len, t->name, sizeof t->name);
    return read_as(bytes, len, t->name, t);
}

void charset_text_fini(charset_text *t)
{
    free(t->text);
    t->text = NULL;
}
