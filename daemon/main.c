/* seekd: serves the index over a Unix socket. Options, signals and the event
 * loop's life; the work itself is in server.c, conn.c and handlers.c. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uv.h>

#include "entity/gazetteer.h"
#include "log.h"
#include "paths.h"
#include "server.h"
#include "worker.h"

typedef struct options {
    char index[4096];
    char socket[4096];
    char gazetteer[4096];
    int threads;
} options;

static server srv;
static uv_signal_t sig_term, sig_int, sig_hup;

static void usage(FILE *f)
{
    fputs("usage: seekd [--index DIR] [--socket PATH] [--threads N]\n"
          "Serves search requests (newline-delimited JSON) on a Unix socket.\n"
          "  --index DIR     the index (default: $SEEKD_INDEX or ~/.local/share/seekd/index)\n"
          "  --socket PATH   the socket (default: $SEEKD_SOCKET, $XDG_RUNTIME_DIR/seekd.sock\n"
          "                  or /tmp/seekd-UID/seekd.sock)\n"
          "  --threads N     worker threads for queries (default: the number of CPUs)\n"
          "  --gazetteer FILE the entity list (default: $SEEKD_GAZETTEER or data/gazetteer.tsv)\n"
          "Signals: SIGHUP reopens the index; SIGTERM and SIGINT finish the requests\n"
          "in hand, remove the socket and exit 0.\n", f);
}

static int copy_path(char *dst, size_t cap, const char *src, const char *what)
{
    if (snprintf(dst, cap, "%s", src) >= (int)cap) {
        fprintf(stderr, "seekd: %s path too long\n", what);
        return -1;
    }
    return 0;
}

static int parse_args(int argc, char **argv, options *o)
{
    static const struct option longs[] = {
        { "index", required_argument, 0, 'i' }, { "socket", required_argument, 0, 's' },
        { "threads", required_argument, 0, 't' }, { "gazetteer", required_argument, 0, 'g' },
        { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
    };
    memset(o, 0, sizeof *o);
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    o->threads = cpus > 0 ? (int)cpus : 2;
    if (paths_index(o->index, sizeof o->index) < 0 || paths_socket(o->socket, sizeof o->socket) < 0
        || paths_gazetteer(o->gazetteer, sizeof o->gazetteer) < 0) {
        fprintf(stderr, "seekd: default paths too long\n");
        return -1;
    }
    int c;
    while ((c = getopt_long(argc, argv, "i:s:t:g:h", longs, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'i':
            if (copy_path(o->index, sizeof o->index, optarg, "--index") < 0)
                return -1;
            break;
        case 's':
            if (copy_path(o->socket, sizeof o->socket, optarg, "--socket") < 0)
                return -1;
            break;
        case 'g':
            if (copy_path(o->gazetteer, sizeof o->gazetteer, optarg, "--gazetteer") < 0)
                return -1;
            break;
        case 't':
            o->threads = (int)strtol(optarg, &end, 10);
            if (end == optarg || *end || o->threads < 1 || o->threads > 128) {
                fprintf(stderr, "seekd: --threads takes a number from 1 to 128, not '%s'\n", optarg);
                return -1;
            }
            break;
        case 'h': usage(stdout); exit(0);
        default: usage(stderr); return -1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "seekd: unexpected argument '%s'\n", argv[optind]);
        usage(stderr);
        return -1;
    }
    return 0;
}

static void on_drained(server *s)
{
    (void)s;
    uv_close((uv_handle_t *)&sig_term, NULL);
    uv_close((uv_handle_t *)&sig_int, NULL);
    uv_close((uv_handle_t *)&sig_hup, NULL);
}

static void on_signal(uv_signal_t *h, int signum)
{
    (void)h;
    if (signum == SIGHUP) {
        log_event("reopen", "reason=SIGHUP");
        workers_reopen_all();
        return;
    }
    log_event("stopping", "signal=%s", signum == SIGTERM ? "SIGTERM" : "SIGINT");
    server_stop(&srv);
}

/* The default socket folder under /tmp is ours alone: create it 0700. */
static int prepare_default_dir(const char *sock)
{
    if (getenv("SEEKD_SOCKET") && *getenv("SEEKD_SOCKET"))
        return 0;
    if (paths_make_parents(sock, 0700) < 0) {
        fprintf(stderr, "seekd: cannot create the folder for %s: %s\n", sock, strerror(errno));
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    options o;
    if (parse_args(argc, argv, &o) < 0)
        return 2;
    /* libuv reads this once, when the pool first starts. */
    char threads[16];
    snprintf(threads, sizeof threads, "%d", o.threads);
    setenv("UV_THREADPOOL_SIZE", threads, 1);
    /* A client that hangs up mid-answer must cost an EPIPE, not the daemon. */
    signal(SIGPIPE, SIG_IGN);

    char default_sock[4096];
    paths_socket(default_sock, sizeof default_sock);
    if (!strcmp(default_sock, o.socket) && prepare_default_dir(o.socket) < 0)
        return 2;

    gazetteer *gaz = NULL;
    char err[512];
    if (gaz_load(o.gazetteer, &gaz, err, sizeof err) != SEEK_OK) {
        fprintf(stderr, "seekd: gazetteer: %s\n", err);
        return 2;
    }
    uv_loop_t *loop = uv_default_loop();
    workers_init(o.index, gaz);
    if (server_listen(&srv, loop, o.socket) < 0) {
        workers_fini();
        gaz_free(gaz);
        return 2;
    }
    srv.on_drained = on_drained;
    uv_signal_init(loop, &sig_term);
    uv_signal_init(loop, &sig_int);
    uv_signal_init(loop, &sig_hup);
    uv_signal_start(&sig_term, on_signal, SIGTERM);
    uv_signal_start(&sig_int, on_signal, SIGINT);
    uv_signal_start(&sig_hup, on_signal, SIGHUP);
    if (access(o.index, R_OK) < 0)
        log_event("warning", "index=%s error=\"no index yet: run seekd-index; queries fail until then\"",
                  o.index);
    log_event("listening", "socket=%s index=%s threads=%d pid=%ld", o.socket, o.index,
              o.threads, (long)getpid());
    uv_run(loop, UV_RUN_DEFAULT);
    int rc = uv_loop_close(loop);
    if (rc != 0)
        log_event("warning", "error=\"loop closed with live handles\"");
    uv_library_shutdown();
    workers_fini();
    gaz_free(gaz);
    log_event("stopped", "socket=%s", o.socket);
    return 0;
}
