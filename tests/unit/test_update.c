/* Unit tests for the indexer's incremental update, run as seekd-index runs
 * it (walk, build on a thread, write, commit) over a small corpus: a first
 * run adds every text, page and feed article, skips what is not text and
 * counts a bad feed line as failed; a second finds everything unchanged
 * (a feed of the same size and mtime is not even read); a changed file is
 * updated, and so is the one changed article of a changed feed; a vanished
 * file's document is removed, and only what was removed is counted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <fcntl.h>

#include "../../indexer/update.h"
#include "xap/prefix.h"

static char root[64], corpus[96], index_dir[96];

/* Writes a corpus file, its mtime `age` seconds from a fixed past, so that
 * a rewrite with another age is seen as changed whatever the clock. */
static void put(const char *rel, const char *bytes, size_t len, int age)
{
    char path[192];
    snprintf(path, sizeof path, "%s/%s", corpus, rel);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    fclose(f);
    struct timespec t[2] = { { 1500000000 + age, 0 }, { 1500000000 + age, 0 } };
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static void put_text(const char *rel, const char *text, int age)
{
    put(rel, text, strlen(text), age);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/seekd-update-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    snprintf(corpus, sizeof corpus, "%s/corpus", root);
    snprintf(index_dir, sizeof index_dir, "%s/index", root);
    return mkdir(corpus, 0700);
}

static int teardown(void **state)
{
    (void)state;
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* One indexer run over the corpus; its counts, and whether `not_text` was
 * skipped as not text. */
static counts run(const char *not_text, int *skipped_it)
{
    walk_list files = { 0 };
    size_t errors = 0;
    assert_int_equal(walk_corpus(corpus, &files, &errors), 0);
    /* One corpus folder, the source of every document. */
    sources reg = { 0 };
    size_t root_src[1] = { 0 };
    counts root_counts[1] = { { 0 } };
    assert_int_equal(sources_add(&reg, corpus), 0);
    update u = { .shard = -1, .files = &files, .reg = &reg, .root_src = root_src, .nroots = 1,
                 .root_counts = root_counts, .refused = calloc(files.n + 1, 1),
                 .skipped = calloc(files.n + 1, 1) };
    assert_non_null(u.refused);
    assert_non_null(u.skipped);
    assert_int_equal(xap_wdb_open(index_dir, XAP_CREATE, &u.w), SEEK_OK);
    assert_int_equal(xap_wdb_begin(u.w), SEEK_OK);
    assert_int_equal(xap_wdb_metadata(u.w, META_FEEDS, &u.old_feeds), SEEK_OK);
    u.b = builder_new(1, NULL, update_write, &u);
    assert_non_null(u.b);
    for (size_t i = 0; i < files.n; i++)
        assert_int_equal(update_file(&u, &files.files[i]), SEEK_OK);
    assert_int_equal(builder_finish(u.b), SEEK_OK);
    size_t nseen;
    char **seen = update_seen_ids(&u, &nseen);
    assert_non_null(seen);
    assert_int_equal(update_remove_missing(&u, seen, nseen), SEEK_OK);
    free(seen);
    assert_int_equal(root_counts[0].removed, u.c.removed);
    assert_int_equal(xap_wdb_set_metadata(u.w, META_FEEDS, u.new_feeds ? u.new_feeds : ""),
                     SEEK_OK);
    assert_int_equal(xap_wdb_commit(u.w), SEEK_OK);
    builder_free(u.b);
    xap_wdb_close(u.w);
    if (skipped_it) {
        *skipped_it = 0;
        for (size_t i = 0; i < files.n; i++)
            if (!strcmp(files.files[i].id, not_text))
                *skipped_it |= u.skipped[i];
    }
    counts c = u.c;
    update_fini(&u);
    sources_fini(&reg);
    walk_list_fini(&files);
    return c;
}

/* The ids in the index, comma-joined in term order. */
static void indexed_ids(char *out, size_t cap)
{
    xap_wdb *w;
    assert_int_equal(xap_wdb_open(index_dir, XAP_CREATE, &w), SEEK_OK);
    char **terms;
    size_t n;
    assert_int_equal(xap_wdb_terms(w, PREFIX_ID, &terms, &n), SEEK_OK);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strncat(out, ",", cap - strlen(out) - 1);
        strncat(out, terms[i] + strlen(PREFIX_ID), cap - strlen(out) - 1);
    }
    xap_strv_free(terms, n);
    xap_wdb_close(w);
}

static void test_incremental_runs(void **state)
{
    (void)state;
    put_text("a.txt", "Summit in Minsk\nRahmon met Lukashenko in Minsk on Thursday.\n", 0);
    put_text("b.html", "<html><head><title>CSTO</title></head><body><p>The council met."
                       "</p></body></html>", 0);
    put_text("wire.jsonl", "{\"id\":\"x1\",\"title\":\"One\",\"text\":\"first article\"}\n"
                           "not json\n"
                           "{\"id\":\"x2\",\"title\":\"Two\",\"text\":\"second article\"}\n", 0);
    put("bin.txt", "\x7f" "ELF\0\0\0\x01\x02\0\0", 11, 0);
    int skipped = 0;
    counts c = run("bin", &skipped);
    assert_int_equal(c.added, 4);
    assert_int_equal(c.updated, 0);
    assert_int_equal(c.failed, 1);     /* the feed's bad line */
    assert_int_equal(c.skipped, 1);
    assert_true(skipped);
    char ids[256];
    indexed_ids(ids, sizeof ids);
    assert_string_equal(ids, "a,b,wire/x1,wire/x2");

    c = run("bin", NULL);
    assert_int_equal(c.added, 0);
    assert_int_equal(c.updated, 0);
    assert_int_equal(c.failed, 0);     /* the feed was not read again */
    assert_int_equal(c.unchanged, 4);  /* a, b and the feed's two articles */

    put_text("a.txt", "Summit in Minsk\nRahmon met Lukashenko in Minsk on Friday.\n", 5);
    put_text("wire.jsonl", "{\"id\":\"x1\",\"title\":\"One\",\"text\":\"first article\"}\n"
                           "{\"id\":\"x2\",\"title\":\"Two\",\"text\":\"second, corrected\"}\n", 5);
    c = run("bin", NULL);
    assert_int_equal(c.added, 0);
    assert_int_equal(c.updated, 2);    /* a.txt and article x2 */
    assert_int_equal(c.unchanged, 2);  /* b and article x1 */
    assert_int_equal(c.failed, 0);
    indexed_ids(ids, sizeof ids);
    assert_string_equal(ids, "a,b,wire/x1,wire/x2");
}

/* Adds a document of the corpus's source that has no id value. */
static void add_document_without_id(void)
{
    char key[SOURCES_KEY_LEN + 1], term[64];
    sources_key(corpus, key);
    snprintf(term, sizeof term, "%s%s", PREFIX_SOURCE, key);
    xap_wdb *w;
    xap_doc *d;
    assert_int_equal(xap_wdb_open(index_dir, XAP_CREATE, &w), SEEK_OK);
    assert_int_equal(xap_doc_new(&d), SEEK_OK);
    assert_int_equal(xap_doc_add_term(d, term, 0), SEEK_OK);
    assert_int_equal(xap_doc_add_term(d, "orphan", 1), SEEK_OK);
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    /* Under an id term it does not hold: nothing names it by id. */
    assert_int_equal(xap_wdb_replace(w, PREFIX_ID "no-such-id", d), SEEK_OK);
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    xap_doc_free(d);
    xap_wdb_close(w);
}

static unsigned long doccount(void)
{
    xap_wdb *w;
    unsigned long n;
    assert_int_equal(xap_wdb_open(index_dir, XAP_CREATE, &w), SEEK_OK);
    assert_int_equal(xap_wdb_doccount(w, &n), SEEK_OK);
    xap_wdb_close(w);
    return n;
}

static void test_removed_counts_what_goes(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'/*", index_dir, corpus);
    assert_int_equal(system(cmd), 0);
    put_text("a.txt", "First\nthe first text\n", 0);
    put_text("b.txt", "Second\nthe second text\n", 0);
    counts c = run("none", NULL);
    assert_int_equal(c.added, 2);
    assert_int_equal(c.removed, 0);
    add_document_without_id();
    assert_int_equal(doccount(), 3);
    /* It names no file, so nothing vanished: nothing removed, none counted. */
    c = run("none", NULL);
    assert_int_equal(c.unchanged, 2);
    assert_int_equal(c.removed, 0);
    assert_int_equal(doccount(), 3);
    char path[192];
    snprintf(path, sizeof path, "%s/b.txt", corpus);
    assert_int_equal(unlink(path), 0);
    c = run("none", NULL);
    assert_int_equal(c.removed, 1);
    assert_int_equal(doccount(), 2);
    char ids[256];
    indexed_ids(ids, sizeof ids);
    assert_string_equal(ids, "a");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_incremental_runs),
        cmocka_unit_test(test_removed_counts_what_goes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
