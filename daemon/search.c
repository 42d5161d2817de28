/* The search op: parse, compile, run with reopen-and-retry, then build the
 * answer: hits with their snippets, document date and entities, and facets
 * over every match. */
#include <stdlib.h>
#include <string.h>

#include "entity/dates.h"
#include "hits.h"
#include "ops.h"
#include "parts.h"
#include "query/compile.h"
#include "query/query.h"
#include "query/widen.h"
#include "snippet.h"
#include "text/decode.h"
#include "timeline.h"
#include "xap/prefix.h"

#define SNIPPET_WIDTH 30    /* tokens */
/* Hits of one answer that get a snippet: each costs its document's text (a
 * network round trip on a remote shard), so a 10,000-hit answer must not. */
#define SNIPPET_MAX_HITS 100
#define FACET_TOP 10

static const struct { unsigned bit; const char *name; int slot; ent_type type; } facet_kinds[] = {
    { PROTO_FACET_PERSON, PROTO_A_PERSON, SLOT_FACET_PERSON, ENT_PERSON },
    { PROTO_FACET_ORG, PROTO_A_ORG, SLOT_FACET_ORG, ENT_ORG },
    { PROTO_FACET_PLACE, PROTO_A_PLACE, SLOT_FACET_PLACE, ENT_PLACE },
    { PROTO_FACET_DATE, PROTO_A_DATE, SLOT_FACET_YEAR, ENT_NTYPES },
};
#define NFACET_KINDS (sizeof facet_kinds / sizeof *facet_kinds)

/* The hit record's entity list ("type\tkey\tname\tcount\n"...) as JSON. */
static void write_entities(jw *out, const char *list)
{
    jw_arr(out);
    hitrec_entity e;
    while (hitrec_entity_next(&list, &e)) {
        jw_obj(out);
        jw_key(out, PROTO_A_TYPE);
        jw_strn(out, e.type, e.type_len);
        jw_key(out, PROTO_A_NAME);
        jw_strn(out, e.name, e.name_len);
        jw_key(out, PROTO_A_MENTIONS);
        jw_int(out, (long long)e.mentions);
        jw_obj_end(out);
    }
    jw_arr_end(out);
}

/* The snippet of one hit; the bytes of text it read go to *text_bytes. An
 * index written before SLOT_TEXT was bounded may hold a whole huge text:
 * only its first TEXT_SNIPPET_MAX bytes are looked at, as a new index
 * stores. */
static int write_snippet(jw *out, const xap_hit *h, const snip_terms *terms, morph *words,
                         size_t *text_bytes)
{
    snippet s;
    size_t len = h->data_len > TEXT_SNIPPET_MAX
               ? text_utf8_cut(h->data, h->data_len, TEXT_SNIPPET_MAX) : h->data_len;
    *text_bytes += h->data_len;
    if (snippet_make(terms, words, h->data, len, SNIPPET_WIDTH, &s) < 0)
        return -1;
    jw_key(out, PROTO_A_SNIPPET);
    jw_strn(out, s.text, s.len);
    jw_key(out, PROTO_A_HIGHLIGHTS);
    jw_arr(out);
    for (size_t i = 0; i < s.nmarks; i++) {
        jw_arr(out);
        jw_int(out, (long long)s.marks[i][0]);
        jw_int(out, (long long)s.marks[i][1]);
        jw_arr_end(out);
    }
    jw_arr_end(out);
    snippet_fini(&s);
    return 0;
}

static int write_hit(jw *out, const xap_hit *h, unsigned rank, const snip_terms *terms,
                     morph *words, int snippets, size_t *text_bytes)
{
    hitrec r;
    hits_record(h, &r);
    char iso[11] = "";
    int day = atoi(r.date);
    if (day)
        date_iso(day, iso);
    jw_obj(out);
    jw_key(out, PROTO_A_ID);
    jw_str(out, r.id);
    jw_key(out, PROTO_A_RANK);
    jw_int(out, rank);
    jw_key(out, PROTO_A_SCORE);
    jw_real(out, h->score);
    jw_key(out, PROTO_A_TITLE);
    jw_str(out, r.title);
    if (day) {
        jw_key(out, PROTO_A_DATE);
        jw_str(out, iso);
        jw_key(out, PROTO_A_DATE_SOURCE);
        jw_str(out, r.date_source);
    }
    jw_key(out, PROTO_A_ENTITIES);
    write_entities(out, r.entities);
    if (*r.url) {
        jw_key(out, PROTO_A_URL);
        jw_str(out, r.url);
    }
    if (snippets && h->data && write_snippet(out, h, terms, words, text_bytes) < 0)
        return -1;
    jw_obj_end(out);
    return 0;
}

