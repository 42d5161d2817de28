/* loadgen: a load generator for seekd's socket protocol (newline-delimited
 * JSON over a Unix stream socket).
 *
 *   loadgen --socket PATH --queries FILE --connections N --mode all|top10|snippets
 *           [--pipeline K] [--duration SECS | --count N] [--counts FILE]
 *
 * Each connection is a thread with its own socket and a poll() loop that
 * keeps up to K requests in flight (K = 1: strictly request, answer,
 * request). The phrases are the first column of FILE (a TSV); each is sent
 * as the quoted phrase query "\"phrase\"". Connection c starts at phrase
 * c * nphrases / N and cycles through the list, so one connection with
 * --count = nphrases sends every phrase once, in file order.
 *
 * Modes: all = limit 10000, ids alone ("ids":true: every matching id),
 * top10 = limit 10 without snippets, snippets = limit 10 with snippets.
 *
 * Latency is measured per request, from the moment its line is written to
 * the moment its whole answer line has been read. An answer counts as an
 * error unless it holds "ok":true. --counts FILE writes, per phrase, the
 * answer's total and the number of hits it listed (the last answer seen for
 * that phrase): "index<TAB>total<TAB>hits<TAB>phrase".
 *
 * Prints one line of key=value pairs: requests, errors, failed_connections,
 * mean_us, p50_us, p90_us, p99_us, max_us, rps, seconds, and took_mean_us (the
 * mean of the answers' own "took_ms": the daemon's time for a request, from
 * parsing it to having built its answer, serializing excluded). Exit status 0 if there was no error,
 * 1 if some answers were errors, 2 on a usage or connection failure. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define MAX_PIPELINE 64   /* seekd queues at most 64 unanswered requests per connection */

typedef struct request {
    char *line;            /* the whole request line, with its newline */
    size_t len;
    char *phrase;
} request;

typedef struct result {
    long total;            /* -1: never answered */
    long hits;
} result;

