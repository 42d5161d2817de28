/* The entity ops: an entity card (who or what a name resolves to, its
 * aliases, how many documents mention it, what it appears with, and the
 * documents that mention it most) and a listing of indexed entities. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "entity/spelling.h"
#include "hits.h"
#include "ops.h"
#include "query/compile.h"
#include "query/widen.h"
#include "xap/prefix.h"

#define COOCCUR_TOP 10

/* The spelling most to be shown (entity/spelling.h) of those the index's
 * documents use for the entity under `term`, in *out (malloc'd); NULL when
 * no document's spelling is kept. */
static seek_status best_spelling(xap_db *db, const char *term, char **out)
{
    *out = NULL;
    char prefix[SPELLING_TERM_MAX + 1];
    size_t plen = spelling_term(term, "", prefix, sizeof prefix);
    if (!plen)
        return SEEK_OK;
    xap_count *v;
    size_t n;
    seek_status st = xap_db_terms(db, prefix, &v, &n);
    if (st != SEEK_OK)
        return st;
    const xap_count *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (v[i].term[plen] && (!best || spelling_cmp(v[i].term + plen, v[i].count,
                                                      best->term + plen, best->count) < 0))
            best = &v[i];
    if (best && !(*out = strdup(best->term + plen)))
        st = SEEK_NOMEM;
    xap_counts_free(v, n);
    return st;
}

seek_status entity_shown(xap_db *db, const gazetteer *g, ent_type type, const char *key,
                         char **out)
{
    *out = NULL;
    const gaz_entity *e = g ? gaz_find(g, type, key) : NULL;
    if (e)
        return (*out = strdup(e->name)) ? SEEK_OK : SEEK_NOMEM;
    char term[300];
    if (snprintf(term, sizeof term, "%s%s", qp_entity_prefix(type), key) < (int)sizeof term) {
        seek_status st = best_spelling(db, term, out);
        if (st != SEEK_OK || *out)
            return st;
    }
    /* No document's spelling kept (an index written before they were, a
     * name too long for a term): the key with each word capitalized. */
    char *name = *out = strdup(key);
    if (!name)
        return SEEK_NOMEM;
    for (char *p = name; *p; p++)
        if ((p == name || p[-1] == ' ') && *p >= 'a' && *p <= 'z')
            *p = (char)toupper((unsigned char)*p);
    return SEEK_OK;
}

/* The members of an entity object, into the open object `out`. */
static void entity_members(jw *out, ent_type type, const char *name, const char *count_key,
                           long long count)
{
    jw_key(out, PROTO_A_TYPE);
    jw_str(out, ent_type_name(type));
    jw_key(out, PROTO_A_NAME);
    jw_str(out, name);
    jw_key(out, count_key);
    jw_int(out, count);
}

void entity_write(jw *out, ent_type type, const char *name, const char *count_key,
                  long long count)
{
    jw_obj(out);
    entity_members(out, type, name, count_key, count);
    jw_obj_end(out);
}

/* ---- entity ---- */

typedef struct candidate {
    char term[256];
    const gaz_entity *ent;
    unsigned long docs;
} candidate;

/* An entity mentioned beside the one asked for. */
typedef struct cooccur {
    ent_type type;
    char key[256];
    unsigned long count;
    char *name;         /* shown (entity_shown), malloc'd */
} cooccur;

typedef struct card_ctx {
    candidate c[72];
    size_t n;
    const char *form;   /* the name asked for, in match form */
    ent_type type;
    const candidate *best;
    char *best_name;    /* shown (entity_shown), malloc'd */
    const proto_request *req;
    json_t *docs;
    cooccur co[COOCCUR_TOP];
    size_t nco;
    const gazetteer *gaz;
    double time_limit;
} card_ctx;

static int add_candidate(const char *term, const gaz_entity *e, void *ctx)
{
    card_ctx *cc = ctx;
    if (cc->n < sizeof cc->c / sizeof *cc->c) {
        snprintf(cc->c[cc->n].term, sizeof cc->c[cc->n].term, "%s", term);
        cc->c[cc->n].ent = e;
        cc->n++;
    }
    return 0;
}

/* Prefers a gazetteer entity mentioned in the index, then any gazetteer
 * entity, then the detected name mentioned most. */
static const candidate *choose(const card_ctx *cc)
{
    const candidate *best = NULL;
    for (size_t i = 0; i < cc->n; i++) {
        const candidate *c = &cc->c[i];
        int better = !best
            || (c->ent && c->docs && !(best->ent && best->docs))
            || (c->ent && !best->ent && !best->docs)
            || (!c->ent && !best->ent && c->docs > best->docs);
        if (better)
            best = c;
    }
    return best && (best->ent || best->docs) ? best : NULL;
}

