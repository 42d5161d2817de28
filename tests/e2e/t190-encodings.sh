#!/bin/sh
# Files in the encodings the region's sites and tools write: Russian news in
# windows-1251, KOI8-R, CP866, ISO-8859-5, UTF-16 with and without a byte
# order mark and UTF-8 with one; Kazakh and Tajik in UTF-16 and UTF-8; French
# in windows-1252 and ISO-8859-15; HTML pages with and without a declared
# charset; a feed whose lines come in different encodings. Each must be
# indexed with its right title and found by a word typed in UTF-8. Files that
# are not text are skipped with one line each.
. "$(dirname "$0")/lib.sh"

SRC=$TMP/src
E=$CORPUS/enc
mkdir -p "$SRC" "$E"

cat > "$SRC/a.txt" <<'EOF'
Эмомали Рахмон принял участие в сессии Совета коллективной безопасности
Душанбе, 15 сентября. Президент Таджикистана Эмомали Рахмон принял участие в очередной сессии Совета коллективной безопасности Организации Договора о коллективной безопасности, которая прошла в столице республики.

Главы государств обсудили вопросы обеспечения безопасности на южных рубежах содружества, обстановку в Афганистане и меры по противодействию терроризму и незаконному обороту наркотиков. По итогам встречи лидеры подписали ряд документов, в том числе заявление о борьбе с международным терроризмом.

Выступая перед журналистами, Рахмон отметил, что организация будет и впредь укреплять коллективные силы оперативного реагирования. Следующая сессия Совета пройдёт в Минске.
EOF
cat > "$SRC/b.txt" <<'EOF'
Лукашенко провёл переговоры с генеральным секретарём ОДКБ
Минск, 3 марта. Президент Белоруссии Александр Лукашенко провёл переговоры с генеральным секретарём Организации Договора о коллективной безопасности. Стороны обсудили подготовку к предстоящим учениям и ход выполнения решений, принятых на прошлогоднем саммите.

По словам белорусского лидера, республика будет и дальше выполнять свои обязательства перед союзниками. Генеральный секретарь поблагодарил Минск за гостеприимство и сообщил, что следующее заседание комитета секретарей советов безопасности состоится осенью.
EOF
printf 'Лукашенко встретится с делегацией\n' > "$SRC/b-short.txt"
cat > "$SRC/c.txt" <<'EOF'
Учения миротворцев ОДКБ завершились в Казахстане
Алматы, 12 октября. Более трёх тысяч военнослужащих из шести государств приняли участие в учениях «Нерушимое братство». Военные отрабатывали освобождение заложников.
Қазақстан Қорғаныс министрлігі жаттығулар сәтті өткенін хабарлады, деді Тоқаев.
Вазорати мудофиаи Тоҷикистон низ дар машқҳо иштирок кард.
EOF
cat > "$SRC/d.txt" <<'EOF'
В Москве открылся саммит глав государств Содружества
Москва, 20 декабря. Главы государств Содружества Независимых Государств собрались в Москве на неформальный саммит. Владимир Путин приветствовал коллег и предложил обсудить вопросы экономического сотрудничества.

Ожидается, что лидеры примут совместное заявление о борьбе с терроризмом и экстремизмом. Журналисты сообщают, что переговоры продлятся до позднего вечера.
EOF
cat > "$SRC/f.txt" <<'EOF'
Réunion du Conseil à Douchanbé : « la sécurité d’abord »
Le président tadjik a présidé la réunion. Les délégués ont évoqué la sécurité régionale – et la coopération militaire – à l’été prochain.
EOF
cat > "$SRC/g.txt" <<'EOF'
Le sommet coûtera 5 € par délégué
Le ministre a précisé que la contribution de 5 € couvrira les frais de sécurité à Erevan.
EOF

# to FILE ENCODING [PREFIX]: the source in ENCODING, after the PREFIX bytes.
to() {
    src=$1 dst=$2 enc=$3
    printf "${4:-}" > "$E/$dst"
    iconv -f UTF-8 -t "$enc" "$SRC/$src" >> "$E/$dst" || not_ok "iconv -t $enc $src"
}
to a.txt a-1251.txt WINDOWS-1251
to a.txt a-koi8.txt KOI8-R
to a.txt a-866.txt CP866
to a.txt a-iso5.txt ISO-8859-5
to a.txt a-u16le-bom.txt UTF-16LE '\377\376'
to a.txt a-u16be-bom.txt UTF-16BE '\376\377'
to a.txt a-u16le.txt UTF-16LE
to a.txt a-u16be.txt UTF-16BE
to a.txt a-u8bom.txt UTF-8 '\357\273\277'
to b.txt b-866.txt CP866
to b-short.txt b-koi8-short.txt KOI8-R
to c.txt c-u16be.txt UTF-16BE
to c.txt c-u8bom.txt UTF-8 '\357\273\277'
to d.txt d-iso5.txt ISO-8859-5
to f.txt f-1252.txt WINDOWS-1252
to g.txt g-iso15.txt ISO-8859-15

