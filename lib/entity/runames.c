/* Russian one-word names from their context, and regions named by an
 * adjective (runames.h). Words are compared by their name stems (rustem.h),
 * which every case of a word shares: "реке", "реку" -> "рек". */
#include "entity/runames.h"
#include "entity/rustem.h"
#include "entity/wordlist.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "entity/quotes.h"
#include "grow.h"

enum { MAX_WORD = 48 };

/* Words before a place's one-word name; plurals in -ов keep their ending
 * (rustem_name reads it as a surname's). */
static const char geo_words[] =
    " рек озер город сел поселок поселк деревн кишлак аул станиц месторожден месторождени перевал хребет"
    " городов поселков кишлаков аулов микрорайон микрорайонов провинц штат район районов пустын"
    " хребт гор долин остров залив пролив порт аэропорт парк площад улиц проспект берег побереж"
    " наукоград аймак агрогородок агрогородк аил приток ";
/* Words before a pair of places, "дороги от Решта до Астары", "пункт
 * пропуска между Баграташеном и Садахло": a route, a border. */
static const char route_words[] =
    " дорог железн трасс автодорог магистрал маршрут участк коридор перевал пропуск границ"
    " трубопровод газопровод нефтепровод рейс рейсов сообщени ";
/* Words a region's adjective stands before: "Ошской области". */
static const char region_words[] =
    " област кр район округ поселен велаят вилоят этрап аймак аймаг сомон кожуун улус"
    " муниципалитет ";
/* Words a geographic feature's adjective stands before: "Алагирского
 * ущелья", "Суусамырской долине", "Телецкое озеро", "Обской губы". */
static const char feature_words[] =
    " ущел ущель долин перевал губ залив хребт хребет плат котловин озер водохранилищ полуостров"
    " нагорь мор пролив степ возвышенност равнин низменност остров пустын плоскогорь ";
/* Words between a region's adjective and its region word: "Серовского
 * городского округа", "Лазовский муниципальный округ". */
static const char region_kinds[] = " муниципальн городск сельск административн ";
/* Words before an organization's name in guillemets: "клуб «Астана»". */
static const char org_words[] =
    " клуб фк команд компан авиакомпан госкорпорац корпорац концерн холдинг завод комбинат"
    " фабрик банк фонд парт движен агентств издательств газет журнал телеканал радиостанц"
    " ассоциац объединен обществ предприят групп театр фракц блок коалиц альянс"
    " перевозчик авиаперевозчик лоукостер оператор производител автопроизводител разработчик"
    " застройщик девелопер ритейлер ретейлер маркетплейс сет издан портал поставщик подрядчик"
    " страховщик автоконцерн госкомпан госбанк телекомпан кинокомпан медиахолдинг университет"
    " институт центр муз школ колледж кинотеатр организац союз ансамбл профсоюз заповедник ";

/* Verbs of telling before the outlet told or telling, in guillemets:
 * "сообщили «Фонтанке»", "передает «Интерфакс»". */
static const char told_words[] =
    " сообщил сообщила сообщили сообщило рассказал рассказала рассказали заявил заявила заявили"
    " сказал сказала сказали пояснил пояснила пояснили сообщает сообщают передает передают пишет"
    " пишут ";

/* Nouns that end an organization's name after its adjectives: "Евразийский
 * банк развития", "Ошский государственный университет", "Народная партия
 * Казахстана". */
static const char org_heads[] =
    " совет банк университет парт союз штаб округ комитет комисс суд собран фонд агентств служб"
    " академ институт палат ассамбл организац консорциум корпорац облисполком горисполком"
    " исполком движен фронт театр муз метрополитен комбинат завод фабрик больниц госпитал"
    " клиник центр училищ колледж гимназ консерватор библиотек филармон цирк прокуратур"
    " министерств управлен инспекц департамент компан концерн холдинг объединен коллег"
    " издательств бирж дум обсерватор лаборатор трест верф авиакомпан госкорпорац"
    " отряд школ епарх семинария семинарии семинарию семинарией церкв церков митропол патриархат"
    " муфтият синод ансамбл оркестр"
    " капелл редакц телерадиокомпан кооператив заповедник зоопарк таможн федерац обществ хор ассоциац"
    " бюро войск факультет филиал отделен дирекц секретариат ведомств маслихат кенеш кенгаш хурал"
    " курултай хокимият хукумат акимат джамоат групп ";

/* Heads that, capitalized, name a state ("Российская Федерация"). */
static const char state_words[] = " федерац ";

/* Heads whose forms are also a common noun's plural ("коллегия" and
 * "коллеги"): a name only with words of its own or an owner ("Судебная
 * коллегия по уголовным делам", not "Белорусские коллеги"). */
static const char plural_heads[] = " коллег ";

/* Heads of a state body named by its owner alone: "Прокуратура
 * Забайкальского края", "Администрации Приморского края", a country's
 * central bank ("Банк Китая"), a city's university ("Университет
 * Сан-Паулу"), a region's court ("Суд Согдийской области"). */
static const char state_heads[] = " прокуратур администрац правительств дум банк университет аппарат суд ";

/* Heads that begin an institution's name of their own, capitalized before
 * the genitive words of its name: "Институт ядерной физики", "Центр
 * подготовки космонавтов имени Гагарина", "Агентство по атомной энергии". */
static const char inst_heads[] =
    " институт центр университет академ муз театр фонд комитет агентств служб управлен инспекц"
    " департамент комисс ассоциац федерац палат банк корпорац объединен училищ колледж больниц"
    " госпитал библиотек прокуратур консерватор обсерватор лаборатор министерств администрац"
    " правительств дум организац факультет бюро дирекц секретариат ведомств аппарат суд ";

/* Words of sport news: a document holding two of them reports games, and
 * its names in guillemets are teams ("«Карабах» обыграл «Кайрат»"). */
static const char sport_words[] =
    " матч чемпионат турнир тренер лиг футбол футбольн хоккей хоккейн баскетбол баскетбольн"
    " волейбол волейбольн гол вратар нападающ полузащитник плей-офф сборн клуб ";
/* Words before a name in guillemets that is no team even in sport news: a
 * competition, a venue, a prize. */
static const char event_words[] =
    " турнир кубок чемпионат первенств соревнован стадион арен дворц дворец спорткомплекс"
    " фестивал конкурс форум выставк премии преми операц учени ";

typedef struct scan {
    const char *text;
    size_t text_len;
    const names_tok *toks;
    size_t n;
    const unsigned char *taken, *known;
    bool sport;   /* the document reports games (sport_words) */
    runames_hit *out;
    size_t len, cap;
} scan;

static const char *norm(const scan *s, size_t i) { return s->toks[i].norm ? s->toks[i].norm : ""; }
static bool taken(const scan *s, size_t i) { return s->taken && s->taken[i]; }
static bool known_place(const scan *s, size_t i)
{
    return s->known && s->known[i] == RUNAMES_KNOWN_PLACE;
}
static bool known_org(const scan *s, size_t i)
{
    return s->known && s->known[i] == RUNAMES_KNOWN_ORG;
}
static int letter_case(const scan *s, size_t i)
{
    return names_case(s->text, s->toks[i].start, s->toks[i].end);
}

/* Token i, or its name stem, is listed in `list`. */
static bool listed(const scan *s, size_t i, const char *list)
{
    size_t len = strlen(norm(s, i));
    return wordlist_has(list, norm(s, i), len)
           || wordlist_has(list, norm(s, i), rustem_name(norm(s, i), len));
}

/* Token i is a word before an organization's name in guillemets: one of
 * org_words or a legal form. */
static bool org_word(const scan *s, size_t i)
{
    return listed(s, i, org_words) || rustem_legal_form(norm(s, i), strlen(norm(s, i)));
}

/* The bytes between tokens i and i+1 are exactly `sep`. */
static bool gap_is(const scan *s, size_t i, const char *sep)
{
    size_t len = strlen(sep);
    return i + 1 < s->n && s->toks[i + 1].start >= s->toks[i].end
           && s->toks[i + 1].start - s->toks[i].end == len
           && !memcmp(s->text + s->toks[i].end, sep, len);
}

/* A sentence ends between tokens i-1 and i, or i is the first. */
static bool sentence_start(const scan *s, size_t i)
{
    if (i == 0 || s->toks[i].start < s->toks[i - 1].end)
        return true;
    for (size_t k = s->toks[i - 1].end; k < s->toks[i].start; k++)
        if (strchr(".!?\n", s->text[k]))
            return true;
    return false;
}

/* The last token of the hyphenated capitalized word starting at i
 * ("Иссык-Кульской", "Чолпон-Ата"). */
static size_t word_end(const scan *s, size_t i)
{
    while (i + 1 < s->n && gap_is(s, i, "-") && letter_case(s, i + 1) > 0)
        i++;
    return i;
}

/* The first token of the hyphenated capitalized word ending at j. */
static size_t word_start(const scan *s, size_t j)
{
    while (j > 0 && gap_is(s, j - 1, "-") && letter_case(s, j - 1) > 0)
        j--;
    return j;
}

static bool free_span(const scan *s, size_t a, size_t j)
{
    for (size_t k = a; k <= j; k++)
        if (taken(s, k))
            return false;
    return true;
}

/* A Russian adjective's stem: "ошской" -> "ошск", "донецкой" -> "донецк". */
static bool adjective(const scan *s, size_t i)
{
    const char *w = norm(s, i);
    size_t k = rustem_name(w, strlen(w));
    return k < strlen(w) && k >= 4
           && (!memcmp(w + k - 4, "ск", 4) || !memcmp(w + k - 4, "цк", 4));
}

/* Pushes a hit of tokens [first, first+n) and the words [head,
 * head+head_n) it shares (none when head is (size_t)-1). */
static int push_shared(scan *s, size_t first, size_t n, size_t head, size_t head_n,
                       names_type type)
{
    runames_hit *p = grow_to(s->out, &s->cap, s->len + 1, sizeof *p, 8);
    if (!p)
        return -1;
    s->out = p;
    s->out[s->len++] = (runames_hit){ first, n, head, head_n, type };
    return 0;
}

static int push(scan *s, size_t first, size_t n, size_t head, names_type type)
{
    return push_shared(s, first, n, head, head == (size_t)-1 ? 0 : 1, type);
}

