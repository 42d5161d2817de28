/* Unit tests for lib/entity/runames.c: Russian one-word names typed by a
 * geographic or organization word before them or by a list with a known
 * place, regions named by an adjective (also two sharing one region word),
 * names in guillemets (teams in sport news), a dateline's agency, Latin
 * names after an organization word, pairs of places; what is left alone;
 * random token arrays for safety.
 * Does not test running out of memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "entity/runames.h"
#include "text/token.h"
#include "entity_fixtures.h"

/* The hits in s as "type:text[+head]" joined by "|". */
static void expect(const char *s, const char *places, const char *taken, const char *want)
{
    tok_doc d;
    runames_hit *h;
    char got[1024] = "";
    size_t at = 0;
    tok_doc_open(&d, s, places, taken);
    long n = runames_find(d.text, d.len, d.toks, d.n, d.taken, d.place, &h);
    assert_true(n >= 0);
    for (long k = 0; k < n; k++) {
        size_t a = d.toks[h[k].first].start, b = d.toks[h[k].first + h[k].n - 1].end;
        at += (size_t)snprintf(got + at, sizeof got - at, "%s%c:%.*s", k ? "|" : "",
                               (char)h[k].type, (int)(b - a), d.text + a);
        if (h[k].head != (size_t)-1)
            at += (size_t)snprintf(got + at, sizeof got - at, "+%.*s",
                                   (int)(d.toks[h[k].head + h[k].head_n - 1].end
                                         - d.toks[h[k].head].start),
                                   d.text + d.toks[h[k].head].start);
    }
    free(h);
    tok_doc_close(&d);
    if (strcmp(got, want))
        fail_msg("%s\n  got:  %s\n  want: %s", s, got, want);
}

static void test_geographic_word(void **state)
{
    (void)state;
    expect("Мост через реку Гунт открыт.", NULL, NULL, "l:Гунт");
    expect("на реке Вахш и в городе Нурек", NULL, NULL, "l:Вахш|l:Нурек");
    expect("добыча на месторождениях Тенгиз и Кашаган выросла", NULL, NULL, "l:Тенгиз|l:Кашаган");
    expect("порт Актау принял танкер", NULL, NULL, "l:Актау");
    expect("станция на берегу Айдаркуля заработает", NULL, NULL, "l:Айдаркуля");
    /* The region it lies in may follow it. */
    expect("у села Сотк Гегаркуникской области", NULL, NULL,
           "l:Сотк|l:Гегаркуникской области");
    expect("у села Сотк Гегаркуникской", NULL, NULL, "");
    /* Both ends of a route's "A - B". */
    expect("реконструкция участка Ахалкалаки - Марабда завершена", NULL, NULL,
           "l:Ахалкалаки|l:Марабда");
    /* Districts, provinces and states too. */
    expect("дворы в микрорайонах Бывалово и Лукьяново", NULL, NULL, "l:Бывалово|l:Лукьяново");
    expect("поставки в провинцию Хэйлунцзян выросли", NULL, NULL, "l:Хэйлунцзян");
    expect("практика на озере Хубсугул и в пустыне Гоби", NULL, NULL, "l:Хубсугул|l:Гоби");
    /* A plural in -ов before a list; the word opening a sentence. */
    expect("жители поселков Рогун и Нурек", NULL, NULL, "l:Рогун|l:Нурек");
    expect("Вода пришла. Поселок Нурек затоплен.", NULL, NULL, "l:Нурек");
    expect("Река Лена вскрылась.", NULL, NULL, "l:Лена");
    /* Capitalized inside a sentence, it is a name's first word. */
    expect("где Поселок Нурек", NULL, NULL, "");
    /* A two-word name is name detection's; Latin is not read. */
    expect("в городе Нижний Тагил", NULL, NULL, "");
    expect("on the river Thames", NULL, NULL, "");
}

static void test_lists(void **state)
{
    (void)state;
    expect("пациентов из Мозыря, Речицы и Жлобина примут", "Мозыря", NULL, "l:Речицы|l:Жлобина");
    /* Georgia's municipalities are regions. */
    expect("урожай в Телавском муниципалитете вырос", NULL, NULL, "l:Телавском муниципалитете");
    /* An institution's head in the list is none of its places: a
     * university by its city (the gazetteer's) or by whom it is named after. */
    expect("подписали Университет Сан-Паулу, Университет имени Неру", "Сан-Паулу", "Сан-Паулу",
           "o:Университет|o:Университет имени Неру");
    expect("гости из Чолпон-Аты и Каракола", "Каракола", NULL, "l:Чолпон-Аты");
    /* No known place in the list; a list at a sentence's start. */
    expect("встреча с Ивановым и Петровым прошла", NULL, NULL, "");
    expect("Ранее, Россия и Китай", "Россия Китай", NULL, "");
    expect("Ранее Петров, Россия и Китай", "Россия Китай", NULL, "");
}

