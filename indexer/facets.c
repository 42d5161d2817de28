/* Facet slots: most mentions first, ties in key order, so the same text
 * always fills the same slots. */
#include "facets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xap/prefix.h"

void year_counts_add(year_counts *y, const char *term)
{
    size_t plen = strlen(PREFIX_YEAR);
    if (strncmp(term, PREFIX_YEAR, plen) != 0 || strlen(term + plen) != 4)
        return;
    int year = atoi(term + plen);
    if (year >= DATE_YEAR_MIN && year <= DATE_YEAR_MAX)
        y->n[year - DATE_YEAR_MIN]++;
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

static seek_status set_years(xap_doc *doc, const year_counts *years)
{
    enum { NYEARS = sizeof years->n / sizeof *years->n };
    year_count v[NYEARS];
    size_t n = 0;
    for (int y = 0; y < NYEARS; y++)
        if (years->n[y])
            v[n++] = (year_count){ DATE_YEAR_MIN + y, years->n[y] };
    qsort(v, n, sizeof *v, by_count);
    seek_status st = SEEK_OK;
    for (size_t i = 0; i < n && i < FACET_SLOTS && st == SEEK_OK; i++) {
        char year[12];
        int len = snprintf(year, sizeof year, "%d", v[i].year);
        st = xap_doc_set_value(doc, SLOT_FACET_YEAR + (int)i, year, (size_t)len);
    }
    return st;
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
