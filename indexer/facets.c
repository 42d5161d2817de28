/* Facet slots: most mentions first, ties in key order, so the same text
 * always fills the same slots. */
#include "facets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xap/prefix.h"

/* The number after `prefix` in `term` when it has exactly `digits` digits, else -1. */
static int term_number(const char *term, const char *prefix, size_t digits)
{
    size_t plen = strlen(prefix);
    if (strncmp(term, prefix, plen) != 0 || strlen(term + plen) != digits ||
        strspn(term + plen, "0123456789") != digits)
        return -1;
    return atoi(term + plen);
}

void year_counts_add(year_counts *y, const char *term)
{
    int year = term_number(term, PREFIX_YEAR, 4), ym = term_number(term, PREFIX_MONTH, 6);
    if (year >= DATE_YEAR_MIN && year <= DATE_YEAR_MAX)
        y->n[year - DATE_YEAR_MIN]++;
    if (ym / 100 >= DATE_YEAR_MIN && ym / 100 <= DATE_YEAR_MAX && ym % 100 >= 1 && ym % 100 <= 12)
        y->months[(ym / 100 - DATE_YEAR_MIN) * 12 + ym % 100 - 1]++;
}

static int by_mentions(const void *a, const void *b)
{
    const ent_count *x = *(const ent_count *const *)a, *y = *(const ent_count *const *)b;
    if (x->mentions != y->mentions)
        return x->mentions > y->mentions ? -1 : 1;
    return strcmp(x->key, y->key);
}

static seek_status set_entities(xap_doc *doc, const extraction *x, ent_type type, int first_slot,
                                const ent_count **scratch)
{
    size_t n = 0;
    for (size_t i = 0; i < x->nents; i++)
        if (x->ents[i].type == type)
            scratch[n++] = &x->ents[i];
    qsort(scratch, n, sizeof *scratch, by_mentions);
    seek_status st = SEEK_OK;
    for (size_t i = 0; i < n && i < FACET_SLOTS && st == SEEK_OK; i++)
        st = xap_doc_set_value(doc, first_slot + (int)i, scratch[i]->key, strlen(scratch[i]->key));
    return st;
}

typedef struct year_count { int year; unsigned n; } year_count;

static int by_count(const void *a, const void *b)
{
    const year_count *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return x->year - y->year;
}

/* The FACET_SLOTS most counted of `counts` (index i stands for `first` +
 * i, or for months the i-th month from January of DATE_YEAR_MIN) into the
 * slots from `slot`. */
static seek_status set_counted(xap_doc *doc, const unsigned *counts, size_t ncounts, int months,
                               int slot)
{
    year_count *v = malloc((ncounts + 1) * sizeof *v);
    if (!v)
        return SEEK_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < ncounts; i++)
        if (counts[i])
            v[n++] = (year_count){ months ? (DATE_YEAR_MIN + (int)i / 12) * 100 + (int)i % 12 + 1
                                          : DATE_YEAR_MIN + (int)i, counts[i] };
    qsort(v, n, sizeof *v, by_count);
    seek_status st = SEEK_OK;
    for (size_t i = 0; i < n && i < FACET_SLOTS && st == SEEK_OK; i++) {
        char value[12];
        int len = snprintf(value, sizeof value, "%d", v[i].year);
        st = xap_doc_set_value(doc, slot + (int)i, value, (size_t)len);
    }
    free(v);
    return st;
}

static seek_status set_years(xap_doc *doc, const year_counts *years)
{
    seek_status st = set_counted(doc, years->n, sizeof years->n / sizeof *years->n, 0,
                                 SLOT_FACET_YEAR);
    return st == SEEK_OK ? set_counted(doc, years->months,
                                       sizeof years->months / sizeof *years->months, 1,
                                       SLOT_FACET_MONTH)
                         : st;
}

seek_status facets_set(xap_doc *doc, const extraction *x, const year_counts *years)
{
    static const struct { ent_type type; int slot; } kinds[] = {
        { ENT_PERSON, SLOT_FACET_PERSON }, { ENT_ORG, SLOT_FACET_ORG },
        { ENT_PLACE, SLOT_FACET_PLACE }, { ENT_NAME, SLOT_FACET_NAME },
    };
    const ent_count **scratch = malloc((x->nents + 1) * sizeof *scratch);
    if (!scratch)
        return SEEK_NOMEM;
    seek_status st = SEEK_OK;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds && st == SEEK_OK; k++)
        st = set_entities(doc, x, kinds[k].type, kinds[k].slot, scratch);
    free(scratch);
    return st == SEEK_OK ? set_years(doc, years) : st;
}
