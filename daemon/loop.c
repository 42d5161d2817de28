/* Listening socket and acceptors. The path is checked before binding
 * because a leftover socket file must be told apart from a live daemon's. */
#include "loop.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conn.h"
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

int server_socket_open(server_socket *sock, const daemon_config *cfg)
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

void server_socket_close(server_socket *sock)
{
    if (sock->fd < 0)
        return;
    if (!sock->activated)
        unlink(sock->path);
    close(sock->fd);
    sock->fd = -1;
}

/* Connections accepted per wake-up at most, so that a flood of them cannot
 * starve this loop's clients; the poll is level-triggered, so the rest wake
 * it again. */
#define ACCEPT_BATCH 32
/* Out of fds (or memory), accepting again at once would spin: the clients
 * wait in the backlog instead, until some connections have closed. */
#define ACCEPT_BACKOFF_MS 100

static void on_readable(uv_poll_t *p, int status, int events);

static void on_backoff_over(uv_timer_t *t)
{
    server *s = t->data;
    if (s->listening)
        uv_poll_start(&s->listener, UV_READABLE, on_readable);
}

/* Accepts what is pending and lets `place` pick the loop that serves each
 * one. Every loop polls the socket; the kernel gives each connection to one
 * accept4, and the others get EAGAIN. */
static void on_readable(uv_poll_t *p, int status, int events)
{
    server *s = p->data;
    (void)events;
    if (status < 0) {
        log_event("accept_error", "error=%s", uv_strerror(status));
        return;
    }
    for (int i = 0; i < ACCEPT_BATCH; i++) {
        int fd = accept4(s->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            if (s->place) {
                s->place(s, fd);
            } else {
                atomic_fetch_add(&s->live, 1);
                server_adopt(s, fd);
            }
            continue;
        }
        if (errno == EINTR || errno == ECONNABORTED)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        log_event("accept_error", "error=%s", strerror(errno));
        uv_poll_stop(&s->listener);
        uv_timer_start(&s->backoff, on_backoff_over, ACCEPT_BACKOFF_MS, 0);
        return;
    }
}

static void on_listener_closed(uv_handle_t *h)
{
    server *s = h->data;
    close(s->listen_fd);   /* a poll handle does not own its fd */
    s->listen_fd = -1;
}

static void close_acceptor(server *s)
{
    uv_close((uv_handle_t *)&s->listener, on_listener_closed);
    uv_close((uv_handle_t *)&s->backoff, NULL);
}

/* The loop ends once every handle is closed; `finished` is needed until the
 * last connection is gone, since one with a request out waits for it. */
static void close_handles(server *s)
{
    close_acceptor(s);
    uv_close((uv_handle_t *)&s->finished, NULL);
}

/* Every loop watches its own duplicate of the socket, so that each can stop
 * on its own; accept4 is called here rather than by uv_listen so that the fd
 * can go to another loop before any handle wraps it. */
int server_start(server *s, uv_loop_t *loop, const daemon_config *cfg, const server_socket *sock)
{
    memset(s, 0, sizeof *s);
    atomic_init(&s->live, 0);
    s->loop = loop;
    s->cfg = cfg;
    s->listen_fd = fcntl(sock->fd, F_DUPFD_CLOEXEC, 0);
    if (s->listen_fd < 0)
        return uv_translate_sys_error(errno);
    int rc = uv_async_init(loop, &s->finished, conn_take_finished);
    if (rc < 0) {
        close(s->listen_fd);
        s->listen_fd = -1;
        return rc;
    }
    s->finished.data = s;
    if ((rc = uv_poll_init(loop, &s->listener, s->listen_fd)) < 0) {
        uv_close((uv_handle_t *)&s->finished, NULL);
        close(s->listen_fd);
        s->listen_fd = -1;
        return rc;
    }
    s->listener.data = s;
    uv_timer_init(loop, &s->backoff);
    s->backoff.data = s;
    rc = uv_poll_start(&s->listener, UV_READABLE, on_readable);
    if (rc < 0) {
        close_handles(s);
        return rc;
    }
    s->listening = 1;
    return 0;
}

void server_adopt(server *s, int fd)
{
    if (s->stopping) {
        close(fd);
        atomic_fetch_sub(&s->live, 1);
        return;
    }
    if (conn_open(s, fd) < 0)
        atomic_fetch_sub(&s->live, 1);
}

static atomic_size_t clients;

size_t server_clients_add(void)
{
    return atomic_fetch_add(&clients, 1) + 1;
}

static void on_grace_over(uv_timer_t *t)
{
    server *s = t->data;
    log_event("stopping", "reason=grace_over");
    for (struct conn *c = s->conns; c; c = conn_next(c))
        conn_abort(c);
}

static void drained(server *s)
{
    uv_close((uv_handle_t *)&s->grace, NULL);
    uv_close((uv_handle_t *)&s->finished, NULL);
    if (s->on_drained)
        s->on_drained(s);
}

void server_stop(server *s)
{
    if (s->stopping)
        return;
    s->stopping = 1;
    uv_timer_init(s->loop, &s->grace);
    s->grace.data = s;
    uv_timer_start(&s->grace, on_grace_over, SERVER_GRACE_MS, 0);
    if (s->listening) {
        close_acceptor(s);
        s->listening = 0;
    }
    for (struct conn *c = s->conns; c; c = conn_next(c))
        conn_drain(c);
    if (!s->conns)
        drained(s);
}

void server_conn_closed(server *s)
{
    atomic_fetch_sub(&clients, 1);
    atomic_fetch_sub(&s->live, 1);
    if (s->stopping && !s->conns)
        drained(s);
}
