/* Unit tests for the protocol module: good requests, a table of malformed
 * ones with the error code each must get, and answer framing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "proto/proto.h"
#include "proto/request.h"

static void test_search_defaults(void **state)
{
    (void)state;
    const char *line = "{\"op\":\"search\",\"q\":\"rahmon\"}";
    proto_request req;
    proto_error err;
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_int_equal(req.op, PROTO_SEARCH);
    assert_string_equal(req.q, "rahmon");
    assert_int_equal(req.limit, PROTO_DEFAULT_LIMIT);
    assert_int_equal(req.offset, 0);
    assert_true(req.snippets);
    assert_null(req.id);
    assert_int_equal(req.sort, PROTO_SORT_RELEVANCE);
    assert_false(req.exact_total);   /* counted up to the daemon's bound */
    proto_request_fini(&req);
}

static void test_search_sort_and_timeline_facets(void **state)
{
    (void)state;
    static const struct { const char *sort; proto_sort want; } v[] = {
        { "relevance", PROTO_SORT_RELEVANCE }, { "newest", PROTO_SORT_NEWEST },
        { "oldest", PROTO_SORT_OLDEST },
    };
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        char line[128];
        snprintf(line, sizeof line, "{\"op\":\"search\",\"q\":\"a\",\"sort\":\"%s\","
                 "\"facets\":[\"month\",\"year\"]}", v[i].sort);
        proto_request req;
        proto_error err;
        assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
        assert_int_equal(req.sort, v[i].want);
        assert_int_equal(req.facets, PROTO_FACET_MONTH | PROTO_FACET_YEAR);
        proto_request_fini(&req);
    }
}

static void test_search_fields_and_clamp(void **state)
{
    (void)state;
    const char *line = "{\"id\":[1,\"x\"],\"op\":\"search\",\"q\":\"a\",\"limit\":50000,"
                       "\"offset\":20,\"snippets\":false,\"future_field\":{}}";
    proto_request req;
    proto_error err;
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_int_equal(req.limit, PROTO_MAX_LIMIT);
    assert_int_equal(req.offset, 20);
    assert_false(req.snippets);
    assert_true(json_is_array(req.id));
    proto_request_fini(&req);
    line = "{\"op\":\"search\",\"q\":\"a\",\"exact_total\":true}";
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_true(req.exact_total);
    proto_request_fini(&req);
}

static void test_deep_strings_are_not_depth(void **state)
{
    (void)state;
    const char *line = "{\"op\":\"search\",\"q\":\"[[[[[[[[[[[[[[[[[[[[[[[[\\\"{{{{{{{{{{{{{{{{{{{\"}";
    proto_request req;
    proto_error err;
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    proto_request_fini(&req);
}

static void test_explain_and_similar(void **state)
{
    (void)state;
    const char *line = "{\"op\":\"explain\",\"q\":\"rahmon minsk\",\"doc\":\"a/b\",\"id\":4}";
    proto_request req;
    proto_error err;
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_int_equal(req.op, PROTO_EXPLAIN);
    assert_string_equal(req.q, "rahmon minsk");
    assert_string_equal(req.doc, "a/b");
    assert_int_equal(req.doc_len, 3);
    proto_request_fini(&req);
    line = "{\"op\":\"explain\",\"q\":\"rahmon\"}";
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_null(req.doc);
    proto_request_fini(&req);
    line = "{\"op\":\"similar\",\"doc\":\"x\",\"limit\":3,\"offset\":2,\"ids\":true}";
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_int_equal(req.op, PROTO_SIMILAR);
    assert_string_equal(req.doc, "x");
    assert_null(req.q);
    assert_int_equal(req.limit, 3);
    assert_int_equal(req.offset, 2);
    assert_true(req.ids);
    proto_request_fini(&req);
    line = "{\"op\":\"similar\",\"doc\":\"x\",\"q\":\"date:2020..\"}";
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_string_equal(req.q, "date:2020..");
    assert_int_equal(req.limit, PROTO_DEFAULT_LIMIT);
    proto_request_fini(&req);
}

