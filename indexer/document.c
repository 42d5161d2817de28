/* One text -> one Xapian document. Terms and stored text come from the same
 * decoded text, so snippets show what was indexed. */
#include "document.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "entity/dateterms.h"
#include "entity/docdate.h"
#include "entity/extract.h"
#include "entity/spelling.h"
#include "facets.h"
#include "headline.h"
#include "parts.h"
#include "hitrec.h"
#include "query/compile.h"
#include "query/pairs.h"
#include "text/decode.h"
#include "text/token.h"
#include "text/tokarray.h"
#include "xap/prefix.h"


/* Each token with its position, its word-form keys (morph.h), and the pair term it makes with
 * the token before it when both are frequent words (query/pairs.h). */
static int add_stem(const char *term, void *doc)
{
    return xap_doc_add_term(doc, term, 1) == SEEK_OK ? 0 : -1;
}

static seek_status add_words(xap_doc *doc, morph *words, const tok_array *t, int in_parts)
{
    seek_status st = SEEK_OK;
    int prev_frequent = 0;
    for (size_t i = 0; i < t->n && st == SEEK_OK; i++) {
        const char *w = tok_array_norm(t, i);
        /* Xapian positions start at 1 by convention (TermGenerator does).
         * A text kept in parts has its positions there (add_parts). */
        st = in_parts ? xap_doc_add_term(doc, w, 1) : xap_doc_add_posting(doc, w, (unsigned)i + 1);
        char term[2 * TOK_MAX_BYTES + 16];
        if (st == SEEK_OK && qp_word_terms(words, PREFIX_STEM, w, t->v[i].len, add_stem, doc) != 0)
            st = SEEK_NOMEM;
        int frequent = pair_frequent(w, t->v[i].len);
        if (st == SEEK_OK && prev_frequent && frequent
            && pair_term(tok_array_norm(t, i - 1), t->v[i - 1].len, w, t->v[i].len, term,
                         sizeof term) == 0)
            st = xap_doc_add_term(doc, term, 1);
        prev_frequent = frequent;
    }
    return st;
}

static const char *const type_prefix[ENT_NTYPES] = {
    [ENT_PERSON] = PREFIX_PERSON, [ENT_ORG] = PREFIX_ORG,
    [ENT_PLACE] = PREFIX_PLACE, [ENT_NAME] = PREFIX_NAME,
};

typedef struct date_ctx {
    xap_doc *doc;
    year_counts years;
} date_ctx;

static int add_date_term(const char *term, void *ctx)
{
    date_ctx *dc = ctx;
    year_counts_add(&dc->years, term);
    return xap_doc_add_term(dc->doc, term, 1) != SEEK_OK;
}

/* Mentions are compared capped: a name said 5,000 times is as surely shown
 * as one said 4,096 times. */
#define MENTIONS_CAP 4096

static unsigned capped(unsigned mentions)
{
    return mentions < MENTIONS_CAP ? mentions : MENTIONS_CAP;
}

/* Which of x's entities a hit shows: those with more (capped) mentions than
 * *min, and the first *ties named with exactly *min; every one (*min 0)
 * when there are at most HIT_ENTITIES_MAX. */
static void hit_entities(const extraction *x, unsigned *min, size_t *ties)
{
    *min = 0;
    *ties = 0;
    if (x->nents <= HIT_ENTITIES_MAX)
        return;
    size_t *by = calloc(MENTIONS_CAP + 1, sizeof *by);
    if (!by) {
        *min = UINT_MAX;   /* no memory: no entities shown rather than all */
        return;
    }
    for (size_t i = 0; i < x->nents; i++)
        by[capped(x->ents[i].mentions)]++;
    size_t above = 0;
    unsigned m = MENTIONS_CAP;
    while (above + by[m] < HIT_ENTITIES_MAX)
        above += by[m--];
    free(by);
    *min = m;
    *ties = HIT_ENTITIES_MAX - above;
}

/* The spelling term (entity/spelling.h) of an entity the gazetteer lacks,
 * whose entity term is `term`: how this document spells it, which the
 * daemon shows for it. */
static seek_status add_spelling(xap_doc *doc, const gazetteer *gaz, const ent_count *e,
                                const char *term)
{
    if (gaz && gaz_find(gaz, e->type, e->key))
        return SEEK_OK;
    char spelling[SPELLING_TERM_MAX + 1];
    if (!spelling_term(term, e->name, spelling, sizeof spelling))
        return SEEK_OK;   /* too long for a term: the key, capitalized, is shown */
    return xap_doc_add_boolean(doc, spelling);
}

/* Entity terms (wdf = mentions) and the spellings of those the gazetteer
 * lacks, date terms and the facet slots; *list gets the entity list hits
 * show (malloc'd; NULL when there is none), at most HIT_ENTITIES_MAX of
 * them (xap/prefix.h). */
