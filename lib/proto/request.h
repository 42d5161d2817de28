/* The client side of requests: the one spelling of the ops, facets and sort
 * orders (which proto_parse reads too) and the building of a request line
 * from C values. Pure C over jansson, so libseekclient and seek use it
 * without linking the rest of seekd. */
#ifndef SEEKD_PROTO_REQUEST_H
#define SEEKD_PROTO_REQUEST_H

#include <jansson.h>

#include "proto/proto.h"

/* The wire names; NULL for a value that names nothing (so a caller may
 * count up from 0 until NULL). */
const char *proto_op_name(proto_op op);
const char *proto_sort_name(proto_sort sort);
/* The name of one PROTO_FACET_* bit. */
const char *proto_facet_name(unsigned bit);

/* A request as a client asks it: what is NULL, -1 or 0 (facets) is left
 * out, so the daemon's default applies. */
typedef struct proto_ask {
    proto_op op;
    const char *q, *name, *type, *prefix, *doc;
    long limit, offset;
    int snippets, ids;       /* -1: default, else false or true */
    int exact_total;         /* -1: default, else false or true */
    int sort;                /* -1: default, else a proto_sort */
    unsigned facets;         /* PROTO_FACET_* bits */
} proto_ask;

/* A proto_ask with nothing set but the op. */
#define PROTO_ASK(o) ((proto_ask){ .op = (o), .limit = -1, .offset = -1, .snippets = -1, \
                                   .ids = -1, .exact_total = -1, .sort = -1 })

/* The request object for `a`, to serialize as one line; NULL when memory
 * runs out or a text is not UTF-8. */
json_t *proto_ask_json(const proto_ask *a);

#endif
