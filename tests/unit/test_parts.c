/* Unit tests for big documents kept in parts (indexer/parts.c, and through
 * document_build, the shim and the query compiler): where parts are cut
 * (line and sentence starts, an overlap longer than any match, every token
 * covered), phrases and NEAR over big texts against a brute-force count
 * of their token streams (matches across cuts included, each document
 * counted once; the parts committed two at a time), parts replaced and
 * deleted with their document, and a writer killed between two commits of
 * a document's parts leaving the version before it whole. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../indexer/document.h"
#include "../../indexer/parts.h"
#include "morph/morph.h"
#include "query/compile.h"
#include "query/query.h"
#include "text/tokarray.h"
#include "xap/prefix.h"

/* ---- Where parts are cut ---- */

/* A text of n words, a line break after every `line` words (0: none) and a
 * full stop after every `sentence` (0: none). Malloc'd. */
static char *words_text(size_t n, size_t line, size_t sentence)
{
    char *s = malloc(n * 8 + 1), *p = s;
    for (size_t i = 0; i < n; i++) {
        p += sprintf(p, "w%zu", i % 1000);
        if (sentence && (i + 1) % sentence == 0)
            *p++ = '.';
        *p++ = line && (i + 1) % line == 0 ? '\n' : ' ';
    }
    *p = '\0';
    return s;
}

/* Every token covered, in order; each part after the first starts at least
 * PART_OVERLAP tokens before the one before it ends; every window of
 * PART_OVERLAP tokens lies whole within some part. */
static void check_cover(const tok_array *t, const part_range *r, size_t n)
{
    assert_true(n >= 1);
    assert_int_equal(r[0].first, 0);
    assert_int_equal(r[n - 1].end, t->n);
    for (size_t k = 1; k < n; k++) {
        assert_true(r[k].first > r[k - 1].first);
        assert_true(r[k].first + PART_OVERLAP <= r[k - 1].end);
        assert_true(r[k].end > r[k - 1].end);
    }
    size_t k = 0;
    for (size_t p = 0; p + PART_OVERLAP <= t->n; p++) {
        while (k < n && r[k].end < p + PART_OVERLAP)
            k++;
        assert_true(k < n);
        /* The first part reaching the window's end starts before it. */
        if (r[k].first > p)
            fail_msg("tokens %zu..%zu lie in no part", p, p + PART_OVERLAP);
    }
}

