/* The mention list of the extraction passes (mention.h): adding a mention,
 * and the key and spelling of a name the gazetteer lacks. Apart from
 * extract.c because every pass needs it and none owns it. */
#include "entity/mention.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity/quotes.h"
#include "grow.h"

mention *mention_add(mentions *m, size_t first, size_t n, ent_type type)
{
    mention *p = grow_to(m->v, &m->cap, m->n + 1, sizeof *p, 32);
    if (!p)
        return NULL;
    m->v = p;
    p = &m->v[m->n++];
    *p = (mention){ first, n, type, NULL, NULL, NULL, NULL };
    return p;
}

int mention_detected_key(const char *text, const tok_array *t, char **forms, size_t first,
                         size_t nt, mention *m)
{
    size_t klen = 0;
    for (size_t i = first; i < first + nt; i++)
        klen += strlen(forms[i]) + 1;
    size_t from = t->v[first].start, to = t->v[first + nt - 1].end;
    /* The spelling without the possessive the key leaves out ("Rudd's"):
     * only when the key did leave it out (a Cyrillic word's "'s" may read
     * as its homoglyph, no possessive). */
    size_t last = first + nt - 1;
    if (gaz_possessive_len(tok_array_norm(t, last), t->v[last].len) < t->v[last].len
        && to - from > 2 && (text[to - 1] == 's' || text[to - 1] == 'S')) {
        if (text[to - 2] == '\'')
            to -= 2;
        else if (to - from > 4 && !memcmp(text + to - 4, "\xE2\x80\x99", 3))
            to -= 4;
    }
    /* A name that holds an opening quote mark holds its closing one too
     * ("Национальная компания «Казмунайгаз»", "ТОО "Актобе""). */
    for (size_t i = first + 1; i < first + nt; i++) {
        size_t open, close;
        int kind = quotes_open(text, t->v[i - 1].end, t->v[i].start, &open);
        if (!kind)
            continue;
        bool closed = false;
        for (size_t k = i; k + 1 < first + nt && !closed; k++)
            closed = quotes_close(text, t->v[k].end, t->v[k + 1].start, kind) > 0;
        if (!closed && first + nt < t->n
            && (close = quotes_close(text, to, t->v[first + nt].start, kind)) > 0)
            to += close;
        break;
    }
    char *key = malloc(klen + 1), *name = malloc(to - from + 1);
    if (!key || !name) {
        free(key);
        free(name);
        return -1;
    }
    key[0] = '\0';
    for (size_t i = first; i < first + nt; i++) {
        const char *f = forms[i];
        size_t mark = gaz_number_affix_len(text, t, first, i, first + nt);
        f += mark < strlen(f) ? mark : strlen(f);
        if (!*f)
            continue;  /* transliterates to nothing, like a lone "ь", or a number's mark */
        if (*key)
            strcat(key, " ");
        strcat(key, f);
    }
    if (!*key) {
        free(key);
        free(name);
        return 1;
    }
    size_t n = 0;
    for (size_t i = from; i < to; i++) {
        char ch = text[i];
        int ws = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
        if (ws && n && name[n - 1] == ' ')
            continue;
        name[n++] = ws ? ' ' : ch;
    }
    name[n] = '\0';
    m->key = m->own_key = key;
    m->name = m->own_name = name;
    return 0;
}

bool mention_join_forms(char **forms, size_t a, size_t b, char *key, size_t cap)
{
    size_t len = 0;
    for (size_t i = a; i < b; i++) {
        int w = snprintf(key + len, cap - len, "%s%s", i > a ? " " : "", forms[i]);
        if (w < 0 || (size_t)w >= cap - len)
            return false;
        len += (size_t)w;
    }
    return true;
}

bool mention_key_ends_with(const char *key, const char *end)
{
    size_t kl = strlen(key), el = strlen(end);
    return kl > el && key[kl - el - 1] == ' ' && !strcmp(key + kl - el, end);
}

int mention_add_detected(mentions *ms, const char *text, const tok_array *t, char **forms,
                         size_t first, size_t n, ent_type type, mention **out)
{
    mention *m = mention_add(ms, first, n, type);
    int got = m ? mention_detected_key(text, t, forms, first, n, m) : -1;
    if (got > 0)
        ms->n--;
    *out = got == 0 ? m : NULL;
    return got;
}

int mention_append_words(const char *text, const tok_array *t, char **forms, size_t a, size_t b,
                         mention *m)
{
    size_t klen = strlen(m->own_key), nlen = strlen(m->own_name);
    for (size_t i = a; i < b; i++)
        klen += strlen(forms[i]) + 1;
    char *key = realloc(m->own_key, klen + 1);
    if (!key)
        return -1;
    m->key = m->own_key = key;
    for (size_t i = a; i < b; i++)
        if (*forms[i])
            strcat(strcat(key, " "), forms[i]);
    size_t words = a < b ? t->v[b - 1].end - t->v[a].start : 0;
    char *name = realloc(m->own_name, nlen + words + 2);
    if (!name)
        return -1;
    m->name = m->own_name = name;
    if (words) {
        name[nlen] = ' ';
        memcpy(name + nlen + 1, text + t->v[a].start, words);
        name[nlen + 1 + words] = '\0';
    }
    return 0;
}
