/* libseekclient: talk to seekd from a C program without writing socket or
 * JSON code. Connect (to the socket the seek client would use), send
 * requests, read the answers in the order the requests were sent, and read
 * an answer's hits as C strings.
 *
 *     seek_client *c = seek_client_connect(NULL, 0, err, sizeof err);
 *     seek_client_search(c, "\"collective security\"", 0, 10);
 *     seek_answer *a = seek_client_read(c);
 *     seek_hit h;
 *     for (size_t i = 0; a && seek_answer_hit(a, i, &h) == 0; i++)
 *         printf("%s  %s\n", h.id, h.title);
 *
 * Functions that can fail return -1 (or NULL) and leave a sentence in
 * seek_client_errmsg(). A handle belongs to one thread at a time. Requests
 * may be pipelined: send several, then read their answers in order (the
 * daemon stops reading a connection with 64 unanswered requests, so read
 * before sending more). The wire format is seekd-protocol(7); see
 * seek_client(3). */
#ifndef SEEK_CLIENT_H
#define SEEK_CLIENT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SEEK_CLIENT_API __attribute__((visibility("default")))

typedef struct seek_client seek_client;
typedef struct seek_answer seek_answer;

/* One hit of a search or similar answer. The strings belong to the answer
 * and are "" when the hit has no such field. */
typedef struct seek_hit {
    const char *id, *title, *date, *url, *snippet;
    double score;
} seek_hit;

/* The socket seekd and seek use by default: $SEEKD_SOCKET, else
 * $XDG_RUNTIME_DIR/seekd.sock, else /tmp/seekd-UID/seekd.sock. Returns 0,
 * or -1 when it does not fit in `cap` bytes. */
SEEK_CLIENT_API int seek_client_default_socket(char *buf, size_t cap);

/* Connects to seekd at `socket_path` (NULL: the default). `timeout_ms`
 * bounds every later wait for the socket (0: 30 seconds). Returns the
 * handle, or NULL with the reason in `err`. */
SEEK_CLIENT_API seek_client *seek_client_connect(const char *socket_path, int timeout_ms,
                                                 char *err, size_t errlen);
/* Closes the connection and frees the handle; NULL is ignored. */
SEEK_CLIENT_API void seek_client_close(seek_client *c);
/* Why the last call on `c` failed. */
SEEK_CLIENT_API const char *seek_client_errmsg(const seek_client *c);

/* Sends one request: a JSON object on one line, without its newline. A
 * daemon that refuses the connection (busy, forbidden) answers and hangs
 * up, so after a failed send seek_client_read may still return its answer. */
SEEK_CLIENT_API int seek_client_send(seek_client *c, const char *line, size_t len);
/* The same for the common requests: a search with `limit` hits from
 * `offset`, an entity card, the index statistics, a ping. */
SEEK_CLIENT_API int seek_client_search(seek_client *c, const char *query, unsigned offset,
                                       unsigned limit);
SEEK_CLIENT_API int seek_client_entity(seek_client *c, const char *name);
SEEK_CLIENT_API int seek_client_stats(seek_client *c);
SEEK_CLIENT_API int seek_client_ping(seek_client *c);

/* The answer to the oldest request not yet read; NULL when none came (the
 * reason in seek_client_errmsg). An error answer is an answer: see
 * seek_answer_ok. */
SEEK_CLIENT_API seek_answer *seek_client_read(seek_client *c);

/* 1 for a successful answer, 0 for an error answer. */
SEEK_CLIENT_API int seek_answer_ok(const seek_answer *a);
/* An error answer's code (seekd-protocol(7): bad_query, index_unavailable,
 * ...) and message; NULL for a successful one. */
SEEK_CLIENT_API const char *seek_answer_error_code(const seek_answer *a);
SEEK_CLIENT_API const char *seek_answer_error_message(const seek_answer *a);
/* The answer line itself (JSON, without the newline), for what the
 * accessors below do not reach. */
SEEK_CLIENT_API const char *seek_answer_line(const seek_answer *a, size_t *len);
/* A member of the answer object: a string (NULL when absent or not a
 * string) or a number (`dflt` when absent or not a number). */
SEEK_CLIENT_API const char *seek_answer_string(const seek_answer *a, const char *name);
SEEK_CLIENT_API double seek_answer_number(const seek_answer *a, const char *name, double dflt);
/* Hits of a search or similar answer ("hits", or "ids" when asked for ids
 * alone): how many, and the i-th (0, or -1 past the last). */
SEEK_CLIENT_API size_t seek_answer_hit_count(const seek_answer *a);
SEEK_CLIENT_API int seek_answer_hit(const seek_answer *a, size_t i, seek_hit *hit);
SEEK_CLIENT_API void seek_answer_free(seek_answer *a);

#ifdef __cplusplus
}
#endif

#endif