/* The names shown for the values of a search's entity facets
 * (entity_shown), in the order write_facets writes them. */
typedef struct facet_names {
    const xap_hits *hits;
    const unsigned *kinds;
    size_t nkinds;
    const gazetteer *gaz;
    char **names;
    size_t n;
} facet_names;

static void facet_names_clear(facet_names *fn)
{
    for (size_t i = 0; i < fn->n; i++)
        free(fn->names[i]);
    fn->n = 0;
}

static seek_status facet_names_run(xap_db *db, void *ctx)
{
    facet_names *fn = ctx;
    facet_names_clear(fn);
    seek_status st = SEEK_OK;
    for (size_t i = 0; i < fn->nkinds && i < fn->hits->nfacets && st == SEEK_OK; i++) {
        ent_type type = facet_kinds[fn->kinds[i]].type;
        const xap_facet *fc = &fn->hits->facets[i];
        for (size_t k = 0; type != ENT_NTYPES && k < fc->n && st == SEEK_OK; k++)
            st = entity_shown(db, fn->gaz, type, fc->top[k].term, &fn->names[fn->n++]);
    }
    return st;
}

/* Names the entity facets' values into fn (free with facet_names_clear and
 * free(fn->names)). Reads the index again, so a value's documents may have
 * changed since they were counted: a name is then the spelling of the
 * documents there are now, or the key's, never one of a document gone. */
static seek_status facet_names_find(reader *rd, const xap_hits *hits, const unsigned *kinds,
                                    size_t nkinds, facet_names *fn)
{
    *fn = (facet_names){ hits, kinds, nkinds, rd->ctx->gaz, NULL, 0 };
    size_t n = 0;
    for (size_t i = 0; i < nkinds && i < hits->nfacets; i++)
        n += hits->facets[i].n;
    if (!n)
        return SEEK_OK;
    if (!(fn->names = calloc(n, sizeof *fn->names)))
        return SEEK_NOMEM;
    return reader_run(rd, facet_names_run, fn);
}

static void write_facets(jw *out, const xap_hits *hits, const unsigned *kinds, size_t nkinds,
                         unsigned facets, char *const *names)
{
    jw_obj(out);
    timeline_write(out, facets, hits, nkinds);
    for (size_t i = 0; i < nkinds && i < hits->nfacets; i++) {
        const xap_facet *fc = &hits->facets[i];
        ent_type type = facet_kinds[kinds[i]].type;
        jw_key(out, facet_kinds[kinds[i]].name);
        jw_arr(out);
        for (size_t k = 0; k < fc->n; k++) {
            if (type != ENT_NTYPES) {
                entity_write(out, type, *names++, PROTO_A_COUNT, (long long)fc->top[k].count);
                continue;
            }
            jw_obj(out);
            jw_key(out, PROTO_A_YEAR);
            jw_str(out, fc->top[k].term);
            jw_key(out, PROTO_A_COUNT);
            jw_int(out, (long long)fc->top[k].count);
            jw_obj_end(out);
        }
        jw_arr_end(out);
    }
    jw_obj_end(out);
}

int search_write_answer(jw *out, reader *rd, const proto_request *req, const qp_node *tree,
                        const qp_error *diag, int relaxed, const xap_hits *hits,
                        const unsigned *kinds, size_t nkinds, size_t nspecs,
                        char *const *names)
{
    snip_terms *terms = req->snippets ? snip_terms_new(tree, rd->words, rd->ctx->gaz) : NULL;
    if (req->snippets && !terms)
        return -1;
    jw_key(out, PROTO_A_TOTAL);
    jw_int(out, (long long)hits->total);
    jw_key(out, PROTO_A_TOTAL_EXACT);
    jw_bool(out, hits->exact);
    jw_key(out, PROTO_A_OFFSET);
    jw_int(out, req->offset);
    jw_key(out, PROTO_A_LIMIT);
    jw_int(out, req->limit);
    jw_key(out, PROTO_A_RELAXED);
    jw_bool(out, relaxed);
    if (diag->nwarnings) {
        jw_key(out, PROTO_A_WARNINGS);
        jw_arr(out);
        for (size_t i = 0; i < diag->nwarnings; i++)
            jw_str(out, diag->warnings[i]);
        jw_arr_end(out);
    }
    jw_key(out, req->ids ? PROTO_A_IDS : PROTO_A_HITS);
    jw_arr(out);
    int rc = 0;
    size_t text_bytes = 0;
    for (size_t i = 0; rc == 0 && i < hits->n; i++) {
        if (req->ids)
            jw_strn(out, hits->hits[i].key, hits->hits[i].key_len);
        else
            rc = write_hit(out, &hits->hits[i], req->offset + (unsigned)i + 1, terms, rd->words,
                           req->snippets, &text_bytes);
    }
    jw_arr_end(out);
    snip_terms_free(terms);
    if (req->debug) {
        /* What the answer cost in document text, for tests and tuning. */
        jw_key(out, PROTO_A_DEBUG);
        jw_obj(out);
        jw_key(out, PROTO_A_TEXT_BYTES);
        jw_int(out, (long long)text_bytes);
        jw_obj_end(out);
    }
    if (rc == 0 && nspecs) {
        jw_key(out, PROTO_A_FACETS);
        write_facets(out, hits, kinds, nkinds, req->facets, names);
    }
    return rc;
}

