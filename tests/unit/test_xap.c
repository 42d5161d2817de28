/* Unit tests for the Xapian shim: a three-document index in a temporary
 * folder, shards, the query builders, and the error paths a C caller must see as
 * statuses with messages (missing index, lock held, damaged table). */
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "shard.h"
#include "xap/xap.h"

#define FACET_FIRST 10   /* the words of a test document, one per slot */

static char dir[64];

static void add(xap_wdb *w, const char *id, const char *const *words, const char *val)
{
    xap_doc *d;
    assert_int_equal(xap_doc_new(&d), SEEK_OK);
    char idterm[64];
    snprintf(idterm, sizeof idterm, "Q%s", id);
    assert_int_equal(xap_doc_add_boolean(d, idterm), SEEK_OK);
    for (unsigned i = 0; words[i]; i++) {
        assert_int_equal(xap_doc_add_posting(d, words[i], i + 1), SEEK_OK);
        assert_int_equal(xap_doc_set_value(d, FACET_FIRST + (int)i, words[i], strlen(words[i])),
                         SEEK_OK);
    }
    assert_int_equal(xap_doc_set_value(d, 0, id, strlen(id)), SEEK_OK);
    assert_int_equal(xap_doc_set_value(d, 1, val, strlen(val)), SEEK_OK);
    assert_int_equal(xap_wdb_replace(w, idterm, d), SEEK_OK);
    xap_doc_free(d);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/seekd-xap-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    strcat(dir, "/idx");
    xap_wdb *w;
    if (xap_wdb_open(dir, XAP_CREATE, &w) != SEEK_OK)
        return -1;
    static const char *const a[] = { "collective", "security", "council", NULL };
    static const char *const b[] = { "security", "council", "collective", NULL };
    static const char *const c[] = { "council", "of", "ministers", NULL };
    xap_wdb_begin(w);
    add(w, "a", a, "20150914");
    add(w, "b", b, "20171130");
    add(w, "c", c, "20220110");
    xap_wdb_set_metadata(w, "k", "v");
    seek_status st = xap_wdb_commit(w);
    xap_wdb_close(w);
    return st == SEEK_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    char *slash = strrchr(dir, '/');
    *slash = '\0';
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Ids of the hits of `q` (their keys: value slot 0), comma-separated, in
 * rank order. */
static void ids_of(xap_db *db, xap_query *q, char *out, size_t cap, unsigned long *total)
{
    xap_search opt = { .limit = 10, .key_slot = 0 };
    xap_hits *h;
    assert_int_equal(xap_db_search(db, q, &opt, &h), SEEK_OK);
    out[0] = '\0';
    for (size_t i = 0; i < h->n; i++) {
        if (i)
            strncat(out, ",", cap - strlen(out) - 1);
        strncat(out, h->hits[i].key, cap - strlen(out) - 1);
        assert_null(h->hits[i].values);  /* no slots asked for */
    }
    *total = h->total;
    xap_hits_free(h);
    xap_query_free(q);
}

static void test_phrase_and_near(void **state)
{
    (void)state;
    xap_db *db;
    assert_int_equal(xap_db_open(dir, &db), SEEK_OK);
    const char *terms[] = { "collective", "security" };
    xap_query *q;
    char ids[64];
    unsigned long total;
    assert_int_equal(xap_query_phrase(terms, 2, 2, &q), SEEK_OK);
    ids_of(db, q, ids, sizeof ids, &total);
    assert_string_equal(ids, "a");
    assert_int_equal(total, 1);
    /* In b, "collective" follows "security" two positions on: near, not a phrase. */
    assert_int_equal(xap_query_near(terms, 2, 3, &q), SEEK_OK);
    ids_of(db, q, ids, sizeof ids, &total);
    assert_int_equal(total, 2);
    xap_db_close(db);
}

/* A scaled query matches the same documents with scores times the factor. */
static void test_scaled_weight(void **state)
{
    (void)state;
    xap_db *db;
    assert_int_equal(xap_db_open(dir, &db), SEEK_OK);
    xap_query *q, *scaled;
    assert_int_equal(xap_query_term("security", &q), SEEK_OK);
    assert_int_equal(xap_query_scale(q, 0.25, &scaled), SEEK_OK);
    xap_search opt = { .limit = 10, .key_slot = -1 };
    xap_hits *a = NULL, *b = NULL;
    assert_int_equal(xap_db_search(db, q, &opt, &a), SEEK_OK);
    assert_int_equal(xap_db_search(db, scaled, &opt, &b), SEEK_OK);
    assert_true(a->n > 0);
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        assert_int_equal(a->hits[i].docid, b->hits[i].docid);
        assert_true(a->hits[i].score > 0);
        assert_true(b->hits[i].score > a->hits[i].score * 0.2499
                    && b->hits[i].score < a->hits[i].score * 0.2501);
    }
    xap_hits_free(a);
    xap_hits_free(b);
    xap_query_free(q);
    xap_query_free(scaled);
    xap_db_close(db);
}

