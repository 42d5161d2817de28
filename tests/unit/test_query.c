/* Unit tests for the query parser: the trees it builds and the errors, with
 * byte offsets, it gives for bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "query/compile.h"
#include "query/query.h"
#include "query/stopwords.h"

static void expect_tree(const char *q, const char *want)
{
    qp_node *t = NULL;
    qp_error err;
    seek_status st = qp_parse(q, strlen(q), &t, &err);
    if (st != SEEK_OK)
        fail_msg("%s: unexpected error at %zu: %s", q, err.offset, err.message);
    char *d = qp_describe(t);
    if (strcmp(d, want) != 0)
        fail_msg("%s: read as %s, wanted %s", q, d, want);
    free(d);
    qp_free(t);
}

/* The reading of q and its warnings: each of `warnings` (NULL-terminated)
 * must be a substring of one warning, and there must be as many warnings. */
static void expect_reading(const char *q, const char *want, const char *const *warnings)
{
    expect_tree(q, want);
    qp_node *t = NULL;
    qp_error err;
    assert_int_equal(qp_parse(q, strlen(q), &t, &err), SEEK_OK);
    size_t n = 0;
    for (; warnings[n]; n++) {
        int found = 0;
        for (size_t i = 0; i < err.nwarnings; i++)
            found |= strstr(err.warnings[i], warnings[n]) != NULL;
        if (!found)
            fail_msg("%s: no warning says '%s' (%zu warnings, first: '%s')", q, warnings[n],
                     err.nwarnings, err.nwarnings ? err.warnings[0] : "");
    }
    if (err.nwarnings != n)
        fail_msg("%s: %zu warnings, wanted %zu (first: '%s')", q, err.nwarnings, n,
                 err.nwarnings ? err.warnings[0] : "");
    qp_free(t);
}

#define W(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NO_WARNINGS ((const char *const[]){ NULL })

static void expect_error(const char *q, size_t len, size_t offset, const char *words)
{
    qp_node *t = NULL;
    qp_error err;
    seek_status st = qp_parse(q, len, &t, &err);
    assert_int_equal(st, SEEK_BAD_QUERY);
    assert_null(t);
    if (err.offset != offset)
        fail_msg("%s: offset %zu, wanted %zu (%s)", q, err.offset, offset, err.message);
    if (!strstr(err.message, words))
        fail_msg("%s: message '%s' lacks '%s'", q, err.message, words);
}

static void test_words_are_anded(void **state)
{
    (void)state;
    expect_tree("rahmon", "word:rahmon");
    expect_tree("Rahmon  Minsk", "(AND word:rahmon word:minsk)");
    expect_tree("a b c", "(AND (AND word:a word:b) word:c)");
}

static void test_phrases(void **state)
{
    (void)state;
    expect_tree("\"Collective Security Council\"", "\"collective security council\"");
    expect_tree("\xE2\x80\x9CSleeper cells\xE2\x80\x9D", "\"sleeper cells\"");
    expect_tree("\"the  of, the\"", "\"the of the\"");
    expect_tree("\"single\"", "\"single\"");
    /* A word the tokenizer splits is a phrase, so punctuation keeps its meaning. */
    expect_tree("sleeper-cells", "\"sleeper cells\"");
    expect_tree("Tajikistan’s", "word:tajikistan's");
}

static void test_operators(void **state)
{
    (void)state;
    expect_tree("a OR b", "(OR word:a word:b)");
    expect_tree("a b OR c", "(OR (AND word:a word:b) word:c)");
    expect_tree("a AND b", "(AND +word:a +word:b)");
    expect_tree("a b AND c", "(AND (AND word:a +word:b) +word:c)");
    expect_tree("a NOT b", "(AND word:a (NOT word:b))");
    expect_tree("a -b", "(AND word:a (NOT word:b))");
    expect_tree("-\"x y\" a", "(AND (NOT \"x y\") word:a)");
    expect_tree("NOT a", "(NOT word:a)");
    expect_tree("+a", "+word:a");
    expect_tree("+a b", "(AND +word:a word:b)");
    expect_tree("=Councils b", "(AND literal:councils word:b)");
    expect_tree("+=Councils", "+literal:councils");
    expect_tree("(a OR b) c", "(AND (OR word:a word:b) word:c)");
    expect_tree("a-b -c", "(AND \"a b\" (NOT word:c))");
    /* A sign before a digit belongs to a number. */
    expect_tree("frost -5 C", "(AND (AND word:frost word:5) word:c)");
    expect_tree("Date: Mon, 3 Jun 2020 +0300",
                "(AND (AND (AND (AND word:mon word:3) word:jun) word:2020) word:0300)");
    expect_tree("Secur* council", "(AND prefix:secur word:council)");
    /* Lower-case operator words are just words. */
    expect_tree("war and peace", "(AND (AND word:war word:and) word:peace)");
}