static ent_type type_of_term(const char *term)
{
    for (int t = 0; t < ENT_NTYPES; t++)
        if (!strncmp(term, qp_entity_prefix((ent_type)t), 2))
            return (ent_type)t;
    return ENT_NAME;
}

/* The documents mentioning the entity most: scored by mentions (the term's
 * wdf), ties in id order. */
static seek_status card_documents(xap_db *db, card_ctx *cc)
{
    xap_query *q;
    seek_status st = xap_query_term(cc->best->term, &q);
    if (st != SEEK_OK)
        return st;
    xap_search opt = { .limit = cc->req->limit, .rank = XAP_RANK_WDF,
                       .time_limit = cc->time_limit };
    hits_want_records(db, &opt);
    xap_hits *h = NULL;
    st = xap_db_search(db, q, &opt, &h);
    xap_query_free(q);
    for (size_t i = 0; st == SEEK_OK && i < h->n; i++) {
        hitrec r;
        hits_record(&h->hits[i], &r);
        json_array_append_new(cc->docs, json_pack("{s:s,s:s,s:I}", PROTO_A_ID, r.id,
                                                  PROTO_A_TITLE, r.title, PROTO_A_MENTIONS,
                                                  (json_int_t)(h->hits[i].score + 0.5)));
    }
    xap_hits_free(h);
    return st;
}

static seek_status card_cooccurring(xap_db *db, card_ctx *cc)
{
    xap_query *q;
    seek_status st = xap_query_term(cc->best->term, &q);
    if (st != SEEK_OK)
        return st;
    static const char *const prefixes[] = { PREFIX_PERSON, PREFIX_ORG, PREFIX_PLACE, PREFIX_NAME };
    static const xap_facet_spec facets[] = {
        { SLOT_FACET_PERSON, FACET_SLOTS }, { SLOT_FACET_ORG, FACET_SLOTS },
        { SLOT_FACET_PLACE, FACET_SLOTS }, { SLOT_FACET_NAME, FACET_SLOTS },
    };
    xap_search opt = { .key_slot = -1, .facets = facets, .nfacets = 4,
                       .facet_top = COOCCUR_TOP + 1, .time_limit = cc->time_limit };
    xap_hits *h = NULL;
    st = xap_db_search(db, q, &opt, &h);
    xap_query_free(q);
    if (st != SEEK_OK)
        return st;
    /* Merge the per-type top lists, leaving the entity itself out. */
    for (int round = 0; round < COOCCUR_TOP; round++) {
        size_t bf = 0, bk = 0;
        unsigned long best = 0;
        for (size_t f = 0; f < h->nfacets; f++)
            for (size_t k = 0; k < h->facets[f].n; k++) {
                const xap_count *c = &h->facets[f].top[k];
                char term[300];
                snprintf(term, sizeof term, "%s%s", prefixes[f], c->term);
                if (c->count > best && strcmp(term, cc->best->term) != 0) {
                    best = c->count;
                    bf = f;
                    bk = k;
                }
            }
        if (!best)
            break;
        cooccur *co = &cc->co[cc->nco++];
        co->type = type_of_term(prefixes[bf]);
        snprintf(co->key, sizeof co->key, "%s", h->facets[bf].top[bk].term);
        co->count = best;
        h->facets[bf].top[bk].count = 0;
    }
    xap_hits_free(h);
    return SEEK_OK;
}

/* No entity is called exactly that: take the indexed name, of the type
 * asked for, that has it as a word and is mentioned most ("mueller" ->
 * "Markus Mueller"). */
static seek_status by_word(xap_db *db, card_ctx *cc)
{
    for (int t = 0; t < ENT_NTYPES && cc->n < sizeof cc->c / sizeof *cc->c; t++) {
        if (cc->type != ENT_NTYPES && t != (int)cc->type && t != ENT_NAME)
            continue;
        xap_count *all;
        size_t n;
        seek_status st = xap_db_terms(db, qp_entity_prefix((ent_type)t), &all, &n);
        if (st != SEEK_OK)
            return st;
        const xap_count *best = NULL;
        for (size_t i = 0; i < n; i++)
            if ((!best || all[i].count > best->count) && qp_entity_has_word(all[i].term, cc->form))
                best = &all[i];
        if (best) {
            candidate *c = &cc->c[cc->n++];
            snprintf(c->term, sizeof c->term, "%s", best->term);
            c->ent = NULL;
            c->docs = best->count;
        }
        xap_counts_free(all, n);
    }
    return SEEK_OK;
}