static bool adjective_form(const scan *s, size_t i);

/* Token i is an adjective made from a name by its stem and ending
 * ("Ошской"; not "Норильска", a city's case). */
static bool name_adjective(const scan *s, size_t i)
{
    return adjective(s, i) && adjective_form(s, i);
}

/* A district's name made from no place's name ("в Притобольном районе",
 * "Центрального района"): one capitalized adjective, not a sentence's
 * first word, right before "район", not its kind before a name of its own
 * ("Автономного района Внутренняя Монголия"). */
static bool district_adjective(const scan *s, size_t a, size_t j)
{
    return a == j && j + 1 < s->n && !sentence_start(s, a) && adjective_form(s, j)
           && gap_is(s, j, " ") && letter_case(s, j + 1) < 0
           && wordlist_has(" район района районе району районом ", norm(s, j + 1),
                           strlen(norm(s, j + 1)))
           && !(j + 2 < s->n && gap_is(s, j + 1, " ") && letter_case(s, j + 2) > 0);
}

/* A region's adjective at [a, j] before its region word, or one of a list
 * of adjectives that share one ("Брестской и Гродненской областях",
 * "Актюбинскую, Костанайскую и Северо-Казахстанскую области"). Returns 1
 * when it pushed a hit, 0, or -1 on no memory. */
static int region(scan *s, size_t a, size_t j)
{
    /* A city the adjective is made from ("Актюбинской" meets Актюбинск)
     * gives way to its region. */
    enum { MAX_LIST = 8 };
    /* A district named after someone, his given name before the adjective
     * of his surname: "Шамсиддин Шохинский район", "в Бободжон Гафуровском
     * районе"; not a village before its district's genitive ("Кок-Таш
     * Баткенского района"), nor a sentence's first word ("В Кабанском
     * районе", "Глава Ярковского района"). */
    if (!adjective(s, j) && free_span(s, a, j) && !known_place(s, a) && !sentence_start(s, a)
        && j + 2 < s->n && gap_is(s, j, " ") && letter_case(s, j + 1) > 0) {
        size_t e = word_end(s, j + 1);
        if (name_adjective(s, e) && free_span(s, j + 1, e) && e + 1 < s->n && gap_is(s, e, " ")
            && letter_case(s, e + 1) < 0 && !taken(s, e + 1)
            && wordlist_has(" район районе району районом ", norm(s, e + 1),
                            strlen(norm(s, e + 1))))
            return push(s, a, e + 2 - a, (size_t)-1, NAMES_PLACE) < 0 ? -1 : 1;
    }
    bool city = known_place(s, a) && known_place(s, j);
    if (!(name_adjective(s, j) || district_adjective(s, a, j)) || !(free_span(s, a, j) || city)
        || j + 1 >= s->n)
        return 0;
    size_t r = j + 1;   /* the region word */
    if (r + 1 < s->n && gap_is(s, j, " ") && letter_case(s, r) < 0 && listed(s, r, region_kinds)
        && !taken(s, r))
        r++;
    if (gap_is(s, r - 1, " ") && letter_case(s, r) < 0 && !taken(s, r)
        && (listed(s, r, region_words) || (r == j + 1 && listed(s, r, feature_words))))
        return push(s, a, r - a + 1, (size_t)-1, NAMES_PLACE) < 0 ? -1 : 1;
    /* The others of the list, "Улетовском, Читинском и Красночикойском
     * районах": adjectives after commas, the last after "и". */
    size_t k = j;
    for (int items = 0; items < MAX_LIST && k + 2 < s->n && gap_is(s, k, ", ")
                        && letter_case(s, k + 1) > 0 && name_adjective(s, word_end(s, k + 1));
         items++)
        k = word_end(s, k + 1);
    /* Commas alone: "Свердловской, Челябинской, Тюменской областей". */
    if (k > j && k + 1 < s->n && gap_is(s, k, " ") && letter_case(s, k + 1) < 0
        && (listed(s, k + 1, region_words) || listed(s, k + 1, feature_words)))
        return push(s, a, j + 1 - a, k + 1, NAMES_PLACE) < 0 ? -1 : 1;
    if (k + 3 < s->n && gap_is(s, k, " ") && !strcmp(norm(s, k + 1), "и") && gap_is(s, k + 1, " ")
        && letter_case(s, k + 2) > 0) {
        size_t e = word_end(s, k + 2);
        /* The kind they share too: "Шебекинского и Грайворонского |
         * городских округов". */
        size_t kind = e + 2 < s->n && gap_is(s, e, " ") && letter_case(s, e + 1) < 0
                      && listed(s, e + 1, region_kinds) && !taken(s, e + 1) ? 1 : 0;
        size_t w = e + 1 + kind;   /* the region word */
        if (name_adjective(s, e) && w < s->n && gap_is(s, w - 1, " ") && letter_case(s, w) < 0
            && (listed(s, w, region_words) || (!kind && listed(s, w, feature_words))))
            return push_shared(s, a, j + 1 - a, e + 1, kind + 1, NAMES_PLACE) < 0 ? -1 : 1;
    }
    return 0;
}

/* A region's adjective alone whose region word its sentence gave another
 * adjective of the same ending before it: "стала Минская область, на втором
 * месте — Гродненская." Returns the region word's token, or (size_t)-1. */
static size_t elided_region(const scan *s, size_t a, size_t j)
{
    enum { REACH = 16 };
    if (a != j || !adjective(s, j) || sentence_start(s, a) || !free_span(s, a, j))
        return (size_t)-1;
    size_t to = j + 1 < s->n ? s->toks[j + 1].start : s->text_len;
    if (to <= s->toks[j].end || !strchr(".,;", s->text[s->toks[j].end]))
        return (size_t)-1;
    const char *w = norm(s, j);
    const char *end = w + rustem_name(w, strlen(w));
    for (size_t k = j; k-- > 1 && j - k <= REACH && !sentence_start(s, k + 1);) {
        if (letter_case(s, k) >= 0 || !listed(s, k, region_words) || !gap_is(s, k - 1, " ")
            || letter_case(s, k - 1) <= 0 || !adjective(s, k - 1))
            continue;
        const char *v = norm(s, k - 1);
        if (!strcmp(v + rustem_name(v, strlen(v)), end))
            return k;
    }
    return (size_t)-1;
}

/* The last token of the name in guillemets that token a begins: its
 * words joined by single spaces or hyphens, one name quoted inside among
 * them, at most MAX_QUOTED tokens, then the closing mark; (size_t)-1 when
 * there is none. */
static size_t quote_end(const scan *s, size_t a)
{
    enum { MAX_QUOTED = 6 };
    size_t from = a ? s->toks[a - 1].end : 0, open;
    int kind = quotes_open(s->text, from, s->toks[a].start, &open);
    bool nested = false;
    if (!kind)
        return (size_t)-1;
    for (size_t j = a; j < s->n && j < a + MAX_QUOTED; j++) {
        size_t to = j + 1 < s->n ? s->toks[j + 1].start : s->text_len;
        if (quotes_close(s->text, s->toks[j].end, to, kind))
            return j;
        if (j + 1 >= s->n)
            break;
        /* Words, hyphenated words and a domain's parts ("«ВЭБ.РФ»"); a
         * name quoted inside, whose closing mark may be the outer's too
         * ("«Агрокомбинат «Холмеч»"). */
        size_t at = s->toks[j].end, inner;
        if (!nested && s->text[at] == ' '
            && quotes_open(s->text, at + 1, s->toks[j + 1].start, &inner) == kind
            && at + 1 + inner == s->toks[j + 1].start) {
            nested = true;
            continue;
        }
        if (!gap_is(s, j, " ") && !gap_is(s, j, "-") && !gap_is(s, j, "."))
            break;
    }
    return (size_t)-1;
}

/* The gap before token a is a space and an opening quote mark ("компания
 * «Газпром»", "ТОО "Актобе""). */
static bool quote_after_space(const scan *s, size_t a)
{
    size_t open;
    return a > 0 && quotes_open(s->text, s->toks[a - 1].end, s->toks[a].start, &open)
           && s->toks[a].start == s->toks[a - 1].end + 1 + open
           && s->text[s->toks[a - 1].end] == ' ';
}

/* The length of the closing quote mark right after token j, of any kind;
 * 0 when none. */
static size_t close_after(const scan *s, size_t j)
{
    size_t to = j + 1 < s->n ? s->toks[j + 1].start : s->text_len, close = 0;
    for (int kind = 1; !close && kind <= QUOTES_KINDS; kind++)
        close = quotes_close(s->text, s->toks[j].end, to, kind);
    return close;
}

/* The gap after token j is a closing quote mark and `sep`, then, when
 * `opens`, an opening mark: "«Аманат», «Ак жол»", "«Ак жол» и". */
static bool quote_then(const scan *s, size_t j, const char *sep, bool opens)
{
    if (j + 1 >= s->n)
        return false;
    size_t at = s->toks[j].end, to = s->toks[j + 1].start, n = strlen(sep), open = 0;
    size_t close = close_after(s, j);
    if (!close || at + close + n > to || memcmp(s->text + at + close, sep, n))
        return false;
    return opens ? quotes_open(s->text, at + close + n, to, &open) && at + close + n + open == to
                 : at + close + n == to;
}

/* The name in quotes at [a, j] follows an organization's name in quotes in
 * a list: "партии «Аманат», «Ак жол» и «Ауыл»". */
static bool org_list_item(const scan *s, size_t a)
{
    for (size_t k = s->len; k-- > 0;) {
        const runames_hit *h = &s->out[k];
        size_t last = h->first + h->n - 1;
        if (h->type != NAMES_ORG || last >= a)
            continue;
        return (last + 1 == a && quote_then(s, last, ", ", true))
               || (last + 2 == a && !strcmp(norm(s, a - 1), "и") && quote_then(s, last, " ", false)
                   && quote_after_space(s, a));
    }
    return false;
}

/* Every word of [a, j] is capitalized ("«Манчестер Сити»", not "«Славянский
 * базар в Витебске»"). */
static bool all_capitalized(const scan *s, size_t a, size_t j)
{
    for (size_t k = a; k <= j; k++)
        if ((k == a || !gap_is(s, k - 1, "-")) && letter_case(s, k) <= 0)
            return false;
    return true;
}