static void test_regions(void **state)
{
    (void)state;
    expect("дороги Ошской области", NULL, NULL, "l:Ошской области");
    /* A faculty's adjectives, not a plural that names people before them. */
    expect("вчера ученые биологического факультета БГУ сообщили", NULL, NULL,
           "o:БГУ|o:биологического факультета БГУ");
    /* A body in lower case of a region the gazetteer lacks. */
    expect("вчера хокимият Юнусабадского района принял работы", NULL, NULL,
           "l:Юнусабадского района|o:хокимият Юнусабадского района");
    /* A department by what it does, with its region or known place; not
     * without either. */
    expect("руководитель управления здравоохранения Павлодарской области получила", NULL, NULL,
           "l:Павлодарской области|o:управления здравоохранения Павлодарской области");
    expect("данные департамента образования Москвы показали", "Москвы", NULL,
           "o:департамента образования Москвы");
    expect("данные департамента образования показали", NULL, NULL, "");
    expect("начальник департамента по чрезвычайным ситуациям Акмолинской области сообщил", NULL,
           NULL, "l:Акмолинской области|o:департамента по чрезвычайным ситуациям Акмолинской области");
    expect("начальник департамента по чрезвычайным ситуациям сообщил", NULL, NULL, "");
    /* An adverb opens no name; a compound's first part may end as one. */
    expect("Он уехал. Ранее Суд Ошской области приговорил", NULL, NULL,
           "l:Ошской области|o:Суд Ошской области");
    /* A district named after someone; a village of a district. */
    expect("задержали в Бободжон Гафуровском районе вчера", NULL, NULL,
           "l:Бободжон Гафуровском районе");
    expect("жители села Кок-Таш Баткенского района", NULL, NULL, "l:Кок-Таш|l:Баткенского района");
    /* A district whose adjective is made from no place's name; not its
     * kind before its own name, nor a sentence's first word. */
    expect("вода пришла в Притобольном районе вчера", NULL, NULL, "l:Притобольном районе");
    expect("со стороны Автономного района Внутренняя Монголия", NULL, NULL, "");
    expect("Центральном районе прошли выборы", NULL, NULL, "");
    expect("в Брестской и Гродненской областях", NULL, NULL,
           "l:Брестской+областях|l:Гродненской областях");
    expect("в Улетовском, Читинском и Красночикойском районах", NULL, NULL,
           "l:Улетовском+районах|l:Читинском+районах|l:Красночикойском районах");
    expect("в Улетовском, Читинском, Москве", NULL, NULL, "");
    /* The kind the list's regions share too. */
    expect("жителей Шебекинского и Грайворонского городских округов", NULL, NULL,
           "l:Шебекинского+городских округов|l:Грайворонского городских округов");
    /* A geographic feature named by its adjective; not in a list. */
    expect("лавины сошли в Алагирском ущелье вчера", NULL, NULL, "l:Алагирском ущелье");
    expect("засуха в Кулундинской степи и на Васильевском острове", NULL, NULL,
           "l:Кулундинской степи|l:Васильевском острове");
    expect("отдых на Телецком озере", NULL, NULL, "l:Телецком озере");
    expect("в Северном ущелье", NULL, NULL, "");
    expect("в Кармадонском и Куртатинском ущельях", NULL, NULL,
           "l:Кармадонском+ущельях|l:Куртатинском ущельях");
    /* A city's case is no region's adjective. */
    expect("экс-главы Партизанска и Ханкайского района", NULL, NULL, "l:Ханкайского района");
    /* Commas alone; a plural region word in "-ов"/"-ев"; the towns the
     * gazetteer read in the adjectives give way. */
    expect("из Свердловской, Челябинской, Тюменской областей", "Свердловской Челябинской", NULL,
           "l:Свердловской+областей|l:Челябинской+областей|l:Тюменской областей");
    expect("Приморского и Хабаровского краев", NULL, NULL,
           "l:Приморского+краев|l:Хабаровского краев");
    expect("в Иссык-Кульской и Жалал-Абадской областях", NULL, NULL,
           "l:Иссык-Кульской+областях|l:Жалал-Абадской областях");
    expect("в Варзобском районе", NULL, NULL, "l:Варзобском районе");
    /* A kind of municipality between the adjective and its word; the
     * region words of the region's other states. */
    expect("в Кувандыкском городском округе", NULL, NULL, "l:Кувандыкском городском округе");
    expect("главе Лазовского муниципального округа", NULL, NULL, "l:Лазовского муниципального округа");
    expect("население Заневского городского поселения", NULL, NULL,
           "l:Заневского городского поселения");
    expect("с Дашогузским велаятом", NULL, NULL, "l:Дашогузским велаятом");
    expect("в Кувандыкском городском парке", NULL, NULL, "");
    /* Not an adjective, not a region word, taken by the gazetteer. */
    expect("в Бишкек области", NULL, NULL, "");
    expect("Ошской команды", NULL, NULL, "");
    expect("в Согдийской области", NULL, "Согдийской области", "");
    /* A city the adjective meets gives way ("Актюбинской" meets Актюбинск). */
    expect("районы Актюбинской и Западно-Казахстанской областей", "Актюбинской", NULL,
           "l:Актюбинской+областей|l:Западно-Казахстанской областей");
    expect("в Актюбинской области", "Актюбинской", NULL, "l:Актюбинской области");
    /* The region word said once for two: the second adjective alone. */
    expect("стала Минская область, на втором месте — Гродненская.", NULL, NULL,
           "l:Минская область|l:Гродненская+область");
    expect("стала Минская область, второй — Гродненский.", NULL, NULL, "l:Минская область");
    expect("Минская область. Гродненская.", NULL, NULL, "l:Минская область");
}

