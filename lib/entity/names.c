/* Capitalized names of 2 to 6 words that the gazetteer does not list
 * ("Markus Mueller", "Qasri Millat"), found in tokenized news text and typed
 * from their words and neighbours. Leaves out single words, uncased scripts
 * (Arabic, Chinese) and lower-case names ("al-Qaeda").
 *
 * Rules, in order:
 * - A run: tokens, none taken, with an upper-case first letter (Latin or
 *   Cyrillic), separated only by spaces, one hyphen ("Nur-Sultan") or ". "
 *   after an abbreviation or initial ("Mr. Markus", "George W. Bush"); any
 *   other punctuation or a line break ends it. Up to two lower-case connectors
 *   (of, the, and, for) or particles (de, al, bin, ...) may join two of them,
 *   and a short lower-case syllable may be hyphened to one ("Tung Chee-hwa",
 *   "Kim Jong-un"; not a participle, "Russian-led"); a Turkic patronymic word
 *   (uulu, уулу, кызы, оглы) may end it. A run never joins a Cyrillic word
 *   to a Latin one.
 *   Runs of over 40 tokens (tables, headlines) are skipped.
 * - Leading function words (The, In, However, months, ...) are stripped; one
 *   inside ends the name, as does "and the"; a possessive ("Putin's") is last,
 *   but for one of people ("National People's Congress").
 * - Connectors stay only after an org or place head word ("Ministry of Foreign
 *   Affairs", "Palace of the Nation"); elsewhere the name ends before them.
 * - A run ending in (or headed by) an org word (Organization, Council, Palace,
 *   ...; in Cyrillic also one starting with it, "Совет Безопасности") is an
 *   org, with a place word (Federation, Republic, ...) a place; it
 *   keeps its titles, nationalities and acronyms ("UN Security Council").
 * - In other runs a title (President, Minister, Mr, ...) with its modifiers
 *   (Foreign, Deputy, Tajik, acronyms), or a name after an org or place word,
 *   splits the run ("Kyrgyz Republic | Erlan Abdyldaev"); leading titles,
 *   modifiers and acronyms are stripped, and an acronym ends the name. It is a
 *   person when a title is among the 3 words before it (modifiers, connectors
 *   not counted, nor a name the gazetteer took: "председатель Жогорку Кенеша
 *   Кыргызстана Нурланбек Тургунбек уулу") or a speech verb (said, told, ...)
 *   follows; a place right
 *   after "in", "at", "to", "from", "near", "capital" (maybe then "the") or
 *   "city of"; else other. Context never crosses a sentence end.
 * - Russian words are looked up by their name stem (rustem.h), so every case
 *   counts: "президентом", "министра иностранных дел", "в городе", "заявила".
 * - A name has 2 to 6 tokens, not all acronyms. A longer institution is cut
 *   before its last connector that leaves at most 6 ("Ministry of Foreign
 *   Affairs | of the Republic"); any other longer run (a headline, a list) is
 *   dropped. Runs are read left to right, so names never overlap. */
#include "entity/names.h"
#include "entity/rustem.h"
#include "entity/wordlist.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

enum {
    MIN_LEN = 2, MAX_LEN = 6,
    MAX_RUN = 40,   /* longer runs are skipped, which also bounds the work per run */
    MAX_CTX = 3,    /* words looked at before a name for a title */
    MAX_GAP = 16,   /* a longer gap between two tokens counts as a sentence end */
    MAX_WORD = 48,  /* no listed word is longer, in bytes */
};

/* Word classes, by normalized form. */
enum {
    W_FUNC = 1 << 0,    /* capitalized only at a sentence start */
    W_CONN = 1 << 1,    /* joins the words of an institution's name */
    W_PART = 1 << 2,    /* name particle, joins any name */
    W_TITLE = 1 << 3,   /* a person's title: context, never name */
    W_ADJ = 1 << 4,     /* a title's modifier ("Foreign", "Tajik") */
    W_ORG = 1 << 5,     /* last or head word of an organization */
    W_PLACE = 1 << 6,   /* last or head word of a place */
    W_PLACEN = 1 << 7,  /* "city" in "the city of ..." */
    W_PREP = 1 << 8,    /* word before a place */
    W_VERB = 1 << 9,    /* speech verb after a person */
    W_ABBR = 1 << 10,   /* its period does not end a sentence */
    W_PATR = 1 << 11,   /* ends a Turkic name: "Тургунбек уулу", "Алиев оглы" */
    W_STAFF = 1 << 12,  /* people who work at a firm: "analysts at ..." */
};

/* Each list is a word list of wordlist.h.
 * Russian words are listed as their name stems (rustem.h), which every case
 * of the word shares ("президента", "президентом" -> "президент"); words
 * that do not inflect (adverbs, prepositions: "ранее", "перед") are listed
 * whole, since their stems could be a name's ("ран"). */
