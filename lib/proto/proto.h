/* The wire protocol: one JSON object per line each way. This module turns a
 * request line into a struct (or a precise error) and finishes answers into
 * lines. It knows nothing of sockets or libuv, so it is tested on its own. */
#ifndef SEEKD_PROTO_PROTO_H
#define SEEKD_PROTO_PROTO_H

#include <stddef.h>
#include <jansson.h>

#include "proto/jw.h"
#include "status.h"

#define PROTO_MAX_LINE (1024 * 1024)  /* a longer request loses the connection */
#define PROTO_MAX_LIMIT 10000         /* larger limits are clamped to this */
#define PROTO_DEFAULT_LIMIT 10
#define PROTO_MAX_OFFSET 1000000      /* deeper pages are refused */
#define PROTO_MAX_QUERY 8192          /* bytes of query text read; the rest is dropped */
#define PROTO_MAX_DEPTH 16            /* nesting of JSON arrays and objects */

#define PROTO_MAX_LIST 1000           /* entities listed at most */
#define PROTO_MAX_DOC_ID 1000         /* bytes of a document id ("doc") */

typedef enum proto_op {
    PROTO_SEARCH, PROTO_STATS, PROTO_PING, PROTO_ENTITY, PROTO_ENTITIES, PROTO_EXPLAIN, PROTO_SIMILAR,
    PROTO_HEALTH
} proto_op;

/* Facets a search may ask for, as bits of proto_request.facets. */
enum { PROTO_FACET_PERSON = 1, PROTO_FACET_ORG = 2, PROTO_FACET_PLACE = 4, PROTO_FACET_DATE = 8,
       PROTO_FACET_MONTH = 16, PROTO_FACET_YEAR = 32,
       PROTO_FACET_ALL = 2 * PROTO_FACET_YEAR - 1 };

/* A search's order ("sort"): by score, or by the documents' own dates. */
typedef enum proto_sort { PROTO_SORT_RELEVANCE = 0, PROTO_SORT_NEWEST, PROTO_SORT_OLDEST } proto_sort;

typedef struct proto_request {
    proto_op op;
    json_t *id;          /* the client's "id", echoed in the answer; NULL if none */
    const char *q;       /* search, explain: the query text (points into `json`);
                            similar: an optional filter, NULL when absent */
    size_t q_len;        /* its bytes read: at most PROTO_MAX_QUERY */
    size_t q_full_len;   /* its length, when longer (the rest dropped), else 0 */
    unsigned limit, offset;  /* search, similar (limit also entity, entities) */
    int snippets;        /* search: include snippets (default true) */
    int ids;             /* search, similar: answer with the ids alone, as "ids" (default false) */
    int relax;           /* search: when no document has every word, answer with those
                            having some (default true) */
    int feedback;        /* search: rerank by feedback from the top documents (default);
                            false: the query's words alone, one pass */
    int debug;           /* search: add what the answer cost ("debug", default false) */
    int exact_total;     /* search: count every match, however many (default false: up
                            to the daemon's --total-bound, then a lower bound) */
    unsigned facets;     /* search: PROTO_FACET_* bits */
    proto_sort sort;     /* search: the order of hits (default relevance) */
    const char *name;    /* entity: the name asked for */
    size_t name_len;
    const char *type;    /* entity, entities: "person", "org", "place", "name" or NULL */
    const char *prefix;  /* entities: names starting with this, or NULL */
    const char *doc;     /* similar, explain: a document id, or NULL */
    size_t doc_len;
    double max_age;      /* health: seconds since the last commit past which the index
                            is degraded; negative when not asked */
    json_t *json;        /* the parsed request, owner of the strings above */
} proto_request;

/* Error codes are stable words that clients may test; messages are for people. */
#define PROTO_E_BAD_JSON "bad_json"
#define PROTO_E_BAD_REQUEST "bad_request"
#define PROTO_E_UNKNOWN_OP "unknown_op"
#define PROTO_E_BAD_QUERY "bad_query"
#define PROTO_E_TOO_LONG "line_too_long"
#define PROTO_E_NO_INDEX "index_unavailable"
#define PROTO_E_SHARD "shard_unavailable"   /* a remote shard is down; retry later */
#define PROTO_E_INTERNAL "internal"
#define PROTO_E_BUSY "busy"
#define PROTO_E_FORBIDDEN "forbidden"

typedef struct proto_error {
    const char *code;
    char message[256];
    long offset;         /* byte offset in the query for bad_query, else -1 */
} proto_error;

/* Parses one request line (without its newline). Returns 0 and fills *req
 * (release with proto_request_fini), or -1 and fills *err; even then req->id
 * is set when the line held one, so the error can echo it. */
int proto_parse(const char *line, size_t len, proto_request *req, proto_error *err);

/* Where to cut text of more than `max` bytes: the last blank in the
 * PROTO_CUT_LOOKBACK bytes up to `max`, so no word is cut in two, or else
 * the last character boundary. */
#define PROTO_CUT_LOOKBACK 256
size_t proto_cut(const char *s, size_t max);
void proto_request_fini(proto_request *req);

/* A successful answer, written as it goes: proto_answer_open starts the
 * answer object ("ok":true) in *w; the op writes its members;
 * proto_answer_close adds the echoed id and the newline and hands over the
 * line, a malloc'd string with its length in *len (NULL when memory ran out
 * or the op left a level open). */
void proto_answer_open(jw *w);
char *proto_answer_close(jw *w, const json_t *id, size_t *len);

/* The line for an error answer; malloc'd, length in *len; NULL on no memory. */
char *proto_error_line(const proto_error *err, const json_t *id, size_t *len);

/* The error code a failed status is answered with: the one table from
 * seek_status to the protocol (status_error.c). Bugs (INVALID, XAPIAN,
 * INTERNAL, and OK where a failure was expected) and NOMEM are "internal". */
const char *proto_status_code(seek_status st);

/* Fills *err; returns -1 so callers can `return proto_fail(...)`. */
int proto_fail(proto_error *err, const char *code, long offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
