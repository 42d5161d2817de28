/* Unit tests for the rebuild's parts: the note of folders read back (and
 * refused when missing or malformed), the lock meeting Xapian's writer lock
 * both ways, in another process, and the swap of a fresh index into place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../indexer/rebuild.h"
#include "xap/xap.h"

static char *tmpdir(void)
{
    char t[] = "/tmp/seekd-rebuild.XXXXXX";
    assert_non_null(mkdtemp(t));
    return strdup(t);
}

static void test_note(void **state)
{
    (void)state;
    char *dir = tmpdir(), **folders, fallback[8], err[512];
    size_t n;
    assert_int_equal(rebuild_note_read(dir, &folders, &n, fallback, sizeof fallback, err,
                                       sizeof err), SEEK_NOT_FOUND);
    assert_non_null(strstr(err, REBUILD_NOTE));
    sources s = { 0 };
    assert_true(sources_add(&s, "/data/a b") >= 0);
    assert_true(sources_add(&s, "/data/\xd0\xbd\xd0\xbe\xd0\xb2") >= 0);
    assert_int_equal(rebuild_note_write(dir, &s, "mtime"), 0);
    assert_int_equal(rebuild_note_read(dir, &folders, &n, fallback, sizeof fallback, err,
                                       sizeof err), SEEK_OK);
    assert_int_equal(n, 2);
    assert_string_equal(folders[0], "/data/a b");
    assert_string_equal(folders[1], "/data/\xd0\xbd\xd0\xbe\xd0\xb2");
    assert_string_equal(fallback, "mtime");
    for (size_t i = 0; i < n; i++)
        free(folders[i]);
    free(folders);
    /* A note naming nothing cannot rebuild anything. */
    sources none = { 0 };
    assert_int_equal(rebuild_note_write(dir, &none, "none"), 0);
    assert_int_equal(rebuild_note_read(dir, &folders, &n, fallback, sizeof fallback, err,
                                       sizeof err), SEEK_INVALID);
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, REBUILD_NOTE);
    FILE *f = fopen(path, "w");
    fputs("{\"folders\":[3]}", f);
    fclose(f);
    assert_int_equal(rebuild_note_read(dir, &folders, &n, fallback, sizeof fallback, err,
                                       sizeof err), SEEK_INVALID);
    assert_non_null(strstr(err, "not a string"));
    sources_fini(&s);
    assert_int_equal(rebuild_remove(dir), 0);
    free(dir);
}

/* In a child process: 0 when it got Xapian's writer lock on `db`. */
static int child_opens_writer(const char *db)
{
    pid_t pid = fork();
    if (pid == 0) {
        xap_wdb *w;
        seek_status st = xap_wdb_open(db, XAP_CREATE, &w);
        xap_wdb_close(w);
        _exit(st == SEEK_OK ? 0 : st == SEEK_LOCKED ? 1 : 2);
    }
    int status;
    waitpid(pid, &status, 0);
    return WEXITSTATUS(status);
}

static void test_lock(void **state)
{
    (void)state;
    char *dir = tmpdir(), db[4200];
    snprintf(db, sizeof db, "%s/index", dir);
    xap_wdb *w;
    assert_int_equal(xap_wdb_open(db, XAP_CREATE, &w), SEEK_OK);
    char *paths[] = { db };
    int fds[1];
    /* Xapian's writer holds it: busy, even after a short wait. */
    assert_int_equal(rebuild_lock(paths, 1, 0.2, fds), 1);
    assert_int_equal(fds[0], -1);
    xap_wdb_close(w);
    assert_int_equal(rebuild_lock(paths, 1, 0, fds), 0);
    assert_true(fds[0] >= 0);
    /* Held here: another process's writer finds the index locked. */
    assert_int_equal(child_opens_writer(db), 1);
    rebuild_unlock(fds, 1);
    assert_int_equal(fds[0], -1);
    assert_int_equal(child_opens_writer(db), 0);
    /* A database folder that is not there has nothing to guard. */
    char gone[4300];
    snprintf(gone, sizeof gone, "%s/gone", dir);
    char *none[] = { gone };
    assert_int_equal(rebuild_lock(none, 1, 0, fds), 0);
    rebuild_unlock(fds, 1);
    assert_int_equal(rebuild_remove(dir), 0);
    free(dir);
}

static void touch(const char *dir, const char *name)
{
    char path[4300];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
}

static int exists(const char *dir, const char *name)
{
    char path[4300];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return access(path, F_OK) == 0;
}

static void test_swap(void **state)
{
    (void)state;
    char *dir = tmpdir(), index[4200], fresh[4200], err[512] = "";
    snprintf(index, sizeof index, "%s/index", dir);
    snprintf(fresh, sizeof fresh, "%s/index.rebuild", dir);
    /* No index yet: the fresh one is simply moved in. */
    assert_int_equal(mkdir(fresh, 0700), 0);
    touch(fresh, "one");
    assert_int_equal(rebuild_swap(index, fresh, err, sizeof err), SEEK_OK);
    assert_true(exists(index, "one"));
    assert_int_equal(access(fresh, F_OK), -1);
    /* An index there: exchanged, and the old one removed. */
    assert_int_equal(mkdir(fresh, 0700), 0);
    touch(fresh, "two");
    assert_int_equal(rebuild_swap(index, fresh, err, sizeof err), SEEK_OK);
    assert_string_equal(err, "");
    assert_true(exists(index, "two"));
    assert_false(exists(index, "one"));
    assert_int_equal(access(fresh, F_OK), -1);
    /* Nothing to swap in: an error naming both. */
    assert_int_equal(rebuild_swap(index, fresh, err, sizeof err), SEEK_IO);
    assert_non_null(strstr(err, fresh));
    assert_true(exists(index, "two"));
    assert_int_equal(rebuild_remove(dir), 0);
    assert_int_equal(access(dir, F_OK), -1);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_note),
        cmocka_unit_test(test_lock),
        cmocka_unit_test(test_swap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