static const struct { unsigned fl; const char *words; } classes[] = {
    { W_FUNC, " a about according after against also although amid an and as at because before"
      " both but by despite during each earlier every following for from he her here his"
      " however if in into it its later last meanwhile moreover near next no now of on or our"
      " over recall she since so some speaking such that the their then there these they this"
      " those though thus to today tomorrow under until us we what when where which while who"
      " why with within without yesterday yet monday tuesday wednesday thursday friday saturday"
      " sunday january february march april may june july august september october november"
      " december again besides elsewhere indeed instead nevertheless nonetheless otherwise overall"
      " rival rivals shares still together therefore hence furthermore likewise second third"
      " finally в во и на о по после с это а но как что также однако кроме при для из от до"
      " за к у об со не он она они мы вы я его ее их эт сегодня вчера завтра между через так"
      " если когда где уже еще поэтому тогда затем понедельник вторник сред четверг пятниц"
      " суббот воскресен январ феврал апрел май июн июл август сентябр октябр ноябр"
      /* Months whose stem, nominative or genitive is a name's ("Мао",
       * "Марта"): their other cases, whole. */
      " марте марту мартом мае маю маем"
      " декабр ранее позднее позже напомним помимо перед впрочем теперь сейчас накануне"
      " согласно около более менее почти лишь только именно вместе среди против вокруг без"
      " над под тем утром вечером днем ночью вместо несмотря благодаря всего зато кстати"
      " итак например наконец сначала потом впервые вновь снова всех " },
    { W_CONN, " and for of the " },
    { W_PART, " al bin da de del der du el ibn ul van von аль ас аш ад ат ар ан аз эль эд эш ибн"
      " бен бинт фон ван " },
    { W_TITLE, " admiral ambassador ayatollah capt captain chairman chairwoman chancellor col"
      " colonel commander commissioner consul coordinator deputy director dr editor emir envoy"
      " founder gen general gov governor head king leader lieutenant lt maj major marshal mayor"
      " minister mr mrs ms mufti patriarch premier president prime prince prof professor"
      " prosecutor queen representative secretary sen senator sheikh speaker spokesman"
      " spokesperson spokeswoman publisher owner businessman businesswoman tycoon billionaire"
      " coach judge lawyer journalist activist dissident ceo executive manager boss глав генерал министр посол посл председател президент премьер"
      " лидер губернатор мэр спикер госсекретар канцлер депутат директор руководител генсек"
      " секретар помощник замминистр заместител командующ патриарх корол принц шейх эмир"
      " маршал адмирал полковник майор капитан лейтенант сенатор представител"
      " спецпредставител прокурор генпрокурор господин госпож вице экс аким хоким ректор врач"
      " тренер судь судья судьи судье судью судьей н жа эксперт аналитик политолог журналист корреспондент адвокат юрист"
      " следовател защитник профессор академик исследовател инженер космонавт писател поэт"
      " художник режиссер актер актрис певец певиц композитор дирижер спортсмен боксер"
      " шахматист футболист хоккеист нападающ вратар полузащитник фермер учител студент"
      " начальник заведующ сопредседател уполномочен омбудсмен главврач замглав зампред"
      " митрополит архиепископ епископ католикос имам муфти пилот примар"
      /* A resident, singular only: "жители Москвы" are many. */
      " житель жителя жителю жителем жительница жительницы жительнице жительницу жительницей " },
    { W_ADJ, " acting affairs assistant chief defence defense economy emergencies emergency"
      " energy executive finance first foreign former interior internal justice permanent"
      " plenipotentiary senior special supreme vice socialist conservative communist liberal"
      " republican democrat democratic opposition nationalist afghan american armenian azerbaijani"
      " belarusian british chinese european french georgian german indian iranian kazakh kyrgyz"
      " pakistani russian soviet tajik turkish turkmen ukrainian uzbek иностранн дел оборон"
      " внутренн юстиц финанс"
      " генеральн верховн специальн постоянн чрезвычайн полномочн федеральн бывш перв"
      " исполняющ обязанност российск казахстанск таджикск киргизск кыргызск армянск"
      " белорусск узбекск туркменск азербайджанск грузинск украинск американск китайск"
      " иранск афганск турецк французск германск немецк британск европейск индийск"
      " пакистанск святейш " },
    { W_ORG, " academy administration agency alliance army assembly association bank bureau"
      " cabinet center centre coalition command commission committee company conference"
      " congress corporation council court department directorate embassy forces forum"
      " foundation front fund government group guard institute league ministry mission movement"
      " office organisation organization palace parliament party police secretariat service"
      " staff tribunal union university организац министерств комитет совет союз парт"
      " агентств фонд банк служб ассамбл парламент правительств администрац комисс движен"
      " академ университет институт центр корпорац компан ассоциац суд прокуратур арм войск"
      " штаб дум собран меджлис кенеш мажилис альянс фронт групп бюро секретариат"
      " трибунал конгресс конференц форум холдинг концерн " },
    /* "Federation" names a country ("Russian Federation"); "Federation
     * Council" still ends in an org word. */
    { W_PLACE, " airport avenue cape city district federation gorge island islands lake mountains"
      " oblast province region republic river sea square street valley федерац республик"
      " област кра край округ провинц штат остров озер " },
    { W_PLACEN, " city district province region town village " },
    { W_PREP, " at from in near to capital в во из под около возле близ город столиц посел"
      " поселок поселк сел деревн кишлак аул рек " },
    { W_VERB, " added announced emphasised emphasized explained insisted noted recalled said"
      " says stated stressed told urged warned wrote заявил отметил сказал сообщил подчеркнул"
      " пояснил добавил указал призвал напомнил заверил уточнил признал считает говорит"
      " заявляет сообщает отмечает подчеркивает " },
    { W_ABBR, " capt col dr gen gov lt maj mr mrs ms prof sen st " },
    { W_PATR, " uulu kyzy uly ogly qizi уул кыз ул огл " },
    /* The last word of English company, club and media names ("Hyundai
     * Motor", "West Ham United", "Blackburn Rovers", "Thrive Capital",
     * "Human Rights Watch"), and the legal forms of companies elsewhere
     * ("Siemens AG", "Nestle SA", "Volvo AB"). */
    { W_ORG, " ab afc ag airlines airways albion asa athletic authority bhd board broadcasting"
      " capital club co gmbh jsc kk nv oyj pjsc sa spa"
      " college corp corporation electronics exchange fc holdings hospital hotspur house inc"
      " industries journal llc ltd manufacturing media mining motor motors network partners"
      " petroleum plc rangers refinery rovers school semiconductor society systems technologies"
      " times united wanderers watch " },
    { W_ABBR, " co corp inc ltd " },
    { W_STAFF, " analyst analysts economist economists employees engineers executive executives"
      " officials researchers scientists sources staff strategist strategists traders workers " },
};

