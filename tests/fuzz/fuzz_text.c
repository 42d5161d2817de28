/* libFuzzer target for the text pipeline: text_decode on raw bytes, then
 * tok_scan, tok_join and tok_array_build on the decoded text (which must
 * agree with each other), and tok_scan directly on the raw bytes. */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/decode.h"
#include "text/tokarray.h"
#include "text/token.h"

#define FUZZ_MAX_INPUT (64 * 1024)

typedef struct seen {
    size_t len;          /* bytes of the scanned source */
    size_t prev_start, prev_end;
    unsigned n;
    int keep;            /* record the tokens below */
    tok_item *v;
    size_t cap;
    char *join;          /* the tokens joined by spaces */
    size_t jlen, jcap;
} seen;

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    p = realloc(p, c * size);
    assert(p);
    *cap = c;
    return p;
}

static int on_token(const tok *t, void *ctx)
{
    seen *s = ctx;
    assert(t->pos == s->n);
    assert(t->start < t->end && t->end <= s->len);
    /* In order. Spans may overlap: one source character whose compatibility
     * form holds a separator ("½" -> "1⁄2") yields tokens sharing its bytes. */
    assert(t->start >= s->prev_start && t->end >= s->prev_end);
    assert(t->len > 0 && t->len <= TOK_MAX_BYTES);
    assert(t->text[t->len] == '\0' && strlen(t->text) == t->len);
    assert(text_utf8_prefix(t->text, t->len) == t->len);
    assert(!memchr(t->text, ' ', t->len));
    s->prev_start = t->start;
    s->prev_end = t->end;
    if (s->keep) {
        s->v = grow(s->v, &s->cap, s->n + 1, sizeof *s->v);
        s->v[s->n] = (tok_item){ t->start, t->end, s->jlen + (s->n ? 1 : 0), t->len };
        s->join = grow(s->join, &s->jcap, s->jlen + t->len + 2, 1);
        if (s->n)
            s->join[s->jlen++] = ' ';
        memcpy(s->join + s->jlen, t->text, t->len + 1);
        s->jlen += t->len;
    }
    s->n++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    const char *raw = (const char *)data;

    /* Decoding: valid UTF-8 without NUL, valid input passes unchanged. */
    size_t n = (size_t)-1;
    char *d = text_decode(raw, size, &n);
    assert(d);
    assert(n >= size && n <= size * 3);
    assert(d[n] == '\0' && strlen(d) == n);
    assert(text_utf8_prefix(d, n) == n);
    if (text_utf8_prefix(raw, size) == size)
        assert(n == size && memcmp(d, raw, size) == 0);

    /* Cutting at a character boundary. */
    size_t max = size ? data[0] * (size_t)(size > 256 ? size / 256 + 1 : 1) : 0;
    size_t cut = text_utf8_cut(d, n, max);
    assert(cut <= n && (cut == n || cut <= max));
    assert(cut == n || ((unsigned char)d[cut] & 0xC0) != 0x80);
    assert(text_utf8_prefix(d, cut) == cut);

    /* Tokens of the decoded text, three ways that must agree. */
    seen s = { .len = n, .keep = 1 };
    long count = tok_scan(d, n, on_token, &s);
    assert(count >= 0 && (unsigned long)count == s.n);
    assert(tok_scan(d, n, NULL, NULL) == count);

    char *j = tok_join(d, n);
    assert(j);
    assert(strcmp(j, s.n ? s.join : "") == 0);
    free(j);

    tok_array a;
    assert(tok_array_build(&a, d, n) == 0);
    assert(a.n == s.n);
    for (size_t i = 0; i < a.n; i++) {
        assert(a.v[i].start == s.v[i].start && a.v[i].end == s.v[i].end);
        assert(a.v[i].len == s.v[i].len);
        assert(memcmp(tok_array_norm(&a, i), s.join + s.v[i].norm, a.v[i].len) == 0);
        assert(tok_array_norm(&a, i)[a.v[i].len] == '\0');
    }
    tok_array_fini(&a);
    free(s.v);
    free(s.join);
    free(d);

    /* The raw bytes: whatever is not UTF-8 separates tokens. */
    seen r = { .len = size };
    count = tok_scan(raw, size, on_token, &r);
    assert(count >= 0 && (unsigned long)count == r.n);
    return 0;
}
