/* Recursive-descent parser for the query language:
 *   seq  := or*                       (what is left over is ANDed on)
 *   or   := and ("OR" and)*
 *   and  := near (["AND"] near)*
 *   near := unary (("NEAR" | "NEAR/n" | "ADJ/n") unary)*
 *   unary:= "NOT" unary | "-" primary | "+" primary | primary
 *   prim := "(" seq ")" | '"' tokens '"' ["~" n] | word | word "*" | "=" word
 *        | "=" '"' tokens '"'
 *        | field ":" (word | '"' name '"' | "(" seq ")")
 * A bare word that the tokenizer cuts into several tokens ("sleeper-cells")
 * becomes a phrase, so punctuation inside words never widens a match.
 *
 * Recovery: wherever a term may start, pieces with no letters or digits and
 * a ')' with no '(' are skipped; an operator with nothing on one side is
 * skipped; a quote or '(' still open at the end is closed there. Each is
 * told as a warning, so that pasted text always gets an answer and the user
 * sees how it was read. */
#include "query/query.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "entity/dates.h"
#include "entity/gazetteer.h"
#include "entity/names.h"
#include "grow.h"
#include "text/decode.h"
#include "text/token.h"

typedef struct parser {
    const char *q;
    size_t len, at;
    int depth;        /* parentheses and NOTs open */
    int parens;       /* parentheses open */
    int field;        /* inside name:( ... ): that field, else -1 */
    size_t nterms;
    qp_error *err;
    seek_status st;   /* first failure; parsing stops at it */
} parser;

