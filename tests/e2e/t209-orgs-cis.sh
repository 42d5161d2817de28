#!/bin/sh
# More organisations of data/hand/orgs.tsv as Russian news writes them:
# Russia's research centres, courts, theatres, museums and transport, the
# CIS states' ministries and agencies, inflected and found by their English
# names; ordinary words that share their stems (Большой, Энергия, a person
# named Шваб) name none of them.
. "$(dirname "$0")/lib.sh"

R=$TMP/news/ru E=$TMP/news/en
mkdir -p "$R" "$E"
cat > "$R/space.txt" <<'TXT'
Экипаж завершил подготовку в Центре подготовки космонавтов имени Гагарина. Двигатели корабля испытали в Курчатовском институте и Объединенном институте ядерных исследований.
TXT
cat > "$R/court.txt" <<'TXT'
Басманный районный суд Москвы арестовал бывшего чиновника. Защита обжаловала решение в Мосгорсуде, а дело о банкротстве компании рассматривает Арбитражный суд Москвы.
TXT
cat > "$R/culture.txt" <<'TXT'
Премьера балета прошла на исторической сцене Большого театра, а через неделю спектакль покажут в Мариинском театре. Тем временем в Эрмитаже и Третьяковской галерее открылись выставки.
TXT
cat > "$R/metro.txt" <<'TXT'
Московский метрополитен получил новые поезда Метровагонмаша, входящего в Трансмашхолдинг. В Петербургском метрополитене обновление подвижного состава отложили.
TXT
cat > "$R/cis.txt" <<'TXT'
Министерство по чрезвычайным ситуациям Узбекистана предупредило о сильном ветре. Казгидромет прогнозирует похолодание, сообщили в Министерстве энергетики Казахстана. В Маджлиси Оли обсудили закон, а Совет Республики Беларуси одобрил его.
TXT
cat > "$R/words.txt" <<'TXT'
Большой интерес вызвал доклад об энергетике. Энергия солнца дешевеет, сказал Клаус Шваб. Дарья ответила, что Пятерка лучших не изменилась.
TXT
cat > "$R/fchockey.txt" <<'TXT'
«Динамо Минск» обыграло СКА в матче КХЛ: победную шайбу забросили в третьем периоде.
TXT
cat > "$E/bodies.txt" <<'TXT'
MOSCOW, Dec 5 - The Gagarin Cosmonaut Training Centre said the crew was ready. the National Anti-Corruption Bureau of Ukraine and the European Bank for Reconstruction and Development were also named, as were the Bolshoi Theatre and RSC Energia.
TXT
check "index the stories" index -q "$TMP/news"
start_daemon || exit 1
expect_eq "a training centre inflected, named in English" "en/bodies,ru/space" \
    "$(ids 'org:"Gagarin Cosmonaut Training Centre"')"
expect_eq "an institute inflected" "ru/space" "$(ids 'org:"Kurchatov Institute"')"
expect_eq "and by its abbreviation" "ru/space" "$(ids org:ОИЯИ)"
expect_eq "a district court inflected" "ru/court" "$(ids 'org:"Basmanny District Court"')"
expect_eq "an arbitration court" "ru/court" "$(ids 'org:"Moscow Arbitration Court"')"
expect_eq "a theatre inflected, in either script" "en/bodies,ru/culture" "$(ids 'org:"Большой театр"')"
expect_eq "another theatre" "ru/culture" "$(ids 'org:"Mariinsky Theatre"')"
expect_eq "a museum inflected" "ru/culture" "$(ids 'org:"State Hermitage Museum"')"
expect_eq "a gallery inflected" "ru/culture" "$(ids 'org:"Tretyakov Gallery"')"
expect_eq "a metro" "ru/metro" "$(ids 'org:"Moscow Metro"')"
expect_eq "another metro inflected" "ru/metro" "$(ids 'org:"Saint Petersburg Metro"')"
expect_eq "a maker inflected" "ru/metro" "$(ids org:Metrowagonmash)"
expect_eq "and its holding" "ru/metro" "$(ids org:Трансмашхолдинг)"
expect_eq "a CIS ministry by its full name, inflected" "ru/cis" \
    "$(ids 'org:"Uzbek Ministry of Emergency Situations"')"
expect_eq "a CIS agency" "ru/cis" "$(ids org:Kazhydromet)"
expect_eq "a ministry inflected" "ru/cis" "$(ids 'org:"Kazakh Ministry of Energy"')"
expect_eq "a parliament" "ru/cis" "$(ids 'org:"Majlisi Oli"')"
expect_eq "a chamber" "ru/cis" "$(ids 'org:"Council of the Republic of Belarus"')"
expect_eq "an English name only" "en/bodies" "$(ids 'org:"National Anti-Corruption Bureau of Ukraine"')"
expect_eq "a bank's English name" "en/bodies" "$(ids org:EBRD)"
expect_eq "Большой alone is no theatre" "en/bodies,ru/culture" "$(ids 'org:"Bolshoi Theatre"')"
expect_eq "Энергия alone is no company" "en/bodies" "$(ids 'org:"RSC Energia"')"
expect_eq "Шваб is no holding" "" "$(ids org:Shvabe)"
expect_eq "a hockey club in a KHL story" "ru/fchockey" "$(ids 'org:"Dinamo Minsk"')"
echo "# t209-orgs-cis.sh: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