static void test_errors_with_offsets(void **state)
{
    (void)state;
    expect_error("", 0, 0, "empty query");
    expect_error("   ", 3, 0, "empty query");
    expect_error("?", 1, 0, "no words");
    expect_error("( OR ) - !!", 11, 0, "no words");
    expect_error("ok \xFF", 4, 3, "not valid UTF-8");
}

/* Text pasted from anywhere: read as sensibly as can be, with warnings. */
static void test_recovery(void **state)
{
    (void)state;
    expect_reading("a (b", "(AND word:a word:b)", W("closed the '(' at byte 2"));
    expect_reading("a b)", "(AND word:a word:b)", W("ignored ')' at byte 3"));
    expect_reading("\"open phrase", "\"open phrase\"", W("closed the quote opened at byte 0"));
    expect_reading("x \"\"", "word:x", W("empty phrase at byte 2"));
    /* The same thing at several places is told once, at its first place. */
    expect_reading("a ) ) ) b", "(AND word:a word:b)", W("ignored ')' at byte 2"));
    expect_reading("((( a", "word:a", W("closed the '('"));
    expect_reading("a :) b :) c :)", "(AND (AND word:a word:b) word:c)",
                   W("ignored ':'", "ignored ')' at byte 3"));
    /* A quote with no word after it: one warning, not "closed" and "empty". */
    expect_reading("x y\"", "(AND word:x word:y)", W("ignored the quote at byte 3"));
    expect_reading("x \xC2\xAB ?", "word:x", W("ignored the quote at byte 2"));
    /* Unicode spaces and control characters part words as a blank does:
     * no-break, ideographic, thin and zero-width spaces, line separator,
     * tab, a stray control character. */
    expect_reading("storm\xC2\xA0" "Florida", "(AND word:storm word:florida)", NO_WARNINGS);
    expect_reading("storm\xE3\x80\x80" "Florida\xE2\x80\x89" "coast",
                   "(AND (AND word:storm word:florida) word:coast)", NO_WARNINGS);
    expect_reading("storm\xE2\x80\x8B" "Florida\xE2\x80\xA8" "coast\x01gale",
                   "(AND (AND (AND word:storm word:florida) word:coast) word:gale)", NO_WARNINGS);
    expect_reading("storm\xE2\x80\x94" "Florida \xE2\x80\x94 coast",
                   "(AND (AND word:storm word:florida) word:coast)", NO_WARNINGS);
    expect_reading("2019\xE2\x80\x93" "2020", "\"2019 2020\"", NO_WARNINGS);
    expect_reading("a\xC2\xA0OR\xC2\xA0" "b\xC2\xA0-c", "(OR word:a (AND word:b (NOT word:c)))",
                   NO_WARNINGS);
    expect_reading("title:storm\xC2\xA0" "coast", "(AND title:word:storm word:coast)", NO_WARNINGS);
    expect_reading("a OR", "word:a", W("ignored 'OR' at byte 2: nothing on its right"));
    expect_reading("OR a", "word:a", W("ignored 'OR' at byte 0: nothing on its left"));
    expect_reading("a AND", "word:a", W("'AND' at byte 2"));
    expect_reading("a NOT", "word:a", W("ignored 'NOT' at byte 2"));
    expect_reading("() a", "word:a", W("empty parentheses at byte 0"));
    expect_reading("a !!!", "word:a", W("ignored '!!!'"));
    expect_reading("x a-b*", "(AND word:x \"a b\")", W("'*' ends a single word"));
    expect_reading("a OR OR b", "(OR word:a word:b)", W("'OR' at byte 2"));
    expect_reading("a NEAR", "word:a", W("'NEAR' at byte 2: nothing on its right"));
    expect_reading("\"a b\" NEAR c", "(AND \"a b\" word:c)", W("joins single words"));
    /* NEAR/ or ADJ/ with the number left out: the default window, said. */
    expect_reading("a NEAR/ b", "(NEAR/10 a b)", W("'NEAR/' at byte 2 has no number: read as NEAR/10"));
    expect_reading("a ADJ/ b", "(ADJ/10 a b)", W("'ADJ/' at byte 2 has no number: read as ADJ/10"));
    expect_reading("a NEAR/", "word:a", W("'NEAR/' at byte 2: nothing on its right"));
    /* Real pasted questions and pieces of text. */
    expect_reading("What is information science? Give definitions where possible.",
                   "(AND (AND (AND (AND (AND (AND (AND word:what word:is) word:information) "
                   "word:science) word:give) word:definitions) word:where) word:possible)",
                   NO_WARNINGS);
    expect_reading("retrieval systems - a survey .",
                   "(AND (AND (AND word:retrieval word:systems) word:a) word:survey)",
                   W("ignored '-'", "ignored '.'"));
    expect_reading("What is the \"best\" method ?",
                   "(AND (AND (AND (AND word:what word:is) word:the) \"best\") word:method)",
                   W("ignored '?'"));
    expect_reading("He said: \"we will not", "(AND (AND word:he word:said) \"we will not\")",
                   W("closed the quote opened at byte 9"));
    expect_reading("see https://example.org/news/csto-summit",
                   "(AND word:see \"https example org news csto summit\")",
                   W("'https:' is not a field"));
    expect_reading("costs (in dollars", "(AND word:costs (AND word:in word:dollars))",
                   W("closed the '('"));
    expect_reading("«Коллективной безопасности»", "\"коллективной безопасности\"", NO_WARNINGS);
    expect_reading("Q: what -- and why?", "(AND (AND (AND word:q word:what) word:and) word:why)",
                   W("ignored '--'"));
    expect_reading("1990 - 2000 costs", "(AND (AND word:1990 word:2000) word:costs)",
                   W("ignored '-'"));
    expect_reading("a & b | c", "(AND (AND word:a word:b) word:c)", W("'&'", "'|'"));
}

