/* The case ending of a Russian name: "Путина", "Путину" and "Путиным" are
 * all "путин", "Москве" and "Москвы" "москв", "России" "росс",
 * "Россотрудничества" "россотрудничеств". Names, not words at large: a fixed
 * list of noun and adjective endings, the longest that leaves two letters; no
 * dictionary, so names no dictionary knows ("Рахмона", "Пашиняну") are read
 * the same way. Leaves out plural "-ов" and "-ев", which would cut surnames
 * ("Петров"), and fleeting vowels ("Орла"). Only words spelled with the
 * Russian alphabet alone are cut. */
#ifndef SEEKD_ENTITY_RUSTEM_H
#define SEEKD_ENTITY_RUSTEM_H

#include <stdbool.h>
#include <stddef.h>

/* The length, in bytes, of the normalized token `norm` (`len` bytes) less its
 * Russian case ending; `len` when it has none or is not Russian. */
size_t rustem_name(const char *norm, size_t len);

/* Whether the ending rustem_name cuts is one no nominative has ("-ами" of
 * "Китами", "-им" of "Иерусалим"): a gazetteer name so cut is a stem that the
 * cases of other names may share ("Китая" is China's, not Kitami's). */
bool rustem_oblique(const char *norm, size_t len);

/* Whether rustem_name would leave fewer than three letters of `norm`. Such a
 * word written in capitals is an acronym whose last vowel is its own: "СКА"
 * (a club) is not "СК" (a committee) inflected, nor "РИА" "РИ". */
bool rustem_short(const char *norm, size_t len);

/* Whether the word `word` (`wlen` bytes) may be a case of the name `name`
 * (`nlen` bytes) whose stem it shares, by their endings: the cases of a name
 * ending "-ай" end "-ая", "-аю", "-аем", "-ае", never "-а" ("Дума" is no case
 * of "Думай"); of one in "-ая", "-ой", "-ую", never "-о" ("Село" of
 * "Селая"); of one with none ("Минск", "Путин"), a noun's or a surname's,
 * never an adjective's ("Минского", "Евразии" are no cases of "Евраз"). For
 * an ending no nominative has, true when the word has one of its own ("План"
 * is no case of "Планом"). */
bool rustem_declines_to(const char *name, size_t nlen, const char *word, size_t wlen);

/* Whether normalized Russian word `norm` (`len` bytes) is shaped as a
 * surname or patronymic of Russia and the region: the stem rustem_name
 * leaves ends as theirs do ("Иванова", "Ткаченко", "Пашиняну", "Гасанзаде",
 * "Ивановной"), at least three letters before that ending; a stem in "-ск"
 * or "-цк" only with an adjective's ending, since "Жуковского" declines as
 * an adjective and a town ("главы Партизанска") as a noun. */
bool rustem_surname_shaped(const char *norm, size_t len);

/* Normalized word `norm` (`len` bytes) is a Russian patronymic in any case:
 * its stem ends in "-вич", "-ьич", "-вн" or "-ичн" ("Владимировича",
 * "Ильич", "Николаевна", "Ильинична"). */
bool rustem_patronymic(const char *norm, size_t len);

/* Whether normalized Russian word `norm` (`len` bytes) ends as a verb's
 * form does: past ("провел", "сообщило", "заявили"), present ("считает"),
 * infinitive or reflexive; not the "-ли" of a noun after a consonant
 * ("торговли"). By its ending alone, so a noun so ended counts too. */
bool rustem_verb_like(const char *norm, size_t len);

/* Whether normalized Russian word `norm` (`len` bytes), after "по", begins
 * a phrase of the sentence ("по данным", "по словам", "по ходатайству
 * следствия") rather than what a body does ("по обороне"). */
bool rustem_po_phrase(const char *norm, size_t len);

/* Whether preposition `norm`, after "по" and a noun, links what a body does
 * to its object, the normalized word `next` following: "по борьбе с
 * коррупцией", "по контролю за", "над", "по надзору в сфере", "в области". */
bool rustem_po_link(const char *norm, const char *next);

/* The titles in lower case between "имени" and the name it bears ("имени
 * академика Е. Н. Мешалкина"), normalized, each between spaces. */
extern const char rustem_eponym_titles[];

/* Whether normalized Russian word `norm` (`len` bytes) is one of
 * rustem_eponym_titles. */
bool rustem_eponym_title(const char *norm, size_t len);

/* Whether normalized Russian word `norm` (`len` bytes) names people by
 * their role ("заместитель", "прокуроры", "сотрудники", "жители", "ученые"),
 * which ends a body's name before it ("Министерства обороны | заместитель
 * министра") and opens none ("Жители Подмосковья"). Not in the genitive
 * plural, which names a body's members ("Союз журналистов", "Кабинет
 * министров"). */
bool rustem_person_role(const char *norm, size_t len);

/* Whether normalized Russian word `norm` (`len` bytes) ends as only an
 * adjective does ("железнодорожных", "местная"; not "-ой", "-ей", "-ым",
 * "-им", "-ом", which nouns' cases share: "главой", "данным"). */
bool rustem_adjective_only(const char *norm, size_t len);

/* Normalized words `a` and `b` end in the same letter, as words in one case
 * do ("Владимира Мазура", "Уральского государственного"). */
bool rustem_same_last_letter(const char *a, const char *b);

/* The abbreviations of legal forms before a company's or an institution's
 * name ("ООО", "ПАО", "ГКУ", "ТОО", "ОсОО"), normalized, each between
 * spaces: no name of their own. */
extern const char rustem_legal_forms[];

/* Whether normalized word `norm` (`len` bytes) is one of rustem_legal_forms. */
bool rustem_legal_form(const char *norm, size_t len);

/* Whether normalized Russian word `norm` (`len` bytes) names a kind of
 * settlement in the singular ("города", "г", "селе", "кишлака", "станицей"),
 * as a settlement's name follows it. */
bool rustem_settlement_kind(const char *norm, size_t len);

/* Whether normalized Russian word `norm` (`len` bytes) is an adverb that
 * may follow a name as a noun would ("делам вчера", "человека также"), or
 * ends in the "-но" of adverbs and short participles ("совместно",
 * "задержано"): no word of a body's name. */
bool rustem_adverb_like(const char *norm, size_t len);

#endif
