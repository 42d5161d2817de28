/* libseekclient (seek_client.h). poll() bounds every wait, so a stuck
 * daemon makes a call fail with a sentence instead of hanging its caller.
 * Answers are read into one buffer that keeps what came after the line
 * handed out, so pipelined answers arriving together are all kept. */
#include "seek_client.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <jansson.h>

#include "grow.h"
#include "paths.h"
#include "proto/answer.h"
#include "proto/request.h"

#define DEFAULT_TIMEOUT_MS 30000
#define MAX_ANSWER ((size_t)512 << 20)

struct seek_client {
    int fd;
    int timeout_ms;
    int send_errno;       /* why the last send failed, 0 if it did not */
    int send_timed_out;
    char *buf;            /* bytes read and not yet handed out */
    size_t len, cap;
    char err[512];
};

struct seek_answer {
    json_t *obj;
    const json_t *hits;   /* "hits" or "ids", NULL when neither */
    char *line;
    size_t len;
};

__attribute__((format(printf, 2, 3))) static void fail(seek_client *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, sizeof c->err, fmt, ap);
    va_end(ap);
}

int seek_client_default_socket(char *buf, size_t cap)
{
    return paths_socket(buf, cap);
}

seek_client *seek_client_connect(const char *socket_path, int timeout_ms, char *err,
                                 size_t errlen)
{
    char dflt[4096];
    if (!socket_path) {
        if (paths_socket(dflt, sizeof dflt) < 0) {
            snprintf(err, errlen, "default socket path too long");
            return NULL;
        }
        socket_path = dflt;
    }
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    size_t plen = strlen(socket_path);
    if (plen >= sizeof sa.sun_path) {
        snprintf(err, errlen, "socket path too long: %s", socket_path);
        return NULL;
    }
    memcpy(sa.sun_path, socket_path, plen + 1);
    seek_client *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    c->timeout_ms = timeout_ms > 0 ? timeout_ms : DEFAULT_TIMEOUT_MS;
    c->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c->fd < 0) {
        snprintf(err, errlen, "socket: %s", strerror(errno));
        free(c);
        return NULL;
    }
    if (connect(c->fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        snprintf(err, errlen, "cannot connect to seekd at %s: %s%s", socket_path,
                 strerror(errno),
                 errno == ENOENT || errno == ECONNREFUSED ? " (is seekd running?)" : "");
        close(c->fd);
        free(c);
        return NULL;
    }
    return c;
}

void seek_client_close(seek_client *c)
{
    if (!c)
        return;
    close(c->fd);
    free(c->buf);
    free(c);
}

const char *seek_client_errmsg(const seek_client *c)
{
    return c->err;
}

static int wait_for(int fd, short events, int timeout_ms)
{
    struct pollfd p = { fd, events, 0 };
    int r;
    do
        r = poll(&p, 1, timeout_ms);
    while (r < 0 && errno == EINTR);
    return r;
}

