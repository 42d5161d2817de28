/* Request dispatch: one request line in, one answer line out, on a worker
 * thread. The ops themselves are in ops.h; nothing here touches libuv. */
#ifndef SEEKD_DAEMON_HANDLERS_H
#define SEEKD_DAEMON_HANDLERS_H

#include <stddef.h>

/* Answers one request line (without its newline). Returns a malloc'd line
 * ending in '\n' with its length in *len, or NULL when memory runs out. */
char *handle_request(const char *line, size_t len, size_t *out_len);

/* The answer to send when handle_request had no memory to build one. */
extern const char handlers_oom_line[];

#endif