# HTML: a declared charset is honoured; a page declaring none is detected.
printf '<html><head><meta charset="windows-1251"><title>%s</title></head><body><p>%s</p></body></html>\n' \
    "$(sed -n 1p "$SRC/d.txt")" "$(sed -n 2p "$SRC/d.txt")" | iconv -t WINDOWS-1251 > "$E/h-declared.html"
printf '<html><head><title>%s</title></head><body><p>%s</p></body></html>\n' \
    "$(sed -n 1p "$SRC/b.txt")" "$(sed -n 2p "$SRC/b.txt")" | iconv -t KOI8-R > "$E/h-koi8.html"
printf '<html><head><title>%s</title></head><body><p>%s</p></body></html>\n' \
    "$(sed -n 1p "$SRC/c.txt")" "$(sed -n 4p "$SRC/c.txt")" | iconv -t UTF-16LE > "$E/h-u16le.html"

# A feed gathering lines in three encodings.
{
    printf '{"id":"r1","title":"%s","text":"%s"}\n' "$(sed -n 1p "$SRC/d.txt")" "$(sed -n 2p "$SRC/d.txt")" | iconv -t WINDOWS-1251
    printf '{"id":"r2","title":"Plain wire copy","text":"An English line about the quokka."}\n'
    printf '{"id":"r3","title":"%s","text":"%s"}\n' "$(sed -n 1p "$SRC/b.txt")" "$(sed -n 2p "$SRC/b.txt")" | iconv -t KOI8-R
} > "$E/wire.jsonl"
# A feed with a UTF-8 byte order mark and a windows-1251 line.
{
    printf '\357\273\277{"id":"m1","title":"Marked","text":"The marked feed opens with a zebu."}\n'
    printf '{"id":"m2","title":"Делегация Армении","text":"Делегация Армении прибыла в Ереван накануне заседания."}\n' | iconv -t WINDOWS-1251
} > "$E/marked.jsonl"

# Not text: a program, and control characters; text with one bell is text.
head -c 4096 "$BIN/seekd-index" > "$E/blob.txt"
printf 'ab\001\002\003\004\005\006\007\010\016\017\020\021\022\023cd\n' > "$E/controls.txt"
printf 'Alarm\007 bell title\nA text about the carillon and its bells, long enough to be text.\n' > "$E/bell.txt"

index -v "$CORPUS" >"$TMP/iout" 2>"$TMP/ierr"
expect_eq "files that are not text make no failure" 0 $?
summary=$(tail -n 1 "$TMP/iout")
expect_eq "the summary counts them as skipped" \
    "30 added, 0 updated, 0 removed, 0 unchanged, 2 skipped, 0 failed" "${summary% in *}"
expect_eq "one line names each skipped file" \
    "seekd-index: $E/blob.txt: not text (NUL bytes); skipped
seekd-index: $E/controls.txt: not text (control characters); skipped" "$(sort "$TMP/ierr")"

# verbose FILE ENCODING: -v named the file with that encoding.
verbose() {
    if grep -qxF "$E/$1: $2" "$TMP/iout"; then ok "-v: $1 is $2"
    else not_ok "-v: $1 is $2" "$(grep -F "$E/$1" "$TMP/iout")"; fi
}
verbose a-1251.txt windows-1251
verbose a-koi8.txt KOI8-R
verbose a-866.txt CP866
verbose a-iso5.txt ISO-8859-5
verbose a-u16le-bom.txt UTF-16LE
verbose a-u16be-bom.txt UTF-16BE
verbose a-u16le.txt UTF-16LE
verbose a-u16be.txt UTF-16BE
verbose a-u8bom.txt UTF-8
verbose b-koi8-short.txt KOI8-R
verbose c-u16be.txt UTF-16BE
verbose f-1252.txt windows-1252
verbose g-iso15.txt ISO-8859-15
verbose h-declared.html windows-1251
verbose h-koi8.html KOI8-R
verbose h-u16le.html UTF-16LE
verbose wire.jsonl:1 windows-1251
verbose wire.jsonl:3 KOI8-R
verbose marked.jsonl:2 windows-1251

start_daemon || exit 1

A_IDS="enc/a-1251,enc/a-866,enc/a-iso5,enc/a-koi8,enc/a-u16be,enc/a-u16be-bom,enc/a-u16le,enc/a-u16le-bom,enc/a-u8bom"
# =word: a name as written; a plain name also finds its other spellings,
# which corpus/ holds.
expect_eq "every copy is found by a word in UTF-8" "$A_IDS" "$(ids =Рахмон)"
expect_eq "and by an inflected form it holds" "$A_IDS" "$(ids сессии)"
expect_eq "a phrase across a line" "$A_IDS" "$(ids '"оперативного реагирования"')"
expect_eq "the short KOI8-R line and the CP866 text" "enc/b-866,enc/b-koi8-short,enc/h-koi8,enc/wire/r3" "$(ids =Лукашенко)"
expect_eq "Kazakh in UTF-16 and UTF-8" "enc/c-u16be,enc/c-u8bom" "$(ids Тоқаев)"
expect_eq "Tajik" "enc/c-u16be,enc/c-u8bom,enc/h-u16le" "$(ids =Тоҷикистон)"
expect_eq "ISO-8859-5, a declared charset and a windows-1251 feed line" \
    "enc/d-iso5,enc/h-declared,enc/wire/r1" "$(ids Москве)"
