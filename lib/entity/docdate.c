/* The document's own date: datelines and date headers read line by line
 * with dates.h doing the dates, metadata values, path dates, and the order
 * in which those sources are trusted. */
#include "entity/docdate.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *date_source_name(date_source s)
{
    switch (s) {
    case DATE_SRC_NONE: return "";
    case DATE_SRC_FEED: return "feed";
    case DATE_SRC_META: return "meta";
    case DATE_SRC_DATELINE: return "dateline";
    case DATE_SRC_PATH: return "path";
    case DATE_SRC_MTIME: return "mtime";
    }
    return "";
}

date_source date_source_parse(const char *name)
{
    for (int s = DATE_SRC_FEED; s <= DATE_SRC_MTIME; s++)
        if (!strcmp(name, date_source_name((date_source)s)))
            return (date_source)s;
    return DATE_SRC_NONE;
}

/* ---- characters ---- */

typedef struct line {
    const char *s;
    size_t n;
} line;

static bool is_digit(int c) { return c >= '0' && c <= '9'; }

static bool is_ascii_alpha(int c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* One code point at s[*p] (invalid bytes read as themselves), lowercased for
 * ASCII and Cyrillic: all the labels and weekdays here need. */
static uint32_t next_folded(const char *s, size_t n, size_t *p)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[*p];
    size_t len = 1;
    if (c >= 0xC2 && c < 0xE0 && *p + 1 < n && (u[*p + 1] & 0xC0) == 0x80) {
        c = (c & 0x1F) << 6 | (u[*p + 1] & 0x3F);
        len = 2;
    } else if (c >= 0xE0 && c < 0xF0 && *p + 2 < n && (u[*p + 1] & 0xC0) == 0x80 &&
               (u[*p + 2] & 0xC0) == 0x80) {
        c = (c & 0x0F) << 12 | (uint32_t)(u[*p + 1] & 0x3F) << 6 | (u[*p + 2] & 0x3F);
        len = 3;
    }
    *p += len;
    if ((c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F))
        return c + 32;
    return c >= 0x400 && c <= 0x40F ? c + 80 : c;
}

static bool is_space_at(const line *l, size_t p, size_t *len)
{
    const unsigned char *u = (const unsigned char *)l->s + p;
    if (p >= l->n)
        return false;
    if (*u == ' ' || *u == '\t' || *u == '\r' || *u == '\f' || *u == '\v') {
        *len = 1;
        return true;
    }
    if (p + 1 < l->n && u[0] == 0xC2 && u[1] == 0xA0) {   /* no-break space */
        *len = 2;
        return true;
    }
    if (p + 2 < l->n && u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8A || u[2] == 0xAF)) {
        *len = 3;
        return true;
    }
    return false;
}

static size_t skip_spaces(const line *l, size_t p)
{
    size_t k;
    while (is_space_at(l, p, &k))
        p += k;
    return p;
}

/* A dash of any kind (-, ‒, –, —, ―, −) at p: its length, or 0. */
static size_t dash_at(const line *l, size_t p)
{
    const unsigned char *u = (const unsigned char *)l->s + p;
    if (p < l->n && *u == '-')
        return 1;
    if (p + 2 < l->n && u[0] == 0xE2 &&
        ((u[1] == 0x80 && u[2] >= 0x92 && u[2] <= 0x95) || (u[1] == 0x88 && u[2] == 0x92)))
        return 3;
    return 0;
}

/* Whether a letter or digit (of any script) starts at p. */
static bool word_at(const line *l, size_t p)
{
    if (p >= l->n)
        return false;
    unsigned char c = (unsigned char)l->s[p];
    if (c < 0x80)
        return is_digit(c) || is_ascii_alpha(c);
    if (c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF)
        return false;   /* Latin-1 and general punctuation, CJK punctuation, BOM */
    return c >= 0xC3;
}

/* Matches `word` (lowercase) at p as a whole word; returns its end or 0. */
static size_t word_is(const line *l, size_t p, const char *word)
{
    size_t q = p, i = 0, wn = strlen(word);
    while (i < wn) {
        if (q >= l->n || next_folded(l->s, l->n, &q) != next_folded(word, wn, &i))
            return 0;
    }
    return word_at(l, q) ? 0 : q;
}