typedef struct scan {
    const char *text;
    const names_tok *toks;
    size_t n;
    const unsigned char *taken;
    names_mention *out;
    size_t len, cap;
} scan;

/* Decodes the code point at p (at most len bytes) into *cp; returns its
 * length, or 0 when the bytes are not UTF-8. */
static size_t decode(const unsigned char *p, size_t len, uint32_t *cp)
{
    size_t k = !len ? 0 : p[0] < 0x80 ? 1 : p[0] < 0xC2 ? 0 : p[0] < 0xE0 ? 2
             : p[0] < 0xF0 ? 3 : p[0] < 0xF5 ? 4 : 0;

    if (!k || k > len)
        return 0;
    *cp = k == 1 ? p[0] : p[0] & (0x7F >> k);
    for (size_t i = 1; i < k; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        *cp = *cp << 6 | (p[i] & 0x3F);
    }
    return k;
}

/* 1 for an upper-case letter, -1 for a lower-case one, 0 for anything else.
 * Covers the blocks news names use, where case pairs sit at fixed offsets. */
static int letter_case(uint32_t c)
{
    int pair = (c & 1) ? -1 : 1;   /* upper case on the even code point */

    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? 1 : (c >= 'a' && c <= 'z') ? -1 : 0;
    if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7)
        return c <= 0xDE ? 1 : -1;
    if (c == 0x138 || c == 0x149 || c == 0x17F)   /* ĸ ŉ ſ have no capital */
        return -1;
    if (c == 0x178 || c == 0x4C0)                 /* Ÿ Ӏ */
        return 1;
    if (c >= 0x100 && c <= 0x17E)                 /* parity flips between ĸ and ŉ, after Ÿ */
        return ((c > 0x138 && c < 0x149) || c > 0x178) ? -pair : pair;
    if ((c >= 0x200 && c <= 0x233) || (c >= 0x1E00 && c <= 0x1EFF))
        return pair;
    if (c >= 0x400 && c <= 0x45F)
        return c <= 0x42F ? 1 : -1;
    if (c >= 0x4C1 && c <= 0x4CF)
        return c == 0x4CF ? -1 : -pair;
    if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x52F))
        return pair;
    return 0;
}

/* Token i's bytes in the text, their number in *len. */
static const unsigned char *span(const scan *s, size_t i, size_t *len)
{
    *len = s->toks[i].end > s->toks[i].start ? s->toks[i].end - s->toks[i].start : 0;
    return (const unsigned char *)s->text + s->toks[i].start;
}

static const char *norm(const scan *s, size_t i) { return s->toks[i].norm ? s->toks[i].norm : ""; }
static bool norm_is(const scan *s, size_t i, const char *w) { return !strcmp(norm(s, i), w); }
static bool is_taken(const scan *s, size_t i) { return s->taken && s->taken[i]; }

/* The case of token i's first letter; *single set when it is the whole token. */
static int first_case(const scan *s, size_t i, bool *single)
{
    uint32_t cp;
    size_t len;
    const unsigned char *p = span(s, i, &len);
    size_t k = decode(p, len, &cp);

    if (single)
        *single = k && k == len;
    return k ? letter_case(cp) : 0;
}

/* A token that may be part of a name. */
static bool capital(const scan *s, size_t i) { return !is_taken(s, i) && first_case(s, i, NULL) > 0; }

/* Two or more upper-case letters and no lower-case one before any apostrophe
 * ("CSTO", "NATO's"). */
static bool is_acronym(const scan *s, size_t i)
{
    size_t len, upper = 0, lower = 0, k;
    const unsigned char *p = span(s, i, &len);
    uint32_t cp;

    for (size_t at = 0; at < len && (k = decode(p + at, len - at, &cp)); at += k) {
        if (cp == '\'' || cp == 0x2019)
            break;
        lower += letter_case(cp) < 0;
        upper += letter_case(cp) > 0;
    }
    /* Capitals mostly: "ОДКБ", and "УУНиТ", "КазНУ" with a lower-case
     * letter or two, never "McDonald". */
    return upper >= 2 && upper > lower;
}

static bool is_possessive(const scan *s, size_t i)
{
    const char *q = strrchr(norm(s, i), '\'');

    return q && q > norm(s, i) && !strcmp(q, "'s");
}

