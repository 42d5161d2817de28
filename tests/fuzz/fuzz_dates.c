/* libFuzzer target for dates: dates_find (default year from the first input
 * byte: 0 none, else 1899 + byte), dates_find_near, the document date
 * readers (docdate.h) and date_parse_filter on the remaining bytes, checking
 * that every span is a real, ordered date. */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entity/dates.h"
#include "entity/docdate.h"

#define FUZZ_MAX_INPUT (64 * 1024)

/* A yyyymmdd day that exists (year 0 allowed: the open lower end). */
static int day_ok(int d)
{
    int y = d / 10000, m = d / 100 % 100, dd = d % 100;
    return d >= 0 && y <= 9999 && m >= 1 && m <= 12 && dd >= 1 && dd <= date_days_in_month(y, m);
}

/* Years found in text lie in 1900..2100, or are the default year. */
static int year_ok(int d, int default_year)
{
    int y = d / 10000;
    return (y >= 1900 && y <= 2100) || (default_year && y == default_year);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > FUZZ_MAX_INPUT)
        return 0;
    int year = data[0] ? 1899 + data[0] : 0;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    date_mention *m = (date_mention *)(uintptr_t)1;
    ssize_t n = dates_find(text, len, year, &m);
    assert(n >= 0);
    assert((n == 0) == (m == NULL));
    size_t prev_end = 0;
    for (ssize_t i = 0; i < n; i++) {
        assert(m[i].start < m[i].end && m[i].end <= len);
        assert(m[i].start >= prev_end);
        prev_end = m[i].end;
        assert(day_ok(m[i].span.lo) && day_ok(m[i].span.hi));
        assert(m[i].span.lo <= m[i].span.hi);
        assert(year_ok(m[i].span.lo, year) && year_ok(m[i].span.hi, year));
        assert(m[i].precision == 'd' || m[i].precision == 'm' || m[i].precision == 'y');
        char iso[11];
        date_iso(m[i].span.lo, iso);
        assert(strlen(iso) == 10);
    }
    free(m);

    n = dates_find_near(text, len, 0, &m);
    assert(n >= 0);
    size_t kept = dates_resolve(m, (size_t)n, 20171130);
    for (size_t i = 0; i < kept; i++)
        assert(day_ok(m[i].span.lo) && day_ok(m[i].span.hi) && m[i].span.lo <= m[i].span.hi);
    free(m);

    int day = docdate_text(text, len, len / 2);
    assert(day == 0 || (day < 10000 && day_ok(day)) || (day_ok(day) && year_ok(day, 0)));
    day = docdate_value(text, len);
    assert(day == 0 || (day_ok(day) && year_ok(day, 0)));

    date_span span = { -1, -2 };
    size_t off = (size_t)-1;
    if (date_parse_filter(text, len, &span, &off) == 0) {
        assert(day_ok(span.lo) && day_ok(span.hi) && span.lo <= span.hi);
    } else {
        assert(span.lo == -1 && span.hi == -2);
        assert(off <= len);
    }
    return 0;
}