/* The longest of `words` at p; returns its end or 0. */
static size_t any_word(const line *l, size_t p, const char *const *words)
{
    size_t best = 0;
    for (; *words; words++) {
        size_t e = word_is(l, p, *words);
        if (e > best)
            best = e;
    }
    return best;
}

/* ---- the pieces around a date ---- */

/* "Tuesday, ", "Tue ", "вторник, ": a weekday before a date. */
static size_t skip_weekday(const line *l, size_t p)
{
    static const char *const days[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "пн", "вт", "ср", "чт", "пт", "сб", "вс", NULL,
    };
    size_t e = any_word(l, p, days);
    if (!e)
        return p;
    if (e < l->n && l->s[e] == '.')
        e++;
    if (e < l->n && l->s[e] == ',')
        e++;
    size_t q = skip_spaces(l, e);
    return q > e || (e > p && l->s[e - 1] == ',') ? q : p;
}

/* A time of day and its zone after a date: ", 09:42", " at 9:42 a.m. EDT",
 * "T09:42:00.000+03:00", " 09:42 (MSK)", " в 09:42 по московскому времени",
 * " GMT". Returns the end of what it took (p when nothing). */
static const char *const ampm[] = {"am", "pm", "a.m", "p.m", NULL};

static size_t skip_time(const line *l, size_t p)
{
    static const char *const joins[] = {"at", "в", NULL};
    static const char *const zones_ru[] = {"по московскому времени", "мск", NULL};
    size_t q = p;
    if (q < l->n && (l->s[q] == ',' || l->s[q] == 'T'))
        q++;
    q = skip_spaces(l, q);
    size_t j = any_word(l, q, joins);
    if (j)
        q = skip_spaces(l, j);
    size_t t = q;
    while (t < l->n && is_digit(l->s[t]))
        t++;
    if (t - q < 1 || t - q > 2 || t >= l->n || (l->s[t] != ':' && l->s[t] != '.') ||
        t + 2 >= l->n || !is_digit(l->s[t + 1]) || !is_digit(l->s[t + 2])) {
        t = p;   /* no time: a zone may still follow ("2019-06-11 UTC") */
    } else {
        t += 3;
        while (t + 2 < l->n + 0 && (l->s[t] == ':' || l->s[t] == '.') && is_digit(l->s[t + 1]))
            for (t++; t < l->n && is_digit(l->s[t]); t++)
                ;
        size_t s = skip_spaces(l, t), e = any_word(l, s, ampm);
        if (e) {
            t = e < l->n && l->s[e] == '.' ? e + 1 : e;
        }
    }
    /* The zone: Z, +03:00, +0300, GMT, UTC+3, EDT, (MSK), мск. */
    size_t z = t;
    if (z < l->n && l->s[z] == 'Z' && !word_at(l, z + 1))
        return z + 1;
    z = skip_spaces(l, z);
    bool paren = z < l->n && l->s[z] == '(';
    if (paren)
        z++;
    size_t a = z;
    while (z < l->n && l->s[z] >= 'A' && l->s[z] <= 'Z' && z - a < 5)
        z++;
    if (z > a && (z - a < 2 || word_at(l, z)))
        z = a;
    size_t r = any_word(l, z, zones_ru);
    if (r)
        z = r;
    if (z < l->n && (l->s[z] == '+' || l->s[z] == '-' || dash_at(l, z) == 3) &&
        (z > a || z == t)) {
        size_t d = z + (l->s[z] == '+' || l->s[z] == '-' ? 1 : 3), e = d;
        while (e < l->n && (is_digit(l->s[e]) || l->s[e] == ':') && e - d < 5)
            e++;
        /* "+03:00" but not the " - " of a dateline. */
        if (e > d && is_digit(l->s[d]))
            z = e;
    }
    if (paren) {
        if (z > a && z < l->n && l->s[z] == ')')
            return z + 1;
        return t;
    }
    return z > a ? z : t;
}

static int slash_date(const char *s, size_t n);

/* A date at p (after a weekday): its first day (mmdd when written without a
 * year) and end, or false. Only days count: "March 2000" dates nothing. A
 * slash date counts only when its order shows ("25/11/2020"). */
