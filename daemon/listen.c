/* The listening socket. The path is checked before binding because a
 * leftover socket file must be told apart from a live daemon's. */
#include "listen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"

/* 1 when a daemon answers on `path`, 0 when nobody does. */
static int socket_is_live(const char *path)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    memcpy(sa.sun_path, path, strlen(path) + 1);
    int live = connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
    close(fd);
    return live;
}

/* The folder holding the socket must not let others swap the socket out. */
static int check_parent(const char *path)
{
    char dir[sizeof(((struct sockaddr_un *)0)->sun_path)];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    struct stat st;
    if (stat(dir, &st) < 0) {
        fprintf(stderr, "seekd: socket folder %s: %s\n", dir, strerror(errno));
        return -1;
    }
    if ((st.st_mode & (S_IWOTH | S_IWGRP)) || (st.st_uid != getuid() && st.st_uid != 0)) {
        fprintf(stderr, "seekd: socket folder %s is writable by other users, who could "
                        "replace the socket; choose a private folder for --socket\n", dir);
        return -1;
    }
    return 0;
}

static int clear_stale(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return errno == ENOENT ? 0 : -1;
    if (!S_ISSOCK(st.st_mode)) {
        fprintf(stderr, "seekd: %s exists and is not a socket; not touching it\n", path);
        return -1;
    }
    if (socket_is_live(path)) {
        fprintf(stderr, "seekd: another seekd is already serving on %s\n", path);
        return -1;
    }
    if (unlink(path) < 0) {
        fprintf(stderr, "seekd: cannot remove the stale socket %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

/* The listening socket systemd passed us, if any (sd_listen_fds(3)). */
static int activation_fd(void)
{
    const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
    if (!pid || !fds || strtol(pid, NULL, 10) != (long)getpid())
        return -1;
    long n = strtol(fds, NULL, 10);
    /* Children (none today) must not think the socket is theirs. */
    unsetenv("LISTEN_PID");
    unsetenv("LISTEN_FDS");
    unsetenv("LISTEN_FDNAMES");
    return n == 1 ? 3 : -1;
}

/* Binds and listens on `path`. The umask gives the socket its mode from its
 * first moment, not only after the chmod; the chmod then sets bits the umask
 * cannot grant. */
static int bind_socket(const char *path, const daemon_config *cfg)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    memcpy(sa.sun_path, path, strlen(path) + 1);
    mode_t old = umask((mode_t)(~cfg->socket_mode & 0777));
    int rc = bind(fd, (struct sockaddr *)&sa, sizeof sa);
    umask(old);
    if (rc < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    rc = chmod(path, (mode_t)cfg->socket_mode);
    if (rc == 0 && cfg->socket_gid >= 0)
        rc = chown(path, (uid_t)-1, (gid_t)cfg->socket_gid);
    if (rc == 0)
        rc = listen(fd, SOMAXCONN);
    if (rc < 0) {
        int e = errno;
        close(fd);
        unlink(path);   /* ours: bound a moment ago */
        errno = e;
        return -1;
    }
    return fd;
}

int listen_socket_open(listen_socket *sock, const daemon_config *cfg)
{
    const char *path = cfg->socket;
    memset(sock, 0, sizeof *sock);
    sock->fd = activation_fd();
    if (sock->fd >= 0) {
        sock->activated = 1;
        log_event("activated", "fd=%d", sock->fd);
        return 0;
    }
    if (strlen(path) >= sizeof sock->path) {
        fprintf(stderr, "seekd: socket path too long (%zu bytes, at most %zu): %s\n",
                strlen(path), sizeof sock->path - 1, path);
        return -1;
    }
    if (check_parent(path) < 0 || clear_stale(path) < 0)
        return -1;
    if ((sock->fd = bind_socket(path, cfg)) < 0) {
        fprintf(stderr, "seekd: cannot listen on %s: %s\n", path, strerror(errno));
        return -1;
    }
    snprintf(sock->path, sizeof sock->path, "%s", path);
    return 0;
}

void listen_socket_close(listen_socket *sock)
{
    if (sock->fd < 0)
        return;
    if (!sock->activated)
        unlink(sock->path);
    close(sock->fd);
    sock->fd = -1;
}