static void test_boolean_ops_and_values(void **state)
{
    (void)state;
    xap_db *db;
    assert_int_equal(xap_db_open(dir, &db), SEEK_OK);
    xap_query *council, *security, *q, *range;
    char ids[64];
    unsigned long total;
    xap_query_term("council", &council);
    xap_query_term("security", &security);
    assert_int_equal(xap_query_combine(XAP_AND_NOT, council, security, &q), SEEK_OK);
    ids_of(db, q, ids, sizeof ids, &total);
    assert_string_equal(ids, "c");
    assert_int_equal(xap_query_value_range(1, "20150101", "20171231", &range), SEEK_OK);
    assert_int_equal(xap_query_combine(XAP_FILTER, council, range, &q), SEEK_OK);
    ids_of(db, q, ids, sizeof ids, &total);
    assert_int_equal(total, 2);
    xap_query_free(range);
    assert_int_equal(xap_query_wildcard("coun", 10, &q), SEEK_OK);
    ids_of(db, q, ids, sizeof ids, &total);
    assert_int_equal(total, 3);
    assert_int_equal(xap_query_all(&q), SEEK_OK);
    ids_of(db, q, ids, sizeof ids, &total);
    assert_int_equal(total, 3);
    xap_query_free(council);
    xap_query_free(security);

    /* Of too many wildcard expansions the most frequent are searched; the
     * caller learns there were more from xap_db_prefix_count. */
    xap_query *wild;
    xap_hits *h = NULL;
    static const int slots[] = { 0 };
    xap_search opt = { .limit = 10, .slots = slots, .nslots = 1 };
    assert_int_equal(xap_query_wildcard("", 1, &wild), SEEK_OK);
    assert_int_equal(xap_db_search(db, wild, &opt, &h), SEEK_OK);
    assert_true(h->total >= 1);
    xap_hits_free(h);
    xap_query_free(wild);
    unsigned long count;
    assert_int_equal(xap_db_prefix_count(db, "", 1, &count), SEEK_OK);
    assert_int_equal(count, 2);
    assert_int_equal(xap_db_prefix_count(db, "coun", 1000, &count), SEEK_OK);
    assert_int_equal(count, 1);
    assert_int_equal(xap_db_prefix_count(db, "zzz", 1000, &count), SEEK_OK);
    assert_int_equal(count, 0);
    xap_db_close(db);
}

/* A document of stems (terms under Z, which feedback reads) and words. */
static void add_stems(xap_wdb *w, const char *id, const char *stems, const char *words)
{
    xap_doc *d;
    assert_int_equal(xap_doc_new(&d), SEEK_OK);
    char term[64];
    snprintf(term, sizeof term, "Q%s", id);
    assert_int_equal(xap_doc_add_boolean(d, term), SEEK_OK);
    assert_int_equal(xap_doc_set_value(d, 0, id, strlen(id)), SEEK_OK);
    char buf[256];
    snprintf(buf, sizeof buf, "%s", stems);
    for (char *t = strtok(buf, " "); t; t = strtok(NULL, " ")) {
        snprintf(term, sizeof term, "Z%s", t);
        assert_int_equal(xap_doc_add_term(d, term, 1), SEEK_OK);
    }
    snprintf(buf, sizeof buf, "%s", words);
    unsigned pos = 1;
    for (char *t = strtok(buf, " "); t; t = strtok(NULL, " "))
        assert_int_equal(xap_doc_add_posting(d, t, pos++), SEEK_OK);
    snprintf(term, sizeof term, "Q%s", id);
    assert_int_equal(xap_wdb_replace(w, term, d), SEEK_OK);
    xap_doc_free(d);
}