static bool date_at(const line *l, size_t p, int *day, size_t *end)
{
    date_mention m;
    p = skip_weekday(l, p);
    if (p >= l->n)
        return false;
    if (!dates_match(l->s + p, l->n - p, &m) || m.precision != 'd') {
        size_t e = p;
        while (e < l->n && (is_digit(l->s[e]) || l->s[e] == '/'))
            e++;
        if (e == p || word_at(l, e) || !(*day = slash_date(l->s + p, e - p)))
            return false;
        *end = skip_time(l, e);
        return true;
    }
    *day = m.span.lo;
    *end = skip_time(l, p + m.end);
    return true;
}

/* "(Reuters)", "/TASS/", "[AKIpress]" after a dateline's date. */
static size_t skip_agency(const line *l, size_t p)
{
    static const char pairs[][2] = {{'(', ')'}, {'/', '/'}, {'[', ']'}};
    p = skip_spaces(l, p);
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        if (p >= l->n || l->s[p] != pairs[i][0])
            continue;
        for (size_t q = p + 1; q < l->n && q - p < 60; q++)
            if (l->s[q] == pairs[i][1])
                return q > p + 1 ? skip_spaces(l, q + 1) : p;
    }
    return p;
}

/* What may follow a dateline: the end of the line, a dash, a colon or a
 * full stop (the text begins after it). */
static bool dateline_end(const line *l, size_t p)
{
    p = skip_spaces(l, p);
    if (p >= l->n || dash_at(l, p))
        return true;
    return l->s[p] == '.' || l->s[p] == ':' || l->s[p] == '|' || l->s[p] == ';';
}

/* ---- line forms ---- */

static size_t skip_leading_time(const line *l, size_t p);

/* "Date: …", "Posted: …", "Published March 2, 2023", "Опубликовано: …". */
static const char *const published_labels[] = {
        "date", "dated", "dateline", "posted", "posted on", "published", "published on",
        "first published", "first published on", "publication date", "date published",
        "published date", "pub date", "release date", "released", "released on", "issued",
        "filed", "created", "дата", "дата публикации", "опубликовано", "опубликован",
        "опубликована", "размещено", "добавлено", "создано", "дата выхода", NULL,
};

/* A modified date is not the date of the news: it dates a text only when
 * nothing near its top says when it was published. */
static const char *const updated_labels[] = {
    "updated", "last updated", "modified", "last modified", "обновлено", "обновлен",
    "обновлена", "изменено", NULL,
};

static bool header_form(const line *l, const char *const *labels, int *day)
{
    size_t p = any_word(l, 0, labels), end;
    if (!p)
        return false;
    /* "Posted: ", "Posted - ", "**Published:** " (Markdown bold). */
    for (size_t k;;) {
        p = skip_spaces(l, p);
        if (p < l->n && (l->s[p] == ':' || l->s[p] == '*' || l->s[p] == '_'))
            p++;
        else if ((k = dash_at(l, p)) != 0)
            p += k;
        else
            break;
    }
    /* "Posted by Jane Roe on June 11, 2019". */
    size_t by = word_is(l, p, "by");
    for (int words = 0; by && words < 6 && !date_at(l, p, day, &end); words++) {
        p = skip_spaces(l, by);
        while (p < l->n && (word_at(l, p) || l->s[p] == '.' || l->s[p] == '\''))
            p++;
        by = p;
        p = skip_spaces(l, p);
        if (p < l->n && l->s[p] == ',')
            p = skip_spaces(l, p + 1);
        size_t on = word_is(l, p, "on");
        if (on)
            p = skip_spaces(l, on);
    }
    return date_at(l, skip_leading_time(l, p), day, &end);
}

/* Whether the word at p..e may be part of a place name: capitalized, or a
 * short joining word ("Dar es Salaam", "Rostov-on-Don" is one word). */
static bool place_word(const line *l, size_t p, size_t e, int *small)
{
    const unsigned char *u = (const unsigned char *)l->s + p;
    bool upper = (*u >= 'A' && *u <= 'Z') ||
                 (e - p >= 2 && ((u[0] == 0xD0 && u[1] >= 0x80 && u[1] <= 0xAF)));
    if (upper)
        return true;
    return e - p <= 3 && ++*small <= 2;
}

/* "DUSHANBE, 22 March 2000 –", "MINSK, Belarus, Nov 30 (Reuters) -",
 * "Душанбе, 30 ноября 2017 года.": a place of at most six words without
 * digits, a comma, a date, an agency, then the text. */
