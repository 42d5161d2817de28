/* The serving threads: one libuv event loop per thread, each accepting on
 * the shared listening socket and answering its own connections' requests on
 * the spot. A request costs no hand-off between threads; the price is that a
 * slow query delays the other requests of the connections on its loop (not
 * those on the other loops). Since a connection stays on its loop for life,
 * the loop that accepts one gives it to the loop with the fewest: one loop
 * often wins the race to accept a whole burst, and the others would idle. */
#ifndef SEEKD_DAEMON_LOOPS_H
#define SEEKD_DAEMON_LOOPS_H

#include "config.h"
#include "server.h"

/* Starts `cfg->threads` serving loops on `sock`. Returns 0, or -1 after
 * printing why (the loops already started are stopped). */
int loops_start(const daemon_config *cfg, const server_socket *sock);

/* Asks every loop to stop accepting and to finish what its clients already
 * sent (within SERVER_GRACE_MS); safe from any thread, more than once. */
void loops_stop(void);

/* Waits for every loop to finish and frees them. */
void loops_join(void);

#endif
