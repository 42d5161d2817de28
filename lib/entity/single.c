/* One-word names: see single.h. What a capitalized word is decides nothing
 * at a sentence's start, so there a word needs a sign that it is a name;
 * inside a sentence its capital is the sign, unless names.h's word lists,
 * a people's word or a headline say otherwise. */
#include "entity/single.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity/clubs.h"
#include "entity/wordlist.h"
#include "grow.h"
#include "text/script.h"

enum {
    MAX_WORD = 48,      /* longer tokens are never one of the listed words */
    HEADLINE_SPAN = 24, /* a line of more tokens than this is no headline */
};

typedef struct ctx {
    const gazetteer *g;
    const char *text;
    const names_tok *t;
    size_t n;
    const unsigned char *taken;
} ctx;

static bool is_taken(const ctx *c, size_t i) { return c->taken && c->taken[i]; }

/* The bytes between tokens i and i+1 (none when they overlap). */
static const char *gap(const ctx *c, size_t i, size_t *len)
{
    size_t a = c->t[i].end, b = c->t[i + 1].start;

    *len = b > a ? b - a : 0;
    return c->text + a;
}

/* Tokens i and i+1 are separated by spaces only. */
static bool spaced(const ctx *c, size_t i)
{
    size_t len;
    const char *p = gap(c, i, &len);

    if (i + 1 >= c->n || !len)
        return false;
    for (size_t k = 0; k < len; k++)
        if (p[k] != ' ')
            return false;
    return true;
}

static bool gap_has(const ctx *c, size_t i, char ch)
{
    size_t len;
    const char *p = gap(c, i, &len);

    return memchr(p, ch, len) != NULL;
}

static int word_case(const ctx *c, size_t i) { return names_case(c->text, c->t[i].start, c->t[i].end); }
static int caps(const ctx *c, size_t i) { return names_caps(c->text, c->t[i].start, c->t[i].end); }

/* The token's form without a possessive, in buf. */
static const char *bare(const ctx *c, size_t i, char *buf, size_t cap)
{
    const char *w = c->t[i].norm ? c->t[i].norm : "";
    size_t len = strlen(w), cut = gaz_possessive_len(w, len);

    if (cut >= cap)
        cut = cap - 1;
    memcpy(buf, w, cut);
    buf[cut] = '\0';
    return buf;
}

static bool possessive(const ctx *c, size_t i)
{
    const char *w = c->t[i].norm ? c->t[i].norm : "";
    size_t len = strlen(w);

    return gaz_possessive_len(w, len) < len;
}

/* Token i starts a sentence, a quotation or a parenthesis, or follows a
 * dateline's dash: where any word is capitalized. */
static bool sentence_start(const ctx *c, size_t i)
{
    size_t len;
    const char *p;

    if (i == 0 || names_sentence_end(c->text, c->t, c->n, i - 1))
        return true;
    p = gap(c, i - 1, &len);
    for (size_t k = 0; k < len; k++)
        if (p[k] == '"' || p[k] == '(' || p[k] == ')' || p[k] == ':'
            || (p[k] == '-' && len > 1)
            || ((unsigned char)p[k] == 0xE2 && k + 2 < len && (unsigned char)p[k + 1] == 0x80
                && ((unsigned char)p[k + 2] == 0x9C || (unsigned char)p[k + 2] == 0x98
                    || (unsigned char)p[k + 2] == 0x93 || (unsigned char)p[k + 2] == 0x94)))
            return true;
    return false;
}

static bool line_start(const ctx *c, size_t i) { return i == 0 || gap_has(c, i - 1, '\n'); }

/* Token i is in a title-case headline: a short line all of whose words
 * but the short function words are capitalized ("Toyota to Build Battery
 * Plant in Carolina", "Social Factors in the Origins of a New Science: The
 * Case of Psychology"). */
static bool in_headline(const ctx *c, size_t i)
{
    static const char minor[] = " a an and as at by for from in into of on or the to with ";
    size_t a = i, b = i, words = 0, upper = 0;

    while (a > 0 && !gap_has(c, a - 1, '\n') && i - a <= HEADLINE_SPAN)
        a--;
    while (b + 1 < c->n && !gap_has(c, b, '\n') && b - i <= HEADLINE_SPAN)
        b++;
    if (i - a > HEADLINE_SPAN || b - i > HEADLINE_SPAN)
        return false;
    for (size_t k = a; k <= b; k++) {
        int wc = word_case(c, k);
        if (!wc || wordlist_has_word(minor, c->t[k].norm))
            continue;
        words++;
        upper += wc > 0;
    }
    return words >= 3 && upper == words;
}

