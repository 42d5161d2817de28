/* Query tree -> shim query. Terms joined without an operator form a group:
 * its stop words are optional (AND_MAYBE: they add to the score of the
 * documents that have them), its other terms required, or, in the relaxed
 * reading, its free terms (words the user did not mark as required) joined
 * by OR, so that the documents holding more of them rank first. Stop words
 * count for a tenth of their weight (STOP_WEIGHT). The weighting over the
 * OR already favours documents with more of the words; a coordination
 * bonus on top (a fixed weight per word matched) ranked worse (under BM25)
 * on the CISI questions as typed (nDCG@10 0.355 without, 0.354, 0.338,
 * 0.310 with 0.3, 1, 3 per word). A NOT beside other terms becomes
 * AND_NOT so the excluded part never costs a scan of every document; only
 * a query that is nothing but NOT starts from all documents. */
#include "query/compile.h"

#include <string.h>

#include <stdio.h>
#include <stdlib.h>

#include "entity/dateterms.h"
#include "entity/restated.h"
#include "entity/ruorg.h"
#include "grow.h"
#include "query/pairs.h"
#include "query/stopwords.h"
#include "text/tokarray.h"
#include "text/token.h"
#include "xap/prefix.h"

int qp_word_terms(morph *words, const char *prefix, const char *word, size_t len,
                  qp_term_fn fn, void *ctx)
{
    size_t n;
    const char *keys = morph_keys(words, word, len, &n);
    if (!keys)
        return -1;
    char term[MORPH_KEY_MAX + 8];
    for (size_t i = 0; i < n; i++, keys += strlen(keys) + 1) {
        snprintf(term, sizeof term, "%s%s", prefix, keys);
        int rc = fn(term, ctx);
        if (rc)
            return rc;
    }
    return 0;
}

typedef struct ctx {
    morph *words;
    const gazetteer *gaz;
    size_t expanded;   /* filter terms so far */
    int relax;         /* 0 strict; 1 free terms of groups ORed (the relaxed reading);
                          2 phrases too, each also as its words */
    int phrase_words;  /* building the free terms of a group relaxed at level 2 */
    const qp_parts *parts;  /* NULL: the index holds no parts */
} ctx;

static seek_status build(const qp_node *n, ctx *c, xap_query **out);

const char *qp_entity_prefix(ent_type t)
{
    switch (t) {
    case ENT_PERSON: return PREFIX_PERSON;
    case ENT_ORG: return PREFIX_ORG;
    case ENT_PLACE: return PREFIX_PLACE;
    case ENT_NAME: return PREFIX_NAME;
    case ENT_NTYPES: break;
    }
    return PREFIX_NAME;
}

/* The term of the Russian body named by the match form `form`, when it is
 * one (ruorg.h). Returns fn's answer, or 0. */
static int body_term(const gazetteer *gaz, const char *form, qp_entity_fn fn, void *ctx)
{
    char term[512], *key = ruorg_key(gaz, form);
    int rc = 0;
    if (key && snprintf(term, sizeof term, "%s%s", PREFIX_ORG, key) < 240)
        rc = fn(term, NULL, ctx);
    free(key);
    return rc;
}

