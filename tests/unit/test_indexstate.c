/* Unit tests for the daemon's shared index state: a change is logged once
 * however many requests meet it, a good index at start is not news, causes
 * that say nothing of the index are ignored; and an index with no documents
 * is told apart as a build under way (its lock held) or an interrupted one;
 * while a state lasts, the disk is looked at again at most once an interval. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../daemon/indexstate.h"
#include "xap/xap.h"

static int asked;

static const char *why(void *ctx)
{
    asked++;
    return ctx;
}

static const char *why_for(void *ctx)
{
    return ctx;
}

/* Notes each status in turn with stderr going to a file; returns the log. */
static char *log_of(const seek_status *sts, size_t n)
{
    char path[] = "/tmp/seekd-istate.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    for (size_t i = 0; i < n; i++)
        istate_note(sts[i], "/idx", why, "it broke");
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    FILE *f = fdopen(fd, "r");
    rewind(f);
    char *text = calloc(1, 8192);
    fread(text, 1, 8191, f);
    fclose(f);
    unlink(path);
    return text;
}

static size_t lines_with(const char *text, const char *word)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, word)); p++)
        n++;
    return n;
}

static void test_once_per_change(void **state)
{
    (void)state;
    static const seek_status sts[] = {
        SEEK_OK, SEEK_OK, SEEK_BAD_QUERY, SEEK_NOMEM, SEEK_OK,   /* nothing to say */
        SEEK_IO, SEEK_IO, SEEK_IO, SEEK_BAD_QUERY, SEEK_IO,      /* one line */
        SEEK_OK, SEEK_OK,             /* nothing: the same damaged index on disk */
        SEEK_UNBUILT, SEEK_STALE, SEEK_STALE,                    /* two lines */
        SEEK_OK,                                                 /* one line */
    };
    asked = 0;
    char *log = log_of(sts, sizeof sts / sizeof *sts);
    assert_int_equal(lines_with(log, "seekd index_unavailable"), 3);
    assert_int_equal(lines_with(log, "seekd index_available"), 1);
    assert_int_equal(lines_with(log, "status=io_error error=\"it broke\""), 1);
    assert_int_equal(lines_with(log, "status=index_unbuilt"), 1);
    assert_int_equal(lines_with(log, "status=index_stale"), 1);
    assert_int_equal(lines_with(log, "index=/idx"), 4);
    /* The message is made only for a line that is written. */
    assert_int_equal(asked, 3);
    free(log);
}

/* Notes st at now_ms with the log line, if any, going nowhere. */
static void quietly(seek_status st, const char *dir, uint64_t now_ms, const char *why)
{
    int saved = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY);
    dup2(null, STDERR_FILENO);
    istate_note_at(st, dir, now_ms, why_for, (void *)why);
    dup2(saved, STDERR_FILENO);
    close(saved);
    close(null);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* After a failed read, the index counts as readable again only once the
 * index on disk is another one: no line per request while a damaged index
 * opens on one thread and fails on another. The disk is looked at again at
 * most once per ISTATE_RECHECK_MS, so a repair is seen that much later at
 * most, never per request. */