/* The hits of one stem, ranked with or without feedback, as "id:score,...". */
static void ranked(xap_db *db, const char *stem, int feedback, unsigned limit, char *out,
                   size_t cap, unsigned long *total)
{
    xap_query *q;
    assert_int_equal(xap_query_term(stem, &q), SEEK_OK);
    xap_search opt = { .limit = limit, .key_slot = 0, .feedback = feedback };
    xap_hits *h;
    assert_int_equal(xap_db_search(db, q, &opt, &h), SEEK_OK);
    out[0] = '\0';
    for (size_t i = 0; i < h->n; i++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s:%.6f", i ? "," : "", h->hits[i].key,
                 h->hits[i].score);
    *total = h->total;
    xap_hits_free(h);
    xap_query_free(q);
}

static int collect_word(const char *word, size_t len, unsigned long docs, void *ctx)
{
    char *out = ctx;
    snprintf(out + strlen(out), 256 - strlen(out), "%.*s:%lu ", (int)len, word, docs);
    return 0;
}

static void test_feedback_and_words(void **state)
{
    (void)state;
    char fdir[64];
    snprintf(fdir, sizeof fdir, "/tmp/seekd-xapfb-XXXXXX");
    assert_non_null(mkdtemp(fdir));
    strcat(fdir, "/idx");
    xap_wdb *w;
    assert_int_equal(xap_wdb_open(fdir, XAP_CREATE, &w), SEEK_OK);
    /* d3, the shortest, ranks first for storm alone; d1 and d2 share coast
     * and flood with d4, so feedback from storm's documents lifts them. */
    add_stems(w, "d1", "storm coast flood", "storm stone");
    add_stems(w, "d2", "storm coast flood wind", "coast");
    add_stems(w, "d3", "storm rain", "sea");
    add_stems(w, "d4", "coast flood wind", "");
    static const char *const other[] = { "o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8" };
    for (size_t i = 0; i < 8; i++)
        add_stems(w, other[i], "harvest field", "");
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    xap_db *db;
    assert_int_equal(xap_db_open(fdir, &db), SEEK_OK);
    char plain[256], fb[256], again[256];
    unsigned long total, fb_total;
    ranked(db, "Zstorm", 0, 10, plain, sizeof plain, &total);
    ranked(db, "Zstorm", 1, 10, fb, sizeof fb, &fb_total);
    assert_int_equal(total, 3);
    assert_int_equal(fb_total, 3);   /* feedback reorders, never adds */
    assert_true(strncmp(plain, "d3:", 3) == 0);
    assert_non_null(strstr(fb, "d3:"));
    assert_true(strstr(fb, "d3:") > strstr(fb, "d1:") && strstr(fb, "d3:") > strstr(fb, "d2:"));
    ranked(db, "Zstorm", 1, 10, again, sizeof again, &fb_total);
    assert_string_equal(fb, again);   /* from what the reader keeps, the same */
    /* One match: nothing to reorder, the plain score. */
    ranked(db, "Zrain", 0, 10, plain, sizeof plain, &total);
    ranked(db, "Zrain", 1, 10, fb, sizeof fb, &fb_total);
    assert_string_equal(plain, fb);
    /* No hits asked for: the count alone. */
    ranked(db, "Zstorm", 1, 0, fb, sizeof fb, &fb_total);
    assert_string_equal(fb, "");
    assert_int_equal(fb_total, 3);
    /* A new revision: what the reader kept of the old one is not used. */
    add_stems(w, "d5", "storm coast wind", "");
    add_stems(w, "d6", "flood wind", "");
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    int moved;
    assert_int_equal(xap_db_reopen(db, &moved), SEEK_OK);
    assert_true(moved);
    ranked(db, "Zstorm", 1, 10, fb, sizeof fb, &fb_total);
    xap_db *fresh;
    assert_int_equal(xap_db_open(fdir, &fresh), SEEK_OK);
    ranked(fresh, "Zstorm", 1, 10, again, sizeof again, &total);
    assert_string_equal(fb, again);
    assert_int_equal(total, 4);
    /* The words starting with a given text, and all of them. */
    char words[256] = "";
    assert_int_equal(xap_db_each_word(fresh, "s", collect_word, words), SEEK_OK);
    assert_string_equal(words, "sea:1 stone:1 storm:1 ");
    words[0] = '\0';
    assert_int_equal(xap_db_each_word(fresh, "", collect_word, words), SEEK_OK);
    assert_string_equal(words, "coast:1 sea:1 stone:1 storm:1 ");
    xap_db_close(fresh);
    xap_db_close(db);
    xap_wdb_close(w);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%.*s'", (int)(strlen(fdir) - 4), fdir);
    assert_int_equal(system(cmd), 0);
}

