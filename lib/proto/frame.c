/* Line framing (frame.h). A line that arrives whole inside one read is
 * handed over where it lies; only a line split across reads is copied. */
#include "proto/frame.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"

void frame_init(frame *f, size_t max)
{
    *f = (frame){ .max = max };
}

void frame_fini(frame *f)
{
    free(f->buf);
    *f = (frame){ .max = f->max };
}

void frame_discard(frame *f)
{
    f->len = 0;
}

static int emit(const char *text, size_t len, frame_line_fn fn, void *ctx)
{
    while (len && text[len - 1] == '\r')
        len--;
    size_t blank = 0;
    while (blank < len && (text[blank] == ' ' || text[blank] == '\t'))
        blank++;
    if (blank == len)
        return 0;
    return fn(ctx, text, len) < 0 ? -1 : 0;
}

/* Appends to the partial line, which the caller checked fits in `max`. */
static int keep(frame *f, const char *p, size_t n)
{
    char *b = grow_to(f->buf, &f->cap, f->len + n, 1, 256);
    if (!b)
        return -1;
    f->buf = b;
    memcpy(f->buf + f->len, p, n);
    f->len += n;
    return 0;
}

int frame_feed(frame *f, const char *p, size_t n, frame_line_fn fn, void *ctx)
{
    size_t from = 0;
    while (from < n) {
        const char *nl = memchr(p + from, '\n', n - from);
        size_t part = (nl ? (size_t)(nl - p) : n) - from;
        if (part > f->max || f->len > f->max - part)
            return FRAME_TOO_LONG;
        if (!nl)
            return keep(f, p + from, part);
        if (f->len) {
            /* The line started in an earlier read. */
            if (keep(f, p + from, part) < 0)
                return -1;
            size_t whole = f->len;
            f->len = 0;
            if (emit(f->buf, whole, fn, ctx) < 0)
                return -1;
        } else if (emit(p + from, part, fn, ctx) < 0) {
            return -1;
        }
        from += part + 1;
    }
    return 0;
}

int frame_end(frame *f, frame_line_fn fn, void *ctx)
{
    size_t len = f->len;
    f->len = 0;
    return len ? emit(f->buf, len, fn, ctx) : 0;
}
