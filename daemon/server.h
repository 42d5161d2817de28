/* The listening socket and the set of live connections. server_listen takes
 * care of stale socket files and refuses to steal a live daemon's socket. */
#ifndef SEEKD_DAEMON_SERVER_H
#define SEEKD_DAEMON_SERVER_H

#include <stddef.h>
#include <sys/un.h>
#include <uv.h>

#include "config.h"

struct conn;

typedef struct server {
    uv_loop_t *loop;
    const daemon_config *cfg;
    uv_pipe_t listener;
    char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
    int listening;
    int activated;         /* the socket came from systemd: not ours to remove */
    int stopping;
    uv_timer_t grace;      /* bounds how long stopping waits for clients */
    struct conn *conns;    /* every live connection */
    size_t nconns;
    void (*on_drained)(struct server *);  /* stopping and the last conn closed */
} server;

/* Binds cfg->socket (with cfg's mode and group) and starts accepting; or,
 * under systemd socket activation (LISTEN_FDS=1 for this pid), accepts on
 * the socket passed as fd 3. Returns 0, or -1 after printing why on stderr. */
int server_listen(server *s, uv_loop_t *loop, const daemon_config *cfg);

/* Stops accepting, removes the socket file, and lets every connection finish
 * the requests it has already sent before closing, for SERVER_GRACE_MS at
 * most; on_drained is called when the last one has closed (at once if there
 * are none). */
#define SERVER_GRACE_MS 10000
void server_stop(server *s);

/* Called by conn.c when a connection has closed. */
void server_conn_closed(server *s);

#endif
