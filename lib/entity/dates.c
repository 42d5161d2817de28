/* Date mentions in English and Russian text: a hand-written matcher over
 * UTF-8 bytes (month names from a table, Cyrillic case folded here), plus
 * the parser for query date filters. Leaves out slash dates (d/m vs m/d),
 * two-digit years, "14 and 15 May" and ranges across months ("30 Nov-2 Dec"),
 * and it takes a bare year only after a few words ("in", "since", "в"). */
#include "entity/dates.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

enum {
    RANGE_MAX_YEARS = 50,    /* "1900-2000" reads more like a count than a period */
};

/* What becomes of a date written without a year. */
enum { MODE_SKIP, MODE_YEAR, MODE_NEAR, MODE_KEEP };

typedef struct scan {
    const unsigned char *s;
    size_t n;
    size_t list_from;   /* end of the last year reported, or SIZE_MAX */
} scan;

/* A match at one position. `emit` is false for a well-formed but impossible
 * date (31.02.2020): it still claims its bytes, so that "February 2019"
 * inside "30 February 2019" is not reported instead. A date written without
 * a year is matched with year 0 and `yearless` set; the caller gives it one. */
typedef struct cand {
    size_t end;
    date_span span;
    int prec;
    bool emit;
    bool yearless;
} cand;

/* ---- characters ---- */

static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* Reads one code point; a malformed or truncated sequence reads as the
 * single byte U+FFFD so that scanning always moves forward. */
static size_t decode(const scan *sc, size_t p, uint32_t *cp)
{
    const unsigned char *s = sc->s + p;
    /* Sequence length by lead byte; 0 for bytes that cannot lead one. */
    size_t len = s[0] < 0x80 ? 1 : s[0] < 0xC2 ? 0 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3
               : s[0] < 0xF5 ? 4 : 0;
    uint32_t v = len == 1 ? s[0] : s[0] & (0x7Fu >> len);
    *cp = 0xFFFD;
    if (len == 0 || len > sc->n - p)
        return 1;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 1;
        v = v << 6 | (s[i] & 0x3F);
    }
    *cp = v;
    return len;
}

/* Like decode, but 0 (and *cp = 0) at the end of the text. */
static size_t cp_at(const scan *sc, size_t p, uint32_t *cp)
{
    *cp = 0;
    return p < sc->n ? decode(sc, p, cp) : 0;
}

/* The code point ending just before p (p > 0); returns where it starts. */
static size_t prev_cp(const scan *sc, size_t p, uint32_t *cp)
{
    size_t q = p - 1;
    while (q > 0 && p - q < 4 && (sc->s[q] & 0xC0) == 0x80)
        q--;
    if (q + decode(sc, q, cp) == p)
        return q;
    *cp = 0xFFFD;
    return p - 1;
}

/* Letters and digits: what a date must not be glued to. Latin-1 and general
 * punctuation, symbols and CJK punctuation are not word characters. */
static bool is_word(uint32_t c)
{
    if (c < 0x80)
        return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c == 0xFEFF || c == 0xFFFD)
        return false;
    return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F);
}

static bool is_space(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool is_dash(uint32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

/* Separators that, between digits, make one number of several ("1.2.2025.4"). */
static bool is_sep(uint32_t c) { return c == '.' || c == ',' || c == '/' || c == ':'; }

/* Only ASCII and Cyrillic need folding: month names use nothing else. */
static uint32_t fold(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F))
        return c + 32;
    return c >= 0x400 && c <= 0x40F ? c + 80 : c;
}

static bool word_at(const scan *sc, size_t p)
{
    uint32_t c;
    return cp_at(sc, p, &c) && is_word(c);
}

static size_t skip_ws(const scan *sc, size_t p)
{
    uint32_t c;
    size_t l;
    while ((l = cp_at(sc, p, &c)) && is_space(c))
        p += l;
    return p;
}

