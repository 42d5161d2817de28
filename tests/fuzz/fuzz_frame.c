/* libFuzzer target for the line framing, the first code to read a client's
 * raw bytes. The first two input bytes choose the size cap and how the rest
 * is cut into reads; whatever the cuts, the lines handed over must be those
 * of the stream read at once, none holding a newline, ending in '\r',
 * blank, or longer than the cap. */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "proto/frame.h"

typedef struct lines {
    char *text;       /* the lines, each followed by '\n' */
    size_t len;
    size_t max;
} lines;

static int take(void *ctx, const char *line, size_t len)
{
    lines *l = ctx;
    assert(len > 0 && len <= l->max);
    assert(!memchr(line, '\n', len));
    assert(line[len - 1] != '\r');
    size_t b = 0;
    while (b < len && (line[b] == ' ' || line[b] == '\t'))
        b++;
    assert(b < len);
    char *t = realloc(l->text, l->len + len + 1);
    assert(t);
    l->text = t;
    memcpy(t + l->len, line, len);
    t[l->len + len] = '\n';
    l->len += len + 1;
    return 0;
}

/* Frames data[0..n) in reads of `step` bytes (the last shorter); returns
 * frame_feed's verdict and the lines in *out. */
static int run(const uint8_t *data, size_t n, size_t max, size_t step, lines *out)
{
    frame f;
    frame_init(&f, max);
    *out = (lines){ .max = max };
    int rc = 0;
    for (size_t at = 0; rc == 0 && at < n; at += step)
        rc = frame_feed(&f, (const char *)data + at, n - at < step ? n - at : step, take, out);
    assert(rc == 0 || rc == FRAME_TOO_LONG);
    if (rc == 0)
        assert(frame_end(&f, take, out) == 0);
    frame_fini(&f);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t max = 1 + data[0];
    size_t step = 1 + data[1] % 64;
    data += 2;
    size_t n = size - 2;
    lines whole, cut;
    int a = run(data, n, max, n ? n : 1, &whole);
    int b = run(data, n, max, step, &cut);
    /* A line too long is found wherever the cuts fall, after the same lines. */
    assert(a == b);
    assert(whole.len == cut.len);
    assert(whole.len == 0 || memcmp(whole.text, cut.text, whole.len) == 0);
    free(whole.text);
    free(cut.text);
    return 0;
}
