/* The loops and the threads that run them. Each loop (loop.h) owns its
 * acceptor and its connections, and is run by one thread at a time: at
 * first its own serving thread, later maybe a spare one (loops.h). Three things cross
 * between loops, each through an async handle per loop: loops_stop,
 * connections accepted on one loop and placed on another (through the
 * target's inbox), and answers finished by a thread that has left the loop
 * (conn.c). */
#include "loops.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "conn.h"
#include "grow.h"
#include "log.h"
#include "reader.h"

/* What a loop's thread is doing, in one word that the watchdog can swap
 * atomically: RUN_IDLE, RUN_HANDED (the watchdog gave the loop to a spare
 * thread), or a request running: its number on this loop (high half, never
 * 0 nor all ones) and its start in milliseconds (low half). */
#define RUN_IDLE 0
#define RUN_HANDED UINT64_MAX

/* A loop as the threads see it: the loop (loop.h), its libuv loop, what
 * other loops and threads reach it by (stop, its inbox) and the word by
 * which it changes threads. */
typedef struct loop_slot {
    uv_loop_t uv;
    uv_async_t stop;
    uv_async_t wake;           /* the inbox has fds */
    pthread_mutex_t inbox_lock;
    int *inbox;                /* accepted fds placed here by other loops */
    size_t ninbox, inbox_cap;
    /* Other loops may push and signal `wake`; cleared under the lock before
     * `wake` closes, so no sender ever touches a closed handle. */
    int inbox_open;
    loop lp;
    int ready;                 /* libuv loop, handles and loop set up */
    int owned;                 /* a thread runs it or has been given it */
    _Atomic uint64_t run;      /* see RUN_IDLE */
    uint32_t seq;              /* requests begun; read by the running thread only */
    atomic_int tid;            /* the thread running it, for the watchdog */
} loop_slot;

/* A thread: serving threads first (thread i starts on loop i),
 * then the spares. A slot's thread may be replaced (see retire). */
typedef struct pool_thread {
    pthread_t thread;
    loop_slot *first;
    int started;
    int retired;               /* its thread has ended: join and replace it */
} pool_thread;

static loop_slot *loops;
static int nloops;
static pool_thread *pool;
static int npool;

/* The hand-over state, under hand_lock: loops handed over and not yet
 * taken, spare threads waiting for one, loops not finished. */
static pthread_mutex_t hand_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t spare_cond = PTHREAD_COND_INITIALIZER;
static pthread_cond_t watch_cond;   /* on CLOCK_MONOTONIC: see loops_start */
static loop_slot **orphans;
static int norphans, idle_spares, live_loops, nretired;
static pthread_t watchdog;
static int watchdog_started;
static unsigned slow_ms;
static serve_ctx *serve;
/* The watchdog sleeps with no timeout while no request runs anywhere; a
 * thread beginning a request then wakes it (a Dekker pair: the thread
 * stores `run` then reads this, the watchdog stores this then reads every
 * `run`). */
static atomic_int watch_parked;
/* Scans in a row that found no request running before the watchdog
 * parks: about WATCH_QUIET * slow_ms of quiet. */
#define WATCH_QUIET 20

/* The loop with the fewest live connections, with the new one counted in
 * it; ties go to `self`, so that a balanced daemon never hops. The count
 * must still be the one compared when it is raised: two loops placing at
 * once then see each other's choice, and no loop ends up more than one
 * connection above another when a burst arrives. */
static loop_slot *pick(loop_slot *self)
{
    for (;;) {
        loop_slot *best = self;
        unsigned least = atomic_load(&self->lp.live);
        for (int i = 0; i < nloops; i++) {
            unsigned n = atomic_load(&loops[i].lp.live);
            if (n < least) {
                best = &loops[i];
                least = n;
            }
        }
        if (atomic_compare_exchange_weak(&best->lp.live, &least, least + 1))
            return best;
    }
}

/* Hands `fd` to sl's loop. Returns -1 (fd still the caller's) when sl no
 * longer takes any, or on out of memory. */