static void *fail(parser *p, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void *fail(parser *p, size_t off, const char *fmt, ...)
{
    if (p->st != SEEK_OK)
        return NULL;
    p->st = SEEK_BAD_QUERY;
    p->err->offset = off;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *oom(parser *p)
{
    if (p->st == SEEK_OK) {
        p->st = SEEK_NOMEM;
        snprintf(p->err->message, sizeof p->err->message, "out of memory");
    }
    return NULL;
}

/* Whether two warnings say the same but for their byte offsets. */
static int same_warning(const char *a, const char *b)
{
    static const char at[] = "byte ";
    while (*a && *a == *b) {
        if (strncmp(a, at, sizeof at - 1) == 0 && strncmp(b, at, sizeof at - 1) == 0) {
            a += sizeof at - 1;
            b += sizeof at - 1;
            while (*a >= '0' && *a <= '9')
                a++;
            while (*b >= '0' && *b <= '9')
                b++;
            continue;
        }
        a++;
        b++;
    }
    return *a == *b;
}

/* A warning like one already given, but at another byte ("ignored ')' at
 * byte 6", "... at byte 8" for each of a row of stray parentheses), is
 * dropped: the first tells the user what happened, the rest are noise. */
void qp_warn(qp_error *err, const char *fmt, ...)
{
    char buf[QP_WARNING_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    for (size_t i = 0; i < err->nwarnings; i++)
        if (same_warning(err->warnings[i], buf))
            return;
    if (err->nwarnings < QP_MAX_WARNINGS)
        memcpy(err->warnings[err->nwarnings++], buf, sizeof buf);
}

/* The piece [from, to) of the query as a short excerpt for a warning: its
 * length cut at a character boundary. */
static int excerpt(const parser *p, size_t from, size_t to)
{
    return (int)text_utf8_cut(p->q + from, to - from, 24);
}

void qp_free(qp_node *n)
{
    if (!n)
        return;
    qp_free(n->left);
    qp_free(n->right);
    for (size_t i = 0; i < n->nterms; i++)
        free(n->terms[i]);
    free(n->terms);
    free(n);
}

static qp_node *node(parser *p, qp_kind kind, size_t off, qp_node *l, qp_node *r)
{
    qp_node *n = calloc(1, sizeof *n);
    if (!n) {
        qp_free(l);
        qp_free(r);
        return oom(p);
    }
    n->kind = kind;
    n->offset = off;
    n->left = l;
    n->right = r;
    return n;
}

/* l op r, or whichever of them there is: a part that was ignored leaves its
 * neighbour standing alone. */
static qp_node *join(parser *p, qp_kind kind, size_t off, qp_node *l, qp_node *r)
{
    if (!l || !r)
        return l ? l : r;
    return node(p, kind, off, l, r);
}

/* ---- Lexing ---- */

/* The length of the white space or control character at `at`, else 0.
 * Pasted text carries more than ASCII blanks between words: no-break and
 * other Unicode spaces, line separators, zero-width spaces, stray control
 * characters, and the em dash set without spaces ("the storm—which hit").
 * Each must part words as a blank does, or the words on both sides would
 * be read as one (a phrase) and silently match nothing. The hyphen and the
 * en dash still join ("e-mail", "2019–2020"). The query is valid UTF-8. */
static size_t space_len(const parser *p, size_t at)
{
    unsigned char c = (unsigned char)p->q[at];
    if (c < 0x80)
        return c <= 0x20 || c == 0x7F;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p->q + at,
                                          (utf8proc_ssize_t)(p->len - at), &cp);
    if (n <= 0)
        return 0;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return (size_t)n;
    default:
        return cp == 0x200B || cp == 0xFEFF || cp == 0x2014 || cp == 0x2015 ? (size_t)n : 0;
    }
}

static void skip_space(parser *p)
{
    size_t n;
    while (p->at < p->len && (n = space_len(p, p->at)))
        p->at += n;
}

/* Typographic quotes are accepted because users paste them from documents:
 * “…”, „…“ and «…». */
static size_t open_quote_len(const char *s, size_t n)
{
    if (n >= 1 && s[0] == '"')
        return 1;
    if (n >= 3 && (memcmp(s, "\xE2\x80\x9C", 3) == 0 || memcmp(s, "\xE2\x80\x9E", 3) == 0))
        return 3;
    if (n >= 2 && memcmp(s, "\xC2\xAB", 2) == 0)
        return 2;
    return 0;
}

static size_t close_quote_len(const char *s, size_t n)
{
    if (n >= 1 && s[0] == '"')
        return 1;
    if (n >= 3 && (memcmp(s, "\xE2\x80\x9D", 3) == 0 || memcmp(s, "\xE2\x80\x9C", 3) == 0))
        return 3;
    if (n >= 2 && memcmp(s, "\xC2\xBB", 2) == 0)
        return 2;
    return 0;
}

/* End of the bare word starting at `at`: white space, a parenthesis or a
 * quote ends it. */
static size_t word_end(const parser *p, size_t at)
{
    while (at < p->len && !space_len(p, at) && p->q[at] != '(' && p->q[at] != ')'
           && !open_quote_len(p->q + at, p->len - at))
        at++;
    return at;
}

static int keyword_at(const parser *p, const char *kw)
{
    size_t n = strlen(kw);
    return p->len - p->at >= n && memcmp(p->q + p->at, kw, n) == 0
           && word_end(p, p->at) == p->at + n;
}

/* Digits at `at` as a number cut to QP_NEAR_MAX; *end gets the first byte
 * after them. Returns -1 when there is no digit. */
static long number_at(const parser *p, size_t at, size_t *end)
{
    long v = -1;
    for (; at < p->len && p->q[at] >= '0' && p->q[at] <= '9'; at++)
        v = v < 0 ? p->q[at] - '0' : (v > QP_NEAR_MAX ? v : v * 10 + (p->q[at] - '0'));
    *end = at;
    return v > QP_NEAR_MAX ? QP_NEAR_MAX : v;
}

/* A proximity operator here: NEAR, NEAR/n or ADJ/n, or NEAR/ and ADJ/
 * with the number left out (*bare set: the default window is assumed).
 * Returns its length (0 for none) with its window and order. */
static size_t near_at(const parser *p, unsigned *window, int *ordered, int *bare)
{
    size_t end = word_end(p, p->at), digits_end;
    const char *s = p->q + p->at;
    size_t n = end - p->at;
    *bare = 0;
    if (n == 4 && memcmp(s, "NEAR", 4) == 0) {
        *window = QP_NEAR_DEFAULT;
        *ordered = 0;
        return n;
    }
    size_t kw = n >= 5 && memcmp(s, "NEAR/", 5) == 0 ? 5 : n >= 4 && memcmp(s, "ADJ/", 4) == 0 ? 4 : 0;
    if (!kw)
        return 0;
    *ordered = kw == 4;
    if (n == kw) {
        *window = QP_NEAR_DEFAULT;
        *bare = 1;
        return n;
    }
    long v = number_at(p, p->at + kw, &digits_end);
    if (v < 0 || digits_end != end)
        return 0;
    *window = (unsigned)v;
    return n;
}

/* The binary operator here (OR, AND, a proximity one): its length, or 0. */
static size_t binop_at(const parser *p)
{
    unsigned w;
    int o, bare;
    if (keyword_at(p, "OR"))
        return 2;
    if (keyword_at(p, "AND"))
        return 3;
    return near_at(p, &w, &o, &bare);
}

static int stop_at_first(const tok *t, void *ctx)
{
    (void)t;
    (void)ctx;
    return 1;
}

/* Whether [from, to) holds a token at all. */
static int has_token(const parser *p, size_t from, size_t to)
{
    return tok_scan(p->q + from, to - from, stop_at_first, NULL) != 0;
}

static void warn(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(parser *p, const char *fmt, ...)
{
    char buf[QP_WARNING_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    qp_warn(p->err, "%s", buf);
}

/* Skips what cannot start a term: white space, a ')' with no '(' open, and
 * bare pieces with no letters or digits ("?", "-", "..."). */
static void skip_junk(parser *p)
{
    for (;;) {
        skip_space(p);
        if (p->at >= p->len)
            return;
        char c = p->q[p->at];
        if (c == ')') {
            if (p->parens > 0)
                return;
            warn(p, "ignored ')' at byte %zu: no '(' before it", p->at);
            p->at++;
            continue;
        }
        if (c == '(' || open_quote_len(p->q + p->at, p->len - p->at))
            return;
        size_t end = word_end(p, p->at);
        /* -"phrase", +(group): a sign before what word_end stops at. */
        if ((c == '-' || c == '+') && end == p->at + 1 && end < p->len && !space_len(p, end)
            && p->q[end] != ')')
            return;
        /* ="phrase": taken as written. */
        if (c == '=' && end == p->at + 1 && open_quote_len(p->q + end, p->len - end))
            return;
        if (keyword_at(p, "NOT") || binop_at(p) || has_token(p, p->at, end))
            return;
        warn(p, "ignored '%.*s': no letters or digits", excerpt(p, p->at, end), p->q + p->at);
        p->at = end;
    }
}

/* A term start: anything that can begin a primary or unary expression. */
static int at_term_start(parser *p)
{
    skip_junk(p);
    return p->at < p->len && p->q[p->at] != ')' && !binop_at(p);
}

/* Skips binary operators with nothing on their left. */
static void skip_dangling_ops(parser *p)
{
    for (;;) {
        skip_junk(p);
        size_t n = binop_at(p);
        if (!n)
            return;
        warn(p, "ignored '%.*s' at byte %zu: nothing on its left", (int)n, p->q + p->at, p->at);
        p->at += n;
    }
}

/* ---- Terms ---- */

typedef struct collect {
    char **terms;
    size_t n, cap;
    int oom;
} collect;

static int collect_one(const tok *t, void *ctx)
{
    collect *c = ctx;
    char **v = grow_to(c->terms, &c->cap, c->n + 1, sizeof *v, 4);
    if (!v) {
        c->oom = 1;
        return 1;
    }
    c->terms = v;
    if (!(c->terms[c->n] = strdup(t->text))) {
        c->oom = 1;
        return 1;
    }
    c->n++;
    return 0;
}

/* A query longer than QP_MAX_TERMS words is read up to there: the rest is
 * dropped, with a warning. */
static void past_limit(parser *p, size_t from)
{
    warn(p, "read the first %d words only: the rest, from byte %zu, was ignored", QP_MAX_TERMS,
         from);
    p->at = p->len;
}

/* Tokenizes [from, to) into a WORD or PHRASE node; *empty is set when the text
 * holds no token at all. */
static qp_node *terms_node(parser *p, size_t from, size_t to, int phrase, int *empty)
{
    collect c = { 0 };
    *empty = 0;
    if (tok_scan(p->q + from, to - from, collect_one, &c) < 0 || c.oom) {
        for (size_t i = 0; i < c.n; i++)
            free(c.terms[i]);
        free(c.terms);
        return oom(p);
    }
    *empty = c.n == 0;
    if (c.n && p->nterms + c.n > QP_MAX_TERMS) {
        size_t keep = QP_MAX_TERMS - p->nterms;
        for (size_t i = keep; i < c.n; i++)
            free(c.terms[i]);
        c.n = keep;
        past_limit(p, from);
    }
    if (c.n == 0) {
        free(c.terms);
        return NULL;
    }
    p->nterms += c.n;
    qp_node *n = node(p, (phrase || c.n > 1) ? QP_PHRASE : QP_WORD, from, NULL, NULL);
    if (!n) {
        for (size_t i = 0; i < c.n; i++)
            free(c.terms[i]);
        free(c.terms);
        return NULL;
    }
    n->terms = c.terms;
    n->nterms = c.n;
    n->terms_cap = c.cap;
    return n;
}

/* ---- Grammar ---- */

static qp_node *parse_seq(parser *p);
static qp_node *parse_primary(parser *p);

/* ---- Fields: person:NAME, date:RANGE, published:RANGE, title:WORD ... ---- */

enum { F_ENTITY, F_DATE, F_PUBLISHED, F_TITLE };

static const struct { const char *name; int kind; ent_type etype; } fields[] = {
    { "person", F_ENTITY, ENT_PERSON }, { "org", F_ENTITY, ENT_ORG },
    { "place", F_ENTITY, ENT_PLACE }, { "entity", F_ENTITY, ENT_NTYPES },
    { "date", F_DATE, ENT_NTYPES }, { "title", F_TITLE, ENT_NTYPES },
    { "published", F_PUBLISHED, ENT_NTYPES },
};
#define NFIELDS (sizeof fields / sizeof *fields)

/* The length of the run of ASCII letters at `at` when a ':' follows it. */
static size_t field_name_len(const parser *p, size_t at)
{
    size_t i = at;
    while (i < p->len && ((p->q[i] >= 'a' && p->q[i] <= 'z') || (p->q[i] >= 'A' && p->q[i] <= 'Z')))
        i++;
    return i > at && i < p->len && p->q[i] == ':' ? i - at : 0;
}

/* The field whose "name:" starts at `at` (in any case), or -1. With
 * nothing right after the colon ("title:" at the end, "Person: Rahmon") the
 * name is a label, not a word to require: parse_field drops it, warning. */
static int field_at(const parser *p, size_t at)
{
    size_t n = field_name_len(p, at);
    if (!n)
        return -1;
    for (size_t i = 0; i < NFIELDS; i++)
        if (strlen(fields[i].name) == n && strncasecmp(p->q + at, fields[i].name, n) == 0)
            return (int)i;
    return -1;
}

/* An entity filter of type `etype` for the match form `form` (taken). */
static qp_node *entity_node(parser *p, ent_type etype, size_t start, char *form)
{
    qp_node *n = node(p, QP_ENTITY, start, NULL, NULL);
    if (n)
        n->terms = calloc(1, sizeof *n->terms);
    if (!n || !n->terms) {
        free(form);
        qp_free(n);
        return oom(p);
    }
    n->etype = etype;
    n->terms[0] = form;
    n->nterms = n->terms_cap = 1;
    return n;
}

/* One value of field f: the text [from, to), quoted or not; `start` is where
 * the field (or the value, inside a list) begins. */
static qp_node *field_leaf(parser *p, int f, size_t start, size_t from, size_t to, int quoted)
{
    if (from == to) {
        warn(p, "ignored '%s:' at byte %zu: nothing right after the colon", fields[f].name,
             start);
        return NULL;
    }
    if (fields[f].kind == F_TITLE) {
        int empty;
        qp_node *n = terms_node(p, from, to, quoted, &empty);
        if (!n) {
            if (empty && p->st == SEEK_OK)
                warn(p, "ignored 'title:%.*s': no letters or digits", excerpt(p, from, to),
                     p->q + from);
            return NULL;
        }
        n->title = 1;
        n->offset = start;
        return n;
    }
    if (p->nterms >= QP_MAX_TERMS) {
        past_limit(p, start);
        return NULL;
    }
    p->nterms++;
    if (fields[f].kind == F_DATE || fields[f].kind == F_PUBLISHED) {
        date_span span;
        size_t off;
        if (date_parse_filter(p->q + from, to - from, &span, &off) < 0)
            return fail(p, from + off, "%s: takes YYYY, YYYY-MM, YYYY-MM-DD or a range "
                                       "FROM..TO of those", fields[f].name);
        qp_node *n = node(p, QP_DATE, start, NULL, NULL);
        if (n) {
            n->lo = span.lo;
            n->hi = span.hi;
            n->published = fields[f].kind == F_PUBLISHED;
        }
        return n;
    }
    char *form = gaz_short_name_form(p->q + from, to - from);
    if (!form)
        return oom(p);
    if (!*form) {
        free(form);
        warn(p, "ignored '%s:%.*s': the name holds no letters or digits", fields[f].name,
             excerpt(p, from, to), p->q + from);
        return NULL;
    }
    qp_node *n = entity_node(p, fields[f].etype, start, form);
    /* A short name typed as a name is (a capital, then lower case: "Чуя")
     * may be an acronym's ("Ска") or a word the text inflects ("в долине
     * Чуи", whose match form drops its ending): the filter takes both. */
    char *inflected = n && names_case(p->q, from, to) > 0 && names_caps(p->q + from, 0, to - from) < 0
                      ? gaz_match_form(p->q + from, to - from) : NULL;
    if (n && inflected && strcmp(inflected, form))
        return node(p, QP_OR, start, n, entity_node(p, fields[f].etype, start, inflected));
    free(inflected);
    return n;
}

/* The quoted text starting at p->at (an opening quote of qlen bytes): its
 * bounds in *from, *to; p->at moves past the closing quote, or to the end
 * when there is none (a warning says so, unless no word follows: then the
 * caller tells the quote was ignored, in one warning rather than two). */
static void quoted_span(parser *p, size_t qlen, size_t *from, size_t *to)
{
    size_t start = p->at;
    *from = *to = start + qlen;
    while (*to < p->len && !close_quote_len(p->q + *to, p->len - *to))
        (*to)++;
    if (*to >= p->len) {
        if (has_token(p, *from, *to))
            warn(p, "closed the quote opened at byte %zu at the end of the query", start);
        p->at = p->len;
    } else {
        p->at = *to + close_quote_len(p->q + *to, p->len - *to);
    }
}

static qp_node *parse_field(parser *p, int f)
{
    size_t start = p->at, vstart = start + strlen(fields[f].name) + 1;
    p->at = vstart;
    if (vstart < p->len && p->q[vstart] == '(') {
        int outer = p->field;
        p->field = f;
        qp_node *n = parse_primary(p);
        p->field = outer;
        return n;
    }
    size_t ql = open_quote_len(p->q + vstart, p->len - vstart), from = vstart, to;
    if (ql) {
        quoted_span(p, ql, &from, &to);
    } else {
        to = word_end(p, vstart);
        p->at = to;
    }
    return field_leaf(p, f, start, from, to, ql != 0);
}

static qp_node *parse_group(parser *p)
{
    size_t start = p->at;
    if (++p->depth > QP_MAX_DEPTH)
        return fail(p, start, "parentheses nested too deep: at most %d", QP_MAX_DEPTH);
    p->at++;
    p->parens++;
    qp_node *inner = parse_seq(p);
    if (p->st != SEEK_OK)
        return NULL;
    skip_space(p);
    if (p->at < p->len && p->q[p->at] == ')')
        p->at++;
    else
        warn(p, "closed the '(' at byte %zu at the end of the query", start);
    if (!inner)
        warn(p, "ignored the empty parentheses at byte %zu", start);
    p->parens--;
    p->depth--;
    return inner;
}

static qp_node *parse_phrase(parser *p, size_t ql)
{
    size_t start = p->at, from, to;
    quoted_span(p, ql, &from, &to);
    if (p->field >= 0)
        return field_leaf(p, p->field, start, from, to, 1);
    int empty;
    qp_node *n = terms_node(p, from, to, 1, &empty);
    if (!n) {
        if (empty && p->st == SEEK_OK && to >= p->len)
            warn(p, "ignored the quote at byte %zu: no words after it", start);
        else if (empty && p->st == SEEK_OK)
            warn(p, "ignored the empty phrase at byte %zu", start);
        return NULL;
    }
    n->offset = start;
    n->required = 1;
    size_t end;
    long slack;
    if (p->at < p->len && p->q[p->at] == '~' && (slack = number_at(p, p->at + 1, &end)) >= 0
        && word_end(p, p->at) == end) {
        n->window = (unsigned)slack;
        p->at = end;
    }
    return n;
}

static qp_node *parse_word(parser *p)
{
    size_t start = p->at, end = word_end(p, start), from = start;
    p->at = end;
    if (p->field >= 0)
        return field_leaf(p, p->field, start, start, end, 0);
    int literal = p->q[start] == '=' && end > start + 1;
    from += literal;
    size_t stem_end = end;
    while (stem_end > from + 1 && p->q[stem_end - 1] == '*')
        stem_end--;
    int star = stem_end < end;
    size_t name = field_name_len(p, start);
    if (name && start + name + 1 < end)
        warn(p, "'%.*s:' is not a field: searched as words", (int)name, p->q + start);
    int empty;
    qp_node *n = terms_node(p, from, stem_end, 0, &empty);
    if (!n) {
        if (empty && p->st == SEEK_OK)
            warn(p, "ignored '%.*s': no letters or digits", excerpt(p, start, end), p->q + start);
        return NULL;
    }
    if (star && n->kind == QP_WORD)
        n->kind = QP_PREFIX;
    else if (star)
        warn(p, "'*' ends a single word: '%.*s' searched without it", excerpt(p, start, end),
             p->q + start);
    n->literal = literal && n->kind == QP_WORD;
    n->offset = start;
    return n;
}

static qp_node *parse_primary(parser *p)
{
    skip_space(p);
    if (p->at >= p->len || p->q[p->at] == ')')
        return NULL;
    if (p->q[p->at] == '(')
        return parse_group(p);
    size_t ql = open_quote_len(p->q + p->at, p->len - p->at);
    if (ql)
        return parse_phrase(p, ql);
    /* ="a phrase": as written, like =word (no other names of an entity). */
    if (p->q[p->at] == '=' && p->at + 1 < p->len
        && (ql = open_quote_len(p->q + p->at + 1, p->len - p->at - 1))) {
        size_t start = p->at++;
        qp_node *n = parse_phrase(p, ql);
        if (n && (n->kind == QP_PHRASE || n->kind == QP_WORD)) {
            n->literal = 1;
            n->offset = start;
        }
        return n;
    }
    int f = p->field < 0 ? field_at(p, p->at) : -1;
    if (f >= 0)
        return parse_field(p, f);
    return parse_word(p);
}

static qp_node *parse_unary(parser *p)
{
    skip_junk(p);
    size_t start = p->at;
    int negate = 0, plus = 0;
    if (keyword_at(p, "NOT")) {
        p->at += 3;
        if (!at_term_start(p)) {
            warn(p, "ignored 'NOT' at byte %zu: nothing after it", start);
            return NULL;
        }
        negate = 1;
    } else if (p->at + 1 < p->len && (p->q[p->at] == '-' || p->q[p->at] == '+')
               && !space_len(p, p->at + 1) && p->q[p->at + 1] != ')'
               && !(p->q[p->at + 1] >= '0' && p->q[p->at + 1] <= '9')) {
        /* A sign before a digit is a signed number ("-5 C", "+0300" in a
         * pasted mail header, "+1 555"), searched as the number: it neither
         * excludes nor requires. */
        negate = p->q[p->at] == '-';
        plus = !negate;
        p->at++;
    }
    if (!negate) {
        qp_node *n = parse_primary(p);
        if (n && plus)
            n->required = 1;
        return n;
    }
    if (++p->depth > QP_MAX_DEPTH)
        return fail(p, start, "NOT nested too deep: at most %d", QP_MAX_DEPTH);
    qp_node *inner = keyword_at(p, "NOT") ? parse_unary(p) : parse_primary(p);
    p->depth--;
    return inner ? node(p, QP_NOT, start, inner, NULL) : NULL;
}

/* a NEAR b: single words make (or extend) a proximity node; anything else
 * is read as AND, with a warning. */
static qp_node *near_join(parser *p, size_t op_at, size_t op_len, qp_node *l, qp_node *r,
                          unsigned window, int ordered)
{
    if (r->kind == QP_WORD && !r->title
        && ((l->kind == QP_WORD && !l->title)
            || (l->kind == QP_NEAR && l->window == window && l->ordered == ordered))) {
        qp_node *n = l;
        if (l->kind == QP_WORD) {
            n = node(p, QP_NEAR, op_at, NULL, NULL);
            if (!n || qp_add_term(n, l->terms[0]) != SEEK_OK) {
                qp_free(n);
                qp_free(l);
                qp_free(r);
                return oom(p);
            }
            n->window = window;
            n->ordered = (unsigned char)ordered;
            n->required = 1;
            qp_free(l);
        }
        seek_status st = qp_add_term(n, r->terms[0]);
        qp_free(r);
        if (st != SEEK_OK) {
            qp_free(n);
            return oom(p);
        }
        return n;
    }
    warn(p, "'%.*s' at byte %zu joins single words: read as AND", (int)op_len, p->q + op_at, op_at);
    return node(p, QP_AND, op_at, l, r);
}

static qp_node *parse_near(parser *p)
{
    qp_node *left = parse_unary(p);
    while (p->st == SEEK_OK) {
        skip_junk(p);
        unsigned window;
        int ordered, bare;
        size_t op_at = p->at, n = near_at(p, &window, &ordered, &bare);
        if (!n)
            break;
        p->at += n;
        if (!left || !at_term_start(p)) {
            warn(p, "ignored '%.*s' at byte %zu: nothing on its %s", (int)n, p->q + op_at, op_at,
                 left ? "right" : "left");
            continue;
        }
        if (bare)
            warn(p, "'%.*s' at byte %zu has no number: read as %.*s%d", (int)n, p->q + op_at,
                 op_at, (int)n, p->q + op_at, QP_NEAR_DEFAULT);
        qp_node *right = parse_unary(p);
        if (right)
            left = near_join(p, op_at, n, left, right, window, ordered);
    }
    if (p->st != SEEK_OK) {
        qp_free(left);
        return NULL;
    }
    return left;
}

/* The operand an explicit AND binds on its left: in "a b AND c", b. */
static qp_node *last_operand(qp_node *n)
{
    while (n->kind == QP_AND && !n->required)
        n = n->right;
    return n;
}

static qp_node *parse_and(parser *p)
{
    qp_node *left = parse_near(p);
    while (p->st == SEEK_OK) {
        skip_junk(p);
        size_t op_at = p->at;
        int explicit = 0;
        if (keyword_at(p, "AND")) {
            p->at += 3;
            if (!at_term_start(p)) {
                warn(p, "ignored 'AND' at byte %zu: nothing on its right", op_at);
                continue;
            }
            explicit = 1;
        } else if (!at_term_start(p)) {
            break;
        }
        qp_node *right = parse_near(p);
        if (explicit && left && right) {
            last_operand(left)->required = 1;
            right->required = 1;
        }
        left = join(p, QP_AND, op_at, left, right);
    }
    if (p->st != SEEK_OK) {
        qp_free(left);
        return NULL;
    }
    return left;
}

static qp_node *parse_or(parser *p)
{
    qp_node *left = parse_and(p);
    while (p->st == SEEK_OK) {
        skip_junk(p);
        if (!keyword_at(p, "OR"))
            break;
        size_t op_at = p->at;
        p->at += 2;
        if (!at_term_start(p)) {
            warn(p, "ignored 'OR' at byte %zu: nothing on its right", op_at);
            continue;
        }
        left = join(p, QP_OR, op_at, left, parse_and(p));
    }
    if (p->st != SEEK_OK) {
        qp_free(left);
        return NULL;
    }
    return left;
}

/* Everything up to the end or the ')' closing the group: what an operator
 * leaves over ("a OR", "AND b") is ANDed on. */
static qp_node *parse_seq(parser *p)
{
    qp_node *all = NULL;
    for (;;) {
        skip_dangling_ops(p);
        size_t before = p->at;
        if (p->st != SEEK_OK || p->at >= p->len || p->q[p->at] == ')')
            break;
        all = join(p, QP_AND, before, all, parse_or(p));
        if (p->at == before)
            break;
    }
    if (p->st != SEEK_OK) {
        qp_free(all);
        return NULL;
    }
    return all;
}

seek_status qp_parse(const char *q, size_t len, qp_node **out, qp_error *err)
{
    parser p = { .q = q, .len = len, .err = err, .field = -1 };
    *out = NULL;
    err->offset = 0;
    err->message[0] = '\0';
    err->nwarnings = 0;
    size_t valid = text_utf8_prefix(q, len);
    if (valid < len) {
        fail(&p, valid, "the query is not valid UTF-8");
        return p.st;
    }
    skip_space(&p);
    if (p.at >= len) {
        fail(&p, 0, "empty query");
        return p.st;
    }
    qp_node *tree = parse_seq(&p);
    if (p.st == SEEK_OK && !tree)
        fail(&p, 0, "the query holds no words to search for");
    if (p.st != SEEK_OK) {
        qp_free(tree);
        return p.st;
    }
    *out = tree;
    return SEEK_OK;
}

seek_status qp_add_term(qp_node *n, const char *term)
{
    return strv_push(&n->terms, &n->nterms, &n->terms_cap, term) < 0 ? SEEK_NOMEM : SEEK_OK;
}

/* ---- Description ---- */

typedef struct sbuf {
    char *s;
    size_t len, cap;
    int oom;
} sbuf;

static void put(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->oom)
        return;
    char *p = grow_to(b->s, &b->cap, b->len + n + 1, 1, 64);
    if (!p) {
        b->oom = 1;
        return;
    }
    b->s = p;
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

static void put_window(sbuf *b, const char *fmt, unsigned w)
{
    char buf[32];
    snprintf(buf, sizeof buf, fmt, w);
    put(b, buf);
}

static void describe(sbuf *b, const qp_node *n)
{
    if (n->required && n->kind != QP_PHRASE && n->kind != QP_NEAR)
        put(b, "+");
    if (n->title)
        put(b, "title:");
    switch (n->kind) {
    case QP_WORD:
        put(b, n->literal ? "literal:" : "word:");
        put(b, n->terms[0]);
        return;
    case QP_PHRASE:
        put(b, "\"");
        for (size_t i = 0; i < n->nterms; i++) {
            if (i)
                put(b, " ");
            put(b, n->terms[i]);
        }
        put(b, "\"");
        if (n->window)
            put_window(b, "~%u", n->window);
        return;
    case QP_NEAR:
        put_window(b, n->ordered ? "(ADJ/%u" : "(NEAR/%u", n->window);
        for (size_t i = 0; i < n->nterms; i++) {
            put(b, " ");
            put(b, n->terms[i]);
        }
        put(b, ")");
        return;
    case QP_AND:
    case QP_OR:
        put(b, n->kind == QP_AND ? "(AND " : "(OR ");
        describe(b, n->left);
        put(b, " ");
        describe(b, n->right);
        put(b, ")");
        return;
    case QP_NOT:
        put(b, "(NOT ");
        describe(b, n->left);
        put(b, ")");
        return;
    case QP_PREFIX:
        put(b, "prefix:");
        put(b, n->terms[0]);
        return;
    case QP_ENTITY:
        put(b, n->etype == ENT_NTYPES ? "entity" : ent_type_name(n->etype));
        put(b, ":\"");
        put(b, n->terms[0]);
        put(b, "\"");
        return;
    case QP_DATE: {
        char lo[11], hi[11], buf[40];
        date_iso(n->lo, lo);
        date_iso(n->hi, hi);
        snprintf(buf, sizeof buf, "%s:%s..%s", n->published ? "published" : "date", lo, hi);
        put(b, buf);
        return;
    }
    }
}

char *qp_describe(const qp_node *n)
{
    sbuf b = { 0 };
    describe(&b, n);
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
