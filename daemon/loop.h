/* The listening socket, and one acceptor per event loop. The main thread
 * makes the socket (server_socket_open: stale files handled, a live daemon's
 * socket never stolen, or systemd's socket taken over); every loop thread
 * then accepts on it (server_start) and passes each connection to `place`,
 * which decides which loop serves it (loops.c balances them). */
#ifndef SEEKD_DAEMON_SERVER_H
#define SEEKD_DAEMON_SERVER_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/un.h>
#include <uv.h>

#include "config.h"

struct conn;

typedef struct server_socket {
    int fd;
    int activated;         /* the socket came from systemd: not ours to remove */
    char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
} server_socket;

/* Binds cfg->socket (with cfg's mode and group) and listens; or, under
 * systemd socket activation (LISTEN_FDS=1 for this pid), takes the socket
 * passed as fd 3. Returns 0, or -1 after printing why on stderr. */
int server_socket_open(server_socket *sock, const daemon_config *cfg);
/* Closes the socket and removes its file (unless systemd's). */
void server_socket_close(server_socket *sock);

/* The acceptor and live connections of one loop. */
typedef struct server {
    uv_loop_t *loop;
    const daemon_config *cfg;
    int id;                /* the serving thread's number, for the log */
    int listen_fd;         /* this loop's duplicate of the listening socket */
    uv_poll_t listener;
    uv_timer_t backoff;    /* resumes accepting after running out of fds */
    int listening;
    int stopping;
    uv_timer_t grace;      /* bounds how long stopping waits for clients */
    struct conn *conns;    /* this loop's live connections */
    /* Connections this loop serves or has been handed and not yet opened.
     * Whoever places a connection here counts it (other loops read it to
     * balance); server_conn_closed and server_adopt's failures uncount it. */
    atomic_uint live;
    /* Takes over each fd accepted here and passes it to server_adopt on the
     * loop chosen (counted in that loop's `live`). NULL: serve it here. */
    void (*place)(struct server *, int fd);
    void (*on_drained)(struct server *);  /* stopping and the last conn closed */
    /* Connections with a request to answer, answered by conn_run_ready
     * after the loop's turn, outside any libuv callback (so that the thread
     * running one may leave the loop to another thread meanwhile). */
    struct conn *ready_head, *ready_tail;
    /* Answers finished by a thread that no longer runs this loop, queued
     * (under a lock: any thread) and delivered by `finished` on the loop. */
    uv_async_t finished;
    struct conn *finished_head, *finished_tail;
    /* Called around each request run on the loop's thread; request_end
     * returns 0 when the loop was handed to another thread meanwhile (the
     * answer is then queued to `finished`). NULL: the loop is never handed
     * over. */
    uint64_t (*request_begin)(struct server *);
    int (*request_end)(struct server *, uint64_t token);
    /* The request begun (its request_begin token) is likely to run long:
     * hand the loop over now. */
    void (*request_heavy)(struct server *, uint64_t token);
    void *data;
} server;

/* Starts accepting on the socket in `loop`. Returns 0 or a libuv error. */
int server_start(server *s, uv_loop_t *loop, const daemon_config *cfg, const server_socket *sock);

/* Serves `fd`, a connection accepted by any loop, on s's loop; to be called
 * on s's thread, with the connection already counted in s->live. Takes the
 * fd over (closes it when s is stopping or on failure). */
void server_adopt(server *s, int fd);

/* Stops accepting and lets every connection of this loop finish the requests
 * it has already sent before closing, for SERVER_GRACE_MS at most;
 * on_drained is called when the last one has closed (at once if none). */
#define SERVER_GRACE_MS 10000
void server_stop(server *s);

/* Connections across all loops, for the --max-clients limit and the log. */
size_t server_clients_add(void);     /* returns the count including the new one */
void server_conn_closed(server *s);  /* called by conn.c when one has closed */

#endif
