/* Unit tests for query widening against a small index: a surname alone
 * stands for the indexed names having it as a whole word, of the type asked
 * for and undetermined names, at most QP_WIDEN_MAX of them; every entity
 * filter of the tree is widened; an organization's word stands for the
 * names it begins; a prefix* standing for too many words is
 * told; a word inside another ("muellerx") is no match. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "query/compile.h"
#include "query/widen.h"
#include "xap/prefix.h"

static char dir[64];
static xap_db *db;

static void add_term(xap_doc *d, const char *prefix, const char *name)
{
    char term[128];
    snprintf(term, sizeof term, "%s%s", prefix, name);
    assert_int_equal(xap_doc_add_term(d, term, 1), SEEK_OK);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/seekd-widen-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    strcat(dir, "/idx");
    xap_wdb *w;
    xap_doc *d;
    if (xap_wdb_open(dir, XAP_CREATE, &w) != SEEK_OK || xap_doc_new(&d) != SEEK_OK)
        return -1;
    xap_wdb_begin(w);
    add_term(d, PREFIX_PERSON, "markus mueller");
    add_term(d, PREFIX_PERSON, "mueller");
    add_term(d, PREFIX_PERSON, "hans muellerx");
    add_term(d, PREFIX_ORG, "mueller and sons");
    add_term(d, PREFIX_ORG, "bank of mueller");
    add_term(d, PREFIX_NAME, "anna mueller");
    add_term(d, PREFIX_PLACE, "muellerplatz");
    for (int i = 0; i < 40; i++) {
        char name[32];
        snprintf(name, sizeof name, "smith%02d smith", i);
        add_term(d, PREFIX_PERSON, name);
    }
    for (int i = 0; i <= QP_MAX_EXPANSION; i++) {
        char word[16];
        snprintf(word, sizeof word, "zz%04d", i);
        assert_int_equal(xap_doc_add_term(d, word, 1), SEEK_OK);
    }
    assert_int_equal(xap_doc_add_term(d, "Qdoc", 1), SEEK_OK);
    assert_int_equal(xap_wdb_replace(w, "Qdoc", d), SEEK_OK);
    xap_doc_free(d);
    seek_status st = xap_wdb_commit(w);
    xap_wdb_close(w);
    return st == SEEK_OK && xap_db_open(dir, &db) == SEEK_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    xap_db_close(db);
    char cmd[128];
    *strrchr(dir, '/') = '\0';
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Parses and widens `q`; the caller frees the tree. */
static qp_node *widened(const char *q, qp_error *diag)
{
    qp_node *tree = NULL;
    assert_int_equal(qp_parse(q, strlen(q), &tree, diag), SEEK_OK);
    assert_int_equal(qp_widen(db, NULL, tree, diag), SEEK_OK);
    return tree;
}

static int has(const qp_node *n, const char *prefix, const char *name)
{
    char term[128];
    snprintf(term, sizeof term, "%s%s", prefix, name);
    for (size_t i = 1; i < n->nterms; i++)
        if (!strcmp(n->terms[i], term))
            return 1;
    return 0;
}

static void test_surname_stands_for_names(void **state)
{
    (void)state;
    qp_error diag = { 0 };
    qp_node *t = widened("person:mueller", &diag);
    assert_int_equal(t->kind, QP_ENTITY);
    assert_string_equal(t->terms[0], "mueller");
    assert_true(has(t, PREFIX_PERSON, "markus mueller"));
    assert_true(has(t, PREFIX_PERSON, "mueller"));
    assert_true(has(t, PREFIX_NAME, "anna mueller"));   /* a name of no known type */
    assert_false(has(t, PREFIX_PERSON, "hans muellerx"));
    assert_false(has(t, PREFIX_ORG, "mueller and sons"));
    assert_int_equal(t->nterms, 4);
    qp_free(t);
    /* entity: takes every type. */
    t = widened("entity:mueller", &diag);
    assert_true(has(t, PREFIX_ORG, "mueller and sons"));
    assert_true(has(t, PREFIX_ORG, "bank of mueller"));
    assert_false(has(t, PREFIX_PLACE, "muellerplatz"));
    assert_int_equal(t->nterms, 6);
    qp_free(t);
}

static void test_every_filter_of_the_tree(void **state)
{
    (void)state;
    qp_error diag = { 0 };
    qp_node *t = widened("security (person:mueller OR org:mueller)", &diag);
    const qp_node *or = t->right;
    assert_int_equal(or->kind, QP_OR);
    assert_true(has(or->left, PREFIX_PERSON, "markus mueller"));
    assert_true(has(or->right, PREFIX_ORG, "mueller and sons"));
    assert_false(has(or->right, PREFIX_PERSON, "markus mueller"));
    qp_free(t);
}

/* An organization's one word stands for the names it begins, no other of
 * their words. */
static void test_org_word_heads_its_names(void **state)
{
    (void)state;
    qp_error diag = { 0 };
    qp_node *t = widened("org:mueller", &diag);
    assert_true(has(t, PREFIX_ORG, "mueller and sons"));
    assert_false(has(t, PREFIX_ORG, "bank of mueller"));
    assert_false(has(t, PREFIX_NAME, "anna mueller"));
    assert_int_equal(t->nterms, 2);
    qp_free(t);
    t = widened("entity:mueller", &diag);
    assert_true(has(t, PREFIX_ORG, "bank of mueller"));
    qp_free(t);
}

static void test_cap_and_multiword_left_alone(void **state)
{
    (void)state;
    qp_error diag = { 0 };
    qp_node *t = widened("person:smith", &diag);
    assert_int_equal(t->nterms, 1 + QP_WIDEN_MAX);
    qp_free(t);
    t = widened("person:\"markus mueller\"", &diag);
    assert_int_equal(t->nterms, 1);   /* a full name is looked up, not widened */
    qp_free(t);
}

static void test_prefix_standing_for_too_many(void **state)
{
    (void)state;
    qp_error diag = { 0 };
    qp_node *t = widened("zz*", &diag);
    assert_int_equal(diag.nwarnings, 1);
    assert_non_null(strstr(diag.warnings[0], "'zz*' stands for more than"));
    qp_free(t);
    qp_error few = { 0 };
    t = widened("zz000*", &few);
    assert_int_equal(few.nwarnings, 0);
    qp_free(t);
}

static void test_whole_words_only(void **state)
{
    (void)state;
    assert_true(qp_entity_has_word(PREFIX_PERSON "markus mueller", "mueller"));
    assert_true(qp_entity_has_word(PREFIX_PERSON "markus mueller", "markus"));
    assert_true(qp_entity_has_word(PREFIX_PERSON "mueller", "mueller"));
    assert_false(qp_entity_has_word(PREFIX_PERSON "hans muellerx", "mueller"));
    assert_false(qp_entity_has_word(PREFIX_PERSON "xmueller", "mueller"));
    assert_false(qp_entity_has_word(PREFIX_PERSON "markus mueller", "markus mueller x"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_surname_stands_for_names),
        cmocka_unit_test(test_every_filter_of_the_tree),
        cmocka_unit_test(test_org_word_heads_its_names),
        cmocka_unit_test(test_cap_and_multiword_left_alone),
        cmocka_unit_test(test_prefix_standing_for_too_many),
        cmocka_unit_test(test_whole_words_only),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