/* The classes listing the first `len` bytes of `w`. */
static unsigned classes_of(const char *w, size_t len)
{
    unsigned fl = 0;

    for (size_t c = 0; c < sizeof classes / sizeof *classes; c++)
        if (wordlist_has(classes[c].words, w, len))
            fl |= classes[c].fl;
    return fl;
}

/* The classes of token i, a possessive "'s" ignored. An acronym that spells
 * a function word ("US", "WHO") is not one. */
static bool initials(const scan *s, size_t i);
static bool initial(const scan *s, size_t i);

static bool breaks(const scan *s, size_t i);

static unsigned flags(const scan *s, size_t i)
{
    size_t len = strnlen(norm(s, i), MAX_WORD + 1);

    /* The "A" of "A.P. Moller" is no article, the "А" and "В" of "А. В.
     * Ляпунов" no conjunction and preposition. */
    if (len > MAX_WORD || initials(s, i) || initial(s, i))
        return 0;
    len -= is_possessive(s, i) ? 2 : 0;
    unsigned fl = classes_of(norm(s, i), len);
    size_t stem = rustem_name(norm(s, i), len);
    /* A title's stem may be another word's ("судья" cut to "суд"). */
    if (stem < len && !(fl & W_TITLE))
        fl |= classes_of(norm(s, i), stem);
    /* A title that is a given name too, capitalized inside a sentence, is
     * the name: "Председатель Нацбанка Хоким Холикзода". */
    if ((fl & W_TITLE) && i > 0 && !breaks(s, i - 1) && first_case(s, i, NULL) > 0
        && wordlist_has(" хоким аким ", norm(s, i), len))
        fl &= ~W_TITLE;
    return (fl & W_FUNC) && is_acronym(s, i) ? fl & ~W_FUNC : fl;
}

/* The plural of a title ("Representatives", "Ministers", "Secretaries"):
 * people holding an office, never a name ("Plenipotentiary
 * Representatives of Member States"). Russian plurals share their title's
 * name stem already. */
static bool plural_title(const scan *s, size_t i)
{
    const char *w = norm(s, i);
    size_t len = strnlen(w, MAX_WORD + 1);
    char one[MAX_WORD + 1];

    if (len < 4 || len > MAX_WORD || w[len - 1] != 's')
        return false;
    if (len > 4 && !strcmp(w + len - 3, "ies")) {
        memcpy(one, w, len - 3);
        one[len - 3] = 'y';
        if (classes_of(one, len - 2) & W_TITLE)
            return true;
    }
    return (classes_of(w, len - 1) & W_TITLE) != 0;
}

/* Title, modifier or acronym: what precedes a name rather than being one. */
static bool modifier(const scan *s, size_t i)
{
    return (flags(s, i) & (W_TITLE | W_ADJ)) || is_acronym(s, i);
}

/* A period after token i that does not end a sentence ("Mr.", "W."). */
static bool dotted(const scan *s, size_t i)
{
    bool single;

    return (flags(s, i) & W_ABBR) || (first_case(s, i, &single) > 0 && single);
}

/* The bytes between tokens i and i+1 (length in *len), or NULL when the two
 * overlap. */
static const unsigned char *gap(const scan *s, size_t i, size_t *len)
{
    if (s->toks[i].end > s->toks[i + 1].start)
        return NULL;
    *len = s->toks[i + 1].start - s->toks[i].end;
    return (const unsigned char *)s->text + s->toks[i].end;
}

static bool cyrillic(const scan *s, size_t i);

/* Tokens i and i+1 are initials written together, each a capital letter
 * with a period and no space between them: "A.P. Moller", "C.C. Wei". */
static bool initials(const scan *s, size_t i)
{
    bool single;
    size_t len;
    const unsigned char *p;

    return i + 1 < s->n && (p = gap(s, i, &len)) && len == 1 && p[0] == '.'
           && first_case(s, i, &single) > 0 && single && first_case(s, i + 1, &single) > 0 && single;
}

/* Token i is a Cyrillic initial before a name: a capital letter alone,
 * then ". " and a capitalized word ("А. В. Ляпунов"). In English a lone
 * "A" so written is still the article ("A. Smith and B. Jones"). */
static bool initial(const scan *s, size_t i)
{
    bool single;
    size_t len;
    const unsigned char *p;

    return i + 1 < s->n && (p = gap(s, i, &len)) && len == 2 && !memcmp(p, ". ", 2)
           && first_case(s, i, &single) > 0 && single && first_case(s, i + 1, NULL) > 0
           && cyrillic(s, i);
}

/* Token i is one capital letter and a period: an initial whatever follows
 * ("Д. Н" of "Д. Н. Мамина-Сибиряка", whose surname another name took). */
static bool initial_letter(const scan *s, size_t i)
{
    bool single;
    size_t len = 0;
    const unsigned char *p = i + 1 < s->n ? gap(s, i, &len) : NULL;

    return first_case(s, i, &single) > 0 && single && p && len >= 1 && p[0] == '.';
}

/* Tokens i and i+1 are joined by an ampersand, with a space on both sides
 * or on neither: "Pratt & Whitney", "AT&T". */
static bool ampersand(const scan *s, size_t i)
{
    size_t len;
    const unsigned char *p = gap(s, i, &len);

    return p && ((len == 1 && p[0] == '&') || (len == 3 && !memcmp(p, " & ", 3)));
}

