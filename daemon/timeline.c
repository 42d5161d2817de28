/* Timeline facets. A document's own date is one value (SLOT_DATE, a day),
 * so days are counted and summed into months and years here; the months
 * and years it mentions come from its facet slots, as the other facets'. */
#include "timeline.h"

#include <stdlib.h>
#include <string.h>

#include "proto/answer.h"
#include "proto/proto.h"
#include "xap/prefix.h"

typedef struct bucket {
    int key;                 /* yyyymm or yyyy */
    unsigned long count;
} bucket;

static int by_key(const void *a, const void *b)
{
    const bucket *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

size_t timeline_specs(unsigned facets, xap_facet_spec *specs, size_t *n)
{
    size_t from = *n;
    if (!(facets & (PROTO_FACET_MONTH | PROTO_FACET_YEAR)))
        return 0;
    specs[(*n)++] = (xap_facet_spec){ SLOT_DATE, 1 };
    if (facets & PROTO_FACET_MONTH)
        specs[(*n)++] = (xap_facet_spec){ SLOT_FACET_MONTH, FACET_SLOTS };
    if (facets & PROTO_FACET_YEAR)
        specs[(*n)++] = (xap_facet_spec){ SLOT_FACET_YEAR, FACET_SLOTS };
    return *n - from;
}

/* One list, oldest first: values (yyyymmdd days, yyyymm months or yyyy
 * years) cut to `digits` digits and summed; returns their total. */
static unsigned long write_buckets(jw *out, const xap_facet *f, int digits, const char *name)
{
    bucket *b = calloc(f->n + 1, sizeof *b);
    size_t n = 0;
    unsigned long total = 0;
    for (size_t i = 0; b && i < f->n; i++) {
        const char *v = f->top[i].term;
        if (strlen(v) < (size_t)digits || strspn(v, "0123456789") < (size_t)digits)
            continue;
        char head[8];
        memcpy(head, v, (size_t)digits);
        head[digits] = '\0';
        b[n++] = (bucket){ atoi(head), f->top[i].count };
    }
    if (b)
        qsort(b, n, sizeof *b, by_key);
    jw_arr(out);
    for (size_t i = 0; b && i < n;) {
        bucket sum = b[i];
        while (++i < n && b[i].key == sum.key)
            sum.count += b[i].count;
        char label[16];
        if (digits == 6)
            snprintf(label, sizeof label, "%04d-%02d", sum.key / 100, sum.key % 100);
        else
            snprintf(label, sizeof label, "%04d", sum.key);
        jw_obj(out);
        jw_key(out, name);
        jw_str(out, label);
        jw_key(out, PROTO_A_COUNT);
        jw_int(out, (long long)sum.count);
        jw_obj_end(out);
        total += sum.count;
    }
    jw_arr_end(out);
    free(b);
    return total;
}

static void write_one(jw *out, const char *name, int digits, const xap_hits *hits,
                      const xap_facet *dated, const xap_facet *mentioned)
{
    jw_key(out, name);
    jw_obj(out);
    jw_key(out, PROTO_A_DATED);
    unsigned long n = write_buckets(out, dated, digits, name);
    jw_key(out, PROTO_A_UNDATED);
    jw_int(out, hits->total > n ? (long long)(hits->total - n) : 0);
    jw_key(out, PROTO_A_MENTIONED);
    write_buckets(out, mentioned, digits, name);
    jw_obj_end(out);
}

void timeline_write(jw *out, unsigned facets, const xap_hits *hits, size_t first)
{
    if (!(facets & (PROTO_FACET_MONTH | PROTO_FACET_YEAR)) || first >= hits->nfacets)
        return;
    const xap_facet *dated = &hits->facets[first++];
    if ((facets & PROTO_FACET_MONTH) && first < hits->nfacets)
        write_one(out, PROTO_A_MONTH, 6, hits, dated, &hits->facets[first++]);
    if ((facets & PROTO_FACET_YEAR) && first < hits->nfacets)
        write_one(out, PROTO_A_YEAR, 4, hits, dated, &hits->facets[first]);
}