static void test_info_metadata_and_values(void **state)
{
    (void)state;
    xap_db *db;
    assert_int_equal(xap_db_open(dir, &db), SEEK_OK);
    xap_info info;
    assert_int_equal(xap_db_info(db, &info), SEEK_OK);
    assert_int_equal(info.docs, 3);
    assert_true(info.revision >= 1);
    char *v;
    assert_int_equal(xap_db_metadata(db, "k", &v), SEEK_OK);
    assert_string_equal(v, "v");
    free(v);
    assert_int_equal(xap_db_metadata(db, "missing", &v), SEEK_OK);
    assert_string_equal(v, "");
    free(v);
    xap_db_close(db);

    xap_wdb *w;
    assert_int_equal(xap_wdb_open(dir, XAP_CREATE, &w), SEEK_OK);
    assert_int_equal(xap_wdb_value(w, "Qb", 1, &v), SEEK_OK);
    assert_string_equal(v, "20171130");
    free(v);
    assert_int_equal(xap_wdb_value(w, "Qzz", 1, &v), SEEK_NOT_FOUND);
    char **terms;
    size_t n;
    assert_int_equal(xap_wdb_terms(w, "Q", &terms, &n), SEEK_OK);
    assert_int_equal(n, 3);
    assert_string_equal(terms[0], "Qa");
    xap_strv_free(terms, n);
    xap_wdb_close(w);
}

static void test_second_writer_is_locked_out(void **state)
{
    (void)state;
    xap_wdb *w1, *w2 = NULL;
    assert_int_equal(xap_wdb_open(dir, XAP_CREATE, &w1), SEEK_OK);
    assert_int_equal(xap_wdb_open(dir, XAP_CREATE, &w2), SEEK_LOCKED);
    assert_null(w2);
    assert_non_null(strstr(xap_errmsg(), "lock"));
    xap_wdb_close(w1);
    assert_int_equal(xap_wdb_open(dir, XAP_CREATE, &w2), SEEK_OK);
    xap_wdb_close(w2);
}

static void test_uncommitted_changes_are_invisible(void **state)
{
    (void)state;
    xap_wdb *w;
    assert_int_equal(xap_wdb_open(dir, XAP_CREATE, &w), SEEK_OK);
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    assert_int_equal(xap_wdb_delete(w, "Qa"), SEEK_OK);
    xap_wdb_close(w);  /* no commit */
    xap_db *db;
    assert_int_equal(xap_db_open(dir, &db), SEEK_OK);
    xap_info info;
    assert_int_equal(xap_db_info(db, &info), SEEK_OK);
    assert_int_equal(info.docs, 3);
    xap_db_close(db);
}

static void test_missing_index(void **state)
{
    (void)state;
    xap_db *db = (xap_db *)1;
    assert_int_equal(xap_db_open("/nonexistent/seekd/index", &db), SEEK_NOT_FOUND);
    assert_null(db);
    assert_true(strlen(xap_errmsg()) > 0);
}

static void test_bad_builder_input(void **state)
{
    (void)state;
    xap_query *q = NULL;
    assert_int_equal(xap_query_term("", &q), SEEK_INVALID);
    assert_null(q);
    assert_int_equal(xap_query_phrase(NULL, 0, 0, &q), SEEK_INVALID);
    xap_stem *s;
    assert_int_equal(xap_stem_new("klingon", &s), SEEK_INVALID);
    assert_int_equal(xap_stem_new("english", &s), SEEK_OK);
    char out[32];
    assert_int_equal(xap_stem_word(s, "councils", 8, out, sizeof out), 7);
    assert_string_equal(out, "council");
    xap_stem_free(s);
}