static void test_short_text_is_one_part(void **state)
{
    (void)state;
    char *s = words_text(PART_TOKENS, 12, 0);
    tok_array t;
    assert_int_equal(tok_array_build(&t, s, strlen(s)), 0);
    part_range *r;
    size_t n;
    assert_int_equal(parts_cut(&t, s, &r, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(r[0].first, 0);
    assert_int_equal(r[0].end, PART_TOKENS);
    free(r);
    tok_array_fini(&t);
    free(s);
}

/* Parts start at line starts when there are lines, else at sentence
 * starts, else anywhere. */
static void check_starts(size_t line, size_t sentence)
{
    char *s = words_text(5 * PART_TOKENS + 77, line, sentence);
    tok_array t;
    assert_int_equal(tok_array_build(&t, s, strlen(s)), 0);
    part_range *r;
    size_t n;
    assert_int_equal(parts_cut(&t, s, &r, &n), 0);
    assert_true(n >= 5);
    check_cover(&t, r, n);
    for (size_t k = 1; k < n; k++) {
        size_t unit = line ? line : sentence;
        if (unit) {
            assert_int_equal(r[k].first % unit, 0);
            assert_int_equal(r[k - 1].end % unit, 0);
        }
    }
    free(r);
    tok_array_fini(&t);
    free(s);
}

static void test_parts_start_at_lines(void **state)
{
    (void)state;
    check_starts(13, 0);
    check_starts(0, 17);
    check_starts(0, 0);
}

/* ---- Phrases in an index of big texts ---- */

#define NBIG 3
#define NSMALL 4
#define NDOCS (NBIG + NSMALL)
static char dir[64];
static char *texts[NDOCS];
static tok_array toks[NDOCS];
/* Few enough words that most short phrases occur in a big text, enough
 * that many of three or four words occur nowhere though each word does. */
static const char *const vocab[] = { "the", "of", "treaty", "border", "council", "csto",
                                     "dushanbe", "river", "grain", "ledger", "north", "trade",
                                     "salt", "wheat", "bridge", "harbour", "tariff", "summit",
                                     "delegate", "pact" };
#define NVOCAB (sizeof vocab / sizeof *vocab)

/* A text of `n` words drawn from vocab, in lines of 9 to 20 words. */
static char *random_text(unsigned *seed, size_t n)
{
    char *s = malloc(n * 10 + 1), *p = s;
    size_t line = 0;
    for (size_t i = 0; i < n; i++) {
        p += sprintf(p, "%s", vocab[rand_r(seed) % NVOCAB]);
        if (++line >= 9 + (size_t)(rand_r(seed) % 12)) {
            *p++ = '.';
            *p++ = '\n';
            line = 0;
        } else {
            *p++ = ' ';
        }
    }
    *p = '\0';
    return s;
}

static seek_status write_doc(xap_wdb *w, morph *stem, int d, const char *text)
{
    char id[16], idterm[20];
    snprintf(id, sizeof id, "d%02d", d);
    snprintf(idterm, sizeof idterm, "%s%s", PREFIX_ID, id);
    doc_input in = { .text = text, .len = strlen(text) };
    doc_meta meta = { .id = id, .size = (long long)in.len, .mtime_ns = 0, .hash = 0 };
    xap_doc *doc;
    seek_status st = document_build(&in, &meta, stem, NULL, &doc);
    if (st == SEEK_OK)
        st = xap_wdb_replace(w, idterm, doc);
    xap_doc_free(doc);
    return st;
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/seekd-parts-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    strcat(dir, "/idx");
    morph *stem;
    xap_wdb *w;
    char err[256];
    if (morph_new(&stem, err, sizeof err) != SEEK_OK || xap_wdb_open(dir, XAP_CREATE, &w) != SEEK_OK)
        return -1;
    unsigned seed = 11;
    /* Commits inside each big text's write, which must not change a thing. */
    xap_wdb_set_part_batch(w, 2);
    xap_wdb_begin(w);
    for (int d = 0; d < NDOCS; d++) {
        texts[d] = random_text(&seed, d < NBIG ? PART_SPLIT_TOKENS + 1 + (size_t)d * 9000 : 300);
        if (write_doc(w, stem, d, texts[d]) != SEEK_OK
            || tok_array_build(&toks[d], texts[d], strlen(texts[d])) < 0)
            return -1;
    }
    seek_status st = xap_wdb_commit(w);
    xap_wdb_close(w);
    morph_free(stem);
    return st == SEEK_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    for (int d = 0; d < NDOCS; d++) {
        free(texts[d]);
        tok_array_fini(&toks[d]);
    }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%.*s'", (int)(strlen(dir) - 4), dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Whether the tokens at `at` of t are want[0..n) (ordered), or hold them all
 * within `window` tokens from `at` in any order, starting with one. */
static int holds(const tok_array *t, size_t at, const char *const *want, size_t n, int ordered,
                 size_t window)
{
    if (ordered) {
        for (size_t i = 0; i < n; i++)
            if (at + i >= t->n || strcmp(tok_array_norm(t, at + i), want[i]))
                return 0;
        return 1;
    }
    int seen[4] = { 0 };
    size_t found = 0;
    for (size_t p = at; p < t->n && p < at + window; p++)
        for (size_t i = 0; i < n; i++)
            if (!seen[i] && !strcmp(tok_array_norm(t, p), want[i])) {
                seen[i] = 1;
                found++;
                break;
            }
    return found == n && !strcmp(tok_array_norm(t, at), want[0]);
}

/* Documents whose token stream holds the match: a phrase (ordered), or the
 * (distinct) words within `window` positions of each other in any order,
 * a span that starts with one of them. */
static unsigned long brute_count(const char *const *want, size_t n, int ordered, size_t window)
{
    unsigned long count = 0;
    for (int d = 0; d < NDOCS; d++) {
        const tok_array t = toks[d];
        int found = 0;
        for (size_t at = 0; at < t.n && !found; at++) {
            if (ordered) {
                found = holds(&t, at, want, n, 1, 0);
                continue;
            }
            for (size_t first = 0; first < n && !found; first++) {
                const char *rot[4];
                for (size_t i = 0; i < n; i++)
                    rot[i] = want[(first + i) % n];
                found = holds(&t, at, rot, n, 0, window);
            }
        }
        count += (unsigned long)found;
    }
    return count;
}

static seek_status in_parts(int ordered, const char *const *words, size_t n, unsigned window,
                            const char *const *filter, size_t nfilter, int exact, void *db,
                            xap_query **out)
{
    return xap_db_parts_match(db, ordered, words, n, window, filter, nfilter, exact, out);
}

static void test_phrases_match_brute_force(void **state)
{
    (void)state;
    xap_db *db;
    morph *stem;
    char err[256];
    assert_int_equal(xap_db_open(dir, &db), SEEK_OK);
    assert_int_equal(morph_new(&stem, err, sizeof err), SEEK_OK);
    xap_info info;
    assert_int_equal(xap_db_info(db, &info), SEEK_OK);
    assert_int_equal(info.docs, NDOCS);
    assert_true(info.parts >= NBIG * (PART_SPLIT_TOKENS / PART_TOKENS));
    qp_parts parts = { in_parts, db };
    unsigned seed = 5, some = 0, none = 0;
    for (int round = 0; round < 120; round++) {
        size_t n = 2 + (size_t)(rand_r(&seed) % 3);
        int near = round % 3 == 2;
        const char *want[4];
        char q[160] = "";
        strcat(q, near ? "" : "\"");
        size_t used[4];
        for (size_t i = 0; i < n; i++) {
            /* NEAR's words are distinct: each takes a position of its own. */
            size_t k = (size_t)rand_r(&seed) % NVOCAB;
            for (size_t j = 0; near && j < i; j++)
                if (used[j] == k) {
                    k = (k + 1) % NVOCAB;
                    j = (size_t)-1;
                }
            used[i] = k;
            want[i] = vocab[k];
            strcat(q, want[i]);
            strcat(q, i + 1 < n ? (near ? " NEAR/2 " : " ") : near ? "" : "\"");
        }
        qp_node *tree;
        qp_error qerr;
        xap_query *xq;
        assert_int_equal(qp_parse(q, strlen(q), &tree, &qerr), SEEK_OK);
        assert_int_equal(qp_compile_parts(tree, stem, NULL, 0, &parts, &xq), SEEK_OK);
        xap_search opt = { .limit = NDOCS + 1000, .key_slot = SLOT_ID };
        xap_hits *h;
        assert_int_equal(xap_db_search(db, xq, &opt, &h), SEEK_OK);
        unsigned long want_count = brute_count(want, n, !near, n + 2);
        if (h->total != want_count)
            fail_msg("%s: %lu documents, the token streams say %lu", q, h->total, want_count);
        /* One hit per document, never a part. */
        assert_int_equal(h->n, want_count);
        for (size_t i = 0; i < h->n; i++)
            assert_true(h->hits[i].key_len == 3 && h->hits[i].key[0] == 'd');
        some += want_count > 0;
        none += want_count == 0;
        xap_hits_free(h);
        xap_query_free(xq);
        qp_free(tree);
    }
    /* Matches in big texts and phrases found nowhere both come up. */
    assert_true(some > 10);
    assert_true(none > 10);
    morph_free(stem);
    xap_db_close(db);
}

/* A phrase placed across the first cut of a big text is found once, and
 * gone with its text when the text shrinks below the split size; deleting
 * a document deletes its parts. */
static void test_parts_follow_their_document(void **state)
{
    (void)state;
    size_t n = PART_SPLIT_TOKENS + 5000;
    char *s = words_text(n, 12, 0);
    /* The first cut is at the line start nearest PART_TOKENS from below. */
    size_t cut = PART_TOKENS - PART_TOKENS % 12;
    tok_array t;
    assert_int_equal(tok_array_build(&t, s, strlen(s)), 0);
    part_range *r;
    size_t nr;
    assert_int_equal(parts_cut(&t, s, &r, &nr), 0);
    assert_int_equal(r[0].end, cut);
    free(r);
    /* The words on each side of the cut become two words of their own. */
    char w1[8] = "zqaaaaa", w2[8] = "zqbbbbb";
    size_t l1 = t.v[cut - 1].end - t.v[cut - 1].start, l2 = t.v[cut].end - t.v[cut].start;
    w1[l1] = w2[l2] = '\0';
    memcpy(s + t.v[cut - 1].start, w1, l1);
    memcpy(s + t.v[cut].start, w2, l2);
    size_t shrink_at = t.v[cut + 10].start;
    tok_array_fini(&t);

    morph *stem;
    xap_wdb *w;
    char err[256];
    assert_int_equal(morph_new(&stem, err, sizeof err), SEEK_OK);
    assert_int_equal(xap_wdb_open(dir, XAP_CREATE, &w), SEEK_OK);
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    assert_int_equal(write_doc(w, stem, 90, s), SEEK_OK);
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);

    xap_db *db;
    assert_int_equal(xap_db_open(dir, &db), SEEK_OK);
    const char *words[] = { w1, w2 };
    xap_query *q = NULL;
    assert_int_equal(xap_db_parts_match(db, 1, words, 2, 2, NULL, 0, 0, &q), SEEK_OK);
    assert_non_null(q);
    char *d = xap_query_describe(q);
    assert_non_null(strstr(d, PREFIX_PART_KEY "d90"));
    free(d);
    xap_query_free(q);
    /* Its snippet's text: the words around the phrase, not the part. */
    char p1[16], p2[16], *text = NULL;
    snprintf(p1, sizeof p1, "%s%s", PREFIX_PART_WORD, w1);
    snprintf(p2, sizeof p2, "%s%s", PREFIX_PART_WORD, w2);
    const char *anchor[] = { PREFIX_PART_WORD "nowhere", p1, p2 };
    size_t lens[] = { 1, 2 }, len;
    xap_query *q1, *q2;
    assert_int_equal(xap_query_term(p1, &q1), SEEK_OK);
    assert_int_equal(xap_query_term(p2, &q2), SEEK_OK);
    assert_int_equal(xap_query_combine(XAP_OR, q1, q2, &q), SEEK_OK);
    xap_query_free(q1);
    xap_query_free(q2);
    assert_int_equal(xap_db_part_text(db, q, "d90", anchor, lens, 2, &text, &len), SEEK_OK);
    assert_non_null(text);
    /* (a line break between the two) */
    assert_non_null(strstr(text, w1));
    assert_true(strstr(text, w2) == strstr(text, w1) + strlen(w1) + 1);
    assert_true(len < 400 * 8 && len > (XAP_PART_BEFORE + XAP_PART_AFTER) * 2);
    free(text);
    /* No anchor held: the whole part. */
    assert_int_equal(xap_db_part_text(db, q, "d90", anchor, lens, 1, &text, &len), SEEK_OK);
    assert_non_null(text);
    assert_true(len > PART_TOKENS * 2);
    free(text);
    xap_query_free(q);
    xap_info before;
    assert_int_equal(xap_db_info(db, &before), SEEK_OK);
    xap_db_close(db);

    /* Shrunk below the split size: no part left, the phrase gone. */
    s[shrink_at] = '\0';
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    assert_int_equal(write_doc(w, stem, 90, s), SEEK_OK);
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    assert_int_equal(xap_db_open(dir, &db), SEEK_OK);
    xap_info after;
    assert_int_equal(xap_db_info(db, &after), SEEK_OK);
    assert_int_equal(after.docs, before.docs);
    assert_true(after.parts < before.parts);
    assert_int_equal(xap_db_parts_match(db, 1, words, 2, 2, NULL, 0, 0, &q), SEEK_OK);
    assert_null(q);
    xap_db_close(db);

    /* Deleted: none of its parts stays. */
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    assert_int_equal(xap_wdb_delete(w, "Qd00"), SEEK_OK);
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    xap_wdb_close(w);
    assert_int_equal(xap_db_open(dir, &db), SEEK_OK);
    xap_info gone;
    assert_int_equal(xap_db_info(db, &gone), SEEK_OK);
    assert_int_equal(gone.docs, after.docs - 1);
    assert_true(gone.parts + PART_SPLIT_TOKENS / PART_TOKENS <= after.parts);
    xap_db_close(db);
    morph_free(stem);
    free(s);
}

/* ---- A write stopped between two commits of its parts ---- */

/* Parts of one word, `word`, each at positions of its own, its text naming
 * them; the writer is killed when it asks for part `kill_at`. */
typedef struct word_parts {
    const char *word;
    size_t kill_at;
} word_parts;

static seek_status word_part(void *ctx, size_t i, xap_doc **out)
{
    const word_parts *wp = ctx;
    if (i == wp->kill_at)
        raise(SIGKILL);
    char term[32], text[64];
    snprintf(term, sizeof term, "%s%s", PREFIX_PART_WORD, wp->word);
    int len = snprintf(text, sizeof text, "part %zu of %s", i, wp->word);
    seek_status st = xap_doc_new(out);
    if (st == SEEK_OK)
        st = xap_doc_add_position(*out, term, (unsigned)i * 10 + 1);
    if (st == SEEK_OK)
        st = xap_doc_set_value(*out, SLOT_TEXT, text, (size_t)len);
    return st;
}

/* Writes document "k" holding `word`, in n parts committed two at a time,
 * in a transaction of its own. */
static seek_status write_word_doc(const char *path, const char *word, size_t n, size_t kill_at)
{
    xap_wdb *w;
    xap_doc *doc;
    static word_parts wp;
    wp = (word_parts){ word, kill_at };
    seek_status st = xap_wdb_open(path, XAP_CREATE, &w);
    if (st != SEEK_OK)
        return st;
    xap_wdb_set_part_batch(w, 2);
    if ((st = xap_wdb_begin(w)) == SEEK_OK && (st = xap_doc_new(&doc)) == SEEK_OK) {
        if ((st = xap_doc_add_boolean(doc, PREFIX_ID "k")) == SEEK_OK
            && (st = xap_doc_add_term(doc, word, 1)) == SEEK_OK
            && (st = xap_doc_set_parts(doc, n, word_part, &wp, NULL)) == SEEK_OK
            && (st = xap_wdb_replace(w, PREFIX_ID "k", doc)) == SEEK_OK)
            st = xap_wdb_commit(w);
        xap_doc_free(doc);
    }
    xap_wdb_close(w);
    return st;
}

/* Documents matching `word` in parts (0 or 1), and the text of the part
 * that the snippet of "k" would be cut from ("" when none). */
static unsigned long in_parts_of(const char *path, const char *word, char *text, size_t cap)
{
    xap_db *db;
    assert_int_equal(xap_db_open(path, &db), SEEK_OK);
    const char *words[] = { word };
    xap_query *q = NULL;
    unsigned long total = 0;
    assert_int_equal(xap_db_parts_match(db, 1, words, 1, 1, NULL, 0, 0, &q), SEEK_OK);
    if (q) {
        xap_search opt = { .limit = 10, .key_slot = SLOT_ID };
        xap_hits *h;
        assert_int_equal(xap_db_search(db, q, &opt, &h), SEEK_OK);
        total = h->total;
        xap_hits_free(h);
        xap_query_free(q);
    }
    char term[32], *t = NULL;
    size_t len;
    snprintf(term, sizeof term, "%s%s", PREFIX_PART_WORD, word);
    assert_int_equal(xap_query_term(term, &q), SEEK_OK);
    assert_int_equal(xap_db_part_text(db, q, "k", NULL, NULL, 0, &t, &len), SEEK_OK);
    snprintf(text, cap, "%s", t ? t : "");
    free(t);
    xap_query_free(q);
    xap_db_close(db);
    return total;
}

static unsigned long parts_in(const char *path)
{
    xap_db *db;
    xap_info info;
    assert_int_equal(xap_db_open(path, &db), SEEK_OK);
    assert_int_equal(xap_db_info(db, &info), SEEK_OK);
    xap_db_close(db);
    return info.parts;
}

static void test_killed_write_leaves_the_version_before(void **state)
{
    (void)state;
    char path[sizeof dir + 16], text[64];
    snprintf(path, sizeof path, "%.*s/killed", (int)(strlen(dir) - 4), dir);
    /* The first version: four parts of "alpha". */
    assert_int_equal(write_word_doc(path, "alpha", 4, (size_t)-1), SEEK_OK);
    assert_int_equal(in_parts_of(path, "alpha", text, sizeof text), 1);
    assert_string_equal(text, "part 0 of alpha");
    /* The second, six parts of "beta", killed asking for the sixth: two
     * commits of two parts each made it to disk. */
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0)
        _exit(write_word_doc(path, "beta", 6, 5) == SEEK_OK ? 0 : 1);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    assert_int_equal(parts_in(path), 4 + 4);
    /* A reader sees the first version whole, nothing of the second. */
    assert_int_equal(in_parts_of(path, "alpha", text, sizeof text), 1);
    assert_string_equal(text, "part 0 of alpha");
    assert_int_equal(in_parts_of(path, "beta", text, sizeof text), 0);
    /* Written again in full: the second version alone, the stopped
     * write's parts gone with the first's. */
    assert_int_equal(write_word_doc(path, "beta", 6, (size_t)-1), SEEK_OK);
    assert_int_equal(parts_in(path), 6);
    assert_int_equal(in_parts_of(path, "alpha", text, sizeof text), 0);
    assert_int_equal(in_parts_of(path, "beta", text, sizeof text), 1);
    assert_string_equal(text, "part 0 of beta");
    /* Deleted: no part left, though deleted two at a time. */
    xap_wdb *w;
    assert_int_equal(xap_wdb_open(path, XAP_CREATE, &w), SEEK_OK);
    xap_wdb_set_part_batch(w, 2);
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    assert_int_equal(xap_wdb_delete(w, PREFIX_ID "k"), SEEK_OK);
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    xap_wdb_close(w);
    assert_int_equal(parts_in(path), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_short_text_is_one_part),
        cmocka_unit_test(test_parts_start_at_lines),
        cmocka_unit_test(test_phrases_match_brute_force),
        cmocka_unit_test(test_parts_follow_their_document),
        cmocka_unit_test(test_killed_write_leaves_the_version_before),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