static seek_status add_entities(xap_doc *doc, const gazetteer *gaz, const extraction *x,
                                char **list_out)
{
    size_t cap = 0, len = 0, ties;
    char *list = NULL;    /* none yet: hitrec_build reads NULL as empty */
    seek_status st = SEEK_OK;
    unsigned min;
    hit_entities(x, &min, &ties);
    for (size_t i = 0; i < x->nents && st == SEEK_OK; i++) {
        const ent_count *e = &x->ents[i];
        char term[256];
        if (snprintf(term, sizeof term, "%s%s", type_prefix[e->type], e->key) >= 240)
            continue;  /* too long for a Xapian term */
        st = xap_doc_add_term(doc, term, e->mentions);
        if (st == SEEK_OK)
            st = add_spelling(doc, gaz, e, term);
        unsigned m = capped(e->mentions);
        int tie = min > 0 && m == min;
        if (st != SEEK_OK || m < min || (tie && ties == 0))
            continue;
        ties -= (size_t)tie;
        if (hitrec_entity_add(&list, &len, &cap, ent_type_name(e->type), e->key, e->name,
                              e->mentions) < 0)
            st = SEEK_NOMEM;
    }
    *list_out = list;
    date_ctx *dc = calloc(1, sizeof *dc);
    if (!dc)
        return SEEK_NOMEM;
    dc->doc = doc;
    for (size_t i = 0; i < x->ndates && st == SEEK_OK; i++) {
        const date_mention *m = &x->dates[i];
        /* An undated document's "30 November" is kept as a month-day,
         * which no date range naming a year matches. */
        if (m->span.lo < 10000)
            st = dateterms_monthday(&m->span, add_date_term, dc) ? SEEK_NOMEM : SEEK_OK;
        else if (dateterms_mention(&m->span, m->precision, add_date_term, dc))
            st = SEEK_NOMEM;
    }
    if (st == SEEK_OK)
        st = facets_set(doc, x, &dc->years);
    free(dc);
    return st;
}

/* The title: a page's or feed article's own, else the text's headline
 * (headline.h). Malloc'd; NULL when memory runs out. */
static char *title_of(const doc_input *in)
{
    return in->title ? strdup(in->title) : headline_of(in->text, in->len);
}

/* The title's words with their positions in it and their word-form keys,
 * under PREFIX_TITLE, for title:word and title:"phrase". */
static seek_status add_title(xap_doc *doc, morph *words, const char *title)
{
    tok_array t;
    if (tok_array_build(&t, title, strlen(title)) < 0)
        return SEEK_NOMEM;
    seek_status st = SEEK_OK;
    size_t plen = strlen(PREFIX_TITLE);
    for (size_t i = 0; i < t.n && st == SEEK_OK; i++) {
        char term[2 * TOK_MAX_BYTES + 16];
        memcpy(term, PREFIX_TITLE, plen);
        snprintf(term + plen, sizeof term - plen, "%s", tok_array_norm(&t, i));
        st = xap_doc_add_posting(doc, term, (unsigned)i + 1);
        if (st == SEEK_OK
            && qp_word_terms(words, PREFIX_TITLE PREFIX_STEM, tok_array_norm(&t, i), t.v[i].len,
                             add_stem, doc) != 0)
            st = SEEK_NOMEM;
    }
    tok_array_fini(&t);
    return st;
}

/* How much of the text SLOT_TEXT keeps: all of it, or its first
 * TEXT_SNIPPET_MAX bytes cut after a white space (else between characters)
 * so that no snippet ends in half a word. */
static size_t snippet_text_len(const char *text, size_t len)
{
    if (len <= TEXT_SNIPPET_MAX)
        return len;
    size_t cut = text_utf8_cut(text, len, TEXT_SNIPPET_MAX);
    for (size_t i = cut; i > cut - cut / 8; i--)
        if (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t')
            return i;
    return cut;
}

static seek_status set_number(xap_doc *doc, int slot, const char *fmt, long long v)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, fmt, v);
    return xap_doc_set_value(doc, slot, buf, (size_t)n);
}

/* What a big text's parts are made from when the writer gets to them
 * (xap.h: xap_doc_set_parts): the text and its tokens, kept with the
 * document until it is written. */
typedef struct part_source {
    char *text;
    tok_array toks;
    part_range *r;
    size_t n;
} part_source;

static void part_source_free(void *ctx)
{
    part_source *ps = ctx;
    free(ps->text);
    tok_array_fini(&ps->toks);
    free(ps->r);
    free(ps);
}

static void put_u32(unsigned char *at, size_t v)
{
    for (int k = 0; k < 4; k++)
        at[k] = (unsigned char)(v >> (8 * k));
}