/* Tokens i and i+1 are joined by one hyphen ("Мамина-Сибиряка"). */
static bool hyphen(const scan *s, size_t i)
{
    size_t len;
    const unsigned char *p = gap(s, i, &len);

    return p && ((len == 1 && p[0] == '-')
                 || (len == 3 && !memcmp(p, "\xE2\x80", 2) && (p[2] == 0x90 || p[2] == 0x91)));
}

/* Tokens i and i+1 are in one run: only spaces (U+0020, U+00A0) between
 * them, one hyphen (U+002D, U+2010, U+2011), or ". " after "Mr" or "W"; and
 * both Cyrillic or neither (Russian text names a Latin-written company
 * whole: "Аналитики Halyk Bank" is no name of three words). */
static bool linked(const scan *s, size_t i)
{
    size_t len, at = 0;
    const unsigned char *p = gap(s, i, &len);

    if (!p || !len || cyrillic(s, i) != cyrillic(s, i + 1))
        return false;
    if (hyphen(s, i) || initials(s, i) || ampersand(s, i))
        return true;
    if (p[0] == '.' && len > 1 && dotted(s, i))
        at = 1;
    while (at < len && (p[at] == ' ' || (p[at] == 0xC2 && at + 1 < len && p[at + 1] == 0xA0)))
        at += p[at] == ' ' ? 1 : 2;
    return at == len;
}

/* A sentence or paragraph ends between tokens i and i+1. */
static bool breaks(const scan *s, size_t i)
{
    size_t len;
    const unsigned char *p = gap(s, i, &len);

    if (!p || len > MAX_GAP)
        return true;
    /* A period with no space after it is inside a name ("Kun.uz"). */
    for (size_t k = 0; k < len; k++)
        if (p[k] == '\n' || p[k] == '!' || p[k] == '?' || p[k] == ';'
            || (p[k] == '.' && len > 1 && !(k == 0 && dotted(s, i))))
            return true;
    return false;
}

/* Token k is a lower-case syllable hyphened to the capitalized word before
 * it, as Korean and Chinese given names are written ("Chee-hwa",
 * "Jong-un"): a short word, no connector, no participle ("Russian-led"). */
static bool syllable(const scan *s, size_t k)
{
    size_t glen = 0, len = strlen(norm(s, k));
    const unsigned char *p = gap(s, k - 1, &glen);

    return p && glen == 1 && p[0] == '-' && !is_taken(s, k) && first_case(s, k, NULL) < 0
           && first_case(s, k - 1, NULL) > 0 && len >= 1 && len <= 4 && !flags(s, k)
           && !(len >= 2 && norm(s, k)[len - 2] == 'e' && norm(s, k)[len - 1] == 'd');
}

/* The end of the run starting at capitalized token i: linked capitalized
 * tokens, with at most two lower-case connectors or particles between two,
 * and lower-case syllables hyphened to a capitalized word. */
static size_t run_end(const scan *s, size_t i)
{
    size_t j = i + 1, k;

    while (j < s->n) {
        if (syllable(s, j)) {
            j++;
            continue;
        }
        for (k = j; k < s->n && k - j < 2 && linked(s, k - 1) && !is_taken(s, k)
                    && first_case(s, k, NULL) <= 0 && (flags(s, k) & (W_CONN | W_PART)); k++)
            ;
        if (k == s->n || !linked(s, k - 1) || !capital(s, k))
            break;
        j = k + 1;
    }
    if (j < s->n && linked(s, j - 1) && !is_taken(s, j) && first_case(s, j, NULL) < 0
        && (flags(s, j) & W_PATR))
        j++;
    return j;
}

/* Skips the tokens at the front of [a, j) that are lower case, in one of
 * `cls`, or (when `acr`) acronyms. */
static size_t skip(const scan *s, size_t a, size_t j, unsigned cls, bool acr)
{
    while (a < j && (first_case(s, a, NULL) <= 0 || (flags(s, a) & cls) || (acr && is_acronym(s, a))))
        a++;
    return a;
}

/* Drops connectors and particles from the end of [a, j). */
static size_t trim(const scan *s, size_t a, size_t j)
{
    while (j > a && (flags(s, j - 1) & (W_CONN | W_PART)))
        j--;
    return j;
}

/* A possessive that names belong to rather than end at: "People's" in
 * "National People's Congress", "Women's" in "Women's Union". */
static bool collective(const scan *s, size_t i)
{
    static const char words[] = " people's people’s women's women’s children's children’s men's men’s ";
    return wordlist_has_word(words, norm(s, i));
}

/* Where a name starting at a ends at the latest: before a capitalized
 * function word ("... Mueller On Monday"), after a possessive ("Putin's"),
 * before "and the" ("Council of Europe | and the ..."). */
static size_t cut_mid(const scan *s, size_t a, size_t j)
{
    for (size_t k = a; k < j; k++) {
        if (k > a && (flags(s, k) & (W_FUNC | W_CONN)) == W_FUNC)
            return k;
        if (is_possessive(s, k) && !collective(s, k))
            return k + 1;
        if (k + 1 < j && norm_is(s, k, "and") && norm_is(s, k + 1, "the"))
            return k;
    }
    return j;
}