static void card_names_free(card_ctx *cc)
{
    free(cc->best_name);
    cc->best_name = NULL;
    for (size_t i = 0; i < cc->nco; i++) {
        free(cc->co[i].name);
        cc->co[i].name = NULL;
    }
}

/* The names shown for the entity and those it appears with. */
static seek_status card_names(xap_db *db, card_ctx *cc)
{
    const candidate *b = cc->best;
    ent_type t = b->ent ? b->ent->type : type_of_term(b->term);
    seek_status st = entity_shown(db, cc->gaz, t, b->term + 2, &cc->best_name);
    for (size_t i = 0; i < cc->nco && st == SEEK_OK; i++)
        st = entity_shown(db, cc->gaz, cc->co[i].type, cc->co[i].key, &cc->co[i].name);
    return st;
}

static seek_status card_run(xap_db *db, void *ctx)
{
    card_ctx *cc = ctx;
    json_array_clear(cc->docs);
    card_names_free(cc);
    cc->nco = 0;
    for (size_t i = 0; i < cc->n; i++) {
        seek_status st = xap_db_termfreq(db, cc->c[i].term, &cc->c[i].docs);
        if (st != SEEK_OK)
            return st;
    }
    if (!(cc->best = choose(cc))) {
        size_t exact = cc->n;
        seek_status st = by_word(db, cc);
        cc->best = st == SEEK_OK ? choose(cc) : NULL;
        if (!cc->best) {
            cc->n = exact;  /* a retry starts from the exact candidates */
            return st;
        }
    }
    seek_status st = card_documents(db, cc);
    if (st == SEEK_OK)
        st = card_cooccurring(db, cc);
    return st == SEEK_OK ? card_names(db, cc) : st;
}

static void write_card(jw *out, const card_ctx *cc)
{
    const candidate *b = cc->best;
    ent_type t = b->ent ? b->ent->type : type_of_term(b->term);
    entity_members(out, t, cc->best_name, PROTO_A_DOCS, (long long)b->docs);
    jw_key(out, PROTO_A_FOUND);
    jw_bool(out, 1);
    jw_key(out, PROTO_A_ALIASES);
    jw_arr(out);
    for (size_t i = 0; b->ent && i < b->ent->naliases; i++)
        jw_str(out, b->ent->aliases[i]);
    jw_arr_end(out);
    jw_key(out, PROTO_A_COOCCURRING);
    jw_arr(out);
    for (size_t i = 0; i < cc->nco; i++)
        entity_write(out, cc->co[i].type, cc->co[i].name, PROTO_A_COUNT,
                     (long long)cc->co[i].count);
    jw_arr_end(out);
    jw_key(out, PROTO_A_DOCUMENTS);
    jw_json(out, cc->docs);
}

int op_entity(reader *rd, const proto_request *req, jw *out, proto_error *err)
{
    ent_type type = ENT_NTYPES;
    if (req->type)
        ent_type_parse(req->type, &type);
    char *form = gaz_match_form(req->name, req->name_len);
    if (!form)
        return op_error(rd, SEEK_NOMEM, err);
    if (!*form) {
        free(form);
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "the name holds no letters or digits");
    }
    card_ctx *cc = calloc(1, sizeof *cc);
    if (!cc || !(cc->docs = json_array())) {
        free(cc);
        free(form);
        return op_error(rd, SEEK_NOMEM, err);
    }
    cc->req = req;
    cc->form = form;
    cc->type = type;
    cc->gaz = rd->ctx->gaz;
    cc->time_limit = rd->ctx->time_limit;
    qp_entity_terms(cc->gaz, type, form, add_candidate, cc);
    seek_status st = reader_run(rd, card_run, cc);
    free(form);
    int rc = 0;
    if (st != SEEK_OK) {
        rc = op_error(rd, st, err);
    } else if (!cc->best) {
        jw_key(out, PROTO_A_FOUND);
        jw_bool(out, 0);
        jw_key(out, PROTO_A_QUERY);
        jw_strn(out, req->name, req->name_len);
    } else {
        write_card(out, cc);
    }
    card_names_free(cc);
    json_decref(cc->docs);
    free(cc);
    return rc;
}

/* ---- entities ---- */