static int inbox_push(loop_slot *sl, int fd)
{
    int rc = -1;
    pthread_mutex_lock(&sl->inbox_lock);
    int *grown = sl->inbox_open ? grow_to(sl->inbox, &sl->inbox_cap, sl->ninbox + 1,
                                         sizeof *sl->inbox, 16)
                               : NULL;
    if (grown) {
        sl->inbox = grown;
        sl->inbox[sl->ninbox++] = fd;
        uv_async_send(&sl->wake);   /* under the lock: see inbox_open */
        rc = 0;
    }
    pthread_mutex_unlock(&sl->inbox_lock);
    return rc;
}

/* Takes the whole inbox: its fds and their count. */
static int *inbox_take(loop_slot *sl, size_t *n)
{
    pthread_mutex_lock(&sl->inbox_lock);
    int *fds = sl->inbox;
    *n = sl->ninbox;
    sl->inbox = NULL;
    sl->ninbox = sl->inbox_cap = 0;
    pthread_mutex_unlock(&sl->inbox_lock);
    return fds;
}

static void on_wake(uv_async_t *a)
{
    loop_slot *sl = a->data;
    size_t n;
    int *fds = inbox_take(sl, &n);
    for (size_t i = 0; i < n; i++)
        loop_adopt(&sl->lp, fds[i]);
    free(fds);
}

/* No more hand-offs to sl; those not yet opened are hung up on, like the
 * connections still in the socket's backlog. */
static void inbox_close(loop_slot *sl)
{
    pthread_mutex_lock(&sl->inbox_lock);
    int was_open = sl->inbox_open;
    sl->inbox_open = 0;
    pthread_mutex_unlock(&sl->inbox_lock);
    if (!was_open)
        return;
    uv_close((uv_handle_t *)&sl->wake, NULL);
    size_t n;
    int *fds = inbox_take(sl, &n);
    for (size_t i = 0; i < n; i++) {
        close(fds[i]);
        atomic_fetch_sub(&sl->lp.live, 1);
    }
    free(fds);
}

/* loop.place: serve on the least busy loop. */
static void place(loop *lp, int fd)
{
    loop_slot *self = lp->data, *sl = pick(self);
    if (sl != self) {
        if (inbox_push(sl, fd) == 0)
            return;
        /* sl is stopping (and so will we, in a moment), or no memory. */
        atomic_fetch_sub(&sl->lp.live, 1);
        atomic_fetch_add(&self->lp.live, 1);
    }
    loop_adopt(lp, fd);
}

static void on_drained(loop *lp)
{
    loop_slot *sl = lp->data;
    uv_close((uv_handle_t *)&sl->stop, NULL);
}

static void stop_here(loop_slot *sl)
{
    inbox_close(sl);
    loop_stop(&sl->lp);
}

static void on_stop(uv_async_t *a)
{
    stop_here(a->data);
}

static uint32_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint32_t)((uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000);
}

/* loop.request_begin: marks the request as running, for the watchdog. */
static uint64_t request_begin(loop *lp)
{
    loop_slot *sl = lp->data;
    if (++sl->seq == UINT32_MAX)
        sl->seq = 1;
    uint64_t token = (uint64_t)sl->seq << 32 | now_ms();
    atomic_store(&sl->run, token);
    if (atomic_load(&watch_parked)) {
        pthread_mutex_lock(&hand_lock);
        pthread_cond_signal(&watch_cond);
        pthread_mutex_unlock(&hand_lock);
    }
    return token;
}

/* loop.request_end: whether this thread still runs the loop. */
static int request_end(loop *lp, uint64_t token)
{
    loop_slot *sl = lp->data;
    return atomic_compare_exchange_strong(&sl->run, &token, RUN_IDLE);
}

/* Hands sl over to a spare thread, if one waits, while its thread runs the
 * request `r`. Under hand_lock. */
static void hand_over(loop_slot *sl, uint64_t r, pid_t tid);