/* Token i starts with a Cyrillic letter (U+0400..U+052F: lead bytes D0-D4). */
static bool cyrillic(const scan *s, size_t i)
{
    unsigned char b = (unsigned char)norm(s, i)[0];
    return b >= 0xD0 && b <= 0xD4;
}

/* NAMES_ORG or NAMES_PLACE when [.., j) ends in such a word or, with a
 * connector at c, is headed by one; 0 otherwise. */
static names_type inst_type(const scan *s, size_t c, size_t j)
{
    unsigned f = flags(s, j - 1);

    if (!(f & (W_ORG | W_PLACE)) && c < j)
        f = flags(s, c - 1);
    return (f & W_ORG) ? NAMES_ORG : (f & W_PLACE) ? NAMES_PLACE : 0;
}

/* In a run that names no institution, a name that follows a title, or the
 * last org or place word of a group, ends the name before them: returns where
 * (before the title and its modifiers, after the org word), or a when the run
 * starts with a title or has no such split ("Martin Luther King"). E.g.
 * "Shanghai Cooperation Organization | Secretary General Zhang Ming",
 * "Kyrgyz Republic | Erlan Abdyldaev", "Federation Council | Speaker ...". */
static size_t split(const scan *s, size_t a, size_t j)
{
    for (size_t k = a; k < j; k++) {
        unsigned f = flags(s, k), head = W_ORG | W_PLACE;
        size_t e = k;

        if ((f & head) && j - k > MIN_LEN && !(flags(s, k + 1) & head))
            return k + 1;
        if (!(f & W_TITLE))
            continue;
        while (e < j && modifier(s, e))
            e++;
        while (k > a && modifier(s, k - 1))
            k--;
        return e < j ? k : a;
    }
    return a;
}

/* A title among the MAX_CTX words before token a, modifiers and connectors
 * not counted ("Minister of Foreign Affairs | Markus Mueller"). */
static bool title_before(const scan *s, size_t a)
{
    for (size_t k = a, words = 0; k > 0 && words < MAX_CTX && a - k < 3 * MAX_CTX;) {
        unsigned f;

        if (breaks(s, k - 1))
            break;
        if ((f = flags(s, --k)) & W_TITLE)
            return true;
        if (plural_title(s, k))
            return false;   /* "Representatives of | Member States" */
        /* A known name between counts as no word: "председатель Жогорку
         * Кенеша Кыргызстана | Нурланбек Тургунбек уулу"; nor does "и", as
         * "and" does not ("губернаторы Андрей Травников и | Иван Мазур"). */
        words += !(f & (W_ADJ | W_CONN)) && !norm_is(s, k, "и") && !is_acronym(s, k)
                 && !is_taken(s, k);
    }
    return false;
}

/* "in", "at", "capital" (maybe then "the"), or "city of" just before token a;
 * not the "to" of "according to". */
static bool place_before(const scan *s, size_t a)
{
    size_t k = a;

    if (k == 0 || breaks(s, k - 1))
        return false;
    if (norm_is(s, --k, "the")) {
        if (k == 0 || breaks(s, k - 1))
            return false;
        k--;
    }
    if (flags(s, k) & W_PREP)
        return !(norm_is(s, k, "to") && k > 0 && norm_is(s, k - 1, "according"));
    return norm_is(s, k, "of") && k > 0 && !breaks(s, k - 1) && (flags(s, k - 1) & W_PLACEN);
}

static names_type guess(const scan *s, size_t a, size_t j)
{
    /* "analysts at Goldman Sachs": a firm, not a place nor a speaker. */
    if (a > 1 && norm_is(s, a - 1, "at") && !breaks(s, a - 2) && (flags(s, a - 2) & W_STAFF))
        return NAMES_ORG;
    if (title_before(s, a) || (j < s->n && !breaks(s, j - 1) && (flags(s, j) & W_VERB)))
        return NAMES_PERSON;
    if (!place_before(s, a))
        return NAMES_OTHER;
    /* A given name and a surname after a place's word ending a phrase
     * ("в Сергелийском районе столицы | Бахтиёр Рахимов приговорен"). */
    const char *given = norm(s, a), *last = j == a + 2 ? norm(s, a + 1) : "";
    return cyrillic(s, a) && rustem_surname_shaped(last, strlen(last))
                   && rustem_name(given, strlen(given)) == strlen(given)
               ? NAMES_PERSON
               : NAMES_PLACE;
}

/* A name of more than MAX_LEN tokens from a: an institution is cut before its
 * last connector that leaves at most MAX_LEN; anything else is dropped
 * (returns a). */
static size_t shorten(const scan *s, size_t a)
{
    for (size_t k = a + MAX_LEN; k > a; k--)
        if ((flags(s, k) & W_CONN) && !(flags(s, k - 1) & W_CONN))
            return k;
    return a;
}

static int push(scan *s, size_t a, size_t j, names_type type)
{
    names_mention *p = grow_to(s->out, &s->cap, s->len + 1, sizeof *p, 8);
    if (!p)
        return -1;
    s->out = p;
    s->out[s->len++] = (names_mention){ a, j - a, type };
    return 0;
}

/* Turns the run starting at capitalized token i into at most one name and
 * sets where scanning resumes: after the name, or where it was cut, so that
 * what was cut off is read again as a run of its own. Returns -1 when memory
 * runs out. */
