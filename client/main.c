/* seek: the command-line client. Builds one request from its arguments,
 * sends it, and prints the answer for people, or unchanged with --json.
 * Exit 0 with hits, 1 without, 2 on any error. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <jansson.h>

#include "client/seek_client.h"
#include "proto/answer.h"
#include "proto/jw.h"
#include "proto/request.h"
#include "health.h"
#include "render.h"
#include "text/visible.h"
#include "timeline.h"

enum { EXIT_HITS = 0, EXIT_NO_HITS = 1, EXIT_ERROR = 2 };

typedef struct options {
    char socket[4096];
    int json, no_snippets, stats, ping, ids, facets, entities, limit_set, timeline, explain;
    int health, exact_total;
    double max_age;      /* --max-age SECS with --health; negative: not given */
    const char *entity, *type, *prefix, *sort, *doc, *similar;
    long limit, offset;
    double timeout;
} options;

static void usage(FILE *f)
{
    fputs("usage: seek [options] QUERY...\n"
          "       seek --explain QUERY... [--doc ID] | --similar ID [QUERY...]\n"
          "       seek --entity NAME | --entities [--type T] [--prefix P] | --stats | --ping\n"
          "       seek --health [--max-age SECS]\n"
          "Searches the seekd index. QUERY: words (stemmed; stop words optional; when no\n"
          "document has them all, those having some), \"exact phrases\", \"a b\"~N, OR, AND,\n"
          "NOT or -word, +word, =word, word*, a NEAR b, a NEAR/N b, a ADJ/N b, parentheses,\n"
          "person:NAME, org:NAME, place:NAME, entity:NAME (NAME a word, a \"quoted name\"\n"
          "or a (list)), title:WORD, title:\"phrase\", date:2015-09, date:2010..2015,\n"
          "published:2017 (the document's own date only).\n"
          "  --socket PATH   the daemon's socket (default: $SEEKD_SOCKET, ...)\n"
          "  --json          print the daemon's answer line unchanged\n"
          "  --limit N       hits to show (default 10, at most 10000; 0: count them only)\n"
          "  --offset N      skip the first N hits\n"
          "  --no-snippets   leave snippets out\n"
          "  --ids           print matching ids only, one per line\n"
          "  --exact-total   count every match (by default, past 10,000 the count says\n"
          "                  \"at least\")\n"
          "  --facets        also list the top people, organizations, places and years\n"
          "  --sort ORDER    relevance (default), newest or oldest first (by the\n"
          "                  documents' own dates; undated ones last)\n"
          "  --timeline      draw how many matching documents each month (or year) has,\n"
          "                  by their own date and by the dates they mention\n"
          "  --explain       how the query is read and ranked (with --doc ID: that\n"
          "                  document's score, term by term)\n"
          "  --similar ID    the documents most like document ID (a QUERY filters them)\n"
          "  --entity NAME   the entity card: aliases, documents, what it appears with\n"
          "  --entities      list indexed entities by document count (--type, --prefix)\n"
          "  --type T        with --entity/--entities: person, org, place or name\n"
          "  --prefix P      with --entities: names starting with P\n"
          "  --stats         print index statistics\n"
          "  --health        whether the index can be read, how old it is, how its last\n"
          "                  run went; exit 0 healthy, 1 degraded, 2 unreadable\n"
          "  --max-age SECS  with --health: an index committed longer ago is degraded\n"
          "  --ping          check that the daemon answers (not that the index can be read)\n"
          "  --timeout SECS  give up after this long (default 30; 0: no limit)\n"
          "Exit: 0 hits found, 1 no hits, 2 error.\n", f);
}

