/* Connection state machine. A connection's requests are answered in order,
 * by the thread running the loop it was placed on, right after the turn of
 * the loop that read them: no hop to another thread and back. Different
 * connections run in parallel on different loops. A request that runs long
 * may see its loop handed to another thread (loops.c); its connection is
 * then `busy` until the answer comes back through lp->finished, and the
 * loop's other connections go on meanwhile. A conn is freed once both its
 * handles (the pipe and the idle timer) have closed and it has no request
 * out. */
#include "conn.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "handlers.h"
#include "log.h"
#include "proto/frame.h"
#include "proto/proto.h"

typedef struct line {
    struct line *next;
    size_t len;
    int canned;       /* text is a ready answer (an error), not a request */
    char text[];
} line;

struct conn {
    uv_pipe_t pipe;
    uv_timer_t idle;
    int open_handles;        /* the conn is freed when this drops to 0 */
    loop *lp;
    conn *prev, *next;
    frame in;                /* bytes after the last newline */
    line *head, *tail;       /* requests read, not yet answered */
    size_t npending;
    conn *ready_next;        /* in lp->ready_head's list */
    int queued;              /* is in that list */
    int busy;                /* a request of it runs on a thread that left the loop */
    uint64_t busy_from;      /* loop time that request began */
    /* That request's answer, set by that thread, then read by the loop's
     * from lp->finished_head (both under finished_lock). */
    conn *finished_next;
    char *finished;
    size_t finished_len;
    size_t unsent;           /* bytes handed to uv_write, not yet written */
    uint64_t last_progress;  /* loop time of the last byte read or written */
    int reading, eof, closing, closed;
};

/* Guards every loop's finished list: taken only when a loop was handed
 * over, which is rare. */
static pthread_mutex_t finished_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct write_req {
    uv_write_t req;
    conn *c;
    char *buf;
    size_t len;
} write_req;

static void schedule(conn *c);
static void conn_close(conn *c);

conn *conn_next(conn *c)
{
    return c->next;
}

static void unschedule(conn *c)
{
    loop *lp = c->lp;
    conn *prev = NULL;
    for (conn *p = lp->ready_head; p; prev = p, p = p->ready_next)
        if (p == c) {
            if (prev)
                prev->ready_next = c->ready_next;
            else
                lp->ready_head = c->ready_next;
            if (lp->ready_tail == c)
                lp->ready_tail = prev;
            break;
        }
    c->queued = 0;
}

static void conn_free(conn *c)
{
    loop *lp = c->lp;
    if (c->queued)
        unschedule(c);
    if (c->prev)
        c->prev->next = c->next;
    else
        lp->conns = c->next;
    if (c->next)
        c->next->prev = c->prev;
    while (c->head) {
        line *l = c->head;
        c->head = l->next;
        free(l);
    }
    frame_fini(&c->in);
    free(c);
    loop_conn_closed(lp);
}

static void on_closed(uv_handle_t *h)
{
    conn *c = h->data;
    if (--c->open_handles > 0 || c->busy)
        return;   /* a busy one is freed when its answer comes back */
    conn_free(c);
}

static void conn_close(conn *c)
{
    c->closing = 1;
    if (c->closed)
        return;
    c->closed = 1;
    uv_close((uv_handle_t *)&c->pipe, on_closed);
    uv_close((uv_handle_t *)&c->idle, on_closed);
}

/* Closes when the client has finished sending and everything is answered. */
static void maybe_finish(conn *c)
{
    if (c->eof && !c->head && !c->busy && c->unsent == 0)
        conn_close(c);
}

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void on_read(uv_stream_t *st, ssize_t n, const uv_buf_t *buf);

static void update_reading(conn *c)
{
    int want = !c->eof && !c->closing && c->npending < CONN_MAX_PENDING
               && c->unsent < CONN_MAX_UNSENT;
    if (want && !c->reading)
        uv_read_start((uv_stream_t *)&c->pipe, alloc_cb, on_read);
    else if (!want && c->reading)
        uv_read_stop((uv_stream_t *)&c->pipe);
    c->reading = want;
}

static void on_written(uv_write_t *req, int status)
{
    write_req *w = (write_req *)req;
    conn *c = w->c;
    c->last_progress = uv_now(c->lp->uv);
    c->unsent -= w->len;
    free(w->buf);
    free(w);
    if (status < 0) {
        conn_close(c);
        return;
    }
    if (!c->closing) {
        schedule(c);
        update_reading(c);
        maybe_finish(c);
    }
}