static void test_ping_and_stats(void **state)
{
    (void)state;
    proto_request req;
    proto_error err;
    assert_int_equal(proto_parse("{\"op\":\"ping\"}", 13, &req, &err), 0);
    assert_int_equal(req.op, PROTO_PING);
    proto_request_fini(&req);
    assert_int_equal(proto_parse("{\"op\":\"stats\",\"id\":7}", 21, &req, &err), 0);
    assert_int_equal(req.op, PROTO_STATS);
    assert_int_equal(json_integer_value(req.id), 7);
    proto_request_fini(&req);
}

static void test_health(void **state)
{
    (void)state;
    proto_request req;
    proto_error err;
    const char *line = "{\"op\":\"health\"}";
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_int_equal(req.op, PROTO_HEALTH);
    assert_true(req.max_age < 0);
    proto_request_fini(&req);
    line = "{\"op\":\"health\",\"max_age\":90.5}";
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_true(req.max_age == 90.5);
    proto_request_fini(&req);
    line = "{\"op\":\"health\",\"max_age\":0}";
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_true(req.max_age == 0);
    proto_request_fini(&req);
    static const char *const bad[] = {
        "{\"op\":\"health\",\"max_age\":-1}", "{\"op\":\"health\",\"max_age\":\"1h\"}",
        "{\"op\":\"health\",\"max_age\":true}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(proto_parse(bad[i], strlen(bad[i]), &req, &err), -1);
        assert_string_equal(err.code, PROTO_E_BAD_REQUEST);
        assert_non_null(strstr(err.message, "max_age"));
        proto_request_fini(&req);
    }
}