/* The proto_sort a --sort value names, or -1. */
static int sort_of(const char *name)
{
    for (int i = 0; name && proto_sort_name((proto_sort)i); i++)
        if (!strcmp(name, proto_sort_name((proto_sort)i)))
            return i;
    return -1;
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
        { "facets", no_argument, 0, 'F' }, { "entity", required_argument, 0, 'E' },
        { "entities", no_argument, 0, 'L' }, { "type", required_argument, 0, 'y' },
        { "prefix", required_argument, 0, 'P' }, { "sort", required_argument, 0, 'O' },
        { "timeline", no_argument, 0, 'l' },
        { "prefix", required_argument, 0, 'P' }, { "explain", no_argument, 0, 'X' },
        { "doc", required_argument, 0, 'D' }, { "similar", required_argument, 0, 'M' },
        { "health", no_argument, 0, 'H' }, { "max-age", required_argument, 0, 'A' },
        { "exact-total", no_argument, 0, 'C' },
        { 0, 0, 0, 0 },
    };
    memset(o, 0, sizeof *o);
    o->limit = 10;
    o->timeout = 30;
    o->max_age = -1;
    if (seek_client_default_socket(o->socket, sizeof o->socket) < 0) {
        fprintf(stderr, "seek: default socket path too long\n");
        return -1;
    }
    int c;
    /* Options may follow the query words; a query starting with "-word" goes after "--". */
    while ((c = getopt_long(argc, argv, "s:jn:o:h", longs, NULL)) != -1) {
        switch (c) {
        case 's':
            if (snprintf(o->socket, sizeof o->socket, "%s", optarg) >= (int)sizeof o->socket) {
                fprintf(stderr, "seek: --socket path too long\n");
                return -1;
            }
            break;
        case 'j': o->json = 1; break;
        case 'n':
            if (number(optarg, &o->limit, "--limit") < 0)
                return -1;
            o->limit_set = 1;
            break;
        case 'o': if (number(optarg, &o->offset, "--offset") < 0) return -1; break;
        case 'S': o->no_snippets = 1; break;
        case 't': o->stats = 1; break;
        case 'p': o->ping = 1; break;
        case 'I': o->ids = 1; o->no_snippets = 1; break;
        case 'F': o->facets = 1; break;
        case 'C': o->exact_total = 1; break;
        case 'E': o->entity = optarg; break;
        case 'L': o->entities = 1; break;
        case 'y': o->type = optarg; break;
        case 'P': o->prefix = optarg; break;
        case 'l': o->timeline = 1; break;
        case 'O':
            if (sort_of(optarg) < 0) {
                fprintf(stderr, "seek: --sort takes relevance, newest or oldest, not '%s'\n", optarg);
                return -1;
            }
            o->sort = optarg;
            break;
        case 'H': o->health = 1; break;
        case 'A': {
            char *end;
            o->max_age = strtod(optarg, &end);
            if (end == optarg || *end || !(o->max_age >= 0)) {
                fprintf(stderr, "seek: --max-age takes a number of seconds, not '%s'\n", optarg);
                return -1;
            }
            break;
        }
        case 'X': o->explain = 1; break;
        case 'D': o->doc = optarg; break;
        case 'M': o->similar = optarg; break;
        case 'T': {
            char *end;
            o->timeout = strtod(optarg, &end);
            if (end == optarg || *end || !(o->timeout >= 0 && o->timeout <= 86400)) {
                fprintf(stderr, "seek: --timeout takes a number of seconds from 0 (no limit) "
                                "to 86400, not '%s'\n", optarg);
                return -1;
            }
            break;
        }
        case 'h': usage(stdout); exit(0);
        default: usage(stderr); return -1;
        }
    }
    if (o->doc && !o->explain) {
        fprintf(stderr, "seek: --doc goes with --explain\n");
        return -1;
    }
    if (o->max_age >= 0 && !o->health) {
        fprintf(stderr, "seek: --max-age goes with --health\n");
        return -1;
    }
    /* An option another kind of request would leave unused is an error,
     * not silently dropped. */
    if (o->type && !o->entity && !o->entities) {
        fprintf(stderr, "seek: --type goes with --entity or --entities\n");
        return -1;
    }
    if (o->prefix && !o->entities) {
        fprintf(stderr, "seek: --prefix goes with --entities\n");
        return -1;
    }
    if ((o->facets || o->sort || o->timeline)
        && (o->explain || o->similar || o->entity || o->entities || o->stats || o->ping || o->health)) {
        fprintf(stderr, "seek: --facets, --sort and --timeline go with a search\n");
        return -1;
    }
    if (!o->stats && !o->ping && !o->health && !o->entity && !o->entities && !o->similar && optind >= argc) {
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
        return proto_ask_json(&PROTO_ASK(PROTO_PING));
    if (o->stats)
        return proto_ask_json(&PROTO_ASK(PROTO_STATS));
    if (o->health) {
        json_t *req = json_pack("{s:s}", "op", "health");
        if (req && o->max_age >= 0)
            json_object_set_new(req, "max_age", json_real(o->max_age));
        return req;
    }
    proto_ask a = PROTO_ASK(PROTO_ENTITY);
    if (o->entity) {
        a.name = o->entity;
        a.type = o->type;
        a.limit = o->limit;
        return proto_ask_json(&a);
    }
    if (o->entities) {
        a.op = PROTO_ENTITIES;
        a.type = o->type;
        a.prefix = o->prefix;
        a.limit = o->limit_set ? o->limit : 20;
        return proto_ask_json(&a);
    }
    char *q = join_words(argc, argv);
    if (!q)
        return NULL;
    if (o->similar) {
        a.op = PROTO_SIMILAR;
        a.doc = o->similar;
        a.q = *q ? q : NULL;
        a.limit = o->limit;
        a.offset = o->offset;
        a.ids = o->ids ? 1 : -1;
    } else if (o->explain) {
        a.op = PROTO_EXPLAIN;
        a.q = q;
        a.doc = o->doc;
    } else {
        a.op = PROTO_SEARCH;
        a.q = q;
        a.limit = o->limit;
        a.offset = o->offset;
        a.snippets = !o->no_snippets;
        a.ids = o->ids ? 1 : -1;
        a.exact_total = o->exact_total ? 1 : -1;
        a.sort = sort_of(o->sort);
        if (o->facets)
            a.facets = PROTO_FACET_PERSON | PROTO_FACET_ORG | PROTO_FACET_PLACE | PROTO_FACET_DATE;
        if (o->timeline) {
            /* The counts alone: no hits to fetch. */
            a.facets = PROTO_FACET_MONTH | PROTO_FACET_YEAR;
            a.limit = 0;
            a.snippets = 0;
        }
    }
    json_t *req = proto_ask_json(&a);
    free(q);
    return req;
}