/* SLOT_PART_MARKS of the part of tokens r (prefix.h): where every
 * PART_MARK_EVERY-th of its words starts in the `stored` bytes of its
 * text kept. */
static seek_status set_marks(xap_doc *p, const tok_array *t, part_range r, size_t stored)
{
    unsigned char v[4 * ((PART_TOKENS + PART_OVERLAP + 256) / PART_MARK_EVERY + 3)];
    size_t base = t->v[r.first].start, n = 0;
    put_u32(v, r.first + 1);
    for (size_t i = r.first; i < r.end && n + 2 <= sizeof v / 4; i += PART_MARK_EVERY) {
        if (t->v[i].start - base >= stored)
            break;
        put_u32(v + 4 * ++n, t->v[i].start - base);
    }
    return xap_doc_set_value(p, SLOT_PART_MARKS, (const char *)v, 4 * (n + 1));
}

/* Part `which` of a big text: its words at their positions in the whole text
 * and its slice of the text for snippets (the writer ties it to its
 * document). */
static seek_status make_part(void *ctx, size_t which, xap_doc **out)
{
    const part_source *ps = ctx;
    const char *text = ps->text;
    const tok_array *t = &ps->toks;
    part_range r = ps->r[which];
    xap_doc *p = NULL;
    *out = NULL;
    seek_status st = xap_doc_new(&p);
    const char *slice = text + t->v[r.first].start;
    size_t stored = snippet_text_len(slice, t->v[r.end - 1].end - t->v[r.first].start);
    if (st == SEEK_OK)
        st = xap_doc_set_value(p, SLOT_TEXT, slice, stored);
    if (st == SEEK_OK)
        st = set_marks(p, t, r, stored);
    /* Each word at its position, and the terms of each two and three
     * adjacent words, whatever they are (prefix.h: PART_TERM_MAX). */
    size_t plen = strlen(PREFIX_PART_WORD), cap = PART_TERM_MAX + 1 - plen;
    for (size_t i = r.first; i < r.end && st == SEEK_OK; i++) {
        char term[2 * TOK_MAX_BYTES + 16];
        memcpy(term, PREFIX_PART_WORD, plen);
        snprintf(term + plen, sizeof term - plen, "%s", tok_array_norm(t, i));
        st = xap_doc_add_position(p, term, (unsigned)i + 1);
        if (st == SEEK_OK && i > r.first
            && pair_term(tok_array_norm(t, i - 1), t->v[i - 1].len, tok_array_norm(t, i),
                         t->v[i].len, term + plen, cap) == 0)
            st = xap_doc_add_boolean(p, term);
        if (st == SEEK_OK && i > r.first + 1
            && pair_triple(tok_array_norm(t, i - 2), t->v[i - 2].len, tok_array_norm(t, i - 1),
                           t->v[i - 1].len, tok_array_norm(t, i), t->v[i].len, term + plen,
                           cap) == 0)
            st = xap_doc_add_boolean(p, term);
    }
    if (st != SEEK_OK) {
        xap_doc_free(p);
        return st;
    }
    *out = p;
    return SEEK_OK;
}

/* A big text's parts (parts.h), made when written: `toks` moves into
 * their source (left empty), with a copy of the text. */
static seek_status add_parts(xap_doc *doc, const char *text, size_t len, tok_array *toks)
{
    part_source *ps = calloc(1, sizeof *ps);
    if (!ps || !(ps->text = malloc(len + 1)) || parts_cut(toks, text, &ps->r, &ps->n) < 0) {
        if (ps)
            free(ps->text);
        free(ps);
        return SEEK_NOMEM;
    }
    memcpy(ps->text, text, len);
    ps->text[len] = '\0';
    ps->toks = *toks;
    memset(toks, 0, sizeof *toks);
    return xap_doc_set_parts(doc, ps->n, make_part, ps, part_source_free);
}

/* The hit record (hitrec.h). */
static seek_status set_hit(xap_doc *doc, const char *id, const doc_input *in, const char *title,
                           int day, date_source src, const char *entities)
{
    char date[16] = "";
    if (day)
        snprintf(date, sizeof date, "%08d", day);
    hitrec f = { id, title, date, entities, in->url, date_source_name(src) };
    char *rec = NULL;
    size_t len;
    seek_status st = hitrec_build(&f, &rec, &len) == 0 ? SEEK_OK : SEEK_NOMEM;
    if (st == SEEK_OK)
        st = xap_doc_set_value(doc, SLOT_HIT, rec, len);
    free(rec);
    return st;
}

