/* Line framing: a byte stream, read in pieces of any size, cut into lines.
 * The only code that reads a client's raw bytes before JSON does, so it is
 * pure (no sockets, no libuv) and fuzzed on its own. A line ends at '\n';
 * trailing '\r's are dropped (a client may send CRLF); a blank line (spaces
 * and tabs only) is a keep-alive and no line at all. */
#ifndef SEEKD_PROTO_FRAME_H
#define SEEKD_PROTO_FRAME_H

#include <stddef.h>

typedef struct frame {
    char *buf;          /* the start of a line whose '\n' has not come yet */
    size_t len, cap;
    size_t max;         /* bytes a line may hold, its '\r's included */
} frame;

/* Called with each line, without its newline; `line` is valid only during
 * the call. Returns 0, or -1 to stop (frame_feed then returns -1). */
typedef int (*frame_line_fn)(void *ctx, const char *line, size_t len);

#define FRAME_TOO_LONG 1   /* a line passed `max`: where the next starts is lost */

void frame_init(frame *f, size_t max);
void frame_fini(frame *f);

/* Takes `n` more bytes, calling `fn` for each line they complete, in order.
 * Returns 0; FRAME_TOO_LONG as soon as a line is longer than `max` (the
 * lines before it were handed over; feed no more); -1 when memory runs out
 * or `fn` failed. */
int frame_feed(frame *f, const char *p, size_t n, frame_line_fn fn, void *ctx);

/* The stream ended: hands over a last line that lacks its newline. Returns
 * 0, or -1 when `fn` failed. The frame is empty afterwards. */
int frame_end(frame *f, frame_line_fn fn, void *ctx);

/* Drops a partial line (the stream is being abandoned). */
void frame_discard(frame *f);

#endif
