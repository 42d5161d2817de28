/* One file -> one Xapian document. The text is decoded once and everything,
 * terms and stored text alike, comes from that decoded copy, so snippets show
 * what was indexed. */
#include "document.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query/compile.h"
#include "text/decode.h"
#include "text/token.h"
#include "xap/prefix.h"

#define TITLE_MAX 300

uint64_t document_hash(const char *bytes, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)bytes[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

typedef struct builder {
    xap_doc *doc;
    xap_stem *stem;
    seek_status st;
} builder;

static int add_token(const tok *t, void *ctx)
{
    builder *b = ctx;
    /* Xapian positions start at 1 by convention (TermGenerator does). */
    b->st = xap_doc_add_posting(b->doc, t->text, t->pos + 1);
    if (b->st != SEEK_OK)
        return 1;
    char term[TOK_MAX_BYTES + 16];
    if (qp_stem_term(b->stem, t->text, t->len, term, sizeof term) == 0)
        b->st = xap_doc_add_term(b->doc, term, 1);
    return b->st != SEEK_OK;
}

/* The first non-empty line, trimmed and cut to TITLE_MAX bytes. */
static void title_span(const char *text, size_t len, size_t *from, size_t *n)
{
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && text[end] != '\n')
            end++;
        size_t a = i, z = end;
        while (a < z && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
            a++;
        while (z > a && (text[z - 1] == ' ' || text[z - 1] == '\t' || text[z - 1] == '\r'))
            z--;
        if (z > a) {
            if (z - a > TITLE_MAX) {
                z = a + TITLE_MAX;
                while (z > a && ((unsigned char)text[z] & 0xC0) == 0x80)
                    z--;
            }
            *from = a;
            *n = z - a;
            return;
        }
        i = end + 1;
    }
    *from = 0;
    *n = 0;
}

static seek_status set_number(xap_doc *doc, int slot, const char *fmt, long long v)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, fmt, v);
    return xap_doc_set_value(doc, slot, buf, (size_t)n);
}

seek_status document_build(const char *bytes, size_t len, const doc_meta *meta,
                           xap_stem *stem, xap_doc **out)
{
    *out = NULL;
    size_t tlen;
    char *text = text_decode(bytes, len, &tlen);
    if (!text)
        return SEEK_NOMEM;
    builder b = { .stem = stem };
    seek_status st = xap_doc_new(&b.doc);
    char idterm[512];
    if (st == SEEK_OK && snprintf(idterm, sizeof idterm, "%s%s", PREFIX_ID, meta->id)
                             >= (int)sizeof idterm)
        st = SEEK_INVALID;
    if (st == SEEK_OK)
        st = xap_doc_add_boolean(b.doc, idterm);
    if (st == SEEK_OK) {
        if (tok_scan(text, tlen, add_token, &b) < 0)
            st = SEEK_NOMEM;
        else
            st = b.st;
    }
    size_t tfrom, tn;
    title_span(text, tlen, &tfrom, &tn);
    char hash[17];
    snprintf(hash, sizeof hash, "%016" PRIx64, meta->hash);
    if (st == SEEK_OK)
        st = xap_doc_set_value(b.doc, SLOT_ID, meta->id, strlen(meta->id));
    if (st == SEEK_OK)
        st = xap_doc_set_value(b.doc, SLOT_TITLE, text + tfrom, tn);
    if (st == SEEK_OK)
        st = set_number(b.doc, SLOT_MTIME, "%lld", meta->mtime_ns);
    if (st == SEEK_OK)
        st = set_number(b.doc, SLOT_SIZE, "%lld", meta->size);
    if (st == SEEK_OK)
        st = xap_doc_set_value(b.doc, SLOT_HASH, hash, 16);
    if (st == SEEK_OK)
        st = xap_doc_set_data(b.doc, text, tlen);
    free(text);
    if (st != SEEK_OK) {
        xap_doc_free(b.doc);
        return st;
    }
    *out = b.doc;
    return SEEK_OK;
}