/* The name in quotes at token a follows the date of its line's dateline
 * and a dash: the agency's ("Кишинёв, 19 февраля – «Новости-Молдова»."). */
static bool dateline_quote(const scan *s, size_t a)
{
    size_t open;
    if (a < 2 || !quotes_open(s->text, s->toks[a - 1].end, s->toks[a].start, &open))
        return false;
    size_t from = s->toks[a - 1].end, to = s->toks[a].start - open;
    const char *g = s->text + from;
    if (to - from > 6 || (!memmem(g, to - from, "–", strlen("–")) && !memmem(g, to - from, "—", strlen("—"))))
        return false;
    for (size_t k = a, words = 0; k-- > 0 && words < 4; words++) {
        const char *w = norm(s, k);
        if (strlen(w) <= 2 && isdigit((unsigned char)w[0]) && isdigit((unsigned char)w[strlen(w) - 1]))
            return true;
        if (k && memchr(s->text + s->toks[k - 1].end, '\n', s->toks[k].start - s->toks[k - 1].end))
            break;
    }
    return false;
}

/* The name in guillemets at a: an organization after an organization word
 * (a legal form among them: "ГПО «Белэнерго»") or in a list after one, a
 * place after a geographic word, else untyped. A name of several words may
 * hold words the gazetteer took only when all are capitalized, a name of
 * its own ("«Манчестер Сити»"), or after an organization word ("компания
 * «Газпром экспорт»"). Returns 1 when it pushed a hit, 0, or -1 on no
 * memory. */
static int quoted(scan *s, size_t a)
{
    size_t j = quote_end(s, a);
    if (j == (size_t)-1)
        return 0;
    names_type type = NAMES_OTHER;
    if (quote_after_space(s, a) && (org_word(s, a - 1) || listed(s, a - 1, told_words)))
        type = NAMES_ORG;
    else if (org_list_item(s, a))
        type = NAMES_ORG;
    else if (dateline_quote(s, a))
        type = NAMES_ORG;
    else if (quote_after_space(s, a) && listed(s, a - 1, geo_words) && free_span(s, a, j))
        type = NAMES_PLACE;
    if (type == NAMES_OTHER && word_end(s, a) != j && !free_span(s, a, j)
        && !all_capitalized(s, a, j))
        return 0;
    /* In sport news a name of its own in guillemets is a team's, but after
     * a competition's or a venue's word ("турнир «Кубок Кремля»"). */
    if (type == NAMES_OTHER && s->sport && all_capitalized(s, a, j)
        && !(quote_after_space(s, a) && listed(s, a - 1, event_words)))
        type = NAMES_ORG;
    /* A capitalized organization word or legal form before it makes one
     * name with it too, as an analyst writes it ("ОАО «Беларуськалий»",
     * "Ансамбль «Сазген»", "ФК «Шахтер»"). */
    if (type == NAMES_ORG && quote_after_space(s, a) && org_word(s, a - 1)
        && letter_case(s, a - 1) > 0 && !taken(s, a - 1)) {
        size_t d = a - 1;   /* "АО НК «КазМунайГаз»" */
        while (d > 0 && gap_is(s, d - 1, " ") && org_word(s, d - 1) && !taken(s, d - 1)
               && names_caps(s->text, s->toks[d - 1].start, s->toks[d - 1].end) >= 2)
            d--;
        if (push(s, d, j - d + 1, (size_t)-1, NAMES_ORG) < 0)
            return -1;
    }
    return push(s, a, j - a + 1, (size_t)-1, type) < 0 ? -1 : 1;
}

/* Token i ends as an adjective does ("Ошского", "государственный"). */
static bool adjective_form(const scan *s, size_t i)
{
    static const char ends[] = " ий ый ой ая яя ое ее ого его ому ему ым им ую юю ые ие ых их ей"
                               " ом ем ";
    const char *w = norm(s, i);
    return wordlist_ends(ends, w, strlen(w), 5);
}

/* The last token of the lower-case word at i, hyphenated or not
 * ("медико-биологических"), none of it taken; (size_t)-1 when there is none. */
static size_t lower_word(const scan *s, size_t i)
{
    size_t j = i;
    while (j + 1 < s->n && gap_is(s, j, "-") && letter_case(s, j + 1) < 0)
        j++;
    for (size_t k = i; k <= j; k++)
        if (taken(s, k) || letter_case(s, k) >= 0)
            return (size_t)-1;
    return j;
}

/* Normalized word w is a verbal noun, whose "-ие" is no adjective's:
 * "заседание", "решение", "развитие", not "последние", "летние". */
static bool verbal_noun(const char *w)
{
    static const char vowels[] = " а е ё и о у ы э ю я ";
    size_t len = strlen(w);
    const size_t ie = sizeof "ие" - 1, n = sizeof "н" - 1;
    if (len < ie + n + 2 || strcmp(w + len - ie, "ие"))
        return false;
    const char *before = w + len - ie - n;
    if (!strncmp(before, "т", n))
        return true;
    return !strncmp(before, "н", n) && wordlist_has(vowels, before - 2, 2);
}

/* The last token of the lower-case adjective at i, hyphenated or not
 * ("государственный", "социал-демократическая"), that is no head noun nor a
 * verbal noun ("Следующее | заседание"); (size_t)-1 when there is none. */
static size_t lower_adjective(const scan *s, size_t i)
{
    size_t j = lower_word(s, i);
    return j != (size_t)-1 && adjective_form(s, j) && !listed(s, j, org_heads)
                   && !verbal_noun(norm(s, j))
               ? j
               : (size_t)-1;
}

/* Token i is a lower-case word in the genitive that may go on a name after
 * its head ("банк развития", "университет дружбы народов"): no verb. */
static bool genitive_tail(const scan *s, size_t i)
{
    /* "-ий" of plurals ("исследований", "технологий"), not of adjectives
     * ("-ский", "-цкий"). */
    static const char ends[] = " а я ы и ов ев ей ых их ого его ой ий ";
    static const char *const stop[] = { "имени", "страны", "года", "время" };
    /* Plurals whose genitive has no ending ("академия наук", "академия
     * художеств"). */
    static const char bare_plurals[] = " наук искусств художеств ремесел ";
    const char *w = norm(s, i);
    size_t len = strlen(w);
    if (letter_case(s, i) < 0 && wordlist_has(bare_plurals, w, len))
        return true;
    /* Four letters or more. */
    if (letter_case(s, i) >= 0 || len < 8 || rustem_adverb_like(w, len))
        return false;
    for (size_t k = 0; k < sizeof stop / sizeof *stop; k++)
        if (!strcmp(w, stop[k]))
            return false;
    if (rustem_verb_like(w, len))
        return false;
    return !wordlist_ends(" ский цкий ", w, len, 1) && wordlist_ends(ends, w, len, 0);
}

/* Token i, lower case, reads as no verb: a word of four letters or more
 * that ends as no verb's form does ("энергии", "проблем"; not "провел",
 * "сообщило"). */
static bool noun_like(const scan *s, size_t i)
{
    const char *w = norm(s, i);
    size_t len = strlen(w);
    return len >= 8 && (unsigned char)w[0] >= 0xD0 && !rustem_adverb_like(w, len)
           && !rustem_verb_like(w, len) && !rustem_person_role(w, len);
}

/* Token i is a genitive plural adjective ("биологических", "точных"),
 * after which the noun it agrees with goes on a name in any form
 * ("проблем", "наук"). */
static bool plural_adjective(const scan *s, size_t i)
{
    const char *w = norm(s, i);
    size_t len = strlen(w);
    return len > 8 && (!memcmp(w + len - 4, "ых", 4) || !memcmp(w + len - 4, "их", 4));
}

/* Token i is one letter, an initial ("М" of "М. В. Ломоносова"). */
static bool initial(const scan *s, size_t i)
{
    size_t len = s->toks[i].end - s->toks[i].start;
    unsigned char c = (unsigned char)s->text[s->toks[i].start];
    return len == 1 || (len == 2 && c >= 0xC0 && c < 0xE0);
}

/* An adjective's endings in the genitive, the case of an owner. */
static const char genitive_adjective_ends[] = " ого его ой ей ых их ";

/* Tokens i and i+1 are a capitalized adjective in the genitive and its
 * lower-case noun, the words of a name ("Шелкового пути"), not a region
 * owning a body ("Московской области": owner_end's) nor a place. */
static bool capitalized_genitive(const scan *s, size_t i)
{
    if (i + 1 >= s->n || taken(s, i) || letter_case(s, i) <= 0 || !gap_is(s, i, " ")
        || !adjective_form(s, i) || known_place(s, i) || lower_word(s, i + 1) != i + 1
        || !genitive_tail(s, i + 1) || listed(s, i + 1, region_words)
        || listed(s, i + 1, region_kinds))
        return false;
    const char *w = norm(s, i);
    return wordlist_ends(genitive_adjective_ends, w, strlen(w), 1);
}

/* The first token past a hero's title before a name after "имени" (token
 * i on): "Героя России", "Героя Кыргызской Республики", "Героя Советского
 * Союза", "Героя Социалистического Труда"; i when there is none. */
static size_t past_hero_title(const scan *s, size_t i)
{
    static const char *const orders[][2] = { { "советского", "союза" },
                                             { "социалистического", "труда" } };
    if (i + 2 >= s->n || strcmp(norm(s, i), "героя") || !gap_is(s, i, " "))
        return i;
    size_t j = i + 1;
    while (j < s->n && known_place(s, j) && gap_is(s, j - 1, " "))
        j++;
    for (size_t k = 0; j == i + 1 && k < sizeof orders / sizeof *orders; k++)
        if (!strcmp(norm(s, j), orders[k][0]) && gap_is(s, j, " ")
            && !strcmp(norm(s, j + 1), orders[k][1]))
            j += 2;
    return j < s->n && gap_is(s, j - 1, " ") ? j : i;
}

/* The token past a list of what a body does or studies that goes on its
 * name after a comma at token j: items of one to three lower-case words,
 * genitives (or, after "по", nouns), the last after "и" ("центр
 * инфекционной патологии, | эпидемиологии и клинической иммунологии",
 * "комиссия по экономике, | бюджету и финансам"); j when there is none. */
