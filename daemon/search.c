/* The search op: parse, compile, run with reopen-and-retry, then build the
 * answer: hits with their snippets, document date and entities, and facets
 * over every match. */
#include <stdlib.h>
#include <string.h>

#include "entity/dates.h"
#include "hits.h"
#include "ops.h"
#include "query/compile.h"
#include "query/query.h"
#include "snippet.h"
#include "xap/prefix.h"

#define SNIPPET_WIDTH 30    /* tokens */
/* Hits of one answer that get a snippet: each costs its document's text (a
 * network round trip on a remote shard), so a 10,000-hit answer must not. */
#define SNIPPET_MAX_HITS 100
#define FACET_TOP 10

static const struct { unsigned bit; const char *name; int slot; ent_type type; } facet_kinds[] = {
    { PROTO_FACET_PERSON, "person", SLOT_FACET_PERSON, ENT_PERSON },
    { PROTO_FACET_ORG, "org", SLOT_FACET_ORG, ENT_ORG },
    { PROTO_FACET_PLACE, "place", SLOT_FACET_PLACE, ENT_PLACE },
    { PROTO_FACET_DATE, "date", SLOT_FACET_YEAR, ENT_NTYPES },
};
#define NFACET_KINDS (sizeof facet_kinds / sizeof *facet_kinds)

/* The hit record's entity list ("type\tkey\tname\tcount\n"...) as JSON. */
static json_t *hit_entities(const char *list)
{
    json_t *arr = json_array();
    for (const char *line = list; arr && *line;) {
        const char *end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line);
        const char *t1 = memchr(line, '\t', (size_t)(end - line));
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(end - t1 - 1)) : NULL;
        const char *t3 = t2 ? memchr(t2 + 1, '\t', (size_t)(end - t2 - 1)) : NULL;
        if (t3)
            json_array_append_new(arr, json_pack("{s:s%,s:s%,s:I}", "type", line,
                                                 (size_t)(t1 - line), "name", t2 + 1,
                                                 (size_t)(t3 - t2 - 1), "mentions",
                                                 (json_int_t)strtoll(t3 + 1, NULL, 10)));
        line = *end ? end + 1 : end;
    }
    return arr;
}

static json_t *hit_json(const xap_hit *h, unsigned rank, const snip_terms *terms,
                        xap_stem *stem, int snippets)
{
    hitrec r;
    hits_record(h, &r);
    char iso[11] = "";
    int day = atoi(r.date);
    if (day)
        date_iso(day, iso);
    json_t *o = json_pack("{s:s,s:I,s:f,s:s,s:s,s:o*}", "id", r.id, "rank", (json_int_t)rank,
                          "score", h->score, "title", r.title, "date", iso, "entities",
                          hit_entities(r.entities));
    if (o && *r.url)
        json_object_set_new(o, "url", json_string(r.url));
    if (!o || !snippets || !h->data)
        return o;
    snippet s;
    if (snippet_make(terms, stem, h->data, h->data_len, SNIPPET_WIDTH, &s) < 0) {
        json_decref(o);
        return NULL;
    }
    json_t *marks = json_array();
    for (size_t i = 0; marks && i < s.nmarks; i++)
        json_array_append_new(marks, json_pack("[I,I]", (json_int_t)s.marks[i][0],
                                               (json_int_t)s.marks[i][1]));
    json_object_set_new(o, "snippet", json_stringn(s.text, s.len));
    json_object_set_new(o, "highlights", marks ? marks : json_array());
    snippet_fini(&s);
    return o;
}

static json_t *facets_json(const xap_hits *hits, const unsigned *kinds, size_t nkinds)
{
    json_t *f = json_object();
    for (size_t i = 0; f && i < nkinds && i < hits->nfacets; i++) {
        const xap_facet *fc = &hits->facets[i];
        ent_type type = facet_kinds[kinds[i]].type;
        json_t *arr = json_array();
        for (size_t k = 0; arr && k < fc->n; k++)
            json_array_append_new(arr, type == ENT_NTYPES
                ? json_pack("{s:s,s:I}", "year", fc->top[k].term, "count", (json_int_t)fc->top[k].count)
                : entity_json(type, fc->top[k].term, "count", (json_int_t)fc->top[k].count));
        json_object_set_new(f, facet_kinds[kinds[i]].name, arr ? arr : json_array());
    }
    return f;
}

static json_t *answer(worker *w, const proto_request *req, const qp_node *tree,
                      const xap_hits *hits, const unsigned *kinds, size_t nkinds)
{
    snip_terms *terms = req->snippets ? snip_terms_new(tree, w->stem, worker_gazetteer()) : NULL;
    if (req->snippets && !terms)
        return NULL;
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < hits->n; i++) {
        json_t *h = req->ids ? json_string(hits->hits[i].key)
                             : hit_json(&hits->hits[i], req->offset + (unsigned)i + 1, terms,
                                        w->stem, req->snippets);
        if (!h || json_array_append_new(arr, h) < 0) {
            json_decref(arr);
            arr = NULL;
        }
    }
    snip_terms_free(terms);
    if (!arr)
        return NULL;
    json_t *a = json_pack("{s:I,s:b,s:I,s:I,s:o}", "total", (json_int_t)hits->total,
                          "total_exact", hits->exact, "offset", (json_int_t)req->offset,
                          "limit", (json_int_t)req->limit, req->ids ? "ids" : "hits", arr);
    if (a && nkinds)
        json_object_set_new(a, "facets", facets_json(hits, kinds, nkinds));
    return a;
}