/* yyyymmdd of a time in UTC. */
static int day_of(long long mtime_ns)
{
    time_t t = (time_t)(mtime_ns / 1000000000LL);
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return 0;
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* The date slots: SLOT_DATE only for a dated document (so that no date
 * range matches an undated one), SLOT_DATE_OLDEST for every one, undated
 * ones after all days. */
static seek_status set_date(xap_doc *doc, int day)
{
    seek_status st = SEEK_OK;
    if (day)
        st = set_number(doc, SLOT_DATE, "%08lld", day);
    if (st == SEEK_OK)
        st = day ? set_number(doc, SLOT_DATE_OLDEST, "%08lld", day)
                 : xap_doc_set_value(doc, SLOT_DATE_OLDEST, DATE_OLDEST_UNDATED, 1);
    return st;
}

/* Who holds the id: a term to count and list a folder's documents by, a
 * value naming the file, for the message when another folder's file wants
 * the same id. */
static seek_status add_source(xap_doc *doc, const doc_meta *meta)
{
    char term[64], *value = NULL;
    snprintf(term, sizeof term, "%s%s", PREFIX_SOURCE, meta->source);
    seek_status st = xap_doc_add_boolean(doc, term);
    if (st != SEEK_OK)
        return st;
    int n = asprintf(&value, "%s\t%s", meta->source, meta->file ? meta->file : "");
    if (n < 0)
        return SEEK_NOMEM;
    st = xap_doc_set_value(doc, SLOT_SOURCE, value, (size_t)n);
    free(value);
    return st;
}

seek_status document_build(const doc_input *in, const doc_meta *meta, morph *words,
                           const gazetteer *gaz, xap_doc **out)
{
    *out = NULL;
    const char *text = in->text;
    size_t tlen = in->len;
    tok_array toks;
    if (tok_array_build(&toks, text, tlen) < 0)
        return SEEK_NOMEM;
    extraction x;
    xap_doc *doc = NULL;
    seek_status st = extract_run(gaz, text, tlen, &toks, &x);
    if (st == SEEK_OK && (st = xap_doc_new(&doc)) != SEEK_OK)
        extraction_fini(&x);
    if (st != SEEK_OK) {
        tok_array_fini(&toks);
        return st;
    }
    char idterm[512];
    if (snprintf(idterm, sizeof idterm, "%s%s", PREFIX_ID, meta->id) >= (int)sizeof idterm)
        st = SEEK_INVALID;
    if (st == SEEK_OK)
        st = xap_doc_add_boolean(doc, idterm);
    char encterm[64];
    if (st == SEEK_OK && in->encoding
        && snprintf(encterm, sizeof encterm, "%s%s", PREFIX_ENCODING, in->encoding) < (int)sizeof encterm)
        st = xap_doc_add_boolean(doc, encterm);
    if (st == SEEK_OK && meta->source)
        st = add_source(doc, meta);
    int in_parts = toks.n > PART_SPLIT_TOKENS;
    if (st == SEEK_OK)
        st = add_words(doc, words, &toks, in_parts);
    if (st == SEEK_OK && in_parts)
        st = add_parts(doc, text, tlen, &toks);
    /* The document's own date, which then dates the mentions written
     * without a year. */
    docdate_in di = { in->feed_day, in->meta_day, text, tlen, in->top, x.dates, x.ndates, meta->id,
                      in->url,
                      meta->date_from_mtime && meta->mtime_ns >= 0 ? day_of(meta->mtime_ns) : 0 };
    int day;
    date_source src = docdate_pick(&di, &day);
    x.ndates = dates_resolve(x.dates, x.ndates, day);
    char *entities = NULL;
    if (st == SEEK_OK)
        st = add_entities(doc, gaz, &x, &entities);
    char *title = st == SEEK_OK ? title_of(in) : NULL;
    if (st == SEEK_OK && !title)
        st = SEEK_NOMEM;
    if (st == SEEK_OK)
        st = add_title(doc, words, title);
    if (st == SEEK_OK)
        st = set_hit(doc, meta->id, in, title, day, src, entities);
    free(title);
    free(entities);
    char hash[17];
    snprintf(hash, sizeof hash, "%016" PRIx64, meta->hash);
    if (st == SEEK_OK)
        st = xap_doc_set_value(doc, SLOT_ID, meta->id, strlen(meta->id));
    if (st == SEEK_OK)
        st = set_number(doc, SLOT_MTIME, "%lld", meta->mtime_ns);
    if (st == SEEK_OK)
        st = set_number(doc, SLOT_SIZE, "%lld", meta->size);
    if (st == SEEK_OK)
        st = xap_doc_set_value(doc, SLOT_HASH, hash, 16);
    if (st == SEEK_OK)
        st = set_date(doc, day);
    if (st == SEEK_OK)
        st = xap_doc_set_value(doc, SLOT_TEXT, text, snippet_text_len(text, tlen));
    extraction_fini(&x);
    tok_array_fini(&toks);
    if (st != SEEK_OK) {
        xap_doc_free(doc);
        return st;
    }
    *out = doc;
    return SEEK_OK;
}
