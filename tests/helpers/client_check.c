/* libseekclient against a real daemon, for e2e/t210: `client_check ids
 * SOCKET QUERY` prints the ids of a search's hits, one per line, read
 * through seek_hit; `client_check check SOCKET` runs the library's checks
 * and prints "ok"/"not ok" lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/seek_client.h"

static int failed;

static void report(int good, const char *what, const char *detail)
{
    printf("%s - %s\n", good ? "ok" : "not ok", what);
    if (!good) {
        failed = 1;
        if (detail)
            printf("#   %s\n", detail);
    }
}

static int print_ids(const char *sock, const char *query)
{
    char err[512];
    seek_client *c = seek_client_connect(sock, 0, err, sizeof err);
    if (!c) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    seek_answer *a = NULL;
    if (seek_client_search(c, query, 0, 10000) == 0)
        a = seek_client_read(c);
    if (!a || !seek_answer_ok(a)) {
        fprintf(stderr, "%s\n", a ? seek_answer_error_message(a) : seek_client_errmsg(c));
        seek_answer_free(a);
        seek_client_close(c);
        return 2;
    }
    seek_hit h;
    for (size_t i = 0; seek_answer_hit(a, i, &h) == 0; i++)
        printf("%s\n", h.id);
    seek_answer_free(a);
    seek_client_close(c);
    return 0;
}

/* Hits of a search answer: ids set, scores positive and not rising. */
static int hits_sane(const seek_answer *a, size_t limit)
{
    size_t n = seek_answer_hit_count(a);
    if (!n || n > limit || seek_answer_number(a, "total", -1) < (double)n)
        return 0;
    seek_hit h, prev = { 0 };
    for (size_t i = 0; i < n; i++) {
        if (seek_answer_hit(a, i, &h) < 0 || !*h.id || !*h.title || h.score <= 0
            || (i && h.score > prev.score + 1e-9))
            return 0;
        prev = h;
    }
    return seek_answer_hit(a, n, &h) == -1;
}

static void run_checks(const char *sock)
{
    char err[512];
    seek_client *c = seek_client_connect(sock, 5000, err, sizeof err);
    report(c != NULL, "connect to the socket named", err);
    if (!c)
        return;

    seek_client_search(c, "rahmon", 0, 3);
    seek_answer *a = seek_client_read(c);
    report(a && seek_answer_ok(a) && hits_sane(a, 3), "search: hits with ids, titles, scores",
           a ? seek_answer_line(a, NULL) : seek_client_errmsg(c));
    seek_answer_free(a);

    /* Five requests before any answer is read: answered in order. */
    int sent = seek_client_search(c, "csto", 0, 2) == 0 && seek_client_stats(c) == 0
               && seek_client_search(c, "rahmon date:2015..2010", 0, 2) == 0
               && seek_client_entity(c, "CSTO") == 0 && seek_client_ping(c) == 0;
    report(sent, "five requests pipelined", seek_client_errmsg(c));
    seek_answer *p[5] = { 0 };
    for (int i = 0; i < 5; i++)
        p[i] = seek_client_read(c);
    report(p[0] && seek_answer_ok(p[0]) && hits_sane(p[0], 2), "pipelined 1: the search",
           p[0] ? seek_answer_line(p[0], NULL) : seek_client_errmsg(c));
    report(p[1] && seek_answer_ok(p[1]) && seek_answer_number(p[1], "docs", 0) > 0
               && seek_answer_string(p[1], "index") && seek_answer_hit_count(p[1]) == 0,
           "pipelined 2: the stats", p[1] ? seek_answer_line(p[1], NULL) : NULL);
    report(p[2] && !seek_answer_ok(p[2]) && seek_answer_error_code(p[2])
               && !strcmp(seek_answer_error_code(p[2]), "bad_query")
               && strstr(seek_answer_error_message(p[2]), "date"),
           "pipelined 3: an error answer, its code and message",
           p[2] ? seek_answer_line(p[2], NULL) : NULL);
    report(p[3] && seek_answer_ok(p[3]) && seek_answer_string(p[3], "name")
               && seek_answer_number(p[3], "docs", 0) > 0,
           "pipelined 4: the entity card", p[3] ? seek_answer_line(p[3], NULL) : NULL);
    report(p[4] && seek_answer_ok(p[4]) && !seek_answer_error_code(p[4]), "pipelined 5: the ping",
           p[4] ? seek_answer_line(p[4], NULL) : NULL);
    for (int i = 0; i < 5; i++)
        seek_answer_free(p[i]);

    const char raw[] = "{\"op\":\"search\",\"q\":\"csto\",\"ids\":true,\"id\":42}";
    seek_client_send(c, raw, sizeof raw - 1);
    a = seek_client_read(c);
    seek_hit h;
    report(a && seek_answer_number(a, "id", 0) == 42 && seek_answer_hit_count(a) > 0
               && seek_answer_hit(a, 0, &h) == 0 && *h.id && !*h.title,
           "a raw request: its id echoed, ids read as hits", a ? seek_answer_line(a, NULL) : NULL);
    seek_answer_free(a);

    report(seek_client_send(c, "{\"op\":\n\"ping\"}", 14) == -1
               && strstr(seek_client_errmsg(c), "newline"),
           "a request holding a newline is refused before it is sent", seek_client_errmsg(c));
    seek_client_close(c);

    setenv("SEEKD_SOCKET", sock, 1);
    char dflt[4096];
    report(seek_client_default_socket(dflt, sizeof dflt) == 0 && !strcmp(dflt, sock),
           "the default socket follows SEEKD_SOCKET", dflt);
    c = seek_client_connect(NULL, 0, err, sizeof err);
    a = c && seek_client_ping(c) == 0 ? seek_client_read(c) : NULL;
    report(a && seek_answer_ok(a), "connect to the default socket", err);
    seek_answer_free(a);
    seek_client_close(c);

    char none[4200];
    snprintf(none, sizeof none, "%s.none", sock);
    c = seek_client_connect(none, 0, err, sizeof err);
    report(!c && strstr(err, "is seekd running"), "no daemon: NULL and a reason", err);
    seek_client_close(c);
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "ids"))
        return print_ids(argv[2], argv[3]);
    if (argc != 3 || strcmp(argv[1], "check")) {
        fprintf(stderr, "usage: client_check check SOCKET | ids SOCKET QUERY\n");
        return 2;
    }
    run_checks(argv[2]);
    return failed;
}
