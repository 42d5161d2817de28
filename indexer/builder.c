/* A ring of jobs: the submitting thread fills slots at `tail` and writes
 * them back from `head`; building threads take them in order from `next`. */
#include "builder.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RING 64   /* documents in flight: bounds memory */

typedef enum { JOB_QUEUED, JOB_DONE } job_state;

typedef struct job {
    char *idterm, *id, *text, *title, *url, *encoding;
    doc_input in;
    doc_meta meta;
    xap_doc *doc;
    seek_status st;
    job_state state;
} job;

struct builder {
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    job ring[RING];
    size_t head, next, tail;    /* head <= next <= tail, counting submissions */
    int quit;
    pthread_t *threads;
    unsigned nthreads;
    const gazetteer *gaz;
    builder_write_fn write;
    void *ctx;
    seek_status err;            /* the first failure: the run stops */
};

static void job_clear(job *j)
{
    free(j->idterm);
    free(j->id);
    free(j->text);
    free(j->title);
    free(j->url);
    free(j->encoding);
    xap_doc_free(j->doc);
    memset(j, 0, sizeof *j);
}

static void *build_loop(void *arg)
{
    builder *b = arg;
    morph *words = NULL;
    char err[256];
    seek_status stem_st = morph_new(&words, err, sizeof err);
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (!b->quit && b->next == b->tail)
            pthread_cond_wait(&b->work, &b->mu);
        if (b->quit)
            break;
        job *j = &b->ring[b->next++ % RING];
        pthread_mutex_unlock(&b->mu);
        j->st = stem_st == SEEK_OK ? document_build(&j->in, &j->meta, words, b->gaz, &j->doc)
                                   : stem_st;
        pthread_mutex_lock(&b->mu);
        j->state = JOB_DONE;
        pthread_cond_broadcast(&b->done);
    }
    pthread_mutex_unlock(&b->mu);
    morph_free(words);
    return NULL;
}

builder *builder_new(unsigned threads, const gazetteer *gaz, builder_write_fn write, void *ctx)
{
    builder *b = calloc(1, sizeof *b);
    if (!b || !(b->threads = calloc(threads ? threads : 1, sizeof *b->threads))) {
        free(b);
        return NULL;
    }
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->work, NULL);
    pthread_cond_init(&b->done, NULL);
    b->gaz = gaz;
    b->write = write;
    b->ctx = ctx;
    for (unsigned i = 0; i < (threads ? threads : 1); i++) {
        if (pthread_create(&b->threads[i], NULL, build_loop, b) != 0) {
            builder_free(b);
            return NULL;
        }
        b->nthreads++;
    }
    return b;
}

/* Writes the oldest job once it is built; with `wait`, waits for it. Returns
 * 1 when it wrote one, 0 when none was ready. */
static int write_oldest(builder *b, int wait)
{
    pthread_mutex_lock(&b->mu);
    while (wait && b->head < b->tail && b->ring[b->head % RING].state != JOB_DONE)
        pthread_cond_wait(&b->done, &b->mu);
    int ready = b->head < b->tail && b->ring[b->head % RING].state == JOB_DONE;
    pthread_mutex_unlock(&b->mu);
    if (!ready)
        return 0;
    /* A built job is no building thread's business any more. */
    job *j = &b->ring[b->head % RING];
    seek_status st = j->st;
    if (st == SEEK_OK && b->err == SEEK_OK) {
        st = b->write(j->idterm, j->doc, b->ctx);
        j->doc = NULL;  /* the writer's now */
    }
    if (st != SEEK_OK && b->err == SEEK_OK)
        b->err = st;
    job_clear(j);
    pthread_mutex_lock(&b->mu);
    b->head++;
    pthread_mutex_unlock(&b->mu);
    return 1;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

seek_status builder_submit(builder *b, const char *idterm, const doc_input *in,
                           const doc_meta *meta)
{
    while (write_oldest(b, b->tail - b->head == RING))
        ;
    if (b->err != SEEK_OK)
        return b->err;
    job *j = &b->ring[b->tail % RING];
    j->idterm = strdup(idterm);
    j->id = strdup(meta->id);
    j->text = malloc(in->len + 1);
    j->title = dup_or_null(in->title);
    j->url = dup_or_null(in->url);
    j->encoding = dup_or_null(in->encoding);
    if (!j->idterm || !j->id || !j->text || (in->title && !j->title) || (in->url && !j->url)
        || (in->encoding && !j->encoding)) {
        job_clear(j);
        return b->err = SEEK_NOMEM;
    }
    memcpy(j->text, in->text, in->len);
    j->text[in->len] = '\0';
    j->in = *in;
    j->in.text = j->text;
    j->in.title = j->title;
    j->in.url = j->url;
    j->in.encoding = j->encoding;
    j->meta = *meta;
    j->meta.id = j->id;
    j->state = JOB_QUEUED;
    pthread_mutex_lock(&b->mu);
    b->tail++;
    pthread_cond_signal(&b->work);
    pthread_mutex_unlock(&b->mu);
    return SEEK_OK;
}

seek_status builder_finish(builder *b)
{
    while (write_oldest(b, 1))
        ;
    return b->err;
}

void builder_free(builder *b)
{
    if (!b)
        return;
    pthread_mutex_lock(&b->mu);
    b->quit = 1;
    pthread_cond_broadcast(&b->work);
    pthread_mutex_unlock(&b->mu);
    for (unsigned i = 0; i < b->nthreads; i++)
        pthread_join(b->threads[i], NULL);
    for (size_t i = b->head; i < b->tail; i++)
        job_clear(&b->ring[i % RING]);
    pthread_cond_destroy(&b->work);
    pthread_cond_destroy(&b->done);
    pthread_mutex_destroy(&b->mu);
    free(b->threads);
    free(b);
}