static size_t dash_len(const scan *sc, size_t p)
{
    uint32_t c;
    size_t l = cp_at(sc, p, &c);
    return is_dash(c) ? l : 0;
}

/* A mention may start at p only if p is not inside a longer token: not after
 * a letter or digit, nor after "5." / "5-" (the tail of a version number,
 * phone number or range whose head was no date). */
static bool start_ok(const scan *sc, size_t p)
{
    uint32_t c, c2;
    size_t q;
    if (p == 0)
        return true;
    q = prev_cp(sc, p, &c);
    if (is_word(c))
        return false;
    if (!(is_sep(c) || is_dash(c)) || q == 0)
        return true;
    prev_cp(sc, q, &c2);
    return !is_digit(c2);
}

/* The mirror of start_ok; dashes are allowed after a mention so that the
 * head of "01.12.2017-05.12.2017" can take its tail (see extend_range). */
static bool end_ok(const scan *sc, size_t e)
{
    uint32_t c;
    size_t l = cp_at(sc, e, &c);
    return !l || (!is_word(c) && !(is_sep(c) && e + l < sc->n && is_digit(sc->s[e + l])));
}

/* ---- tokens ---- */

/* Matches `word` (lowercase UTF-8, a trailing '.' ignored) case-insensitively
 * as a whole word. */
static bool match_word(const scan *sc, size_t *p, const char *word)
{
    scan w = {.s = (const unsigned char *)word, .n = strcspn(word, ".")};
    size_t q = *p, i = 0;
    uint32_t a, b;
    while (i < w.n) {
        if (q >= sc->n)
            return false;
        q += decode(sc, q, &a);
        i += decode(&w, i, &b);
        if (fold(a) != b)
            return false;
    }
    if (word_at(sc, q))
        return false;
    *p = q;
    return true;
}

/* Matches the first of the NULL-terminated `words` that fits at *p and
 * returns it, or NULL. */
static const char *match_any(const scan *sc, size_t *p, const char *const *words)
{
    for (; *words; words++)
        if (match_word(sc, p, *words))
            return *words;
    return NULL;
}

/* After a short form ("Nov", "г"), takes the dot it may be written with. */
static size_t short_dot(const scan *sc, size_t q, const char *word)
{
    return word[strlen(word) - 1] == '.' && q < sc->n && sc->s[q] == '.' ? q + 1 : q;
}

/* Reads a whole run of digits whose length is in [lo, hi]: a longer run
 * fails, so "20251" is never read as a year. */
static bool read_num(const scan *sc, size_t *p, int lo, int hi, int *val)
{
    size_t q = *p;
    int v = 0, k = 0;
    for (; q < sc->n && is_digit(sc->s[q]); q++, k++)
        if (k < 9)
            v = v * 10 + (sc->s[q] - '0');
    if (k < lo || k > hi)
        return false;
    *p = q;
    *val = v;
    return true;
}

static bool expect(const scan *sc, size_t *p, unsigned char ch)
{
    if (*p >= sc->n || sc->s[*p] != ch)
        return false;
    (*p)++;
    return true;
}

static bool read_year(const scan *sc, size_t *p, int *y)
{
    size_t q = *p;
    if (!read_num(sc, &q, 4, 4, y) || *y < DATE_YEAR_MIN || *y > DATE_YEAR_MAX)
        return false;
    *p = q;
    return true;
}

/* A day number, with an English ordinal ending if any ("30th"). */
static bool read_day(const scan *sc, size_t *p, int *d)
{
    static const char *const ord[] = {"st", "nd", "rd", "th", "-го", "-е", NULL};
    if (!read_num(sc, p, 1, 2, d))
        return false;
    match_any(sc, p, ord);
    return true;
}

/* "14" or a range "14-15", "14 – 15th"; *d2 == *d1 when not a range. */
static bool read_days(const scan *sc, size_t *p, int *d1, int *d2)
{
    size_t q = *p, r, l;
    if (!read_day(sc, &q, d1))
        return false;
    *d2 = *d1;
    r = skip_ws(sc, q);
    if ((l = dash_len(sc, r)) != 0) {
        r = skip_ws(sc, r + l);
        if (read_day(sc, &r, d2))
            q = r;
    }
    *p = q;
    return true;
}

