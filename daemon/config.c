/* Command-line settings of seekd with their defaults and bounds. Every limit
 * has a flag, so operators can tune it without a rebuild. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "proto/proto.h"

static void usage(FILE *f)
{
    fputs("usage: seekd [--index DIR] [--socket PATH] [--threads N] [options]\n"
          "Serves search requests (newline-delimited JSON) on a Unix socket.\n"
          "  --index DIR         the index (default: $SEEKD_INDEX or ~/.local/share/seekd/index)\n"
          "  --socket PATH       the socket (default: $SEEKD_SOCKET, $XDG_RUNTIME_DIR/seekd.sock\n"
          "                      or /tmp/seekd-UID/seekd.sock)\n"
          "  --threads N         serving threads (default: the number of CPUs)\n"
          "  --gazetteer FILE    the entity list (default: $SEEKD_GAZETTEER or data/gazetteer.tsv)\n"
          "  --socket-mode MODE  permissions of the socket, octal (default 0600)\n"
          "  --socket-group GRP  group of the socket, to share it with a group\n"
          "  --allow-uid LIST    only these users may query (comma-separated names or ids)\n"
          "  --allow-gid LIST    only members of these groups may query\n"
          "  --max-line BYTES    longest request line (default and most: 1048576)\n"
          "  --max-clients N     connections at once (default 1024)\n"
          "  --idle-timeout SECS close connections silent this long (default 300; 0: never)\n"
          "  --query-timeout MS  stop counting matches exhaustively after this (default 2000)\n"
          "  --total-bound N     a search counts up to N matches exactly, then answers with\n"
          "                      \"at least\" (default 10000; 0: count every match)\n"
          "  --slow-ms MS        a request running this long hands the other connections of\n"
          "                      its thread to a spare thread (default 5)\n"
          "  --spare-threads N   threads kept for that (default: as many as --threads; 0: none,\n"
          "                      a slow request delays the connections on its thread)\n"
          "  --config FILE       settings as key = value lines, keys named like the flags\n"
          "                      (default: /etc/seekd.conf if it exists); flags override it\n"
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

static int number(const char *s, unsigned long lo, unsigned long hi, int base, unsigned long *out,
                  const char *flag)
{
    char *end;
    unsigned long v = strtoul(s, &end, base);
    if (end == s || *end || *s == '-' || v < lo || v > hi) {
        fprintf(stderr, "seekd: %s takes a number from %lu to %lu, not '%s'\n", flag, lo, hi, s);
        return -1;
    }
    *out = v;
    return 0;
}

/* A user (or group) by name or number. */
static int lookup_id(const char *name, int user, unsigned long *out)
{
    struct passwd *pw = user ? getpwnam(name) : NULL;
    struct group *gr = user ? NULL : getgrnam(name);
    if (pw || gr) {
        *out = pw ? pw->pw_uid : gr->gr_gid;
        return 0;
    }
    char *end;
    *out = strtoul(name, &end, 10);
    return end == name || *end ? -1 : 0;
}

/* Parses "a,b,c" into ids through `lookup`. */
static int id_list(const char *arg, int users, daemon_config *cfg)
{
    char *copy = strdup(arg), *save = NULL;
    if (!copy)
        return -1;
    int rc = 0;
    for (char *t = strtok_r(copy, ",", &save); t && rc == 0; t = strtok_r(NULL, ",", &save)) {
        size_t *n = users ? &cfg->nallow_uid : &cfg->nallow_gid;
        unsigned long id;
        if (*n == CONFIG_MAX_IDS) {
            fprintf(stderr, "seekd: at most %d ids per list\n", CONFIG_MAX_IDS);
            rc = -1;
        } else if (lookup_id(t, users, &id) < 0) {
            fprintf(stderr, "seekd: no such %s: %s\n", users ? "user" : "group", t);
            rc = -1;
        } else if (users) {
            cfg->allow_uid[(*n)++] = (uid_t)id;
        } else {
            cfg->allow_gid[(*n)++] = (gid_t)id;
        }
    }
    free(copy);
    return rc;
}