typedef struct widen_ctx {
    const gazetteer *gaz;
    qp_node *tree;
    qp_error *diag;     /* warnings about the words a prefix* stands for */
} widen_ctx;

static seek_status run_widen(xap_db *db, void *ctx)
{
    widen_ctx *wc = ctx;
    return qp_widen(db, wc->gaz, wc->tree, wc->diag);
}

seek_status search_run(xap_db *db, void *ctx)
{
    run_ctx *rc = ctx;
    if (!rc->ids)
        hits_want_records(db, rc->opt);
    xap_query *in_parts = NULL;
    seek_status st = rc->tree ? parts_compile(db, rc->tree, rc->rd->words, rc->rd->ctx->gaz,
                                              rc->level, &in_parts)
                              : SEEK_OK;
    if (st != SEEK_OK)
        return st;
    /* Hits of documents kept in parts take their snippet's text from a
     * part: the record's slot and SLOT_PARTS tell which they are. */
    static const int record_parts[] = { SLOT_HIT, SLOT_PARTS };
    int parts_slot = -1;
    if (in_parts && rc->opt->nslots == 1 && rc->opt->data_hits) {
        rc->opt->slots = record_parts;
        rc->opt->nslots = 2;
        parts_slot = 1;
    }
    st = xap_db_search(db, in_parts ? in_parts : rc->q, rc->opt, &rc->hits);
    xap_query_free(in_parts);
    if (st == SEEK_OK && in_parts && rc->opt->data_hits)
        st = parts_texts(db, rc->tree, rc->hits, parts_slot);
    return st;
}

/* The compiler refuses a query (BAD_QUERY) for one reason only, which
 * Xapian's message would not tell. */
int search_compile_error(const reader *rd, seek_status st, proto_error *err)
{
    if (st == SEEK_BAD_QUERY)
        return proto_fail(err, proto_status_code(st), -1, "the query's filters stand for more "
                          "than %d terms; narrow the dates or use fewer filters",
                          QP_MAX_EXPANDED);
    return op_error(rd, st, err);
}

int search_prepare(reader *rd, const proto_request *req, qp_node **treep, xap_query **qp,
                   qp_error *diag, proto_error *err)
{
    const char *text = req->q;
    size_t len = req->q_len;
    qp_node *tree = NULL;
    *treep = NULL;
    *qp = NULL;
    seek_status st = qp_parse(text, len, &tree, diag);
    if (st == SEEK_BAD_QUERY)
        return proto_fail(err, proto_status_code(st), (long)diag->offset, "%s at byte %zu",
                          diag->message, diag->offset);
    if (st != SEEK_OK)
        return op_error(rd, st, err);
    if (req->q_full_len)
        qp_warn(diag, "the query is %zu bytes long: read its first %zu bytes (up to %d)",
                req->q_full_len, len, PROTO_MAX_QUERY);
    widen_ctx wc = { rd->ctx->gaz, tree, diag };
    st = reader_run(rd, run_widen, &wc);
    if (st != SEEK_OK) {
        qp_free(tree);
        return op_error(rd, st, err);
    }
    xap_query *q = NULL;
    st = qp_compile(tree, rd->words, rd->ctx->gaz, &q);
    if (st != SEEK_OK) {
        qp_free(tree);
        return search_compile_error(rd, st, err);
    }
    *treep = tree;
    *qp = q;
    return 0;
}

int search_long_text(reader *rd, const qp_node *tree, qp_error *diag, xap_query **q,
                     proto_error *err)
{
    if (!qp_long_text(tree))
        return 0;
    xap_query *r = NULL;
    seek_status st = qp_compile_relaxed(tree, rd->words, rd->ctx->gaz,
                                        qp_relaxable(tree, 2) ? 2 : 1, &r);
    if (st != SEEK_OK)
        return search_compile_error(rd, st, err);
    xap_query_free(*q);
    *q = r;
    qp_warn(diag, "more than %d words: read as pasted text, documents having more of its "
                  "words first; not every word or quoted phrase is required", QP_LONG_TEXT);
    return 0;
}

