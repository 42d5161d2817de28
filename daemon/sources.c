/* The indexer's registry (indexer/sources.h) joined with the term counts:
 * a folder whose documents were all removed still shows, with 0. */
#include "sources.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "proto/answer.h"
#include "xap/prefix.h"

void src_stats_fini(src_stats *s)
{
    free(s->registry);
    xap_counts_free(s->counts, s->ncounts);
    memset(s, 0, sizeof *s);
}

seek_status src_stats_read(xap_db *db, src_stats *s)
{
    src_stats_fini(s);
    seek_status st = xap_db_metadata(db, META_SOURCES, &s->registry);
    return st == SEEK_OK ? xap_db_terms(db, PREFIX_SOURCE, &s->counts, &s->ncounts) : st;
}

static json_int_t docs_of(const src_stats *s, const char *key)
{
    size_t plen = strlen(PREFIX_SOURCE);
    for (size_t i = 0; i < s->ncounts; i++)
        if (!strcmp(s->counts[i].term + plen, key))
            return (json_int_t)s->counts[i].count;
    return 0;
}

json_t *src_stats_json(const src_stats *s)
{
    json_t *list = json_array();
    json_t *reg = s->registry && *s->registry ? json_loads(s->registry, 0, NULL) : NULL;
    const char *key;
    json_t *v;
    json_object_foreach(reg, key, v) {
        if (!json_is_string(json_object_get(v, PROTO_A_FOLDER)))
            continue;
        json_t *run = json_object_get(v, PROTO_A_LAST_RUN);
        json_t *one = json_pack("{s:O,s:I,s:O}", PROTO_A_FOLDER,
                                json_object_get(v, PROTO_A_FOLDER), PROTO_A_DOCS, docs_of(s, key),
                                PROTO_A_LAST_RUN, run ? run : json_null());
        time_t t = (time_t)json_integer_value(json_object_get(run, "time"));
        struct tm tm;
        char when[32];
        if (one && t && gmtime_r(&t, &tm)) {
            strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
            json_object_set_new(one, PROTO_A_LAST_INDEXED, json_string(when));
        }
        if (!list || !one || json_array_append_new(list, one) < 0) {
            if (!list)
                json_decref(one);   /* json_array_append_new frees it when it fails */
            json_decref(list);
            list = NULL;
            break;
        }
    }
    json_decref(reg);
    return list;
}
