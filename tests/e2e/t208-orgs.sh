#!/bin/sh
# Organizations of data/hand/orgs.tsv as the news writes them: inflected in
# Russian, in English, found by either script's name; a club named after its
# town is the club only with its club word, the town alone staying a place;
# a name a football and a hockey club share is the hockey club's in a KHL
# story and the football club's otherwise.
. "$(dirname "$0")/lib.sh"

R=$TMP/news/ru E=$TMP/news/en
mkdir -p "$R" "$E"
cat > "$R/bank.txt" <<'TXT'
МОСКВА, 5 декабря. /ТАСС/. Наблюдательный совет Сбербанка рекомендовал выплатить дивиденды, сообщила пресс-служба ПАО Сбербанк.
Акции Сбера и ВТБ подорожали на Московской бирже, отметили в Банке России.
TXT
cat > "$R/duma.txt" <<'TXT'
Законопроект поддержали фракции «Единой России», КПРФ и ЛДПР. Депутаты от «Справедливой России» воздержались.
TXT
cat > "$R/football.txt" <<'TXT'
ФК «Краснодар» обыграл «Спартак» в матче Российской премьер-лиги. Игра прошла в Краснодаре при полных трибунах.
TXT
cat > "$R/hockey.txt" <<'TXT'
«Спартак» уступил «Ак Барсу» в матче КХЛ: победную шайбу забросили в овертайме.
TXT
cat > "$R/city.txt" <<'TXT'
В Краснодаре открылась выставка сельскохозяйственной техники, сообщили в администрации города.
TXT
cat > "$R/committee.txt" <<'TXT'
МОСКВА, 3 марта. /ТАСС/. СК возбудил уголовное дело. Представитель СК сообщил об этом.
TXT
cat > "$R/ska.txt" <<'TXT'
САНКТ-ПЕТЕРБУРГ, 3 марта. /ТАСС/. СКА обыграл «Динамо» в матче КХЛ. Игроки СКА довольны.
TXT
cat > "$R/academy.txt" <<'TXT'
НОВОСИБИРСК, 3 марта. /ТАСС/. Ученые Сибирского отделения РАН испытали ускоритель.
TXT
cat > "$R/earlier.txt" <<'TXT'
Ранее сообщалось о новых испытаниях ускорителя.
TXT
cat > "$E/bank.txt" <<'TXT'
MOSCOW, Dec 5 (Reuters) - Sberbank, Russia's largest lender, said on Friday its profit rose 10%. Shares of VTB fell on the Moscow Exchange.
TXT
cat > "$E/football.txt" <<'TXT'
Liverpool FC beat Real Madrid 2-0 in the Champions League on Tuesday, and fans celebrated late into the night in Liverpool.
TXT
check "index the stories" index -q "$TMP/news"
start_daemon || exit 1
expect_eq "a bank inflected in Russian and named in English" "en/bank,ru/bank" "$(ids org:sberbank)"
expect_eq "found by its Russian short name too" "en/bank,ru/bank" "$(ids org:Сбер)"
expect_eq "an abbreviation in either script" "en/bank,ru/bank" "$(ids org:ВТБ)"
expect_eq "an exchange inflected" "en/bank,ru/bank" "$(ids 'org:"Moscow Exchange"')"
expect_eq "a central bank inflected" "ru/bank" "$(ids 'org:"Bank of Russia"')"
expect_eq "a party in guillemets, inflected" "ru/duma" "$(ids 'org:"United Russia"')"
expect_eq "a party by its abbreviation" "ru/duma" "$(ids org:cprf)"
expect_eq "and another" "ru/duma" "$(ids org:ЛДПР)"
expect_eq "and one more, inflected" "ru/duma" "$(ids 'org:"Справедливая Россия"')"
expect_eq "a club with its club word" "ru/football" "$(ids 'org:"FC Krasnodar"')"
expect_eq "the town alone is the place" "ru/city,ru/football" "$(ids place:krasnodar)"
expect_eq "a league inflected" "ru/football" "$(ids 'org:"Russian Premier League"')"
expect_eq "a shared club name outside hockey is the football club" "ru/football" \
    "$(ids 'org:"Spartak Moscow"')"
expect_eq "and in a KHL story the hockey club" "ru/hockey" "$(ids 'org:"HC Spartak Moscow"')"
expect_eq "a hockey club inflected" "ru/hockey" "$(ids 'org:"Ak Bars Kazan"')"
expect_eq "an English club with its club word" "en/football" "$(ids 'org:"Liverpool FC"')"
expect_eq "the city alone is the place" "en/football" "$(ids place:liverpool)"
expect_eq "Real Madrid is a club" "en/football" "$(ids 'org:"Real Madrid"')"
expect_eq "a short acronym in capitals is no other's inflection" "ru/ska" "$(ids org:СКА)"
expect_eq "nor the other way" "ru/committee" "$(ids org:СК)"
expect_eq "typed in lower case, a short acronym still" "ru/ska" "$(ids org:ска)"
expect_eq "an acronym in capitals, not a word that shares its letters (Ранее)" "ru/academy" \
    "$(ids 'org:"Российская академия наук"')"
expect_eq "the branch by its full name" "ru/academy" "$(ids 'org:"Siberian Branch of the Russian Academy of Sciences"')"
expect_eq "and names no Madrid" "" "$(ids place:madrid)"
echo "# t208-orgs.sh: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