/* loop.request_heavy: a request likely to run long hands its loop over
 * at once, rather than after slow_ms. By its own token: if the watchdog
 * has handed the loop over already, a spare may run the loop's next
 * request, which must stay where it is. */
static void request_heavy(loop *lp, uint64_t token)
{
    loop_slot *sl = lp->data;
    pthread_mutex_lock(&hand_lock);
    hand_over(sl, token, 0);
    pthread_mutex_unlock(&hand_lock);
}

/* The loop has ended: no handle left. */
static void loop_finished(loop_slot *sl)
{
    if (uv_loop_close(&sl->uv) != 0)
        log_event("warning", "error=\"loop closed with live handles\"");
    pthread_mutex_lock(&hand_lock);
    if (--live_loops == 0) {
        pthread_cond_broadcast(&spare_cond);
        pthread_cond_signal(&watch_cond);
    }
    pthread_mutex_unlock(&hand_lock);
}

/* A thread left running a slow request gives way to the loops' threads:
 * its nice value is raised to the highest, 19, for the rest of its life,
 * so that a woken loop thread preempts it and it gets a small share of the
 * CPU while the loops are busy, and all of a core nobody else wants. Not
 * SCHED_IDLE: it may hold a lock a loop's thread waits for (the shared
 * Russian dictionary's) and must still get its turn. Lowering a nice value
 * again needs a privilege, so such a thread serves no loop later: it
 * retires once its request is done, and the watchdog starts a new spare in
 * its place. */
#define SLOW_NICE 19

static void demote(pid_t tid)
{
    (void)setpriority(PRIO_PROCESS, (id_t)tid, SLOW_NICE);
}

/* Runs sl's loop on this thread until the loop ends (returns 0) or is
 * handed to another thread while a request runs (returns 1). Requests are
 * answered between turns of the loop, so that this thread is never inside
 * libuv when it lets go. */
static int drive(loop_slot *sl)
{
    atomic_store(&sl->tid, (int)syscall(SYS_gettid));
    atomic_store(&sl->run, RUN_IDLE);
    for (;;) {
        int more = uv_run(&sl->uv, sl->lp.ready_head ? UV_RUN_NOWAIT : UV_RUN_ONCE);
        if (conn_run_ready(&sl->lp) < 0)
            return 1;
        if (!more && !sl->lp.ready_head) {
            loop_finished(sl);
            return 0;
        }
    }
}

/* Waits for a loop handed over; NULL once every loop has finished. */
static loop_slot *take_orphan(void)
{
    pthread_mutex_lock(&hand_lock);
    idle_spares++;
    while (!norphans && live_loops > 0)
        pthread_cond_wait(&spare_cond, &hand_lock);
    idle_spares--;
    loop_slot *sl = norphans ? orphans[--norphans] : NULL;
    pthread_mutex_unlock(&hand_lock);
    return sl;
}

/* This thread's request was slow and its loop went to another thread:
 * it frees its reader and leaves its slot to be refilled (demote). */
static void retire(pool_thread *p)
{
    reader_release(serve);
    pthread_mutex_lock(&hand_lock);
    p->retired = 1;
    nretired++;
    pthread_cond_signal(&watch_cond);
    pthread_mutex_unlock(&hand_lock);
}

static void *run(void *arg)
{
    pool_thread *p = arg;
    loop_slot *sl = p->first;
    p->first = NULL;   /* a thread refilling the slot starts as a spare */
    /* The thread's reader (word-form reader, freshness watch) is made now
     * rather than by its first request: a spare thread's first request is
     * the one it takes over from a slow one, and should not wait for it. */
    (void)reader_self(serve);
    for (;;) {
        if (!sl && !(sl = take_orphan()))
            break;
        if (drive(sl)) {
            retire(p);
            break;
        }
        sl = NULL;
    }
    return NULL;
}

/* Joins the threads that retired and, while loops run, starts a spare in
 * each one's slot; a slot that cannot be refilled stays empty (one spare
 * fewer). Under hand_lock, which a retiring thread releases before it ends. */