enum { O_MODE = 256, O_GROUP, O_AUID, O_AGID, O_LINE, O_CLIENTS, O_IDLE, O_QUERY, O_CONFIG, O_SLOW, O_SPARE,
       O_BOUND };

static const struct option longs[] = {
    { "index", required_argument, 0, 'i' }, { "socket", required_argument, 0, 's' },
    { "threads", required_argument, 0, 't' }, { "gazetteer", required_argument, 0, 'g' },
    { "socket-mode", required_argument, 0, O_MODE },
    { "socket-group", required_argument, 0, O_GROUP },
    { "allow-uid", required_argument, 0, O_AUID }, { "allow-gid", required_argument, 0, O_AGID },
    { "max-line", required_argument, 0, O_LINE }, { "max-clients", required_argument, 0, O_CLIENTS },
    { "idle-timeout", required_argument, 0, O_IDLE },
    { "query-timeout", required_argument, 0, O_QUERY },
    { "total-bound", required_argument, 0, O_BOUND },
    { "slow-ms", required_argument, 0, O_SLOW },
    { "spare-threads", required_argument, 0, O_SPARE },
    { "config", required_argument, 0, O_CONFIG },
    { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
};

/* Applies one setting, from a flag or the config file. Returns 0, or -1
 * after printing what is wrong. */
static int apply(daemon_config *c, int opt, const char *arg)
{
    unsigned long v;
    switch (opt) {
    case 'i':
        return copy_path(c->index, sizeof c->index, arg, "--index");
    case 's':
        c->socket_is_default = 0;
        return copy_path(c->socket, sizeof c->socket, arg, "--socket");
    case 'g':
        return copy_path(c->gazetteer, sizeof c->gazetteer, arg, "--gazetteer");
    case 't':
        if (number(arg, 1, 128, 10, &v, "--threads") < 0)
            return -1;
        c->threads = (int)v;
        return 0;
    case O_MODE:
        if (number(arg, 0, 0777, 8, &v, "--socket-mode (octal)") < 0)
            return -1;
        c->socket_mode = (unsigned)v;
        return 0;
    case O_GROUP:
        if (lookup_id(arg, 0, &v) < 0) {
            fprintf(stderr, "seekd: no such group: %s\n", arg);
            return -1;
        }
        c->socket_gid = (int)v;
        return 0;
    case O_AUID:
    case O_AGID:
        return id_list(arg, opt == O_AUID, c);
    case O_LINE:
        if (number(arg, 256, PROTO_MAX_LINE, 10, &v, "--max-line") < 0)
            return -1;
        c->max_line = v;
        return 0;
    case O_CLIENTS:
        if (number(arg, 1, 100000, 10, &v, "--max-clients") < 0)
            return -1;
        c->max_clients = (unsigned)v;
        return 0;
    case O_IDLE:
        if (number(arg, 0, 86400 * 7, 10, &v, "--idle-timeout") < 0)
            return -1;
        c->idle_ms = (unsigned)v * 1000;
        return 0;
    case O_QUERY:
        if (number(arg, 0, 3600 * 1000, 10, &v, "--query-timeout") < 0)
            return -1;
        c->query_ms = (unsigned)v;
        return 0;
    case O_BOUND:
        if (number(arg, 0, 1000UL * 1000 * 1000, 10, &v, "--total-bound") < 0)
            return -1;
        c->total_bound = v;
        return 0;
    case O_SLOW:
        if (number(arg, 1, 60 * 1000, 10, &v, "--slow-ms") < 0)
            return -1;
        c->slow_ms = (unsigned)v;
        return 0;
    case O_SPARE:
        if (number(arg, 0, 128, 10, &v, "--spare-threads") < 0)
            return -1;
        c->spare_threads = (int)v;
        return 0;
    }
    return -1;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
        *--e = '\0';
    return s;
}

/* Reads `key = value` lines: keys are the long flags' names. */
static int read_file(daemon_config *c, const char *path, int must_exist)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        if (!must_exist && errno == ENOENT)
            return 0;
        fprintf(stderr, "seekd: config %s: %s\n", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, f) >= 0) {
        lineno++;
        char *t = trim(line);
        if (!*t || *t == '#')
            continue;
        char *eq = strchr(t, '=');
        if (!eq) {
            fprintf(stderr, "seekd: %s:%zu: expected key = value\n", path, lineno);
            rc = -1;
            break;
        }
        *eq = '\0';
        char *key = trim(t), *val = trim(eq + 1);
        const struct option *o = longs;
        while (o->name && (strcmp(o->name, key) || o->val == O_CONFIG || o->val == 'h'))
            o++;
        if (!o->name) {
            fprintf(stderr, "seekd: %s:%zu: unknown key '%s'\n", path, lineno, key);
            rc = -1;
        } else if (apply(c, o->val, val) < 0) {
            fprintf(stderr, "seekd: %s:%zu: bad value for %s\n", path, lineno, key);
            rc = -1;
        }
    }
    free(line);
    fclose(f);
    return rc;
}

