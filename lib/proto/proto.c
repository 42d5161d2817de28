/* Request parsing and answer framing. Unknown fields are ignored so that
 * newer clients can talk to older daemons; wrong types are refused with the
 * field named. */
#include "proto/proto.h"
#include "proto/answer.h"
#include "proto/request.h"

#include "text/decode.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int proto_fail(proto_error *err, const char *code, long offset, const char *fmt, ...)
{
    err->code = code;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

void proto_request_fini(proto_request *req)
{
    json_decref(req->json);
    json_decref(req->id);
    memset(req, 0, sizeof *req);
}

/* A whole number up to `max_ok` (larger ones are refused), clamped to `clamp`;
 * any number above UINT_MAX counts as UINT_MAX. */
static int get_uint(json_t *obj, const char *key, unsigned dflt, unsigned max_ok,
                    unsigned clamp, unsigned *out, proto_error *err)
{
    json_t *v = json_object_get(obj, key);
    *out = dflt;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_integer(v))
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"%s\" must be a whole number", key);
    json_int_t n = json_integer_value(v);
    if (n < 0)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"%s\" must not be negative", key);
    if (n > (json_int_t)UINT_MAX)
        n = UINT_MAX;
    if (n > (json_int_t)max_ok)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"%s\" must be at most %u", key, max_ok);
    *out = n > (json_int_t)clamp ? clamp : (unsigned)n;
    return 0;
}

/* An optional boolean field; absent or null: `dflt`. */
static int get_bool(const json_t *obj, const char *key, int dflt, int *out, proto_error *err)
{
    json_t *v = json_object_get(obj, key);
    *out = dflt;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_boolean(v))
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"%s\" must be true or false", key);
    *out = json_is_true(v);
    return 0;
}

static int parse_facets(proto_request *req, proto_error *err)
{
    json_t *f = json_object_get(req->json, "facets");
    if (!f || json_is_null(f))
        return 0;
    if (!json_is_array(f))
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"facets\" must be a list such as "
                          "[\"person\",\"org\",\"place\",\"date\",\"month\",\"year\"]");
    size_t i;
    json_t *v;
    json_array_foreach(f, i, v) {
        const char *s = json_string_value(v);
        unsigned bit = 1;
        while (s && proto_facet_name(bit) && strcmp(s, proto_facet_name(bit)))
            bit <<= 1;
        if (!s || !proto_facet_name(bit))
            return proto_fail(err, PROTO_E_BAD_REQUEST, -1,
                              "unknown facet; known: person, org, place, date, month, year");
        req->facets |= bit;
    }
    return 0;
}

/* An optional string field; NULL when absent. */
static int get_string(json_t *obj, const char *key, const char **out, size_t *len,
                      proto_error *err)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"%s\" must be a string", key);
    *out = json_string_value(v);
    if (len)
        *len = json_string_length(v);
    return 0;
}

static int parse_type(proto_request *req, proto_error *err)
{
    if (get_string(req->json, "type", &req->type, NULL, err) < 0)
        return -1;
    static const char *const types[] = { "person", "org", "place", "name" };
    for (size_t i = 0; req->type && i < 4; i++)
        if (!strcmp(req->type, types[i]))
            return 0;
    if (req->type)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1,
                          "\"type\" must be person, org, place or name");
    return 0;
}

static int parse_entity(proto_request *req, proto_error *err)
{
    if (get_string(req->json, "name", &req->name, &req->name_len, err) < 0 || parse_type(req, err) < 0)
        return -1;
    if (!req->name || !req->name_len)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "entity needs \"name\"");
    if (req->name_len > 1000)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"name\" is too long");
    return get_uint(req->json, "limit", PROTO_DEFAULT_LIMIT, UINT_MAX, PROTO_MAX_LIMIT,
                    &req->limit, err);
}

static int parse_entities(proto_request *req, proto_error *err)
{
    if (get_string(req->json, "prefix", &req->prefix, NULL, err) < 0 || parse_type(req, err) < 0)
        return -1;
    return get_uint(req->json, "limit", 20, UINT_MAX, PROTO_MAX_LIST, &req->limit, err);
}

