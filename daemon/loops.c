/* Serving threads. Each owns a loop, its acceptor and its connections; the
 * only cross-thread call is loops_stop, through an async handle per loop. */
#include "loops.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "log.h"

typedef struct loop_thread {
    pthread_t thread;
    uv_loop_t loop;
    uv_async_t stop;
    server srv;
    int started;
} loop_thread;

static loop_thread *threads;
static int nthreads;

static void on_drained(server *s)
{
    loop_thread *t = s->data;
    uv_close((uv_handle_t *)&t->stop, NULL);
}

static void on_stop(uv_async_t *a)
{
    loop_thread *t = a->data;
    server_stop(&t->srv);
}

static void *run(void *arg)
{
    loop_thread *t = arg;
    uv_run(&t->loop, UV_RUN_DEFAULT);
    if (uv_loop_close(&t->loop) != 0)
        log_event("warning", "error=\"loop closed with live handles\"");
    return NULL;
}

static int start_one(loop_thread *t, const daemon_config *cfg, const server_socket *sock)
{
    int rc = uv_loop_init(&t->loop);
    if (rc < 0)
        return rc;
    if ((rc = uv_async_init(&t->loop, &t->stop, on_stop)) < 0) {
        uv_loop_close(&t->loop);
        return rc;
    }
    t->stop.data = t;
    if ((rc = server_start(&t->srv, &t->loop, cfg, sock)) < 0) {
        uv_close((uv_handle_t *)&t->stop, NULL);
        run(t);   /* runs the close callbacks, then closes the loop */
        return rc;
    }
    t->srv.data = t;
    t->srv.on_drained = on_drained;
    if ((rc = pthread_create(&t->thread, NULL, run, t)) != 0) {
        server_stop(&t->srv);   /* no connections yet: drained at once */
        run(t);
        return uv_translate_sys_error(rc);
    }
    t->started = 1;
    return 0;
}

int loops_start(const daemon_config *cfg, const server_socket *sock)
{
    threads = calloc((size_t)cfg->threads, sizeof *threads);
    if (!threads) {
        fprintf(stderr, "seekd: out of memory\n");
        return -1;
    }
    nthreads = cfg->threads;
    for (int i = 0; i < nthreads; i++) {
        int rc = start_one(&threads[i], cfg, sock);
        if (rc < 0) {
            fprintf(stderr, "seekd: cannot start serving thread %d: %s\n", i, uv_strerror(rc));
            loops_stop();
            loops_join();
            return -1;
        }
    }
    return 0;
}

void loops_stop(void)
{
    for (int i = 0; i < nthreads; i++)
        if (threads[i].started)
            uv_async_send(&threads[i].stop);
}

void loops_join(void)
{
    for (int i = 0; i < nthreads; i++)
        if (threads[i].started)
            pthread_join(threads[i].thread, NULL);
    free(threads);
    threads = NULL;
    nthreads = 0;
}