/* The answer line as it came, but for the C1 controls, DEL and U+2028 and
 * U+2029 that a daemon of an older version may have left raw in it (the
 * line parsed as JSON, so it holds no other control character). */
static void put_json(const char *answer)
{
    size_t n;
    char *safe = jw_safe_json(answer, strlen(answer), &n);
    puts(safe ? safe : answer);
    free(safe);
}

/* Columns to draw in: the terminal's, else $COLUMNS, else 80. */
static int terminal_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    int n = c ? atoi(c) : 0;
    return n >= 20 && n <= 1000 ? n : 80;
}

int main(int argc, char **argv)
{
    options o;
    if (parse_args(argc, argv, &o) < 0)
        return EXIT_ERROR;
    json_t *req = build_request(&o, argc - optind, argv + optind);
    if (!req) {
        /* json_pack refuses only strings that are not UTF-8 (or no memory). */
        fprintf(stderr, "seek: the query and names must be valid UTF-8\n");
        return EXIT_ERROR;
    }
    char *line = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    char err[512] = "out of memory";
    /* --timeout 0: no limit (the library takes 0 for its default, so the
     * longest poll() wait stands for none); a fraction of a millisecond
     * still waits one. */
    int ms = o.timeout == 0 ? INT_MAX : o.timeout < 0.001 ? 1 : (int)(o.timeout * 1000);
    seek_client *c = line ? seek_client_connect(o.socket, ms, err, sizeof err) : NULL;
    /* A refused connection is answered even when the send fails. */
    seek_answer *a = NULL;
    if (c) {
        (void)seek_client_send(c, line, strlen(line));
        if (!(a = seek_client_read(c)))
            snprintf(err, sizeof err, "%s", seek_client_errmsg(c));
        seek_client_close(c);
    }
    free(line);
    if (!a) {
        fprintf(stderr, "seek: %s\n", err);
        return EXIT_ERROR;
    }
    const char *answer = seek_answer_line(a, NULL);
    json_error_t jerr;
    json_t *ans = json_loads(answer, 0, &jerr);
    int rc = EXIT_ERROR;
    if (!ans || !json_is_object(ans)) {
        fprintf(stderr, "seek: the daemon's answer is not a JSON object\n");
    } else if (!json_is_true(json_object_get(ans, PROTO_A_OK))) {
        json_t *e = json_object_get(ans, PROTO_A_ERROR);
        const char *msg = json_string_value(json_object_get(e, PROTO_A_MESSAGE));
        const char *code = json_string_value(json_object_get(e, PROTO_A_CODE));
        if (o.json)
            put_json(answer);
        fputs("seek: ", stderr);
        text_fputs_visible(stderr, msg ? msg : "error");
        fputs(" (", stderr);
        text_fputs_visible(stderr, code ? code : "?");
        fputs(")\n", stderr);
    } else {
        int color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
        if (o.json)
            put_json(answer);
        else if (o.ping)
            puts("ok");
        else if (o.stats) {
            render_stats(stdout, ans);
            render_sources(stdout, ans);
        } else if (o.health)
            render_health(stdout, ans);
        else if (o.entity)
            render_entity(stdout, ans, color);
        else if (o.entities)
            render_entities(stdout, ans);
        else if (o.timeline)
            render_timeline(stdout, ans, terminal_width(), isatty(STDOUT_FILENO));
        else if (o.explain)
            render_explain(stdout, ans);
        else if (o.similar && !json_is_true(json_object_get(ans, PROTO_A_FOUND))) {
            fputs("seek: no document ", stderr);
            text_fputs_visible(stderr, o.similar);
            fputs(" in the index\n", stderr);
        }
        else
            render_hits(stdout, ans, color, o.ids);
        if (!o.json && !o.ping && !o.stats && !o.health && !o.entity && !o.entities)
            render_notes(stderr, ans);
        const char *dym = json_string_value(json_object_get(ans, PROTO_A_SUGGESTION));
        if (dym && !o.json) {
            fputs("did you mean: ", stderr);
            text_fputs_visible(stderr, dym);
            fputc('\n', stderr);
        }
        int found = o.entity ? json_is_true(json_object_get(ans, PROTO_A_FOUND))
                  : o.entities ? json_array_size(json_object_get(ans, PROTO_A_ENTITIES)) > 0
                  : o.ping || o.stats || o.explain
                    || ((o.timeline || (o.limit_set && o.limit == 0))
                        && json_integer_value(json_object_get(ans, PROTO_A_TOTAL)) > 0)
                    || json_array_size(json_object_get(ans, o.ids ? PROTO_A_IDS : PROTO_A_HITS)) > 0;
        rc = found ? EXIT_HITS : EXIT_NO_HITS;
        if (o.health)
            rc = health_verdict(ans);
    }
    json_decref(ans);
    seek_answer_free(a);
    return rc;
}