static void refill(void)
{
    for (int i = 0; nretired > 0 && i < npool; i++) {
        if (!pool[i].retired)
            continue;
        pthread_join(pool[i].thread, NULL);
        pool[i].retired = 0;
        nretired--;
        pool[i].started = live_loops > 0
                          && pthread_create(&pool[i].thread, NULL, run, &pool[i]) == 0;
        if (live_loops > 0 && !pool[i].started)
            log_event("warning", "error=\"cannot start a spare thread\"");
    }
}

/* Hands over every loop whose request has run past slow_ms, while spare
 * threads wait. Returns whether some request is running. Under hand_lock. */
static int scan(void)
{
    uint32_t now = now_ms();
    int running = 0;
    for (int i = 0; i < nloops; i++) {
        loop_slot *sl = &loops[i];
        uint64_t r = atomic_load(&sl->run);
        if (r == RUN_IDLE || r == RUN_HANDED)
            continue;
        running = 1;
        if ((uint32_t)(now - (uint32_t)r) >= slow_ms)
            hand_over(sl, r, (pid_t)atomic_load(&sl->tid));
    }
    return running;
}

static void hand_over(loop_slot *sl, uint64_t r, pid_t tid)
{
    if (r == RUN_IDLE || r == RUN_HANDED || idle_spares <= norphans
        || !atomic_compare_exchange_strong(&sl->run, &r, RUN_HANDED))
        return;
    demote(tid ? tid : (pid_t)syscall(SYS_gettid));
    orphans[norphans++] = sl;
    pthread_cond_signal(&spare_cond);
}

static void *watch(void *arg)
{
    (void)arg;
    /* A request is handed over between slow_ms and twice that after it
     * began; a shorter period would only wake the watchdog more often. */
    unsigned period = slow_ms;
    int quiet = 0;
    pthread_mutex_lock(&hand_lock);
    while (live_loops > 0) {
        refill();
        if (scan()) {
            quiet = 0;
        } else if (++quiet >= WATCH_QUIET) {
            atomic_store(&watch_parked, 1);
            if (!scan() && !nretired && live_loops > 0)
                pthread_cond_wait(&watch_cond, &hand_lock);
            atomic_store(&watch_parked, 0);
            quiet = 0;
            continue;
        }
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += (long)period * 1000000;
        until.tv_sec += until.tv_nsec / 1000000000;
        until.tv_nsec %= 1000000000;
        pthread_cond_timedwait(&watch_cond, &hand_lock, &until);
    }
    refill();   /* joins those retired by now; later ones loops_join joins */
    pthread_mutex_unlock(&hand_lock);
    return NULL;
}

/* Sets up loop `id` without starting its thread; on failure, leaves
 * nothing behind. */
static int init_one(loop_slot *sl, int id, const daemon_config *cfg, const listen_socket *sock,
                    serve_ctx *sc)
{
    int rc = uv_loop_init(&sl->uv);
    if (rc < 0)
        return rc;
    if ((rc = uv_async_init(&sl->uv, &sl->stop, on_stop)) < 0) {
        uv_loop_close(&sl->uv);
        return rc;
    }
    sl->stop.data = sl;
    if ((rc = uv_async_init(&sl->uv, &sl->wake, on_wake)) < 0) {
        uv_close((uv_handle_t *)&sl->stop, NULL);
        uv_run(&sl->uv, UV_RUN_DEFAULT);   /* runs the close callback */
        uv_loop_close(&sl->uv);
        return rc;
    }
    sl->wake.data = sl;
    if ((rc = loop_start(&sl->lp, &sl->uv, cfg, sock)) < 0) {
        uv_close((uv_handle_t *)&sl->stop, NULL);
        uv_close((uv_handle_t *)&sl->wake, NULL);
        uv_run(&sl->uv, UV_RUN_DEFAULT);
        uv_loop_close(&sl->uv);
        return rc;
    }
    sl->lp.id = id;
    sl->lp.serve = sc;
    sl->lp.data = sl;
    sl->lp.place = place;
    sl->lp.on_drained = on_drained;
    if (cfg->spare_threads > 0) {
        sl->lp.request_begin = request_begin;
        sl->lp.request_end = request_end;
        sl->lp.request_heavy = request_heavy;
    }
    atomic_init(&sl->run, RUN_IDLE);
    pthread_mutex_init(&sl->inbox_lock, NULL);
    sl->inbox_open = 1;
    sl->ready = 1;
    return 0;
}

