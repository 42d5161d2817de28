/* One loop's acceptor and connections. */
#include "loop.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "conn.h"
#include "log.h"

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
    loop *lp = t->data;
    if (lp->listening)
        uv_poll_start(&lp->listener, UV_READABLE, on_readable);
}

/* Accepts what is pending and lets `place` pick the loop that serves each
 * one. Every loop polls the socket; the kernel gives each connection to one
 * accept4, and the others get EAGAIN. */
static void on_readable(uv_poll_t *p, int status, int events)
{
    loop *lp = p->data;
    (void)events;
    if (status < 0) {
        log_event("accept_error", "error=%s", uv_strerror(status));
        return;
    }
    for (int i = 0; i < ACCEPT_BATCH; i++) {
        int fd = accept4(lp->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            if (lp->place) {
                lp->place(lp, fd);
            } else {
                atomic_fetch_add(&lp->live, 1);
                loop_adopt(lp, fd);
            }
            continue;
        }
        if (errno == EINTR || errno == ECONNABORTED)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        log_event("accept_error", "error=%s", strerror(errno));
        uv_poll_stop(&lp->listener);
        uv_timer_start(&lp->backoff, on_backoff_over, ACCEPT_BACKOFF_MS, 0);
        return;
    }
}

static void on_listener_closed(uv_handle_t *h)
{
    loop *lp = h->data;
    close(lp->listen_fd);   /* a poll handle does not own its fd */
    lp->listen_fd = -1;
}

static void close_acceptor(loop *lp)
{
    uv_close((uv_handle_t *)&lp->listener, on_listener_closed);
    uv_close((uv_handle_t *)&lp->backoff, NULL);
}

/* The loop ends once every handle is closed; `finished` is needed until the
 * last connection is gone, since one with a request out waits for it. */
static void close_handles(loop *lp)
{
    close_acceptor(lp);
    uv_close((uv_handle_t *)&lp->finished, NULL);
}

/* Every loop watches its own duplicate of the socket, so that each can stop
 * on its own; accept4 is called here rather than by uv_listen so that the fd
 * can go to another loop before any handle wraps it. */
int loop_start(loop *lp, uv_loop_t *uv, const daemon_config *cfg, const listen_socket *sock)
{
    memset(lp, 0, sizeof *lp);
    atomic_init(&lp->live, 0);
    lp->uv = uv;
    lp->cfg = cfg;
    lp->listen_fd = fcntl(sock->fd, F_DUPFD_CLOEXEC, 0);
    if (lp->listen_fd < 0)
        return uv_translate_sys_error(errno);
    int rc = uv_async_init(uv, &lp->finished, conn_take_finished);
    if (rc < 0) {
        close(lp->listen_fd);
        lp->listen_fd = -1;
        return rc;
    }
    lp->finished.data = lp;
    if ((rc = uv_poll_init(uv, &lp->listener, lp->listen_fd)) < 0) {
        uv_close((uv_handle_t *)&lp->finished, NULL);
        close(lp->listen_fd);
        lp->listen_fd = -1;
        return rc;
    }
    lp->listener.data = lp;
    uv_timer_init(uv, &lp->backoff);
    lp->backoff.data = lp;
    rc = uv_poll_start(&lp->listener, UV_READABLE, on_readable);
    if (rc < 0) {
        close_handles(lp);
        return rc;
    }
    lp->listening = 1;
    return 0;
}

void loop_adopt(loop *lp, int fd)
{
    if (lp->stopping) {
        close(fd);
        atomic_fetch_sub(&lp->live, 1);
        return;
    }
    if (conn_open(lp, fd) < 0)
        atomic_fetch_sub(&lp->live, 1);
}

static atomic_size_t clients;

size_t loop_clients_add(void)
{
    return atomic_fetch_add(&clients, 1) + 1;
}

static void on_grace_over(uv_timer_t *t)
{
    loop *lp = t->data;
    log_event("stopping", "reason=grace_over");
    for (struct conn *c = lp->conns; c; c = conn_next(c))
        conn_abort(c);
}

static void drained(loop *lp)
{
    uv_close((uv_handle_t *)&lp->grace, NULL);
    uv_close((uv_handle_t *)&lp->finished, NULL);
    if (lp->on_drained)
        lp->on_drained(lp);
}

void loop_stop(loop *lp)
{
    if (lp->stopping)
        return;
    lp->stopping = 1;
    uv_timer_init(lp->uv, &lp->grace);
    lp->grace.data = lp;
    uv_timer_start(&lp->grace, on_grace_over, LOOP_GRACE_MS, 0);
    if (lp->listening) {
        close_acceptor(lp);
        lp->listening = 0;
    }
    for (struct conn *c = lp->conns; c; c = conn_next(c))
        conn_drain(c);
    if (!lp->conns)
        drained(lp);
}

void loop_conn_closed(loop *lp)
{
    atomic_fetch_sub(&clients, 1);
    atomic_fetch_sub(&lp->live, 1);
    if (lp->stopping && !lp->conns)
        drained(lp);
}
