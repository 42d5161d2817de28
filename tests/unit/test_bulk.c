/* Unit tests for the fresh build (indexer/bulk.c): batches on several
 * threads merged into the index in place of the empty one, ids repeated
 * within a batch and across batches (the last copy wins), an empty build,
 * a killed run's build folder, a folder that cannot be made, and merges
 * with a small fan-in making the index one compaction of all would. */
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

#include "../../indexer/bulk.h"

static char top[64], index_dir[128], build_dir[160];

static int setup(void **state)
{
    (void)state;
    snprintf(top, sizeof top, "/tmp/seekd-bulk-XXXXXX");
    if (!mkdtemp(top))
        return -1;
    snprintf(index_dir, sizeof index_dir, "%s/idx", top);
    snprintf(build_dir, sizeof build_dir, "%s/idx.build", top);
    /* What the indexer's writer leaves before a fresh build: an empty index. */
    xap_wdb *w;
    if (xap_wdb_open(index_dir, XAP_CREATE, &w) != SEEK_OK)
        return -1;
    xap_wdb_close(w);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
    return system(cmd) == 0 ? 0 : -1;
}

/* A document under Q<id> holding `word`, with `version` in value slot 1. */
static xap_doc *doc(const char *id, const char *word, const char *version)
{
    xap_doc *d;
    char idterm[64];
    snprintf(idterm, sizeof idterm, "Q%s", id);
    assert_int_equal(xap_doc_new(&d), SEEK_OK);
    assert_int_equal(xap_doc_add_boolean(d, idterm), SEEK_OK);
    assert_int_equal(xap_doc_add_posting(d, word, 1), SEEK_OK);
    assert_int_equal(xap_doc_set_value(d, 0, id, strlen(id)), SEEK_OK);
    assert_int_equal(xap_doc_set_value(d, 1, version, strlen(version)), SEEK_OK);
    return d;
}

static void add(bulk *b, const char *id, const char *word, const char *version)
{
    char idterm[64];
    snprintf(idterm, sizeof idterm, "Q%s", id);
    assert_int_equal(bulk_add(b, idterm, doc(id, word, version)), SEEK_OK);
}

/* Slot-1 values of the documents holding `term`, by id, as "id=v,id=v". */
static void versions(xap_db *db, const char *term, char *out, size_t cap)
{
    xap_query *q;
    xap_hits *h;
    static const int slots[] = { 1 };
    xap_search opt = { .limit = 100, .key_slot = 0, .slots = slots, .nslots = 1 };
    assert_int_equal(xap_query_term(term, &q), SEEK_OK);
    assert_int_equal(xap_db_search(db, q, &opt, &h), SEEK_OK);
    out[0] = '\0';
    for (size_t i = 0; i < h->n; i++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s=%s", i ? "," : "", h->hits[i].key,
                 h->hits[i].values[0]);
    xap_hits_free(h);
    xap_query_free(q);
}

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* Opens the index, which must hold `docs` documents. */
static xap_db *open_index(unsigned long docs)
{
    xap_db *db;
    xap_info info;
    assert_int_equal(xap_db_open(index_dir, &db), SEEK_OK);
    assert_int_equal(xap_db_info(db, &info), SEEK_OK);
    assert_int_equal(info.docs, docs);
    return db;
}

static void assert_metadata(xap_db *db, const char *key, const char *want)
{
    char *got;
    assert_int_equal(xap_db_metadata(db, key, &got), SEEK_OK);
    assert_string_equal(got, want);
    free(got);
}