typedef struct ranked {
    ent_type type;
    const xap_count *c;
    char *name;         /* shown (entity_shown), malloc'd; only for those listed */
} ranked;

typedef struct list_ctx {
    const char *form;   /* name prefix in match form */
    int only;           /* a type, or -1 for all */
    size_t limit;       /* how many are listed */
    const gazetteer *gaz;
    xap_count *all[ENT_NTYPES];
    size_t n[ENT_NTYPES];
    ranked *r;          /* all of them, most mentioned first */
    size_t total;
} list_ctx;

static void list_clear(list_ctx *lc)
{
    for (size_t i = 0; lc->r && i < lc->total && i < lc->limit; i++)
        free(lc->r[i].name);
    free(lc->r);
    lc->r = NULL;
    lc->total = 0;
    for (int t = 0; t < ENT_NTYPES; t++) {
        xap_counts_free(lc->all[t], lc->n[t]);
        lc->all[t] = NULL;
        lc->n[t] = 0;
    }
}

/* The name (after its 2-byte type prefix) has a word starting with `form`. */
static int word_starts(const char *term, const char *form)
{
    size_t n = strlen(form);
    for (const char *w = term + 2; w; w = strchr(w, ' ')) {
        if (*w == ' ')
            w++;
        if (!strncmp(w, form, n))
            return 1;
    }
    return 0;
}

static int by_count(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->c->count != y->c->count)
        return x->c->count > y->c->count ? -1 : 1;
    return strcmp(x->c->term, y->c->term);
}

/* Every entity kept, most mentioned first, and the names of those listed:
 * read from the same revision as their counts. */
static seek_status list_rank(xap_db *db, list_ctx *lc)
{
    size_t total = 0;
    for (int k = 0; k < ENT_NTYPES; k++)
        total += lc->n[k];
    if (!(lc->r = calloc(total + 1, sizeof *lc->r)))
        return SEEK_NOMEM;
    for (int k = 0; k < ENT_NTYPES; k++)
        for (size_t i = 0; i < lc->n[k]; i++)
            lc->r[lc->total++] = (ranked){ (ent_type)k, &lc->all[k][i], NULL };
    qsort(lc->r, lc->total, sizeof *lc->r, by_count);
    seek_status st = SEEK_OK;
    for (size_t i = 0; i < lc->total && i < lc->limit && st == SEEK_OK; i++)
        st = entity_shown(db, lc->gaz, lc->r[i].type, lc->r[i].c->term + 2, &lc->r[i].name);
    return st;
}

static seek_status list_run(xap_db *db, void *ctx)
{
    list_ctx *lc = ctx;
    list_clear(lc);
    for (int t = 0; t < ENT_NTYPES; t++) {
        if (lc->only >= 0 && t != lc->only)
            continue;
        seek_status st = xap_db_terms(db, qp_entity_prefix((ent_type)t), &lc->all[t], &lc->n[t]);
        if (st != SEEK_OK)
            return st;
        /* A prefix matches the start of any word: "rah" finds Emomali Rahmon. */
        size_t kept = 0;
        for (size_t i = 0; i < lc->n[t]; i++) {
            if (word_starts(lc->all[t][i].term, lc->form))
                lc->all[t][kept++] = lc->all[t][i];
            else
                free(lc->all[t][i].term);
        }
        lc->n[t] = kept;
    }
    return list_rank(db, lc);
}

int op_entities(reader *rd, const proto_request *req, jw *out, proto_error *err)
{
    list_ctx lc = { .only = -1, .limit = req->limit, .gaz = rd->ctx->gaz };
    ent_type t;
    if (req->type && ent_type_parse(req->type, &t) == 0)
        lc.only = (int)t;
    char *form = gaz_match_form(req->prefix ? req->prefix : "", req->prefix ? strlen(req->prefix) : 0);
    if (!form)
        return op_error(rd, SEEK_NOMEM, err);
    lc.form = form;
    seek_status st = reader_run(rd, list_run, &lc);
    if (st == SEEK_OK) {
        jw_key(out, PROTO_A_TOTAL);
        jw_int(out, (long long)lc.total);
        jw_key(out, PROTO_A_ENTITIES);
        jw_arr(out);
        for (size_t i = 0; i < lc.total && i < lc.limit; i++)
            entity_write(out, lc.r[i].type, lc.r[i].name, PROTO_A_COUNT,
                         (long long)lc.r[i].c->count);
        jw_arr_end(out);
    }
    list_clear(&lc);
    free(form);
    return st == SEEK_OK ? 0 : op_error(rd, st, err);
}