/* An acronym next to another word in capitals: a headline in capitals
 * ("ECB CUTS RATES"). */
static bool in_capitals(const ctx *c, size_t i)
{
    return (i > 0 && !gap_has(c, i - 1, '\n') && caps(c, i - 1) >= 2)
           || (i + 1 < c->n && !gap_has(c, i, '\n') && caps(c, i + 1) >= 2);
}

/* A people's word, or its plural: a place the gazetteer lists is the word
 * less an ending, maybe with one added back ("Japanese" Japan, "Chilean"
 * Chile, "Italians" Italy, "Ukrainian" Ukraine, "Swedish" Sweden). */
static bool people_word(const ctx *c, const char *w)
{
    static const char *const ends[] = { "ese", "ian", "ean", "an", "ish", "i", "n" };
    static const char *const adds[] = { "", "a", "e", "ia", "y", "en", "and", "ain", "ey", "istan" };
    char base[MAX_WORD + 1], key[MAX_WORD + 8];
    size_t len = strlen(w);

    if (!c->g || len > MAX_WORD || len < 4)
        return false;
    memcpy(base, w, len + 1);
    if (base[len - 1] == 's')
        base[--len] = '\0';
    for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
        size_t el = strlen(ends[e]);
        if (len < el + 3 || strcmp(base + len - el, ends[e]))
            continue;
        for (size_t a = 0; a < sizeof adds / sizeof *adds; a++) {
            const gaz_entity *hit[1];
            snprintf(key, sizeof key, "%.*s%s", (int)(len - el), base, adds[a]);
            if (gaz_lookup(c->g, key, ENT_PLACE, hit, 1))
                return true;
        }
    }
    return false;
}

/* Abbreviations that name no one. */
static const char generic_acronyms[] = " ai am ceo cfo coo cto ev evs gdp ipo lng ok pm tv usd eur ";
static const char months[] = " jan feb mar apr jun jul aug sep sept oct nov dec ";

/* The organization words that come just before one's name ("oil company
 * NNPC", "broadcaster ITV", "rival Chevron"), and just after ("the Morena
 * party"), or after its possessive ("Boeing's board"). */
static const char org_before[] = " airline airlines automaker bank broadcaster broadcasters carmaker"
    " carrier chipmaker club company conglomerate developer drugmaker firm giant group insurer"
    " lender maker miner network newspaper operator outlet owner parent planemaker producer"
    " publisher regulator retailer rival rivals side startup station subsidiary supplier team"
    " unit watchdog ";
static const char org_after[] = " party movement ";
static const char org_owns[] = " board ceo founder shareholders shares subsidiary ";

/* Words of org_before that are adjectives after an article: "the giant
 * Tengiz field", not "shipping giant Maersk". */
static const char adjectives[] = " giant rival ";

static bool org_context(const ctx *c, size_t i)
{
    char buf[MAX_WORD + 1];

    if (i > 0 && spaced(c, i - 1) && word_case(c, i - 1) < 0) {
        const char *p = bare(c, i - 1, buf, sizeof buf);
        if (wordlist_has_word(org_before, p)
            && !(wordlist_has_word(adjectives, p) && i > 1 && wordlist_has_word(" a an the ", c->t[i - 2].norm)))
            return true;
        if ((!strcmp(p, "of") || !strcmp(p, "in")) && i > 1 && spaced(c, i - 2)
            && !strcmp(c->t[i - 2].norm, "shares"))
            return true;
    }
    if (i + 1 < c->n && spaced(c, i) && word_case(c, i + 1) < 0) {
        const char *p = bare(c, i + 1, buf, sizeof buf);
        if (possessive(c, i) ? wordlist_has_word(org_owns, p) : wordlist_has_word(org_after, p))
            return true;
    }
    return false;
}

/* The company's officer is named after it: a title only a company's people
 * hold ("CEO", "Chairman", "Chief Executive"), maybe more titles, then a
 * capitalized word: "Sberbank CEO German Gref". An aide or a spokesman may
 * be a person's ("Obama adviser"), a president a country's ("Czech
 * President Petr Pavel"). */
static bool officer_after(const ctx *c, size_t i)
{
    static const char officers[] = " boss ceo cfo chairman chairwoman coo cto founder ";
    char buf[MAX_WORD + 1];
    size_t k = i + 1;

    if (k >= c->n || !spaced(c, i) || is_taken(c, k))
        return false;
    if (!strcmp(c->t[k].norm, "chief") && k + 1 < c->n && spaced(c, k)
        && !strcmp(c->t[k + 1].norm, "executive"))
        k++;
    else if (!wordlist_has_word(officers, bare(c, k, buf, sizeof buf)) || possessive(c, k))
        return false;
    while (k + 1 < c->n && spaced(c, k) && k - i < 4 && names_titled(c->text, c->t, c->n, k + 1))
        k++;
    return k + 1 < c->n && spaced(c, k) && word_case(c, k + 1) > 0
           && !names_titled(c->text, c->t, c->n, k + 1);
}