static void test_guillemets(void **state)
{
    (void)state;
    expect("Футбольный клуб «Астана» победил", "Астана", NULL, "o:Астана");
    expect("госкорпорации «Росатом» сообщили", NULL, NULL, "o:Росатом");
    expect("в парке «Сокольники» прошел", NULL, NULL, "l:Сокольники");
    expect("об этом сообщили «Фонтанке» в театре", NULL, NULL, "o:Фонтанке");
    expect("«Кайрат» проиграл и «Ордабасы» тоже", NULL, NULL, "n:Кайрат|n:Ордабасы");
    /* Unclosed; at the text's very end. */
    expect("клуб «Астана победил", NULL, NULL, "");
    expect("клуб «Астана", NULL, NULL, "");
    expect("клуб «Астана»", NULL, NULL, "o:Астана");
    expect("поставки ведет компания «Газпром экспорт».", NULL, "Газпром", "o:Газпром экспорт");
    /* Several words: after an organization word they may hold a name the
     * gazetteer took; untyped, only when every word is capitalized. */
    expect("компания «Газпром экспорт» начала", NULL, "Газпром", "o:Газпром экспорт");
    expect("нападающий «Манчестер Сити» забил", "Манчестер", NULL, "n:Манчестер Сити");
    expect("фестиваль «Славянский базар в Витебске» открылся", "Витебске", NULL, "");
    expect("проект «Перекресток мира» обсудили", NULL, NULL, "n:Перекресток мира");
    /* A legal form is an organization word; a list of names in guillemets
     * after one is a list of organizations. */
    expect("ГПО «Белэнерго» подписало", NULL, NULL, "o:Белэнерго");
    expect("практику пройдут в ППК «Роскадастр» вчера", NULL, NULL, "o:ППК «Роскадастр|o:Роскадастр");
    /* Whatever its first word: an institution's head is no name of its own
     * in the guillemets. */
    expect("закупки идут через ГКУ «Центр организации закупок» вчера", NULL, NULL,
           "o:ГКУ «Центр организации закупок|o:Центр организации закупок");
    expect("АО НК «КазМунайГаз» и", NULL, NULL, "o:КазМунайГаз");
    expect("подписал акты с ОсОО «Южстройсервис» на", NULL, NULL,
           "o:ОсОО «Южстройсервис|o:Южстройсервис");
    expect("прошли партии «Ак жол», «Ауыл» и «Аманат» тоже", NULL, NULL,
           "o:Ак жол|o:Ауыл|o:Аманат");
    expect("проекты «Север», «Юг» и «Запад» тоже", NULL, NULL, "n:Север|n:Юг|n:Запад");
    /* Words of the trade before a company's name; a domain's parts. */
    expect("Бюджетный перевозчик «Победа» продолжит", NULL, NULL, "o:Победа");
    expect("выделила ГК «ВЭБ.РФ».", NULL, NULL, "o:ГК «ВЭБ.РФ|o:ВЭБ.РФ");
    /* A name quoted inside, its closing mark shared or its own. */
    expect("в ОАО «Агрокомбинат «Холмеч» урожай", NULL, NULL,
           "o:ОАО «Агрокомбинат «Холмеч|o:Агрокомбинат «Холмеч");
    expect("в ОАО «Агрокомбинат «Холмеч»» урожай", NULL, NULL,
           "o:ОАО «Агрокомбинат «Холмеч|o:Агрокомбинат «Холмеч");
    expect("оператор «Мегафон» и застройщик «Самолет»", NULL, NULL, "o:Мегафон|o:Самолет");
    /* A list broken by other words is no list. */
    expect("партии «Ак жол», а затем «Ауыл» тоже", NULL, NULL, "o:Ак жол|n:Ауыл");
    /* Typewriter and typographic quotes are quotes too; a '"' right after
     * a word closes, it opens nothing. */
    expect("казахстанскому ТОО \"Актобе Пайп Трейд\" отказали", NULL, NULL,
           "o:ТОО \"Актобе Пайп Трейд|o:Актобе Пайп Трейд");
    expect("прошли партии \"Ак жол\", \"Ауыл\" и „Аманат“ тоже", NULL, NULL,
           "o:Ак жол|o:Ауыл|o:Аманат");
    expect("клуб \"Астана\"победил", NULL, NULL, "o:Астана");
    expect("клуб Астана\"победил\"", NULL, NULL, "");
}