static size_t comma_list(const scan *s, size_t j, bool po)
{
    enum { MAX_ITEMS = 4, MAX_ITEM_WORDS = 3 };
    if (j == 0 || !gap_is(s, j - 1, ", "))
        return j;
    size_t k = j;
    for (size_t items = 0; items < MAX_ITEMS; items++) {
        bool last = k < s->n && !strcmp(norm(s, k), "и") && letter_case(s, k) < 0;
        if (last && (!items || !gap_is(s, k, " ")))
            return j;
        k += last;
        size_t words = 0, e;
        while (words < MAX_ITEM_WORDS && k < s->n && (!words || gap_is(s, k - 1, " "))
               && (e = lower_word(s, k)) != (size_t)-1 && e == k && strcmp(norm(s, k), "и")
               && (po ? noun_like(s, k) : genitive_tail(s, k))) {
            words++;
            k++;
        }
        if (!words)
            return j;
        if (last)
            return k;
        if (k >= s->n || !(gap_is(s, k - 1, ", ") || gap_is(s, k - 1, " ")))
            return j;
    }
    return j;
}

/* What goes on an institution's name after its head noun, from token j:
 * the genitive words of its name ("подготовки космонавтов", "ядерной
 * физики", "медико-биологических проблем"), "по" and what the body does
 * ("по атомной энергии"), then "имени" and whose name it bears ("имени
 * Гагарина"). The first token past the genitive words in *plain, past
 * "имени" and its name in *named (*plain when there is none; "имени" right
 * after the head only when `bare_named`: "университетом имени Баумана");
 * returns how many words *plain took. */
static size_t name_tail(const scan *s, size_t j, bool bare_named, size_t *plain, size_t *named)
{
    enum { MAX_TAIL = 6, MAX_PO = 5, MAX_NAMED = 2 };
    size_t words = 0, po = 0, before_po = j, e, next;
    bool after_plural = false;
    while (words < MAX_TAIL && j < s->n) {
        if (!gap_is(s, j - 1, " ")) {
            size_t past = words ? comma_list(s, j, po > 0) : j;
            if (past == j)
                break;
            words++;
            po += po > 0;
            j = past;
            continue;
        }
        if ((e = lower_word(s, j)) == (size_t)-1) {
            /* A capitalized adjective and its noun: "Фонд Шелкового пути". */
            if (!po && capitalized_genitive(s, j)) {
                words += 2;
                j += 2;
                continue;
            }
            break;
        }
        if (!po && words < MAX_TAIL - 1 && e == j && !strcmp(norm(s, j), "по") && j + 1 < s->n
            && !rustem_po_phrase(norm(s, j + 1), strlen(norm(s, j + 1)))) {
            po = 1;
            before_po = j++;
            continue;
        }
        /* "кардиологии и терапии": "и" joins two genitives of the name, or
         * two words of what it does ("по гидрометеорологии и мониторингу
         * окружающей среды"). */
        if (words && e == j && !strcmp(norm(s, j), "и") && j + 1 < s->n && gap_is(s, j, " ")
            && (next = lower_word(s, j + 1)) != (size_t)-1
            && (po ? po > 1 && po <= MAX_PO && noun_like(s, next) : genitive_tail(s, next))) {
            words++;
            po += po > 0;
            j = next + 1;
            continue;
        }
        /* A preposition after what a body does: "по борьбе с
         * коррупцией", "по контролю за оборотом наркотиков", "по
         * финансовому контролю и борьбе с коррупцией". */
        if (po >= 2 && po <= MAX_PO && e == j && j + 1 < s->n && noun_like(s, j - 1)
            && rustem_po_link(norm(s, j), norm(s, j + 1))
            && gap_is(s, j, " ") && (next = lower_word(s, j + 1)) == j + 1 && noun_like(s, next)) {
            j++;
            continue;
        }
        bool on = po ? po <= MAX_PO && noun_like(s, e)
                     : genitive_tail(s, e) || (after_plural && noun_like(s, e));
        if (!on)
            break;
        po += po > 0;
        after_plural = plural_adjective(s, e);
        words++;
        j = e + 1;
    }
    if (po == 1)   /* "по" with nothing after it is no part of the name */
        j = before_po;
    *plain = *named = j;
    /* "имени первого Президента России Б. Н. Ельцина": an ordinal, then a
     * title and its country before the name. */
    size_t from = j + 1, max_named = MAX_NAMED;
    if (from + 1 < s->n && letter_case(s, from) < 0 && gap_is(s, from, " ")
        && wordlist_ends(" ого его ", norm(s, from), strlen(norm(s, from)), 1)) {
        from++;
        max_named += 2;
    }
    /* "имени академика Е. Н. Мешалкина": a title in lower case. */
    else if (from + 1 < s->n && letter_case(s, from) < 0 && gap_is(s, from, " ")
             && rustem_eponym_title(norm(s, from), strlen(norm(s, from))))
        from++;
    size_t title = past_hero_title(s, from);
    if (title > from) {
        from = title;
        max_named += title - j - 1;
    }
    if ((words || bare_named) && from < s->n && gap_is(s, j - 1, " ") && !strcmp(norm(s, j), "имени")
        && gap_is(s, j, " ") && letter_case(s, from) > 0) {
        /* A given name and a surname, or initials and a surname: "имени
         * Бориса Ельцина", "имени М. В. Ломоносова", never the next name
         * ("имени Бориса Ельцина Владимир Нифадьев"). */
        size_t k = word_end(s, from), words_named = !initial(s, k);
        bool initials = initial(s, k);
        /* After initials the surname ends the name ("имени М. К. Аммосова
         * Виктор Семенов"). */
        while (words_named < max_named && !(initials && words_named && !initial(s, k))
               && k + 1 < s->n && letter_case(s, k + 1) > 0
               && (gap_is(s, k, " ") || (initial(s, k) && gap_is(s, k, ". ")))) {
            k = word_end(s, k + 1);
            words_named += !initial(s, k);
            initials |= initial(s, k);
        }
        *named = k + 1;
    }
    return words;
}

/* The first token past the owner at j, a known place, a region named by
 * its adjective, an acronym in capitals or another known name ("Народной
 * партии Казахстана", "Прокуратура Забайкальского края", "Института ...
 * РАН", "Постоянного комитета Союзного государства"); j when there is none.
 * *kind tells which. */
enum owner { OWN_NONE, OWN_PLACE, OWN_REGION, OWN_ACRONYM, OWN_NAME };

/* The known organization's name at token j goes on as a list past its
 * words joined by spaces, the gazetteer's words or not ("Министерства
 * образования, науки, культуры и спорта Армении"): no owner reads it. */
static bool org_goes_on(const scan *s, size_t j)
{
    size_t e = j;
    while (e + 1 < s->n && known_org(s, e + 1) && gap_is(s, e, " "))
        e++;
    if (e + 1 < s->n && known_org(s, e + 1))
        return true;
    return e + 2 < s->n && (gap_is(s, e, ", ") || (gap_is(s, e, " ") && !strcmp(norm(s, e + 1), "и")));
}

static size_t owner_end(const scan *s, size_t j, enum owner *kind)
{
    *kind = OWN_NONE;
    if (j >= s->n || !gap_is(s, j - 1, " ") || letter_case(s, j) <= 0)
        return j;
    /* A region: "Забайкальского края", "Кунгурского муниципального
     * округа" (a kind of municipality between). */
    size_t r = word_end(s, j), rw = r + 1;   /* the region word */
    if (rw + 1 < s->n && gap_is(s, r, " ") && letter_case(s, rw) < 0 && listed(s, rw, region_kinds)
        && !taken(s, rw))
        rw++;
    if (adjective(s, r) && free_span(s, j, r) && rw < s->n && gap_is(s, rw - 1, " ")
        && letter_case(s, rw) < 0 && listed(s, rw, region_words) && !taken(s, rw)) {
        *kind = OWN_REGION;
        return rw + 1;
    }
    if (known_place(s, j)) {
        *kind = OWN_PLACE;
        /* Its words, within the sentence ("Кишинёва. | Новые"). */
        while (++j < s->n && known_place(s, j) && (gap_is(s, j - 1, " ") || gap_is(s, j - 1, "-")))
            ;
        return j;
    }
    /* A known organization's name, in the genitive as its adjective or a
     * noun in "-ии" shows ("Союзного государства", "Ассоциации футбола
     * Узбекистана"), or its acronym ("СНГ"): a person's name there is no
     * owner but the body's head ("университета Ильшат Гафуров"). */
    const char *w = norm(s, j);
    size_t wl = strlen(w);
    int caps = names_caps(s->text, s->toks[j].start, s->toks[j].end);
    /* A known organization's noun in the genitive ("Аппарат | Правительства
     * России"). */
    bool noun = wordlist_ends(" ии ", w, wl, 7)
                || (known_org(s, j) && wordlist_ends(" а я ы ", w, wl, 5) && !org_goes_on(s, j));
    if (taken(s, j) && (noun || wordlist_ends(" ого его ", w, wl, 3) || caps >= 2)) {
        enum { MAX_OWNER = 6 };
        size_t e = j + 1;
        /* After an acronym, acronyms and genitives ("ДВО РАН", "МЧС
         * России"): a name in the nominative after it is another's
         * ("Института водных проблем РАН Сергей Лебедев"). */
        while (e < s->n && e < j + MAX_OWNER && taken(s, e) && !known_place(s, e)
               && (gap_is(s, e - 1, " ") || gap_is(s, e - 1, "-"))
               && (caps < 2 || gap_is(s, e - 1, "-")
                   || names_caps(s->text, s->toks[e].start, s->toks[e].end) >= 2
                   || wordlist_ends(" а я ы и ", norm(s, e), strlen(norm(s, e)), 1)))
            e++;
        /* An acronym's or a noun's own owner, a place in the genitive: "МВД
         * Турции", "Администрации города Вологды". */
        if (e < s->n && known_place(s, e) && gap_is(s, e - 1, " ")
            && (noun || names_caps(s->text, s->toks[e - 1].start, s->toks[e - 1].end) >= 2)
            && rustem_name(norm(s, e), strlen(norm(s, e))) < strlen(norm(s, e)))
            while (e < s->n && known_place(s, e))
                e++;
        *kind = OWN_NAME;
        return e;
    }
    if (caps < 2 || caps > 6 || (unsigned char)w[0] < 0xD0)
        return j;
    *kind = OWN_ACRONYM;
    return j + 1;
}