/* Endings of English nouns of things and states, which take "its" as a
 * company does ("Inflation hit its highest", "Growth lost its pace"). */
static bool abstract_noun(const char *w)
{
    static const char ends[] = " tion sion ment ness ity ance ence ing ism ship ure th age ";
    return wordlist_ends(ends, w, strlen(w), 2);
}

/* Token i is a company acting on its own things: one lower-case word, then
 * "its" ("Nestle cut its forecast", "Maersk said its ships"); a person's
 * would be "his" or "her". Not a noun of things ("Inflation hit its
 * peak"): one with such an ending, or one the document writes in lower
 * case too. */
static bool its_after(const ctx *c, size_t i)
{
    char buf[MAX_WORD + 1];
    const char *w;

    if (i + 2 >= c->n || !spaced(c, i) || !spaced(c, i + 1) || word_case(c, i + 1) >= 0
        || strcmp(c->t[i + 2].norm, "its") || possessive(c, i))
        return false;
    w = bare(c, i, buf, sizeof buf);
    if (abstract_noun(w))
        return false;
    for (size_t k = 0; k < c->n; k++)
        if (word_case(c, k) < 0 && !strcmp(c->t[k].norm, w))
            return false;
    return true;
}

/* Words that end an apposition saying what company or body a name is. */
static const char org_nouns[] = " agency airline automaker bank brewer broadcaster carmaker carrier"
    " charity chipmaker company conglomerate developer drugmaker firm group insurer lender maker"
    " manufacturer miner operator organisation organization party producer publisher regulator"
    " retailer startup supplier watchdog ";

/* An apposition after token i says what company it is: a comma, an
 * article or a possessive ("the", "a", "Europe's"), and up to 8 words
 * joined by spaces or hyphens whose last, before the next punctuation, is
 * a company's noun in lower case: ", the world's largest food group,", ",
 * a French retailer,". Not ", a former bank executive,", nor ", the
 * candidate of the ruling party,": the noun is the last word, and no
 * preposition comes before it. */
static bool apposition_org(const ctx *c, size_t i)
{
    static const char openers[] = " a an the its ";
    char buf[MAX_WORD + 1];
    size_t len, k = i + 1;
    const char *p;

    if (k + 1 >= c->n || (p = gap(c, i, &len)) == NULL || len != 2 || memcmp(p, ", ", 2)
        || !(wordlist_has_word(openers, c->t[k].norm) || possessive(c, k)))
        return false;
    while (k + 1 < c->n && k - i < 9 && (spaced(c, k) || ((p = gap(c, k, &len)) && len == 1 && *p == '-'))) {
        if (wordlist_has_word(" at by for from in of on to with ", c->t[k].norm))
            return false;
        k++;
    }
    if (word_case(c, k) >= 0)
        return false;
    /* Its end: punctuation, or the text's. */
    if (k + 1 < c->n && (!(p = gap(c, k, &len)) || !len || !strchr(",.;", p[0])))
        return false;
    return wordlist_has_word(org_nouns, bare(c, k, buf, sizeof buf));
}

bool single_apposition_org(const char *text, const names_tok *toks, size_t n, size_t i)
{
    ctx c = { NULL, text, toks, n, NULL };

    return i < n && apposition_org(&c, i);
}

bool single_org_context(const char *text, const names_tok *toks, size_t n, size_t i)
{
    ctx c = { NULL, text, toks, n, NULL };

    return i < n && org_context(&c, i);
}

/* An organization by its context, its officer, "its" after it or an
 * apposition that says so ("Carrefour, the French retailer,"), a person
 * right after a title ("President Tinubu", "Gen. Brawner"; not "the
 * minister told Bloomberg", nor an acronym: "owner of CBS"), else untyped. */
static names_type type_of(const ctx *c, size_t i)
{
    if (org_context(c, i) || officer_after(c, i) || its_after(c, i) || apposition_org(c, i))
        return NAMES_ORG;
    return caps(c, i) < 2 && i > 0 && !gap_has(c, i - 1, '\n')
                   && names_titled(c->text, c->t, c->n, i - 1)
                   && names_title_before(c->text, c->t, c->n, i)
               ? NAMES_PERSON
               : NAMES_OTHER;
}