/* Takes a Russian year word after a year ("2017 года", "2017 г.",
 * "2020-2021 гг.") and returns the new end, or p when there is none. */
static size_t year_suffix(const scan *sc, size_t p)
{
    static const char *const words[] = {"года", "году", "год", "годов", "годах", "гг.", "г.", NULL};
    size_t q = skip_ws(sc, p);
    const char *w = match_any(sc, &q, words);
    return w ? short_dot(sc, q, w) : p;
}

/* Closes a mention after its year: takes a Russian year word and checks
 * that the mention does not run into a longer token ("2017B"). */
static bool year_end(const scan *sc, size_t *p)
{
    size_t q = year_suffix(sc, *p);
    if (!end_ok(sc, q))
        return false;
    *p = q;
    return true;
}

/* ---- months ---- */

/* Per month, NULL-terminated: English names, then Russian nominative,
 * genitive, locative. A trailing '.' marks a short form, which may be
 * written with a dot. */
static const char *const month_names[12][9] = {
    {"january", "jan.", "январь", "января", "январе", "янв."},
    {"february", "feb.", "февраль", "февраля", "феврале", "февр.", "фев."},
    {"march", "mar.", "март", "марта", "марте"},
    {"april", "apr.", "апрель", "апреля", "апреле", "апр."},
    {"may", "май", "мая", "мае"},
    {"june", "jun.", "июнь", "июня", "июне"},
    {"july", "jul.", "июль", "июля", "июле"},
    {"august", "aug.", "август", "августа", "августе", "авг."},
    {"september", "sept.", "sep.", "сентябрь", "сентября", "сентябре", "сент.", "сен."},
    {"october", "oct.", "октябрь", "октября", "октябре", "окт."},
    {"november", "nov.", "ноябрь", "ноября", "ноябре", "нояб.", "ноя."},
    {"december", "dec.", "декабрь", "декабря", "декабре", "дек."},
};

/* Also common English words ("you may", "to march"): written in lowercase
 * they count as months only next to a year. */
static bool is_weak(const char *name)
{
    return !strcmp(name, "may") || !strcmp(name, "march") || !strcmp(name, "mar.");
}

typedef struct month_hit {
    int month;
    size_t end;       /* just after the name, before any abbreviation dot */
    size_t next;      /* after the dot of "Nov." */
    bool needs_year;
} month_hit;

/* Whole-word matching makes at most one name fit ("sep" fails on "sept"). */
static bool read_month(const scan *sc, size_t p, month_hit *h)
{
    /* Most words are no month: an ASCII initial outside those of the English
     * names rejects them without trying every name (the indexer's hot path). */
    unsigned char c = p < sc->n ? sc->s[p] : 0;
    if (c < 0x80 && (!c || !strchr("jfmasond", c | 0x20)))
        return false;
    for (int m = 0; m < 12; m++) {
        size_t q = p;
        const char *name = match_any(sc, &q, month_names[m]);
        if (name) {
            bool lower = sc->s[p] >= 'a' && sc->s[p] <= 'z';
            *h = (month_hit){m + 1, q, short_dot(sc, q, name), is_weak(name) && lower};
            return true;
        }
    }
    return false;
}

/* ---- calendar ---- */

int date_days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dim[m - 1];
}

