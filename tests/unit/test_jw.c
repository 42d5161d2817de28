/* Unit tests for the JSON writer: commas and nesting, escaping (DEL, C1
 * controls and U+2028/U+2029 too, where jansson leaves them raw), numbers
 * as jansson writes them, invalid UTF-8 made valid, misuse detected, and
 * random documents written both ways reading back the same. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "proto/jw.h"

/* Takes the writer's text, checks it equals `want`, frees it. */
static void expect(jw *w, const char *want)
{
    size_t len;
    char *got = jw_take(w, &len);
    assert_non_null(got);
    assert_string_equal(got, want);
    assert_int_equal(len, strlen(want));
    free(got);
}

static void test_commas_and_nesting(void **state)
{
    (void)state;
    jw w;
    jw_init(&w);
    jw_obj(&w);
    jw_key(&w, "a");
    jw_int(&w, 1);
    jw_key(&w, "b");
    jw_arr(&w);
    jw_arr_end(&w);
    jw_key(&w, "c");
    jw_arr(&w);
    jw_bool(&w, 1);
    jw_null(&w);
    jw_obj(&w);
    jw_obj_end(&w);
    jw_arr(&w);
    jw_str(&w, "x");
    jw_arr_end(&w);
    jw_arr_end(&w);
    jw_key(&w, "d");
    jw_bool(&w, 0);
    jw_obj_end(&w);
    expect(&w, "{\"a\":1,\"b\":[],\"c\":[true,null,{},[\"x\"]],\"d\":false}");
}

static void test_escaping(void **state)
{
    (void)state;
    jw w;
    jw_init(&w);
    jw_arr(&w);
    jw_str(&w, "q\"b\\s/\b\f\n\r\t\x01\x1f\x7f");
    jw_strn(&w, "nul\0in", 6);
    jw_str(&w, "Душанбе “CSTO” 𝄞");
    jw_arr_end(&w);
    expect(&w, "[\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001F\\u007F\",\"nul\\u0000in\","
               "\"Душанбе “CSTO” 𝄞\"]");
}

/* No byte of a string can reach a terminal or a line-splitting reader as a
 * control: C1 controls (U+009B is a one-character CSI), DEL and the line
 * and paragraph separators are escaped; U+00A0 and U+2027 next to them are
 * not. */
static void test_controls_escaped(void **state)
{
    (void)state;
    jw w;
    jw_init(&w);
    jw_arr(&w);
    jw_str(&w, "a\xc2\x9b" "2J\xc2\x85\xc2\x80\xc2\x9f\xc2\xa0|\xe2\x80\xa8|\xe2\x80\xa9|\xe2\x80\xa7|\xe2\x80\xae|\xe2\x81\xa6|\xe2\x81\xaa|\x1b]0;t\x07");
    jw_arr_end(&w);
    expect(&w, "[\"a\\u009B2J\\u0085\\u0080\\u009F\xc2\xa0|\\u2028|\\u2029|\xe2\x80\xa7|\\u202E|\\u2066|\xe2\x81\xaa|\\u001B]0;t\\u0007\"]");
}

/* jansson's own text, through jw_json and jw_safe_json, gets the same
 * escapes, and reads back as the same value. */
static void test_safe_json(void **state)
{
    (void)state;
    json_t *v = json_pack("{s:s}", "t", "x\xc2\x9by\x7f\xe2\x80\xa8z");
    assert_non_null(v);
    jw w;
    jw_init(&w);
    jw_json(&w, v);
    expect(&w, "{\"t\":\"x\\u009By\\u007F\\u2028z\"}");
    char *raw = json_dumps(v, JSON_COMPACT);
    size_t n;
    char *safe = jw_safe_json(raw, strlen(raw), &n);
    assert_non_null(safe);
    assert_string_equal(safe, "{\"t\":\"x\\u009By\\u007F\\u2028z\"}");
    assert_int_equal(n, strlen(safe));
    json_t *back = json_loads(safe, 0, NULL);
    assert_true(json_equal(back, v));
    json_decref(back);
    free(safe);
    free(raw);
    safe = jw_safe_json("", 0, &n);
    assert_non_null(safe);
    assert_string_equal(safe, "");
    free(safe);
    json_decref(v);
}

static void test_invalid_utf8_replaced(void **state)
{
    (void)state;
    static const char *bad[] = {
        "\xff", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc3", "\xe2\x82",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        jw w;
        jw_init(&w);
        char in[16];
        snprintf(in, sizeof in, "a%sb", bad[i]);
        jw_str(&w, in);
        size_t len;
        char *got = jw_take(&w, &len);
        assert_non_null(got);
        /* Each stray byte becomes one U+FFFD; the text around it stays. */
        assert_int_equal(strncmp(got, "\"a\xef\xbf\xbd", 5), 0);
        assert_int_equal(len, 2 + 2 + 3 * strlen(bad[i]));
        json_error_t err;
        json_t *v = json_loads(got, JSON_DECODE_ANY, &err);
        assert_non_null(v);
        json_decref(v);
        free(got);
    }
}

