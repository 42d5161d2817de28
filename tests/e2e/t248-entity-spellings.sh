#!/bin/sh
# An entity the gazetteer lacks is named as its texts spell it, never by its
# key (transliterated stems): in facets, entity lists, entity cards and what
# an entity appears with. Of its spellings, the one reading most as a
# Russian nominative, then the one most documents use. Only documents the
# index holds name it: a run that removes, changes or forgets them changes
# the name, and a fresh build in batches or a sharded index names it alike.
. "$(dirname "$0")/lib.sh"

RU=$TMP/ru
RU2=$TMP/ru2
mkdir -p "$RU" "$RU2"
# The district in the nominative (a) and in two other cases (a, b); the
# research centre in the genitive here, in the nominative only in the other
# folder (e); the ministry's office in two cases as unlike a nominative, one
# of them in more documents (c, d: prepositional; f: genitive).
cat > "$RU/a.txt" <<'EOF'
Новые автобусы для района

Кувандыкский городской округ получил новые автобусы. Глава Кувандыкского городского округа рассказал, что специалисты Уфимского федерального исследовательского центра РАН обследовали дамбу.
EOF
cat > "$RU/b.txt" <<'EOF'
Паводок подступил к домам

В Кувандыкском городском округе подтоплены дома. Жители Кувандыкского городского округа эвакуированы.
EOF
cat > "$RU/c.txt" <<'EOF'
Тайфун идет к побережью

В Главном управлении МЧС по Приморскому краю сообщили о приближении тайфуна.
EOF
cat > "$RU/d.txt" <<'EOF'
Штормовое предупреждение

В Главном управлении МЧС по Приморскому краю предупредили рыбаков о шторме.
EOF
cat > "$RU/f.txt" <<'EOF'
Учения спасателей

Сотрудники Главного управления МЧС по Приморскому краю провели учения.
EOF
cat > "$RU2/e.txt" <<'EOF'
Лаборатория открыта

Уфимский федеральный исследовательский центр РАН открыл новую лабораторию.
EOF

DISTRICT='Кувандыкский городской округ'
DISTRICT_GEN='Кувандыкского городского округа'
CENTRE='Уфимский федеральный исследовательский центр РАН'
CENTRE_GEN='Уфимского федерального исследовательского центра РАН'
OFFICE_PREP='Главном управлении МЧС по Приморскому краю'
OFFICE_GEN='Главного управления МЧС по Приморскому краю'
Q='автобусы OR паводок OR тайфун OR шторм OR учения OR лаборатория'

# has DESC WANT FILE / lacks DESC TEXT FILE: a fixed string in FILE, or not.
has() {
    if grep -qF -- "$2" "$3"; then ok "$1"; else not_ok "$1" "no [$2] in: $(head -c 600 "$3")"; fi
}
lacks() {
    if grep -qF -- "$2" "$3"; then not_ok "$1" "[$2] in: $(grep -F -- "$2" "$3" | head -c 300)"
    else ok "$1"; fi
}
# names S: what socket S shows for every entity, one answer after another:
# the facets (JSON), the entity list, and three cards.
names() {
    "$BIN/seek" --socket "$1" --json --facets --no-snippets "$Q" \
        | sed 's/,"took_ms":[0-9.e-]*//' | grep -o '"facets":.*'
    "$BIN/seek" --socket "$1" --entities --limit 100
    "$BIN/seek" --socket "$1" --entity "$DISTRICT_GEN"
    "$BIN/seek" --socket "$1" --entity "$CENTRE_GEN"
    "$BIN/seek" --socket "$1" --entity "$OFFICE_GEN"
}

check "index two folders" index -q "$RU" "$RU2"
start_daemon || exit 1
names "$SOCK" > "$TMP/all"
"$BIN/seek" --socket "$SOCK" --json --facets --no-snippets "$Q" > "$TMP/facets"
# The key's capitalized stems, as shown before texts named entities.
for key in Kuvandyksk Ufimsk Glavn; do
    lacks "no key is shown ($key)" "$key" "$TMP/all"
