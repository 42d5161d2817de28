/* The listening socket: made once by the main thread (stale files
 * handled, a live daemon's socket never stolen, or systemd's socket taken
 * over), then accepted on by every loop's acceptor (loop.h). */
#ifndef SEEKD_DAEMON_LISTEN_H
#define SEEKD_DAEMON_LISTEN_H

#include <sys/un.h>

#include "config.h"

typedef struct listen_socket {
    int fd;
    int activated;         /* the socket came from systemd: not ours to remove */
    char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
} listen_socket;

/* Binds cfg->socket (with cfg's mode and group) and listens; or, under
 * systemd socket activation (LISTEN_FDS=1 for this pid), takes the socket
 * passed as fd 3. Returns 0, or -1 after printing why on stderr. */
int listen_socket_open(listen_socket *sock, const daemon_config *cfg);
/* Closes the socket and removes its file (unless systemd's). */
void listen_socket_close(listen_socket *sock);

#endif