static void test_facets_ranking_and_terms(void **state)
{
    (void)state;
    xap_db *db;
    assert_int_equal(xap_db_open(dir, &db), SEEK_OK);
    /* Facets over every match, from the word slots: council is in all
     * three documents, collective and security in two (ties by value). */
    xap_query *q;
    xap_query_term("council", &q);
    static const xap_facet_spec facets[] = { { FACET_FIRST, 3 }, { 50, 2 } };
    xap_search opt = { .limit = 1, .key_slot = -1, .facets = facets, .nfacets = 2,
                       .facet_top = 2 };
    xap_hits *h;
    assert_int_equal(xap_db_search(db, q, &opt, &h), SEEK_OK);
    assert_int_equal(h->n, 1);
    assert_int_equal(h->total, 3);
    assert_null(h->hits[0].key);
    assert_int_equal(h->nfacets, 2);
    assert_int_equal(h->facets[0].n, 2);
    assert_string_equal(h->facets[0].top[0].term, "council");
    assert_int_equal(h->facets[0].top[0].count, 3);
    assert_string_equal(h->facets[0].top[1].term, "collective");
    assert_int_equal(h->facets[0].top[1].count, 2);
    assert_int_equal(h->facets[1].n, 0);
    xap_hits_free(h);

    /* Ranked by occurrences: each holds "council" once; ties by key. */
    static const int slots[] = { 1 };
    xap_search bywdf = { .limit = 10, .rank = XAP_RANK_WDF, .key_slot = 0, .slots = slots,
                         .nslots = 1 };
    assert_int_equal(xap_db_search(db, q, &bywdf, &h), SEEK_OK);
    assert_int_equal(h->n, 3);
    for (size_t i = 0; i < h->n; i++)
        assert_true(h->hits[i].score == 1.0);
    assert_string_equal(h->hits[0].key, "a");
    assert_string_equal(h->hits[2].key, "c");
    assert_string_equal(h->hits[1].values[0], "20171130");
    xap_hits_free(h);
    xap_query_free(q);

    unsigned long tf;
    assert_int_equal(xap_db_termfreq(db, "security", &tf), SEEK_OK);
    assert_int_equal(tf, 2);
    assert_int_equal(xap_db_termfreq(db, "nowhere", &tf), SEEK_OK);
    assert_int_equal(tf, 0);

    xap_count *c;
    size_t n;
    assert_int_equal(xap_db_terms(db, "co", &c, &n), SEEK_OK);
    assert_int_equal(n, 2);
    assert_string_equal(c[0].term, "collective");
    assert_int_equal(c[0].count, 2);
    xap_counts_free(c, n);
    xap_db_close(db);
}

/* A writer over three shards puts each document where shard_of() says,
 * writes metadata to all, and a stub file opens them as one index. */