/* ="a phrase" is a phrase taken as written: the compiler adds no other
 * names of an entity it names. */
static void test_literal_phrase(void **state)
{
    (void)state;
    const char *q = "=\"Collective Security Treaty Organization\" x";
    qp_node *t = NULL;
    qp_error err;
    assert_int_equal(qp_parse(q, strlen(q), &t, &err), SEEK_OK);
    assert_int_equal(t->kind, QP_AND);
    assert_int_equal(t->left->kind, QP_PHRASE);
    assert_true(t->left->literal);
    assert_int_equal(t->left->offset, 0);
    assert_false(t->right->literal);
    qp_free(t);
    expect_tree("\"a b\"", "\"a b\"");
}

static void test_proximity(void **state)
{
    (void)state;
    expect_tree("Rahmon NEAR Minsk", "(NEAR/10 rahmon minsk)");
    expect_tree("a NEAR/3 b", "(NEAR/3 a b)");
    expect_tree("a NEAR/3 b NEAR/3 c", "(NEAR/3 a b c)");
    expect_tree("a ADJ/2 b", "(ADJ/2 a b)");
    expect_tree("x a ADJ/0 b", "(AND word:x (ADJ/0 a b))");
    expect_tree("\"a b c\"~2", "\"a b c\"~2");
    expect_tree("\"a b\"~99999", "\"a b\"~1000");
    /* Lower case, or with something else than a number, they are words. */
    expect_tree("a near b", "(AND (AND word:a word:near) word:b)");
    expect_tree("a NEAR/x b", "(AND (AND word:a \"near x\") word:b)");
}