expect_eq "the feed's UTF-8 line" "enc/wire/r2" "$(ids quokka)"
expect_eq "a feed's byte order mark is dropped, its lines read one by one" "enc/marked/m1" "$(ids zebu)"
expect_eq "and its windows-1251 line is found" "enc/marked/m2" "$(ids =Ереван)"
expect_eq "Latin accents in windows-1252 and ISO-8859-15" "enc/f-1252,enc/g-iso15" "$(ids sécurité)"

# titles QUERY WANT: every hit of QUERY is titled WANT, with no control
# character or byte order mark.
titles() {
    seek --json --limit 100 "$1" > "$TMP/t.json"
    if python3 - "$TMP/t.json" "$2" <<'PY'
import json, sys
hits = json.load(open(sys.argv[1]))["hits"]
want = sys.argv[2]
bad = [h["id"] + ": " + repr(h["title"]) for h in hits if h["title"] != want
       or any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or c == "\ufeff" for c in h["title"])]
if not hits or bad:
    print("\n".join(bad) or "no hits")
    sys.exit(1)
PY
    then ok "titles: $1"; else not_ok "titles: $1" "$(python3 - "$TMP/t.json" "$2" 2>&1 | head -5)"; fi
}
titles =Рахмон "$(sed -n 1p "$SRC/a.txt")"
titles Тоқаев "$(sed -n 1p "$SRC/c.txt")"
titles сообщают "$(sed -n 1p "$SRC/d.txt")"
titles =Душанбе "$(sed -n 1p "$SRC/a.txt")"
titles встретится "$(sed -n 1p "$SRC/b-short.txt")"
titles Douchanbé "$(sed -n 1p "$SRC/f.txt")"
titles =Erevan "$(sed -n 1p "$SRC/g.txt")"
titles carillon "Alarm  bell title"
titles секретарём "$(sed -n 1p "$SRC/b.txt")"

# stats: documents per encoding, kept right by updates and removals.
encodings() { seek --json --stats | python3 -c 'import json,sys; e=json.load(sys.stdin)["encodings"]; print(" ".join("%s=%d" % kv for kv in sorted(e.items())))'; }
expect_eq "stats counts documents per encoding" \
    "CP866=2 ISO-8859-15=1 ISO-8859-5=2 KOI8-R=4 UTF-16BE=3 UTF-16LE=3 UTF-8=10 windows-1251=4 windows-1252=1" \
    "$(encodings)"
rm "$E/a-koi8.txt"
iconv -f UTF-8 -t WINDOWS-1251 "$SRC/b.txt" > "$E/b-866.txt"
index "$CORPUS" >"$TMP/iout" 2>"$TMP/ierr"
expect_eq "a second run skips the same files, still no failure" 0 $?
summary=$(tail -n 1 "$TMP/iout")
expect_eq "one updated, one removed, two skipped" \
    "0 added, 1 updated, 1 removed, 28 unchanged, 2 skipped, 0 failed" "${summary% in *}"
expect_eq "stats follows the update and the removal" \
    "CP866=1 ISO-8859-15=1 ISO-8859-5=2 KOI8-R=3 UTF-16BE=3 UTF-16LE=3 UTF-8=10 windows-1251=5 windows-1252=1" \
    "$(encodings)"
expected=$(encodings)
stop_daemon

# A sharded index counts the same.
INDEX=$TMP/sharded
index --shards 3 "$CORPUS" >/dev/null 2>&1
start_daemon || exit 1
expect_eq "a sharded index counts the same per encoding" "$expected" "$(encodings)"
stop_daemon

# --encoding forces one encoding for a run.
expect_rc "an unknown --encoding is a fatal error" 2 "$BIN/seekd-index" --index "$TMP/x" --encoding no-such-charset "$CORPUS"
grep -q "no-such-charset" "$TMP/err" && ok "the error names it" || not_ok "the error names it" "$(cat "$TMP/err")"
mkdir -p "$TMP/forced"
cp "$E/a-1251.txt" "$TMP/forced/"
iconv -f UTF-8 -t KOI8-R "$SRC/b-short.txt" > "$TMP/forced/koi.txt"
INDEX=$TMP/forced-index
index -v --encoding cp1251 "$TMP/forced" >"$TMP/iout" 2>&1
expect_eq "--encoding reads every file so" "$TMP/forced/a-1251.txt: windows-1251
$TMP/forced/koi.txt: windows-1251" "$(grep ': windows-1251$' "$TMP/iout")"
start_daemon || exit 1
expect_eq "the windows-1251 file is right" "a-1251" "$(ids Рахмон)"
titles =Рахмон "$(sed -n 1p "$SRC/a.txt")"
expect_eq "the KOI8-R one is read as told, wrongly" "" "$(ids встретится)"
wrong=$(iconv -f WINDOWS-1251 -t UTF-8 "$TMP/forced/koi.txt" | sed -n 1p)
titles "${wrong%% *}" "$wrong"
stop_daemon
finish
