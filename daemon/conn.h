/* One client connection: splits the byte stream into request lines, answers
 * them one after another on its loop's thread, and writes the answers back
 * in order. Reading pauses while too much is queued (backpressure). */
#ifndef SEEKD_DAEMON_CONN_H
#define SEEKD_DAEMON_CONN_H

#include "server.h"

#define CONN_MAX_PENDING 64            /* received requests not yet answered */
#define CONN_MAX_UNSENT (4 << 20)      /* answer bytes the client has not read */

typedef struct conn conn;

/* Serves `fd`, an accepted connection, on s's loop (from its thread):
 * checks who is asking and the client cap, logs it, starts reading. Takes
 * the fd over. Returns -1 when no connection was made (the fd is closed),
 * else 0, and server_conn_closed is called when it closes. */
int conn_open(server *s, int fd);
/* Stops reading; the connection closes once the requests it already sent
 * are answered. */
void conn_drain(conn *c);
/* Closes at once, dropping what is queued (a request on a worker finishes
 * first, unseen). */
void conn_abort(conn *c);
conn *conn_next(conn *c);

#endif