static void test_malformed_requests(void **state)
{
    (void)state;
    static const struct { const char *line; const char *code; const char *words; } cases[] = {
        { "", PROTO_E_BAD_JSON, "not valid JSON" },
        { "{", PROTO_E_BAD_JSON, "not valid JSON" },
        { "\x01\x02garbage", PROTO_E_BAD_JSON, "not valid JSON" },
        { "{\"op\":\"ping\"} trailing", PROTO_E_BAD_JSON, "not valid JSON" },
        { "{\"op\":\"search\",\"q\":\"\xFF\"}", PROTO_E_BAD_JSON, "not valid JSON" },
        { "{\"op\":\"ping\",\"op\":\"stats\"}", PROTO_E_BAD_JSON, "duplicate" },
        { "[1,2]", PROTO_E_BAD_REQUEST, "JSON object" },
        { "\"search\"", PROTO_E_BAD_JSON, "not valid JSON" },
        { "{}", PROTO_E_BAD_REQUEST, "no \"op\"" },
        { "{\"op\":\"explain\"}", PROTO_E_BAD_REQUEST, "explain needs \"q\"" },
        { "{\"op\":\"explain\",\"q\":\"a\",\"doc\":3}", PROTO_E_BAD_REQUEST, "\"doc\" must be a string" },
        { "{\"op\":\"similar\"}", PROTO_E_BAD_REQUEST, "similar needs \"doc\"" },
        { "{\"op\":\"similar\",\"doc\":\"\"}", PROTO_E_BAD_REQUEST, "similar needs \"doc\"" },
        { "{\"op\":\"similar\",\"doc\":\"a\",\"q\":1}", PROTO_E_BAD_REQUEST, "\"q\" must be a string" },
        { "{\"op\":\"similar\",\"doc\":\"a\",\"limit\":-1}", PROTO_E_BAD_REQUEST, "must not be negative" },
        { "{\"op\":5}", PROTO_E_BAD_REQUEST, "\"op\" must be a string" },
        { "{\"op\":\"drop\"}", PROTO_E_UNKNOWN_OP, "unknown op \"drop\"" },
        { "{\"op\":\"search\"}", PROTO_E_BAD_REQUEST, "needs \"q\"" },
        { "{\"op\":\"search\",\"q\":3}", PROTO_E_BAD_REQUEST, "\"q\" must be a string" },
        { "{\"op\":\"search\",\"q\":\"a\",\"limit\":\"5\"}", PROTO_E_BAD_REQUEST, "\"limit\" must be a whole number" },
        { "{\"op\":\"search\",\"q\":\"a\",\"limit\":1.5}", PROTO_E_BAD_REQUEST, "whole number" },
        { "{\"op\":\"search\",\"q\":\"a\",\"limit\":-1}", PROTO_E_BAD_REQUEST, "negative" },
        { "{\"op\":\"search\",\"q\":\"a\",\"offset\":99999999}", PROTO_E_BAD_REQUEST, "at most" },
        { "{\"op\":\"search\",\"q\":\"a\",\"snippets\":1}", PROTO_E_BAD_REQUEST, "true or false" },
        { "{\"op\":\"search\",\"q\":\"a\",\"exact_total\":\"yes\"}", PROTO_E_BAD_REQUEST,
          "\"exact_total\" must be true or false" },
        { "{\"op\":\"ping\",\"x\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}", PROTO_E_BAD_REQUEST, "nested deeper" },
        { "{\"op\":\"search\",\"q\":\"a\",\"facets\":[\"weather\"]}", PROTO_E_BAD_REQUEST, "unknown facet" },
        { "{\"op\":\"search\",\"q\":\"a\",\"facets\":\"person\"}", PROTO_E_BAD_REQUEST, "must be a list" },
        { "{\"op\":\"search\",\"q\":\"a\",\"sort\":\"date\"}", PROTO_E_BAD_REQUEST, "\"sort\" must be" },
        { "{\"op\":\"search\",\"q\":\"a\",\"sort\":1}", PROTO_E_BAD_REQUEST, "\"sort\" must be a string" },
        { "{\"op\":\"entity\"}", PROTO_E_BAD_REQUEST, "needs \"name\"" },
        { "{\"op\":\"entity\",\"name\":\"x\",\"type\":\"city\"}", PROTO_E_BAD_REQUEST, "\"type\" must be" },
        { "{\"op\":\"entities\",\"prefix\":5}", PROTO_E_BAD_REQUEST, "\"prefix\" must be a string" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        proto_request req;
        proto_error err;
        int rc = proto_parse(cases[i].line, strlen(cases[i].line), &req, &err);
        if (rc != -1 || strcmp(err.code, cases[i].code) || !strstr(err.message, cases[i].words))
            fail_msg("case %zu (%s): rc=%d code=%s message=%s", i, cases[i].line, rc,
                     rc ? err.code : "-", rc ? err.message : "-");
        proto_request_fini(&req);
    }
}

static void test_error_keeps_id(void **state)
{
    (void)state;
    const char *line = "{\"id\":\"r1\",\"op\":\"nope\"}";
    proto_request req;
    proto_error err;
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), -1);
    size_t len;
    char *out = proto_error_line(&err, req.id, &len);
    assert_string_equal(out, "{\"ok\":false,\"error\":{\"code\":\"unknown_op\",\"message\":"
                             "\"unknown op \\\"nope\\\"; known: search, explain, similar, entity, entities, "
                             "stats, health, ping\"},\"id\":\"r1\"}\n");
    assert_int_equal(len, strlen(out));
    free(out);
    proto_request_fini(&req);
}

/* A request line with "q" of `n` bytes: `unit` repeated after `head`. */
static char *long_query(const char *head, const char *unit, size_t n)
{
    char *line = malloc(n + 64);
    strcpy(line, "{\"op\":\"search\",\"q\":\"");
    strcat(line, head);
    size_t at = strlen(line), end = at - strlen(head) + n, u = strlen(unit);
    for (; at + u <= end; at += u)
        memcpy(line + at, unit, u);
    strcpy(line + at, "\"}");
    return line;
}

