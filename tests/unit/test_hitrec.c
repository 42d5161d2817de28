/* Unit tests for the hit record: fields round-trip, missing ones read as
 * empty, and a NUL inside a field cannot shift the others. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hitrec.h"

static void test_round_trip(void **state)
{
    (void)state;
    hitrec in = { "news/a1", "Summit in Minsk", "20171130", "person\trahmon\tEmomali Rahmon\t2\n",
                  "https://example.org/a1", "dateline" };
    char *rec;
    size_t len;
    assert_int_equal(hitrec_build(&in, &rec, &len), 0);
    /* The shim hands values over NUL-terminated. */
    char *copy = malloc(len + 1);
    memcpy(copy, rec, len);
    copy[len] = '\0';
    hitrec out;
    hitrec_parse(copy, len, &out);
    assert_string_equal(out.id, "news/a1");
    assert_string_equal(out.title, "Summit in Minsk");
    assert_string_equal(out.date, "20171130");
    assert_string_equal(out.entities, in.entities);
    assert_string_equal(out.url, "https://example.org/a1");
    assert_string_equal(out.date_source, "dateline");
    free(copy);
    free(rec);
}

static void test_missing_fields_are_empty(void **state)
{
    (void)state;
    hitrec in = { "a", NULL, "20200101", NULL, NULL, NULL };
    char *rec;
    size_t len;
    assert_int_equal(hitrec_build(&in, &rec, &len), 0);
    hitrec out;
    hitrec_parse(rec, len, &out);
    assert_string_equal(out.id, "a");
    assert_string_equal(out.title, "");
    assert_string_equal(out.date, "20200101");
    assert_string_equal(out.url, "");
    assert_string_equal(out.date_source, "");
    free(rec);
    /* A record cut short (an older or damaged value) reads as empty fields. */
    hitrec_parse("only-id", 7, &out);
    assert_string_equal(out.id, "only-id");
    assert_string_equal(out.title, "");
    assert_string_equal(out.entities, "");
    hitrec_parse("", 0, &out);
    assert_string_equal(out.id, "");
    assert_string_equal(out.url, "");
    assert_string_equal(out.date_source, "");
}

static void test_nul_in_a_field_ends_it(void **state)
{
    (void)state;
    char title[] = "before\0after";
    hitrec in = { "id", title, "20200101", "", "u", "feed" };
    char *rec;
    size_t len;
    assert_int_equal(hitrec_build(&in, &rec, &len), 0);
    hitrec out;
    hitrec_parse(rec, len, &out);
    assert_string_equal(out.title, "before");
    assert_string_equal(out.date, "20200101");
    assert_string_equal(out.url, "u");
    free(rec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_missing_fields_are_empty),
        cmocka_unit_test(test_nul_in_a_field_ends_it),
    };
    return cmocka_run_group_tests_name("hitrec", tests, NULL, NULL);
}