/* Year 0 stands for a date written without a year, so 29 February passes. */
static bool valid_day(int y, int m, int d)
{
    return y >= 0 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

static int ymd(int y, int m, int d) { return y * 10000 + m * 100 + d; }

static void set(cand *c, size_t end, int prec, int lo, int hi)
{
    *c = (cand){end, {lo, hi}, prec, true, false};
}

/* Days d1..d2 of a month; an impossible one still claims its bytes. */
static void set_days(cand *c, size_t end, int y, int m, int d1, int d2)
{
    bool ok = d1 <= d2 && valid_day(y, m, d1) && valid_day(y, m, d2);
    set(c, end, 'd', ok ? ymd(y, m, d1) : 0, ok ? ymd(y, m, d2) : 0);
    c->emit = ok;
}

static void set_years(cand *c, size_t end, int y1, int y2)
{
    set(c, end, 'y', ymd(y1, 1, 1), ymd(y2, 12, 31));
}

/* ---- forms ---- */

/* "2017-11-30", also with '/' or '.' (year first is never ambiguous), and
 * as the head of a timestamp "2017-11-30T10:00". */
static bool match_iso(const scan *sc, size_t p, cand *c)
{
    size_t q = p;
    int y, m, d;
    unsigned char sep;
    if (!read_num(sc, &q, 4, 4, &y) || q >= sc->n)
        return false;
    sep = sc->s[q];
    if ((sep != '-' && sep != '/' && sep != '.') || !expect(sc, &q, sep) ||
        !read_num(sc, &q, 2, 2, &m) || !expect(sc, &q, sep) || !read_num(sc, &q, 2, 2, &d) ||
        y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
        return false;
    if (!(q + 1 < sc->n && sc->s[q] == 'T' && is_digit(sc->s[q + 1])) && !year_end(sc, &q))
        return false;
    set_days(c, q, y, m, d, d);
    return true;
}

/* "09.04.2025", "9.4.2025": day first, as in Europe and Russia. */
static bool match_dotted(const scan *sc, size_t p, cand *c)
{
    size_t q = p;
    int d, m, y;
    if (!read_num(sc, &q, 1, 2, &d) || !expect(sc, &q, '.') || !read_num(sc, &q, 1, 2, &m) ||
        !expect(sc, &q, '.') || !read_year(sc, &q, &y) || !year_end(sc, &q))
        return false;
    set_days(c, q, y, m, d, d);
    return true;
}

/* "2020-2021", "2014 – 2016 гг." */
static bool match_year_range(const scan *sc, size_t p, cand *c)
{
    size_t q = p, l;
    int y1, y2;
    if (!read_year(sc, &q, &y1))
        return false;
    q = skip_ws(sc, q);
    if ((l = dash_len(sc, q)) == 0)
        return false;
    q = skip_ws(sc, q + l);
    if (!read_year(sc, &q, &y2) || y2 <= y1 || y2 - y1 > RANGE_MAX_YEARS || !year_end(sc, &q))
        return false;
    set_years(c, q, y1, y2);
    return true;
}

/* Whether the word before p (across white space) makes a number there a
 * year: "in 2022", "since 1992". */
static bool after_context_word(const scan *sc, size_t p)
{
    static const char *const words[] = {"in", "since", "by", "through", "until", "till", "year",
                                        "before", "after", "during", "early", "late", "в", NULL};
    size_t e = p, b, q;
    uint32_t c;
    while (e > 0 && (q = prev_cp(sc, e, &c), is_space(c)))
        e = q;
    if (e == p)
        return false;
    b = e;
    while (b > 0 && (q = prev_cp(sc, b, &c), is_word(c) && !is_digit(c)))
        b = q;
    q = b;
    return b < e && match_any(sc, &q, words) && q == e;
}

/* Takes a comma or a conjunction between the items of a list. */
static bool skip_join(const scan *sc, size_t *p)
{
    static const char *const joins[] = {"and", "or", "и", "или", NULL};
    if (*p < sc->n && sc->s[*p] == ',') {
        (*p)++;
        return true;
    }
    return match_any(sc, p, joins) != NULL;
}

/* Whether the year at p..e goes on a list begun by the last year reported:
 * "in 2003, 2007, and 2015". The list must also go on or end right after
 * it, so that the count in "In 2015, 2000 people died" stays a count. */
static bool continues_list(const scan *sc, size_t p, size_t e)
{
    size_t q = sc->list_from;
    bool joined = false;
    if (q >= p)
        return false;
    for (q = skip_ws(sc, q); q < p; q = skip_ws(sc, q), joined = true)
        if (!skip_join(sc, &q))
            return false;
    if (!joined || q != p)
        return false;
    e = skip_ws(sc, e);
    return e >= sc->n || memchr(",.;)", sc->s[e], 4) || skip_join(sc, &e);
}

/* A year alone, only where the context says it is one: "in 2022",
 * "(2014)", "2022 году". A bare "2025 troops" is a count. */
static bool match_context_year(const scan *sc, size_t p, cand *c)
{
    size_t q = p, r;
    int y;
    bool paren;
    if (!read_year(sc, &q, &y))
        return false;
    r = year_suffix(sc, q);
    paren = p > 0 && sc->s[p - 1] == '(' && q < sc->n && sc->s[q] == ')';
    if (!(r > q || paren || after_context_word(sc, p) || continues_list(sc, p, q)) ||
        !end_ok(sc, r))
        return false;
    set_years(c, r, y, y);
    return true;
}

/* "30 November 2017", "14-15 Sep", "30th of Nov. 2017", "30 ноября 2017 г." */
static bool match_day_first(const scan *sc, size_t p, cand *c)
{
    size_t q = p, r;
    int d1, d2, y;
    month_hit h;
    if (!read_days(sc, &q, &d1, &d2) || (r = skip_ws(sc, q)) == q)
        return false;
    q = r;
    if (match_word(sc, &r, "of") && skip_ws(sc, r) > r)
        q = skip_ws(sc, r);
    if (!read_month(sc, q, &h))
        return false;
    r = skip_ws(sc, h.next);
    if (r > h.end && read_year(sc, &r, &y) && year_end(sc, &r)) {
        set_days(c, r, y, h.month, d1, d2);
        return true;
    }
    if (h.needs_year)
        return false;
    set_days(c, h.end, 0, h.month, d1, d2);
    c->yearless = true;
    return true;
}

/* "November 30, 2017", "Sept. 14-15", "September 2015", "в сентябре 2015 года" */
static bool match_month_first(const scan *sc, size_t p, cand *c)
{
    size_t q, t;
    int d1, d2, y;
    month_hit h;
    if (!read_month(sc, p, &h) || (q = skip_ws(sc, h.next)) == h.end)
        return false;
    t = q;
    if (read_days(sc, &q, &d1, &d2)) {
        t = skip_ws(sc, q);
        if (t < sc->n && sc->s[t] == ',')
            t = skip_ws(sc, t + 1);
        if (t > q && read_year(sc, &t, &y) && year_end(sc, &t)) {
            set_days(c, t, y, h.month, d1, d2);
            return true;
        }
        if (h.needs_year || !end_ok(sc, q))
            return false;
        set_days(c, q, 0, h.month, d1, d2);
        c->yearless = true;
        return true;
    }
    if (!read_year(sc, &t, &y) || !year_end(sc, &t))
        return false;
    set(c, t, 'm', ymd(y, h.month, 1), ymd(y, h.month, date_days_in_month(y, h.month)));
    return true;
}

/* The longest of the forms that match at p. */
static bool match_at(const scan *sc, size_t p, cand *best)
{
    static bool (*const forms[])(const scan *, size_t, cand *) = {
        match_iso, match_dotted, match_year_range, match_context_year,
        match_day_first, match_month_first,
    };
    bool found = false;
    cand c;
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        if (forms[i](sc, p, &c) && (!found || c.end > best->end)) {
            *best = c;
            found = true;
        }
    return found;
}

/* Joins two dates written as a range: "01.12.2017–05.12.2017",
 * "September 2015 - February 2016", "30 November - 2 December 2017". The
 * tail is any form that stands on its own and starts after the head ends; a
 * head without a year takes the tail's (the year before when it would
 * otherwise come after the tail: "28 December - 3 January 2018"). */
static void extend_range(const scan *sc, cand *c)
{
    size_t q = skip_ws(sc, c->end), l = dash_len(sc, q);
    cand t;
    if (!c->emit || l == 0 || !match_at(sc, skip_ws(sc, q + l), &t) || !t.emit)
        return;
    date_span head = c->span;
    if (c->yearless && !t.yearless) {
        int y = t.span.lo / 10000 - (head.lo > t.span.lo % 10000);
        if (y < DATE_YEAR_MIN || !valid_day(y, head.lo / 100, head.lo % 100))
            return;   /* the year before the first the text may name */
        head.lo += y * 10000;
        head.hi += y * 10000;
    } else if (c->yearless != t.yearless) {
        return;
    }
    if (t.span.lo <= head.hi)
        return;
    c->end = t.end;
    c->span = (date_span){head.lo, t.span.hi};
    c->yearless = t.yearless;
    /* 'd' < 'm' < 'y': the larger is the coarser. */
    c->prec = t.prec > c->prec ? t.prec : c->prec;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil), so that distances between dates are exact. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int date_nearest(int mmdd, int anchor)
{
    int m = mmdd / 100, d = mmdd % 100, ay = anchor / 10000, best = 0;
    long at = days_from_civil(ay, anchor / 100 % 100, anchor % 100), best_dist = 0;
    for (int y = ay - 1; y <= ay + 1; y++) {
        if (y < 1 || !valid_day(y, m, d))
            continue;
        long dist = labs(days_from_civil(y, m, d) - at);
        /* Ties (half a year either way) go to the past: news looks back more. */
        if (!best || dist < best_dist) {
            best = y * 10000 + mmdd;
            best_dist = dist;
        }
    }
    return best;
}

/* Gives a yearless span its year by `mode`; false when it gets none. */
static bool resolve(date_span *s, int mode, int year)
{
    int y;
    if (mode == MODE_KEEP)
        return true;
    if (mode == MODE_YEAR)
        y = year;
    else if (mode == MODE_NEAR && year > 0)
        y = date_nearest(s->lo, year) / 10000;
    else
        return false;
    if (y <= 0 || !valid_day(y, s->lo / 100, s->lo % 100) || !valid_day(y, s->hi / 100, s->hi % 100))
        return false;
    s->lo += y * 10000;
    s->hi += y * 10000;
    return true;
}

/* The longest match starting exactly at p, ranges joined. */
static bool match_full(const scan *sc, size_t p, cand *c)
{
    if (!match_at(sc, p, c))
        return false;
    if (c->emit)
        extend_range(sc, c);
    return true;
}

static ssize_t find_all(const char *text, size_t len, int mode, int year, date_mention **out)
{
    scan sc = {(const unsigned char *)text, len, SIZE_MAX};
    date_mention *v = NULL;
    size_t n = 0, cap = 0, p = 0;
    uint32_t cp;
    cand c;
    *out = NULL;
    while (p < len) {
        if (!word_at(&sc, p) || !start_ok(&sc, p) || !match_full(&sc, p, &c)) {
            p += decode(&sc, p, &cp);
            continue;
        }
        if (c.emit && (!c.yearless || resolve(&c.span, mode, year))) {
            date_mention *nv = grow_to(v, &cap, n + 1, sizeof *nv, 8);
            if (!nv) {
                free(v);
                return -1;
            }
            v = nv;
            v[n++] = (date_mention){p, c.end, c.span, c.prec};
            if (c.prec == 'y')
                sc.list_from = c.end;
        }
        p = c.end;
    }
    *out = v;
    return (ssize_t)n;
}

ssize_t dates_find(const char *text, size_t len, int default_year, date_mention **out)
{
    return find_all(text, len, default_year ? MODE_YEAR : MODE_SKIP, default_year, out);
}

ssize_t dates_find_near(const char *text, size_t len, int anchor, date_mention **out)
{
    return find_all(text, len, anchor ? MODE_NEAR : MODE_KEEP, anchor, out);
}

size_t dates_resolve(date_mention *m, size_t n, int anchor)
{
    size_t k = 0;
    if (!anchor)
        return n;
    for (size_t i = 0; i < n; i++)
        if (m[i].span.lo >= 10000 || resolve(&m[i].span, MODE_NEAR, anchor))
            m[k++] = m[i];
    return k;
}

size_t dates_match(const char *text, size_t len, date_mention *m)
{
    scan sc = {(const unsigned char *)text, len, SIZE_MAX};
    cand c;
    if (!len || !match_full(&sc, 0, &c) || !c.emit)
        return 0;
    *m = (date_mention){0, c.end, c.span, c.prec};
    return c.end;
}

/* Exactly k digits at *p; on failure *err is the first non-digit. */
static bool filter_num(const char *s, size_t len, size_t *p, int k, int *val, size_t *err)
{
    int v = 0;
    for (int i = 0; i < k; i++, (*p)++) {
        if (*p >= len || s[*p] < '0' || s[*p] > '9') {
            *err = *p;
            return false;
        }
        v = v * 10 + (s[*p] - '0');
    }
    *val = v;
    return true;
}

/* One side of a filter: yyyy, yyyy-mm or yyyy-mm-dd. */
static bool filter_side(const char *s, size_t len, size_t *p, date_span *sp, size_t *err)
{
    static const int width[3] = {4, 2, 2};
    int v[3] = {0, 1, 1}, k;
    for (k = 0; k < 3; k++) {
        size_t at = *p;
        if (k > 0 && (*p >= len || s[*p] != '-'))
            break;
        if (k > 0)
            at = ++*p;
        if (!filter_num(s, len, p, width[k], &v[k], err))
            return false;
        if ((k == 0 && v[0] == 0) || (k == 1 && (v[1] < 1 || v[1] > 12)) ||
            (k == 2 && !valid_day(v[0], v[1], v[2]))) {
            *err = at;
            return false;
        }
    }
    sp->lo = ymd(v[0], v[1], v[2]);
    sp->hi = k == 1 ? ymd(v[0], 12, 31)
           : k == 2 ? ymd(v[0], v[1], date_days_in_month(v[0], v[1])) : sp->lo;
    return true;
}

int date_parse_filter(const char *s, size_t len, date_span *span, size_t *err_off)
{
    date_span a = {DATE_OPEN_LO, DATE_OPEN_HI}, b = a;
    size_t p = 0, upper, err = 0;
    bool has_lo = len > 0 && s[0] >= '0' && s[0] <= '9';
    if (has_lo && !filter_side(s, len, &p, &a, &err))
        goto bad;
    if (has_lo && p == len) {
        *span = a;
        return 0;
    }
    if (p >= len || s[p] != '.' || p + 1 >= len || s[p + 1] != '.') {
        err = p < len && s[p] == '.' ? p + 1 : p;
        goto bad;
    }
    p += 2;
    upper = p;
    if (p < len && !filter_side(s, len, &p, &b, &err))
        goto bad;
    if (p != len || (!has_lo && upper == len)) {
        err = p;
        goto bad;
    }
    if (a.lo > b.hi) {
        err = upper;
        goto bad;
    }
    span->lo = a.lo;
    span->hi = b.hi;
    return 0;
bad:
    *err_off = err;
    return -1;
}

static void put_digits(char *buf, int v, int k)
{
    while (k-- > 0) {
        buf[k] = (char)('0' + v % 10);
        v /= 10;
    }
}

void date_iso(int day, char buf[11])
{
    if (day < 0 || day > 99991231)
        day = 0;
    put_digits(buf, day / 10000, 4);
    buf[4] = '-';
    put_digits(buf + 5, day / 100 % 100, 2);
    buf[7] = '-';
    put_digits(buf + 8, day % 100, 2);
    buf[10] = '\0';
}