int config_parse(int argc, char **argv, daemon_config *c)
{
    memset(c, 0, sizeof *c);
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    c->threads = cpus > 0 ? (int)cpus : 2;
    c->max_line = PROTO_MAX_LINE;
    c->max_clients = 1024;
    c->idle_ms = 300 * 1000;
    c->query_ms = 2000;
    c->total_bound = CONFIG_TOTAL_BOUND;
    c->slow_ms = 5;
    c->spare_threads = -1;   /* as many as threads, once those are known */
    c->socket_mode = 0600;
    c->socket_gid = -1;
    c->socket_is_default = 1;
    if (paths_index(c->index, sizeof c->index) < 0 || paths_socket(c->socket, sizeof c->socket) < 0
        || paths_gazetteer(c->gazetteer, sizeof c->gazetteer) < 0) {
        fprintf(stderr, "seekd: default paths too long\n");
        return -1;
    }
    const char *env = getenv("SEEKD_SOCKET");
    if (env && *env)
        c->socket_is_default = 0;
    /* The file first, so that flags override it. */
    const char *conf = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--config") && i + 1 < argc)
            conf = argv[i + 1];
        else if (!strncmp(argv[i], "--config=", 9))
            conf = argv[i] + 9;
    }
    if (read_file(c, conf ? conf : CONFIG_DEFAULT_FILE, conf != NULL) < 0)
        return -1;
    int opt;
    while ((opt = getopt_long(argc, argv, "i:s:t:g:h", longs, NULL)) != -1) {
        if (opt == O_CONFIG)
            continue;
        if (opt == 'h') {
            usage(stdout);
            return 1;
        }
        if (opt == '?' || opt == ':') {
            usage(stderr);
            return -1;
        }
        if (apply(c, opt, optarg) < 0)
            return -1;
    }
    if (optind < argc) {
        fprintf(stderr, "seekd: unexpected argument '%s'\n", argv[optind]);
        usage(stderr);
        return -1;
    }
    if (c->spare_threads < 0)
        c->spare_threads = c->threads;
    return 0;
}

int config_allows(const daemon_config *cfg, uid_t uid, gid_t gid)
{
    if (uid == getuid() || (!cfg->nallow_uid && !cfg->nallow_gid))
        return 1;
    for (size_t i = 0; i < cfg->nallow_uid; i++)
        if (cfg->allow_uid[i] == uid)
            return 1;
    if (!cfg->nallow_gid)
        return 0;
    /* SO_PEERCRED gives the primary group only: look up the others. */
    gid_t groups[256];
    int n = 1;
    groups[0] = gid;
    struct passwd pw, *found = NULL;
    char buf[4096];
    if (getpwuid_r(uid, &pw, buf, sizeof buf, &found) == 0 && found) {
        n = 256;
        if (getgrouplist(found->pw_name, gid, groups, &n) < 0)
            n = 256;
    }
    for (int g = 0; g < n; g++)
        for (size_t i = 0; i < cfg->nallow_gid; i++)
            if (cfg->allow_gid[i] == groups[g])
                return 1;
    return 0;
}