static bool dateline_form(const line *l, int *day)
{
    size_t p = 0, words = 0, end;
    int small = 0;
    while (p < l->n && p < 80) {
        size_t e = p;
        while (e < l->n && (word_at(l, e) || l->s[e] == '.' || l->s[e] == '-' || l->s[e] == '\'')) {
            if (is_digit(l->s[e]))
                return false;
            size_t step = (unsigned char)l->s[e] < 0x80 ? 1 : (unsigned char)l->s[e] < 0xE0 ? 2 : 3;
            e = e + step > l->n ? l->n : e + step;   /* a truncated last character */
        }
        if (e == p || !place_word(l, p, e, &small) || ++words > 6)
            return false;
        p = skip_spaces(l, e);
        /* "ASTANA. December 3. KAZINFORM -": a full stop after the place. */
        if (l->s[e - 1] == '.' && p > e && date_at(l, p, day, &end) &&
            dateline_end(l, skip_agency(l, end)))
            return true;
        size_t dash = dash_at(l, p);
        if (p < l->n && (l->s[p] == ',' || (dash && p > e))) {
            /* "DUSHANBE, 22 March 2000", "Dushanbe — March 22, 2000:" */
            size_t d = skip_spaces(l, p + (dash ? dash : 1));
            if (date_at(l, d, day, &end) && dateline_end(l, skip_agency(l, end)))
                return true;
            if (dash)
                return false;
            p = d;   /* "MINSK, Belarus, …": the place goes on */
        }
    }
    return false;
}

/* A time before a date, as Russian sites write it: "14:05, 30 ноября 2017". */
static size_t skip_leading_time(const line *l, size_t p)
{
    size_t q = p;
    while (q < l->n && is_digit(l->s[q]) && q - p < 2)
        q++;
    if (q == p || q + 2 >= l->n || l->s[q] != ':' || !is_digit(l->s[q + 1]) ||
        !is_digit(l->s[q + 2]))
        return p;
    q += 3;
    /* "2:05 PM EST, December 3, 2021", "12:30 GMT, 3 Dec 2021": a half of
     * the day and a zone of capitals between time and comma. */
    size_t m = any_word(l, skip_spaces(l, q), ampm);
    if (m)
        q = m < l->n && l->s[m] == '.' ? m + 1 : m;
    size_t z = skip_spaces(l, q), ze = z;
    while (ze < l->n && l->s[ze] >= 'A' && l->s[ze] <= 'Z' && ze - z < 5)
        ze++;
    if (ze - z >= 2 && ze < l->n && l->s[ze] == ',')
        q = ze;
    if (q < l->n && l->s[q] == ',')
        q++;
    size_t r = skip_spaces(l, q);
    return r > q || (q > 0 && l->s[q - 1] == ',') ? r : p;
}

/* A line, or a part of one between '|' or '·', holding only a date. */
static bool only_date(const line *l, int *day)
{
    size_t end;
    return date_at(l, skip_leading_time(l, skip_spaces(l, 0)), day, &end) &&
           skip_spaces(l, end) >= l->n;
}

/* The parts of a byline such as "By Jane Roe | June 11, 2019 | 09:42" or
 * "By Jane Roe | Published: 11 Jun 2019": a part holding only a date, or
 * after the first a header with one of labels (none if NULL). */
static bool part_date(const line *l, const char *const *labels, int *day)
{
    size_t from = 0;
    for (size_t p = 0; p <= l->n; p++) {
        bool cut = p == l->n || l->s[p] == '|' ||
                   (p + 1 < l->n && (unsigned char)l->s[p] == 0xC2 && (unsigned char)l->s[p + 1] == 0xB7);
        if (!cut)
            continue;
        line part = {l->s + from, p - from};
        size_t lead = skip_spaces(&part, 0);
        part.s += lead;
        part.n -= lead;
        if ((!labels && only_date(&part, day)) ||
            (labels && from > 0 && header_form(&part, labels, day)))
            return true;
        from = p + (p < l->n && l->s[p] == '|' ? 1 : 2);
    }
    return false;
}

/* A date opening a line of text: "22.03.2000 – The talks …". */
static bool leading_date(const line *l, int *day)
{
    size_t end;
    if (!date_at(l, skip_spaces(l, 0), day, &end))
        return false;
    end = skip_agency(l, end);   /* "Nov 30 (Reuters) -" */
    return end < l->n && (dash_at(l, end) || l->s[end] == '|');
}