int qp_entity_terms(const gazetteer *gaz, ent_type type, const char *name, qp_entity_fn fn,
                    void *ctx)
{
    char term[512];
    int rc = 0;
    if (gaz) {
        const gaz_entity *found[64];
        size_t n = restated_named(gaz, name, type, found, 64);
        /* A person written with initials ("С. В. Лавров") is the
         * gazetteer's of that initial and surname, as documents key him. */
        if (n == 0 && (type == ENT_PERSON || type == ENT_NTYPES)
            && (found[0] = restated_person_by_initials(gaz, name)) != NULL)
            n = 1;
        for (size_t i = 0; i < n && i < 64 && !rc; i++) {
            snprintf(term, sizeof term, "%s%s", qp_entity_prefix(found[i]->type), found[i]->key);
            rc = fn(term, found[i], ctx);
        }
        /* A Russian body named with its owner is indexed under one key
         * however the text writes it, and the gazetteer's names of it may
         * be written otherwise in a document ("МИД России" as "Министерство
         * иностранных дел России"). */
        if (type == ENT_ORG || type == ENT_NTYPES) {
            if (!rc)
                rc = body_term(gaz, name, fn, ctx);
            for (size_t i = 0; i < n && i < 64 && !rc; i++)
                for (size_t a = 0; found[i]->type == ENT_ORG && a < found[i]->naliases && !rc; a++) {
                    const char *al = found[i]->aliases[a];
                    char *form = gaz_match_form(al, strlen(al));
                    if (!form)
                        return -1;
                    rc = body_term(gaz, form, fn, ctx);
                    free(form);
                }
        }
    }
    /* Names the gazetteer lacks are indexed under their own spelling, typed
     * by context or not at all, so a typed filter also takes untyped ones;
     * an organization's that ends with its owner, under the owner's key,
     * and one that ends with a state body, under that body's key too; a
     * person's with a patronymic, without it; one written with initials,
     * under the first and the surname. */
    char *owned = gaz && (type == ENT_ORG || type == ENT_NTYPES) ? restated_key(gaz, name) : NULL;
    char *bodied = gaz && (type == ENT_ORG || type == ENT_NTYPES) ? restated_body_key(gaz, name)
                                                                 : NULL;
    char *person = type == ENT_PERSON || type == ENT_NTYPES ? restated_person(name) : NULL;
    char *initial = type == ENT_PERSON || type == ENT_NTYPES ? restated_initial(person ? person : name)
                                                             : NULL;
    for (int t = 0; t < ENT_NTYPES && !rc; t++) {
        if (type != ENT_NTYPES && t != (int)type && t != ENT_NAME)
            continue;
        if (snprintf(term, sizeof term, "%s%s", qp_entity_prefix((ent_type)t), name) < 240)
            rc = fn(term, NULL, ctx);
        if (!rc && owned && t == ENT_ORG
            && snprintf(term, sizeof term, "%s%s", qp_entity_prefix((ent_type)t), owned) < 240)
            rc = fn(term, NULL, ctx);
        if (!rc && bodied && t == ENT_ORG
            && snprintf(term, sizeof term, "%s%s", qp_entity_prefix((ent_type)t), bodied) < 240)
            rc = fn(term, NULL, ctx);
        if (!rc && person && t == ENT_PERSON
            && snprintf(term, sizeof term, "%s%s", qp_entity_prefix((ent_type)t), person) < 240)
            rc = fn(term, NULL, ctx);
        if (!rc && initial && (t == ENT_PERSON || t == ENT_NAME)
            && snprintf(term, sizeof term, "%s%s", qp_entity_prefix((ent_type)t), initial) < 240)
            rc = fn(term, NULL, ctx);
    }
    free(owned);
    free(bodied);
    free(person);
    free(initial);
    return rc;
}

/* The terms of one filter, gathered for a single flat OR. */
typedef struct term_set {
    char **v;
    size_t n, cap;
    int oom;
} term_set;

static int add_term(term_set *t, const char *term)
{
    if (strv_push(&t->v, &t->n, &t->cap, term) < 0)
        t->oom = 1;
    return t->oom;
}

static void term_set_fini(term_set *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
}

static int add_entity_term(const char *term, const gaz_entity *e, void *c)
{
    (void)e;
    return add_term(c, term);
}

static int add_date_term(const char *term, void *c)
{
    return add_term(c, term);
}

/* The OR of a filter's terms, charged against the query's term budget so
 * that no query, however short, expands without bound. */
static seek_status any_of(term_set *t, ctx *c, xap_query **out)
{
    if (t->oom)
        return SEEK_NOMEM;
    c->expanded += t->n;
    if (c->expanded > QP_MAX_EXPANDED)
        return SEEK_BAD_QUERY;
    return t->n ? xap_query_any((const char *const *)t->v, t->n, out) : xap_query_nothing(out);
}