static void test_fields(void **state)
{
    (void)state;
    expect_tree("title:CSTO", "title:word:csto");
    expect_tree("Title:\"Security Council\"", "title:\"security council\"");
    expect_tree("PERSON:Rakhmon", "person:\"rakhmon\"");
    expect_tree("person:(rahmon OR lukashenko)", "(OR person:\"rahmon\" person:\"lukashenko\")");
    expect_tree("person:(\"emomali rahmon\" -putin) csto",
                "(AND (AND person:\"emomali rahmon\" (NOT person:\"putin\")) word:csto)");
    expect_tree("title:(summit minsk)", "(AND title:word:summit title:word:minsk)");
    expect_reading("note:csto", "\"note csto\"", W("'note:' is not a field"));
    /* A field name with nothing right after its colon is a label (typed, or
     * pasted from a form): dropped with a warning, never a required word. */
    expect_reading("rahmon person:", "word:rahmon", W("ignored 'person:' at byte 7"));
    expect_reading("Person: rahmon", "word:rahmon", W("ignored 'person:' at byte 0"));
    expect_reading("csto TITLE:", "word:csto", W("ignored 'title:' at byte 5"));
    expect_reading("date: 2015 csto", "(AND word:2015 word:csto)", W("ignored 'date:'"));
    expect_reading("title:) csto", "word:csto", W("ignored 'title:'", "ignored ')'"));
    expect_reading("note: csto", "(AND word:note word:csto)", NO_WARNINGS);
    expect_error("person:", 7, 0, "no words");
}

static void test_wildcard_forms(void **state)
{
    (void)state;
    expect_tree("pr*", "prefix:pr");
    expect_tree("pr**", "prefix:pr");
    expect_tree("=pr*", "prefix:pr");
    expect_reading("x *", "word:x", W("ignored '*'"));
}

static void test_entity_and_date_filters(void **state)
{
    (void)state;
    expect_tree("person:Rakhmon", "person:\"rakhmon\"");
    expect_tree("person:\"Emomali  Rahmon\"", "person:\"emomali rahmon\"");
    expect_tree("org:ОДКБ", "org:\"odkb\"");
    expect_tree("place:Dušanbe", "place:\"dusanbe\"");
    /* A short name keeps its last vowel, as an acronym's; typed as a name,
     * its inflected form ("долине Чуи") is taken too. */
    expect_tree("org:СКА", "org:\"ska\"");
    expect_tree("org:ска", "org:\"ska\"");
    expect_tree("place:Чуя", "(OR place:\"chuya\" place:\"chu\")");
    expect_tree("entity:“Qasri Millat”", "entity:\"qasri millat\"");
    expect_tree("person:rahmon \"sleeper cells\"", "(AND person:\"rahmon\" \"sleeper cells\")");
    expect_tree("-place:minsk csto", "(AND (NOT place:\"minsk\") word:csto)");
    expect_tree("date:2012", "date:2012-01-01..2012-12-31");
    expect_tree("date:2015-09", "date:2015-09-01..2015-09-30");
    expect_tree("date:2004-12-02", "date:2004-12-02..2004-12-02");
    expect_tree("date:2010..2015 OR person:putin", "(OR date:2010-01-01..2015-12-31 person:\"putin\")");
    /* Field names in any case; unknown ones are words. */
    expect_tree("Person:x", "person:\"x\"");
    expect_tree("published:2017", "published:2017-01-01..2017-12-31");
    expect_tree("csto published:..2015-09", "(AND word:csto published:0000-01-01..2015-09-30)");
    expect_tree("published:2017-11-30..", "published:2017-11-30..9999-12-31");
    expect_tree("url:x", "\"url x\"");
}

static void test_bad_filters(void **state)
{
    (void)state;
    expect_reading("a org:\"\"", "word:a", W("ignored 'org:' at byte 2"));
    expect_reading("place:\"open", "place:\"open\"", W("closed the quote opened at byte 6"));
    expect_reading("x person:!!", "word:x", W("holds no letters"));
    expect_reading("x date:", "word:x", W("ignored 'date:' at byte 2"));
    /* A date that is no date cannot be read. */
    expect_error("date:2020-02-30", 15, 13, "date: takes");
    expect_error("x date:2015..2010", 17, 13, "date: takes");
    expect_error("date:20x5", 9, 7, "date: takes");
    expect_error("x Date:(2012 OR 20x5)", 21, 18, "date: takes");
    expect_reading("published: x", "word:x", W("ignored 'published:' at byte 0"));
    expect_error("published:2017-13", 17, 15, "published: takes");
}

