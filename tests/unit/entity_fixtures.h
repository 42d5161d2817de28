/* What the entity unit tests share: a gazetteer loaded from a string, and a
 * text cut by the project's tokenizer with some tokens marked as gazetteer
 * names. Header-only (each test is a program of its own); include after
 * <cmocka.h>. */
#ifndef SEEKD_TESTS_ENTITY_FIXTURES_H
#define SEEKD_TESTS_ENTITY_FIXTURES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "entity/gazetteer.h"
#include "entity/names.h"
#include "text/token.h"

/* The gazetteer of a TSV text (the format of data/gazetteer.tsv), through a
 * temporary file as seekd loads one; NULL when it does not load. */
static inline gazetteer *fixture_gazetteer(const char *tsv)
{
    char path[] = "/tmp/seekd_test_gaz_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(tsv, f);
    fclose(f);
    gazetteer *gaz = NULL;
    char err[256];
    seek_status st = gaz_load(path, &gaz, err, sizeof err);
    unlink(path);
    return st == SEEK_OK ? gaz : NULL;
}

/* A test group's gazetteer `gaz`, loaded from the TSV text `tsv` by the
 * group's setup and freed by its teardown (cmocka_run_group_tests(tests,
 * setup, teardown)). */
#define FIXTURE_GAZETTEER_GROUP(tsv) \
    static gazetteer *gaz; \
    static int setup(void **state) \
    { \
        (void)state; \
        gaz = fixture_gazetteer(tsv); \
        return gaz ? 0 : -1; \
    } \
    static int teardown(void **state) \
    { \
        (void)state; \
        gaz_free(gaz); \
        return 0; \
    }

/* The key `fn` gives the match form of `name` (ruorg_key, restated_key),
 * "" when none, into out. */
static inline void fixture_key(char *(*fn)(const gazetteer *, const char *), const gazetteer *g,
                               const char *name, char *out, size_t cap)
{
    char *form = gaz_match_form(name, strlen(name));
    assert_non_null(form);
    char *key = fn(g, form);
    snprintf(out, cap, "%s", key ? key : "");
    free(key);
    free(form);
}

/* Fails naming `name` unless `fn`'s key for it is `want`. */
#define EXPECT_KEY_OF(fn, g, name, want) do { char got_[256]; \
        fixture_key(fn, g, name, got_, sizeof got_); \
        if (strcmp(got_, want)) fail_msg("%s\n  got:  %s\n  want: %s", name, got_, want); } while (0)

/* A tokenized text. The text is a heap copy without a NUL, so that the
 * sanitizers catch any read past its end. */
typedef struct tok_doc {
    char *text;
    size_t len;
    names_tok *toks;
    size_t n, cap;
    unsigned char *taken, *place;   /* per token */
} tok_doc;

static inline int tok_doc_add(const tok *t, void *ctx)
{
    tok_doc *d = ctx;
    if (d->n == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 16;
        d->toks = realloc(d->toks, d->cap * sizeof *d->toks);
        assert_non_null(d->toks);
    }
    d->toks[d->n] = (names_tok){ strdup(t->text), t->start, t->end };
    assert_non_null(d->toks[d->n].norm);
    d->n++;
    return 0;
}

/* Tokenizes s; tokens spelled as a space-separated word of `places` are
 * gazetteer places (taken), of `taken` other gazetteer names. Either may be
 * NULL. */
static inline void tok_doc_open(tok_doc *d, const char *s, const char *places, const char *taken)
{
    size_t len = strlen(s);
    memset(d, 0, sizeof *d);
    d->len = len;
    d->text = malloc(len ? len : 1);
    assert_non_null(d->text);
    memcpy(d->text, s, len);
    assert_true(tok_scan(d->text, len, tok_doc_add, d) >= 0);
    d->taken = calloc(d->n ? d->n : 1, 1);
    d->place = calloc(d->n ? d->n : 1, 1);
    assert_true(d->taken && d->place);
    for (size_t i = 0; i < d->n; i++) {
        size_t tl = d->toks[i].end - d->toks[i].start;
        for (int pass = 0; pass < 2; pass++)
            for (const char *w = pass ? taken : places; w && *w; w += strcspn(w, " "), w += *w == ' ') {
                size_t wl = strcspn(w, " ");
                if (wl == tl && !memcmp(w, d->text + d->toks[i].start, tl)) {
                    d->taken[i] = 1;
                    d->place[i] = !pass;
                }
            }
    }
}

static inline void tok_doc_close(tok_doc *d)
{
    for (size_t i = 0; i < d->n; i++)
        free((char *)d->toks[i].norm);
    free(d->toks);
    free(d->taken);
    free(d->place);
    free(d->text);
}

#endif