static void test_batches_merge_in_place(void **state)
{
    (void)state;
    char err[256];
    bulk *b = bulk_new(index_dir, 2, 3, err, sizeof err);
    assert_non_null(b);
    for (int i = 0; i < 10; i++) {
        char id[16];
        snprintf(id, sizeof id, "d%02d", i);
        add(b, id, i % 2 ? "odd" : "even", "1");
    }
    const bulk_meta meta[] = { { "format", "4" }, { "feeds", "" } };
    assert_int_equal(bulk_finish(b, meta, 2), SEEK_OK);
    bulk_free(b);
    assert_false(exists(build_dir));

    char got[512];
    xap_db *db = open_index(10);
    assert_metadata(db, "format", "4");
    versions(db, "odd", got, sizeof got);
    assert_string_equal(got, "d01=1,d03=1,d05=1,d07=1,d09=1");
    xap_db_close(db);
}

static void test_last_copy_wins(void **state)
{
    (void)state;
    char err[256];
    bulk *b = bulk_new(index_dir, 2, 2, err, sizeof err);
    assert_non_null(b);
    add(b, "a", "word", "1");      /* batch 0 */
    add(b, "a", "word", "2");      /* batch 0 again: replaced there */
    add(b, "b", "word", "1");      /* batch 1 */
    add(b, "a", "word", "3");      /* batch 1: batch 0's copy must go */
    add(b, "c", "word", "1");      /* batch 2 */
    add(b, "b", "other", "2");     /* batch 2: batch 1's copy must go */
    add(b, "a", "word", "4");      /* batch 3 */
    assert_int_equal(bulk_finish(b, NULL, 0), SEEK_OK);
    bulk_free(b);

    char got[512];
    xap_db *db = open_index(3);
    versions(db, "word", got, sizeof got);
    assert_string_equal(got, "a=4,c=1");
    versions(db, "other", got, sizeof got);
    assert_string_equal(got, "b=2");
    xap_db_close(db);
}

static void test_nothing_to_add(void **state)
{
    (void)state;
    char err[256];
    bulk *b = bulk_new(index_dir, 2, 10, err, sizeof err);
    assert_non_null(b);
    const bulk_meta meta[] = { { "format", "4" } };
    assert_int_equal(bulk_finish(b, meta, 1), SEEK_OK);
    bulk_free(b);
    xap_db *db = open_index(0);
    assert_metadata(db, "format", "4");
    xap_db_close(db);
}

/* A run killed mid-build leaves its folder; the next one starts clean, and
 * a run that stops before finishing leaves the index as it was. */
static void test_killed_run_and_unfinished_run(void **state)
{
    (void)state;
    char junk[256], err[256];
    assert_int_equal(mkdir(build_dir, 0700), 0);
    snprintf(junk, sizeof junk, "%s/batch0", build_dir);
    assert_int_equal(mkdir(junk, 0700), 0);
    bulk *b = bulk_new(index_dir, 1, 1, err, sizeof err);
    assert_non_null(b);
    assert_false(exists(junk));
    add(b, "a", "word", "1");
    add(b, "b", "word", "1");
    bulk_free(b);   /* never finished */
    assert_false(exists(build_dir));
    xap_db_close(open_index(0));
}

/* Builds `ndocs` documents, in batches of 2 with copies replaced across
 * batches, into a new empty index at `path` with merges of `fanin`. */
static void build_with_fanin(const char *path, unsigned fanin, int ndocs)
{
    char err[256];
    xap_wdb *w;
    assert_int_equal(xap_wdb_open(path, XAP_CREATE, &w), SEEK_OK);
    xap_wdb_close(w);
    bulk *b = bulk_new(path, 2, 2, err, sizeof err);
    assert_non_null(b);
    bulk_set_merge_fanin(b, fanin);
    for (int i = 0; i < ndocs; i++) {
        /* Every fifth document replaces an earlier one, most in other batches. */
        int id = i % 5 == 4 ? i / 3 : i;
        char key[16], version[16], idterm[32], word[16];
        snprintf(key, sizeof key, "d%03d", id);
        snprintf(version, sizeof version, "%d", i);
        snprintf(idterm, sizeof idterm, "Q%s", key);
        xap_doc *d = doc(key, i % 2 ? "odd" : "even", version);
        for (int k = 0; k < 1 + i % 4; k++) {
            snprintf(word, sizeof word, "w%d", (i * 7 + k * 3) % 11);
            assert_int_equal(xap_doc_add_posting(d, word, (unsigned)(2 + k)), SEEK_OK);
        }
        assert_int_equal(bulk_add(b, idterm, d), SEEK_OK);
    }
    const bulk_meta meta[] = { { "format", "4" } };
    seek_status st = bulk_finish(b, meta, 1);
    if (st != SEEK_OK)
        fprintf(stderr, "fan-in %u: %s\n", fanin, bulk_errmsg(b));
    assert_int_equal(st, SEEK_OK);
    bulk_free(b);
}