/* Organizations named by adjectives and a head noun, then the genitive
 * words of their names and their place. */
static void test_org_phrases(void **state)
{
    (void)state;
    expect("решение Евразийского межправительственного совета в мае", NULL, NULL,
           "o:Евразийского межправительственного совета");
    /* Its owner stays within the sentence. */
    expect("одобрил Муниципальный совет Кишинёва. Новые троллейбусы", "Кишинёва Новые", NULL,
           "o:Муниципальный совет Кишинёва");
    /* A name in guillemets after a dateline's date and a dash: its agency. */
    expect("Кишинёв, 19 февраля – «Новости-Молдова». Тендер объявлен.", "Кишинёв", NULL,
           "o:Новости-Молдова");
    /* Its adjectives agree; a place's case before a phrase is none. */
    expect("переправить через границу с Ираном крупную партию наркотиков", "Ираном", NULL, "");
    expect("решение Гродненской и Сморгонской пограничных групп в мае", NULL, NULL,
           "o:Сморгонской пограничных групп");
    expect("депутаты Народной партии Казахстана одобрили", "Казахстана", NULL,
           "o:Народной партии Казахстана");
    expect("в парламент прошла Общенациональная социал-демократическая партия", NULL, NULL,
           "o:Общенациональная социал-демократическая партия");
    /* With "имени" and a name, both ways news writes it. */
    expect("филиал Российского университета дружбы народов имени Лумумбы", NULL, NULL,
           "o:Российского университета дружбы народов"
           "|o:Российского университета дружбы народов имени Лумумбы");
    /* A verb ends the name. */
    expect("подразделения Центрального военного округа прибыли на базу", NULL, NULL,
           "o:Центрального военного округа");
    /* At a sentence's start only an adjective made from a name begins one. */
    expect("Ошский государственный университет открыл", NULL, NULL,
           "o:Ошский государственный университет");
    expect("задержали военнослужащие Лидской пограничной группы", NULL, NULL,
           "o:Лидской пограничной группы");
    expect("Новая партия создана.", NULL, NULL, "");
    /* Or a name that ends with its place. */
    expect("Арбитражный суд Москвы взыскал", "Москвы", NULL, "o:Арбитражный суд Москвы");
    expect("Новый суд Москвы", NULL, NULL, "");
    expect("учится в Белорусском государственном медицинском университете", NULL, NULL,
           "o:Белорусском государственном медицинском университете");
    /* No head noun, lower case, a region word, a known name. */
    expect("и Российская сторона заявила", NULL, NULL, "");
    expect("и российская партия заявила", NULL, NULL, "");
    expect("в Ошской области", NULL, NULL, "l:Ошской области");
    expect("явка в Завханском аймаке выше", NULL, NULL, "l:Завханском аймаке");
    expect("и Евразийский банк развития", NULL, "Евразийский", "");
    /* Institutions of every kind, in any case. */
    expect("планы Большого театра на сезон", NULL, NULL, "o:Большого театра");
    expect("Начальник Московского метрополитена Иван Петров", NULL, NULL,
           "o:Московского метрополитена");
    expect("рабочие Новолипецкого металлургического комбината вышли", NULL, NULL,
           "o:Новолипецкого металлургического комбината");
    expect("решением Краснодарского краевого суда от", NULL, NULL,
           "o:Краснодарского краевого суда");
    /* A city the gazetteer read in the adjective gives way. */
    expect("корпус Омского государственного медицинского университета открыт", "Омского", NULL,
           "o:Омского государственного медицинского университета");
    expect("в Омском районе", "Омском", NULL, "l:Омском районе");
    /* A council's head may be capitalized; a country's "Федерация" is no
     * head so written. */
    expect("решение приняла Вологодская городская Дума вчера", NULL, NULL,
           "o:Вологодская городская Дума");
    expect("и Европейское региональное бюро ВОЗ", NULL, "ВОЗ", "o:Европейское региональное бюро ВОЗ");
    expect("граница Российская Федерация", NULL, NULL, "");
    /* A number goes on an institution's name; a plural's genitive without
     * an ending is a word of one. */
    expect("доставлен в Детскую городскую больницу N 1 с травмой", NULL, NULL,
           "o:Детскую городскую больницу N 1");
    expect("доставлен в Городскую клиническую больницу № 5 с травмой", NULL, NULL,
           "o:Городскую клиническую больницу № 5");
    expect("доставлен в Городскую клиническую больницу №5 с травмой", NULL, NULL,
           "o:Городскую клиническую больницу №5");
    /* A unit or institution named by its ordinal, adjectives and head;
     * an ordinal before any other noun names nothing. */
    expect("прибыли военнослужащие 38-й отдельной гвардейской десантно-штурмовой бригады, из",
           NULL, NULL, "o:38-й отдельной гвардейской десантно-штурмовой бригады");
    expect("Дело рассмотрел 2-й Западный окружной военный суд вчера", NULL, NULL,
           "o:2-й Западный окружной военный суд");
    expect("его доставили в 5-ю городскую больницу", NULL, NULL, "o:5-ю городскую больницу");
    expect("командование 201-й российской военной базы Центрального военного округа вчера", NULL,
           "Центрального военного округа",
           "o:201-й российской военной базы|o:201-й российской военной базы Центрального военного округа");
    expect("во 2-м туре выборов и в 5-м классе школы", NULL, NULL, "");
    expect("на 2-й базе", NULL, NULL, "");
    /* Four adjectives before the head; a branch ("отделение") with its
     * owner. */
    expect("выступил Тбилисский государственный академический русский драматический театр вчера",
           NULL, NULL, "o:Тбилисский государственный академический русский драматический театр");
    expect("сообщили в Иркутском региональном отделении Российского Красного Креста.", NULL,
           "Российского Красного Креста",
           "o:Иркутском региональном отделении Российского Красного Креста");
    /* A capitalized head right after its adjective, before its owner. */
    expect("решение Народного Собрания Республики Дагестан вступило", "Республики Дагестан", NULL,
           "o:Народного Собрания Республики Дагестан");
    expect("решение Народного Собрания вступило", NULL, NULL, "");
    /* What a body does after its owner goes on its name, but no "по"
     * of who speaks. */
    expect("сотрудничества с Бюро ОБСЕ по демократическим институтам и правам человека, эксперты",
           NULL, "ОБСЕ", "o:Бюро ОБСЕ по демократическим институтам и правам человека");
    /* A unit for a part of the world, named by it and its body. */
    expect("возглавлял директор Департамента Северной Америки МИД России Дмитрий Ларин",
           "Северной Америки России", "МИД России",
           "o:Департамента Северной Америки МИД России");
    /* Directorates, secretariats and offices ("ведомство") are bodies. */
    expect("при содействии Федерального ведомства по экономике и экспортному контролю", NULL,
           NULL, "o:Федерального ведомства по экономике и экспортному контролю");
    expect("пожарных Генеральной дирекции лесного хозяйства", NULL, NULL,
           "o:Генеральной дирекции лесного хозяйства");
    /* An adverb after it is no word of it. */
    expect("в Бюро ОБСЕ по демократическим институтам и правам человека также направлено",
           NULL, "ОБСЕ", "o:Бюро ОБСЕ по демократическим институтам и правам человека");
    expect("как сообщили в Управлении ООН по словам экспертов", NULL, "ООН", "");
    /* An acronym's owner goes on the name it owns. */
    expect("приняло Генеральное управление миграции МВД Турции вчера", "Турции", "МВД",
           "o:Генеральное управление миграции МВД Турции");
    /* A body named inside a longer name is a name of its own. */
    expect("соглашение с Институтом физики высоких энергий Китайской академии наук.", NULL, NULL,
           "o:Институтом физики высоких энергий Китайской академии наук|o:Китайской академии наук");
    expect("соглашение с Фондом Шелкового пути.", NULL, NULL, "o:Фондом Шелкового пути");
    /* A unit in lower case with words of its own and a known owner. */
    expect("на физическом факультете НГУ открыта", NULL, "НГУ", "o:физическом факультете НГУ");
    expect("на базе факультета радиофизики и компьютерных технологий БГУ.", NULL, "БГУ",
           "o:факультета радиофизики и компьютерных технологий БГУ");
    expect("студенты факультета БГУ", NULL, "БГУ", "");
    expect("на физическом факультете университета", NULL, NULL, "");
    expect("доставлен в Городскую больницу N. 5", NULL, NULL, "o:Городскую больницу");
    expect("выпускник Ереванской государственной академии художеств Арсен", NULL, NULL,
           "o:Ереванской государственной академии художеств");
    expect("граница Российской Федерации", NULL, NULL, "");
}

