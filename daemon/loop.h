/* A loop: one libuv event loop of the daemon, with its acceptor (its watch
 * on the listening socket, listen.h), the connections it serves (conn.h)
 * and their queues. It is run by one thread at a time (loops.h says which
 * and how it changes hands); a connection stays on its loop for life. The
 * acceptor passes each connection it accepts to `place`, which decides
 * which loop serves it (loops.c balances them). */
#ifndef SEEKD_DAEMON_LOOP_H
#define SEEKD_DAEMON_LOOP_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#include "config.h"
#include "listen.h"
#include "reader.h"

struct conn;

typedef struct loop {
    uv_loop_t *uv;
    const daemon_config *cfg;
    serve_ctx *serve;      /* the index its requests read (reader.h) */
    int id;                /* the loop's number: thread= in the log */
    int listen_fd;         /* this loop's duplicate of the listening socket */
    uv_poll_t listener;
    uv_timer_t backoff;    /* resumes accepting after running out of fds */
    int listening;
    int stopping;
    uv_timer_t grace;      /* bounds how long stopping waits for clients */
    struct conn *conns;    /* this loop's live connections */
    /* Connections this loop serves or has been handed and not yet opened.
     * Whoever places a connection here counts it (other loops read it to
     * balance); loop_conn_closed and loop_adopt's failures uncount it. */
    atomic_uint live;
    /* Takes over each fd accepted here and passes it to loop_adopt on the
     * loop chosen (counted in that loop's `live`). NULL: serve it here. */
    void (*place)(struct loop *, int fd);
    void (*on_drained)(struct loop *);  /* stopping and the last conn closed */
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
    uint64_t (*request_begin)(struct loop *);
    int (*request_end)(struct loop *, uint64_t token);
    /* The request begun (its request_begin token) is likely to run long:
     * hand the loop over now. */
    void (*request_heavy)(struct loop *, uint64_t token);
    void *data;
} loop;

/* Starts accepting on the socket in `loop`. Returns 0 or a libuv error. */
int loop_start(loop *lp, uv_loop_t *uv, const daemon_config *cfg, const listen_socket *sock);

/* Serves `fd`, a connection accepted by any loop, on loop lp; to be called
 * on lp's thread, with the connection already counted in lp->live. Takes the
 * fd over (closes it when lp is stopping or on failure). */
void loop_adopt(loop *lp, int fd);

/* Stops accepting and lets every connection of this loop finish the requests
 * it has already sent before closing, for LOOP_GRACE_MS at most;
 * on_drained is called when the last one has closed (at once if none). */
#define LOOP_GRACE_MS 10000
void loop_stop(loop *lp);

/* Connections across all loops, for the --max-clients limit and the log. */
size_t loop_clients_add(void);     /* returns the count including the new one */
void loop_conn_closed(loop *lp);  /* called by conn.c when one has closed */

#endif