typedef struct conn {
    int index;
    pthread_t thread;
    /* settings */
    size_t first;          /* index of the first phrase this connection sends */
    long quota;            /* requests to send; -1: until the deadline */
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

static const char *socket_path;
static request *reqs;
static size_t nreqs;
static int pipeline = 1;
static double deadline;    /* CLOCK_MONOTONIC seconds; 0 = none */
static result *results;    /* per phrase, or NULL */
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
    fputs("usage: loadgen --socket PATH --queries FILE --connections N --mode all|top10|snippets\n"
          "               [--pipeline K] [--duration SECS | --count N] [--counts FILE]\n"
          "  --count N      requests in all, shared among the connections\n"
          "                 (default: one per phrase)\n"
          "  --duration S   keep sending for S seconds instead\n"
          "  --pipeline K   requests in flight per connection (1..64, default 1)\n"
          "  --counts FILE  write each phrase's total and number of hits\n", f);
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

static void load_queries(const char *path, const char *mode)
{
    int limit, snippets;
    if (!strcmp(mode, "all")) {
        limit = 10000;
        snippets = 0;
    } else if (!strcmp(mode, "top10")) {
        limit = 10;
        snippets = 0;
    } else if (!strcmp(mode, "snippets")) {
        limit = 10;
        snippets = 1;
    } else {
        die("unknown mode '%s' (all, top10 or snippets)", mode);
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
        k += (size_t)sprintf(buf + k, "\\\"\",\"limit\":%d,\"snippets\":%s%s}\n", limit,
                             snippets ? "true" : "false", limit > 10 ? ",\"ids\":true" : "");
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

static int connect_socket(conn *c)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        snprintf(c->why, sizeof c->why, "socket: %s", strerror(errno));
        return -1;
    }
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    if (strlen(socket_path) >= sizeof a.sun_path) {
        snprintf(c->why, sizeof c->why, "socket path too long");
        close(fd);
        return -1;
    }
    strcpy(a.sun_path, socket_path);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        snprintf(c->why, sizeof c->why, "connect %s: %s", socket_path, strerror(errno));
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

static void record(size_t phrase, const char *s, const char *end)
{
    static const char key[] = "\"total\":";
    const char *t = memmem(s, (size_t)(end - s), key, sizeof key - 1);
    long total = t ? strtol(t + sizeof key - 1, NULL, 10) : -1;
    long hits = count_hits(s, end);
    pthread_mutex_lock(&results_lock);
    results[phrase].total = total;
    results[phrase].hits = hits;
    pthread_mutex_unlock(&results_lock);
}

static void *run_conn(void *arg)
{
    conn *c = arg;
    int fd = connect_socket(c);
    if (fd < 0) {
        c->failed = 1;
        return NULL;
    }
    double sent_at[MAX_PIPELINE];
    size_t phrase_of[MAX_PIPELINE];
    size_t head = 0, inflight = 0;      /* ring of requests awaiting answers */
    size_t next = c->first;             /* next phrase to send */
    size_t wpos = 0;                    /* bytes of the current request written */
    int writing = 0;
    size_t rcap = 1 << 16, rlen = 0, scanned = 0;
    char *rbuf = malloc(rcap);
    if (!rbuf) {
        snprintf(c->why, sizeof c->why, "out of memory");
        c->failed = 1;
        close(fd);
        return NULL;
    }
    for (;;) {
        int more = c->quota >= 0 ? c->sent < c->quota : now() < deadline;
        /* Start a new request when the pipeline has room. */
        if (!writing && more && inflight < (size_t)pipeline) {
            writing = 1;
            wpos = 0;
            sent_at[(head + inflight) % MAX_PIPELINE] = now();
            phrase_of[(head + inflight) % MAX_PIPELINE] = next;
            inflight++;
            c->sent++;
        }
        if (!writing && inflight == 0)
            break;
        struct pollfd p = { .fd = fd, .events = (short)(POLLIN | (writing ? POLLOUT : 0)) };
        if (poll(&p, 1, 30000) <= 0) {
            snprintf(c->why, sizeof c->why, "no answer for 30 s");
            c->failed = 1;
            break;
        }
        if (writing && (p.revents & POLLOUT)) {
            const request *r = &reqs[next];
            ssize_t w = send(fd, r->line + wpos, r->len - wpos, MSG_NOSIGNAL);
            if (w < 0 && errno != EAGAIN && errno != EINTR) {
                snprintf(c->why, sizeof c->why, "send: %s", strerror(errno));
                c->failed = 1;
                break;
            }
            if (w > 0)
                wpos += (size_t)w;
            if (wpos == r->len) {
                writing = 0;
                next = (next + 1) % nreqs;
            }
        }
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
            if (rlen == rcap) {
                rcap *= 2;
                char *grown = realloc(rbuf, rcap);
                if (!grown) {
                    snprintf(c->why, sizeof c->why, "out of memory");
                    c->failed = 1;
                    break;
                }
                rbuf = grown;
            }
            ssize_t r = recv(fd, rbuf + rlen, rcap - rlen, 0);
            if (r == 0) {
                snprintf(c->why, sizeof c->why, "the daemon closed the connection");
                c->failed = 1;
                break;
            }
            if (r < 0) {
                if (errno == EAGAIN || errno == EINTR)
                    continue;
                snprintf(c->why, sizeof c->why, "recv: %s", strerror(errno));
                c->failed = 1;
                break;
            }
            rlen += (size_t)r;
            /* Take every complete answer line. */
            size_t start = 0;
            char *nl;
            while ((nl = memchr(rbuf + scanned, '\n', rlen - scanned)) != NULL) {
                double t = now();
                size_t end = (size_t)(nl - rbuf);
                if (inflight == 0) {
                    snprintf(c->why, sizeof c->why, "an answer to no request");
                    c->failed = 1;
                    break;
                }
                add_latency(c, (t - sent_at[head]) * 1e6);
                const char *line = rbuf + start;
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
                        record(phrase_of[head], line, rbuf + end);
                }
                head = (head + 1) % MAX_PIPELINE;
                inflight--;
                c->answered++;
                start = end + 1;
                scanned = start;
            }
            if (c->failed)
                break;
            if (start) {
                memmove(rbuf, rbuf + start, rlen - start);
                rlen -= start;
            }
            scanned = rlen;
        }
    }
    free(rbuf);
    close(fd);
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
        { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
    };
    const char *queries = NULL, *mode = "top10", *counts_path = NULL;
    long connections = 1, count = -1;
    double duration = 0;
    int c;
    char *end;
    while ((c = getopt_long(argc, argv, "s:q:c:m:p:d:n:o:h", longs, NULL)) != -1) {
        switch (c) {
        case 's': socket_path = optarg; break;
        case 'q': queries = optarg; break;
        case 'm': mode = optarg; break;
        case 'o': counts_path = optarg; break;
        case 'c':
            connections = strtol(optarg, &end, 10);
            if (*end || connections < 1 || connections > 4096)
                die("--connections takes 1..4096, not '%s'", optarg);
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
    load_queries(queries, mode);
    if (duration <= 0 && count < 0)
        count = (long)nreqs;
    if (counts_path) {
        results = malloc(nreqs * sizeof *results);
        if (!results)
            die("%s", "out of memory");
        for (size_t i = 0; i < nreqs; i++)
            results[i] = (result){ -1, -1 };
    }

    conn *conns = calloc((size_t)connections, sizeof *conns);
    if (!conns)
        die("%s", "out of memory");
    double t0 = now();
    deadline = duration > 0 ? t0 + duration : 0;
    for (long i = 0; i < connections; i++) {
        conns[i].index = (int)i;
        conns[i].first = (size_t)((double)i * (double)nreqs / (double)connections);
        conns[i].quota = count < 0 ? -1 : count / connections + (i < count % connections);
        if (pthread_create(&conns[i].thread, NULL, run_conn, &conns[i]) != 0)
            die("%s", "cannot start a thread");
    }
    for (long i = 0; i < connections; i++)
        pthread_join(conns[i].thread, NULL);
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
    size_t k = 0;
    double sum = 0;
    for (long i = 0; i < connections; i++) {
        for (size_t j = 0; j < conns[i].nlat; j++) {
            all[k++] = conns[i].lat[j];
            sum += conns[i].lat[j];
        }
        free(conns[i].lat);
    }
    qsort(all, total, sizeof *all, cmp_double);
    printf("requests=%zu errors=%ld failed_connections=%ld mean_us=%.1f p50_us=%.1f "
           "p90_us=%.1f p99_us=%.1f max_us=%.1f rps=%.1f seconds=%.3f took_mean_us=%.1f\n",
           total, errors, failed, total ? sum / (double)total : 0.0,
           percentile(all, total, 50), percentile(all, total, 90), percentile(all, total, 99),
           total ? all[total - 1] : 0.0, seconds > 0 ? (double)total / seconds : 0.0, seconds,
           ntook ? took_us / (double)ntook : 0.0);
    if (counts_path) {
        FILE *f = fopen(counts_path, "w");
        if (!f)
            die("cannot write %s", counts_path);
        for (size_t i = 0; i < nreqs; i++)
            fprintf(f, "%zu\t%ld\t%ld\t%s\n", i, results[i].total, results[i].hits,
                    reqs[i].phrase);
        fclose(f);
    }
    free(all);
    free(conns);
    for (size_t i = 0; i < nreqs; i++) {
        free(reqs[i].line);
        free(reqs[i].phrase);
    }
    free(reqs);
    free(results);
    if (failed)
        return 2;
    return errors ? 1 : 0;
}