/* An institution named by its head noun and the genitive words of its
 * name, "по" and what it does, "имени" and a name, its owner. */
static void test_institutions(void **state)
{
    (void)state;
    expect("подготовленных Институтом медико-биологических проблем РАН и", NULL, "РАН",
           "o:Институтом медико-биологических проблем РАН");
    /* An acronym no name took is an organization of its own too. */
    expect("подготовленных Институтом медико-биологических проблем РАН и", NULL, NULL,
           "o:РАН|o:Институтом медико-биологических проблем РАН");
    /* A list of what it studies or does, with commas, its last item after
     * "и"; a comma the sentence goes on after is no list. */
    expect("в Институте истории, языка и литературы РАН прошла", NULL, "РАН",
           "o:Институте истории, языка и литературы РАН");
    expect("Комиссия по экономике, бюджету и финансам одобрила", NULL, NULL,
           "o:Комиссия по экономике, бюджету и финансам");
    expect("в Институте истории, а также в музеях", NULL, NULL, "o:Институте истории");
    expect("в Институте истории, студенты и преподаватели", NULL, NULL, "o:Институте истории");
    /* A known organization in the genitive owns it; a person after it is
     * its head, no owner. */
    expect("председателем Постоянного комитета Союзного государства Сергеем", NULL,
           "Союзного государства", "o:Постоянного комитета Союзного государства");
    expect("ректор Казанского федерального университета Ильшат Гафуров", NULL, "Ильшат Гафуров",
           "o:Казанского федерального университета");
    /* Words that say what the name in guillemets after them is: the whole
     * is a name, and so is the name in guillemets. */
    expect("акции Национальной компании «КазМунайГаз» выросли", NULL, NULL,
           "o:Национальной компании «КазМунайГаз|o:КазМунайГаз");
    /* A name's adjective after a lower-case one; not right after the
     * sentence's first word. */
    expect("выступил Государственный академический Кубанский казачий хор в", NULL, NULL,
           "o:Государственный академический Кубанский казачий хор");
    expect("Ученые Уфимского федерального университета приехали", NULL, NULL,
           "o:Уфимского федерального университета");
    /* A state body owned by a municipality, its kind between. */
    expect("сообщает Администрация Кунгурского муниципального округа о ремонте", NULL, NULL,
           "l:Кунгурского муниципального округа|o:Администрация Кунгурского муниципального округа");
    expect("вчера Дума Находкинского городского округа избрала главу", NULL, NULL,
           "l:Находкинского городского округа|o:Дума Находкинского городского округа");
    /* After an acronym that owns it, a name in the nominative is another's. */
    expect("говорит сотрудник Института водных проблем РАН Сергей Лебедев", NULL,
           "РАН Сергей Лебедев", "o:Института водных проблем РАН");
    /* "и" before a capitalized word ends the name. */
    expect("кредиты дали Саудовский фонд развития и Фонд ОПЕК вчера", NULL, NULL,
           "o:Саудовский фонд развития");
    expect("данные Приморского управления по гидрометеорологии и мониторингу окружающей среды",
           NULL, NULL, "o:Приморского управления по гидрометеорологии и мониторингу окружающей среды");
    /* "с" and "за" go on what a body does; an adverb after it does not. */
    expect("обыски провели сотрудники Национального центра по борьбе с коррупцией совместно с",
           NULL, NULL, "o:Национального центра по борьбе с коррупцией");
    expect("санкции ввело Управление по контролю за иностранными активами вчера", NULL, NULL,
           "o:Управление по контролю за иностранными активами");
    expect("как установило Агентство по финансовому контролю и борьбе с коррупцией, ущерб",
           NULL, NULL, "o:Агентство по финансовому контролю и борьбе с коррупцией");
    /* People by their role end it; its members do not ("Союз журналистов"). */
    expect("обыск провели Национального центра по борьбе с коррупцией и прокуроры вчера", NULL,
           NULL, "o:Национального центра по борьбе с коррупцией");
    expect("связи с Агентством по контролю над наркотиками вчера", NULL, NULL,
           "o:Агентством по контролю над наркотиками");
    expect("проверку провела Федеральная служба по надзору в сфере связи вчера", NULL, NULL,
           "o:Федеральная служба по надзору в сфере связи");
    /* "по" and a phrase of the sentence is no part of the name. */
    expect("Баткенский районный суд по ходатайству следствия арестовал", NULL, NULL,
           "o:Баткенский районный суд");
    expect("экипаж прибыл в Центр подготовки космонавтов имени Юрия Гагарина в", NULL, NULL,
           "o:Центр подготовки космонавтов|o:Центр подготовки космонавтов имени Юрия Гагарина");
    /* An owner after the eponym. */
    expect("ученые Института катализа имени Г. К. Борескова РАН провели", NULL, NULL,
           "o:РАН|o:Института катализа имени Г. К. Борескова РАН|o:Института катализа|"
           "o:Института катализа имени Г. К. Борескова");
    expect("председатель Агентства по атомной энергии доложил", NULL, NULL,
           "o:Агентства по атомной энергии");
    expect("ученые Института ядерной физики создали", NULL, NULL, "o:Института ядерной физики");
    expect("бойцы Пограничных войск ГКНБ вчера", NULL, NULL, "o:ГКНБ|o:Пограничных войск ГКНБ");
    /* A capitalized adjective and its noun are words of the name; a
     * region's are no words of its own. */
    expect("меморандум подписал Фонд Шелкового пути вчера", NULL, NULL, "o:Фонд Шелкового пути");
    expect("сотрудники Фонда Московской области", NULL, NULL, "l:Московской области");
    expect("в рамках Организации экономического сотрудничества и", NULL, NULL,
           "o:Организации экономического сотрудничества");
    /* A country's central bank is named by its owner alone. */
    expect("договорились Банк Китая и Банк Англии", "Китая Англии", NULL,
           "o:Банк Китая|o:Банк Англии");
    expect("Институт ядерной физики создал", NULL, NULL, "o:Институт ядерной физики");
    /* A verb, "по" with nothing after it, a word of one letter end it. */
    expect("данные Комитета по сообщили", NULL, NULL, "");
    expect("решение Фонда поддержали в", NULL, NULL, "");
    /* At a sentence's start one genitive word is no name; nor is a head
     * without one. */
    expect("Центр города закрыт.", NULL, NULL, "");
    expect("сказали в Институте, что", NULL, NULL, "");
}

