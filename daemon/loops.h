/* The loops (loop.h) and the threads that run them: --threads loops, each
 * started on a serving thread of its own, accepting on the shared listening
 * socket and answering its own connections' requests on the spot, with the
 * running thread's reader (reader.h) and no hand-off between threads.
 * Since a connection stays on its loop for life, the loop that accepts one
 * gives it to the loop with the fewest: one loop often wins the race to
 * accept a whole burst, and the others would idle.
 *
 * A loop is not tied to a thread, though. When a request has run for longer
 * than --slow-ms, a watchdog hands the rest of its loop to a spare thread
 * (one of --spare-threads): the slow request finishes on the thread it
 * started on and its answer goes back to the loop, while the spare thread
 * runs the loop and answers the other connections. That thread gives way
 * to the loops while it finishes (nice 19), then ends, and a
 * new spare takes its place. A request foreseen as slow once read (handlers.h) hands
 * its loop over before it runs. So a slow request delays only its own connection, whose
 * later requests wait for it (answers stay in request order), and a fast
 * request costs nothing more than before: no hand-off happens unless one
 * runs long. With every spare busy, a slow request delays its loop as
 * before. */
#ifndef SEEKD_DAEMON_LOOPS_H
#define SEEKD_DAEMON_LOOPS_H

#include "config.h"
#include "loop.h"

/* Starts `cfg->threads` serving loops on `sock`, with cfg->spare_threads
 * spare threads, answering from the index of `sc`. Returns 0, or -1 after printing why (the loops already
 * started are stopped). */
int loops_start(const daemon_config *cfg, const listen_socket *sock, serve_ctx *sc);

/* Asks every loop to stop accepting and to finish what its clients already
 * sent (within LOOP_GRACE_MS); safe from any thread, more than once. */
void loops_stop(void);

/* Waits for every loop to finish and frees them. */
void loops_join(void);

#endif
