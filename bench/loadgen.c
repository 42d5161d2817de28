/* loadgen: a load generator for seekd's socket protocol (newline-delimited
 * JSON over a Unix stream socket).
 *
 *   loadgen --socket PATH --queries FILE --connections N --mode all|top10|snippets|slow
 *           [--threads T] [--pipeline K] [--duration SECS | --count N] [--counts FILE]
 *           [--find ID]
 *
 * As in wrk, the N connections are spread evenly over T threads (default: as
 * many as there are online CPUs, at most N; connection c goes to thread
 * c mod T), and each thread drives all of its connections from one epoll
 * loop: the client shares the machine's CPUs with the daemon, and a thread
 * per connection would charge the measurement with context switches between
 * client threads that an in-process baseline does not pay. Each connection
 * keeps up to K requests in flight (K = 1: strictly request, answer,
 * request).
 *
 * Connections are made one after another, each once the one before has had
 * its first answer (or 100 ms have passed), so the load starts from
 * connections all in service (seekd spreads connections over its serving
 * threads as they come, bursts included). The phrases are the first column of FILE (a TSV); each is
 * sent as the quoted phrase query "\"phrase\"". Connection c starts at phrase
 * c * nphrases / N and cycles through the list, so one connection with
 * --count = nphrases sends every phrase once, in file order.
 *
 * Modes: all = limit 10000, ids alone ("ids":true: every matching id),
 * top10 = limit 10 without snippets, snippets = limit 10 with snippets,
 * slow = limit 10000 with snippets and facets (person, org, place, year):
 * the heaviest answer a client can ask for, as the slow connection of the
 * isolation measurement sends them.
 *
 * Latency is measured per request, from the moment its line is written to
 * the moment its whole answer line has been read. An answer counts as an
 * error unless it holds "ok":true. --counts FILE writes, per phrase, the
 * answer's total (its requests carry "exact_total":true) and the number of
 * hits it listed (the last answer seen for that phrase):
 * "index<TAB>total<TAB>hits<TAB>phrase", and with --find ID a fifth column,
 * 1 if a hit of that answer had the id ID, else 0.
 *
 * Prints one line of key=value pairs: requests, errors, failed_connections,
 * mean_us, p50_us, p90_us, p99_us, max_us, rps, seconds, took_mean_us (the
 * mean of the answers' own "took_ms": the daemon's time for a request, from
 * parsing it to having built its answer, serializing excluded), threads,
 * and per connection: worst_p99_us (the highest of the connections' own
 * p99s: a pooled p99 hides a stalled connection, which sends few requests)
 * and min_requests (the fewest answers a connection got).
 * Exit status 0 if there was no error, 1 if some answers were errors, 2 on a
 * usage or connection failure (a connection fails when the daemon closes it,
 * sends an answer no request asked for or an answer line longer than 64 MiB,
 * or makes no progress for 30 s while requests are out). SIGINT or SIGTERM
 * ends a run early: nothing more is sent, and the answers out are taken
 * before the report. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define MAX_PIPELINE 64          /* seekd queues at most 64 unanswered requests per connection */
#define MAX_ANSWER (64u << 20)   /* longest answer line taken; a longer one fails the connection */
#define STALL_SECONDS 30         /* requests out and no byte moved for this long: failed */
#define RAMP_WAIT_MS 100         /* the longest a connection waits for the one before's answer */

typedef struct request {
    char *line;            /* the whole request line, with its newline */
    size_t len;
    char *phrase;
} request;

typedef struct result {
    long total;            /* -1: never answered */
    long hits;
    int found;             /* a hit had the id of --find */
} result;