/* A name in guillemets in sport news is a team's; after a competition's
 * word it is no team. */
static void test_sport(void **state)
{
    (void)state;
    expect("«Карабах» обыграл «Кайрат» в ответном матче. Главный тренер доволен.", NULL, NULL,
           "o:Карабах|o:Кайрат");
    expect("Минское «Динамо» выиграло матч регулярного чемпионата", NULL, NULL, "o:Динамо");
    expect("в матче турнира «Кубок Кремля» тренер", NULL, NULL, "n:Кубок Кремля");
    /* One sport word, written twice, is no sport news. */
    expect("«Север» и «Юг» провели матч, второй матч позже", NULL, NULL, "n:Север|n:Юг");
}

/* The agency of a dateline below the headline, between slashes or
 * parentheses or after a dash; not the known one, not the story. */
static void test_dateline_agency(void **state)
{
    (void)state;
    expect("Заголовок\nБАКУ, 20 августа /Trend/. Текст", "БАКУ", NULL, "o:Trend");
    expect("Заголовок\nТАШКЕНТ, 15 октября (УзА) - В Самарканде", "ТАШКЕНТ", NULL, "o:УзА");
    expect("Заголовок\nБИШКЕК, 5 марта — Sputnik. Текст", "БИШКЕК", NULL, "o:Sputnik");
    expect("Заголовок\nДУШАНБЕ, 3 мая. АВЕСТА - Министр", "ДУШАНБЕ", NULL, "o:АВЕСТА");
    expect("Заголовок\nЕРЕВАН, 3 мая. /Новости-Армения/. Текст", "ЕРЕВАН", NULL,
           "o:Новости-Армения");
    expect("Заголовок\nМОСКВА, 14 марта. /ТАСС/. Поставки выросли", "МОСКВА", "ТАСС", "");
    expect("Заголовок\nТОМСК, 5 мая /РИА Томск/. Текст", "ТОМСК Томск", NULL, "o:РИА Томск");
    /* A channel: a place or a word and a number. */
    expect("Заголовок\nКраснодар, 8 июля (Кубань 24). Текст", "Краснодар Кубань", NULL,
           "o:Кубань 24");
    expect("Заголовок\nМОСКВА, 8 июля (Мир 24). Текст", "МОСКВА", NULL, "o:Мир 24");
    expect("Заголовок\nКраснодар, 8 июля (Кубань) сообщает", "Краснодар Кубань", NULL, "");
    /* A name in quotes goes on the agency's. */
    expect("Заголовок\nМАХАЧКАЛА, 5 мая /РИА \"Дагестан\"/. Текст", "МАХАЧКАЛА Дагестан", NULL,
           "o:РИА \"Дагестан");
    /* The place capitalized before the dateline's comma or dash; not a
     * sentence that starts with a place. */
    expect("Заголовок\nБаку, 9 июня /Тренд/. Текст", "Баку", NULL, "o:Тренд");
    expect("Заголовок\nБишкек – АКИpress. Делегации Казахстана встретились", "Бишкек Казахстана", NULL,
           "o:АКИpress");
    expect("Заголовок\nБаку (Азербайджан) принял гостей", "Баку", NULL, "");
    /* No dateline: the headline's line, a line that starts with no place. */
    expect("БАКУ /Trend/ заголовок", "БАКУ", NULL, "");
    expect("Заголовок\nСегодня (Trend) сообщил", NULL, NULL, "");
}