#define WIDEN_MAX 32   /* names a single-word entity filter may stand for */

typedef struct widen_ctx {
    qp_node *tree;
    seek_status st;
} widen_ctx;

/* A single word the gazetteer does not know ("mueller") stands for the
 * indexed names that have it as a word ("Markus Mueller"; WIDEN_MAX per type
 * at most), so analysts can filter by surname. A retry after the index
 * changed may add a name twice, which costs nothing. */
static seek_status widen_node(xap_db *db, qp_node *n)
{
    const gaz_entity *e[1];
    const gazetteer *g = worker_gazetteer();
    if (n->nterms != 1 || strchr(n->terms[0], ' ') || (g && gaz_lookup(g, n->terms[0], n->etype, e, 1)))
        return SEEK_OK;
    for (int t = 0; t < ENT_NTYPES; t++) {
        if (n->etype != ENT_NTYPES && t != (int)n->etype && t != ENT_NAME)
            continue;
        xap_count *all;
        size_t cnt, added = 0;
        seek_status st = xap_db_terms(db, qp_entity_prefix((ent_type)t), &all, &cnt);
        if (st != SEEK_OK)
            return st;
        for (size_t i = 0; i < cnt && added < WIDEN_MAX && st == SEEK_OK; i++)
            if (entity_has_word(all[i].term, n->terms[0])) {
                st = qp_add_term(n, all[i].term);
                added++;
            }
        xap_counts_free(all, cnt);
        if (st != SEEK_OK)
            return st;
    }
    return SEEK_OK;
}

static seek_status widen_tree(xap_db *db, qp_node *n)
{
    if (!n)
        return SEEK_OK;
    if (n->kind == QP_ENTITY)
        return widen_node(db, n);
    seek_status st = widen_tree(db, n->left);
    return st == SEEK_OK ? widen_tree(db, n->right) : st;
}

static seek_status run_widen(xap_db *db, void *ctx)
{
    widen_ctx *wc = ctx;
    return widen_tree(db, wc->tree);
}

typedef struct run_ctx {
    const xap_query *q;
    xap_search *opt;
    int ids;            /* the ids alone: the id is the sort key */
    xap_hits *hits;
} run_ctx;

static seek_status run_search(xap_db *db, void *ctx)
{
    run_ctx *rc = ctx;
    if (!rc->ids)
        hits_want_records(db, rc->opt);
    return xap_db_search(db, rc->q, rc->opt, &rc->hits);
}

json_t *op_search(worker *w, const proto_request *req, proto_error *err)
{
    qp_node *tree = NULL;
    qp_error qerr;
    seek_status st = qp_parse(req->q, req->q_len, &tree, &qerr);
    if (st == SEEK_BAD_QUERY) {
        proto_fail(err, PROTO_E_BAD_QUERY, (long)qerr.offset, "%s at byte %zu", qerr.message,
                   qerr.offset);
        return NULL;
    }
    if (st != SEEK_OK) {
        proto_fail(err, PROTO_E_INTERNAL, -1, "%s", qerr.message);
        return NULL;
    }
    widen_ctx wc = { tree, SEEK_OK };
    st = worker_run(w, run_widen, &wc);
    if (st != SEEK_OK) {
        qp_free(tree);
        worker_index_error(st, err);
        return NULL;
    }
    xap_query *q = NULL;
    st = qp_compile(tree, w->stem, worker_gazetteer(), &q);
    if (st != SEEK_OK) {
        qp_free(tree);
        if (st == SEEK_BAD_QUERY)
            proto_fail(err, PROTO_E_BAD_QUERY, -1, "the query's filters stand for more than %d "
                       "terms; narrow the dates or use fewer filters", QP_MAX_EXPANDED);
        else
            proto_fail(err, PROTO_E_INTERNAL, -1, "cannot build the query: %s", xap_errmsg());
        return NULL;
    }
    xap_facet_spec specs[NFACET_KINDS];
    unsigned kinds[NFACET_KINDS];
    size_t nkinds = 0;
    for (unsigned k = 0; k < NFACET_KINDS; k++)
        if (req->facets & facet_kinds[k].bit) {
            kinds[nkinds] = k;
            specs[nkinds++] = (xap_facet_spec){ facet_kinds[k].slot, FACET_SLOTS };
        }
    xap_search opt = { .offset = req->offset, .limit = req->limit, .key_slot = SLOT_ID,
                       .data_hits = req->snippets ? SNIPPET_MAX_HITS : 0, .facets = specs,
                       .nfacets = nkinds, .facet_top = FACET_TOP,
                       .time_limit = worker_time_limit() };
    run_ctx rc = { q, &opt, req->ids, NULL };
    st = worker_run(w, run_search, &rc);
    xap_hits *hits = rc.hits;
    xap_query_free(q);
    json_t *a = NULL;
    if (st == SEEK_OK) {
        if (!(a = answer(w, req, tree, hits, kinds, nkinds)))
            proto_fail(err, PROTO_E_INTERNAL, -1, "out of memory");
    } else if (st == SEEK_BAD_QUERY) {
        proto_fail(err, PROTO_E_BAD_QUERY, -1, "%s", xap_errmsg());
    } else {
        worker_index_error(st, err);
    }
    xap_hits_free(hits);
    qp_free(tree);
    return a;
}