/* Sends `buf` (taken over) to the client. */
static void send_line(conn *c, char *buf, size_t len)
{
    size_t done = 0;
    /* With nothing queued the answer is written at once: written whole, it
     * costs no write request, no callback on the next turn of the loop
     * and no epoll_ctl (libuv re-arms the socket once a write request's
     * queue drains): two system calls and a wake-up less per request. */
    if (c->unsent == 0) {
        uv_buf_t b = uv_buf_init(buf, (unsigned)len);
        int n = uv_try_write((uv_stream_t *)&c->pipe, &b, 1);
        if (n >= 0 && (size_t)n == len) {
            free(buf);
            c->last_progress = uv_now(c->lp->uv);
            return;
        }
        if (n > 0)
            done = (size_t)n;
        else if (n != UV_EAGAIN) {
            free(buf);
            conn_close(c);
            return;
        }
    }
    write_req *w = malloc(sizeof *w);
    if (!w) {
        free(buf);
        conn_close(c);
        return;
    }
    w->c = c;
    w->buf = buf;
    w->len = len - done;
    c->unsent += w->len;
    uv_buf_t b = uv_buf_init(buf + done, (unsigned)w->len);
    if (uv_write(&w->req, (uv_stream_t *)&c->pipe, &b, 1, on_written) < 0) {
        c->unsent -= w->len;
        free(buf);
        free(w);
        conn_close(c);
    }
}

/* Puts c in line to have its next request answered after this turn of the
 * loop (conn_run_ready), unless it has none, has one out or must wait for
 * the client to read. */
static void schedule(conn *c)
{
    if (c->queued || c->busy || c->closing || !c->head || c->unsent >= CONN_MAX_UNSENT)
        return;
    loop *lp = c->lp;
    c->queued = 1;
    c->ready_next = NULL;
    if (lp->ready_tail)
        lp->ready_tail->ready_next = c;
    else
        lp->ready_head = c;
    lp->ready_tail = c;
}

/* Sends an answer (NULL: no memory for it) and lines up what comes next. */
static void deliver(conn *c, char *answer, size_t len)
{
    if (!answer) {
        conn_close(c);
        return;
    }
    send_line(c, answer, len);
    if (c->closing)
        return;
    schedule(c);
    update_reading(c);
    maybe_finish(c);
}

/* The request a heavy hint is about: its loop and its watchdog token. */
typedef struct {
    loop *lp;
    uint64_t token;
} heavy_ctx;

static void on_heavy(void *ctx)
{
    heavy_ctx *h = ctx;
    h->lp->request_heavy(h->lp, h->token);
}

/* Runs one request (`token` from request_begin, 0 when not watched); NULL
 * only when even the out-of-memory answer failed. */
static char *answer_line(loop *lp, const line *l, uint64_t token, size_t *len)
{
    char *answer;
    if (l->canned) {
        answer = malloc(l->len);
        if (answer)
            memcpy(answer, l->text, l->len);
        *len = l->len;
        return answer;
    }
    heavy_ctx h = { lp, token };
    if ((answer = handle_request(lp->serve, l->text, l->len, len, lp->request_heavy && token ? on_heavy : NULL,
                                 &h)))
        return answer;
    answer = strdup(handlers_oom_line);
    *len = answer ? strlen(answer) : 0;
    return answer;
}

/* Queues an answer (NULL: no memory for it) for loop lp, which this
 * thread no longer runs; of c only the fields kept for this are touched. */
static void finish_elsewhere(loop *lp, conn *c, char *text, size_t len)
{
    pthread_mutex_lock(&finished_lock);
    c->finished = text;
    c->finished_len = len;
    c->finished_next = NULL;
    if (lp->finished_tail)
        lp->finished_tail->finished_next = c;
    else
        lp->finished_head = c;
    lp->finished_tail = c;
    uv_async_send(&lp->finished);
    pthread_mutex_unlock(&finished_lock);
}

int conn_run_ready(loop *lp)
{
    conn *c;
    while ((c = lp->ready_head)) {
        lp->ready_head = c->ready_next;
        if (!lp->ready_head)
            lp->ready_tail = NULL;
        c->queued = 0;
        if (c->busy || c->closing || !c->head || c->unsent >= CONN_MAX_UNSENT)
            continue;
        line *l = c->head;
        c->head = l->next;
        if (!c->head)
            c->tail = NULL;
        c->npending--;
        size_t len = 0;
        char *answer;
        if (l->canned || !lp->request_begin) {
            answer = answer_line(lp, l, 0, &len);
        } else {
            c->busy = 1;
            c->busy_from = uv_now(lp->uv);
            uint64_t token = lp->request_begin(lp);
            answer = answer_line(lp, l, token, &len);
            if (!lp->request_end(lp, token)) {
                free(l);
                finish_elsewhere(lp, c, answer, len);
                return -1;
            }
            c->busy = 0;
        }
        free(l);
        deliver(c, answer, len);
    }
    return 0;
}

void conn_take_finished(uv_async_t *a)
{
    loop *lp = a->data;
    pthread_mutex_lock(&finished_lock);
    conn *c = lp->finished_head;
    lp->finished_head = lp->finished_tail = NULL;
    pthread_mutex_unlock(&finished_lock);
    while (c) {
        conn *next = c->finished_next;
        c->busy = 0;
        if (c->closed) {
            free(c->finished);
            if (c->open_handles == 0)
                conn_free(c);
        } else {
            /* Waiting for an answer is not being idle, but an answer made
             * is no sign of life from the client either: the time it took
             * is left out of the idle time, no more. */
            c->last_progress += uv_now(lp->uv) - c->busy_from;
            deliver(c, c->finished, c->finished_len);
        }
        c = next;
    }
}

