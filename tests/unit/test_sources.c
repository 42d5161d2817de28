/* Unit tests for the indexer's sources registry: stable keys, canonical
 * folder names (existing, gone, relative, with . and ..), the JSON kept in
 * the index read back in order, bad JSON refused, find, add and remove. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../indexer/sources.h"

static void test_key(void **state)
{
    (void)state;
    char a[SOURCES_KEY_LEN + 1], b[SOURCES_KEY_LEN + 1], c[SOURCES_KEY_LEN + 1];
    sources_key("/data/news/2024", a);
    sources_key("/data/news/2024", b);
    sources_key("/data/news/2025", c);
    assert_int_equal(strlen(a), SOURCES_KEY_LEN);
    assert_int_equal(strspn(a, "0123456789abcdef"), SOURCES_KEY_LEN);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    /* Stored in every document: it must never change. */
    sources_key("", a);
    assert_string_equal(a, "cbf29ce484222325");
}

static void test_canonical(void **state)
{
    (void)state;
    char dir[] = "/tmp/seekd-sources.XXXXXX", path[4096], want[4096], link[4200];
    assert_non_null(mkdtemp(dir));
    char *real = realpath(dir, NULL);
    assert_non_null(real);
    /* An existing folder: its real path, through links and dots. */
    snprintf(link, sizeof link, "%s/link", real);
    assert_int_equal(symlink(real, link), 0);
    snprintf(path, sizeof path, "%s/link/./", real);
    assert_int_equal(sources_canonical(path, want, sizeof want), 0);
    assert_string_equal(want, real);
    /* A folder that is gone: cleaned by its name alone. */
    snprintf(path, sizeof path, "%s//gone/./a/../b/", real);
    assert_int_equal(sources_canonical(path, want, sizeof want), 0);
    snprintf(link, sizeof link, "%s/gone/b", real);
    assert_string_equal(want, link);
    assert_int_equal(sources_canonical("/../../x", want, sizeof want), 0);
    assert_string_equal(want, "/x");
    assert_int_equal(sources_canonical("/", want, sizeof want), 0);
    assert_string_equal(want, "/");
    /* A relative name is taken from the current folder. */
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(real), 0);
    assert_int_equal(sources_canonical("gone/c/..", want, sizeof want), 0);
    snprintf(link, sizeof link, "%s/gone", real);
    assert_string_equal(want, link);
    assert_int_equal(chdir(cwd), 0);
    /* Too long for the buffer: an error, not a cut name. */
    assert_int_equal(sources_canonical("/nowhere/at/all", want, 8), -1);
    snprintf(link, sizeof link, "%s/link", real);
    unlink(link);
    rmdir(real);
    free(real);
}

static void test_parse_dump(void **state)
{
    (void)state;
    sources s;
    char err[256];
    assert_int_equal(sources_parse(&s, "", err, sizeof err), SEEK_OK);
    assert_int_equal(s.n, 0);
    assert_int_equal(sources_parse(&s, NULL, err, sizeof err), SEEK_OK);
    /* Added in this order: kept in this order, whatever the keys. */
    assert_int_equal(sources_add(&s, "/z/last"), 0);
    assert_int_equal(sources_add(&s, "/a/first"), 1);
    assert_int_equal(sources_add(&s, "/z/last"), 0);
    assert_int_equal(s.n, 2);
    assert_int_equal(sources_set_run(&s, 1, "{\"time\":5,\"added\":2}"), 0);
    char *json = sources_dump(&s);
    assert_non_null(json);
    sources back;
    assert_int_equal(sources_parse(&back, json, err, sizeof err), SEEK_OK);
    assert_int_equal(back.n, 2);
    assert_string_equal(back.v[0].folder, "/z/last");
    assert_string_equal(back.v[1].folder, "/a/first");
    assert_string_equal(back.v[0].key, s.v[0].key);
    assert_null(back.v[0].last_run);
    assert_string_equal(back.v[1].last_run, "{\"time\":5,\"added\":2}");
    assert_int_equal(sources_find(&back, "/a/first", NULL), 1);
    assert_int_equal(sources_find(&back, NULL, s.v[0].key), 0);
    assert_int_equal(sources_find(&back, "/a/firs", NULL), -1);
    assert_int_equal(sources_find(&back, NULL, "0000000000000000"), -1);
    sources_remove(&back, 0);
    assert_int_equal(back.n, 1);
    assert_string_equal(back.v[0].folder, "/a/first");
    assert_int_equal(sources_find(&back, NULL, s.v[0].key), -1);
    free(json);
    sources_fini(&back);
    sources_fini(&s);
}

static void test_bad_json(void **state)
{
    (void)state;
    static const char *const bad[] = { "[1]", "{\"k\":{\"last_run\":{}}}", "{\"k\":{\"folder\":3}}",
                                       "{not json", "\"x\"" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        sources s;
        char err[256] = "";
        assert_int_equal(sources_parse(&s, bad[i], err, sizeof err), SEEK_INVALID);
        assert_true(err[0] != '\0');
        assert_int_equal(s.n, 0);
        sources_fini(&s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key),
        cmocka_unit_test(test_canonical),
        cmocka_unit_test(test_parse_dump),
        cmocka_unit_test(test_bad_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
