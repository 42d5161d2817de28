/* One client connection: splits the byte stream into request lines, answers
 * them one after another on the thread running its loop, and writes the
 * answers back in order. Reading pauses while too much is queued
 * (backpressure), a request out included. */
#ifndef SEEKD_DAEMON_CONN_H
#define SEEKD_DAEMON_CONN_H

#include "loop.h"

#define CONN_MAX_PENDING 64            /* received requests not yet answered */
#define CONN_MAX_UNSENT (4 << 20)      /* answer bytes the client has not read */

typedef struct conn conn;

/* Serves `fd`, an accepted connection, on loop lp (from its thread):
 * checks who is asking and the client cap, logs it, starts reading. Takes
 * the fd over. Returns -1 when no connection was made (the fd is closed),
 * else 0, and loop_conn_closed is called when it closes. */
int conn_open(loop *lp, int fd);
/* Stops reading; the connection closes once the requests it already sent
 * are answered. */
void conn_drain(conn *c);
/* Closes at once, dropping what is queued (a request running on a thread
 * that has left the loop finishes first, unseen). */
void conn_abort(conn *c);
conn *conn_next(conn *c);

/* Answers one request of each connection in lp->ready_head, in turn, until
 * none is left; called by the thread running loop lp, between turns of the
 * loop. Returns 0, or -1 when the loop was handed to another thread while a
 * request ran (lp->request_end): this thread must leave the loop alone, and
 * the answer goes to lp->finished. */
int conn_run_ready(loop *lp);
/* lp->finished's callback: sends the answers queued there. */
void conn_take_finished(uv_async_t *a);

#endif
