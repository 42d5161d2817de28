/* The daemon's request handler in-process, with no socket: each phrase of a
 * query file as a search request through handle_request, for profiling the
 * handler alone (valgrind --tool=callgrind counts the same instructions on
 * every run, whatever else the machine is doing; docs/performance.md).
 *
 *   handler_loop INDEX QUERIES.tsv top10|snippets|all|feedback REPEAT [GAZETTEER]
 *
 * Prints the mean time per request over REPEAT passes (after one untimed
 * pass) and the mean answer size. Mode feedback sends each phrase's words
 * unquoted (a ranked top 10, without snippets) twice, with the default
 * pseudo-relevance feedback and with "feedback":false, alternately, and
 * prints both means and their ratio: what feedback costs. Searches count
 * up to the daemon's default --total-bound, or TOTAL_BOUND from the
 * environment (0: every match). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../daemon/config.h"
#include "../daemon/handlers.h"
#include "../daemon/reader.h"
#include "entity/gazetteer.h"

#define MAX_QUERIES 10000

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

/* The search request for one phrase, as loadgen sends it; for modes
 * words and plain, its words, unquoted. */
static char *request(const char *phrase, const char *mode)
{
    int words = strcmp(mode, "words") == 0 || strcmp(mode, "plain") == 0;
    const char *tail = strcmp(mode, "top10") == 0 || strcmp(mode, "words") == 0
                           ? "\"limit\":10,\"snippets\":false"
                       : strcmp(mode, "plain") == 0
                           ? "\"limit\":10,\"snippets\":false,\"feedback\":false"
                       : strcmp(mode, "snippets") == 0 ? "\"limit\":10,\"snippets\":true"
                                                       : "\"limit\":10000,\"ids\":true";
    const char *quote = words ? "" : "\\\"";
    size_t cap = strlen(phrase) * 2 + 128;
    char *r = malloc(cap);
    if (!r)
        return NULL;
    size_t n = (size_t)snprintf(r, cap, "{\"op\":\"search\",\"q\":\"%s", quote);
    for (const char *p = phrase; *p && n + 8 < cap; p++) {
        if (*p == '"' || *p == '\\')
            r[n++] = '\\';
        r[n++] = *p;
    }
    snprintf(r + n, cap - n, "%s\",%s}", quote, tail);
    return r;
}

/* Runs every request once; adds the time taken to *us. 0, or -1 on a
 * failed answer. */
static int pass(serve_ctx *serve, char **reqs, size_t n, double *us, size_t *bytes)
{
    double t0 = now_us();
    for (size_t i = 0; i < n; i++) {
        size_t len;
        char *answer = handle_request(serve, reqs[i], strlen(reqs[i]), &len, NULL, NULL);
        if (!answer || strncmp(answer, "{\"ok\":true", 10) != 0) {
            fprintf(stderr, "handler_loop: %.200s -> %.300s\n", reqs[i],
                    answer ? answer : "no memory");
            return -1;
        }
        *bytes += len;
        free(answer);
    }
    *us += now_us() - t0;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 5 || (strcmp(argv[3], "top10") && strcmp(argv[3], "snippets")
                     && strcmp(argv[3], "all") && strcmp(argv[3], "feedback"))) {
        fprintf(stderr, "usage: handler_loop INDEX QUERIES.tsv top10|snippets|all|feedback "
                        "REPEAT [GAZETTEER]\n");
        return 2;
    }
    int both = strcmp(argv[3], "feedback") == 0;
    gazetteer *gaz = NULL;
    char err[512];
    if (gaz_load(argc > 5 ? argv[5] : "data/gazetteer.tsv", &gaz, err, sizeof err) != SEEK_OK) {
        fprintf(stderr, "handler_loop: gazetteer: %s\n", err);
        return 2;
    }
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 2;
    }
    static char *reqs[MAX_QUERIES], *plain[MAX_QUERIES];
    size_t n = 0, cap = 0;
    char *line = NULL;   /* a line holds the phrase's ids too: any length */
    while (n < MAX_QUERIES && getline(&line, &cap, f) >= 0) {
        line[strcspn(line, "\t\r\n")] = '\0';
        if (!*line)
            continue;
        reqs[n] = request(line, both ? "words" : argv[3]);
        plain[n] = both ? request(line, "plain") : NULL;
        if (!reqs[n++] || (both && !plain[n - 1])) {
            fprintf(stderr, "handler_loop: out of memory\n");
            return 2;
        }
    }
    free(line);
    fclose(f);
    int repeat = atoi(argv[4]);
    if (n == 0 || repeat < 1) {
        fprintf(stderr, "handler_loop: no queries, or REPEAT below 1\n");
        return 2;
    }
    serve_ctx serve;
    if (serve_ctx_init(&serve, argv[1], gaz, 2000) != SEEK_OK) {
        fprintf(stderr, "handler_loop: out of memory\n");
        return 2;
    }
    const char *bound = getenv("TOTAL_BOUND");
    serve.total_bound = bound ? strtoul(bound, NULL, 10) : CONFIG_TOTAL_BOUND;
    double us = 0, plain_us = 0, warm = 0;
    size_t bytes = 0, plain_bytes = 0;
    for (int p = 0; p <= repeat; p++)
        if (pass(&serve, reqs, n, p ? &us : &warm, &bytes) < 0
            || (both && pass(&serve, plain, n, p ? &plain_us : &warm, &plain_bytes) < 0))
            return 1;
    double per = (double)n * repeat;
    if (both)
        printf("requests=%zu feedback_mean_us=%.1f plain_mean_us=%.1f ratio=%.2f\n",
               n * (size_t)repeat, us / per, plain_us / per, us / plain_us);
    else
        printf("requests=%zu mean_us=%.1f answer_bytes=%zu\n", n * (size_t)repeat, us / per,
               bytes / (n * (size_t)(repeat + 1)));
    serve_ctx_fini(&serve);
    for (size_t i = 0; i < n; i++) {
        free(reqs[i]);
        free(plain[i]);
    }
    gaz_free(gaz);
    return 0;
}