/* A Latin name after a Russian organization word. */
static void test_latin_org(void **state)
{
    (void)state;
    expect("взыскал с американской компании Google более", NULL, NULL, "o:Google");
    expect("акции банка HSBC Holdings упали", NULL, NULL, "o:HSBC Holdings");
    expect("Компания Apple представила", NULL, NULL, "o:Apple");
    expect("сообщил Google в понедельник", NULL, NULL, "");
}

/* A supervisory service: one word ending in "-надзор", in any case. */
/* A surname alone after its bearer's title is a person. */
static void test_surname_after_title(void **state)
{
    (void)state;
    expect("броски защитника Карпова решили", NULL, NULL, "p:Карпова");
    expect("заявление министра иностранных дел Иванова прозвучало", NULL, NULL, "p:Иванова");
    /* No title, no surname's shape, capitals, a sentence's start. */
    expect("жители Карпова приехали", NULL, NULL, "");
    expect("задержан житель Кемерова вчера", NULL, NULL, "");
    expect("защитника Москвы нет", NULL, NULL, "");
    expect("защитника КАРПОВА", NULL, NULL, "");
    /* A cleric is named by his church name after his title, with its
     * numeral. */
    expect("по благословению Святейшего Патриарха Кирилла", NULL, NULL, "p:Кирилла");
    expect("Католикос Всех Армян Гарегин II совершил", NULL, NULL, "p:Гарегин II");
    expect("архиепископ Мкртич Прошян сказал", NULL, NULL, "");
    /* A town in "-ск" after a title is whose the title is. */
    expect("экс-глава Партизанска ушел", NULL, NULL, "");
    expect("защитника Жуковского", NULL, NULL, "p:Жуковского");
    expect("Защитник. Карпов пришел", NULL, NULL, "");
}

