/* libFuzzer target for entity extraction: the gazetteer is loaded once
 * (SEEKD_GAZETTEER, else data/gazetteer.tsv), then each input is decoded,
 * tokenized and run through extract_run, and the result checked. */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity/dates.h"
#include "entity/extract.h"
#include "entity/gazetteer.h"
#include "text/decode.h"
#include "text/tokarray.h"

#define FUZZ_MAX_INPUT (64 * 1024)

static gazetteer *gaz;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *path = getenv("SEEKD_GAZETTEER");
    if (!path || !*path)
        path = "data/gazetteer.tsv";
    char err[512];
    if (gaz_load(path, &gaz, err, sizeof err) != SEEK_OK) {
        fprintf(stderr, "fuzz_entities: %s\n", err);
        exit(2);
    }
    return 0;
}

static int day_ok(int d)
{
    int y = d / 10000, m = d / 100 % 100, dd = d % 100;
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && dd >= 1 && dd <= date_days_in_month(y, m);
}

/* A match form: tokens joined by single spaces, none empty. */
static int form_ok(const char *f)
{
    size_t n = strlen(f);
    return text_utf8_prefix(f, n) == n
           && (n == 0 || (f[0] != ' ' && f[n - 1] != ' ' && !strstr(f, "  ")));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    size_t len = 0;
    char *text = text_decode((const char *)data, size, &len);
    assert(text);
    tok_array toks;
    assert(tok_array_build(&toks, text, len) == 0);

    /* Tokens share bytes only where one character yields several ("½"). */
    int overlap = 0;
    for (size_t i = 1; i < toks.n; i++)
        overlap |= toks.v[i].start < toks.v[i - 1].end;

    extraction x;
    assert(extract_run(gaz, text, len, &toks, &x) == SEEK_OK);
    for (size_t i = 0; i < x.nents; i++) {
        const ent_count *e = &x.ents[i];
        assert((unsigned)e->type < ENT_NTYPES);
        assert(e->key && *e->key && e->name && *e->name && e->mentions >= 1);
        assert(form_ok(e->key));
        assert(text_utf8_prefix(e->name, strlen(e->name)) == strlen(e->name));
        /* A place's key is the match form of its name (canonical or as
         * spelled). An organization's may be keyed by its body and owner
         * whatever the text's words (ruorg.h, restated.h), a person's by
         * given name and surname, patronymic and initials left out, and in
         * the nominative (keys.c). */
        if (!overlap && e->type == ENT_PLACE) {
            char *f = gaz_match_form(e->name, strlen(e->name));
            assert(f);
            if (strcmp(f, e->key) != 0) {
                fprintf(stderr, "key \"%s\" is not the match form \"%s\" of \"%s\"\n",
                        e->key, f, e->name);
                abort();
            }
            free(f);
        }
        /* One entry per (type, key); quadratic, so only on small results. */
        for (size_t k = 0; x.nents <= 256 && k < i; k++)
            assert(x.ents[k].type != e->type || strcmp(x.ents[k].key, e->key) != 0);
    }
    size_t prev_end = 0;
    for (size_t i = 0; i < x.ndates; i++) {
        const date_mention *m = &x.dates[i];
        assert(m->start < m->end && m->end <= len && m->start >= prev_end);
        assert(m->span.lo <= m->span.hi);
        /* Written without a year: month-day alone, until resolved. */
        assert(m->span.lo >= 10000 || m->span.hi < 10000);
        prev_end = m->end;
    }
    x.ndates = dates_resolve(x.dates, x.ndates, 20171130);
    for (size_t i = 0; i < x.ndates; i++)
        assert(day_ok(x.dates[i].span.lo) && day_ok(x.dates[i].span.hi));
    extraction_fini(&x);
    tok_array_fini(&toks);

    /* The match form of the whole text, and a lookup of it. */
    char *form = gaz_match_form(text, len);
    assert(form);
    assert(form_ok(form));
    const gaz_entity *hits[4];
    size_t nh = gaz_lookup(gaz, form, ENT_NTYPES, hits, 4);
    for (size_t i = 0; i < nh && i < 4; i++)
        assert(hits[i] && hits[i]->key);
    free(form);
    free(text);
    return 0;
}