done
has "facets name the district as the text does" "{\"type\":\"place\",\"name\":\"$DISTRICT\",\"count\":2}" "$TMP/facets"
has "facets name the centre in the nominative of the other folder" "\"name\":\"$CENTRE\"" "$TMP/facets"
has "facets name the office as most documents spell it" "\"name\":\"$OFFICE_PREP\",\"count\":3" "$TMP/facets"
seek --entities --limit 100 > "$TMP/list"
has "the entity list names the district" "place   $DISTRICT" "$TMP/list"
has "the entity list names the office" "org     $OFFICE_PREP" "$TMP/list"
seek --entity "$DISTRICT_GEN" > "$TMP/card"
has "a card asked for in the genitive is named in the nominative" "$DISTRICT (place), mentioned in 2 documents" "$TMP/card"
grep '^appears with:' "$TMP/card" > "$TMP/with"
has "what the district appears with is named as written" "$CENTRE (1)" "$TMP/with"
# A document seen with the district only in oblique cases names it by the
# one most like a nominative (genitive rather than prepositional).
seek --json --no-snippets 'паводок' > "$TMP/hit"
has "a hit names the district as its text does at best" "\"name\":\"$DISTRICT_GEN\"" "$TMP/hit"
# A filter written in another case finds the same documents.
expect_eq "a filter in the prepositional finds both" "a,b" "$(ids "place:\"Кувандыкском городском округе\"")"

# A changed document's spelling replaces its old one: d now spells the office
# in the genitive, which two documents then use.
sed -i 's/В Главном управлении/Сотрудники Главного управления/' "$RU/d.txt"
check "an incremental run after a change" index -q "$RU" "$RU2"
seek --entities --limit 100 > "$TMP/list"
has "the spelling most documents now use is shown" "org     $OFFICE_GEN" "$TMP/list"
lacks "the one fewer use now is not" "$OFFICE_PREP" "$TMP/list"

# The only document naming the district in the nominative goes: the spelling
# left is the genitive; the nominative is shown nowhere.
mv "$RU/a.txt" "$TMP/a.txt"
check "an incremental run removing a" index -q "$RU" "$RU2"
names "$SOCK" > "$TMP/all"
lacks "the removed document's spelling is shown nowhere" "$DISTRICT" "$TMP/all"
has "the district is named by the spelling left" "$DISTRICT_GEN (place), mentioned in 1 document" "$TMP/all"
# Then the last one: the district is no entity of the index any more.
mv "$RU/b.txt" "$TMP/b.txt"
check "an incremental run removing b" index -q "$RU" "$RU2"
seek --entities --limit 100 > "$TMP/list"
lacks "a district no document names is not listed" "Кувандык" "$TMP/list"
lacks "nor by its key" "Kuvandyk" "$TMP/list"
mv "$TMP/a.txt" "$TMP/b.txt" "$RU/"
check "both back" index -q "$RU" "$RU2"

# Forgetting a folder forgets its spellings: the centre's nominative was
# only in ru2.
check "forget ru2" index -q --forget "$RU2"
names "$SOCK" > "$TMP/all"
lacks "a forgotten folder's spelling is shown nowhere" "$CENTRE" "$TMP/all"
has "the centre is named as the folder left spells it" "$CENTRE_GEN (org), mentioned in 1 document" "$TMP/all"
check "ru2 back" index -q "$RU" "$RU2"
names "$SOCK" > "$TMP/incremental"
stop_daemon

# A fresh build in batches of one document (merged by compaction) and a
# sharded index name every entity as the incrementally built one does.
"$BIN/seekd-index" -q --index "$TMP/batched" --batch 1 "$RU" "$RU2" 2>"$TMP/err"
expect_eq "a fresh build in batches of one" 0 "$?"
INDEX=$TMP/batched
start_daemon || exit 1
names "$SOCK" > "$TMP/batched.out"
stop_daemon
expect_eq "batches merged name entities alike" "" "$(diff "$TMP/incremental" "$TMP/batched.out")"
"$BIN/seekd-index" -q --index "$TMP/sharded" --shards 3 "$RU" "$RU2" 2>"$TMP/err"
expect_eq "a build in three shards" 0 "$?"
INDEX=$TMP/sharded
start_daemon || exit 1
names "$SOCK" > "$TMP/sharded.out"
has "shards name the office as most documents spell it" "org     $OFFICE_GEN" "$TMP/sharded.out"
lacks "shards show no key" "Glavn" "$TMP/sharded.out"
stop_daemon
finish
