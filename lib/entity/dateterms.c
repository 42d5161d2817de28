/* Date terms: "Y2015", "M201509", "D20150914" (prefixes from xap/prefix.h). */
#include "entity/dateterms.h"

#include <stdio.h>

#include "xap/prefix.h"

enum { MAX_DAYS = 62, MAX_MONTHS = 36 };

static int emit(dateterm_fn fn, void *ctx, const char *prefix, int value)
{
    char term[32];
    snprintf(term, sizeof term, "%s%d", prefix, value);
    return fn(term, ctx);
}

/* Counts months from lo to hi inclusive (yyyymm ints). */
static int months_between(int lo, int hi)
{
    return (hi / 100 - lo / 100) * 12 + (hi % 100 - lo % 100) + 1;
}

int dateterms_mention(const date_span *span, int precision, dateterm_fn fn, void *ctx)
{
    int lo = span->lo, hi = span->hi, rc = 0;
    int ylo = lo / 10000, yhi = hi / 10000;
    if (ylo < DATE_YEAR_MIN || yhi > DATE_YEAR_MAX || lo > hi)
        return 0;
    /* A long span is indexed at a coarser precision rather than as hundreds
     * of day terms. */
    if (precision == 'd' && (hi - lo > 10000 || months_between(lo / 100, hi / 100) > 2))
        precision = 'm';
    if (precision == 'm' && months_between(lo / 100, hi / 100) > MAX_MONTHS)
        precision = 'y';
    for (int y = ylo; y <= yhi && !rc; y++)
        rc = emit(fn, ctx, PREFIX_YEAR, y);
    if (precision == 'y')
        return rc;
    for (int ym = lo / 100; ym <= hi / 100 && !rc; ym = ym % 100 == 12 ? ym + 89 : ym + 1)
        rc = emit(fn, ctx, PREFIX_MONTH, ym);
    if (precision == 'm')
        return rc;
    int n = 0;
    for (int d = lo; d <= hi && !rc && n < MAX_DAYS; n++) {
        rc = emit(fn, ctx, PREFIX_DAY, d);
        int y = d / 10000, m = d / 100 % 100, dd = d % 100;
        if (dd < date_days_in_month(y, m))
            d++;
        else if (m < 12)
            d = y * 10000 + (m + 1) * 100 + 1;
        else
            d = (y + 1) * 10000 + 101;
    }
    return rc;
}

int dateterms_monthday(const date_span *span, dateterm_fn fn, void *ctx)
{
    int rc = 0, n = 0;
    /* Year 0 is a leap year to date_days_in_month, so 0229 passes. */
    for (int d = span->lo; d <= span->hi && !rc && n < 31; n++) {
        char term[16];
        snprintf(term, sizeof term, "%s%04d", PREFIX_MONTHDAY, d);
        rc = fn(term, ctx);
        d = d % 100 < date_days_in_month(0, d / 100) ? d + 1 : (d / 100 + 1) * 100 + 1;
    }
    return rc;
}

static int month_range(int y, int m, int dlo, int dhi, dateterm_fn fn, void *ctx)
{
    if (dlo == 1 && dhi == date_days_in_month(y, m))
        return emit(fn, ctx, PREFIX_MONTH, y * 100 + m);
    int rc = 0;
    for (int d = dlo; d <= dhi && !rc; d++)
        rc = emit(fn, ctx, PREFIX_DAY, y * 10000 + m * 100 + d);
    return rc;
}

int dateterms_range(const date_span *span, dateterm_fn fn, void *ctx)
{
    int lo = span->lo, hi = span->hi, rc = 0;
    if (lo < DATE_YEAR_MIN * 10000 + 101)
        lo = DATE_YEAR_MIN * 10000 + 101;
    if (hi > DATE_YEAR_MAX * 10000 + 1231)
        hi = DATE_YEAR_MAX * 10000 + 1231;
    for (int y = lo / 10000; y <= hi / 10000 && !rc; y++) {
        int from = y == lo / 10000 ? lo : y * 10000 + 101;
        int to = y == hi / 10000 ? hi : y * 10000 + 1231;
        if (from % 10000 == 101 && to % 10000 == 1231) {
            rc = emit(fn, ctx, PREFIX_YEAR, y);
            continue;
        }
        for (int m = from / 100 % 100; m <= to / 100 % 100 && !rc; m++) {
            int dlo = m == from / 100 % 100 ? from % 100 : 1;
            int dhi = m == to / 100 % 100 ? to % 100 : date_days_in_month(y, m);
            rc = month_range(y, m, dlo, dhi, fn, ctx);
        }
    }
    return rc;
}