static int send_all(seek_client *c, const char *p, size_t n)
{
    while (n) {
        if (wait_for(c->fd, POLLOUT, c->timeout_ms) <= 0) {
            c->send_timed_out = 1;
            return -1;
        }
        ssize_t w = send(c->fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            c->send_errno = errno;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static void send_failed(seek_client *c)
{
    fail(c, "cannot send the request: %s",
         c->send_errno ? strerror(c->send_errno) : "timed out");
}

int seek_client_send(seek_client *c, const char *line, size_t len)
{
    if (memchr(line, '\n', len)) {
        fail(c, "a request is one line: it holds a newline");
        return -1;
    }
    if (send_all(c, line, len) < 0 || send_all(c, "\n", 1) < 0) {
        send_failed(c);
        return -1;
    }
    return 0;
}

/* Sends `req` (consumed) as one line. */
static int send_json(seek_client *c, json_t *req)
{
    char *line = req ? json_dumps(req, JSON_COMPACT) : NULL;
    json_decref(req);
    if (!line) {
        fail(c, "cannot build the request: out of memory or text that is not UTF-8");
        return -1;
    }
    int rc = seek_client_send(c, line, strlen(line));
    free(line);
    return rc;
}

int seek_client_search(seek_client *c, const char *query, unsigned offset, unsigned limit)
{
    proto_ask a = PROTO_ASK(PROTO_SEARCH);
    a.q = query;
    a.offset = offset;
    a.limit = limit;
    return send_json(c, proto_ask_json(&a));
}

int seek_client_entity(seek_client *c, const char *name)
{
    proto_ask a = PROTO_ASK(PROTO_ENTITY);
    a.name = name;
    return send_json(c, proto_ask_json(&a));
}

int seek_client_stats(seek_client *c)
{
    return send_json(c, proto_ask_json(&PROTO_ASK(PROTO_STATS)));
}

int seek_client_ping(seek_client *c)
{
    return send_json(c, proto_ask_json(&PROTO_ASK(PROTO_PING)));
}

static seek_answer *answer_new(seek_client *c, const char *line, size_t len)
{
    seek_answer *a = calloc(1, sizeof *a);
    if (!a || !(a->line = malloc(len + 1))) {
        free(a);
        fail(c, "out of memory");
        return NULL;
    }
    memcpy(a->line, line, len);
    a->line[len] = '\0';
    a->len = len;
    json_error_t jerr;
    a->obj = json_loadb(line, len, 0, &jerr);
    if (!json_is_object(a->obj)) {
        fail(c, "the daemon's answer is not a JSON object");
        seek_answer_free(a);
        return NULL;
    }
    a->hits = json_object_get(a->obj, PROTO_A_HITS);
    if (!json_is_array(a->hits))
        a->hits = json_object_get(a->obj, PROTO_A_IDS);
    if (!json_is_array(a->hits))
        a->hits = NULL;
    return a;
}

/* A failed read says why, a failed send first: it is what went wrong. */
static seek_answer *read_failed(seek_client *c, const char *why)
{
    if (c->send_errno || c->send_timed_out)
        send_failed(c);
    else
        fail(c, "%s", why);
    return NULL;
}

seek_answer *seek_client_read(seek_client *c)
{
    size_t scanned = 0;
    for (;;) {
        char *nl = c->len > scanned ? memchr(c->buf + scanned, '\n', c->len - scanned) : NULL;
        if (nl) {
            size_t n = (size_t)(nl - c->buf);
            seek_answer *a = answer_new(c, c->buf, n);
            c->len -= n + 1;
            memmove(c->buf, nl + 1, c->len);
            return a;
        }
        scanned = c->len;
        if (wait_for(c->fd, POLLIN, c->timeout_ms) <= 0) {
            char why[64];
            snprintf(why, sizeof why, "no answer from seekd within %d ms", c->timeout_ms);
            return read_failed(c, why);
        }
        if (c->len + 65536 > MAX_ANSWER) {
            fail(c, "answer too large");
            return NULL;
        }
        char *b = grow_to(c->buf, &c->cap, c->len + 65536, 1, 65536);
        if (!b) {
            fail(c, "out of memory");
            return NULL;
        }
        c->buf = b;
        ssize_t got = recv(c->fd, c->buf + c->len, c->cap - c->len, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return read_failed(c, "seekd closed the connection without answering");
        c->len += (size_t)got;
    }
}

int seek_answer_ok(const seek_answer *a)
{
    return json_is_true(json_object_get(a->obj, PROTO_A_OK));
}

const char *seek_answer_error_code(const seek_answer *a)
{
    const json_t *e = json_object_get(a->obj, PROTO_A_ERROR);
    return json_string_value(json_object_get(e, PROTO_A_CODE));
}

const char *seek_answer_error_message(const seek_answer *a)
{
    const json_t *e = json_object_get(a->obj, PROTO_A_ERROR);
    return json_string_value(json_object_get(e, PROTO_A_MESSAGE));
}

const char *seek_answer_line(const seek_answer *a, size_t *len)
{
    if (len)
        *len = a->len;
    return a->line;
}

const char *seek_answer_string(const seek_answer *a, const char *name)
{
    return json_string_value(json_object_get(a->obj, name));
}

double seek_answer_number(const seek_answer *a, const char *name, double dflt)
{
    const json_t *v = json_object_get(a->obj, name);
    return json_is_number(v) ? json_number_value(v) : dflt;
}

size_t seek_answer_hit_count(const seek_answer *a)
{
    return json_array_size(a->hits);
}

static const char *field(const json_t *hit, const char *name)
{
    const char *s = json_string_value(json_object_get(hit, name));
    return s ? s : "";
}

int seek_answer_hit(const seek_answer *a, size_t i, seek_hit *hit)
{
    const json_t *h = json_array_get(a->hits, i);
    if (!h)
        return -1;
    if (json_is_string(h)) {
        /* An ids answer: the id is all there is. */
        *hit = (seek_hit){ json_string_value(h), "", "", "", "", 0 };
        return 0;
    }
    *hit = (seek_hit){ field(h, PROTO_A_ID), field(h, PROTO_A_TITLE), field(h, PROTO_A_DATE),
                       field(h, PROTO_A_URL), field(h, PROTO_A_SNIPPET),
                       json_number_value(json_object_get(h, PROTO_A_SCORE)) };
    return 0;
}

void seek_answer_free(seek_answer *a)
{
    if (!a)
        return;
    json_decref(a->obj);
    free(a->line);
    free(a);
}
