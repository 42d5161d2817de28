/* seek: the command-line client. Builds one request from its arguments,
 * sends it, and prints the answer for people, or unchanged with --json.
 * Exit 0 with hits, 1 without, 2 on any error. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>

#include "paths.h"
#include "render.h"
#include "talk.h"

enum { EXIT_HITS = 0, EXIT_NO_HITS = 1, EXIT_ERROR = 2 };

typedef struct options {
    char socket[4096];
    int json, no_snippets, stats, ping, ids;
    long limit, offset;
    double timeout;
} options;

static void usage(FILE *f)
{
    fputs("usage: seek [options] QUERY...\n"
          "       seek --stats | --ping\n"
          "Searches the seekd index. QUERY: words (all required, stemmed), \"exact phrases\",\n"
          "OR, AND, NOT or -word, parentheses.\n"
          "  --socket PATH   the daemon's socket (default: $SEEKD_SOCKET, ...)\n"
          "  --json          print the daemon's answer line unchanged\n"
          "  --limit N       hits to show (default 10, at most 10000)\n"
          "  --offset N      skip the first N hits\n"
          "  --no-snippets   leave snippets out\n"
          "  --ids           print matching ids only, one per line\n"
          "  --stats         print index statistics\n"
          "  --ping          check that the daemon answers\n"
          "  --timeout SECS  give up after this long (default 30)\n"
          "Exit: 0 hits found, 1 no hits, 2 error.\n", f);
}

static int number(const char *s, long *out, const char *flag)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < 0) {
        fprintf(stderr, "seek: %s takes a whole number, not '%s'\n", flag, s);
        return -1;
    }
    *out = v;
    return 0;
}

static int parse_args(int argc, char **argv, options *o)
{
    static const struct option longs[] = {
        { "socket", required_argument, 0, 's' }, { "json", no_argument, 0, 'j' },
        { "limit", required_argument, 0, 'n' }, { "offset", required_argument, 0, 'o' },
        { "no-snippets", no_argument, 0, 'S' }, { "stats", no_argument, 0, 't' },
        { "ping", no_argument, 0, 'p' }, { "ids", no_argument, 0, 'I' },
        { "timeout", required_argument, 0, 'T' }, { "help", no_argument, 0, 'h' },
        { 0, 0, 0, 0 },
    };
    memset(o, 0, sizeof *o);
    o->limit = 10;
    o->timeout = 30;
    if (paths_socket(o->socket, sizeof o->socket) < 0) {
        fprintf(stderr, "seek: default socket path too long\n");
        return -1;
    }
    int c;
    /* "+" stops at the first query word, so a query like "-word" still works after "--". */
    while ((c = getopt_long(argc, argv, "+s:jn:o:h", longs, NULL)) != -1) {
        switch (c) {
        case 's':
            if (snprintf(o->socket, sizeof o->socket, "%s", optarg) >= (int)sizeof o->socket) {
                fprintf(stderr, "seek: --socket path too long\n");
                return -1;
            }
            break;
        case 'j': o->json = 1; break;
        case 'n': if (number(optarg, &o->limit, "--limit") < 0) return -1; break;
        case 'o': if (number(optarg, &o->offset, "--offset") < 0) return -1; break;
        case 'S': o->no_snippets = 1; break;
        case 't': o->stats = 1; break;
        case 'p': o->ping = 1; break;
        case 'I': o->ids = 1; o->no_snippets = 1; break;
        case 'T':
            o->timeout = strtod(optarg, NULL);
            if (o->timeout <= 0) {
                fprintf(stderr, "seek: --timeout takes a positive number of seconds\n");
                return -1;
            }
            break;
        case 'h': usage(stdout); exit(0);
        default: usage(stderr); return -1;
        }
    }
    if (!o->stats && !o->ping && optind >= argc) {
        fprintf(stderr, "seek: no query given\n");
        usage(stderr);
        return -1;
    }
    return 0;
}

static char *join_words(int argc, char **argv)
{
    size_t n = 1;
    for (int i = 0; i < argc; i++)
        n += strlen(argv[i]) + 1;
    char *q = malloc(n);
    if (!q)
        return NULL;
    q[0] = '\0';
    for (int i = 0; i < argc; i++) {
        if (i)
            strcat(q, " ");
        strcat(q, argv[i]);
    }
    return q;
}

static json_t *build_request(const options *o, int argc, char **argv)
{
    if (o->ping)
        return json_pack("{s:s}", "op", "ping");
    if (o->stats)
        return json_pack("{s:s}", "op", "stats");
    char *q = join_words(argc, argv);
    if (!q)
        return NULL;
    json_t *req = json_pack("{s:s,s:s,s:I,s:I,s:b}", "op", "search", "q", q,
                            "limit", (json_int_t)o->limit, "offset", (json_int_t)o->offset,
                            "snippets", !o->no_snippets);
    if (!req)
        fprintf(stderr, "seek: the query is not valid UTF-8\n");
    free(q);
    return req;
}

int main(int argc, char **argv)
{
    options o;
    if (parse_args(argc, argv, &o) < 0)
        return EXIT_ERROR;
    json_t *req = build_request(&o, argc - optind, argv + optind);
    if (!req)
        return EXIT_ERROR;
    char *line = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    char err[512];
    char *answer = line ? talk(o.socket, line, strlen(line), (int)(o.timeout * 1000), err, sizeof err)
                        : NULL;
    free(line);
    if (!answer) {
        fprintf(stderr, "seek: %s\n", err);
        return EXIT_ERROR;
    }
    json_error_t jerr;
    json_t *ans = json_loads(answer, 0, &jerr);
    int rc = EXIT_ERROR;
    if (!ans || !json_is_object(ans)) {
        fprintf(stderr, "seek: the daemon's answer is not a JSON object\n");
    } else if (!json_is_true(json_object_get(ans, "ok"))) {
        json_t *e = json_object_get(ans, "error");
        const char *msg = json_string_value(json_object_get(e, "message"));
        const char *code = json_string_value(json_object_get(e, "code"));
        if (o.json)
            puts(answer);
        fprintf(stderr, "seek: %s (%s)\n", msg ? msg : "error", code ? code : "?");
    } else {
        if (o.json)
            puts(answer);
        else if (o.ping)
            puts("ok");
        else if (o.stats)
            render_stats(stdout, ans);
        else
            render_hits(stdout, ans, isatty(STDOUT_FILENO) && !getenv("NO_COLOR"), o.ids);
        rc = (o.ping || o.stats || json_array_size(json_object_get(ans, "hits"))) ? EXIT_HITS
                                                                               : EXIT_NO_HITS;
    }
    json_decref(ans);
    free(answer);
    return rc;
}