static void test_long_query_cut(void **state)
{
    (void)state;
    /* Pasted text past PROTO_MAX_QUERY is read up to its last blank before
     * the limit, never refused. */
    char *line = long_query("", "word ", PROTO_MAX_QUERY + 100);
    proto_request req;
    proto_error err;
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_true(req.q_full_len > PROTO_MAX_QUERY + 90);
    assert_true(req.q_len <= PROTO_MAX_QUERY && req.q_len > PROTO_MAX_QUERY - 5);
    assert_int_equal(req.q[req.q_len], ' ');
    assert_int_equal(req.q[req.q_len - 1], 'd');
    proto_request_fini(&req);
    free(line);
    /* With no blank near the limit: at a character boundary. */
    line = long_query("x", "\xD1\x8F", PROTO_MAX_QUERY + 101);
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_int_equal(req.q_len, PROTO_MAX_QUERY - 1);
    assert_int_equal((unsigned char)req.q[req.q_len], 0xD1);
    proto_request_fini(&req);
    free(line);
    /* Up to the limit, nothing is cut. */
    line = long_query("", "word ", PROTO_MAX_QUERY);
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    assert_true(req.q_len <= PROTO_MAX_QUERY && req.q_len > PROTO_MAX_QUERY - 5);
    assert_int_equal(req.q_full_len, 0);
    proto_request_fini(&req);
    free(line);
}

static void test_error_message_made_valid_utf8(void **state)
{
    (void)state;
    proto_error err;
    proto_fail(&err, PROTO_E_BAD_QUERY, 3, "bad byte \xFF here");
    size_t len;
    char *out = proto_error_line(&err, NULL, &len);
    assert_non_null(out);
    assert_non_null(strstr(out, "\"offset\":3"));
    assert_non_null(strstr(out, "bad byte \xC3\xBF here"));
    free(out);
}

static void test_answer_framing(void **state)
{
    (void)state;
    json_t *id = json_string("q7");
    size_t len;
    jw w;
    proto_answer_open(&w);
    jw_key(&w, "total");
    jw_int(&w, 3);
    char *out = proto_answer_close(&w, id, &len);
    assert_string_equal(out, "{\"ok\":true,\"total\":3,\"id\":\"q7\"}\n");
    assert_int_equal(len, strlen(out));
    free(out);
    /* An op that leaves a level open gets no line. */
    proto_answer_open(&w);
    jw_key(&w, "hits");
    jw_arr(&w);
    assert_null(proto_answer_close(&w, id, &len));
    json_decref(id);
}

/* Bugs are "internal", never blamed on the index or the client; what the
 * index or a shard does has its own code. */
static void test_status_codes(void **state)
{
    (void)state;
    assert_string_equal(proto_status_code(SEEK_BAD_QUERY), PROTO_E_BAD_QUERY);
    assert_string_equal(proto_status_code(SEEK_NOT_FOUND), PROTO_E_NO_INDEX);
    assert_string_equal(proto_status_code(SEEK_IO), PROTO_E_NO_INDEX);
    assert_string_equal(proto_status_code(SEEK_STALE), PROTO_E_NO_INDEX);
    assert_string_equal(proto_status_code(SEEK_UNBUILT), PROTO_E_NO_INDEX);
    assert_string_equal(proto_status_code(SEEK_MODIFIED), PROTO_E_NO_INDEX);
    assert_string_equal(proto_status_code(SEEK_LOCKED), PROTO_E_NO_INDEX);
    assert_string_equal(proto_status_code(SEEK_NETWORK), PROTO_E_SHARD);
    assert_string_equal(proto_status_code(SEEK_NOMEM), PROTO_E_INTERNAL);
    assert_string_equal(proto_status_code(SEEK_INVALID), PROTO_E_INTERNAL);
    assert_string_equal(proto_status_code(SEEK_XAPIAN), PROTO_E_INTERNAL);
    assert_string_equal(proto_status_code(SEEK_INTERNAL), PROTO_E_INTERNAL);
    assert_string_equal(proto_status_code(SEEK_OK), PROTO_E_INTERNAL);
}

