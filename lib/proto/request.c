/* Request names and building (request.h). The switches have no default so
 * that -Wswitch flags an op or order added without its name. */
#include "proto/request.h"

#include "proto/answer.h"

const char *proto_op_name(proto_op op)
{
    switch (op) {
    case PROTO_SEARCH: return "search";
    case PROTO_STATS: return "stats";
    case PROTO_PING: return "ping";
    case PROTO_ENTITY: return "entity";
    case PROTO_ENTITIES: return "entities";
    case PROTO_EXPLAIN: return "explain";
    case PROTO_SIMILAR: return "similar";
    case PROTO_HEALTH: return "health";
    }
    return NULL;
}

const char *proto_sort_name(proto_sort sort)
{
    switch (sort) {
    case PROTO_SORT_RELEVANCE: return "relevance";
    case PROTO_SORT_NEWEST: return "newest";
    case PROTO_SORT_OLDEST: return "oldest";
    }
    return NULL;
}

const char *proto_facet_name(unsigned bit)
{
    switch (bit) {
    case PROTO_FACET_PERSON: return PROTO_A_PERSON;
    case PROTO_FACET_ORG: return PROTO_A_ORG;
    case PROTO_FACET_PLACE: return PROTO_A_PLACE;
    case PROTO_FACET_DATE: return PROTO_A_DATE;
    case PROTO_FACET_MONTH: return PROTO_A_MONTH;
    case PROTO_FACET_YEAR: return PROTO_A_YEAR;
    }
    return NULL;
}

/* Sets a member; a NULL value (no memory, not UTF-8) fails the request. */
static int set(json_t *req, const char *key, json_t *v)
{
    return v ? json_object_set_new(req, key, v) : -1;
}

static int set_str(json_t *req, const char *key, const char *s)
{
    return s ? set(req, key, json_string(s)) : 0;
}

static int set_num(json_t *req, const char *key, long n)
{
    return n >= 0 ? set(req, key, json_integer(n)) : 0;
}

static int set_bool(json_t *req, const char *key, int b)
{
    return b >= 0 ? set(req, key, json_boolean(b)) : 0;
}

static int set_facets(json_t *req, unsigned bits)
{
    if (!bits)
        return 0;
    json_t *list = json_array();
    for (unsigned bit = 1; list && bit <= bits; bit <<= 1)
        if ((bits & bit) && proto_facet_name(bit)
            && json_array_append_new(list, json_string(proto_facet_name(bit))) < 0) {
            json_decref(list);
            list = NULL;
        }
    return set(req, "facets", list);
}

json_t *proto_ask_json(const proto_ask *a)
{
    const char *op = proto_op_name(a->op);
    json_t *req = op ? json_object() : NULL;
    if (!req)
        return NULL;
    int rc = set_str(req, "op", op);
    rc |= set_str(req, "q", a->q);
    rc |= set_str(req, "name", a->name);
    rc |= set_str(req, "type", a->type);
    rc |= set_str(req, "prefix", a->prefix);
    rc |= set_str(req, "doc", a->doc);
    rc |= set_num(req, "limit", a->limit);
    rc |= set_num(req, "offset", a->offset);
    rc |= set_bool(req, "snippets", a->snippets);
    rc |= set_bool(req, "ids", a->ids);
    rc |= set_bool(req, "exact_total", a->exact_total);
    if (a->sort >= 0)
        rc |= set_str(req, "sort", proto_sort_name((proto_sort)a->sort));
    rc |= set_facets(req, a->facets);
    if (rc) {
        json_decref(req);
        return NULL;
    }
    return req;
}