static int init_watch_cond(void)
{
    pthread_condattr_t a;
    if (pthread_condattr_init(&a) != 0)
        return -1;
    int rc = pthread_condattr_setclock(&a, CLOCK_MONOTONIC) == 0
             && pthread_cond_init(&watch_cond, &a) == 0 ? 0 : -1;
    pthread_condattr_destroy(&a);
    return rc;
}

/* Every loop is set up before any thread runs, so that none places a
 * connection on a loop not yet there. */
int loops_start(const daemon_config *cfg, const listen_socket *sock, serve_ctx *sc)
{
    serve = sc;
    nloops = cfg->threads;
    npool = cfg->threads + cfg->spare_threads;
    slow_ms = cfg->slow_ms;
    loops = calloc((size_t)nloops, sizeof *loops);
    pool = calloc((size_t)npool, sizeof *pool);
    orphans = calloc((size_t)nloops, sizeof *orphans);
    if (!loops || !pool || !orphans || init_watch_cond() < 0) {
        fprintf(stderr, "seekd: out of memory\n");
        free(loops);
        free(pool);
        free(orphans);
        loops = NULL;
        nloops = npool = 0;
        return -1;
    }
    int rc = 0, failed = 0;
    for (int i = 0; i < nloops && rc == 0; i++)
        if ((rc = init_one(&loops[i], i, cfg, sock, sc)) < 0)
            failed = i;
    for (int i = 0; i < nloops; i++)
        live_loops += loops[i].ready;
    for (int i = 0; i < npool && rc == 0; i++) {
        pool[i].first = i < nloops ? &loops[i] : NULL;
        int err = pthread_create(&pool[i].thread, NULL, run, &pool[i]);
        pool[i].started = err == 0;
        if (i < nloops)
            loops[i].owned = err == 0;
        if (err) {
            rc = uv_translate_sys_error(err);
            failed = i;
        }
    }
    if (rc == 0 && cfg->spare_threads > 0) {
        int err = pthread_create(&watchdog, NULL, watch, NULL);
        watchdog_started = err == 0;
        if (err) {
            rc = uv_translate_sys_error(err);
            failed = npool;
        }
    }
    if (rc == 0)
        return 0;
    fprintf(stderr, "seekd: cannot start serving thread %d: %s\n", failed, uv_strerror(rc));
    /* Loops no thread was given are stopped and run to the end here. */
    for (int i = 0; i < nloops; i++)
        if (loops[i].ready && !loops[i].owned) {
            stop_here(&loops[i]);
            (void)drive(&loops[i]);
        }
    loops_stop();
    loops_join();
    return -1;
}

void loops_stop(void)
{
    for (int i = 0; i < nloops; i++)
        if (loops[i].owned)
            uv_async_send(&loops[i].stop);
}

void loops_join(void)
{
    /* The watchdog first: until it ends, it may refill a slot. */
    if (watchdog_started)
        pthread_join(watchdog, NULL);
    watchdog_started = 0;
    for (int i = 0; i < npool; i++)
        if (pool[i].started)
            pthread_join(pool[i].thread, NULL);
    /* Only now: a loop still running may lock a finished loop's inbox (to
     * find it closed). */
    for (int i = 0; i < nloops; i++)
        if (loops[i].ready)
            pthread_mutex_destroy(&loops[i].inbox_lock);
    pthread_cond_destroy(&watch_cond);
    free(loops);
    free(pool);
    free(orphans);
    loops = NULL;
    pool = NULL;
    orphans = NULL;
    nloops = npool = 0;
}
