/* Unit tests for the daemon's settings: defaults, flags, a config file that
 * flags override, errors that name the file's line, values out of range,
 * and who may connect. */
#include <getopt.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../daemon/config.h"
#include "proto/proto.h"

static char conf[64];

/* Parses argv (NULL-terminated, program name first) into *cfg. */
static int parse(daemon_config *cfg, const char **argv)
{
    int argc = 0;
    while (argv[argc])
        argc++;
    optind = 0;   /* getopt starts afresh for each run */
    return config_parse(argc, (char **)argv, cfg);
}

static void write_conf(const char *text)
{
    FILE *f = fopen(conf, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(conf, sizeof conf, "/tmp/seekd-conf-XXXXXX");
    int fd = mkstemp(conf);
    if (fd < 0)
        return -1;
    close(fd);
    setenv("SEEKD_SOCKET", "", 1);
    setenv("XDG_RUNTIME_DIR", "/run/user/7", 1);
    setenv("SEEKD_INDEX", "/srv/idx", 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return unlink(conf);
}

static void test_defaults_and_flags(void **state)
{
    (void)state;
    daemon_config c;
    const char *none[] = { "seekd", "--config", conf, NULL };
    write_conf("");
    assert_int_equal(parse(&c, none), 0);
    assert_string_equal(c.index, "/srv/idx");
    assert_string_equal(c.socket, "/run/user/7/seekd.sock");
    assert_true(c.socket_is_default);
    assert_int_equal(c.max_line, PROTO_MAX_LINE);
    assert_int_equal(c.socket_mode, 0600);
    assert_int_equal(c.socket_gid, -1);
    assert_true(c.threads >= 1);
    assert_int_equal(c.total_bound, CONFIG_TOTAL_BOUND);
    const char *flags[] = { "seekd", "--config", conf, "--socket", "/tmp/s/x.sock", "-t", "3",
                            "--max-line", "4096", "--socket-mode", "660", "--idle-timeout", "2",
                            "--query-timeout", "0", "--max-clients", "5", "--total-bound", "0",
                            NULL };
    assert_int_equal(parse(&c, flags), 0);
    assert_string_equal(c.socket, "/tmp/s/x.sock");
    assert_false(c.socket_is_default);
    assert_int_equal(c.threads, 3);
    assert_int_equal(c.max_line, 4096);
    assert_int_equal(c.socket_mode, 0660);
    assert_int_equal(c.idle_ms, 2000);
    assert_int_equal(c.query_ms, 0);
    assert_int_equal(c.max_clients, 5);
    assert_int_equal(c.total_bound, 0);
    write_conf("total-bound = 25\n");
    const char *file[] = { "seekd", "--config", conf, NULL };
    assert_int_equal(parse(&c, file), 0);
    assert_int_equal(c.total_bound, 25);
    write_conf("");
}

static void test_file_then_flags(void **state)
{
    (void)state;
    write_conf("# seekd settings\n\n  index = /var/lib/seekd  \nthreads=4\r\nmax-clients = 9\n");
    daemon_config c;
    const char *argv[] = { "seekd", "--config", conf, "--threads", "2", NULL };
    assert_int_equal(parse(&c, argv), 0);
    assert_string_equal(c.index, "/var/lib/seekd");
    assert_int_equal(c.threads, 2);   /* the flag wins */
    assert_int_equal(c.max_clients, 9);
    const char *eq[] = { "seekd", "--config=/nonexistent/seekd.conf", NULL };
    assert_int_equal(parse(&c, eq), -1);   /* a file named must exist */
}

static void test_bad_settings(void **state)
{
    (void)state;
    daemon_config c;
    const char *argv[] = { "seekd", "--config", conf, NULL };
    write_conf("index = /x\nnot a setting\n");
    assert_int_equal(parse(&c, argv), -1);
    write_conf("colour = blue\n");
    assert_int_equal(parse(&c, argv), -1);
    write_conf("config = /etc/other.conf\n");   /* no file names another */
    assert_int_equal(parse(&c, argv), -1);
    write_conf("threads = 0\n");
    assert_int_equal(parse(&c, argv), -1);
    write_conf("");
    const char *bad[][6] = {
        { "seekd", "--config", conf, "--threads", "129", NULL },
        { "seekd", "--config", conf, "--max-line", "10", NULL },
        { "seekd", "--config", conf, "--socket-mode", "9", NULL },
        { "seekd", "--config", conf, "--max-clients", "x", NULL },
        { "seekd", "--config", conf, "--total-bound", "-1", NULL },
        { "seekd", "--config", conf, "--total-bound", "many", NULL },
        { "seekd", "--config", conf, "stray", NULL },
        { "seekd", "--config", conf, "--socket-group", "no-such-group-here", NULL },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(parse(&c, bad[i]), -1);
    const char *help[] = { "seekd", "--config", conf, "--help", NULL };
    assert_int_equal(parse(&c, help), 1);
}

static void test_who_may_connect(void **state)
{
    (void)state;
    daemon_config c;
    write_conf("");
    const char *open_to_all[] = { "seekd", "--config", conf, NULL };
    assert_int_equal(parse(&c, open_to_all), 0);
    assert_true(config_allows(&c, 4242, 4242));
    const char *listed[] = { "seekd", "--config", conf, "--allow-uid", "4242,4343", NULL };
    assert_int_equal(parse(&c, listed), 0);
    assert_int_equal(c.nallow_uid, 2);
    assert_true(config_allows(&c, 4343, 1));
    assert_false(config_allows(&c, 4444, 1));
    assert_true(config_allows(&c, getuid(), 1));   /* the daemon's own user always */
    const char *groups[] = { "seekd", "--config", conf, "--allow-gid", "4545", NULL };
    assert_int_equal(parse(&c, groups), 0);
    assert_true(config_allows(&c, 4444, 4545));
    assert_false(config_allows(&c, 4444, 4646));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_and_flags),
        cmocka_unit_test(test_file_then_flags),
        cmocka_unit_test(test_bad_settings),
        cmocka_unit_test(test_who_may_connect),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