/* A sign at a sentence's start that token i is a name: an apposition after
 * it ("Chevron, its rival"), its possessive ("Aramco's shares"), its
 * officer ("Sberbank CEO German Gref"), "its" after its verb ("Nestle cut
 * its forecast"), or a speech verb after a word that is no plural
 * ("Greenpeace said", not "Analysts said"). */
static bool named_at_start(const ctx *c, size_t i)
{
    static const char apposition[] = " a an another its one the their which who whose ";
    char buf[MAX_WORD + 1];
    size_t len;
    const char *w = bare(c, i, buf, sizeof buf), *p;

    if (caps(c, i) >= 2 || possessive(c, i) || officer_after(c, i) || its_after(c, i))
        return true;
    if (i + 1 < c->n && (p = gap(c, i, &len)) && len == 2 && !memcmp(p, ", ", 2)
        && wordlist_has_word(apposition, c->t[i + 1].norm))
        return true;
    len = strlen(w);
    return len && w[len - 1] != 's' && i + 1 < c->n && spaced(c, i)
           && names_person_context(c->text, c->t, c->n, i);
}

bool single_numbered(const char *text, const names_tok *toks, size_t n, size_t i)
{
    static const char units[] = " billion days hours km kilometers kilometres metres meters miles"
        " million minutes people per percent pct points seats thousand times trillion years ";
    ctx c = { NULL, text, toks, n, NULL };
    char buf[MAX_WORD + 1];
    const char *d;
    size_t dl;

    if (i + 1 >= n || !spaced(&c, i) || gap(&c, i, &dl) == NULL || dl != 1
        || wordlist_has_word(months, bare(&c, i, buf, sizeof buf)))
        return false;
    d = text + toks[i + 1].start;
    dl = toks[i + 1].end - toks[i + 1].start;
    if (dl < 1 || dl > 3)
        return false;
    for (size_t k = 0; k < dl; k++)
        if (d[k] < '0' || d[k] > '9')
            return false;
    if (i + 2 < n) {
        /* The byte after the number, and the one after that, lie before the
         * next token when there is one. */
        size_t at = toks[i + 1].end, next = toks[i + 2].start;
        if (next <= at || strchr("-%:/", text[at]))
            return false;
        if ((text[at] == '.' || text[at] == ',') && next == at + 1 && d[dl + 1] >= '0'
            && d[dl + 1] <= '9')
            return false;
    }
    return !(i + 2 < n && spaced(&c, i + 1) && wordlist_has_word(units, toks[i + 2].norm));
}

/* Token i may be a one-word name, whatever its place in the sentence. */
static bool candidate(const ctx *c, size_t i)
{
    char buf[MAX_WORD + 1];
    const char *w = bare(c, i, buf, sizeof buf);
    int cp = caps(c, i);

    if (is_taken(c, i) || word_case(c, i) <= 0 || strlen(w) < 2
        || script_word(w, strlen(w), NULL) != SCRIPT_LATIN
        || names_listed(c->text, c->t, c->n, i) || (cp >= 2 && wordlist_has_word(generic_acronyms, w)))
        return false;
    /* Joined to other capitalized words: a headline, a name names_find read
     * or left out, the first words of a known name ("Tayyip | Erdogan");
     * but for a title after it ("Toyota President ...") and a possessive,
     * a title or a function word before it ("Alphabet's Google",
     * "President Tinubu", "The Senate"). */
    if (i > 0 && spaced(c, i - 1) && !is_taken(c, i - 1) && word_case(c, i - 1) > 0
        && !possessive(c, i - 1) && !names_listed(c->text, c->t, c->n, i - 1))
        return false;
    if (i + 1 < c->n && spaced(c, i) && word_case(c, i + 1) > 0 && !possessive(c, i)
        && (is_taken(c, i + 1) || !names_titled(c->text, c->t, c->n, i + 1)))
        return false;   /* a known name's first words: "Tayyip | Erdogan" */
    /* A month before its day: "Jan 24". */
    if (wordlist_has_word(months, w) && i + 1 < c->n && word_case(c, i + 1) == 0)
        return false;
    if (cp >= 2 ? in_capitals(c, i) : in_headline(c, i))
        return false;
    return !people_word(c, w);
}

/* A town in capitals that starts a line before a comma or a parenthesis:
 * a dateline ("DHAHRAN, Saudi Arabia, March 10 (Reuters)"). */
static bool dateline(const ctx *c, size_t i)
{
    size_t len;
    const char *p;

    if (!line_start(c, i) || caps(c, i) < 3 || i + 1 >= c->n)
        return false;
    p = gap(c, i, &len);
    return len && !memchr(p, '\n', len) && (p[0] == ',' || (len >= 2 && !memcmp(p, " (", 2)));
}