static int parse_sort(proto_request *req, proto_error *err)
{
    const char *s;
    if (get_string(req->json, "sort", &s, NULL, err) < 0)
        return -1;
    for (int i = 0; s && proto_sort_name((proto_sort)i); i++)
        if (!strcmp(s, proto_sort_name((proto_sort)i))) {
            req->sort = (proto_sort)i;
            return 0;
        }
    if (s)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1,
                          "\"sort\" must be relevance, newest or oldest");
    return 0;
}

size_t proto_cut(const char *s, size_t max)
{
    size_t at = max;
    for (size_t back = 0; back < PROTO_CUT_LOOKBACK && at - back > 0; back++) {
        char c = s[at - back];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
            return at - back;
    }
    while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
        at--;
    return at;
}

/* The query text "q": required for search and explain, an optional filter
 * for similar. */
static int parse_q(proto_request *req, const char *op, int required, proto_error *err)
{
    json_t *q = json_object_get(req->json, "q");
    if (!q && required)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "%s needs \"q\", the query text", op);
    if (!q || (!required && json_is_null(q)))
        return 0;
    if (!json_is_string(q))
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"q\" must be a string");
    req->q = json_string_value(q);
    req->q_len = json_string_length(q);
    if (req->q_len > PROTO_MAX_QUERY) {
        req->q_full_len = req->q_len;
        req->q_len = proto_cut(req->q, PROTO_MAX_QUERY);
    }
    return 0;
}

/* "doc", a document id: required for similar, optional for explain. */
static int parse_doc(proto_request *req, const char *op, int required, proto_error *err)
{
    if (get_string(req->json, "doc", &req->doc, &req->doc_len, err) < 0)
        return -1;
    if (required && (!req->doc || !req->doc_len))
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "%s needs \"doc\", a document id", op);
    if (req->doc && req->doc_len > PROTO_MAX_DOC_ID)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"doc\" is longer than %d bytes",
                          PROTO_MAX_DOC_ID);
    return 0;
}

/* limit, offset and ids, as search and similar take them. */
static int parse_window(proto_request *req, proto_error *err)
{
    if (get_uint(req->json, "limit", PROTO_DEFAULT_LIMIT, UINT_MAX, PROTO_MAX_LIMIT,
                 &req->limit, err) < 0
        || get_uint(req->json, "offset", 0, PROTO_MAX_OFFSET, PROTO_MAX_OFFSET,
                    &req->offset, err) < 0)
        return -1;
    return get_bool(req->json, "ids", 0, &req->ids, err);
}

static int parse_search(proto_request *req, proto_error *err)
{
    if (parse_q(req, "search", 1, err) < 0 || parse_window(req, err) < 0)
        return -1;
    if (get_bool(req->json, "snippets", 1, &req->snippets, err) < 0
        || get_bool(req->json, "relax", 1, &req->relax, err) < 0
        || get_bool(req->json, "feedback", 1, &req->feedback, err) < 0
        || get_bool(req->json, "debug", 0, &req->debug, err) < 0
        || get_bool(req->json, "exact_total", 0, &req->exact_total, err) < 0)
        return -1;
    if (req->ids)
        req->snippets = 0;
    return parse_sort(req, err) < 0 ? -1 : parse_facets(req, err);
}

static int parse_explain(proto_request *req, proto_error *err)
{
    if (parse_q(req, "explain", 1, err) < 0)
        return -1;
    return parse_doc(req, "explain", 0, err);
}

static int parse_similar(proto_request *req, proto_error *err)
{
    if (parse_doc(req, "similar", 1, err) < 0 || parse_q(req, "similar", 0, err) < 0)
        return -1;
    return parse_window(req, err);
}

static int parse_health(proto_request *req, proto_error *err)
{
    json_t *v = json_object_get(req->json, "max_age");
    req->max_age = -1;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_number(v) || json_number_value(v) < 0)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1,
                          "\"max_age\" must be a number of seconds, 0 or more");
    req->max_age = json_number_value(v);
    return 0;
}

/* Deeper than PROTO_MAX_DEPTH? Checked before parsing so that a line of
 * nested brackets costs a scan, not a deep tree. */
static int too_deep(const char *s, size_t len)
{
    int depth = 0, in_string = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = 0;
        } else if (c == '"') {
            in_string = 1;
        } else if (c == '[' || c == '{') {
            if (++depth > PROTO_MAX_DEPTH)
                return 1;
        } else if (c == ']' || c == '}') {
            depth--;
        }
    }
    return 0;
}

