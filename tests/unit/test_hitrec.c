/* Unit tests for the hit record: fields round-trip, missing ones read as
 * empty, and a NUL inside a field cannot shift the others; the entity list
 * round-trips and its separators inside a name cannot shift its fields. */
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

/* Each entity written is read back; a tab or newline inside a name cannot
 * shift the fields or start another entity. */
static void test_entities_round_trip(void **state)
{
    (void)state;
    char *list = NULL;
    size_t len = 0, cap = 0;
    assert_int_equal(hitrec_entity_add(&list, &len, &cap, "person", "rahmon", "Emomali Rahmon", 2), 0);
    assert_int_equal(hitrec_entity_add(&list, &len, &cap, "org", "csto", "C\tS\nT O", 4000000000u), 0);
    for (int i = 0; i < 300; i++)   /* grows past its first buffer */
        assert_int_equal(hitrec_entity_add(&list, &len, &cap, "place", "minsk", "Минск", 1), 0);
    assert_int_equal(strlen(list), len);
    const char *p = list;
    hitrec_entity e;
    assert_int_equal(hitrec_entity_next(&p, &e), 1);
    assert_int_equal(e.type_len, 6);
    assert_memory_equal(e.type, "person", 6);
    assert_memory_equal(e.key, "rahmon", e.key_len);
    assert_int_equal(e.name_len, strlen("Emomali Rahmon"));
    assert_memory_equal(e.name, "Emomali Rahmon", e.name_len);
    assert_int_equal(e.mentions, 2);
    assert_int_equal(hitrec_entity_next(&p, &e), 1);
    assert_int_equal(e.name_len, 7);
    assert_memory_equal(e.name, "C S T O", 7);
    assert_int_equal(e.mentions, 4000000000u);
    int places = 0;
    while (hitrec_entity_next(&p, &e)) {
        assert_memory_equal(e.name, "Минск", e.name_len);
        places++;
    }
    assert_int_equal(places, 300);
    assert_int_equal(hitrec_entity_next(&p, &e), 0);
    free(list);
}

static void test_entities_malformed_skipped(void **state)
{
    (void)state;
    const char *p = "person\tx\n\norg\tun\tUnited Nations\t3\nplace\tno count";
    hitrec_entity e;
    assert_int_equal(hitrec_entity_next(&p, &e), 1);
    assert_memory_equal(e.name, "United Nations", e.name_len);
    assert_int_equal(e.mentions, 3);
    assert_int_equal(hitrec_entity_next(&p, &e), 0);
    const char *empty = "";
    assert_int_equal(hitrec_entity_next(&empty, &e), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_missing_fields_are_empty),
        cmocka_unit_test(test_nul_in_a_field_ends_it),
        cmocka_unit_test(test_entities_round_trip),
        cmocka_unit_test(test_entities_malformed_skipped),
    };
    return cmocka_run_group_tests_name("hitrec", tests, NULL, NULL);
}
