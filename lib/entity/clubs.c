/* Sports clubs named after their town: see clubs.h. The lists are of
 * English words; a story without sport never reaches them. */
#include "entity/clubs.h"

#include <string.h>

#include "entity/gazetteer.h"
#include "entity/wordlist.h"

enum {
    MAX_WORD = 24,   /* no listed word is longer */
    MIN_SPORT = 2,   /* different sports words that make a story about sport */
};

/* Words of sports reports; "final", "match" or "cup" alone name no sport,
 * so two different words are needed. */
static const char sport_words[] = " cup defender derby footballer goal goalkeeper goals halftime"
    " league match midfielder penalty playoff playoffs season semifinal squad stadium striker"
    " tournament winger ";
/* Words that end a club's name after its town and also name towns. */
static const char club_words[] = " city county town ";
/* A club's staff and players, after its name. */
static const char staff_words[] = " boss captain coach defender fans forward goalkeeper manager"
    " midfielder striker supporters winger ";

static const char *norm(const names_tok *t) { return t->norm ? t->norm : ""; }

/* Tokens i and i+1 are joined by one space. */
static bool one_space(const char *text, const names_tok *toks, size_t n, size_t i)
{
    return i + 1 < n && toks[i + 1].start == toks[i].end + 1 && text[toks[i].end] == ' ';
}

bool clubs_sport_text(const names_tok *toks, size_t n)
{
    const char *seen[MIN_SPORT];
    size_t nseen = 0;

    for (size_t i = 0; i < n && nseen < MIN_SPORT; i++) {
        const char *w = norm(&toks[i]);
        size_t k = 0;
        if (!wordlist_has_word(sport_words, w))
            continue;
        while (k < nseen && strcmp(seen[k], w))
            k++;
        if (k == nseen)
            seen[nseen++] = w;
    }
    return nseen >= MIN_SPORT;
}

bool clubs_word_after(const char *text, const names_tok *toks, size_t n, size_t i)
{
    return one_space(text, toks, n, i)
           && names_case(text, toks[i + 1].start, toks[i + 1].end) > 0
           && wordlist_has_word(club_words, norm(&toks[i + 1]));
}

static bool digits(const char *text, const names_tok *t, size_t max)
{
    size_t len = t->end - t->start;

    if (!len || len > max)
        return false;
    for (size_t k = 0; k < len; k++)
        if (text[t->start + k] < '0' || text[t->start + k] > '9')
            return false;
    return true;
}

bool clubs_score_after(const char *text, const names_tok *toks, size_t n, size_t i)
{
    size_t k = i + 1;

    if (!one_space(text, toks, n, i) || !digits(text, &toks[k], 2))
        return false;
    if (k + 1 == n)
        return true;
    /* "2-0", or the number alone: not "3%", "2.5", "10:30", "1/2", "5,000". */
    if (toks[k + 1].start == toks[k].end + 1 && text[toks[k].end] == '-')
        return digits(text, &toks[k + 1], 2);
    return toks[k + 1].start > toks[k].end && (text[toks[k].end] == ' ' || text[toks[k].end] == '\n'
                                               || text[toks[k].end] == '\t' || text[toks[k].end] == '\r');
}

bool clubs_staff_after(const char *text, const names_tok *toks, size_t n, size_t i)
{
    char bare[MAX_WORD + 1];
    const char *w;
    size_t len, cut;

    if (!one_space(text, toks, n, i) || names_case(text, toks[i + 1].start, toks[i + 1].end) >= 0)
        return false;
    w = norm(&toks[i + 1]);
    len = strlen(w);
    cut = gaz_possessive_len(w, len);
    if (cut > MAX_WORD)
        return false;
    memcpy(bare, w, cut);
    bare[cut] = '\0';
    return wordlist_has_word(staff_words, bare);
}