static void test_damage_sticks_until_the_index_changes(void **state)
{
    (void)state;
    char dir[] = "/tmp/seekd-istate.XXXXXX", path[64], why[256];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/iamglass", dir);
    write_file(path, "one");
    uint64_t t = 5000000;
    quietly(SEEK_IO, dir, t, "table damaged");
    assert_true(istate_damaged(why, sizeof why));
    assert_string_equal(why, "table damaged");
    quietly(SEEK_OK, dir, t + 1, "");
    assert_true(istate_damaged(why, sizeof why));
    quietly(SEEK_OK, dir, t + ISTATE_RECHECK_MS, "");
    assert_true(istate_damaged(why, sizeof why));   /* looked: the same file */
    /* A rebuild: another version file in its place. */
    char fresh[80];
    snprintf(fresh, sizeof fresh, "%s/new", dir);
    write_file(fresh, "two");
    assert_int_equal(rename(fresh, path), 0);
    /* Within the interval of the last look, requests do not look again... */
    quietly(SEEK_OK, dir, t + ISTATE_RECHECK_MS + 1, "");
    quietly(SEEK_OK, dir, t + 2 * ISTATE_RECHECK_MS - 1, "");
    assert_true(istate_damaged(why, sizeof why));
    /* ...and the first one after it sees the repair. */
    quietly(SEEK_OK, dir, t + 2 * ISTATE_RECHECK_MS, "");
    assert_false(istate_damaged(why, sizeof why));
    /* Damage found anew is told at once, whenever the last look was. */
    quietly(SEEK_IO, dir, t + 2 * ISTATE_RECHECK_MS + 1, "damaged again");
    assert_true(istate_damaged(why, sizeof why));
    assert_string_equal(why, "damaged again");
    quietly(SEEK_OK, dir, t + 2 * ISTATE_RECHECK_MS + 2, "");
    unlink(path);
    quietly(SEEK_OK, dir, t + 4 * ISTATE_RECHECK_MS, "");
    assert_false(istate_damaged(why, sizeof why));
    rmdir(dir);
}

/* An index with no documents: whether a writer holds its lock is looked at
 * again at most once per ISTATE_RECHECK_MS, not per request. */
static void test_unbuilt_rechecks_bounded(void **state)
{
    (void)state;
    char dir[] = "/tmp/seekd-istate.XXXXXX";
    assert_non_null(mkdtemp(dir));
    xap_wdb *w;
    assert_int_equal(xap_wdb_open(dir, XAP_CREATE, &w), SEEK_OK);
    uint64_t t = 9000000;
    char path[] = "/tmp/seekd-istate-log.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    istate_note_at(SEEK_UNBUILT, dir, t, why_for, "under way");
    xap_wdb_close(w);   /* the build stops */
    /* Looking now would tell the stop with this message: no look yet. */
    istate_note_at(SEEK_UNBUILT, dir, t + 1, why_for, "too early");
    istate_note_at(SEEK_UNBUILT, dir, t + ISTATE_RECHECK_MS - 1, why_for, "too early");
    istate_note_at(SEEK_UNBUILT, dir, t + ISTATE_RECHECK_MS, why_for, "stopped");
    istate_note_at(SEEK_UNBUILT, dir, t + ISTATE_RECHECK_MS + 1, why_for, "stopped");
    istate_note_at(SEEK_OK, dir, t + ISTATE_RECHECK_MS + 2, why_for, "");
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    FILE *f = fdopen(fd, "r");
    rewind(f);
    char log[4096] = "";
    size_t n = fread(log, 1, sizeof log - 1, f);
    log[n] = '\0';
    fclose(f);
    unlink(path);
    assert_int_equal(lines_with(log, "error=\"under way\""), 1);
    assert_int_equal(lines_with(log, "too early"), 0);
    assert_int_equal(lines_with(log, "error=\"stopped\""), 1);
    assert_int_equal(lines_with(log, "seekd index_available"), 1);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_unbuilt(void **state)
{
    (void)state;
    char dir[] = "/tmp/seekd-istate.XXXXXX", msg[256];
    assert_non_null(mkdtemp(dir));
    assert_false(istate_writer_active(dir));
    xap_wdb *w;
    assert_int_equal(xap_wdb_open(dir, XAP_CREATE, &w), SEEK_OK);
    assert_true(istate_writer_active(dir));
    istate_unbuilt_message(dir, msg, sizeof msg);
    assert_non_null(strstr(msg, "being built"));
    assert_non_null(strstr(msg, dir));
    xap_wdb_close(w);
    assert_false(istate_writer_active(dir));
    istate_unbuilt_message(dir, msg, sizeof msg);
    assert_non_null(strstr(msg, "interrupted"));
    assert_null(strstr(msg, "version"));
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_once_per_change),
        cmocka_unit_test(test_damage_sticks_until_the_index_changes),
        cmocka_unit_test(test_unbuilt),
        cmocka_unit_test(test_unbuilt_rechecks_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
