/* Query widening (widen.h): the query language's meaning of a surname
 * alone, which needs the index's own names, so it runs per index. */
#include "query/widen.h"

#include <string.h>

#include "query/compile.h"

int qp_entity_has_word(const char *term, const char *word)
{
    size_t n = strlen(word);
    for (const char *w = term + 2; w; w = strchr(w, ' ')) {
        if (*w == ' ')
            w++;
        if (!strncmp(w, word, n) && (w[n] == ' ' || w[n] == '\0'))
            return 1;
    }
    return 0;
}

/* Nonzero when the entity term's name begins with `word`, a whole word. */
static int first_word(const char *term, const char *word)
{
    size_t n = strlen(word);
    return !strncmp(term + 2, word, n) && (term[2 + n] == ' ' || term[2 + n] == '\0');
}

/* A single word the gazetteer does not know stands for the indexed names
 * that have it as a word, so analysts can filter by surname. An
 * organization's one word is the head of its longer names ("Toyota Motor
 * Corp"), not any word of them: "Congress" is no part of "Indian National
 * Congress", nor "Энергия" of "Агентство по атомной энергии". */
static seek_status widen_node(xap_db *db, const gazetteer *g, qp_node *n)
{
    const gaz_entity *e[1];
    if (n->nterms != 1 || strchr(n->terms[0], ' ') || (g && gaz_lookup(g, n->terms[0], n->etype, e, 1)))
        return SEEK_OK;
    for (int t = 0; t < ENT_NTYPES; t++) {
        if (n->etype != ENT_NTYPES && t != (int)n->etype && t != ENT_NAME)
            continue;
        xap_count *all;
        size_t cnt, added = 0;
        seek_status st = xap_db_terms(db, qp_entity_prefix((ent_type)t), &all, &cnt);
        if (st != SEEK_OK)
            return st;
        for (size_t i = 0; i < cnt && added < QP_WIDEN_MAX && st == SEEK_OK; i++)
            if (n->etype == ENT_ORG ? first_word(all[i].term, n->terms[0])
                                    : qp_entity_has_word(all[i].term, n->terms[0])) {
                st = qp_add_term(n, all[i].term);
                added++;
            }
        xap_counts_free(all, cnt);
        if (st != SEEK_OK)
            return st;
    }
    return SEEK_OK;
}

/* A prefix* standing for more words than it may is searched with the most
 * frequent of them (xap_query_wildcard); the user is told. */
static seek_status check_prefix(xap_db *db, const qp_node *n, qp_error *diag)
{
    unsigned long count;
    seek_status st = xap_db_prefix_count(db, n->terms[0], QP_MAX_EXPANSION, &count);
    if (st == SEEK_OK && count > QP_MAX_EXPANSION)
        qp_warn(diag, "'%s*' stands for more than %d words: searched with the %d most frequent",
                n->terms[0], QP_MAX_EXPANSION, QP_MAX_EXPANSION);
    return st;
}

seek_status qp_widen(xap_db *db, const gazetteer *gaz, qp_node *n, qp_error *diag)
{
    if (!n)
        return SEEK_OK;
    if (n->kind == QP_ENTITY)
        return widen_node(db, gaz, n);
    if (n->kind == QP_PREFIX)
        return check_prefix(db, n, diag);
    seek_status st = qp_widen(db, gaz, n->left, diag);
    return st == SEEK_OK ? qp_widen(db, gaz, n->right, diag) : st;
}