static seek_status build_entity(const qp_node *n, ctx *c, xap_query **out)
{
    term_set t = { 0 };
    qp_entity_terms(c->gaz, n->etype, n->terms[0], add_entity_term, &t);
    for (size_t i = 1; i < n->nterms; i++)
        add_term(&t, n->terms[i]);
    seek_status st = any_of(&t, c, out);
    term_set_fini(&t);
    return st;
}

static seek_status build_date(const qp_node *n, ctx *c, xap_query **out)
{
    char lo[16], hi[16];
    snprintf(lo, sizeof lo, "%08d", n->lo);
    snprintf(hi, sizeof hi, "%08d", n->hi);
    if (n->published)
        return xap_query_value_range(SLOT_DATE, lo, hi, out);
    term_set t = { 0 };
    date_span span = { n->lo, n->hi };
    dateterms_range(&span, add_date_term, &t);
    xap_query *mentioned = NULL, *dated = NULL;
    seek_status st = any_of(&t, c, &mentioned);
    term_set_fini(&t);
    if (st == SEEK_OK)
        st = xap_query_value_range(SLOT_DATE, lo, hi, &dated);
    if (st == SEEK_OK)
        st = xap_query_combine(XAP_OR, mentioned, dated, out);
    xap_query_free(mentioned);
    xap_query_free(dated);
    return st;
}

/* Builds l and r and joins them with op. */
static seek_status combine(xap_op op, const qp_node *l, const qp_node *r, ctx *c, xap_query **out)
{
    xap_query *a = NULL, *b = NULL;
    seek_status st = build(l, c, &a);
    if (st == SEEK_OK)
        st = build(r, c, &b);
    if (st == SEEK_OK)
        st = xap_query_combine(op, a, b, out);
    xap_query_free(a);
    xap_query_free(b);
    return st;
}

/* The positional terms of a phrase or proximity node: its words, with the
 * title prefix for title:"...". *v is malloc'd (free with free_terms). */
static seek_status positional_terms(const qp_node *n, char ***v)
{
    *v = calloc(n->nterms, sizeof **v);
    if (!*v)
        return SEEK_NOMEM;
    for (size_t i = 0; i < n->nterms; i++) {
        size_t len = strlen(n->terms[i]) + strlen(PREFIX_TITLE) + 1;
        if (!((*v)[i] = malloc(len)))
            return SEEK_NOMEM;
        snprintf((*v)[i], len, "%s%s", n->title ? PREFIX_TITLE : PREFIX_WORD, n->terms[i]);
    }
    return SEEK_OK;
}

