/* Unit tests for pair terms: which words count as frequent, the pair term's
 * form, and, end to end through document_build, the query compiler and a
 * real index, that phrases answered with pair terms find exactly the
 * documents a brute-force scan of the token streams finds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../indexer/document.h"
#include "query/compile.h"
#include "query/pairs.h"
#include "query/query.h"
#include "text/tokarray.h"
#include "xap/prefix.h"

static void test_frequent_words(void **state)
{
    (void)state;
    static const char *const yes[] = { "the", "a", "of", "you", "between", "because", "years" };
    static const char *const no[] = { "th", "thee", "theory", "csto", "dushanbe", "", "becausex",
                                      "The" };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(pair_frequent(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(pair_frequent(no[i], strlen(no[i])));
    /* Only the first len bytes count. */
    assert_true(pair_frequent("there", 3));
}

static void test_pair_term_form(void **state)
{
    (void)state;
    char buf[64];
    assert_int_equal(pair_term("if", 2, "you", 3, buf, sizeof buf), 0);
    assert_string_equal(buf, PREFIX_PAIR "if you");
    assert_int_equal(pair_term("of", 2, "the", 3, buf, 7), -1);   /* "Bof the" needs 8 */
    assert_int_equal(pair_term("of", 2, "the", 3, buf, 8), 0);
}

/* ---- phrases against a brute-force scan ---- */

#define NDOCS 60
#define DOC_WORDS 40

static char dir[64];
static char *texts[NDOCS];

/* Mostly frequent words, so pairs abound, with rarer ones and punctuation
 * between them, which separates tokens but never breaks a phrase. */
static const char *const vocab[] = { "the", "of", "to", "the", "in", "you", "if", "it", "is",
                                     "and", "council", "CSTO", "Dushanbe", "the,", "of.",
                                     "you'd", "was" };
#define NVOCAB (sizeof vocab / sizeof *vocab)

static char *random_text(unsigned *seed)
{
    size_t cap = DOC_WORDS * 12, len = 0;
    char *t = malloc(cap);
    for (int i = 0; i < DOC_WORDS; i++)
        len += (size_t)snprintf(t + len, cap - len, "%s ", vocab[rand_r(seed) % NVOCAB]);
    return t;
}

/* Documents whose token stream holds `want` (normalized tokens) in a row. */
static unsigned long brute_count(const char *const *want, size_t n)
{
    unsigned long count = 0;
    for (int d = 0; d < NDOCS; d++) {
        tok_array t;
        assert_int_equal(tok_array_build(&t, texts[d], strlen(texts[d])), 0);
        int found = 0;
        for (size_t i = 0; !found && i + n <= t.n; i++) {
            size_t k = 0;
            while (k < n && strcmp(tok_array_norm(&t, i + k), want[k]) == 0)
                k++;
            found = k == n;
        }
        count += (unsigned long)found;
        tok_array_fini(&t);
    }
    return count;
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/seekd-pairs-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    strcat(dir, "/idx");
    morph *stem;
    xap_wdb *w;
    char err[256];
    if (morph_new(&stem, err, sizeof err) != SEEK_OK || xap_wdb_open(dir, XAP_CREATE, &w) != SEEK_OK)
        return -1;
    unsigned seed = 42;
    xap_wdb_begin(w);
    for (int d = 0; d < NDOCS; d++) {
        texts[d] = random_text(&seed);
        char id[16], idterm[20];
        snprintf(id, sizeof id, "d%02d", d);
        snprintf(idterm, sizeof idterm, "%s%s", PREFIX_ID, id);
        doc_input in = { .text = texts[d], .len = strlen(texts[d]) };
        doc_meta meta = { .id = id, .size = (long long)in.len, .mtime_ns = 0, .hash = 0 };
        xap_doc *doc;
        if (document_build(&in, &meta, stem, NULL, &doc) != SEEK_OK
            || xap_wdb_replace(w, idterm, doc) != SEEK_OK)
            return -1;
        xap_doc_free(doc);
    }
    seek_status st = xap_wdb_commit(w);
    xap_wdb_close(w);
    morph_free(stem);
    return st == SEEK_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    for (int d = 0; d < NDOCS; d++)
        free(texts[d]);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%.*s'", (int)(strlen(dir) - 4), dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_phrases_match_brute_force(void **state)
{
    (void)state;
    static const char *const words[] = { "the", "of", "to", "in", "you", "if", "it", "is", "and",
                                         "council", "csto", "dushanbe", "you'd", "was" };
    const size_t nwords = sizeof words / sizeof *words;
    xap_db *db;
    morph *stem;
    char err[256];
    assert_int_equal(xap_db_open(dir, &db), SEEK_OK);
    assert_int_equal(morph_new(&stem, err, sizeof err), SEEK_OK);
    unsigned seed = 7, nonzero = 0;
    for (int round = 0; round < 400; round++) {
        size_t n = 2 + (size_t)(rand_r(&seed) % 3);
        const char *want[4];
        char q[128] = "\"";
        for (size_t i = 0; i < n; i++) {
            want[i] = words[rand_r(&seed) % nwords];
            strcat(q, want[i]);
            strcat(q, i + 1 < n ? " " : "\"");
        }
        qp_node *tree;
        qp_error qerr;
        xap_query *xq;
        assert_int_equal(qp_parse(q, strlen(q), &tree, &qerr), SEEK_OK);
        assert_int_equal(qp_compile(tree, stem, NULL, &xq), SEEK_OK);
        xap_search opt = { .limit = NDOCS, .key_slot = SLOT_ID };
        xap_hits *h;
        assert_int_equal(xap_db_search(db, xq, &opt, &h), SEEK_OK);
        unsigned long want_count = brute_count(want, n);
        if (h->total != want_count)
            fail_msg("%s: %lu documents, the token streams say %lu", q, h->total, want_count);
        assert_int_equal(h->n, want_count);
        nonzero += want_count > 0;
        xap_hits_free(h);
        xap_query_free(xq);
        qp_free(tree);
    }
    /* The vocabulary makes most short phrases occur somewhere. */
    assert_true(nonzero > 100);
    morph_free(stem);
    xap_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_frequent_words),
        cmocka_unit_test(test_pair_term_form),
        cmocka_unit_test(test_phrases_match_brute_force),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