/* owner_end(*plain), or past one more word of the name: a lower-case word
 * that reads as no verb, between the name's words and a place or known
 * name that owns it, whatever its ending ("управление мусульман Республики
 * Башкортостан", "Союз кинематографистов России"); *plain, *named and
 * *words then take it in. */
static size_t owner_past_word(const scan *s, size_t *plain, size_t *named, size_t *words,
                              enum owner *kind)
{
    size_t owned = owner_end(s, *plain, kind), j = *plain;
    if (owned > j || *named > j || j + 1 >= s->n || !gap_is(s, j - 1, " ")
        || lower_word(s, j) != j || !noun_like(s, j))
        return owned;
    enum owner after;
    size_t past = owner_end(s, j + 1, &after);
    if (past == j + 1 || after == OWN_ACRONYM)
        return owned;
    *plain = *named = j + 1;
    ++*words;
    *kind = after;
    return past;
}

/* A quoted name (guillemets or any other quote marks) follows the words
 * before token e: they only say what it is ("Национальная компания
 * «КазМунайГаз»", "ТОО \"Актобе Пайп Трейд\""). */
static bool quoted_after(const scan *s, size_t e)
{
    return e < s->n && quote_after_space(s, e);
}

/* Pushes an organization's name [a, plain), and [a, named) too when it
 * goes on with "имени" and a name: news writes it either way. An owner that
 * ends it from token o, a region or an acronym no name took, is a name of
 * its own, pushed first. Returns 1, or -1 on no memory. */
static int push_named(scan *s, size_t a, size_t plain, size_t named, size_t o, enum owner kind)
{
    if ((kind == OWN_REGION && push(s, o, plain - o, (size_t)-1, NAMES_PLACE) < 0)
        || (kind == OWN_ACRONYM && !taken(s, o) && push(s, o, 1, (size_t)-1, NAMES_ORG) < 0)
        || push(s, a, plain - a, (size_t)-1, NAMES_ORG) < 0
        || (named > plain && push(s, a, named - a, (size_t)-1, NAMES_ORG) < 0))
        return -1;
    return 1;
}

/* The first token past what a body does after its named owner ending at
 * `owned`: "Бюро ОБСЕ | по демократическим институтам и правам человека",
 * "Управления ООН | по координации гуманитарных вопросов"; `owned` when
 * none ("по словам", "по данным" say who speaks). */
static size_t past_owners_po(const scan *s, size_t owned, enum owner kind)
{
    static const char idioms[] = " части словам данным итогам мнению факту поводу подозрению"
                                 " обвинению делу приглашению случаю причине сравнению результатам"
                                 " информации сообщению оценкам прогнозам линии инициативе ";
    size_t end, named;
    if ((kind == OWN_ACRONYM || kind == OWN_NAME) && owned + 1 < s->n && gap_is(s, owned - 1, " ")
        && !strcmp(norm(s, owned), "по") && !wordlist_has_word(idioms, norm(s, owned + 1))
        && name_tail(s, owned, false, &end, &named) && end > owned + 1)
        return end;
    return owned;
}

/* Pushes an organization's name [a, plain) (and [a, named)) as push_named
 * does, through its owner when one ends it at `owned` (past plain).
 * Returns 1, 0, or -1 on no memory. */
static int push_owned(scan *s, size_t a, size_t plain, size_t named, size_t owned, enum owner kind)
{
    size_t o = plain;   /* the owner's first token */
    if (owned > plain)
        named = plain = past_owners_po(s, owned, kind);
    /* After its eponym a name is whole: what follows in guillemets is a
     * play, a product ("театра имени Пушкина «Гамлет»"). Else the words
     * before guillemets say what the name in them is: the whole is a name
     * too, as an analyst writes it ("Национальная компания «Казмунайгаз»"),
     * pushed before the name in guillemets, which stays one of its own. */
    if (quoted_after(s, named) && named == plain) {
        size_t q = quote_end(s, named);
        if (q == (size_t)-1)
            return 0;
        if (push(s, a, q + 1 - a, (size_t)-1, NAMES_ORG) < 0)
            return -1;
        return quoted(s, named) < 0 ? -1 : 1;
    }
    /* An owner after the eponym: "Институт металлургии имени Н. А.
     * Ватолина | Уральского отделения РАН". */
    enum owner after;
    size_t past = owned == plain && named > plain ? owner_end(s, named, &after) : named;
    if (past > named
        && ((after == OWN_REGION && push(s, named, past - named, (size_t)-1, NAMES_PLACE) < 0)
            || (after == OWN_ACRONYM && !taken(s, named)
                && push(s, named, 1, (size_t)-1, NAMES_ORG) < 0)
            || push(s, a, past - a, (size_t)-1, NAMES_ORG) < 0))
        return -1;
    return push_named(s, a, plain, named, o, kind);
}

static bool digits(const char *w)
{
    return *w && strspn(w, "0123456789") == strlen(w);
}

/* The token past a number written in digits after a space at token j
 * ("Кубань 24"); j when none. */
static size_t digits_after(const scan *s, size_t j)
{
    return j < s->n && gap_is(s, j - 1, " ") && digits(norm(s, j)) ? j + 1 : j;
}

/* The first token past a number that goes on an institution's name from
 * token j ("Детская городская больница № 1", "школа N 5", "школа №5"); j
 * when none. */
static size_t number_after(const scan *s, size_t j)
{
    if (j >= s->n || !gap_is(s, j - 1, " "))
        return j;
    /* "№" is a token of its own, read as "No", unless the number is
     * written on to it ("№5", read as "no5"); "N" stands for it. */
    const char *mark = s->text + s->toks[j].start, *w = norm(s, j);
    bool sign = !strncmp(mark, "№", strlen("№"));
    if (sign && strlen(w) > 2 && digits(w + 2))
        return j + 1;
    if ((!sign && strncmp(mark, "N ", 2)) || j + 1 >= s->n
        || (!gap_is(s, j, " ") && !gap_is(s, j, "")) || !digits(norm(s, j + 1)))
        return j;
    return j + 2;
}

/* An organization named by a capitalized adjective, lower-case adjectives
 * and a head noun, then the genitive words of its name and the gazetteer
 * place whose it is: "Евразийского межправительственного совета", "Народной
 * партии Казахстана", "Большого театра". At a sentence's start the capital
 * says nothing, so only an adjective made from a name ("Ошский", "-ск-")
 * begins one there, or one whose name ends with its place ("Арбитражный суд
 * Москвы"). The adjective may be a city the gazetteer read in it
 * ("Уральского государственного университета" is no Uralsk).
 * Returns 1 when it pushed a hit, 0, or -1 on no memory. */
static int org_phrase(scan *s, size_t a)
{
    enum { MAX_ADJ = 4 };
    /* A compound adjective: "Контрольно-дисциплинарный комитет", its parts
     * capitalized when made from names ("Кабардино-Балкарский
     * государственный университет"). */
    size_t last = word_end(s, a);
    bool city = known_place(s, a) && known_place(s, last)
                && !(last + 1 < s->n && known_place(s, last + 1));
    size_t first = last == a && a + 1 < s->n && gap_is(s, a, "-") && letter_case(s, a + 1) < 0
                   && !taken(s, a + 1) ? a + 1 : last;
    /* People by their role are no name's adjective ("Ученые института"),
     * nor is an adverb ("Ранее Суд ..."; "Контрольно-" is a compound's). */
    if ((!free_span(s, a, last) && !city) || !adjective_form(s, first)
        || rustem_person_role(norm(s, a), strlen(norm(s, a)))
        || (!gap_is(s, a, "-") && rustem_adverb_like(norm(s, a), strlen(norm(s, a)))))
        return 0;
    size_t j = first + 1, k, e;
    /* Lower-case adjectives, and one made from a name after one of them
     * ("Государственный академический Кубанский казачий хор"). */
    size_t next_end = 0;   /* the next adjective's last token */
    for (k = 0; k < MAX_ADJ && j < s->n && gap_is(s, j - 1, " ")
                && ((e = lower_adjective(s, j)) != (size_t)-1
                    || (k && letter_case(s, j) > 0 && !taken(s, j) && name_adjective(s, j) && (e = j)));
         k++) {
        if (!k)
            next_end = e;
        j = e + 1;
    }
    /* Adjectives of one name agree ("Уральского государственного"), but
     * for the plural a list's names share ("Гродненской и Сморгонской
     * пограничных групп"); a place's case before a phrase is none
     * ("границу с Ираном | крупную партию"). */
    if (k && !rustem_same_last_letter(norm(s, first), norm(s, next_end))
        && !wordlist_ends(" ых их ым им ыми ими ые ие ", norm(s, next_end), strlen(norm(s, next_end)), 1))
        return 0;
    /* Its head in lower case, or capitalized as a council's may be
     * ("Вологодская городская Дума"), but for a country's "Федерация";
     * right after the capitalized adjective only before its owner
     * ("Народного Собрания Республики Дагестан"). */
    if (j >= s->n || !gap_is(s, j - 1, " ") || taken(s, j) || letter_case(s, j) == 0
        || !listed(s, j, org_heads) || (letter_case(s, j) > 0 && listed(s, j, state_words)))
        return 0;
    size_t plain, named;
    enum owner kind;
    size_t words = name_tail(s, j + 1, true, &plain, &named);
    size_t owned = owner_past_word(s, &plain, &named, &words, &kind);
    if (letter_case(s, j) > 0 && !k && (owned == plain || kind != OWN_PLACE))
        return 0;
    if (!words && owned == plain && listed(s, j, plural_heads))
        return 0;
    if (named == plain && owned == plain)
        plain = named = owned = number_after(s, plain);
    /* At a sentence's start, a name's adjective ("Ошский"), a place whose
     * body it is ("Арбитражный суд Москвы"), a name in guillemets after it
     * ("Государственный концерн «Туркменхимия»") or whose name it bears
     * ("Государственный русский драматический театр имени В. В.
     * Маяковского") says it is a name. */
    if (sentence_start(s, a) && !adjective(s, a) && !adjective(s, last) && owned == plain
        && named == plain && !quoted_after(s, named))
        return 0;
    return push_owned(s, a, plain, named, owned, kind);
}