static void test_numbers_as_jansson(void **state)
{
    (void)state;
    const double reals[] = { 0, 1, -2, 0.247, 2.7648954321, 1e-9, 123456789.0, 1e21, -0.5 };
    for (size_t i = 0; i < sizeof reals / sizeof *reals; i++) {
        jw w;
        jw_init(&w);
        jw_real(&w, reals[i]);
        json_t *j = json_real(reals[i]);
        char *want = json_dumps(j, JSON_ENCODE_ANY | JSON_REAL_PRECISION(8));
        expect(&w, want);
        free(want);
        json_decref(j);
    }
    jw w;
    jw_init(&w);
    jw_arr(&w);
    jw_int(&w, 0);
    jw_int(&w, -9223372036854775807LL - 1);
    jw_real(&w, 1.0 / 0.0);
    jw_int(&w, 9223372036854775807LL);
    jw_int(&w, -7);
    jw_int(&w, 1000);
    jw_arr_end(&w);
    expect(&w, "[0,-9223372036854775808,0.0,9223372036854775807,-7,1000]");
}

static void test_json_values(void **state)
{
    (void)state;
    json_t *obj = json_pack("{s:i,s:[s,f],s:{s:n}}", "z", 3, "y", "é", 0.5, "x", "w");
    jw w;
    jw_init(&w);
    jw_obj(&w);
    jw_key(&w, "first");
    jw_int(&w, 0);
    jw_key(&w, "rest");
    jw_json(&w, obj);
    jw_obj_end(&w);
    expect(&w, "{\"first\":0,\"rest\":{\"z\":3,\"y\":[\"é\",0.5],\"x\":{\"w\":null}}}");
    json_decref(obj);
}

static void test_misuse_fails(void **state)
{
    (void)state;
    jw w;
    jw_init(&w);
    jw_arr_end(&w);   /* closes a level never opened */
    jw_str(&w, "later calls do nothing");
    size_t len = 99;
    assert_null(jw_take(&w, &len));
    assert_int_equal(len, 0);
    jw_init(&w);
    for (int i = 0; i <= JW_MAX_DEPTH; i++)
        jw_arr(&w);
    assert_true(w.failed);
    assert_null(jw_take(&w, &len));
}

/* A random tree of arrays, objects, strings with any bytes, numbers. */
static json_t *random_value(unsigned *seed, int depth)
{
    int kind = rand_r(seed) % (depth > 3 ? 4 : 6);
    switch (kind) {
    case 0: return json_integer(rand_r(seed) - RAND_MAX / 2);
    case 1: return json_real((rand_r(seed) - RAND_MAX / 2) / 977.0);
    case 2: return rand_r(seed) % 2 ? json_true() : json_null();
    case 3: {
        char s[24];
        size_t n = (size_t)(rand_r(seed) % 20);
        for (size_t i = 0; i < n; i++)
            s[i] = (char)(rand_r(seed) % 2 ? 'a' + rand_r(seed) % 26 : rand_r(seed) % 128);
        return json_stringn(s, n);
    }
    case 4: {
        json_t *a = json_array();
        for (int i = rand_r(seed) % 4; i > 0; i--)
            json_array_append_new(a, random_value(seed, depth + 1));
        return a;
    }
    default: {
        json_t *o = json_object();
        for (int i = rand_r(seed) % 4; i > 0; i--) {
            char key[8];
            snprintf(key, sizeof key, "k%d\"%d", i, rand_r(seed) % 10);
            json_object_set_new(o, key, random_value(seed, depth + 1));
        }
        return o;
    }
    }
}

/* Writes v with the writer's own calls (not jw_json), as a check of both. */
static void write_value(jw *w, const json_t *v)
{
    const char *key;
    json_t *m;
    size_t i;
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        jw_obj(w);
        json_object_foreach((json_t *)v, key, m) {
            jw_key(w, key);
            write_value(w, m);
        }
        jw_obj_end(w);
        break;
    case JSON_ARRAY:
        jw_arr(w);
        json_array_foreach(v, i, m)
            write_value(w, m);
        jw_arr_end(w);
        break;
    case JSON_STRING: jw_strn(w, json_string_value(v), json_string_length(v)); break;
    case JSON_INTEGER: jw_int(w, json_integer_value(v)); break;
    case JSON_REAL: jw_real(w, json_real_value(v)); break;
    case JSON_TRUE: jw_bool(w, 1); break;
    case JSON_FALSE: jw_bool(w, 0); break;
    case JSON_NULL: jw_null(w); break;
    }
}

static void test_random_documents_match_jansson(void **state)
{
    (void)state;
    unsigned seed = 20261201;
    for (int round = 0; round < 500; round++) {
        json_t *v = random_value(&seed, 0);
        jw w;
        jw_init(&w);
        write_value(&w, v);
        char *raw = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY
                                      | JSON_REAL_PRECISION(8));
        size_t n;
        char *want = jw_safe_json(raw, strlen(raw), &n);
        expect(&w, want);
        free(want);
        free(raw);
        json_decref(v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commas_and_nesting),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_controls_escaped),
        cmocka_unit_test(test_safe_json),
        cmocka_unit_test(test_invalid_utf8_replaced),
        cmocka_unit_test(test_numbers_as_jansson),
        cmocka_unit_test(test_json_values),
        cmocka_unit_test(test_misuse_fails),
        cmocka_unit_test(test_random_documents_match_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