static int take_run(scan *s, size_t i, size_t *resume)
{
    size_t j = run_end(s, i), a, c;
    names_type type;

    *resume = j;
    if (j - i > MAX_RUN)
        return 0;
    /* After a region's kind in lower case ("губернатор провинции Гилян
     * Хадис Хадави"), the run's first word names the region and the rest
     * is a name of its own, read again. */
    if (i > 0 && j - i >= 3 && !breaks(s, i - 1) && cyrillic(s, i - 1)
        && first_case(s, i - 1, NULL) < 0 && (flags(s, i - 1) & W_PLACE)) {
        size_t e = i + 1;
        while (e < j && hyphen(s, e - 1))
            e++;
        if (e + 1 < j) {
            *resume = e;
            return push(s, i, e, NAMES_PLACE);
        }
    }
    a = skip(s, i, j, W_FUNC | W_CONN, false);
    /* "Г-н", "Г-жа" (господин, госпожа) before a name: its title. */
    if (a + 2 < j && norm_is(s, a, "г") && (norm_is(s, a + 1, "н") || norm_is(s, a + 1, "жа")))
        a += 2;
    /* A Russian sentence may open on a settlement's kind ("Поселок Нурек",
     * "Река Лена"): the context the name follows, as in lower case. */
    if (a + 1 < j && cyrillic(s, a) && (flags(s, a) & W_PREP))
        a++;
    j = trim(s, a, cut_mid(s, a, j));
    c = a;
    while (c < j && !(flags(s, c) & W_CONN))
        c++;
    /* "Food and Drug Administration": an "and" joins the words of a run
     * that ends in an org word ("Markus Mueller | of the Security Council"
     * does not). */
    if (c < j && !(flags(s, c - 1) & (W_ORG | W_PLACE))
        && !(norm_is(s, c, "and") && (flags(s, j - 1) & W_ORG)))
        j = c;
    else if (c < j && norm_is(s, c, "and") && (flags(s, c - 1) & W_ORG))
        j = c;   /* two of them: "West Ham United | and Thrive Capital" */
    type = a < j ? inst_type(s, c, j) : 0;
    /* Russian puts the head first, its genitive after: "Совет Безопасности". */
    if (a < j && !type && cyrillic(s, a))
        type = inst_type(s, a + 1, a + 1);
    /* People's names hold no ampersand: "Pratt & Whitney", "AT&T" (whose
     * acronym stays). */
    for (size_t k = a; !type && k + 1 < j; k++)
        if (ampersand(s, k))
            type = NAMES_ORG;
    if (a < j && !type) {
        size_t t = split(s, a, j);

        if (t > a) {
            j = t;
            type = inst_type(s, j, j);
        }
        if (!type) {
            a = skip(s, a, j, W_FUNC | W_TITLE | W_ADJ, true);
            for (c = a + 1; c < j && !is_acronym(s, c); c++)
                ;
            j = trim(s, a, c < j ? c : j);
        }
    }
    *resume = j > i ? j : i + 1;
    if (j > a && j - a > MAX_LEN) {
        j = trim(s, a, shorten(s, a));
        type = type && j > a ? inst_type(s, c, j) : type;   /* "... | of the Republic" */
    }
    /* Cyrillic initials go with the one word after them, hyphenated or
     * not: "А. Н. Бакулева | Елена Голухова" are two names (what follows
     * is read again as a run of its own). */
    for (c = a; c < j && (initial(s, c) || (initials(s, c) && cyrillic(s, c))); c++)
        ;
    if (c > a && c < j) {
        while (c + 1 < j && hyphen(s, c))
            c++;
        j = c + 1;
    }
    for (c = a; c < j && (first_case(s, c, NULL) <= 0 || is_acronym(s, c) || initial(s, c)
                          || (c + 1 == j && initial_letter(s, c)));
         c++)
        ;
    if (j < a + MIN_LEN || c == j || (!type && plural_title(s, j - 1)))
        return 0;   /* too short, only acronyms or initials, or office holders */
    *resume = j;
    return push(s, a, j, type ? type : guess(s, a, j));
}

long names_find(const char *text, const names_tok *toks, size_t n,
                const unsigned char *taken, names_mention **out)
{
    scan s = { text, toks, n, taken, NULL, 0, 0 };

    for (size_t i = 0, next; i < n; i = next) {
        next = i + 1;
        if (capital(&s, i) && take_run(&s, i, &next) < 0) {
            free(s.out);
            *out = NULL;
            return -1;
        }
    }
    *out = s.out;
    return (long)s.len;
}

int names_case(const char *text, size_t start, size_t end)
{
    uint32_t cp;

    return end > start && decode((const unsigned char *)text + start, end - start, &cp)
           ? letter_case(cp) : 0;
}

int names_caps(const char *text, size_t start, size_t end)
{
    const unsigned char *p = (const unsigned char *)text;
    int upper = 0;
    uint32_t cp;

    for (size_t at = start, k; at < end && (k = decode(p + at, end - at, &cp)); at += k) {
        if (cp == '\'' || cp == 0x2019)
            break;
        if (letter_case(cp) < 0)
            return -1;
        upper += letter_case(cp) > 0;
    }
    return upper;
}