static void test_stopwords(void **state)
{
    (void)state;
    static const char *const stop[] = { "the", "what", "whether", "of", "и", "что", "еще" };
    static const char *const content[] = { "people", "year", "council", "минск", "" };
    for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
        if (!qp_stopword(stop[i], strlen(stop[i])))
            fail_msg("'%s' should be a stop word", stop[i]);
    for (size_t i = 0; i < sizeof content / sizeof *content; i++)
        if (qp_stopword(content[i], strlen(content[i])))
            fail_msg("'%s' should not be a stop word", content[i]);
    /* Entries are normalized like tokens: ещё is stored as the tokenizer folds it. */
    qp_node *t = NULL;
    qp_error err;
    assert_int_equal(qp_parse("ещё", strlen("ещё"), &t, &err), SEEK_OK);
    assert_true(qp_stopword(t->terms[0], strlen(t->terms[0])));
    qp_free(t);
}

/* The Xapian query of q read strictly (level 0) or relaxed, and whether
 * that relaxed reading differs. */
static void expect_compiled(const char *q, int level, int relaxable, const char *want)
{
    morph *stem;
    char why[256];
    assert_int_equal(morph_new(&stem, why, sizeof why), SEEK_OK);
    qp_node *t = NULL;
    qp_error err;
    assert_int_equal(qp_parse(q, strlen(q), &t, &err), SEEK_OK);
    xap_query *x = NULL;
    if (level)
        assert_int_equal(qp_compile_relaxed(t, stem, NULL, level, &x), SEEK_OK);
    else
        assert_int_equal(qp_compile(t, stem, NULL, &x), SEEK_OK);
    char *d = xap_query_describe(x);
    if (strcmp(d, want) != 0)
        fail_msg("%s (level %d): compiled to %s, wanted %s", q, level, d, want);
    if (level && qp_relaxable(t, level) != relaxable)
        fail_msg("%s (level %d): relaxable %d, wanted %d", q, level, !relaxable, relaxable);
    free(d);
    xap_query_free(x);
    qp_free(t);
    morph_free(stem);
}

#define STOP "0.10000000000000000555 * "

static void test_compiled_groups(void **state)
{
    (void)state;
    /* Stop words are optional, at a tenth of their weight. */
    expect_compiled("falcon the harvest", 0, 0,
                    "Query(((Zfalcon AND Zharvest) AND_MAYBE " STOP "Zthe))");
    expect_compiled("falcon the harvest", 1, 1,
                    "Query(((Zfalcon OR Zharvest) AND_MAYBE " STOP "Zthe))");
    /* A query of nothing but stop words needs them. */
    expect_compiled("the", 1, 0, "Query(Zthe)");
    expect_compiled("to be", 0, 0, "Query((Zto AND Zbe))");
    expect_compiled("to be", 1, 1, "Query((Zto OR Zbe))");
    /* What the user required stays required. */
    expect_compiled("falcon AND harvest", 1, 0, "Query((Zfalcon AND Zharvest))");
    expect_compiled("+falcon harvest -hills", 1, 1,
                    "Query(((Zfalcon AND_MAYBE Zharvest) AND_NOT Zhill))");
    expect_compiled("+the falcon", 0, 0, "Query((Zthe AND Zfalcon))");
    expect_compiled("title:x y", 1, 1, "Query((SZx AND_MAYBE Zy))");
    expect_compiled("falcon NEAR/2 river hills", 1, 1,
                    "Query(((falcon NEAR 4 river) AND_MAYBE Zhill))");
    /* Phrases hold, but in the last resort, beside other words. */
    expect_compiled("\"a b\" c", 1, 1, "Query(((a PHRASE 2 b) AND_MAYBE Zc))");
    expect_compiled("\"a b\" c", 2, 1, "Query(((((a PHRASE 2 b) OR Za) OR Zb) OR Zc))");
    expect_compiled("\"a b\"", 2, 0, "Query((a PHRASE 2 b))");
    /* With no phrase, level 2 would repeat level 1: it is not tried. */
    expect_compiled("published:2099 storm", 1, 1,
                    "Query((VALUE_RANGE 5 20990101 20991231 AND_MAYBE Zstorm))");
    expect_compiled("published:2099 storm", 2, 0,
                    "Query((VALUE_RANGE 5 20990101 20991231 AND_MAYBE Zstorm))");
    expect_compiled("falcon-river hills", 2, 1,
                    "Query(((((falcon PHRASE 2 river) OR Zfalcon) OR Zriver) OR Zhill))");
    /* Proximity, slack, literal and title terms. */
    expect_compiled("a ADJ/2 b", 0, 0, "Query((a PHRASE 4 b))");
    expect_compiled("\"x y z\"~1", 0, 0, "Query((x PHRASE 4 y PHRASE 4 z))");
    expect_compiled("=Councils", 0, 0, "Query(councils)");
    expect_compiled("title:\"security council\"", 0, 0, "Query((Ssecurity PHRASE 2 Scouncil))");
    /* What is excluded is excluded as written, never relaxed. */
    expect_compiled("x -(p q)", 1, 0, "Query((Zx AND_NOT (Zp AND Zq)))");
}