/* Drops the white space and list or quote marks around a line. */
static line trim(const char *s, size_t n)
{
    line l = {s, n};
    size_t k;
    while (l.n && (is_space_at(&l, 0, &k) || strchr("*_#>", l.s[0]))) {
        k = is_space_at(&l, 0, &k) ? k : 1;
        l.s += k;
        l.n -= k;
    }
    while (l.n && (l.s[l.n - 1] == ' ' || l.s[l.n - 1] == '\t' || l.s[l.n - 1] == '\r' ||
                   l.s[l.n - 1] == '*' || l.s[l.n - 1] == '_'))
        l.n--;
    return l;
}

int docdate_text(const char *text, size_t len, size_t top_from)
{
    size_t at = 0, nonempty = 0, below = 0;
    int day, updated = 0;
    while (at < len) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t e = nl ? (size_t)(nl - text) : len;
        line l = trim(text + at, e - at);
        at = e + 1;
        if (!l.n)
            continue;
        /* Both counts move on every line: no short-circuit. */
        bool head = nonempty++ < DOCDATE_TOP_LINES;
        bool article = l.s >= text + top_from && below++ < DOCDATE_TOP_LINES;
        bool top = head || article;
        if (top && (header_form(&l, published_labels, &day) || dateline_form(&l, &day) ||
                    part_date(&l, NULL, &day) || part_date(&l, published_labels, &day) ||
                    leading_date(&l, &day)))
            return day;
        if (top && !updated &&
            (header_form(&l, updated_labels, &day) || part_date(&l, updated_labels, &day)))
            updated = day;
        if (!top && only_date(&l, &day) && day > 10000)
            return day;
    }
    return updated;
}

/* ---- metadata values ---- */

/* Reads exactly k digits at *p. */
static bool digits(const char *s, size_t n, size_t *p, int k, int *v)
{
    *v = 0;
    for (int i = 0; i < k; i++, (*p)++) {
        if (*p >= n || !is_digit(s[*p]))
            return false;
        *v = *v * 10 + (s[*p] - '0');
    }
    return true;
}

/* A day that exists, with a year that text dates may have. */
static int real_day(int y, int m, int d)
{
    if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || m < 1 || m > 12 || d < 1 ||
        d > date_days_in_month(y, m))
        return 0;
    return y * 10000 + m * 100 + d;
}

/* A whole run of 1 or 2 digits at *p. */
static bool small_number(const char *s, size_t n, size_t *p, int *v)
{
    size_t q = *p;
    *v = 0;
    while (q < n && is_digit(s[q]) && q - *p < 3)
        *v = *v * 10 + (s[q++] - '0');
    if (q == *p || q - *p > 2)
        return false;
    *p = q;
    return true;
}

/* "2019/06/11", "25/11/2020", "11/25/2020": slash dates whose order shows. */
static int slash_date(const char *s, size_t n)
{
    size_t p = 0;
    int a, b, y;
    if (digits(s, n, &p, 4, &y) && p < n && s[p] == '/') {
        p++;
        if (small_number(s, n, &p, &a) && p < n && s[p] == '/' && (++p, small_number(s, n, &p, &b)))
            return real_day(y, a, b);
        return 0;
    }
    p = 0;
    if (!small_number(s, n, &p, &a) || p >= n || s[p++] != '/' || !small_number(s, n, &p, &b) ||
        p >= n || s[p++] != '/' || !digits(s, n, &p, 4, &y) || (p < n && is_digit(s[p])))
        return 0;
    if (a > 12 && b <= 12)
        return real_day(y, b, a);
    if (b > 12 && a <= 12)
        return real_day(y, a, b);
    return a == b ? real_day(y, a, b) : 0;
}

int docdate_value(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
        s++;
        len--;
    }
    size_t p = 0;
    int y, m, d;
    /* The compact ISO form, "20190611" or "20190611T094200Z". */
    if (digits(s, len, &p, 4, &y) && digits(s, len, &p, 2, &m) && digits(s, len, &p, 2, &d) &&
        (p == len || !is_digit(s[p])))
        return real_day(y, m, d);
    int day = slash_date(s, len);
    if (day)
        return day;
    /* Everything else is a written date somewhere in the value: the first
     * with a year and a day ("Tue, 11 Jun 2019 09:42:00 +0300"). */
    date_mention *v;
    ssize_t n = dates_find(s, len, 0, &v);
    for (ssize_t i = 0; i < n && !day; i++)
        if (v[i].precision == 'd')
            day = v[i].span.lo;
    free(v);
    return day;
}

