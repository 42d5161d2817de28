/* Extraction pipeline: match forms of the tokens, gazetteer matches (which
 * claim their tokens), name detection on what is left, then dates (those
 * written without a year wait for the document's own date). */
#include "entity/extract.h"

#include <stdlib.h>
#include <string.h>

#include "entity/names.h"
#include "grow.h"
#include "entity/translit.h"

typedef struct counter {
    extraction *x;
    size_t cap;
} counter;

static int count(counter *c, ent_type type, const char *key, const char *name, size_t name_len)
{
    extraction *x = c->x;
    for (size_t i = 0; i < x->nents; i++)
        if (x->ents[i].type == type && strcmp(x->ents[i].key, key) == 0) {
            x->ents[i].mentions++;
            return 0;
        }
    ent_count *p = grow_to(x->ents, &c->cap, x->nents + 1, sizeof *p, 16);
    if (!p)
        return -1;
    x->ents = p;
    ent_count *e = &x->ents[x->nents];
    e->type = type;
    e->mentions = 1;
    e->key = strdup(key);
    e->name = strndup(name, name_len);
    if (!e->key || !e->name) {
        free(e->key);
        free(e->name);
        return -1;
    }
    x->nents++;
    return 0;
}

/* Match forms of all tokens: Latin ones point into the array's arena,
 * Cyrillic ones are transliterated copies (marked in `owned`). */
static char **match_forms(const tok_array *t, unsigned char *owned)
{
    char **f = calloc(t->n + 1, sizeof *f);
    for (size_t i = 0; f && i < t->n; i++) {
        const char *norm = tok_array_norm(t, i);
        if (!translit_has_cyr(norm, t->v[i].len)) {
            f[i] = (char *)norm;
            continue;
        }
        size_t need = translit_cyr(norm, t->v[i].len, NULL, 0);
        if (!(f[i] = malloc(need + 1))) {
            for (size_t j = 0; j < i; j++)
                if (owned[j])
                    free(f[j]);
            free(f);
            return NULL;
        }
        translit_cyr(norm, t->v[i].len, f[i], need + 1);
        owned[i] = 1;
    }
    return f;
}

/* The name's key (match forms joined by spaces) and its spelling in the
 * text with runs of white space folded. */
static int add_detected(counter *c, const char *text, const tok_array *t, char **forms,
                        const names_mention *m)
{
    size_t klen = 0;
    for (size_t i = m->first; i < m->first + m->n; i++)
        klen += strlen(forms[i]) + 1;
    size_t from = t->v[m->first].start, to = t->v[m->first + m->n - 1].end;
    char *key = malloc(klen + 1), *name = malloc(to - from + 1);
    if (!key || !name) {
        free(key);
        free(name);
        return -1;
    }
    key[0] = '\0';
    for (size_t i = m->first; i < m->first + m->n; i++) {
        if (!*forms[i])
            continue;  /* transliterates to nothing, like a lone "ь" */
        if (*key)
            strcat(key, " ");
        strcat(key, forms[i]);
    }
    if (!*key) {
        free(key);
        free(name);
        return 0;
    }
    size_t n = 0;
    for (size_t i = from; i < to; i++) {
        char ch = text[i];
        int ws = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
        if (ws && n && name[n - 1] == ' ')
            continue;
        name[n++] = ws ? ' ' : ch;
    }
    static const ent_type types[] = { ['p'] = ENT_PERSON, ['o'] = ENT_ORG, ['l'] = ENT_PLACE,
                                      ['n'] = ENT_NAME };
    int rc = count(c, types[m->type], key, name, n);
    free(key);
    free(name);
    return rc;
}

static seek_status find_entities(const gazetteer *g, const char *text, const tok_array *t,
                                 counter *c)
{
    seek_status st = SEEK_NOMEM;
    unsigned char *taken = calloc(t->n + 1, 2);
    char **forms = taken ? match_forms(t, taken + t->n + 1) : NULL;
    gaz_match *gm = NULL;
    names_mention *nm = NULL;
    names_tok *nt = NULL;
    if (!forms)
        goto out;
    long ng = g ? gaz_match_tokens(g, (const char *const *)forms, t->n, &gm) : 0;
    if (ng < 0)
        goto out;
    for (long i = 0; i < ng; i++) {
        memset(taken + gm[i].first, 1, gm[i].n);
        if (count(c, gm[i].ent->type, gm[i].ent->key, gm[i].ent->name,
                  strlen(gm[i].ent->name)) < 0)
            goto out;
    }
    if (!(nt = malloc((t->n + 1) * sizeof *nt)))
        goto out;
    for (size_t i = 0; i < t->n; i++)
        nt[i] = (names_tok){ tok_array_norm(t, i), t->v[i].start, t->v[i].end };
    long nn = names_find(text, nt, t->n, taken, &nm);
    if (nn < 0)
        goto out;
    for (long i = 0; i < nn; i++)
        if (add_detected(c, text, t, forms, &nm[i]) < 0)
            goto out;
    st = SEEK_OK;
out:
    if (forms)
        for (size_t i = 0; i < t->n; i++)
            if (taken[t->n + 1 + i])
                free(forms[i]);
    free(forms);
    free(taken);
    free(gm);
    free(nm);
    free(nt);
    return st;
}

seek_status extract_run(const gazetteer *g, const char *text, size_t len,
                        const tok_array *toks, extraction *out)
{
    memset(out, 0, sizeof *out);
    counter c = { out, 0 };
    seek_status st = find_entities(g, text, toks, &c);
    if (st == SEEK_OK) {
        ssize_t n = dates_find_near(text, len, 0, &out->dates);
        if (n < 0)
            st = SEEK_NOMEM;
        else
            out->ndates = (size_t)n;
    }
    if (st != SEEK_OK)
        extraction_fini(out);
    return st;
}

void extraction_fini(extraction *x)
{
    for (size_t i = 0; i < x->nents; i++) {
        free(x->ents[i].key);
        free(x->ents[i].name);
    }
    free(x->ents);
    free(x->dates);
    memset(x, 0, sizeof *x);
}
