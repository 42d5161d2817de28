/* Unit tests for the version-file check: what counts as a change, what as
 * absent, and when an unchanged file stops being trusted. Works on a fake
 * index folder in mkdtemp() with a clock the tests drive by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../daemon/freshness.h"

#define MAX_AGE 1000

typedef struct fixture {
    char dir[64];
    char version[96];
    freshness f;
} fixture;

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    assert_int_equal(fputs(text, fp) >= 0, 1);
    assert_int_equal(fclose(fp), 0);
}

/* What a glass commit does: a new file renamed over the old one. */
static void commit(fixture *fx, const char *text)
{
    char tmp[128];
    snprintf(tmp, sizeof tmp, "%s/v.tmp", fx->dir);
    write_file(tmp, text);
    assert_int_equal(rename(tmp, fx->version), 0);
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    snprintf(fx->dir, sizeof fx->dir, "/tmp/seekd-fresh-XXXXXX");
    if (!mkdtemp(fx->dir) || fresh_init(&fx->f, fx->dir, MAX_AGE) < 0) {
        free(fx);
        return -1;
    }
    snprintf(fx->version, sizeof fx->version, "%s/iamglass", fx->dir);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    fresh_fini(&fx->f);
    unlink(fx->version);
    rmdir(fx->dir);
    free(fx);
    return 0;
}

static void test_unchanged_is_same(void **state)
{
    fixture *fx = *state;
    commit(fx, "revision 1");
    assert_int_equal(fresh_look(&fx->f, 0), FRESH_CHANGED);   /* never checked yet */
    fresh_note(&fx->f, 0);
    assert_int_equal(fresh_look(&fx->f, 10), FRESH_SAME);
    assert_int_equal(fresh_look(&fx->f, 500), FRESH_SAME);
}

static void test_rename_over_is_a_change(void **state)
{
    fixture *fx = *state;
    commit(fx, "revision 1");
    fresh_look(&fx->f, 0);
    fresh_note(&fx->f, 0);
    /* Same size and, likely, the same timestamps: only the inode differs. */
    commit(fx, "revision 2");
    assert_int_equal(fresh_look(&fx->f, 10), FRESH_CHANGED);
    /* Until a real check notes the new file, it stays a change. */
    assert_int_equal(fresh_look(&fx->f, 20), FRESH_CHANGED);
    fresh_note(&fx->f, 20);
    assert_int_equal(fresh_look(&fx->f, 30), FRESH_SAME);
}

static void test_rewrite_in_place_is_a_change(void **state)
{
    fixture *fx = *state;
    commit(fx, "revision 1");
    fresh_look(&fx->f, 0);
    fresh_note(&fx->f, 0);
    write_file(fx->version, "revision 2, longer");
    assert_int_equal(fresh_look(&fx->f, 10), FRESH_CHANGED);
}

static void test_missing_file_is_reported(void **state)
{
    fixture *fx = *state;
    assert_int_equal(fresh_look(&fx->f, 0), FRESH_ABSENT);
    fresh_note(&fx->f, 0);
    assert_int_equal(fresh_look(&fx->f, 10), FRESH_ABSENT);
    /* Appearing and vanishing are changes: the reader must be opened anew. */
    commit(fx, "revision 1");
    assert_int_equal(fresh_look(&fx->f, 20), FRESH_CHANGED);
    fresh_note(&fx->f, 20);
    assert_int_equal(unlink(fx->version), 0);
    assert_int_equal(fresh_look(&fx->f, 30), FRESH_CHANGED);
    fresh_note(&fx->f, 30);
    assert_int_equal(fresh_look(&fx->f, 40), FRESH_ABSENT);
}

/* A stub file where the folder would be: the path is ENOTDIR, not ENOENT. */
static void test_stub_file_is_absent(void **state)
{
    fixture *fx = *state;
    char stub[96];
    snprintf(stub, sizeof stub, "%s/stub", fx->dir);
    write_file(stub, "auto /somewhere/else\n");
    freshness f;
    assert_int_equal(fresh_init(&f, stub, MAX_AGE), 0);
    assert_int_equal(fresh_look(&f, 0), FRESH_ABSENT);
    fresh_note(&f, 0);
    assert_int_equal(fresh_look(&f, 10), FRESH_ABSENT);
    fresh_fini(&f);
    unlink(stub);
}

static void test_trust_runs_out(void **state)
{
    fixture *fx = *state;
    commit(fx, "revision 1");
    fresh_look(&fx->f, 5000);
    fresh_note(&fx->f, 5000);
    assert_int_equal(fresh_look(&fx->f, 5000 + MAX_AGE), FRESH_SAME);
    assert_int_equal(fresh_look(&fx->f, 5000 + MAX_AGE + 1), FRESH_DUE);
    /* Due until a real check is noted; then trusted again from then on. */
    assert_int_equal(fresh_look(&fx->f, 7000), FRESH_DUE);
    fresh_note(&fx->f, 7000);
    assert_int_equal(fresh_look(&fx->f, 7500), FRESH_SAME);
}

static void test_expire_forces_a_real_check(void **state)
{
    fixture *fx = *state;
    commit(fx, "revision 1");
    fresh_look(&fx->f, 0);
    fresh_note(&fx->f, 0);
    fresh_expire(&fx->f);
    assert_int_equal(fresh_look(&fx->f, 1), FRESH_DUE);
    fresh_note(&fx->f, 1);
    assert_int_equal(fresh_look(&fx->f, 2), FRESH_SAME);
    /* A change still reads as a change, not merely as due. */
    fresh_expire(&fx->f);
    commit(fx, "revision 2");
    assert_int_equal(fresh_look(&fx->f, 3), FRESH_CHANGED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_unchanged_is_same, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rename_over_is_a_change, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rewrite_in_place_is_a_change, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file_is_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stub_file_is_absent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trust_runs_out, setup, teardown),
        cmocka_unit_test_setup_teardown(test_expire_forces_a_real_check, setup, teardown),
    };
    return cmocka_run_group_tests_name("freshness", tests, NULL, NULL);
}
