/* Unit tests for the corpus walk: the three kinds by extension, ids without
 * the extension sorted, other files left out, a link to a file followed and
 * a link to a folder not (no cycle), an unreadable folder counted as an
 * error while the rest is found, and kept ids covering what lies below. */
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

#include "../../indexer/walk.h"

static char root[64];

static void put(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/seekd-walk-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    char path[256];
    snprintf(path, sizeof path, "%s/b", root);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/b/deeper", root);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/locked", root);
    mkdir(path, 0700);
    put("a.txt", "alpha");
    put("b/page.html", "<p>x</p>");
    put("b/page.htm", "<p>y</p>");
    put("b/deeper/wire.jsonl", "{}");
    put("notes.md", "not a corpus file");
    put("locked/hidden.txt", "h");
    char target[256];
    snprintf(target, sizeof target, "%s/a.txt", root);
    snprintf(path, sizeof path, "%s/link.txt", root);
    if (symlink(target, path) < 0)
        return -1;
    snprintf(path, sizeof path, "%s/b/loop", root);
    return symlink(root, path) < 0 ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' && rm -rf '%s'", root, root);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_kinds_ids_and_links(void **state)
{
    (void)state;
    walk_list list = { 0 };
    size_t errors = 0;
    assert_int_equal(walk_corpus(root, &list, &errors), 0);
    assert_int_equal(errors, 0);
    const char *want[] = { "a", "b/deeper/wire", "b/page", "b/page", "link", "locked/hidden" };
    const walk_kind kinds[] = { WALK_TEXT, WALK_FEED, WALK_HTML, WALK_HTML, WALK_TEXT, WALK_TEXT };
    assert_int_equal(list.n, sizeof want / sizeof *want);
    for (size_t i = 0; i < list.n; i++) {
        assert_string_equal(list.files[i].id, want[i]);
        assert_int_equal(list.files[i].kind, kinds[i]);
        assert_non_null(strstr(list.files[i].path, root));
        assert_true(list.files[i].mtime_ns > 0);
    }
    assert_int_equal(list.files[0].size, 5);
    walk_list_fini(&list);
}

static void test_unreadable_folder_counted(void **state)
{
    (void)state;
    if (geteuid() == 0)
        skip();   /* root reads every folder */
    char path[256];
    snprintf(path, sizeof path, "%s/locked", root);
    chmod(path, 0);
    walk_list list = { 0 };
    size_t errors = 0;
    assert_int_equal(walk_corpus(root, &list, &errors), 0);
    chmod(path, 0700);
    assert_int_equal(errors, 1);
    assert_int_equal(list.n, 5);
    assert_true(walk_kept(&list, 0, "locked/hidden"));
    walk_list_fini(&list);
}

static void test_missing_root(void **state)
{
    (void)state;
    walk_list list = { 0 };
    size_t errors = 0;
    char path[256];
    snprintf(path, sizeof path, "%s/none", root);
    assert_int_equal(walk_corpus(path, &list, &errors), -1);
    walk_list_fini(&list);
}

static void test_kept_ids(void **state)
{
    (void)state;
    walk_list list = { 0 };
    assert_int_equal(walk_keep(&list, 0, "feeds/wire"), 0);
    assert_int_equal(walk_keep(&list, 0, "a/b"), 0);
    assert_true(walk_kept(&list, 0, "feeds/wire/a1"));
    assert_true(walk_kept(&list, 0, "a/b/c/d"));
    assert_false(walk_kept(&list, 0, "feeds/wirex/a1"));
    assert_false(walk_kept(&list, 0, "a"));
    assert_false(walk_kept(&list, 0, "other"));
    /* Kept below one root only: another root's documents are not. */
    assert_false(walk_kept(&list, 1, "a/b/c/d"));
    assert_true(walk_kept(&list, WALK_ANY_SOURCE, "a/b/c/d"));
    walk_list_fini(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds_ids_and_links),
        cmocka_unit_test(test_unreadable_folder_counted),
        cmocka_unit_test(test_missing_root),
        cmocka_unit_test(test_kept_ids),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