typedef struct conn {
    int index;
    /* settings */
    size_t first;          /* index of the first phrase this connection sends */
    long quota;            /* requests to send; -1: until the deadline */
    /* state, touched only by the connection's thread */
    int started;           /* connect was tried */
    double started_at;
    int fd;                /* -1: not connected, or closed */
    double sent_at[MAX_PIPELINE];
    size_t phrase_of[MAX_PIPELINE];
    size_t head, inflight; /* ring of requests awaiting answers */
    size_t next;           /* next phrase to send */
    size_t wpos;           /* bytes of the current request written */
    int writing;           /* a request is partly written */
    int want_out;          /* EPOLLOUT is in the epoll interest set */
    char *rbuf;            /* answers read, not yet taken */
    size_t rcap, rlen, scanned;
    double progress_at;    /* when a byte last moved either way */
    /* results */
    double *lat;           /* microseconds, one per answered request */
    size_t nlat, cap;
    long errors;
    long sent, answered;
    double took_us;        /* sum of the answers' took_ms, in microseconds */
    long ntook;
    int failed;            /* connection-level failure */
    char why[256];
} conn;

/* A thread and the connections it drives: every nthreads-th, from its own
 * index on. */
typedef struct worker {
    pthread_t thread;
    size_t index;
    int ep;                /* its epoll instance */
    int turn;              /* eventfd: one of its connections may be made */
} worker;

static const char *socket_path;
static request *reqs;
static size_t nreqs;
static int pipeline = 1;
static double deadline;    /* CLOCK_MONOTONIC seconds; 0 = none */
static result *results;    /* per phrase, or NULL */
static conn *conns;
static worker *workers;
static size_t nconns, nthreads;
static atomic_size_t ramp; /* the next connection to make (below) */
static pthread_mutex_t results_lock = PTHREAD_MUTEX_INITIALIZER;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "loadgen: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(2);
}

static void usage(FILE *f)
{
    fputs("usage: loadgen --socket PATH --queries FILE --connections N\n"
          "               --mode all|top10|snippets|slow\n"
          "               [--threads T] [--pipeline K] [--duration SECS | --count N]\n"
          "               [--counts FILE] [--find ID]\n"
          "  --threads T    threads driving the connections, each with one epoll loop\n"
          "                 (default: the number of online CPUs; at most N)\n"
          "  --count N      requests in all, shared among the connections\n"
          "                 (default: one per phrase)\n"
          "  --duration S   keep sending for S seconds instead\n"
          "  --pipeline K   requests in flight per connection (1..64, default 1)\n"
          "  --counts FILE  write each phrase's total (its requests ask for exact\n"
          "                 totals) and number of hits\n"
          "  --find ID      and whether a hit had the id ID\n", f);
}

/* Appends s to the buffer as the inside of a JSON string. */
static size_t json_escape(char *out, const char *s)
{
    size_t n = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            out[n++] = '\\';
            out[n++] = (char)c;
        } else if (c < 0x20) {
            n += (size_t)sprintf(out + n, "\\u%04x", c);
        } else {
            out[n++] = (char)c;
        }
    }
    return n;
}

/* `exact`: each request asks for its total counted exactly, however many
 * matches ("exact_total"), as the counts written with --counts must be. */
static void load_queries(const char *path, const char *mode, int exact)
{
    int limit, snippets, facets = 0;
    if (!strcmp(mode, "all")) {
        limit = 10000;
        snippets = 0;
    } else if (!strcmp(mode, "top10")) {
        limit = 10;
        snippets = 0;
    } else if (!strcmp(mode, "snippets")) {
        limit = 10;
        snippets = 1;
    } else if (!strcmp(mode, "slow")) {
        limit = 10000;
        snippets = facets = 1;
    } else {
        die("unknown mode '%s' (all, top10, snippets or slow)", mode);
        return;
    }
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open %s", path);
    char *line = NULL;
    size_t cap = 0, rcap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        char *tab = strchr(line, '\t');
        if (tab)
            *tab = '\0';
        line[strcspn(line, "\r\n")] = '\0';
        if (!*line)
            continue;
        if (nreqs == rcap) {
            rcap = rcap ? rcap * 2 : 512;
            reqs = realloc(reqs, rcap * sizeof *reqs);
            if (!reqs)
                die("%s", "out of memory");
        }
        /* Escaping at most doubles a byte (or makes \u00XX of a control byte),
         * twice over: once for the query's quotes, once for JSON. */
        size_t plen = strlen(line);
        char *buf = malloc(plen * 12 + 128);
        if (!buf)
            die("%s", "out of memory");
        size_t k = (size_t)sprintf(buf, "{\"op\":\"search\",\"q\":\"\\\"");
        k += json_escape(buf + k, line);
        k += (size_t)sprintf(buf + k, "\\\"\",\"limit\":%d,\"snippets\":%s%s%s}\n", limit,
                             snippets ? "true" : "false",
                             facets ? ",\"facets\":[\"person\",\"org\",\"place\",\"year\"]"
                             : limit > 10 ? ",\"ids\":true" : "",
                             exact ? ",\"exact_total\":true" : "");
        reqs[nreqs].line = buf;
        reqs[nreqs].len = k;
        reqs[nreqs].phrase = strdup(line);
        nreqs++;
    }
    free(line);
    fclose(f);
    if (!nreqs)
        die("no phrases in %s", path);
}

