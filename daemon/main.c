/* seekd: serves the index over a Unix socket. The main thread opens the
 * socket, starts the serving loops (loops.c) and waits for signals; settings
 * are in config.c, the work in loops.c, loop.c, conn.c and the ops. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uv.h>

#include "config.h"
#include "entity/gazetteer.h"
#include "listen.h"
#include "log.h"
#include "loops.h"
#include "morph/morph.h"
#include "paths.h"
#include "reader.h"

static listen_socket sock;
static serve_ctx serve;
static uv_signal_t sig_term, sig_int, sig_hup;

static void close_signals(void)
{
    uv_close((uv_handle_t *)&sig_term, NULL);
    uv_close((uv_handle_t *)&sig_int, NULL);
    uv_close((uv_handle_t *)&sig_hup, NULL);
}

/* The first SIGTERM or SIGINT: no new clients (the socket file goes at
 * once), the loops finish what their clients sent, and the main loop ends
 * with its signal handles. */
static void on_signal(uv_signal_t *h, int signum)
{
    (void)h;
    if (signum == SIGHUP) {
        log_event("reopen", "reason=SIGHUP");
        serve_ctx_reopen_all(&serve);
        return;
    }
    log_event("stopping", "signal=%s", signum == SIGTERM ? "SIGTERM" : "SIGINT");
    listen_socket_close(&sock);
    loops_stop();
    close_signals();
}

/* The default socket folder under /tmp is ours alone: create it 0700. */
static int prepare_default_dir(const char *sock)
{
    if (paths_make_parents(sock, 0700) < 0) {
        fprintf(stderr, "seekd: cannot create the folder for %s: %s\n", sock, strerror(errno));
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    daemon_config cfg;
    int rc = config_parse(argc, argv, &cfg);
    if (rc)
        return rc > 0 ? 0 : 2;
    /* A client that hangs up mid-answer must cost an EPIPE, not the daemon. */
    signal(SIGPIPE, SIG_IGN);
    if (cfg.socket_is_default && prepare_default_dir(cfg.socket) < 0)
        return 2;

    gazetteer *gaz = NULL;
    char err[512];
    if (gaz_load(cfg.gazetteer, &gaz, err, sizeof err) != SEEK_OK) {
        fprintf(stderr, "seekd: gazetteer: %s\n", err);
        return 2;
    }
    /* Loaded once here, so that a missing dictionary stops the start and no
     * thread pays for loading it on its first query. */
    morph *words = NULL;
    if (morph_new(&words, err, sizeof err) != SEEK_OK) {
        fprintf(stderr, "seekd: %s\n", err);
        gaz_free(gaz);
        return 2;
    }
    if (serve_ctx_init(&serve, cfg.index, gaz, cfg.query_ms) != SEEK_OK) {
        fprintf(stderr, "seekd: out of memory\n");
        morph_free(words);
        gaz_free(gaz);
        return 2;
    }
    serve.total_bound = cfg.total_bound;
    uv_loop_t *loop = uv_default_loop();
    uv_signal_init(loop, &sig_term);
    uv_signal_init(loop, &sig_int);
    uv_signal_init(loop, &sig_hup);
    uv_signal_start(&sig_term, on_signal, SIGTERM);
    uv_signal_start(&sig_int, on_signal, SIGINT);
    uv_signal_start(&sig_hup, on_signal, SIGHUP);
    if (listen_socket_open(&sock, &cfg) < 0 || loops_start(&cfg, &sock, &serve) < 0) {
        listen_socket_close(&sock);
        close_signals();
        uv_run(loop, UV_RUN_DEFAULT);
        uv_loop_close(loop);
        serve_ctx_fini(&serve);
        morph_free(words);
        gaz_free(gaz);
        return 2;
    }
    if (access(cfg.index, R_OK) < 0)
        log_event("warning", "index=%s error=\"no index yet: run seekd-index; queries fail until then\"",
                  cfg.index);
    log_event("listening", "socket=%s index=%s threads=%d entities=%zu pid=%ld",
              sock.activated ? "(systemd)" : cfg.socket, cfg.index, cfg.threads, gaz_count(gaz),
              (long)getpid());
    uv_run(loop, UV_RUN_DEFAULT);
    loops_join();
    if (uv_loop_close(loop) != 0)
        log_event("warning", "error=\"loop closed with live handles\"");
    uv_library_shutdown();
    serve_ctx_fini(&serve);
    morph_free(words);
    gaz_free(gaz);
    log_event("stopped", "socket=%s", cfg.socket);
    return 0;
}
