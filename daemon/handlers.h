/* Request handlers: one request line in, one answer line out. They run on
 * worker threads, each with its own index handle; nothing here touches libuv. */
#ifndef SEEKD_DAEMON_HANDLERS_H
#define SEEKD_DAEMON_HANDLERS_H

#include <stddef.h>

/* Sets the index every worker opens. Call once before serving. */
void handlers_init(const char *index_path);
/* Frees every worker's handles. Call after the workers have stopped. */
void handlers_fini(void);
/* Makes every worker close and reopen its index before its next request
 * (SIGHUP: for an index folder that was replaced, not merely updated). */
void handlers_reopen_all(void);

/* Answers one request line (without its newline). Returns a malloc'd line
 * ending in '\n' with its length in *len, or NULL when memory runs out. */
char *handle_request(const char *line, size_t len, size_t *out_len);

/* The answer to send when handle_request had no memory to build one. */
extern const char handlers_oom_line[];

#endif
