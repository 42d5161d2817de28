/* Unit tests for the line framing: lines whole or split anywhere across
 * reads, CRLF, keep-alive blank lines, the size cap exactly at its edge,
 * the last line without a newline, a callback that fails, and random
 * streams cut at random places framing like one read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "proto/frame.h"

/* The lines handed over, joined by '|'. */
typedef struct seen {
    char text[4096];
    size_t len;
    int lines;
    int fail_at;      /* fail on this line (1-based), 0 never */
} seen;

static int collect(void *ctx, const char *line, size_t len)
{
    seen *s = ctx;
    if (++s->lines == s->fail_at)
        return -1;
    assert_true(s->len + len + 1 < sizeof s->text);
    if (s->len)
        s->text[s->len++] = '|';
    memcpy(s->text + s->len, line, len);
    s->len += len;
    s->text[s->len] = '\0';
    return 0;
}

/* Feeds `in` in pieces of `step` bytes, then ends the stream. */
static int feed_in_steps(size_t max, const char *in, size_t n, size_t step, seen *s)
{
    frame f;
    frame_init(&f, max);
    int rc = 0;
    for (size_t at = 0; rc == 0 && at < n; at += step)
        rc = frame_feed(&f, in + at, n - at < step ? n - at : step, collect, s);
    if (rc == 0)
        rc = frame_end(&f, collect, s);
    frame_fini(&f);
    return rc;
}

static void test_lines_in_one_read(void **state)
{
    (void)state;
    const char in[] = "{\"op\":\"ping\"}\nsecond\r\n\r\n  \t \nthird\r\r\n";
    seen s = { 0 };
    assert_int_equal(feed_in_steps(100, in, sizeof in - 1, sizeof in, &s), 0);
    assert_string_equal(s.text, "{\"op\":\"ping\"}|second|third");
    assert_int_equal(s.lines, 3);
}

static void test_split_anywhere(void **state)
{
    (void)state;
    const char in[] = "alpha beta\r\n\ngamma\n delta \nlast";
    for (size_t step = 1; step <= sizeof in; step++) {
        seen s = { 0 };
        assert_int_equal(feed_in_steps(100, in, sizeof in - 1, step, &s), 0);
        assert_string_equal(s.text, "alpha beta|gamma| delta |last");
    }
}

/* A line of exactly `max` bytes passes, one more byte does not, whether it
 * comes in one read or byte by byte; the lines before it are handed over. */
static void test_cap_at_its_edge(void **state)
{
    (void)state;
    char in[64];
    memset(in, 'x', 10);
    in[10] = '\n';
    for (size_t step = 1; step <= 11; step += 10) {
        seen s = { 0 };
        assert_int_equal(feed_in_steps(10, in, 11, step, &s), 0);
        assert_int_equal(s.lines, 1);
    }
    memcpy(in, "ok\n", 3);
    memset(in + 3, 'y', 11);
    in[14] = '\n';
    for (size_t step = 1; step <= 15; step += 14) {
        seen s = { 0 };
        assert_int_equal(feed_in_steps(10, in, 15, step, &s), FRAME_TOO_LONG);
        assert_string_equal(s.text, "ok");
    }
    /* No newline yet, but already too long: refused before it ends. */
    frame f;
    frame_init(&f, 10);
    seen s = { 0 };
    assert_int_equal(frame_feed(&f, in + 3, 6, collect, &s), 0);
    assert_int_equal(frame_feed(&f, in + 3, 5, collect, &s), FRAME_TOO_LONG);
    assert_int_equal(s.lines, 0);
    frame_fini(&f);
}

static void test_end_and_discard(void **state)
{
    (void)state;
    frame f;
    frame_init(&f, 100);
    seen s = { 0 };
    assert_int_equal(frame_feed(&f, "one\ntw", 6, collect, &s), 0);
    assert_int_equal(frame_end(&f, collect, &s), 0);
    assert_string_equal(s.text, "one|tw");
    assert_int_equal(frame_end(&f, collect, &s), 0);  /* nothing left */
    assert_int_equal(s.lines, 2);
    assert_int_equal(frame_feed(&f, "dropped", 7, collect, &s), 0);
    frame_discard(&f);
    assert_int_equal(frame_end(&f, collect, &s), 0);
    assert_int_equal(s.lines, 2);
    /* A blank last line is no line either. */
    assert_int_equal(frame_feed(&f, " \r", 2, collect, &s), 0);
    assert_int_equal(frame_end(&f, collect, &s), 0);
    assert_int_equal(s.lines, 2);
    frame_fini(&f);
}

static void test_callback_failure_stops(void **state)
{
    (void)state;
    seen s = { .fail_at = 2 };
    assert_int_equal(feed_in_steps(100, "a\nb\nc\n", 6, 6, &s), -1);
    assert_string_equal(s.text, "a");
    seen t = { .fail_at = 2 };
    assert_int_equal(feed_in_steps(100, "a\nb\nc\n", 6, 1, &t), -1);
    assert_string_equal(t.text, "a");
}

/* Random streams of short lines over a small alphabet (newlines, CRs,
 * blanks), cut at random: the same lines as in one read, which are the
 * pieces between newlines less their trailing CRs, blank ones left out. */
static void test_random_cuts(void **state)
{
    (void)state;
    srand(17);
    for (int round = 0; round < 2000; round++) {
        char in[200];
        size_t n = (size_t)(rand() % (int)sizeof in);
        static const char alphabet[] = "ab \t\r\n\n";
        for (size_t i = 0; i < n; i++)
            in[i] = alphabet[rand() % (int)(sizeof alphabet - 1)];
        seen want = { 0 };
        size_t from = 0;
        for (size_t i = 0; i <= n; i++) {
            if (i < n && in[i] != '\n')
                continue;
            size_t len = i - from;
            while (len && in[from + len - 1] == '\r')
                len--;
            size_t b = 0;
            while (b < len && (in[from + b] == ' ' || in[from + b] == '\t'))
                b++;
            if (b < len)
                collect(&want, in + from, len);
            from = i + 1;
        }
        seen got = { 0 };
        frame f;
        frame_init(&f, sizeof in);
        for (size_t at = 0; at < n;) {
            size_t step = 1 + (size_t)(rand() % 20);
            if (step > n - at)
                step = n - at;
            assert_int_equal(frame_feed(&f, in + at, step, collect, &got), 0);
            at += step;
        }
        assert_int_equal(frame_end(&f, collect, &got), 0);
        frame_fini(&f);
        assert_int_equal(got.lines, want.lines);
        assert_memory_equal(got.text, want.text, want.len + 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_in_one_read),
        cmocka_unit_test(test_split_anywhere),
        cmocka_unit_test(test_cap_at_its_edge),
        cmocka_unit_test(test_end_and_discard),
        cmocka_unit_test(test_callback_failure_stops),
        cmocka_unit_test(test_random_cuts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