/* An institution named by its head noun, capitalized, and the genitive
 * words of its name: "Институтом ядерной физики", "Центр подготовки
 * космонавтов имени Гагарина", "Агентства по атомной энергии". At a
 * sentence's start ("Центр города") it takes two words of its name, or
 * "имени" and a name, or its owner. Returns 1 when it pushed a hit, 0, or
 * -1 on no memory. */
static int institution(scan *s, size_t a)
{
    /* A name in guillemets after an organization word is read whole
     * (quoted): "ГКУ «Центр организации закупок»". */
    if (taken(s, a) || !listed(s, a, inst_heads)
        || (quote_after_space(s, a) && org_word(s, a - 1))
        || names_caps(s->text, s->toks[a].start, s->toks[a].end) >= 2 || a + 1 >= s->n)
        return 0;
    size_t plain, named;
    enum owner kind;
    size_t words = name_tail(s, a + 1, true, &plain, &named);
    size_t owned = owner_past_word(s, &plain, &named, &words, &kind);
    /* A state body needs no words of its own before its owner, nor one
     * named after someone ("Университет имени Джавахарлала Неру"), nor one
     * that says what it does after its owner ("Бюро ОБСЕ по ..."). */
    if (!words && named > plain)
        return push_owned(s, a, plain, named, owned, kind);
    /* A body's unit for a part of the world, named by it and the body:
     * "Департамента Северной Америки МИД России". */
    if (!words && owned > plain && kind == OWN_PLACE) {
        enum owner by;
        size_t body = owner_end(s, owned, &by);
        if (body > owned && (by == OWN_ACRONYM || by == OWN_NAME))
            return push_owned(s, a, owned, owned, body, by);
    }
    if (!words && !(owned > plain && listed(s, a, state_heads))
        && !(owned > plain && past_owners_po(s, owned, kind) > owned))
        return 0;
    if (sentence_start(s, a) && words < 2 && named == plain && owned == plain)
        return 0;
    return push_owned(s, a, plain, named, owned, kind);
}

/* Heads of a military unit named by its number: "98-я гвардейская
 * воздушно-десантная дивизия", "201-й российской военной базы". */
static const char unit_heads[] =
    " бригад дивиз полк арм баз флотил эскадр эскадрил корпус батальон застав ";

/* A military unit or an institution named by its ordinal, adjectives and
 * head, with what goes on its name ("имени", an owner): token a a number
 * joined by "-" to an ordinal's ending ("98-й гвардейской воздушно-десантной
 * дивизии", "2-й Западный окружной военный суд", "5-я городская больница").
 * Returns 1 when it pushed a hit, 0, or -1 on no memory. */
static int numbered_unit(scan *s, size_t a)
{
    enum { MAX_ADJ = 4 };
    static const char ordinal_ends[] = " я й е ю м го му ая ой ую ое ого ому ";
    if (a + 3 >= s->n || taken(s, a) || taken(s, a + 1) || !digits(norm(s, a))
        || !gap_is(s, a, "-") || !listed(s, a + 1, ordinal_ends))
        return 0;
    size_t j = a + 2, k, e;
    for (k = 0; k < MAX_ADJ && j < s->n && gap_is(s, j - 1, " ")
                && ((e = lower_adjective(s, j)) != (size_t)-1
                    || (letter_case(s, j) > 0 && !taken(s, j)
                        && adjective_form(s, e = word_end(s, j)) && free_span(s, j, e)));
         k++)
        j = e + 1;
    if (!k || j >= s->n || !gap_is(s, j - 1, " ") || taken(s, j) || letter_case(s, j) >= 0
        || !(listed(s, j, unit_heads) || listed(s, j, org_heads)))
        return 0;
    size_t plain, named;
    enum owner kind;
    size_t words = name_tail(s, j + 1, true, &plain, &named);
    size_t owned = owner_past_word(s, &plain, &named, &words, &kind);
    /* A unit is named by its number alone too, whatever owns it ("201-й
     * российской военной базы | Центрального военного округа"). */
    if (owned > plain && push(s, a, plain - a, (size_t)-1, NAMES_ORG) < 0)
        return -1;
    return push_owned(s, a, plain, named, owned, kind);
}

/* Units of an institution that news writes in lower case, named by their
 * owner: "физическом факультете НГУ", "кафедры истории МГУ". */
static const char faculty_words[] = " факультет кафедр ";

/* A unit of an institution in lower case at token i, with up to two
 * lower-case adjectives before it, the words of its name and a known
 * organization that owns it ("факультета радиофизики и компьютерных
 * технологий БГУ"): a name when it has words or adjectives of its own.
 * Returns 1 when it pushed a hit, 0, or -1 on no memory. */
static int faculty(scan *s, size_t i)
{
    if (taken(s, i) || letter_case(s, i) >= 0 || !listed(s, i, faculty_words))
        return 0;
    size_t a = i;
    size_t after = s->len ? s->out[s->len - 1].first + s->out[s->len - 1].n : 0;
    /* Not a plural that names people ("ученые биологического факультета"):
     * a unit is one. */
    while (a > after && i - a < 2 && gap_is(s, a - 1, " ") && lower_adjective(s, a - 1) == a - 1
           && !wordlist_ends(" ые ие ", norm(s, a - 1), strlen(norm(s, a - 1)), 2))
        a--;
    size_t plain, named;
    enum owner kind;
    size_t words = name_tail(s, i + 1, false, &plain, &named);
    size_t owned = owner_past_word(s, &plain, &named, &words, &kind);
    if (owned == plain || (kind != OWN_ACRONYM && kind != OWN_NAME) || (a == i && !words))
        return 0;
    return push_owned(s, a, plain, named, owned, kind);
}

/* Bodies of a place the press writes in lower case. */
static const char lower_bodies[] = " хокимият акимат администрац мэри прокуратур ";

/* Departments in lower case named by what they do: "управления
 * здравоохранения". */
static const char lower_departments[] = " управлен департамент ";

/* A body in lower case at token i owned by a region named by its adjective
 * ("хокимият Юнусабадского района", "администрации Кировского района"),
 * which the gazetteer lacks, or a department by what it does and its
 * region or known place ("управления здравоохранения Павлодарской области",
 * "департамента образования Москвы", "департамента по чрезвычайным
 * ситуациям Акмолинской области"). Returns 1 when it pushed a hit, 0, or
 * -1 on no memory. */
static int region_body(scan *s, size_t i)
{
    enum { MAX_DOES = 4 };
    enum owner kind;
    size_t owned, j = i + 1;
    if (taken(s, i) || letter_case(s, i) >= 0 || i + 2 >= s->n || !gap_is(s, i, " "))
        return 0;
    bool department = listed(s, i, lower_departments);
    if (!department && !listed(s, i, lower_bodies))
        return 0;
    /* What it does: genitives, or "по" and the words of its case. */
    bool po = department && !strcmp(norm(s, j), "по") && gap_is(s, j, " ");
    j += po;
    while (department && j < s->n && j - i <= (size_t)MAX_DOES + po && gap_is(s, j - 1, " ")
           && lower_word(s, j) == j && (po ? strcmp(norm(s, j), "и") : genitive_tail(s, j)))
        j++;
    if ((department && j == i + 1 + po) || (owned = owner_end(s, j, &kind)) == j
        || !(kind == OWN_REGION || (department && kind == OWN_PLACE)))
        return 0;
    return push_owned(s, i, j, j, owned, kind);
}

/* The word before the list item at [a, ..]: its end, after ", " or " и ",
 * or (size_t)-1. */
static size_t item_before(const scan *s, size_t a)
{
    if (a >= 1 && gap_is(s, a - 1, ", "))
        return a - 1;
    if (a >= 2 && !strcmp(norm(s, a - 1), "и") && gap_is(s, a - 1, " ") && gap_is(s, a - 2, " "))
        return a - 2;
    return (size_t)-1;
}

/* The word after the list item at [.., j]: its start, or (size_t)-1. */
static size_t item_after(const scan *s, size_t j)
{
    if (gap_is(s, j, ", "))
        return j + 1;
    if (j + 2 < s->n && !strcmp(norm(s, j + 1), "и") && gap_is(s, j, " ") && gap_is(s, j + 1, " "))
        return j + 2;
    return (size_t)-1;
}

/* Token k is a geographic word in lower case, or capitalized as a
 * sentence's first word ("Поселок Нурек стоит на Вахше"). */
static bool geo_word(const scan *s, size_t k)
{
    return (letter_case(s, k) < 0 || sentence_start(s, k)) && listed(s, k, geo_words);
}

/* Token a is one letter and a period: an initial ("района Г. Т.
 * Мамырбаевой"). */
static bool initial_at(const scan *s, size_t a)
{
    const char *w = norm(s, a);
    size_t len = strlen(w);
    return len && len == (size_t)((unsigned char)w[0] >= 0xC0 ? 2 : 1)
           && s->toks[a].end < s->text_len && s->text[s->toks[a].end] == '.';
}

/* A list item at [a, j] is a place: a known one, or one after a
 * geographic word, but an initial. */
static bool place_item(const scan *s, size_t a, size_t j)
{
    if (known_place(s, a) && known_place(s, j))
        return true;
    return letter_case(s, a) > 0 && a > 0 && gap_is(s, a - 1, " ") && geo_word(s, a - 1)
           && !initial_at(s, a);
}

/* Token k is the lower-case word `w`, joined by single spaces on both
 * sides. */
static bool joiner_at(const scan *s, size_t k, const char *w)
{
    return k > 0 && k + 1 < s->n && !strcmp(norm(s, k), w) && gap_is(s, k - 1, " ")
           && gap_is(s, k, " ");
}

/* Token k is a route's or border's word in lower case ("участка"). */
static bool route_word(const scan *s, size_t k)
{
    return letter_case(s, k) < 0 && listed(s, k, route_words);
}

/* The name at [a, j] is one of a pair, "от A до B" or "между A и B", whose
 * other is a known place, or after a route's word ("пункт пропуска между
 * Баграташеном и Садахло"). */