/* Every term with its document count, then each term's ranked hits (docid,
 * score, id, version), as one string. */
static void dump(const char *path, char *out, size_t cap)
{
    xap_db *db;
    xap_count *terms;
    size_t n;
    assert_int_equal(xap_db_open(path, &db), SEEK_OK);
    assert_int_equal(xap_db_terms(db, "", &terms, &n), SEEK_OK);
    assert_true(n > 10);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        xap_query *q;
        xap_hits *h;
        static const int slots[] = { 1 };
        xap_search opt = { .limit = 1000, .key_slot = 0, .slots = slots, .nslots = 1 };
        assert_int_equal(xap_query_term(terms[i].term, &q), SEEK_OK);
        assert_int_equal(xap_db_search(db, q, &opt, &h), SEEK_OK);
        assert_int_equal(h->n, terms[i].count);
        snprintf(out + strlen(out), cap - strlen(out), "%s:%lu", terms[i].term, terms[i].count);
        for (size_t k = 0; k < h->n; k++)
            snprintf(out + strlen(out), cap - strlen(out), " %u/%.6f/%s=%s", h->hits[k].docid,
                     h->hits[k].score, h->hits[k].key, h->hits[k].values[0]);
        snprintf(out + strlen(out), cap - strlen(out), "\n");
        xap_hits_free(h);
        xap_query_free(q);
    }
    assert_true(strlen(out) + 1 < cap);
    xap_counts_free(terms, n);
    xap_db_close(db);
}

/* 48 batches merged with fan-ins 2 (several levels of runs) and 5 (one
 * level) make the index one compaction of all batches makes: the same
 * documents, numbers, terms and ranked answers. */
static void test_small_fanin_same_index(void **state)
{
    (void)state;
    static char flat[1 << 16], merged[1 << 16];
    char path[160];
    snprintf(path, sizeof path, "%s/flat", top);
    build_with_fanin(path, BULK_MERGE_FANIN, 96);
    dump(path, flat, sizeof flat);
    assert_non_null(strstr(flat, "\nodd:"));
    static const unsigned fanins[] = { 2, 5, 47 };
    for (size_t i = 0; i < sizeof fanins / sizeof *fanins; i++) {
        snprintf(path, sizeof path, "%s/fanin%u", top, fanins[i]);
        build_with_fanin(path, fanins[i], 96);
        dump(path, merged, sizeof merged);
        assert_string_equal(merged, flat);
        snprintf(path, sizeof path, "%s/fanin%u.build", top, fanins[i]);
        assert_false(exists(path));
    }
}

static void test_no_index_no_build(void **state)
{
    (void)state;
    char missing[160], err[256];
    snprintf(missing, sizeof missing, "%s/nothing/idx", top);
    assert_null(bulk_new(missing, 2, 10, err, sizeof err));
    assert_non_null(strstr(err, "nothing/idx"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_batches_merge_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_last_copy_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nothing_to_add, setup, teardown),
        cmocka_unit_test_setup_teardown(test_killed_run_and_unfinished_run, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_index_no_build, setup, teardown),
        cmocka_unit_test_setup_teardown(test_small_fanin_same_index, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
