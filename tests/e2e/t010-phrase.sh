#!/bin/sh
# Phrase and word queries on corpus/: exact id sets, operators, ranking.
. "$(dirname "$0")/lib.sh"

A=000_26b1c25252f2a5d8 B=001_c81778ca1d1bf765 C=002_e7e7b18dbc548489
D=003_8535bf958c1bff71 E=004_64131aa31a3a0c56

check "index corpus" index -q "$CORPUS"
start_daemon || exit 1

expect_eq "phrase in every document" "$A,$B,$C,$D,$E" "$(ids '"collective security council"')"
expect_eq "phrase in one document" "$D" "$(ids '"sleeper cells"')"
expect_eq "phrase keeps stop words" "$B" "$(ids '"Palace of the Nation"')"
expect_eq "phrase crosses punctuation" "$B" "$(ids '"Armenia Serzh Sargsyan"')"
expect_eq "phrase is case and accent blind" "$E" "$(ids '="EMOMALI RAKHMÖN"')"
expect_eq "a phrase naming an entity finds its other names" "$A,$B,$D,$E" "$(ids '"EMOMALI RAKHMÖN"')"
expect_eq "phrase order matters" "" "$(ids '"council security collective"')"
expect_eq "phrase is unstemmed" "" "$(ids '"sleeper cell"')"
expect_eq "typographic quotes make a phrase" "$D" "$(ids '“sleeper cells”')"
expect_eq "hyphenated word is a phrase" "$D" "$(ids 'sleeper-cells')"
expect_eq "words are stemmed" "$D" "$(ids 'sleeper cell')"
expect_eq "words are all required" "$A,$B" "$(ids 'rahmon lukashenko')"
expect_eq "OR across spellings" "$B,$E" "$(ids 'dushanbe OR doshanbe')"
expect_eq "OR" "$A,$B,$D,$E" "$(ids 'rahmon OR rakhmon')"
expect_eq "AND" "$B" "$(ids 'doshanbe AND lukashenko')"
expect_eq "NOT" "$A,$D" "$(ids 'rahmon NOT doshanbe')"
expect_eq "-word" "$C" "$(ids 'csto -rahmon -rakhmon -lukashenko -dushanbe')"
expect_eq "parentheses" "$A,$B,$E" "$(ids '(lukashenko OR =rakhmon) session')"
expect_eq "NOT alone" "$C,$E" "$(ids 'NOT =rahmon')"
expect_eq "NOT a name excludes all its spellings" "$C" "$(ids 'NOT rahmon')"
expect_eq "apostrophe form" "$D" "$(ids '"Tajik president’s official website"')"
expect_eq "apostrophe forms agree" "$D" "$(ids "\"Tajik president's official website\"")"

top=$(seek --ids 'terrorism sleeper cells' | head -1)
expect_eq "the document about sleeper cells ranks first" "$D" "$top"
top=$(seek --ids =rakhmon | head -1)
expect_eq "the only Rakhmon document ranks first" "$E" "$top"
expect_eq "=rakhmon finds that spelling only" "$E" "$(ids =rakhmon)"
expect_eq "rakhmon finds every spelling and script" "$A,$B,$D,$E" "$(ids rakhmon)"

out=$(seek '"sleeper cells"')
case $out in *"$D"*"[sleeper cells]"*"-- 1-1 of 1 matching document"*) ok "human output: id, highlighted snippet, count" ;;
*) not_ok "human output: id, highlighted snippet, count" "$out" ;; esac
stop_daemon
finish