int search_ranks_words(const qp_node *n)
{
    if (!n || n->kind == QP_NOT)
        return 0;
    return n->kind == QP_WORD || search_ranks_words(n->left) || search_ranks_words(n->right);
}

/* A list of every id comes with its exact count, as asked for. */
static unsigned long search_count_bound(const reader *rd, const proto_request *req)
{
    return req->exact_total || req->ids ? 0 : rd->ctx->total_bound;
}

int op_search(reader *rd, const proto_request *req, jw *out, proto_error *err)
{
    qp_node *tree = NULL;
    qp_error qerr;
    xap_query *q = NULL;
    if (search_prepare(rd, req, &tree, &q, &qerr, err) < 0)
        return -1;
    int pasted = req->relax && qp_long_text(tree);
    if (pasted && search_long_text(rd, tree, &qerr, &q, err) < 0) {
        xap_query_free(q);
        qp_free(tree);
        return -1;
    }
    xap_facet_spec specs[NFACET_KINDS + TIMELINE_MAX_SPECS];
    unsigned kinds[NFACET_KINDS];
    size_t nkinds = 0, nspecs;
    for (unsigned k = 0; k < NFACET_KINDS; k++)
        if (req->facets & facet_kinds[k].bit) {
            kinds[nkinds] = k;
            specs[nkinds++] = (xap_facet_spec){ facet_kinds[k].slot, FACET_SLOTS };
        }
    nspecs = nkinds;
    size_t keep_all = timeline_specs(req->facets, specs, &nspecs);
    /* Newest first: SLOT_DATE descending leaves the undated (no value)
     * last; oldest first needs a slot where they sort after every day. */
    static const xap_order orders[] = { [PROTO_SORT_RELEVANCE] = XAP_ORDER_RELEVANCE,
                                        [PROTO_SORT_NEWEST] = XAP_ORDER_DESC,
                                        [PROTO_SORT_OLDEST] = XAP_ORDER_ASC };
    xap_search opt = { .offset = req->offset, .limit = req->limit, .key_slot = SLOT_ID,
                       .order = orders[req->sort],
                       .order_slot = req->sort == PROTO_SORT_OLDEST ? SLOT_DATE_OLDEST : SLOT_DATE,
                       .data_hits = req->snippets ? SNIPPET_MAX_HITS : 0,
                       .data_slot = SLOT_TEXT, .facets = specs,
                       .nfacets = nspecs, .facet_top = FACET_TOP, .facet_keep_all = keep_all,
                       .time_limit = rd->ctx->time_limit, .feedback = req->feedback && search_ranks_words(tree),
                       .count_bound = search_count_bound(rd, req) };
    run_ctx run = { q, &opt, req->ids, NULL, tree, pasted ? (qp_relaxable(tree, 2) ? 2 : 1) : 0,
                    rd };
    seek_status st = reader_run(rd, search_run, &run);
    xap_query_free(q);
    /* No document has every required word: the relaxed reading, on every
     * page alike, since whether it applies depends on the query alone. */
    int relaxed = 0;
    for (int level = pasted ? 3 : 1; level <= 2; level++) {
        if (st != SEEK_OK || run.hits->total || !req->relax || !qp_relaxable(tree, level))
            continue;
        xap_hits_free(run.hits);
        run.hits = NULL;
        st = qp_compile_relaxed(tree, rd->words, rd->ctx->gaz, level, &q);
        if (st != SEEK_OK) {
            qp_free(tree);
            return search_compile_error(rd, st, err);
        }
        run.q = q;
        run.level = level;
        st = reader_run(rd, search_run, &run);
        xap_query_free(q);
        /* A relaxed reading that finds nothing either (a filter no document
         * passes) changes nothing: the answer is not flagged as relaxed. */
        relaxed = st == SEEK_OK && run.hits->total > 0;
        if (level == 2 && relaxed)
            qp_warn(&qerr, "no document has every phrase as written: their words were "
                           "searched on their own too");
    }
    xap_hits *hits = run.hits;
    facet_names names = { 0 };
    if (st == SEEK_OK)
        st = facet_names_find(rd, hits, kinds, nkinds, &names);
    int rc = -1;
    if (st == SEEK_OK) {
        if ((rc = search_write_answer(out, rd, req, tree, &qerr, relaxed, hits, kinds, nkinds,
                                      nspecs, names.names)) < 0
            || (rc = dym_write(out, rd, req->q, req->q_len, tree, hits->total)) < 0)
            op_error(rd, SEEK_NOMEM, err);
    } else {
        op_error(rd, st, err);
    }
    facet_names_clear(&names);
    free(names.names);
    xap_hits_free(hits);
    qp_free(tree);
    return rc;
}
