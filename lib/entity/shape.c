/* Token tests the extraction passes share (shape.h), in one place so that
 * every pass reads a patronymic or an initial the same way. */
#include "entity/shape.h"

#include <stdlib.h>
#include <string.h>

#include "entity/names.h"
#include "entity/rustem.h"
#include "entity/translit.h"
#include "entity/wordlist.h"
#include "text/script.h"

bool shape_case_ending(const tok_array *t, size_t i)
{
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len, stem = rustem_name(w, len);
    return stem < len && strcmp(w + stem, "ь") != 0;
}

bool shape_genitive(const tok_array *t, size_t i)
{
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len;
    return rustem_name(w, len) < len && wordlist_ends(" а я ы и ", w, len, 0);
}

bool shape_adjective(const tok_array *t, size_t i)
{
    static const char ends[] = " ый ий ой ая яя ое ее ого его ому ему ым им ую юю ";
    return wordlist_ends(ends, tok_array_norm(t, i), t->v[i].len, 4);
}

bool shape_patronymic(const tok_array *t, size_t i)
{
    return rustem_patronymic(tok_array_norm(t, i), t->v[i].len);
}

size_t shape_utf8_letters(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

bool shape_named_after(const tok_array *t, size_t i)
{
    size_t k = i;
    while (k > 0 && i - k < 3 && t->v[k - 1].len == 2 && t->v[k - 1].end - t->v[k - 1].start == 2)
        k--;   /* one Cyrillic letter: an initial */
    /* A title between: "имени академика Е. Н. Мешалкина". */
    if (k > 1 && rustem_eponym_title(tok_array_norm(t, k - 1), t->v[k - 1].len))
        k--;
    if (k == 0)
        return false;
    const char *w = tok_array_norm(t, k - 1);
    return !strcmp(w, "имени") || !strcmp(w, "им");
}

bool shape_hyphen_next(const char *text, const tok_array *t, size_t i)
{
    return i + 1 < t->n && t->v[i + 1].start == t->v[i].end + 1 && text[t->v[i].end] == '-';
}

bool shape_initial(const char *text, const tok_array *t, size_t i)
{
    return i + 1 < t->n && shape_utf8_letters(tok_array_norm(t, i), t->v[i].len) == 1
           && names_case(text, t->v[i].start, t->v[i].end) > 0 && text[t->v[i].end] == '.';
}

/* A one-word Russian name met only through its stem, by a word whose
 * ending is none of its cases' (rustem_declines_to): "Сель" and "Село" are
 * no case of "Селая", "Дума" none of "Думай", "Винай" none of "Винь", nor
 * "План" of "Планом"; a plural's genitive drops its ending ("из Филиппин").
 * Only the names of the entity that share the word's stem judge, cut or
 * not ("Винь" transliterates as its stem does); a match through another
 * form (a fleeting vowel's, "Орла") stands. */
bool shape_other_declension(const tok_array *t, char **forms, const gaz_match *g)
{
    return shape_word_other_declension(g->ent, forms[g->first], tok_array_norm(t, g->first),
                                       t->v[g->first].len);
}

bool shape_word_other_declension(const gaz_entity *e, const char *form, const char *w,
                                 size_t wlen)
{
    if (script_word(w, wlen, NULL) != SCRIPT_CYRILLIC)
        return false;   /* Latin text has no Russian endings to judge */
    bool judged = false;
    for (size_t k = 0; k <= e->naliases; k++) {
        const char *a = k < e->naliases ? e->aliases[k] : e->name;
        size_t len = strlen(a);
        /* A name in capitals is an acronym, which takes any ending ("МИДа")
         * or none ("ЮНЕСКО"). */
        if (memchr(a, ' ', len) || !translit_has_cyr(a, len) || names_caps(a, 0, len) >= 2)
            continue;
        char *f = gaz_match_form(a, len);
        bool same = f && !strcmp(f, form);
        free(f);
        if (!same)
            continue;
        if (rustem_declines_to(a, len, w, wlen))
            return false;
        judged = true;
    }
    return judged;
}