/* ---- paths ---- */

/* A date at p in a path: y/m/d, y-m-d, y_m_d, y.m.d or yyyymmdd, not glued
 * to letters or digits on either side. */
static int path_date_at(const char *s, size_t n, size_t p)
{
    size_t q = p;
    int y, m, d;
    if (p > 0 && (is_digit(s[p - 1]) || is_ascii_alpha(s[p - 1])))
        return 0;
    if (!digits(s, n, &q, 4, &y))
        return 0;
    char sep = q < n ? s[q] : 0;
    if (sep == '/' || sep == '-' || sep == '_' || sep == '.') {
        q++;
        if (!small_number(s, n, &q, &m) || q >= n || s[q] != sep)
            return 0;
        q++;
        if (!small_number(s, n, &q, &d))
            return 0;
    } else if (!digits(s, n, &q, 2, &m) || !digits(s, n, &q, 2, &d)) {
        return 0;
    }
    if (q < n && (is_digit(s[q]) || is_ascii_alpha(s[q])))
        return 0;
    return real_day(y, m, d);
}

int docdate_path(const char *path)
{
    int day = 0;
    if (!path)
        return 0;
    size_t n = strlen(path);
    for (size_t p = 0; p + 8 <= n; p++) {
        int d = path_date_at(path, n, p);
        if (d)
            day = d;
    }
    return day;
}

/* ---- choosing ---- */

int docdate_guess_year(int mmdd, const char *text, size_t len, const date_mention *m, size_t n)
{
    enum { NYEARS = DATE_YEAR_MAX - DATE_YEAR_MIN + 1 };
    unsigned weight[NYEARS] = {0};
    int best = 0;
    for (size_t i = 0; i < n; i++) {
        int y = m[i].span.lo / 10000;
        if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
            continue;   /* yearless */
        if (m[i].precision == 'd' && m[i].span.lo % 10000 == mmdd)
            return y;
        weight[y - DATE_YEAR_MIN] += m[i].precision == 'd' ? 3 : m[i].precision == 'm' ? 2 : 1;
    }
    /* A bare "2017" ("the summit of 2017") is no mention, but a hint. */
    for (size_t p = 0; p + 4 <= len; p++) {
        size_t q = p;
        int y;
        if ((p > 0 && (is_digit(text[p - 1]) || is_ascii_alpha(text[p - 1]))) ||
            !digits(text, len, &q, 4, &y) || (q < len && (is_digit(text[q]) || is_ascii_alpha(text[q]))))
            continue;
        if (y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX)
            weight[y - DATE_YEAR_MIN]++;
        p = q;
    }
    for (int y = 0; y < NYEARS; y++)
        if (weight[y] && (!best || weight[y] >= weight[best - DATE_YEAR_MIN]))
            best = DATE_YEAR_MIN + y;
    return best;
}

date_source docdate_pick(const docdate_in *in, int *day)
{
    *day = 0;
    if (in->feed_day) {
        *day = in->feed_day;
        return DATE_SRC_FEED;
    }
    if (in->meta_day) {
        *day = in->meta_day;
        return DATE_SRC_META;
    }
    int text = in->text ? docdate_text(in->text, in->len, in->top) : 0;
    int path = docdate_path(in->path);
    if (!path)
        path = docdate_path(in->url);
    if (text > 10000) {
        *day = text;
        return DATE_SRC_DATELINE;
    }
    if (text) {
        /* "MINSK, Nov 30 (Reuters) -": the year comes from elsewhere. */
        int ref = path ? path : in->mtime_day;
        int year = docdate_guess_year(text, in->text, in->len, in->mentions, in->nmentions);
        *day = ref ? date_nearest(text, ref) : year ? date_nearest(text, year * 10000 + text) : 0;
        if (*day)
            return DATE_SRC_DATELINE;
    }
    if (path) {
        *day = path;
        return DATE_SRC_PATH;
    }
    if (in->mtime_day) {
        *day = in->mtime_day;
        return DATE_SRC_MTIME;
    }
    return DATE_SRC_NONE;
}
