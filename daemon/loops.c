/* Serving threads. Each owns a loop, its acceptor and its connections. Two
 * things cross between threads, each through an async handle per loop:
 * loops_stop, and connections accepted on one loop and placed on another
 * (through the target's inbox). */
#include "loops.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "grow.h"
#include "log.h"

typedef struct loop_thread {
    pthread_t thread;
    uv_loop_t loop;
    uv_async_t stop;
    uv_async_t wake;           /* the inbox has fds */
    pthread_mutex_t inbox_lock;
    int *inbox;                /* accepted fds placed here by other loops */
    size_t ninbox, inbox_cap;
    /* Other loops may push and signal `wake`; cleared under the lock before
     * `wake` closes, so no sender ever touches a closed handle. */
    int inbox_open;
    server srv;
    int ready;                 /* loop, handles and server set up */
    int started;               /* its thread runs */
} loop_thread;

static loop_thread *threads;
static int nthreads;

/* The loop with the fewest live connections, with the new one counted in
 * it; ties go to `self`, so that a balanced daemon never hops. The count
 * must still be the one compared when it is raised: two loops placing at
 * once then see each other's choice, and no loop ends up more than one
 * connection above another when a burst arrives. */
static loop_thread *pick(loop_thread *self)
{
    for (;;) {
        loop_thread *best = self;
        unsigned least = atomic_load(&self->srv.live);
        for (int i = 0; i < nthreads; i++) {
            unsigned n = atomic_load(&threads[i].srv.live);
            if (n < least) {
                best = &threads[i];
                least = n;
            }
        }
        if (atomic_compare_exchange_weak(&best->srv.live, &least, least + 1))
            return best;
    }
}

/* Hands `fd` to t's loop. Returns -1 (fd still the caller's) when t no
 * longer takes any, or on out of memory. */
static int inbox_push(loop_thread *t, int fd)
{
    int rc = -1;
    pthread_mutex_lock(&t->inbox_lock);
    int *grown = t->inbox_open ? grow_to(t->inbox, &t->inbox_cap, t->ninbox + 1,
                                         sizeof *t->inbox, 16)
                               : NULL;
    if (grown) {
        t->inbox = grown;
        t->inbox[t->ninbox++] = fd;
        uv_async_send(&t->wake);   /* under the lock: see inbox_open */
        rc = 0;
    }
    pthread_mutex_unlock(&t->inbox_lock);
    return rc;
}

/* Takes the whole inbox: its fds and their count. */
static int *inbox_take(loop_thread *t, size_t *n)
{
    pthread_mutex_lock(&t->inbox_lock);
    int *fds = t->inbox;
    *n = t->ninbox;
    t->inbox = NULL;
    t->ninbox = t->inbox_cap = 0;
    pthread_mutex_unlock(&t->inbox_lock);
    return fds;
}

static void on_wake(uv_async_t *a)
{
    loop_thread *t = a->data;
    size_t n;
    int *fds = inbox_take(t, &n);
    for (size_t i = 0; i < n; i++)
        server_adopt(&t->srv, fds[i]);
    free(fds);
}

/* No more hand-offs to t; those not yet opened are hung up on, like the
 * connections still in the socket's backlog. */
static void inbox_close(loop_thread *t)
{
    pthread_mutex_lock(&t->inbox_lock);
    int was_open = t->inbox_open;
    t->inbox_open = 0;
    pthread_mutex_unlock(&t->inbox_lock);
    if (!was_open)
        return;
    uv_close((uv_handle_t *)&t->wake, NULL);
    size_t n;
    int *fds = inbox_take(t, &n);
    for (size_t i = 0; i < n; i++) {
        close(fds[i]);
        atomic_fetch_sub(&t->srv.live, 1);
    }
    free(fds);
}

/* server.place: serve on the least busy loop. */
static void place(server *s, int fd)
{
    loop_thread *self = s->data, *t = pick(self);
    if (t != self) {
        if (inbox_push(t, fd) == 0)
            return;
        /* t is stopping (and so will we, in a moment), or no memory. */
        atomic_fetch_sub(&t->srv.live, 1);
        atomic_fetch_add(&self->srv.live, 1);
    }
    server_adopt(s, fd);
}

static void on_drained(server *s)
{
    loop_thread *t = s->data;
    uv_close((uv_handle_t *)&t->stop, NULL);
}

static void stop_here(loop_thread *t)
{
    inbox_close(t);
    server_stop(&t->srv);
}

static void on_stop(uv_async_t *a)
{
    stop_here(a->data);
}

static void *run(void *arg)
{
    loop_thread *t = arg;
    uv_run(&t->loop, UV_RUN_DEFAULT);
    if (uv_loop_close(&t->loop) != 0)
        log_event("warning", "error=\"loop closed with live handles\"");
    return NULL;
}

/* Sets up loop `id` without starting its thread; on failure, leaves
 * nothing behind. */
static int init_one(loop_thread *t, int id, const daemon_config *cfg, const server_socket *sock)
{
    int rc = uv_loop_init(&t->loop);
    if (rc < 0)
        return rc;
    if ((rc = uv_async_init(&t->loop, &t->stop, on_stop)) < 0) {
        uv_loop_close(&t->loop);
        return rc;
    }
    t->stop.data = t;
    if ((rc = uv_async_init(&t->loop, &t->wake, on_wake)) < 0) {
        uv_close((uv_handle_t *)&t->stop, NULL);
        run(t);   /* runs the close callbacks, then closes the loop */
        return rc;
    }
    t->wake.data = t;
    if ((rc = server_start(&t->srv, &t->loop, cfg, sock)) < 0) {
        uv_close((uv_handle_t *)&t->stop, NULL);
        uv_close((uv_handle_t *)&t->wake, NULL);
        run(t);
        return rc;
    }
    t->srv.id = id;
    t->srv.data = t;
    t->srv.place = place;
    t->srv.on_drained = on_drained;
    pthread_mutex_init(&t->inbox_lock, NULL);
    t->inbox_open = 1;
    t->ready = 1;
    return 0;
}

/* Every loop is set up before any thread runs, so that none places a
 * connection on a loop not yet there. */
int loops_start(const daemon_config *cfg, const server_socket *sock)
{
    threads = calloc((size_t)cfg->threads, sizeof *threads);
    if (!threads) {
        fprintf(stderr, "seekd: out of memory\n");
        return -1;
    }
    nthreads = cfg->threads;
    int rc = 0, failed = 0;
    for (int i = 0; i < nthreads && rc == 0; i++)
        if ((rc = init_one(&threads[i], i, cfg, sock)) < 0)
            failed = i;
    for (int i = 0; i < nthreads && rc == 0; i++) {
        int err = pthread_create(&threads[i].thread, NULL, run, &threads[i]);
        threads[i].started = err == 0;
        if (err) {
            rc = uv_translate_sys_error(err);
            failed = i;
        }
    }
    if (rc == 0)
        return 0;
    fprintf(stderr, "seekd: cannot start serving thread %d: %s\n", failed, uv_strerror(rc));
    /* Loops whose thread never ran are stopped and run to the end here. */
    for (int i = 0; i < nthreads; i++)
        if (threads[i].ready && !threads[i].started) {
            stop_here(&threads[i]);
            run(&threads[i]);
        }
    loops_stop();
    loops_join();
    return -1;
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
    /* Only now: a loop still running may lock a finished loop's inbox (to
     * find it closed). */
    for (int i = 0; i < nthreads; i++)
        if (threads[i].ready)
            pthread_mutex_destroy(&threads[i].inbox_lock);
    free(threads);
    threads = NULL;
    nthreads = 0;
}