static int push_line(conn *c, const char *text, size_t len, int canned)
{
    line *l = malloc(sizeof *l + len + 1);
    if (!l)
        return -1;
    l->next = NULL;
    l->len = len;
    l->canned = canned;
    memcpy(l->text, text, len);
    l->text[len] = '\0';
    if (c->tail)
        c->tail->next = l;
    else
        c->head = l;
    c->tail = l;
    c->npending++;
    return 0;
}

static int enqueue(void *ctx, const char *text, size_t len)
{
    return push_line(ctx, text, len, 0);
}

/* Answers with an error after the requests already received, then hangs up. */
static void refuse(conn *c, const char *code, const char *message)
{
    proto_error err;
    proto_fail(&err, code, -1, "%s", message);
    size_t len;
    char *ans = proto_error_line(&err, NULL, &len);
    c->eof = 1;
    frame_discard(&c->in);
    update_reading(c);
    if (!ans || push_line(c, ans, len, 1) < 0) {
        free(ans);
        conn_close(c);
        return;
    }
    free(ans);
    schedule(c);
    maybe_finish(c);
}

static void on_idle(uv_timer_t *t)
{
    conn *c = t->data;
    unsigned ms = c->lp->cfg->idle_ms;
    /* One that neither sends nor reads what it is sent is idle, whatever it
     * has queued. */
    if (c->busy || uv_now(c->lp->uv) - c->last_progress < ms)
        return;
    log_event("idle_close", "after_ms=%u unread=%zu", ms, c->unsent);
    conn_close(c);
}

static void touch(conn *c)
{
    unsigned ms = c->lp->cfg->idle_ms;
    c->last_progress = uv_now(c->lp->uv);
    if (ms && !uv_is_active((uv_handle_t *)&c->idle))
        uv_timer_start(&c->idle, on_idle, ms, ms < 1000 ? ms : 1000);
}

static void on_read(uv_stream_t *st, ssize_t n, const uv_buf_t *buf)
{
    conn *c = st->data;
    touch(c);
    if (n > 0) {
        int rc = frame_feed(&c->in, buf->base, (size_t)n, enqueue, c);
        free(buf->base);
        if (rc < 0) {
            conn_close(c);
            return;
        }
        if (rc == FRAME_TOO_LONG) {
            /* Where the next request starts can no longer be known. */
            char msg[96];
            snprintf(msg, sizeof msg, "request line longer than %zu bytes; closing",
                     c->lp->cfg->max_line);
            refuse(c, PROTO_E_TOO_LONG, msg);
            return;
        }
        schedule(c);
        update_reading(c);
        return;
    }
    free(buf->base);
    if (n == 0)
        return;
    if (n == UV_EOF) {
        /* A last request without its newline still gets an answer. */
        if (frame_end(&c->in, enqueue, c) < 0) {
            conn_close(c);
            return;
        }
        c->eof = 1;
        update_reading(c);
        schedule(c);
        maybe_finish(c);
        return;
    }
    conn_close(c);
}

int conn_open(loop *lp, int fd)
{
    conn *c = calloc(1, sizeof *c);
    if (!c) {
        log_event("accept_error", "error=out_of_memory");
        close(fd);
        return -1;
    }
    c->lp = lp;
    frame_init(&c->in, lp->cfg->max_line);
    uv_pipe_init(lp->uv, &c->pipe, 0);
    uv_timer_init(lp->uv, &c->idle);
    c->pipe.data = c->idle.data = c;
    c->open_handles = 2;
    c->next = lp->conns;
    if (lp->conns)
        lp->conns->prev = c;
    lp->conns = c;
    size_t clients = loop_clients_add();
    if (uv_pipe_open(&c->pipe, fd) < 0) {
        close(fd);   /* not the pipe's until opened */
        conn_close(c);
        return 0;
    }
    /* Who is asking: logged for every connection, and checked against the
     * allow lists. */
    struct ucred cred = { 0, (uid_t)-1, (gid_t)-1 };
    socklen_t clen = sizeof cred;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &clen) < 0) {
        log_event("refused", "reason=no_credentials");
        conn_close(c);
        return 0;
    }
    log_event("connect", "pid=%ld uid=%ld gid=%ld clients=%zu thread=%d", (long)cred.pid,
              (long)cred.uid, (long)cred.gid, clients, lp->id);
    if (!config_allows(lp->cfg, cred.uid, cred.gid)) {
        log_event("refused", "uid=%ld reason=not_allowed", (long)cred.uid);
        refuse(c, PROTO_E_FORBIDDEN, "this user may not query this daemon");
        return 0;
    }
    if (clients > lp->cfg->max_clients) {
        log_event("refused", "uid=%ld reason=too_many_clients", (long)cred.uid);
        refuse(c, PROTO_E_BUSY, "too many clients connected; try again later");
        return 0;
    }
    touch(c);
    update_reading(c);
    return 0;
}

void conn_drain(conn *c)
{
    c->eof = 1;
    update_reading(c);
    maybe_finish(c);
}

void conn_abort(conn *c)
{
    conn_close(c);
}
