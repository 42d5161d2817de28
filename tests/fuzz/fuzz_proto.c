/* libFuzzer target for the wire protocol: request lines through proto_parse,
 * then the error or answer line built for them, which must be one line of
 * JSON that echoes the request's id. */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "proto/proto.h"
#include "text/decode.h"

#define FUZZ_MAX_INPUT (64 * 1024)

static size_t json_depth(const json_t *v)
{
    size_t d = 0, i;
    const char *k;
    json_t *e;
    if (json_is_object(v)) {
        json_object_foreach((json_t *)v, k, e) {
            size_t c = json_depth(e);
            d = c > d ? c : d;
        }
        return d + 1;
    }
    if (json_is_array(v)) {
        json_array_foreach(v, i, e) {
            size_t c = json_depth(e);
            d = c > d ? c : d;
        }
        return d + 1;
    }
    return 0;
}

/* A finished line: valid UTF-8, one '\n' at the end only, a JSON object with
 * the given "ok" and an "id" exactly when the request had one. */
static json_t *check_line(const char *line, size_t len, int ok, const json_t *id)
{
    assert(line);
    assert(len >= 2 && line[len - 1] == '\n' && line[len] == '\0');
    assert(memchr(line, '\n', len - 1) == NULL);
    assert(text_utf8_prefix(line, len) == len);
    json_error_t jerr;
    json_t *obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!obj) {
        fprintf(stderr, "answer line is not JSON (%s): %s", jerr.text, line);
        abort();
    }
    assert(json_is_object(obj));
    assert(json_is_boolean(json_object_get(obj, "ok")));
    assert(json_is_true(json_object_get(obj, "ok")) == ok);
    assert((json_object_get(obj, "id") != NULL) == (id != NULL));
    return obj;
}

static void check_error_line(const proto_error *err, const json_t *id)
{
    assert(err->code && *err->code);
    assert(memchr(err->message, '\0', sizeof err->message));
    size_t len = 0;
    char *line = proto_error_line(err, id, &len);
    json_t *obj = check_line(line, len, 0, id);
    json_t *e = json_object_get(obj, "error");
    assert(json_is_object(e));
    assert(json_is_string(json_object_get(e, "code")));
    assert(strcmp(json_string_value(json_object_get(e, "code")), err->code) == 0);
    assert(json_is_string(json_object_get(e, "message")));
    json_t *off = json_object_get(e, "offset");
    assert(err->offset >= 0 ? json_integer_value(off) == err->offset : off == NULL);
    json_decref(obj);
    free(line);
}

/* A query as parse_q leaves it: cut to whole characters and terminated. */
static void check_q(const proto_request *req, size_t len)
{
    assert(req->q_len <= PROTO_MAX_QUERY && req->q_len <= len);
    assert(req->q[req->q_len] == '\0');
    assert(text_utf8_prefix(req->q, req->q_len) == req->q_len);
}

static void check_request(const proto_request *req, size_t len)
{
    assert(json_is_object(req->json));
#ifdef PROTO_MAX_DEPTH
    assert(json_depth(req->json) <= PROTO_MAX_DEPTH);
#else
    (void)json_depth;
#endif
    switch (req->op) {
    case PROTO_SEARCH:
        assert(req->q);
        check_q(req, len);
        assert(req->limit <= PROTO_MAX_LIMIT && req->offset <= PROTO_MAX_OFFSET);
        assert(req->snippets == 0 || req->snippets == 1);
        assert(req->facets <= PROTO_FACET_ALL);
        assert(req->sort <= PROTO_SORT_OLDEST);
        break;
    case PROTO_EXPLAIN:
        assert(req->q);
        check_q(req, len);
        assert(!req->doc || req->doc_len <= PROTO_MAX_DOC_ID);
        break;
    case PROTO_SIMILAR:
        assert(req->doc && req->doc_len > 0 && req->doc_len <= PROTO_MAX_DOC_ID);
        if (req->q)
            check_q(req, len);
        assert(req->limit <= PROTO_MAX_LIMIT && req->offset <= PROTO_MAX_OFFSET);
        break;
    case PROTO_HEALTH:
        assert(req->max_age == -1 || req->max_age >= 0);
        break;
    case PROTO_ENTITY:
        assert(req->name && req->name_len > 0 && req->name[req->name_len] == '\0');
        assert(req->limit <= PROTO_MAX_LIMIT);
        break;
    case PROTO_ENTITIES:
        assert(req->limit <= PROTO_MAX_LIST);
        break;
    case PROTO_STATS:
    case PROTO_PING:
        break;
    default:
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    const char *line = (const char *)data;
    proto_request req;
    proto_error err;
    if (proto_parse(line, size, &req, &err) == 0) {
        check_request(&req, size);
        /* A small answer echoing what was asked, framed with the id. */
        jw ans;
        proto_answer_open(&ans);
        jw_key(&ans, "limit");
        jw_int(&ans, req.limit);
        jw_key(&ans, "offset");
        jw_int(&ans, req.offset);
        if (req.op == PROTO_SEARCH) {
            jw_key(&ans, "q");
            jw_strn(&ans, req.q, req.q_len);
        }
        size_t len = 0;
        char *out = proto_answer_close(&ans, req.id, &len);
        json_decref(check_line(out, len, 1, req.id));
        free(out);
        /* The daemon's bad_query error quotes the query's bytes. */
        if (req.op == PROTO_SEARCH) {
            proto_fail(&err, PROTO_E_BAD_QUERY, (long)(req.q_len / 2), "bad query '%.*s'",
                       (int)(req.q_len < 300 ? req.q_len : 300), req.q);
            check_error_line(&err, req.id);
        }
    } else {
        check_error_line(&err, req.id);
    }
    /* Messages may quote arbitrary bytes: invalid UTF-8 must still make JSON. */
    proto_fail(&err, PROTO_E_BAD_QUERY, -1, "%.*s", (int)(size < 255 ? size : 255), line);
    check_error_line(&err, req.id);
    proto_request_fini(&req);
    return 0;
}
