/* Talking to seekd: connect to the socket, send one request line, read one
 * answer line. Plain POSIX sockets: the client needs no event loop. */
#ifndef SEEKD_CLIENT_TALK_H
#define SEEKD_CLIENT_TALK_H

#include <stddef.h>

/* Sends `req` (one line, without newline) to the daemon at `socket_path` and
 * returns its answer line (malloc'd, newline stripped), waiting at most
 * `timeout_ms` for each step. On failure returns NULL and writes the reason
 * to `err`. */
char *talk(const char *socket_path, const char *req, size_t len, int timeout_ms,
           char *err, size_t errcap);

#endif