int proto_parse(const char *line, size_t len, proto_request *req, proto_error *err)
{
    memset(req, 0, sizeof *req);
    err->offset = -1;
    if (len > PROTO_MAX_LINE)
        return proto_fail(err, PROTO_E_TOO_LONG, -1, "request longer than %d bytes", PROTO_MAX_LINE);
    if (too_deep(line, len))
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "JSON nested deeper than %d levels",
                          PROTO_MAX_DEPTH);
    json_error_t jerr;
    req->json = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!req->json)
        return proto_fail(err, PROTO_E_BAD_JSON, -1, "not valid JSON at byte %d: %s",
                          jerr.position, jerr.text);
    if (!json_is_object(req->json))
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "a request must be a JSON object");
    req->id = json_incref(json_object_get(req->json, "id"));
    json_t *op = json_object_get(req->json, "op");
    if (!op)
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "the request has no \"op\"");
    if (!json_is_string(op))
        return proto_fail(err, PROTO_E_BAD_REQUEST, -1, "\"op\" must be a string");
    const char *name = json_string_value(op);
    for (int i = 0; proto_op_name((proto_op)i); i++) {
        if (strcmp(name, proto_op_name((proto_op)i)) == 0) {
            req->op = (proto_op)i;
            switch (req->op) {
            case PROTO_SEARCH: return parse_search(req, err);
            case PROTO_ENTITY: return parse_entity(req, err);
            case PROTO_ENTITIES: return parse_entities(req, err);
            case PROTO_EXPLAIN: return parse_explain(req, err);
            case PROTO_SIMILAR: return parse_similar(req, err);
            case PROTO_HEALTH: return parse_health(req, err);
            case PROTO_STATS:
            case PROTO_PING: return 0;
            }
        }
    }
    return proto_fail(err, PROTO_E_UNKNOWN_OP, -1,
                      "unknown op \"%.*s\"; known: search, explain, similar, entity, entities, "
                      "stats, health, ping",
                      (int)text_utf8_cut(name, strlen(name), 40), name);
}

static char *finish(json_t *obj, const json_t *id, size_t *len)
{
    if (!obj)
        return NULL;
    if (id && json_object_set(obj, PROTO_A_ID, (json_t *)id) < 0) {
        json_decref(obj);
        return NULL;
    }
    char *text = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8));
    json_decref(obj);
    size_t n = 0;
    /* jansson leaves C1 controls and U+2028/U+2029 raw; answers never do. */
    char *body = text ? jw_safe_json(text, strlen(text), &n) : NULL;
    free(text);
    if (!body)
        return NULL;
    char *line = realloc(body, n + 2);
    if (!line) {
        free(body);
        return NULL;
    }
    line[n] = '\n';
    line[n + 1] = '\0';
    *len = n + 1;
    return line;
}

void proto_answer_open(jw *w)
{
    jw_init(w);
    /* "ok" first, so a person reading the stream sees it at once. */
    jw_obj(w);
    jw_key(w, PROTO_A_OK);
    jw_bool(w, 1);
}

char *proto_answer_close(jw *w, const json_t *id, size_t *len)
{
    if (id) {
        jw_key(w, PROTO_A_ID);
        jw_json(w, id);
    }
    jw_obj_end(w);
    if (w->depth != 0)
        w->failed = 1;   /* an op left an object or array open */
    jw_raw(w, "\n", 1);
    return jw_take(w, len);
}

char *proto_error_line(const proto_error *err, const json_t *id, size_t *len)
{
    /* Messages may quote the user's bytes; decoding makes them valid UTF-8,
     * which JSON requires. */
    char *msg = text_decode(err->message, strlen(err->message), NULL);
    json_t *e = msg ? json_pack("{s:s,s:s}", PROTO_A_CODE, err->code, PROTO_A_MESSAGE, msg) : NULL;
    free(msg);
    if (e && err->offset >= 0)
        json_object_set_new(e, PROTO_A_OFFSET, json_integer(err->offset));
    json_t *obj = e ? json_pack("{s:b,s:o}", PROTO_A_OK, 0, PROTO_A_ERROR, e) : NULL;
    return finish(obj, id, len);
}