static int long_text(const char *q)
{
    qp_node *t = NULL;
    qp_error err;
    assert_int_equal(qp_parse(q, strlen(q), &t, &err), SEEK_OK);
    int rc = qp_long_text(t);
    qp_free(t);
    return rc;
}

static void test_long_text(void **state)
{
    (void)state;
    /* More than QP_LONG_TEXT free terms in a group; stop words do not count. */
    assert_false(long_text("a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12"));
    assert_true(long_text("a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13"));
    assert_false(long_text("what is the a1 of a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 and a12"));
    assert_true(long_text("a1 \"a2 a3\" a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 a14 -x"));
    assert_false(long_text("a1 \"a2 a3\" a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 -x"));
    /* Required words are no free terms, nor is a group under AND. */
    assert_false(long_text("+a1 +a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13"));
    assert_false(long_text("a1 AND (a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 a14)"));
    assert_true(long_text("x OR (a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 a14)"));
}

static void test_limits(void **state)
{
    (void)state;
    char deep[200];
    memset(deep, '(', 40);
    strcpy(deep + 40, "a");
    memset(deep + 41, ')', 40);
    deep[81] = '\0';
    expect_error(deep, strlen(deep), 32, "nested too deep");

    char many[4000] = "";
    for (int i = 0; i < QP_MAX_TERMS + 5; i++)
        strcat(many, "w ");
    qp_node *t = NULL;
    qp_error err;
    assert_int_equal(qp_parse(many, strlen(many), &t, &err), SEEK_OK);
    assert_int_equal(err.nwarnings, 1);
    assert_non_null(strstr(err.warnings[0], "read the first 256 words only"));
    qp_free(t);
}

static void test_random_input_never_crashes(void **state)
{
    (void)state;
    static const char alphabet[] = "ab \"()-+ORANDNOT\xE2\x80\x9C\xFF";
    uint32_t x = 7;
    char q[64];
    for (int round = 0; round < 5000; round++) {
        size_t n = (size_t)(round % 63);
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            q[i] = alphabet[(x >> 16) % (sizeof alphabet - 1)];
        }
        qp_node *t = NULL;
        qp_error err;
        seek_status st = qp_parse(q, n, &t, &err);
        assert_true(st == SEEK_OK || st == SEEK_BAD_QUERY);
        if (st == SEEK_OK)
            assert_non_null(t);
        else
            assert_true(err.offset <= n);
        qp_free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_are_anded),
        cmocka_unit_test(test_phrases),
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_errors_with_offsets),
        cmocka_unit_test(test_recovery),
        cmocka_unit_test(test_literal_phrase),
        cmocka_unit_test(test_proximity),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_wildcard_forms),
        cmocka_unit_test(test_entity_and_date_filters),
        cmocka_unit_test(test_bad_filters),
        cmocka_unit_test(test_stopwords),
        cmocka_unit_test(test_compiled_groups),
        cmocka_unit_test(test_long_text),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_random_input_never_crashes),
    };
    return cmocka_run_group_tests_name("query", tests, NULL, NULL);
}