static bool pair_place(const scan *s, size_t a, size_t j)
{
    static const char *const pairs[][2] = { { "от", "до" }, { "между", "и" } };
    for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++) {
        size_t open, b, e;
        if (a >= 1 && joiner_at(s, a - 1, pairs[p][0]) && j + 2 < s->n
            && joiner_at(s, j + 1, pairs[p][1]) && letter_case(s, j + 2) > 0)
            open = a - 1, b = j + 2, e = word_end(s, j + 2);
        else if (a >= 3 && joiner_at(s, a - 1, pairs[p][1]) && letter_case(s, a - 2) > 0
                 && (b = word_start(s, a - 2)) >= 1 && joiner_at(s, b - 1, pairs[p][0]))
            open = b - 1, e = a - 2;
        else
            continue;
        if (known_place(s, b) && known_place(s, e))
            return true;
        if (open > 0 && gap_is(s, open - 1, " ") && letter_case(s, open - 1) < 0
            && listed(s, open - 1, route_words) && free_span(s, b, e))
            return true;
    }
    /* After a route's word, "A - B": "участка Ахалкалаки - Марабда". */
    static const char *const dashes[] = { " - ", " – ", " — " };
    for (size_t d = 0; d < sizeof dashes / sizeof *dashes; d++) {
        size_t b;
        if (a >= 1 && gap_is(s, a - 1, " ") && route_word(s, a - 1) && gap_is(s, j, dashes[d])
            && j + 1 < s->n && letter_case(s, j + 1) > 0)
            return true;
        if (a >= 2 && gap_is(s, a - 1, dashes[d]) && letter_case(s, a - 1) > 0
            && (b = word_start(s, a - 1)) >= 1 && gap_is(s, b - 1, " ") && route_word(s, b - 1))
            return true;
    }
    return false;
}

/* The one-word name at [a, j] is a place by a geographic word before it, a
 * place in its list ("Мозыря, Речицы и Жлобина") or its pair ("от Решта до
 * Астары"). */
static bool listed_place(const scan *s, size_t a, size_t j)
{
    if (place_item(s, a, j) || pair_place(s, a, j))
        return true;
    for (size_t e = item_before(s, a); e != (size_t)-1; e = item_before(s, word_start(s, e))) {
        if (letter_case(s, e) <= 0)
            break;
        if (place_item(s, word_start(s, e), e))
            return true;
    }
    for (size_t b = item_after(s, j); b != (size_t)-1; b = item_after(s, word_end(s, b))) {
        if (letter_case(s, b) <= 0)
            break;
        if (place_item(s, b, word_end(s, b)))
            return true;
    }
    return false;
}

/* Token i is a surname alone after its bearer's title ("защитника
 * Карпова", "министра иностранных дел Иванова"): shaped as a surname
 * (rustem_name's stem ends as most do), not in capitals. */
static bool surname_after_title(const scan *s, size_t i)
{
    /* A resident's title is followed by where: "жителя Кемерова". */
    static const char residents[] = " жител жительниц ";
    if (i == 0 || !gap_is(s, i - 1, " ") || letter_case(s, i - 1) >= 0
        || names_caps(s->text, s->toks[i].start, s->toks[i].end) >= 2
        || !names_titled(s->text, s->toks, s->n, i - 1) || listed(s, i - 1, residents)
        || !names_title_before(s->text, s->toks, s->n, i))
        return false;
    const char *w = norm(s, i);
    return rustem_surname_shaped(w, strlen(w));
}

/* Token i is a cleric's name after his title, which is all the name the
 * church uses ("Святейшего Патриарха Кирилла", "Католикос Всех Армян
 * Гарегин II", "митрополит Иларион"): a capitalized word, no known name,
 * not in capitals. */
static bool cleric_named(const scan *s, size_t i)
{
    static const char clerics[] = " патриарх католикос митрополит архиепископ епископ архимандрит"
                                  " игумен ";
    static const char between[] = " всех армян ";   /* "Католикос Всех Армян Гарегин" */
    if (i == 0 || letter_case(s, i) <= 0 || names_caps(s->text, s->toks[i].start, s->toks[i].end) >= 2
        || wordlist_has_word(between, norm(s, i)))
        return false;
    size_t k = i - 1;
    while (k > 0 && gap_is(s, k, " ") && wordlist_has_word(between, norm(s, k)))
        k--;
    return gap_is(s, k, " ") && listed(s, k, clerics);
}

/* The last token of a name and the Roman numeral after it, if any ("Гарегин
 * II"): j, or the numeral's token. */
static size_t roman_after(const scan *s, size_t j)
{
    if (j + 1 >= s->n || !gap_is(s, j, " "))
        return j;
    const char *w = s->text + s->toks[j + 1].start;
    size_t len = s->toks[j + 1].end - s->toks[j + 1].start;
    if (len == 0 || len > 4 || strspn(w, "IVX") < len)
        return j;
    return j + 1;
}

/* A capitalized word standing alone: no capitalized word joined to it by a
 * space, as a name of two words would be, but for a geographic word opening
 * the sentence before it and the region it lies in
 * ("у села Сотк Гегаркуникской области"). */
static bool alone(const scan *s, size_t a, size_t j)
{
    if (a > 0 && gap_is(s, a - 1, " ") && letter_case(s, a - 1) > 0 && !geo_word(s, a - 1))
        return false;
    if (!(j + 1 < s->n && gap_is(s, j, " ") && letter_case(s, j + 1) > 0))
        return true;
    size_t r = word_end(s, j + 1);
    return adjective(s, r) && r + 1 < s->n && gap_is(s, r, " ") && letter_case(s, r + 1) < 0
           && listed(s, r + 1, region_words);
}

/* Two different sport words in the document (sport_words). */
static bool sport_news(const scan *s)
{
    const char *first = NULL;
    size_t flen = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (letter_case(s, i) >= 0 || !listed(s, i, sport_words))
            continue;
        const char *w = norm(s, i);
        size_t k = rustem_name(w, strlen(w));
        if (!first)
            first = w, flen = k;
        else if (k != flen || memcmp(w, first, k))
            return true;
    }
    return false;
}

/* A supervisory service named by one word ending in "-надзор", in any case:
 * "Россельхознадзора", "Гостехнадзор", "Роспотребнадзору". */
static bool supervisor(const scan *s, size_t i)
{
    static const char tail[] = "надзор";
    const char *w = norm(s, i);
    size_t len = rustem_name(w, strlen(w)), tl = strlen(tail);
    return len > tl + 4 && !memcmp(w + len - tl, tail, tl);
}

/* The stems of Soviet-style compound names of companies and services:
 * where they are ("Рос", "Каз", "Урал"), then what they do ("нефт", "маш",
 * "телеком"): "Метровагонмаш", "Казгидромет", "Уралвагонзавод",
 * "Росэнергоатом", "Мосводоканал", "Узбекнефтегаз", "Белтелеком". */
static const char *const where_stems[] = {
    "рос", "мос", "лен", "каз", "казах", "узб", "узбек", "бел", "тат", "баш", "урал", "сиб",
    "кирг", "кыргыз", "тадж", "арм", "азер", "укр", "груз", "туркмен", "якут", "даль", "метро",
    "гос", "союз", "спец", "меж", "обл", "гор", "рай",
};
static const char *const what_stems[] = {
    "маш", "пром", "газ", "нефт", "энерг", "атом", "транс", "хим", "мет", "гидр", "торг",
    "строй", "связ", "телеком", "водоканал", "вод", "завод", "вагон", "авиа", "аэр",
    "флот", "банк", "лес", "охран", "агр", "сельхоз", "тех", "авт", "сбыт", "сет", "угл", "уголь",
    "руд", "металл", "мед", "золот", "алмаз", "тепл", "электр", "инвест", "кредит",
    "страх", "зерн", "хлеб", "сахар", "лизинг", "почт", "радио", "теле", "кабель", "прибор",
    "станк", "суд", "мотор", "вертол", "ракет", "космос", "дор", "мост", "жил", "информ",
    "экспорт", "импорт", "мунай", "калий", "никель", "фарм", "мед", "нацбанк", "стат", "надзор",
    "контракт", "ресурс", "холдинг", "снаб", "трест", "комплект",
};

/* The stems that make `w` (bytes [0, len)), each followed by an optional
 * linking "о" or "е", the first from `list` (where_stems or what_stems),
 * the others and the last of what_stems, then at most a case ending: the
 * count of stems, or 0 when the word is not made so. */
static int stems_in(const char *w, size_t len, const char *const *list, size_t nlist)
{
    static const char *const case_ends[] = { "", "а", "я", "у", "ю", "е", "ы", "и", "ь", "ом",
                                             "ем", "ой", "ей", "ью", "ам", "ах", "ами" };
    for (size_t k = 0; k < nlist; k++) {
        size_t sl = strlen(list[k]);
        if (sl > len || memcmp(w, list[k], sl))
            continue;
        for (size_t link = 0; link <= 2; link += 2) {
            const char *r = w + sl + link;
            size_t rl = len - sl - link;
            if (link && (sl + 2 > len || (memcmp(w + sl, "о", 2) && memcmp(w + sl, "е", 2))))
                break;
            for (size_t e = 0; list == what_stems && e < sizeof case_ends / sizeof *case_ends; e++)
                if (rl == strlen(case_ends[e]) && !memcmp(r, case_ends[e], rl))
                    return 1;
            int rest = stems_in(r, rl, what_stems, sizeof what_stems / sizeof *what_stems);
            if (rest)
                return rest + 1;
        }
    }
    return 0;
}

/* A company or service named by one word made of stems, in any case: a
 * place's and what it does ("Татнефти", "Метровагонмаша"), or three of what
 * it does ("Авиалесоохраны"); two of those alone are as often a common word
 * ("Автосервис"). No word spelled otherwise: a surname ("Газманов") or a
 * common word ("Нефтегазовый") has letters no stem holds. */
static bool compound_org(const scan *s, size_t i)
{
    const char *w = norm(s, i);
    size_t len = strlen(w);
    return len >= 12 && (unsigned char)w[0] >= 0xD0
           && (stems_in(w, len, where_stems, sizeof where_stems / sizeof *where_stems) >= 2
               || stems_in(w, len, what_stems, sizeof what_stems / sizeof *what_stems) >= 3);
}

