/* One client connection: splits the byte stream into request lines, answers
 * them one after another on its loop's thread, and writes the answers back
 * in order. Reading pauses while too much is queued (backpressure). */
#ifndef SEEKD_DAEMON_CONN_H
#define SEEKD_DAEMON_CONN_H

#include "server.h"

#define CONN_MAX_PENDING 64            /* received requests not yet answered */
#define CONN_MAX_UNSENT (4 << 20)      /* answer bytes the client has not read */

typedef struct conn conn;

/* Accepts a pending connection on s's listener and starts reading it. */
void conn_accept(server *s);
/* Stops reading; the connection closes once the requests it already sent
 * are answered. */
void conn_drain(conn *c);
/* Closes at once, dropping what is queued (a request on a worker finishes
 * first, unseen). */
void conn_abort(conn *c);
conn *conn_next(conn *c);

#endif