/* What a client builds, the daemon reads back as the same request. */
static proto_request *read_back(const proto_ask *a, proto_request *req)
{
    json_t *j = proto_ask_json(a);
    assert_non_null(j);
    char *line = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    proto_error err;
    assert_int_equal(proto_parse(line, strlen(line), req, &err), 0);
    free(line);
    return req;
}

static void test_built_requests_read_back(void **state)
{
    (void)state;
    proto_request req;
    proto_ask a = PROTO_ASK(PROTO_SEARCH);
    a.q = "\"collective security\" Рахмон";
    a.limit = 3;
    a.offset = 6;
    a.snippets = 0;
    a.sort = PROTO_SORT_OLDEST;
    a.facets = PROTO_FACET_PERSON | PROTO_FACET_YEAR | PROTO_FACET_MONTH;
    a.exact_total = 1;
    read_back(&a, &req);
    assert_int_equal(req.op, PROTO_SEARCH);
    assert_int_equal(req.q_len, strlen(a.q));
    assert_memory_equal(req.q, a.q, req.q_len);
    assert_int_equal(req.limit, 3);
    assert_int_equal(req.offset, 6);
    assert_int_equal(req.snippets, 0);
    assert_int_equal(req.relax, 1);   /* left to the daemon's default */
    assert_int_equal(req.sort, PROTO_SORT_OLDEST);
    assert_int_equal(req.facets, PROTO_FACET_PERSON | PROTO_FACET_YEAR | PROTO_FACET_MONTH);
    assert_true(req.exact_total);
    proto_request_fini(&req);

    a = PROTO_ASK(PROTO_SEARCH);
    a.q = "x";
    read_back(&a, &req);
    assert_int_equal(req.limit, PROTO_DEFAULT_LIMIT);
    assert_int_equal(req.snippets, 1);
    assert_int_equal(req.sort, PROTO_SORT_RELEVANCE);
    proto_request_fini(&req);

    a = PROTO_ASK(PROTO_SIMILAR);
    a.doc = "news/a1";
    a.ids = 1;
    read_back(&a, &req);
    assert_int_equal(req.op, PROTO_SIMILAR);
    assert_memory_equal(req.doc, "news/a1", req.doc_len);
    assert_null(req.q);
    assert_int_equal(req.ids, 1);
    proto_request_fini(&req);

    a = PROTO_ASK(PROTO_ENTITIES);
    a.type = "person";
    a.prefix = "ra";
    a.limit = 5;
    read_back(&a, &req);
    assert_int_equal(req.op, PROTO_ENTITIES);
    assert_string_equal(req.type, "person");
    assert_string_equal(req.prefix, "ra");
    assert_int_equal(req.limit, 5);
    proto_request_fini(&req);

    for (int op = 0; proto_op_name((proto_op)op); op++) {
        a = PROTO_ASK((proto_op)op);
        a.q = "x";
        a.name = "x";
        a.doc = "x";
        read_back(&a, &req);
        assert_int_equal(req.op, op);
        proto_request_fini(&req);
    }
    /* Text that is not UTF-8 builds no request. */
    a = PROTO_ASK(PROTO_SEARCH);
    a.q = "\xff";
    assert_null(proto_ask_json(&a));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_search_defaults),
        cmocka_unit_test(test_search_fields_and_clamp),
        cmocka_unit_test(test_search_sort_and_timeline_facets),
        cmocka_unit_test(test_ping_and_stats),
        cmocka_unit_test(test_explain_and_similar),
        cmocka_unit_test(test_deep_strings_are_not_depth),
        cmocka_unit_test(test_malformed_requests),
        cmocka_unit_test(test_error_keeps_id),
        cmocka_unit_test(test_long_query_cut),
        cmocka_unit_test(test_error_message_made_valid_utf8),
        cmocka_unit_test(test_answer_framing),
        cmocka_unit_test(test_status_codes),
        cmocka_unit_test(test_built_requests_read_back),
        cmocka_unit_test(test_health),
    };
    return cmocka_run_group_tests_name("proto", tests, NULL, NULL);
}