/* Records why the connection failed; the first reason stays. */
__attribute__((format(printf, 2, 3)))
static void conn_fail(conn *c, const char *fmt, ...)
{
    if (c->failed)
        return;
    c->failed = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->why, sizeof c->why, fmt, ap);
    va_end(ap);
}

/* Connects (blocking, which on a Unix socket returns at once unless the
 * daemon's backlog is full), then makes the socket non-blocking: one thread
 * drives several connections, so no call may wait on one of them. */
static int connect_socket(conn *c)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        conn_fail(c, "socket: %s", strerror(errno));
        return -1;
    }
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    if (strlen(socket_path) >= sizeof a.sun_path) {
        conn_fail(c, "socket path too long");
        close(fd);
        return -1;
    }
    strcpy(a.sun_path, socket_path);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        conn_fail(c, "connect %s: %s", socket_path, strerror(errno));
        close(fd);
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) {
        conn_fail(c, "fcntl: %s", strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

static void add_latency(conn *c, double us)
{
    if (c->nlat == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 4096;
        double *grown = realloc(c->lat, c->cap * sizeof *grown);
        if (!grown) {
            fprintf(stderr, "loadgen: out of memory\n");
            exit(2);
        }
        c->lat = grown;
    }
    c->lat[c->nlat++] = us;
}

/* Counts the strings of an "ids" answer's list. */
static long count_ids(const char *p, const char *end)
{
    long n = 0;
    while (p < end && *p != ']') {
        if (*p++ != '"')
            continue;
        n++;
        while (p < end && *p != '"')
            p += *p == '\\' ? 2 : 1;
        p++;
    }
    return n;
}

/* Counts the hits an answer lists: the ids of an "ids" answer, else the hits,
 * each of which has an "id" member, as no other object of a search answer
 * has (a string holding the text "id": would have its quotes escaped). */
static long count_hits(const char *s, const char *end)
{
    static const char ids[] = "\"ids\":[";
    const char *l = memmem(s, (size_t)(end - s), ids, sizeof ids - 1);
    if (l)
        return count_ids(l + sizeof ids - 1, end);
    static const char key[] = "\"id\":";
    long n = 0;
    const char *p = s;
    while ((p = memmem(p, (size_t)(end - p), key, sizeof key - 1)) != NULL) {
        n++;
        p += sizeof key - 1;
    }
    return n;
}

/* --find's id as it appears in an answer: "id":"ID" (NULL: not asked). */
static char *find_key;

static void record(size_t phrase, const char *s, const char *end)
{
    static const char key[] = "\"total\":";
    const char *t = memmem(s, (size_t)(end - s), key, sizeof key - 1);
    long total = t ? strtol(t + sizeof key - 1, NULL, 10) : -1;
    long hits = count_hits(s, end);
    int found = find_key && memmem(s, (size_t)(end - s), find_key, strlen(find_key)) != NULL;
    pthread_mutex_lock(&results_lock);
    results[phrase].total = total;
    results[phrase].hits = hits;
    results[phrase].found = found;
    pthread_mutex_unlock(&results_lock);
}

/* Whether the connection is to start another request. */
/* SIGINT or SIGTERM: send no more, take the answers out, report. */
static volatile sig_atomic_t stopping;

static void on_stop_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

static int conn_more(const conn *c)
{
    if (stopping)
        return 0;
    return c->quota >= 0 ? c->sent < c->quota : now() < deadline;
}

/* Writes requests while the pipeline has room and the socket takes bytes;
 * leaves c->writing set if the socket is full mid-request. */
static void conn_write(conn *c)
{
    for (;;) {
        if (!c->writing) {
            if (c->inflight == (size_t)pipeline || !conn_more(c))
                return;
            size_t slot = (c->head + c->inflight) % MAX_PIPELINE;
            c->sent_at[slot] = now();
            c->phrase_of[slot] = c->next;
            c->inflight++;
            c->sent++;
            c->writing = 1;
            c->wpos = 0;
        }
        const request *r = &reqs[c->next];
        ssize_t w = send(c->fd, r->line + c->wpos, r->len - c->wpos, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EPIPE || errno == ECONNRESET)
                conn_fail(c, "the daemon closed the connection (requests unanswered: %zu)",
                          c->inflight);
            else if (errno != EAGAIN && errno != EWOULDBLOCK)
                conn_fail(c, "send: %s", strerror(errno));
            return;
        }
        c->progress_at = now();
        c->wpos += (size_t)w;
        if (c->wpos == r->len) {
            c->writing = 0;
            c->next = (c->next + 1) % nreqs;
        }
    }
}

/* Takes every complete answer line in the read buffer. */
static void conn_take_answers(conn *c)
{
    size_t start = 0;
    char *nl;
    while ((nl = memchr(c->rbuf + c->scanned, '\n', c->rlen - c->scanned)) != NULL) {
        double t = now();
        size_t end = (size_t)(nl - c->rbuf);
        if (c->inflight == 0) {
            conn_fail(c, "an answer to no request");
            return;
        }
        add_latency(c, (t - c->sent_at[c->head]) * 1e6);
        const char *line = c->rbuf + start;
        if (!memmem(line, end - start, "\"ok\":true", 9)) {
            c->errors++;
        } else {
            /* The daemon's own time for the request; the rest of the
             * round trip is serializing, queueing, hand-offs between
             * threads and the socket. */
            const char *took = memmem(line, end - start, "\"took_ms\":", 10);
            if (took) {
                c->took_us += strtod(took + 10, NULL) * 1e3;
                c->ntook++;
            }
            if (results)
                record(c->phrase_of[c->head], line, c->rbuf + end);
        }
        c->head = (c->head + 1) % MAX_PIPELINE;
        c->inflight--;
        c->answered++;
        start = end + 1;
        c->scanned = start;
    }
    if (start) {
        memmove(c->rbuf, c->rbuf + start, c->rlen - start);
        c->rlen -= start;
    }
    c->scanned = c->rlen;
}

/* One read: the socket is level-triggered, so what this leaves is reported
 * again by the next epoll_wait. */
static void conn_read(conn *c)
{
    if (c->rlen == c->rcap) {
        if (c->rcap >= MAX_ANSWER) {
            conn_fail(c, "an answer line longer than %u bytes", MAX_ANSWER);
            return;
        }
        char *grown = realloc(c->rbuf, c->rcap * 2);
        if (!grown) {
            conn_fail(c, "out of memory");
            return;
        }
        c->rbuf = grown;
        c->rcap *= 2;
    }
    ssize_t r = recv(c->fd, c->rbuf + c->rlen, c->rcap - c->rlen, 0);
    if (r == 0 || (r < 0 && errno == ECONNRESET)) {
        conn_fail(c, "the daemon closed the connection (requests unanswered: %zu%s)",
                  c->inflight, c->rlen ? "; a partial answer line read" : "");
        return;
    }
    if (r < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            conn_fail(c, "recv: %s", strerror(errno));
        return;
    }
    c->progress_at = now();
    c->rlen += (size_t)r;
    conn_take_answers(c);
}

static void conn_close(conn *c)
{
    if (c->fd >= 0)
        close(c->fd);   /* which also takes it out of the epoll set */
    c->fd = -1;
    free(c->rbuf);
    c->rbuf = NULL;
}

/* Reads if the socket has something, then writes what the pipeline has room
 * for; returns 1 when the connection is over (failed, or done). */
static int conn_step(int ep, conn *c, uint32_t events)
{
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
        conn_read(c);
    if (!c->failed)
        conn_write(c);
    if (c->failed || (!c->writing && c->inflight == 0))
        return 1;
    /* Ask for EPOLLOUT only while a request waits for room in the socket:
     * otherwise every epoll_wait would report the socket writable. */
    if (c->writing != c->want_out) {
        struct epoll_event ev = { .events = EPOLLIN | (c->writing ? EPOLLOUT : 0u),
                                  .data.ptr = c };
        if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev) < 0) {
            conn_fail(c, "epoll_ctl: %s", strerror(errno));
            return 1;
        }
        c->want_out = c->writing;
    }
    return 0;
}

