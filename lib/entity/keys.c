/* Rekeying passes of the extraction (keys.h): what a name is counted and
 * indexed under, kept apart from how the name was found. */
#include "entity/keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity/restated.h"
#include "entity/ruorg.h"
#include "entity/rustem.h"
#include "entity/shape.h"
#include "text/script.h"

int keys_add_nominative_forms(const tok_array *t, char **forms, mentions *ms)
{
    size_t n0 = ms->n;
    for (size_t m = 0; m < n0; m++) {
        const mention *p = &ms->v[m];
        if (!p->own_key || p->n < 2 || (p->type != ENT_PERSON && p->type != ENT_NAME))
            continue;
        size_t len = 1;
        bool other = false;
        for (size_t i = p->first; i < p->first + p->n; i++) {
            const char *norm = tok_array_norm(t, i);
            size_t stem = rustem_name(norm, t->v[i].len);
            bool cut = stem < t->v[i].len && rustem_oblique(norm, stem);
            other |= cut;
            len += (cut ? gaz_token_form(norm, stem, false, NULL, 0) : strlen(forms[i])) + 1;
        }
        if (!other)
            continue;
        char *key = malloc(len), *name = strdup(p->own_name), *at = key;
        mention *q = key && name ? mention_add(ms, p->first, p->n, p->type) : NULL;
        if (!q) {
            free(key);
            free(name);
            return -1;
        }
        p = &ms->v[m];   /* the array may have moved */
        for (size_t i = p->first; i < p->first + p->n; i++) {
            const char *norm = tok_array_norm(t, i);
            size_t stem = rustem_name(norm, t->v[i].len);
            if (at > key)
                *at++ = ' ';
            if (stem < t->v[i].len && rustem_oblique(norm, stem))
                at += gaz_token_form(norm, stem, false, at, len - (size_t)(at - key));
            else
                at += strlen(strcpy(at, forms[i]));
        }
        *at = '\0';
        q->key = q->own_key = key;
        q->name = q->own_name = name;
    }
    return 0;
}

/* Mention m, and every mention that shares its key, keyed by `key`; m's own
 * key (freed) becomes `own`, a malloc'd key or NULL when `key` is the
 * gazetteer's. */
static void rekey(mentions *ms, mention *m, const char *key, char *own)
{
    char *old = m->own_key;
    for (size_t j = 0; j < ms->n; j++)
        if (ms->v[j].key == old)
            ms->v[j].key = key;
    m->own_key = own;
    free(old);
}

int keys_patronymic(const gazetteer *g, const tok_array *t, char **forms, mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        mention *m = &ms->v[i];
        char *old = m->own_key, key[256];
        size_t a = m->first;
        bool middle = m->n == 3 && shape_patronymic(t, a + 1);
        bool last = m->n == 3 && !middle && shape_patronymic(t, a + 2) && !shape_patronymic(t, a);
        if (!old || m->key != old || (m->type != ENT_PERSON && m->type != ENT_NAME)
            || !(middle || last)
            || snprintf(key, sizeof key, "%s %s", forms[middle ? a : a + 1],
                        forms[middle ? a + 2 : a]) >= (int)sizeof key)
            continue;
        m->type = ENT_PERSON;
        const gaz_entity *p[1];
        char *own;
        if (g && gaz_lookup(g, key, ENT_PERSON, p, 1) == 1) {
            m->name = p[0]->name;
            rekey(ms, m, p[0]->key, NULL);
        } else if ((own = strdup(key))) {
            rekey(ms, m, own, own);
        } else {
            return -1;
        }
    }
    return 0;
}

int keys_initials(const char *text, const tok_array *t, char **forms, mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        mention *m = &ms->v[i];
        char *old = m->own_key, key[256];
        size_t a = m->first, e = a + m->n, len;
        bool before = m->n >= 3 && shape_initial(text, t, a) && shape_initial(text, t, a + 1)
                      && !shape_initial(text, t, a + 2);
        bool after = (m->n == 2 || m->n == 3) && !shape_initial(text, t, a)
                     && shape_initial(text, t, a + 1) && shape_initial(text, t, e - 1);
        if (!old || m->key != old || !(before || after))
            continue;
        /* An untyped name of Latin initials may be a company's ("J.P. Morgan"). */
        if (m->type != ENT_PERSON
            && (m->type != ENT_NAME
                || script_word(tok_array_norm(t, a), t->v[a].len, NULL) != SCRIPT_CYRILLIC))
            continue;
        if (after)
            len = (size_t)snprintf(key, sizeof key, "%s %s", forms[a + 1], forms[a]);
        else
            len = (size_t)snprintf(key, sizeof key, "%s", forms[a]);
        for (size_t k = a + 2; before && k < e && len < sizeof key; k++)
            len += (size_t)snprintf(key + len, sizeof key - len, " %s", forms[k]);
        if (len >= sizeof key)
            continue;
        char *own = strdup(key);
        if (!own)
            return -1;
        rekey(ms, m, own, own);
    }
    return 0;
}

/* The key of organization m whose name ends with another's mention, which
 * has a key other than its words: m's first words, then that key; the
 * longest such one. The other is the gazetteer's ("факультета
 * радиофизики БГУ", after the university's full name), or a state body
 * whose owner a word of the text stands for ("Пограничных войск | ГКНБ
 * республики"), as a filter naming the owner reads it
 * (restated_body_key); not a state body written alone, whose owner no
 * filter could name. A malloc'd string; NULL when none, or on no memory
 * (*oom). */
static char *inner_keyed(char **forms, const mentions *ms, const mention *m, bool *oom)
{
    const mention *inner = NULL;
    char words[256], head[256];
    size_t end = m->first + m->n;
    /* A body's mention leaves out the word for its owner. */
    bool owner_word = ruorg_country_word(forms[end - 1]);
    for (size_t j = 0; j < ms->n; j++) {
        const mention *o = &ms->v[j];
        size_t o_end = o->first + o->n;
        if (o->type == ENT_ORG && o->key && o->first > m->first
            && ((o_end == end && !o->own_key) || (o_end + 1 == end && owner_word))
            && (!inner || o->first < inner->first)
            && mention_join_forms(forms, o->first, o_end, words, sizeof words)
            && strcmp(words, o->key))
            inner = o;
    }
    if (!inner || !mention_join_forms(forms, m->first, inner->first, head, sizeof head) || !*head)
        return NULL;
    size_t len = strlen(head) + strlen(inner->key) + 2;
    char *key = malloc(len);
    if (key)
        snprintf(key, len, "%s %s", head, inner->key);
    *oom = !key;
    return key;
}

int keys_owned(const gazetteer *g, char **forms, mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        mention *m = &ms->v[i];
        char *old = m->own_key;
        bool oom = false;
        if (!old || m->key != old || m->type != ENT_ORG || !strchr(old, ' '))
            continue;
        char *key = restated_key(g, old);
        if (!key)
            key = inner_keyed(forms, ms, m, &oom);
        if (oom)
            return -1;
        if (key)
            rekey(ms, m, key, key);
    }
    return 0;
}
