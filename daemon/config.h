/* The daemon's settings: paths, threads, limits and who may connect, from
 * the command line (see usage in config.c, and README.md). */
#ifndef SEEKD_DAEMON_CONFIG_H
#define SEEKD_DAEMON_CONFIG_H

#include <stddef.h>
#include <sys/types.h>

#define CONFIG_MAX_IDS 32
#define CONFIG_DEFAULT_FILE "/etc/seekd.conf"
/* Matches a search counts exactly by default: Elasticsearch's
 * track_total_hits default, past any page a person reads. */
#define CONFIG_TOTAL_BOUND 10000

typedef struct daemon_config {
    char index[4096];
    char socket[4096];
    char gazetteer[4096];
    int threads;
    size_t max_line;            /* bytes in one request line */
    unsigned max_clients;       /* connections at once */
    unsigned idle_ms;           /* close a silent connection after this; 0: never */
    unsigned query_ms;          /* count matches exhaustively for this long; 0: always */
    unsigned long total_bound;  /* a search counts this many matches exactly, then gives a
                                   lower bound; 0: every match */
    unsigned slow_ms;           /* a request running this long leaves its loop to a spare thread */
    int spare_threads;          /* threads that take over such loops; 0: none, loops wait */
    unsigned socket_mode;       /* permission bits of the socket file */
    int socket_gid;             /* group of the socket file, or -1 */
    uid_t allow_uid[CONFIG_MAX_IDS];
    size_t nallow_uid;
    gid_t allow_gid[CONFIG_MAX_IDS];
    size_t nallow_gid;
    int socket_is_default;      /* no --socket and no SEEKD_SOCKET */
} daemon_config;

/* Fills *cfg from defaults, the config file (--config, else
 * CONFIG_DEFAULT_FILE if it exists) and the command line, in that order.
 * Returns 0, 1 when the program should exit 0 (--help), or -1 after printing
 * what is wrong (for the file: its line number). */
int config_parse(int argc, char **argv, daemon_config *cfg);

/* Nonzero when a peer with these credentials may query: the daemon's own
 * user always may; otherwise, with allow lists set, only those listed. */
int config_allows(const daemon_config *cfg, uid_t uid, gid_t gid);

#endif
