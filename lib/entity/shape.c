/* Token tests the extraction passes share (shape.h), in one place so that
 * every pass reads a patronymic or an initial the same way. */
#include "entity/shape.h"

#include <string.h>

#include "entity/names.h"
#include "entity/rustem.h"

bool shape_case_ending(const tok_array *t, size_t i)
{
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len, stem = rustem_name(w, len);
    return stem < len && strcmp(w + stem, "ь") != 0;
}

bool shape_genitive(const tok_array *t, size_t i)
{
    static const char *const ends[] = { "а", "я", "ы", "и" };
    const char *w = tok_array_norm(t, i);
    size_t len = t->v[i].len, stem = rustem_name(w, len);
    for (size_t k = 0; stem < len && k < sizeof ends / sizeof *ends; k++)
        if (!strcmp(w + len - strlen(ends[k]), ends[k]))
            return true;
    return false;
}

bool shape_patronymic(const tok_array *t, size_t i)
{
    static const char *const stems[] = { "вич", "вн", "ичн" };
    const char *w = tok_array_norm(t, i);
    size_t len = rustem_name(w, t->v[i].len);
    for (size_t k = 0; k < sizeof stems / sizeof *stems; k++) {
        size_t sl = strlen(stems[k]);
        if (len > sl && !memcmp(w + len - sl, stems[k], sl))
            return true;
    }
    return false;
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
