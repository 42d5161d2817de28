/* Request dispatch: one request line in, one answer line out, on the
 * thread running the connection's loop, with that thread's reader
 * (reader.h). The ops themselves are in ops.h; nothing here touches libuv. */
#ifndef SEEKD_DAEMON_HANDLERS_H
#define SEEKD_DAEMON_HANDLERS_H

#include <stddef.h>

#include "reader.h"

/* Answers one request line (without its newline) with this thread's reader
 * of `serve`. Returns a malloc'd line
 * ending in '\n' with its length in *len, or NULL when memory runs out.
 * When the request, once read, is likely to run long (facets counted over
 * every match), `heavy`
 * (unless NULL) is called with `ctx` before it runs, so that the caller
 * can get other work out of its way. */
typedef void (*handlers_heavy_fn)(void *ctx);
char *handle_request(serve_ctx *serve, const char *line, size_t len, size_t *out_len,
                     handlers_heavy_fn heavy, void *ctx);

/* The answer to send when handle_request had no memory to build one. */
extern const char handlers_oom_line[];

#endif