/* A name between slashes or in parentheses after the date of its line's
 * dateline: the agency's ("БАКУ, 22 октября. /Trend/.", "March 10
 * (Reuters)"); in a Russian story also a Latin name alone between the
 * date and a period or colon ("ВЛАДИВОСТОК, 14 февраля. PrimaMedia.",
 * "Баку, 4 июня. Trend:"). */
static bool dateline_agency(const ctx *c, size_t i)
{
    size_t lb, la;
    if (i == 0 || i + 1 >= c->n)
        return false;
    const char *b = gap(c, i - 1, &lb), *a = gap(c, i, &la);
    bool latin = script_word(c->t[i].norm, strlen(c->t[i].norm), NULL) == SCRIPT_LATIN
                 && script_word(c->t[i - 1].norm, strlen(c->t[i - 1].norm), NULL) != SCRIPT_LATIN;
    if (!lb || !la || memchr(b, '\n', lb)
        || !((b[lb - 1] == '/' && a[0] == '/') || (b[lb - 1] == '(' && a[0] == ')')
             || (latin && lb <= 6 && b[lb - 1] == ' ' && (a[0] == '.' || a[0] == ':')
                 && (memchr(b, '.', lb) || memmem(b, lb, "–", strlen("–"))
                     || memmem(b, lb, "—", strlen("—"))))))
        return false;
    for (size_t k = i, words = 0; k-- > 0 && words < 4 && !gap_has(c, k, '\n'); words++) {
        const char *w = c->text + c->t[k].start;
        size_t len = c->t[k].end - c->t[k].start;
        if (len <= 2 && isdigit((unsigned char)w[0]) && isdigit((unsigned char)w[len - 1]))
            return true;
    }
    return false;
}

static int push(names_mention **v, size_t *nv, size_t *cap, size_t first, size_t n, names_type type)
{
    names_mention *p = grow_to(*v, cap, *nv + 1, sizeof *p, 8);
    if (!p)
        return -1;
    *v = p;
    (*v)[(*nv)++] = (names_mention){ first, n, type };
    return 0;
}

long single_find(const gazetteer *g, const char *text, const names_tok *toks, size_t n,
                 const unsigned char *taken, names_mention **out)
{
    ctx c = { g, text, toks, n, taken };
    names_mention *v = NULL;
    size_t nv = 0, cap = 0;
    /* In a sports story a name's number is its score ("Everton 1"). */
    bool sport = clubs_sport_text(toks, n);
    /* Words at a sentence's start without a sign: kept when the same word
     * is a name elsewhere in the document. */
    size_t *later = NULL, nlater = 0, lcap = 0;
    char buf[MAX_WORD + 1], other[MAX_WORD + 1];

    *out = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!candidate(&c, i))
            continue;
        bool score = sport && clubs_score_after(text, toks, n, i);
        size_t w = !score && single_numbered(text, toks, n, i) ? 2 : 1;
        bool agency = dateline_agency(&c, i);
        names_type type = dateline(&c, i) ? NAMES_PLACE
                          : score || agency ? NAMES_ORG
                                            : type_of(&c, i);
        if (w == 2 && type == NAMES_PERSON)
            type = NAMES_OTHER;   /* "Channel 4" is no one */
        size_t len = strlen(bare(&c, i, buf, sizeof buf));
        bool start = type != NAMES_PLACE && !score && !agency && w == 1 && sentence_start(&c, i);
        /* "Separately, the ...": an adverb. */
        if (start && caps(&c, i) < 2 && len > 2 && !strcmp(buf + len - 2, "ly"))
            continue;
        if (start && !named_at_start(&c, i)) {
            if (len < 3)
                continue;
            size_t *p = grow_to(later, &lcap, nlater + 1, sizeof *p, 8);
            if (!p)
                goto nomem;
            later = p;
            later[nlater++] = i;
            continue;
        }
        if (push(&v, &nv, &cap, i, w, type) < 0)
            goto nomem;
        i += w - 1;
    }
    for (size_t l = 0; l < nlater; l++) {
        bare(&c, later[l], buf, sizeof buf);
        for (size_t k = 0; k < nv; k++)
            if (v[k].n == 1 && !strcmp(bare(&c, v[k].first, other, sizeof other), buf)) {
                if (push(&v, &nv, &cap, later[l], 1, v[k].type) < 0)
                    goto nomem;
                break;
            }
    }
    free(later);
    *out = v;
    return (long)nv;
nomem:
    free(later);
    free(v);
    return -1;
}