static void free_terms(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

/* *q, or also the documents whose parts hold the match (compile.h:
 * qp_parts). */
static seek_status with_parts(const ctx *c, int ordered, const char *const *words, size_t n,
                              unsigned window, xap_query **q)
{
    xap_query *in_parts = NULL, *both = NULL;
    if (!c->parts || !*q)
        return SEEK_OK;
    /* An exact phrase's terms of two words (a phrase of two) or of three
     * (a longer one): parts without one of them are passed over, their
     * positions never read, and for a phrase of two or three words their
     * postings are the answer. */
    size_t npairs = ordered && window == n && n > 1 ? (n == 2 ? 1 : n - 2) : 0;
    char (*pairs)[PART_TERM_MAX + 1] = npairs ? calloc(npairs, sizeof *pairs) : NULL;
    const char **pv = npairs ? calloc(npairs, sizeof *pv) : NULL;
    if (npairs && (!pairs || !pv)) {
        free(pairs);
        free(pv);
        return SEEK_NOMEM;
    }
    size_t k = 0, cap = PART_TERM_MAX + 1 - strlen(PREFIX_PART_WORD);
    for (size_t i = 0; i < npairs; i++) {
        int rc = n == 2 ? pair_term(words[0], strlen(words[0]), words[1], strlen(words[1]),
                                    pairs[k], cap)
                        : pair_triple(words[i], strlen(words[i]), words[i + 1],
                                      strlen(words[i + 1]), words[i + 2], strlen(words[i + 2]),
                                      pairs[k], cap);
        if (rc == 0) {
            pv[k] = pairs[k];
            k++;
        }
    }
    int exact = npairs && k == npairs && n <= 3;
    seek_status st = c->parts->fn(ordered, words, n, window, pv, k, exact, c->parts->ctx,
                                  &in_parts);
    free(pairs);
    free(pv);
    if (st != SEEK_OK || !in_parts)
        return st;
    st = xap_query_combine(XAP_OR, *q, in_parts, &both);
    xap_query_free(in_parts);
    if (st == SEEK_OK) {
        xap_query_free(*q);
        *q = both;
    }
    return st;
}

/* NEAR (any order) and ADJ (in order): a window of the words plus the
 * words allowed between them. Also a phrase with slack, or in a title. */
static seek_status build_positional(const qp_node *n, const ctx *c, int ordered, xap_query **out)
{
    char **v = NULL;
    seek_status st = positional_terms(n, &v);
    unsigned window = (unsigned)n->nterms + n->window;
    if (st == SEEK_OK)
        st = ordered ? xap_query_phrase((const char *const *)v, n->nterms, window, out)
                     : xap_query_near((const char *const *)v, n->nterms, window, out);
    if (st == SEEK_OK && !n->title)
        st = with_parts(c, ordered, (const char *const *)v, n->nterms, window, out);
    free_terms(v, n->nterms);
    return st;
}

/* A phrase: its pair terms (query/pairs.h) narrow the documents whose
 * positions are compared; a two-word phrase of frequent words is its pair
 * term alone, which holds exactly when the two words are adjacent. */
static seek_status build_phrase(const qp_node *n, const ctx *c, xap_query **out)
{
    if (n->window || n->title)
        return build_positional(n, c, 1, out);
    xap_query *pairs = NULL, *phrase = NULL;
    size_t npairs = 0;
    seek_status st = SEEK_OK;
    for (size_t i = 1; i < n->nterms && st == SEEK_OK; i++) {
        char term[2 * TOK_MAX_BYTES + 16];
        size_t alen = strlen(n->terms[i - 1]), blen = strlen(n->terms[i]);
        if (!pair_frequent(n->terms[i - 1], alen) || !pair_frequent(n->terms[i], blen)
            || pair_term(n->terms[i - 1], alen, n->terms[i], blen, term, sizeof term) < 0)
            continue;
        xap_query *t = NULL;
        st = xap_query_term(term, &t);
        if (st == SEEK_OK && pairs) {
            xap_query *both = NULL;
            st = xap_query_combine(XAP_AND, pairs, t, &both);
            xap_query_free(pairs);
            xap_query_free(t);
            pairs = NULL;
            t = both;
        }
        if (st == SEEK_OK) {
            pairs = t;
            npairs++;
        }
    }
    if (st == SEEK_OK && npairs == 1 && n->nterms == 2) {
        *out = pairs;
        return SEEK_OK;
    }
    if (st == SEEK_OK)
        st = xap_query_phrase((const char *const *)n->terms, n->nterms, (unsigned)n->nterms,
                              pairs ? &phrase : out);
    if (st == SEEK_OK && pairs)
        st = xap_query_combine(XAP_FILTER, phrase, pairs, out);
    xap_query_free(phrase);
    xap_query_free(pairs);
    if (st == SEEK_OK)
        st = with_parts(c, 1, (const char *const *)n->terms, n->nterms, (unsigned)n->nterms, out);
    return st;
}

/* Adds one term to a synonym query being built in *acc. */
static int add_synonym(const char *term, void *c)
{
    xap_query **acc = c, *t = NULL, *both = NULL;
    if (xap_query_term(term, &t) != SEEK_OK)
        return -1;
    if (!*acc) {
        *acc = t;
        return 0;
    }
    seek_status st = xap_query_combine(XAP_SYNONYM, *acc, t, &both);
    xap_query_free(t);
    if (st != SEEK_OK)
        return -1;
    xap_query_free(*acc);
    *acc = both;
    return 0;
}

/* A word: its word-form keys (ranked, matching every inflection), as one
 * term when it has several (a Russian word the dictionary reads two ways,
 * "стали"), or for =word the word itself; in a title, the title's own
 * terms. */
static seek_status build_word(const qp_node *n, ctx *c, xap_query **out)
{
    const char *w = n->terms[0];
    if (n->literal) {
        char term[TOK_MAX_BYTES + 32];
        snprintf(term, sizeof term, "%s%s", n->title ? PREFIX_TITLE : PREFIX_WORD, w);
        return xap_query_term(term, out);
    }
    xap_query *q = NULL;
    const char *prefix = n->title ? PREFIX_TITLE PREFIX_STEM : PREFIX_STEM;
    if (qp_word_terms(c->words, prefix, w, strlen(w), add_synonym, &q) != 0) {
        xap_query_free(q);
        return SEEK_NOMEM;
    }
    *out = q;
    return SEEK_OK;
}

size_t qp_named_entities(const gazetteer *gaz, const qp_node *n, const gaz_entity **out,
                         size_t max)
{
    if (!gaz || n->literal || n->title || n->window || (n->kind != QP_WORD && n->kind != QP_PHRASE))
        return 0;
    /* A function word names nobody, though its case forms may meet a short
     * name's ("мой" and Moi's Russian "Мои"). */
    if (n->nterms == 1 && qp_stopword(n->terms[0], strlen(n->terms[0])))
        return 0;
    size_t len = 1;
    for (size_t i = 0; i < n->nterms; i++)
        len += strlen(n->terms[i]) + 1;
    char *text = malloc(len);
    if (!text)
        return 0;
    text[0] = '\0';
    for (size_t i = 0; i < n->nterms; i++) {
        if (i)
            strcat(text, " ");
        strcat(text, n->terms[i]);
    }
    char *form = gaz_match_form(text, strlen(text));
    size_t found = form && *form ? gaz_lookup(gaz, form, ENT_NTYPES, out, max) : 0;
    free(form);
    free(text);
    return found < max ? found : max;
}

/* One name of an entity as a query: a single word by its word forms, more
 * than one as an exact phrase. */
static seek_status build_name(const char *name, ctx *c, xap_query **out)
{
    *out = NULL;
    tok_array t;
    if (tok_array_build(&t, name, strlen(name)) < 0)
        return SEEK_NOMEM;
    seek_status st = SEEK_OK;
    if (t.n == 1) {
        if (qp_word_terms(c->words, PREFIX_STEM, tok_array_norm(&t, 0), t.v[0].len, add_synonym,
                          out) != 0)
            st = SEEK_NOMEM;
    } else if (t.n > 1) {
        const char **v = malloc(t.n * sizeof *v);
        if (!v)
            st = SEEK_NOMEM;
        for (size_t i = 0; v && i < t.n; i++)
            v[i] = tok_array_norm(&t, i);
        if (v)
            st = xap_query_phrase(v, t.n, (unsigned)t.n, out);
        if (v && st == SEEK_OK)
            st = with_parts(c, 1, v, t.n, (unsigned)t.n, out);
        free(v);
    }
    tok_array_fini(&t);
    return st;
}

/* A word or phrase that names gazetteer entities also matches their other
 * names, spellings and scripts, all ranked as one term (OP_SYNONYM): "rakhmon"
 * finds "Rahmon" and "Рахмона". `q` is the node's own query, consumed. The
 * names count against the query's term budget; past it the node stays as
 * written. */
static seek_status with_names(const qp_node *n, ctx *c, xap_query *q, xap_query **out)
{
    const gaz_entity *found[8];
    size_t nf = qp_named_entities(c->gaz, n, found, 8);
    seek_status st = SEEK_OK;
    for (size_t i = 0; i < nf && st == SEEK_OK; i++) {
        const gaz_entity *e = found[i];
        if (c->expanded + e->naliases + 1 > QP_MAX_EXPANDED)
            break;
        c->expanded += e->naliases + 1;
        for (size_t k = 0; k <= e->naliases && st == SEEK_OK; k++) {
            xap_query *name = NULL, *both = NULL;
            st = build_name(k ? e->aliases[k - 1] : e->name, c, &name);
            if (st == SEEK_OK && name)
                st = xap_query_combine(XAP_SYNONYM, q, name, &both);
            xap_query_free(name);
            if (st == SEEK_OK && both) {
                xap_query_free(q);
                q = both;
            }
        }
    }
    if (st != SEEK_OK) {
        xap_query_free(q);
        return st;
    }
    *out = q;
    return SEEK_OK;
}

/* *acc op part (taking both), or part alone when there is no *acc. */
static seek_status merge(xap_op op, xap_query **acc, xap_query *part)
{
    if (!part)
        return SEEK_OK;
    if (!*acc) {
        *acc = part;
        return SEEK_OK;
    }
    xap_query *both = NULL;
    seek_status st = xap_query_combine(op, *acc, part, &both);
    xap_query_free(*acc);
    xap_query_free(part);
    *acc = both;
    return st;
}

/* The last resort for a phrase no document has: the phrase, or any of its
 * words; those having the phrase rank first, having its words too. */
static seek_status build_phrase_words(const qp_node *n, ctx *c, xap_query **out)
{
    seek_status st = build_phrase(n, c, out);
    for (size_t i = 0; i < n->nterms && st == SEEK_OK; i++) {
        qp_node word = { .kind = QP_WORD, .terms = &n->terms[i], .nterms = 1 };
        xap_query *w = NULL;
        st = build_word(&word, c, &w);
        if (st == SEEK_OK)
            st = merge(XAP_OR, out, w);
    }
    if (st != SEEK_OK) {
        xap_query_free(*out);
        *out = NULL;
    }
    return st;
}

/* ---- Groups: terms joined without an operator ---- */

/* What a stop word adds to a score, as a part of its weight: enough to
 * order documents that are otherwise alike, too little to lift one that has
 * fewer of the words that matter. Measured on the CISI questions as typed
 * (nDCG@10, under BM25): stop words at full weight 0.326, at 0.4 0.347, at
 * 0.1 0.355, left out 0.355. */
#define STOP_WEIGHT 0.1

enum role { R_REQUIRED, R_FREE, R_STOP, R_NOT, NROLES };

typedef struct group {
    int level;      /* the relaxation it is sorted for (2: phrases are free) */
    const qp_node **v[NROLES];
    size_t n[NROLES], cap[NROLES];
    int oom;
} group;

/* A free term: one the relaxed reading may leave out. Words, word*, words
 * that punctuation joined ("e-mail"), and OR lists of them; never what the
 * user marked as required, nor a filter. */
static int is_free(const qp_node *n, int level)
{
    if (n->title || (n->required && !(level >= 2 && n->kind == QP_PHRASE)))
        return 0;
    switch (n->kind) {
    case QP_WORD:
    case QP_PREFIX:
    case QP_PHRASE:
        return 1;
    case QP_OR:
        return is_free(n->left, level) && is_free(n->right, level);
    default:
        return 0;
    }
}

static enum role role_of(const qp_node *n, int level)
{
    if (n->kind == QP_NOT)
        return R_NOT;
    if (n->kind == QP_WORD && !n->required && !n->literal && !n->title
        && qp_stopword(n->terms[0], strlen(n->terms[0])))
        return R_STOP;
    return is_free(n, level) ? R_FREE : R_REQUIRED;
}

/* A group's terms: the AND nodes below n that are not required (a required
 * one is a group of its own) are flattened; n itself always is. */
static void gather(group *g, const qp_node *n, int root)
{
    if (n->kind == QP_AND && (root || !n->required)) {
        gather(g, n->left, 0);
        gather(g, n->right, 0);
        return;
    }
    enum role r = role_of(n, g->level);
    const qp_node **v = grow_to(g->v[r], &g->cap[r], g->n[r] + 1, sizeof *v, 8);
    if (!v) {
        g->oom = 1;
        return;
    }
    g->v[r] = v;
    v[g->n[r]++] = n;
}

/* Sorts a group's terms by role. A group of nothing but stop words ("to be
 * or not to be") needs them: they become its free words. */
static int group_init(group *g, const qp_node *n, int level)
{
    memset(g, 0, sizeof *g);
    g->level = level;
    gather(g, n, 1);
    if (!g->oom && !g->n[R_REQUIRED] && !g->n[R_FREE]) {
        g->v[R_FREE] = g->v[R_STOP];
        g->n[R_FREE] = g->n[R_STOP];
        g->cap[R_FREE] = g->cap[R_STOP];
        g->v[R_STOP] = NULL;
        g->n[R_STOP] = g->cap[R_STOP] = 0;
    }
    return g->oom ? -1 : 0;
}

static void group_fini(group *g)
{
    for (int r = 0; r < NROLES; r++)
        free(g->v[r]);
}

/* Whether the relaxed reading of a group differs from the strict one. */
static int group_relaxes(const group *g)
{
    return g->n[R_FREE] >= 2 || (g->n[R_FREE] && g->n[R_REQUIRED]);
}

static int group_long(const group *g)
{
    return g->n[R_FREE] > QP_LONG_TEXT;
}


/* Joins *acc and the query of node n (NOT: of what it excludes) with op. */
static seek_status fold(xap_op op, const qp_node *n, ctx *c, xap_query **acc)
{
    xap_query *q = NULL;
    seek_status st = build(n->kind == QP_NOT ? n->left : n, c, &q);
    if (st != SEEK_OK || !*acc) {
        *acc = q;
        return st;
    }
    xap_query *both = NULL;
    st = xap_query_combine(op, *acc, q, &both);
    xap_query_free(*acc);
    xap_query_free(q);
    *acc = both;
    return st;
}

/* The terms of one role joined by op, into *out (NULL when there are none). */
static seek_status fold_role(const group *g, enum role r, xap_op op, ctx *c, xap_query **out)
{
    *out = NULL;
    seek_status st = SEEK_OK;
    for (size_t i = 0; i < g->n[r] && st == SEEK_OK; i++)
        st = fold(op, g->v[r][i], c, out);
    return st;
}

static seek_status build_group(const qp_node *n, ctx *c, xap_query **out)
{
    *out = NULL;
    group g;
    if (group_init(&g, n, c->relax) < 0) {
        group_fini(&g);
        return SEEK_NOMEM;
    }
    int outer = c->relax, outer_words = c->phrase_words;
    if (n->required)
        c->relax = 0;
    int relaxed = c->relax && group_relaxes(&g);
    c->phrase_words = 0;
    xap_query *pos = NULL, *part = NULL;
    seek_status st = fold_role(&g, R_REQUIRED, XAP_AND, c, &pos);
    c->phrase_words = relaxed && c->relax >= 2;
    if (st == SEEK_OK)
        st = fold_role(&g, R_FREE, relaxed ? XAP_OR : XAP_AND, c, &part);
    c->phrase_words = 0;
    if (st == SEEK_OK)
        st = merge(relaxed ? XAP_AND_MAYBE : XAP_AND, &pos, part);
    else
        xap_query_free(part);
    part = NULL;
    if (st == SEEK_OK)
        st = fold_role(&g, R_STOP, XAP_OR, c, &part);
    if (st == SEEK_OK && part) {
        xap_query *scaled = NULL;
        st = xap_query_scale(part, STOP_WEIGHT, &scaled);
        xap_query_free(part);
        part = scaled;
    }
    if (st == SEEK_OK)
        st = merge(XAP_AND_MAYBE, &pos, part);
    else
        xap_query_free(part);
    part = NULL;
    c->relax = 0;  /* what is excluded is excluded as written */
    if (st == SEEK_OK)
        st = fold_role(&g, R_NOT, XAP_OR, c, &part);
    c->relax = outer;
    c->phrase_words = outer_words;
    if (st == SEEK_OK && part && !pos)
        st = xap_query_all(&pos);
    if (st == SEEK_OK)
        st = merge(XAP_AND_NOT, &pos, part);
    else
        xap_query_free(part);
    group_fini(&g);
    if (st != SEEK_OK) {
        xap_query_free(pos);
        return st;
    }
    *out = pos;
    return SEEK_OK;
}

static int relaxable(const qp_node *n, int level)
{
    if (!n || n->kind == QP_NOT || n->required)
        return 0;
    if (n->kind == QP_OR)
        return relaxable(n->left, level) || relaxable(n->right, level);
    if (n->kind != QP_AND)
        return 0;
    group g;
    int rc = group_init(&g, n, level) == 0 && group_relaxes(&g);
    for (size_t i = 0; !rc && i < g.n[R_REQUIRED]; i++)
        rc = relaxable(g.v[R_REQUIRED][i], level);
    for (size_t i = 0; !rc && i < g.n[R_FREE]; i++)
        rc = relaxable(g.v[R_FREE][i], level);
    group_fini(&g);
    return rc;
}

int qp_long_text(const qp_node *n)
{
    if (!n || n->kind == QP_NOT || n->required)
        return 0;
    if (n->kind == QP_OR)
        return qp_long_text(n->left) || qp_long_text(n->right);
    if (n->kind != QP_AND)
        return 0;
    group g;
    int rc = group_init(&g, n, 2) == 0 && group_long(&g);
    for (size_t i = 0; !rc && i < g.n[R_REQUIRED]; i++)
        rc = qp_long_text(g.v[R_REQUIRED][i]);
    for (size_t i = 0; !rc && i < g.n[R_FREE]; i++)
        rc = qp_long_text(g.v[R_FREE][i]);
    group_fini(&g);
    return rc;
}

/* Whether n holds a phrase (not a title: one) that a search may reach: the
 * only thing the level-2 reading parts into words beyond level 1. */
static int has_phrase(const qp_node *n)
{
    if (!n || n->kind == QP_NOT)
        return 0;
    if (n->kind == QP_PHRASE)
        return !n->title;
    return has_phrase(n->left) || has_phrase(n->right);
}

/* Phrases are given up only in a text that has words to relax besides:
 * a query that is one phrase is answered as written. Level 2 is tried only
 * when there is a phrase to give up: without one it would search the level
 * 1 reading again and say, wrongly, that phrases were split. */
int qp_relaxable(const qp_node *tree, int level)
{
    return relaxable(tree, 1)
           && (level == 1 || (has_phrase(tree) && relaxable(tree, level)));
}

static seek_status build(const qp_node *n, ctx *c, xap_query **out)
{
    *out = NULL;
    switch (n->kind) {
    case QP_WORD: {
        xap_query *q = NULL;
        seek_status st = build_word(n, c, &q);
        return st == SEEK_OK ? with_names(n, c, q, out) : st;
    }
    case QP_PREFIX:
        /* Unprefixed terms are the unstemmed words, so "secur*" expands
         * over what the text actually says. */
        return xap_query_wildcard(n->terms[0], QP_MAX_EXPANSION, out);
    case QP_PHRASE: {
        xap_query *q = NULL;
        seek_status st = c->phrase_words && !n->title ? build_phrase_words(n, c, &q)
                                                      : build_phrase(n, c, &q);
        return st == SEEK_OK ? with_names(n, c, q, out) : st;
    }
    case QP_NEAR:
        return build_positional(n, c, n->ordered, out);
    case QP_AND:
    case QP_NOT:
        return build_group(n, c, out);
    case QP_OR:
        return combine(XAP_OR, n->left, n->right, c, out);
    case QP_ENTITY:
        return build_entity(n, c, out);
    case QP_DATE:
        return build_date(n, c, out);
    }
    return SEEK_INVALID;
}

seek_status qp_compile(const qp_node *tree, morph *words, const gazetteer *gaz,
                       xap_query **out)
{
    ctx c = { words, gaz, 0, 0, 0, NULL };
    return build(tree, &c, out);
}

seek_status qp_compile_relaxed(const qp_node *tree, morph *words, const gazetteer *gaz,
                               int level, xap_query **out)
{
    ctx c = { words, gaz, 0, level, 0, NULL };
    return build(tree, &c, out);
}

seek_status qp_compile_parts(const qp_node *tree, morph *words, const gazetteer *gaz, int level,
                             const qp_parts *parts, xap_query **out)
{
    ctx c = { words, gaz, 0, level, 0, parts };
    return build(tree, &c, out);
}