static void test_shards(void **state)
{
    (void)state;
    char paths[3][96], stub[96];
    const char *pv[3];
    for (int i = 0; i < 3; i++) {
        snprintf(paths[i], sizeof paths[i], "%s-shard%d", dir, i);
        pv[i] = paths[i];
    }
    xap_wdb *w;
    assert_int_equal(xap_wdb_open_shards(pv, 3, XAP_CREATE, &w), SEEK_OK);
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    static const char *const words[] = { "shared", "word", NULL };
    char id[16];
    for (int i = 0; i < 20; i++) {
        snprintf(id, sizeof id, "doc%d", i);
        add(w, id, words, "20200101");
    }
    assert_int_equal(xap_wdb_delete(w, "Qdoc7"), SEEK_OK);
    assert_int_equal(xap_wdb_set_metadata(w, "k", "all"), SEEK_OK);
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    char **terms;
    size_t n;
    assert_int_equal(xap_wdb_terms(w, "Q", &terms, &n), SEEK_OK);
    assert_int_equal(n, 19);
    xap_strv_free(terms, n);
    /* The ids of the documents holding a term, from every shard. */
    assert_int_equal(xap_wdb_term_values(w, "shared", 0, &terms, &n), SEEK_OK);
    assert_int_equal(n, 19);
    int seen[20] = { 0 };
    for (size_t i = 0; i < n; i++) {
        int k = -1;
        assert_int_equal(sscanf(terms[i], "doc%d", &k), 1);
        assert_true(k >= 0 && k < 20 && k != 7 && !seen[k]);
        seen[k] = 1;
    }
    xap_strv_free(terms, n);
    assert_int_equal(xap_wdb_term_values(w, "Qdoc3", 1, &terms, &n), SEEK_OK);
    assert_int_equal(n, 1);
    assert_string_equal(terms[0], "20200101");
    xap_strv_free(terms, n);
    assert_int_equal(xap_wdb_term_values(w, "Qdoc3", 99, &terms, &n), SEEK_OK);
    assert_int_equal(n, 1);
    assert_string_equal(terms[0], "");
    xap_strv_free(terms, n);
    assert_int_equal(xap_wdb_term_values(w, "nowhere", 0, &terms, &n), SEEK_OK);
    assert_int_equal(n, 0);
    xap_strv_free(terms, n);
    char *v;
    assert_int_equal(xap_wdb_value(w, "Qdoc3", 1, &v), SEEK_OK);
    assert_string_equal(v, "20200101");
    free(v);
    xap_wdb_close(w);

    unsigned long docs = 0;
    for (int s = 0; s < 3; s++) {
        xap_db *db;
        assert_int_equal(xap_db_open(paths[s], &db), SEEK_OK);
        for (int i = 0; i < 20; i++) {
            char idterm[16];
            unsigned long tf;
            snprintf(idterm, sizeof idterm, "Qdoc%d", i);
            assert_int_equal(xap_db_termfreq(db, idterm, &tf), SEEK_OK);
            assert_int_equal(tf, i != 7 && shard_of(idterm, 3) == (unsigned)s);
        }
        assert_int_equal(xap_db_metadata(db, "k", &v), SEEK_OK);
        assert_string_equal(v, "all");
        free(v);
        xap_info info;
        assert_int_equal(xap_db_info(db, &info), SEEK_OK);
        docs += info.docs;
        xap_db_close(db);
    }
    assert_int_equal(docs, 19);

    snprintf(stub, sizeof stub, "%s-stub", dir);
    FILE *f = fopen(stub, "w");
    assert_non_null(f);
    for (int s = 0; s < 3; s++)
        fprintf(f, "auto %s\n", paths[s]);
    fclose(f);
    xap_db *db;
    assert_int_equal(xap_db_open(stub, &db), SEEK_OK);
    xap_info info;
    assert_int_equal(xap_db_info(db, &info), SEEK_OK);
    assert_int_equal(info.docs, 19);
    assert_int_equal(info.revision, 0);
    xap_query *q;
    xap_query_term("shared", &q);
    char ids[256];
    unsigned long total;
    ids_of(db, q, ids, sizeof ids, &total);
    assert_int_equal(total, 19);
    /* Equal scores: key order, whatever shard a document is in. */
    assert_string_equal(ids, "doc0,doc1,doc10,doc11,doc12,doc13,doc14,doc15,doc16,doc17");
    xap_db_close(db);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'-shard* '%s'", dir, stub);
    assert_int_equal(system(cmd), 0);
}

/* Documents that all hold "quarterly harvest", of lengths from 4 to 23
 * words, so that their scores differ: into one database, or three shards. */
#define BOUND_DOCS 300
static void write_bound_docs(const char *const *paths, size_t n)
{
    xap_wdb *w;
    assert_int_equal(n == 1 ? xap_wdb_open(paths[0], XAP_CREATE, &w)
                            : xap_wdb_open_shards(paths, n, XAP_CREATE, &w), SEEK_OK);
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    static const char *const fill[] = { "river", "stone", "cloud", "meadow", "lantern" };
    for (int i = 0; i < BOUND_DOCS; i++) {
        const char *words[32] = { "the", "quarterly", "harvest", "report" };
        size_t len = 4 + (size_t)(i * 7 % 20);
        for (size_t k = 4; k < len; k++)
            words[k] = fill[(i + k) % 5];
        words[len] = NULL;
        char id[16];
        snprintf(id, sizeof id, "h%03d", i);
        add(w, id, words, "20200101");
    }
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    xap_wdb_close(w);
}