/* Words that qualify a place rather than name a person: "Northern Iraq". */
static bool directional(const scan *s, size_t i)
{
    static const char dirs[] = " central east eastern greater inner lower north northeast northern"
                               " northwest outer south southeast southern southwest upper west western ";
    return wordlist_has_word(dirs, norm(s, i));
}

static bool ends_with(const scan *s, size_t i, const char *suffix)
{
    size_t len = strlen(norm(s, i)), k = strlen(suffix);

    return len > k + 2 && !strcmp(norm(s, i) + len - k, suffix);
}

/* Tokens i and i+1 are joined by spaces only: not "Nur-Sultan", not
 * "W. Washington". */
static bool spaced(const scan *s, size_t i)
{
    size_t len;
    const unsigned char *sep;

    return i + 1 < s->n && linked(s, i) && (sep = gap(s, i, &len)) && (*sep == ' ' || *sep == 0xC2);
}

/* A capitalized word, not taken, that may be part of a person's name: in no
 * word list, no acronym, possessive, direction or verb form. */
static bool plain_word(const scan *s, size_t k)
{
    return capital(s, k) && !is_acronym(s, k) && !is_possessive(s, k) && !flags(s, k)
           && !directional(s, k) && !ends_with(s, k, "ing") && !ends_with(s, k, "ed");
}

/* A plain word but for its possessive ("Nigel | Farage's"). */
static bool possessive_word(const scan *s, size_t k)
{
    size_t len = strlen(norm(s, k));

    return capital(s, k) && is_possessive(s, k) && !is_acronym(s, k) && len > 2 && len - 2 <= MAX_WORD
           && !classes_of(norm(s, k), len - 2);
}

/* Token k starts a name: a sentence end, punctuation ("(AP) — Michael"), a
 * lower-case word, or a title or function word before it ("tennis player
 * MaliVai", "President Bill"), not a run of capitalized words (a title-case
 * headline). */
static bool starts_name(const scan *s, size_t k)
{
    /* In Russian, a known name before it is no word of a run: "мэр города
     * Оша | Жанарбек Акаев" (English headlines capitalize every word:
     * "Clinton Visits Bosnia"). */
    return k == 0 || breaks(s, k - 1) || !linked(s, k - 1) || first_case(s, k - 1, NULL) <= 0
           || (flags(s, k - 1) & (W_TITLE | W_FUNC | W_ADJ)) || (is_taken(s, k - 1) && cyrillic(s, k));
}

bool names_surname_after(const char *text, const names_tok *toks, size_t n,
                         const unsigned char *taken, size_t i)
{
    scan s = { text, toks, n, taken, NULL, 0, 0 };

    return i + 1 < n && spaced(&s, i) && (plain_word(&s, i + 1) || possessive_word(&s, i + 1))
           && !ends_with(&s, i + 1, "s")
           && !is_acronym(&s, i) && !is_possessive(&s, i) && starts_name(&s, i);
}

bool names_given_name_before(const char *text, const names_tok *toks, size_t n,
                             const unsigned char *taken, size_t i)
{
    scan s = { text, toks, n, taken, NULL, 0, 0 };

    return i > 0 && i < n && spaced(&s, i - 1) && plain_word(&s, i - 1) && starts_name(&s, i - 1);
}

bool names_sentence_end(const char *text, const names_tok *toks, size_t n, size_t i)
{
    scan s = { text, toks, n, NULL, NULL, 0, 0 };

    return i + 1 >= n || breaks(&s, i);
}

bool names_person_context(const char *text, const names_tok *toks, size_t n, size_t i)
{
    scan s = { text, toks, n, NULL, NULL, 0, 0 };

    return i < n && (title_before(&s, i) || (i + 1 < n && !breaks(&s, i) && (flags(&s, i + 1) & W_VERB)));
}

bool names_listed(const char *text, const names_tok *toks, size_t n, size_t i)
{
    scan s = { text, toks, n, NULL, NULL, 0, 0 };

    return i < n && (flags(&s, i) || directional(&s, i) || plural_title(&s, i));
}

bool names_titled(const char *text, const names_tok *toks, size_t n, size_t i)
{
    scan s = { text, toks, n, NULL, NULL, 0, 0 };

    return i < n && (flags(&s, i) & (W_TITLE | W_ADJ));
}

bool names_title_before(const char *text, const names_tok *toks, size_t n, size_t i)
{
    scan s = { text, toks, n, NULL, NULL, 0, 0 };

    return i < n && title_before(&s, i);
}

bool names_org_head(const char *text, const names_tok *toks, size_t n, size_t i)
{
    scan s = { text, toks, n, NULL, NULL, 0, 0 };

    return i < n && names_case(text, toks[i].start, toks[i].end) > 0 && (flags(&s, i) & W_ORG);
}

int names_org_after(const char *text, const names_tok *toks, size_t n, const unsigned char *taken,
                    size_t i)
{
    scan s = { text, toks, n, taken, NULL, 0, 0 };
    size_t k = i + 1;

    if (k >= n || !spaced(&s, i) || !capital(&s, k))
        return 0;
    while (k < n && capital(&s, k)) {
        if (flags(&s, k) & W_ORG)
            return 1;
        if (++k < n && !linked(&s, k - 1))
            break;
    }
    return k == i + 2 && ends_with(&s, i + 1, "s") && !is_acronym(&s, i + 1) && !flags(&s, i + 1)
           && !is_possessive(&s, i + 1) ? 2 : 0;
}