static void test_supervisors(void **state)
{
    (void)state;
    expect("По данным Россельхознадзора, лаборатория", NULL, NULL, "o:Россельхознадзора");
    expect("Гостехнадзор проверил", NULL, NULL, "o:Гостехнадзор");
    expect("усилить надзор и Надзор", NULL, NULL, "");
}

/* One word made of the stems of a place and of what the body does, or of
 * three of what it does, in any case; not common words nor surnames. */
static void test_compounds(void **state)
{
    (void)state;
    expect("поезда производства Метровагонмаша из Мытищ", NULL, NULL, "o:Метровагонмаша");
    expect("По данным «Казгидромета», уровень", NULL, NULL, "o:Казгидромета");
    expect("договор с Белтелекомом подписан", NULL, NULL, "o:Белтелекомом");
    expect("Узбекнефтегаз увеличил добычу", NULL, NULL, "o:Узбекнефтегаз");
    expect("сотрудники Авиалесоохраны прибыли", NULL, NULL, "o:Авиалесоохраны");
    expect("Татнефть и Мосводоканал", NULL, NULL, "o:Татнефть|o:Мосводоканал");
    /* Two stems of what a body does, other letters, capitals, Latin. */
    expect("Транспорт и Автосервис, Аэропорт", NULL, NULL, "");
    expect("сказал Газманов и Нефтегазовый", NULL, NULL, "");
    expect("сказал РОСНЕФТЕГАЗ и Rosneftegaz", NULL, NULL, "");
    expect("Казахтелеком", NULL, "Казахтелеком", "");
}

/* A pair of places: "от A до B" and "между A и B". */
static void test_pairs(void **state)
{
    (void)state;
    expect("дороги от Решта до Астары", "Решта", NULL, "l:Астары");
    expect("пункт пропуска между Баграташеном и Садахло", NULL, NULL, "l:Баграташеном|l:Садахло");
    /* Neither known, and no route's word: people, say. */
    expect("встреча между Ивановым и Петровым прошла", NULL, NULL, "");
    expect("путь от Иванова до Петрова", NULL, NULL, "");
}

static unsigned long rng = 88172645463325252UL;
static unsigned next_rand(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* Token arrays no tokenizer would make: spans in any order, empty, reversed
 * or overlapping, over arbitrary bytes. Hits stay inside the array. */
static void test_random_tokens(void **state)
{
    static const char *const norms[] = {
        "", "и", "реке", "клуб", "области", "ошской", "брестской", "мозыря", "x", "областях",
    };
    (void)state;
    for (int round = 0; round < 5000; round++) {
        size_t len = 1 + next_rand(64), n = next_rand(24);
        char *text = malloc(len);
        names_tok *toks = malloc((n ? n : 1) * sizeof *toks);
        unsigned char *taken = malloc(n ? n : 1), *place = malloc(n ? n : 1);
        runames_hit *h;
        assert_true(text && toks && taken && place);
        for (size_t i = 0; i < len; i++)
            text[i] = next_rand(3) ? "А и,-. \xC2\xAB\xBB\xD0\x9E\xD0\xBE"[next_rand(14)]
                                   : (char)next_rand(256);
        for (size_t i = 0; i < n; i++) {
            toks[i] = (names_tok){ norms[next_rand(sizeof norms / sizeof *norms)],
                                   next_rand((unsigned)len + 1), next_rand((unsigned)len + 1) };
            taken[i] = next_rand(6) == 0;
            place[i] = taken[i] && next_rand(2);
        }
        long r = runames_find(text, len, toks, n, next_rand(2) ? taken : NULL,
                              next_rand(2) ? place : NULL, &h);
        assert_true(r >= 0);
        assert_true((r == 0) == (h == NULL));
        for (long k = 0; k < r; k++) {
            assert_true(h[k].n >= 1 && h[k].first + h[k].n <= n);
            assert_true(h[k].head == (size_t)-1 || h[k].head < n);
        }
        free(h);
        free(place);
        free(taken);
        free(toks);
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_geographic_word),
        cmocka_unit_test(test_lists),
        cmocka_unit_test(test_regions),
        cmocka_unit_test(test_guillemets),
        cmocka_unit_test(test_org_phrases),
        cmocka_unit_test(test_institutions),
        cmocka_unit_test(test_sport),
        cmocka_unit_test(test_dateline_agency),
        cmocka_unit_test(test_latin_org),
        cmocka_unit_test(test_surname_after_title),
        cmocka_unit_test(test_supervisors),
        cmocka_unit_test(test_compounds),
        cmocka_unit_test(test_pairs),
        cmocka_unit_test(test_random_tokens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