/* Runs the phrase with `bound`; returns the hits (free them). */
static xap_hits *bounded(xap_db *db, unsigned long bound, const xap_facet_spec *facets,
                         size_t nfacets)
{
    static const char *const terms[] = { "quarterly", "harvest" };
    xap_query *q;
    assert_int_equal(xap_query_phrase(terms, 2, 2, &q), SEEK_OK);
    xap_search opt = { .limit = 10, .key_slot = 0, .count_bound = bound, .facets = facets,
                       .nfacets = nfacets, .facet_top = 3 };
    xap_hits *h;
    assert_int_equal(xap_db_search(db, q, &opt, &h), SEEK_OK);
    xap_query_free(q);
    return h;
}

/* The same page, whatever the bound. */
static void same_page(const xap_hits *a, const xap_hits *b)
{
    assert_int_equal(a->n, 10);
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++)
        assert_string_equal(a->hits[i].key, b->hits[i].key);
}

/* count_bound: up to it the count is exact; past it the search stops
 * counting and the total is a lower bound of at least the bound; 0 and a
 * bound past the index count every match, as facets always do. The page
 * is the same either way, on one database and over shards. */
static void test_count_bound(void **state)
{
    (void)state;
    char one[96], paths[3][96], stub[96];
    const char *pv[3];
    snprintf(one, sizeof one, "%s-bound", dir);
    pv[0] = one;
    write_bound_docs(pv, 1);
    for (int i = 0; i < 3; i++) {
        snprintf(paths[i], sizeof paths[i], "%s-bshard%d", dir, i);
        pv[i] = paths[i];
    }
    write_bound_docs(pv, 3);
    snprintf(stub, sizeof stub, "%s-bstub", dir);
    FILE *f = fopen(stub, "w");
    assert_non_null(f);
    for (int s = 0; s < 3; s++)
        fprintf(f, "auto %s\n", paths[s]);
    fclose(f);
    static const xap_facet_spec facets[] = { { FACET_FIRST, 3 } };
    const char *const dbs[] = { one, stub };
    for (size_t d = 0; d < 2; d++) {
        xap_db *db;
        assert_int_equal(xap_db_open(dbs[d], &db), SEEK_OK);
        xap_hits *all = bounded(db, 0, NULL, 0);
        assert_true(all->exact);
        assert_int_equal(all->total, BOUND_DOCS);
        xap_hits *cut = bounded(db, 20, NULL, 0);
        assert_false(cut->exact);
        assert_true(cut->total >= 20 && cut->total < BOUND_DOCS);
        same_page(all, cut);
        xap_hits_free(cut);
        cut = bounded(db, BOUND_DOCS + 1, NULL, 0);
        assert_true(cut->exact);
        assert_int_equal(cut->total, BOUND_DOCS);
        same_page(all, cut);
        xap_hits_free(cut);
        cut = bounded(db, 20, facets, 1);
        assert_true(cut->exact);
        assert_int_equal(cut->total, BOUND_DOCS);
        assert_int_equal(cut->facets[0].top[0].count, BOUND_DOCS);
        same_page(all, cut);
        xap_hits_free(cut);
        xap_hits_free(all);
        xap_db_close(db);
    }
    char cmd[384];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'-bshard* '%s'", one, dir, stub);
    assert_int_equal(system(cmd), 0);
}

typedef struct dated { char id[16], date[16]; } dated;

static int newest_first(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    int c = strcmp(y->date, x->date);   /* "" is least: last */
    return c ? c : strcmp(x->id, y->id);
}

static int oldest_first(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    int c = strcmp(x->date, y->date);
    return c ? c : strcmp(x->id, y->id);
}

/* Sorting by a value over three shards: equal values (and scores) go in
 * key order, as on one database, and every page is the same slice of the
 * whole order. */