/* A Latin name after a Russian organization word, unquoted: "компании
 * Google", "банк HSBC". Its capitalized Latin words joined by spaces, none
 * taken. Returns 1 when it pushed a hit, 0, or -1 on no memory. */
static int latin_org(scan *s, size_t a)
{
    if (a == 0 || !gap_is(s, a - 1, " ") || letter_case(s, a - 1) == 0
        || (unsigned char)norm(s, a - 1)[0] < 0x80 || !org_word(s, a - 1))
        return 0;
    size_t j = a;
    while (j + 1 < s->n && gap_is(s, j, " ") && letter_case(s, j + 1) > 0 && !taken(s, j + 1)
           && (unsigned char)norm(s, j + 1)[0] < 0x80)
        j++;
    return push(s, a, j - a + 1, (size_t)-1, NAMES_ORG) < 0 ? -1 : 1;
}

/* The gap before token k ends with `sep`. */
static bool gap_ends(const scan *s, size_t k, const char *sep)
{
    size_t len = strlen(sep), from = k ? s->toks[k - 1].end : 0;
    return s->toks[k].start >= from + len && !memcmp(s->text + s->toks[k].start - len, sep, len);
}

/* The gap after token j, past its first `skip` bytes, starts with `sep`,
 * or, for "\n", the line ends there. */
static bool gap_starts_past(const scan *s, size_t j, size_t skip, const char *sep)
{
    size_t len = strlen(sep), to = j + 1 < s->n ? s->toks[j + 1].start : s->text_len;
    size_t at = s->toks[j].end + skip;
    if (at > to)
        return false;
    if (!strcmp(sep, "\n"))
        return j + 1 >= s->n || memchr(s->text + at, '\n', to - at);
    return to >= at + len && !memcmp(s->text + at, sep, len);
}

/* The gap after token j starts with `sep` (gap_starts_past). */
static bool gap_starts(const scan *s, size_t j, const char *sep)
{
    return gap_starts_past(s, j, 0, sep);
}

/* The agency of a dateline: in the first line below the headline that
 * starts with a known place in capitals, or capitalized before a comma or
 * a dash ("БАКУ, 20 августа /Trend/.", "Баку, 9 июня /Тренд/.",
 * "БИШКЕК, 5 марта — Sputnik.", "ТАШКЕНТ (УзА)", "ДУШАНБЕ, 3 мая. АВЕСТА -"),
 * the capitalized words between slashes or parentheses, or after a dash or
 * a period before the story's dash, period or line end. The first name
 * read there ends the search, the gazetteer's too. Returns 1 when it
 * pushed a hit, 0, or -1 on no memory. */
static int dateline_agency(scan *s)
{
    enum { REACH = 10 };
    static const char *const before[] = { "/", "(", "— ", "– ", "- ", ". " };
    static const char *const after[] = { "/", ")", ".", " -", " –", " —", "\n" };
    /* The place in capitals, or capitalized before the dateline's comma or
     * dash ("Баку, 9 июня /Тренд/.", "Бишкек – 24.kg"). */
    static const char *const city_ends[] = { ",", " –", " —", " -" };
    size_t i = 1;
    for (; i < s->n; i++) {
        if (!gap_ends(s, i, "\n") || !known_place(s, i))
            continue;
        bool city = names_caps(s->text, s->toks[i].start, s->toks[i].end) >= 2;
        for (size_t c = 0; c < sizeof city_ends / sizeof *city_ends && !city; c++)
            city = gap_starts(s, word_end(s, i), city_ends[c]);
        if (city)
            break;
    }
    for (size_t k = i + 1; k < s->n && k <= i + REACH && !gap_ends(s, k, "\n"); k++) {
        bool opens = false;
        for (size_t b = 0; b < sizeof before / sizeof *before && !opens; b++)
            opens = gap_ends(s, k, before[b]);
        /* A channel named by a place and a number: "(Кубань 24)". */
        size_t w = word_end(s, k);
        if (known_place(s, k) && !(opens && digits_after(s, w + 1) > w + 1))
            continue;
        if (taken(s, k) && !known_place(s, k))
            return 0;
        if (!opens || letter_case(s, k) <= 0)
            continue;
        size_t j = word_end(s, k), q, close = 0;   /* "/Новости-Армения/" */
        /* A place may be a word of its name: "/РИА Томск/". */
        while (j + 1 < s->n && gap_is(s, j, " ") && letter_case(s, j + 1) > 0
               && (!taken(s, j + 1) || known_place(s, j + 1)))
            j = word_end(s, j + 1);
        j = digits_after(s, j + 1) - 1;
        /* A name in quotes goes on it: "/РИА «Дагестан»/". */
        if (j + 1 < s->n && quote_after_space(s, j + 1) && (q = quote_end(s, j + 1)) != (size_t)-1) {
            j = q;
            close = close_after(s, j);
        }
        for (size_t a = 0; a < sizeof after / sizeof *after; a++)
            if (gap_starts_past(s, j, close, after[a]))
                return push(s, k, j - k + 1, (size_t)-1, NAMES_ORG) < 0 ? -1 : 1;
    }
    return 0;
}

/* The bodies named inside an organization's name [.., j] from token a on,
 * as names of their own: "Институт физики высоких энергий Китайской
 * академии наук" names the Chinese Academy of Sciences. A body is one
 * org_phrase reads from a capitalized adjective in the genitive, the
 * owner's case, that no name took, after a word in lower case
 * ("Государственный академический Кубанский казачий хор" is one body).
 * Returns 1, or -1 on no memory. */
static int inner_bodies(scan *s, size_t a, size_t j)
{
    for (size_t k = a; k < j; k++) {
        const char *w = norm(s, k);
        if (!wordlist_ends(genitive_adjective_ends, w, strlen(w), 1) || letter_case(s, k) <= 0
            || taken(s, k) || !gap_is(s, k - 1, " ") || letter_case(s, k - 1) >= 0)
            continue;
        size_t before = s->len;
        if (org_phrase(s, k) < 0)
            return -1;
        /* Only a body that ends with the name: "Китайской академии наук",
         * not "Китайской академии" of a longer name's words. */
        if (s->len > before && s->out[s->len - 1].first + s->out[s->len - 1].n - 1 != j)
            s->len = before;
        if (s->len > before)
            break;
    }
    return 1;
}

long runames_find(const char *text, size_t len, const names_tok *toks, size_t n,
                  const unsigned char *taken_, const unsigned char *known, runames_hit **out)
{
    scan s = { text, len, toks, n, taken_, known, false, NULL, 0, 0 };
    s.sport = sport_news(&s);
    int rc = dateline_agency(&s);
    size_t agency = rc > 0 ? s.out[0].first : (size_t)-1;
    for (size_t i = 0; i < n && rc >= 0; i++) {
        if (i == agency) {
            i += s.out[0].n - 1;
            continue;
        }
        const unsigned char b = (unsigned char)norm(&s, i)[0];
        if (b >= '0' && b <= '9' && (rc = numbered_unit(&s, i)) != 0) {
            if (rc > 0)
                i = s.out[s.len - 1].first + s.out[s.len - 1].n - 1;
            continue;
        }
        if (letter_case(&s, i) < 0
            && ((rc = faculty(&s, i)) != 0 || (rc = region_body(&s, i)) != 0)) {
            if (rc > 0)
                i = s.out[s.len - 1].first + s.out[s.len - 1].n - 1;
            continue;
        }
        if (letter_case(&s, i) > 0 && b < 0x80 && !taken(&s, i)) {
            rc = latin_org(&s, i);
            if (rc > 0)
                i = s.out[s.len - 1].first + s.out[s.len - 1].n - 1;
            continue;
        }
        if (letter_case(&s, i) <= 0 || b < 0xD0 || b > 0xD4)   /* a capitalized Cyrillic word */
            continue;
        size_t j = word_end(&s, i);
        rc = region(&s, i, j);
        size_t elided = rc == 0 ? elided_region(&s, i, j) : (size_t)-1;
        if (elided != (size_t)-1)
            rc = push(&s, i, 1, elided, NAMES_PLACE) < 0 ? -1 : 1;
        if (rc == 0 && i == j && free_span(&s, i, j)
            && names_caps(text, toks[i].start, toks[i].end) < 2
            && (supervisor(&s, i) || compound_org(&s, i)))
            rc = push(&s, i, 1, (size_t)-1, NAMES_ORG) < 0 ? -1 : 1;
        if (rc == 0)
            rc = org_phrase(&s, i);
        if (rc == 0 && i == j)
            rc = institution(&s, i);
        if (rc == 0)
            rc = quoted(&s, i);
        if (rc == 0 && i == word_end(&s, i) && free_span(&s, i, j) && !sentence_start(&s, i)
            && alone(&s, i, j) && surname_after_title(&s, i))
            rc = push(&s, i, j - i + 1, (size_t)-1, NAMES_PERSON) < 0 ? -1 : 1;
        if (rc == 0 && free_span(&s, i, j) && cleric_named(&s, i)
            && !(j + 1 < n && gap_is(&s, j, " ") && letter_case(&s, j + 1) > 0
                 && roman_after(&s, j) == j))   /* "архиепископ Мкртич Прошян": a full name */
            rc = push(&s, i, roman_after(&s, j) - i + 1, (size_t)-1, NAMES_PERSON) < 0 ? -1 : 1;
        /* A word in capitals is an acronym (ruabbr.h), an institution's head
         * ("Университет Сан-Паулу, Университет имени ...") no list's place. */
        if (rc == 0 && free_span(&s, i, j) && !sentence_start(&s, i) && alone(&s, i, j)
            && names_caps(text, toks[i].start, toks[i].end) < 2 && !listed(&s, i, inst_heads)
            && listed_place(&s, i, j))
            rc = push(&s, i, j - i + 1, (size_t)-1, NAMES_PLACE) < 0 ? -1 : 1;
        if (rc > 0 && s.out[s.len - 1].first + s.out[s.len - 1].n - 1 > j) {
            j = s.out[s.len - 1].first + s.out[s.len - 1].n - 1;   /* past the hit's words */
            if (s.out[s.len - 1].type == NAMES_ORG)
                rc = inner_bodies(&s, i + 1, j);
        }
        i = j;
    }
    if (rc < 0) {
        free(s.out);
        *out = NULL;
        return -1;
    }
    *out = s.out;
    return (long)s.len;
}