/* Connects c and sends its first requests; returns 0 if it is then waiting
 * for answers, -1 if it failed or had nothing to send (and is closed). */
static int conn_start(int ep, conn *c)
{
    c->fd = connect_socket(c);
    if (c->fd < 0)
        return -1;
    c->next = c->first;
    c->rcap = 1 << 16;
    c->rbuf = malloc(c->rcap);
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = c };
    if (!c->rbuf)
        conn_fail(c, "out of memory");
    else if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev) < 0)
        conn_fail(c, "epoll_ctl: %s", strerror(errno));
    c->progress_at = now();
    if (c->failed || conn_step(ep, c, 0)) {
        conn_close(c);
        return -1;
    }
    return 0;
}

static void *run_worker(void *arg)
{
    const worker *w = arg;
    size_t last = w->index + (nconns - 1 - w->index) / nthreads * nthreads;  /* its last */
    size_t active = 0;     /* connections open */
    int ep = w->ep;
    double checked_at = now();
    for (;;) {
        /* Connections are made one at a time, in order, over all threads:
         * the next once the one before has had its first answer, failed, or
         * waited RAMP_WAIT_MS. The daemon's serving threads race to accept,
         * and an idle one wins: connections made in a burst, before any had
         * a request served, were often all accepted by the same thread,
         * which halved the throughput. */
        size_t r;
        int waiting = 0;   /* for the first answer of a connection it made */
        while ((r = atomic_load(&ramp)) <= last && r % nthreads == w->index) {
            conn *c = &conns[r];
            if (!c->started && !c->failed) {
                c->started = 1;
                c->started_at = now();
                if (conn_start(ep, c) == 0)
                    active++;
            }
            waiting = c->fd >= 0 && c->answered == 0
                      && now() - c->started_at < RAMP_WAIT_MS / 1e3;
            if (waiting)
                break;
            atomic_store(&ramp, r + 1);
            if (r + 1 < nconns && (r + 1) % nthreads != w->index) {
                uint64_t one = 1;
                if (write(workers[(r + 1) % nthreads].turn, &one, sizeof one) < 0)
                    die("eventfd: %s", strerror(errno));
            }
        }
        if (active == 0 && atomic_load(&ramp) > last)
            break;
        struct epoll_event evs[64];
        int n = epoll_wait(ep, evs, 64, waiting ? RAMP_WAIT_MS : 1000);
        if (n < 0 && errno != EINTR) {
            /* Only a bad argument makes it fail: nothing to recover. */
            fprintf(stderr, "loadgen: epoll_wait: %s\n", strerror(errno));
            exit(2);
        }
        for (int i = 0; i < n; i++) {
            conn *c = evs[i].data.ptr;
            if (!c) {
                /* Its turn: the loop's top makes the connection. */
                uint64_t v;
                if (read(w->turn, &v, sizeof v) < 0 && errno != EAGAIN)
                    die("eventfd: %s", strerror(errno));
                continue;
            }
            if (conn_step(ep, c, evs[i].events)) {
                conn_close(c);
                active--;
            }
        }
        /* A daemon that stops answering fails the connection rather than
         * hanging the run; checked once a second, not per event. */
        double t = now();
        if (t - checked_at < 1)
            continue;
        checked_at = t;
        for (size_t i = w->index; i < nconns; i += nthreads) {
            conn *c = &conns[i];
            if (c->fd >= 0 && t - c->progress_at > STALL_SECONDS) {
                conn_fail(c, "no answer for %d s (requests unanswered: %zu)", STALL_SECONDS,
                          c->inflight);
                conn_close(c);
                active--;
            }
        }
    }
    return NULL;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double percentile(const double *v, size_t n, double p)
{
    if (!n)
        return 0;
    double rank = p / 100.0 * (double)(n - 1);
    size_t lo = (size_t)rank;
    size_t hi = lo + 1 < n ? lo + 1 : lo;
    return v[lo] + (v[hi] - v[lo]) * (rank - (double)lo);
}

int main(int argc, char **argv)
{
    static const struct option longs[] = {
        { "socket", required_argument, 0, 's' }, { "queries", required_argument, 0, 'q' },
        { "connections", required_argument, 0, 'c' }, { "mode", required_argument, 0, 'm' },
        { "pipeline", required_argument, 0, 'p' }, { "duration", required_argument, 0, 'd' },
        { "count", required_argument, 0, 'n' }, { "counts", required_argument, 0, 'o' },
        { "threads", required_argument, 0, 't' }, { "help", no_argument, 0, 'h' },
        { "find", required_argument, 0, 'f' },
        { 0, 0, 0, 0 },
    };
    const char *queries = NULL, *mode = "top10", *counts_path = NULL;
    long connections = 1, count = -1, threads = 0;
    double duration = 0;
    int c;
    char *end;
    while ((c = getopt_long(argc, argv, "s:q:c:m:p:d:n:o:t:f:h", longs, NULL)) != -1) {
        switch (c) {
        case 's': socket_path = optarg; break;
        case 'q': queries = optarg; break;
        case 'm': mode = optarg; break;
        case 'o': counts_path = optarg; break;
        case 'f': {
            if (!(find_key = malloc(strlen(optarg) * 6 + 8)))
                die("%s", "out of memory");
            memcpy(find_key, "\"id\":\"", 6);
            size_t k = 6 + json_escape(find_key + 6, optarg);
            memcpy(find_key + k, "\"", 2);
            break;
        }
        case 'c':
            connections = strtol(optarg, &end, 10);
            if (*end || connections < 1 || connections > 4096)
                die("--connections takes 1..4096, not '%s'", optarg);
            break;
        case 't':
            threads = strtol(optarg, &end, 10);
            if (*end || threads < 1 || threads > 4096)
                die("--threads takes 1..4096, not '%s'", optarg);
            break;
        case 'p':
            pipeline = (int)strtol(optarg, &end, 10);
            if (*end || pipeline < 1 || pipeline > MAX_PIPELINE)
                die("--pipeline takes 1..64, not '%s'", optarg);
            break;
        case 'd':
            duration = strtod(optarg, &end);
            if (*end || duration <= 0)
                die("--duration takes a positive number of seconds, not '%s'", optarg);
            break;
        case 'n':
            count = strtol(optarg, &end, 10);
            if (*end || count < 1)
                die("--count takes a positive number, not '%s'", optarg);
            break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (!socket_path || !queries || optind != argc) {
        usage(stderr);
        return 2;
    }
    if (duration > 0 && count > 0)
        die("%s", "give --duration or --count, not both");
    signal(SIGPIPE, SIG_IGN);
    struct sigaction stop = { .sa_handler = on_stop_signal };
    sigaction(SIGINT, &stop, NULL);
    sigaction(SIGTERM, &stop, NULL);
    load_queries(queries, mode, counts_path != NULL);
    if (duration <= 0 && count < 0)
        count = (long)nreqs;
    if (counts_path) {
        results = malloc(nreqs * sizeof *results);
        if (!results)
            die("%s", "out of memory");
        for (size_t i = 0; i < nreqs; i++)
            results[i] = (result){ -1, -1, 0 };
    }

    /* As many threads as CPUs by default, as in wrk: more could not run at
     * once, and would only add threads taking turns with the daemon's. */
    if (threads == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cpus > 0 ? cpus : 1;
    }
    if (threads > connections)
        threads = connections;
    nconns = (size_t)connections;
    nthreads = (size_t)threads;
    conns = calloc(nconns, sizeof *conns);
    workers = calloc(nthreads, sizeof *workers);
    if (!conns || !workers)
        die("%s", "out of memory");
    for (size_t i = 0; i < nconns; i++) {
        conns[i].index = (int)i;
        conns[i].fd = -1;
        conns[i].first = (size_t)((double)i * (double)nreqs / (double)connections);
        conns[i].quota = count < 0 ? -1 : count / connections + ((long)i < count % connections);
    }
    /* Thread t drives connections t, t + T, t + 2T, ... */
    for (size_t t = 0; t < nthreads; t++) {
        workers[t].index = t;
        workers[t].ep = epoll_create1(EPOLL_CLOEXEC);
        if (workers[t].ep < 0)
            die("epoll_create1: %s", strerror(errno));
        workers[t].turn = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        struct epoll_event ev = { .events = EPOLLIN, .data.ptr = NULL };
        if (workers[t].turn < 0
            || epoll_ctl(workers[t].ep, EPOLL_CTL_ADD, workers[t].turn, &ev) < 0)
            die("eventfd: %s", strerror(errno));
    }
    double t0 = now();
    deadline = duration > 0 ? t0 + duration : 0;
    for (size_t t = 0; t < nthreads; t++) {
        if (pthread_create(&workers[t].thread, NULL, run_worker, &workers[t]) != 0)
            die("%s", "cannot start a thread");
    }
    for (size_t t = 0; t < nthreads; t++) {
        pthread_join(workers[t].thread, NULL);
        close(workers[t].ep);
        close(workers[t].turn);
    }
    double seconds = now() - t0;

    size_t total = 0;
    long errors = 0, failed = 0, ntook = 0;
    double took_us = 0;
    for (long i = 0; i < connections; i++) {
        total += conns[i].nlat;
        errors += conns[i].errors;
        took_us += conns[i].took_us;
        ntook += conns[i].ntook;
        if (conns[i].failed) {
            failed++;
            fprintf(stderr, "loadgen: connection %ld: %s\n", i, conns[i].why);
        }
    }
    double *all = malloc((total ? total : 1) * sizeof *all);
    if (!all)
        die("%s", "out of memory");
    size_t k = 0, min_requests = SIZE_MAX;
    double sum = 0, worst_p99 = 0;
    for (long i = 0; i < connections; i++) {
        for (size_t j = 0; j < conns[i].nlat; j++) {
            all[k++] = conns[i].lat[j];
            sum += conns[i].lat[j];
        }
        qsort(conns[i].lat, conns[i].nlat, sizeof *conns[i].lat, cmp_double);
        double p99 = percentile(conns[i].lat, conns[i].nlat, 99);
        if (p99 > worst_p99)
            worst_p99 = p99;
        if (conns[i].nlat < min_requests)
            min_requests = conns[i].nlat;
        free(conns[i].lat);
    }
    qsort(all, total, sizeof *all, cmp_double);
    printf("requests=%zu errors=%ld failed_connections=%ld mean_us=%.1f p50_us=%.1f "
           "p90_us=%.1f p99_us=%.1f max_us=%.1f rps=%.1f seconds=%.3f took_mean_us=%.1f "
           "threads=%ld worst_p99_us=%.1f min_requests=%zu\n",
           total, errors, failed, total ? sum / (double)total : 0.0,
           percentile(all, total, 50), percentile(all, total, 90), percentile(all, total, 99),
           total ? all[total - 1] : 0.0, seconds > 0 ? (double)total / seconds : 0.0, seconds,
           ntook ? took_us / (double)ntook : 0.0, threads, worst_p99, min_requests);
    if (counts_path) {
        FILE *f = fopen(counts_path, "w");
        if (!f)
            die("cannot write %s", counts_path);
        for (size_t i = 0; i < nreqs; i++) {
            fprintf(f, "%zu\t%ld\t%ld\t%s", i, results[i].total, results[i].hits, reqs[i].phrase);
            if (find_key)
                fprintf(f, "\t%d", results[i].found);
            fputc('\n', f);
        }
        fclose(f);
    }
    free(all);
    free(workers);
    free(conns);
    for (size_t i = 0; i < nreqs; i++) {
        free(reqs[i].line);
        free(reqs[i].phrase);
    }
    free(reqs);
    free(results);
    free(find_key);
    if (failed)
        return 2;
    return errors ? 1 : 0;
}