static void test_value_order_paging(void **state)
{
    (void)state;
    enum { N = 40 };
    char paths[3][96], stub[96];
    const char *pv[3];
    for (int i = 0; i < 3; i++) {
        snprintf(paths[i], sizeof paths[i], "%s-vshard%d", dir, i);
        pv[i] = paths[i];
    }
    xap_wdb *w;
    assert_int_equal(xap_wdb_open_shards(pv, 3, XAP_CREATE, &w), SEEK_OK);
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    static const char *const words[] = { "same", NULL };
    dated docs[N];
    for (int i = 0; i < N; i++) {
        snprintf(docs[i].id, sizeof docs[i].id, "d%02d", (i * 17) % N);
        /* Three dates shared by many documents, and some undated. */
        if (i % 7 == 0)
            docs[i].date[0] = '\0';
        else
            snprintf(docs[i].date, sizeof docs[i].date, "2020010%d", i % 3 + 1);
        add(w, docs[i].id, words, docs[i].date);
    }
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    xap_wdb_close(w);
    snprintf(stub, sizeof stub, "%s-vstub", dir);
    FILE *f = fopen(stub, "w");
    assert_non_null(f);
    for (int s = 0; s < 3; s++)
        fprintf(f, "auto %s\n", paths[s]);
    fclose(f);
    xap_db *db;
    assert_int_equal(xap_db_open(stub, &db), SEEK_OK);
    xap_query *q;
    xap_query_term("same", &q);
    for (int order = XAP_ORDER_DESC; order <= XAP_ORDER_ASC; order++) {
        qsort(docs, N, sizeof *docs, order == XAP_ORDER_DESC ? newest_first : oldest_first);
        for (unsigned limit = 1; limit <= 9; limit += 4)
            for (unsigned off = 0; off <= N; off++) {
                xap_search opt = { .offset = off, .limit = limit, .key_slot = 0,
                                   .order = (xap_order)order, .order_slot = 1 };
                xap_hits *h;
                assert_int_equal(xap_db_search(db, q, &opt, &h), SEEK_OK);
                assert_int_equal(h->total, N);
                assert_int_equal(h->n, off >= N ? 0 : N - off < limit ? N - off : limit);
                for (size_t i = 0; i < h->n; i++) {
                    if (strcmp(h->hits[i].key, docs[off + i].id))
                        print_error("order %d offset %u: %s at %zu, not %s\n", order, off,
                                    h->hits[i].key, i, docs[off + i].id);
                    assert_string_equal(h->hits[i].key, docs[off + i].id);
                }
                xap_hits_free(h);
            }
    }
    xap_query_free(q);
    xap_db_close(db);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'-vshard* '%s'", dir, stub);
    assert_int_equal(system(cmd), 0);
}

static void test_bad_shard_count(void **state)
{
    (void)state;
    xap_wdb *w = (xap_wdb *)1;
    assert_int_equal(xap_wdb_open_shards(NULL, 0, XAP_CREATE, &w), SEEK_INVALID);
    assert_null(w);
}

/* Overwrites the postlist table with garbage: opening or searching must give
 * an I/O status and a message, never an exception or a crash. */
static void test_damaged_table(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/postlist.glass", dir);
    int fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    char junk[8192];
    memset(junk, 0x5A, sizeof junk);
    assert_int_equal(pwrite(fd, junk, sizeof junk, 0), (ssize_t)sizeof junk);
    close(fd);
    xap_db *db = NULL;
    seek_status st = xap_db_open(dir, &db);
    if (st == SEEK_OK) {
        xap_query *q;
        xap_query_term("council", &q);
        xap_hits *h = NULL;
        static const int slots[] = { 0 };
        xap_search opt = { .limit = 10, .key_slot = 0, .slots = slots, .nslots = 1 };
        st = xap_db_search(db, q, &opt, &h);
        xap_query_free(q);
        xap_hits_free(h);
        xap_db_close(db);
    }
    assert_int_equal(st, SEEK_IO);
    assert_true(strlen(xap_errmsg()) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phrase_and_near),
        cmocka_unit_test(test_boolean_ops_and_values),
        cmocka_unit_test(test_scaled_weight),
        cmocka_unit_test(test_feedback_and_words),
        cmocka_unit_test(test_info_metadata_and_values),
        cmocka_unit_test(test_facets_ranking_and_terms),
        cmocka_unit_test(test_shards),
        cmocka_unit_test(test_count_bound),
        cmocka_unit_test(test_value_order_paging),
        cmocka_unit_test(test_bad_shard_count),
        cmocka_unit_test(test_second_writer_is_locked_out),
        cmocka_unit_test(test_uncommitted_changes_are_invisible),
        cmocka_unit_test(test_missing_index),
        cmocka_unit_test(test_bad_builder_input),
        cmocka_unit_test(test_damaged_table),  /* last: it ruins the index */
    };
    return cmocka_run_group_tests_name("xap", tests, setup, teardown);
}
