#!/bin/sh
# Organizations as English news writes them: bare company, media and team
# names, an acronym defined once in parentheses, a channel's number, a
# company named in full and then short, a place inside a team's name.
. "$(dirname "$0")/lib.sh"

W=$TMP/news/wire
mkdir -p "$W"
cat > "$W/oil.txt" <<'TXT'
CARACAS, Jan 14 (Reuters) - Output at Petróleos de Venezuela (PDVSA) fell again in December, the oil ministry said.
PDVSA blamed sanctions. Chevron, its partner in two ventures, said it would keep pumping; shares of Repsol rose in Madrid.
TXT
cat > "$W/tv.txt" <<'TXT'
PARIS (AFP) - The prime minister told France 24 on Sunday that talks would resume, and repeated it on Channel 4 later.
TXT
cat > "$W/cars.txt" <<'TXT'
TOKYO (AP) — Toyota Motor Corp. said it would build a battery plant in Kentucky. Shares of Toyota rose 2% in Tokyo.
TXT
cat > "$W/nba.txt" <<'TXT'
DENVER (AP) — Nikola Jokic scored 28 points as the Denver Nuggets beat the Los Angeles Lakers 114-105 on Thursday night.
TXT
cat > "$W/tariffs.txt" <<'TXT'
WASHINGTON (Reuters) - US officials said on Monday the tariffs would stay. "Let us wait," one of them told reporters.
TXT
cat > "$W/letter.txt" <<'TXT'
Readers wrote to us about the new bus timetable. Tell us what you think.
TXT
check "index the stories" index -q "$TMP/news"
start_daemon || exit 1
expect_eq "an acronym defined in parentheses is the company" "wire/oil" "$(ids org:pdvsa)"
expect_eq "and its long name finds the same story" "wire/oil" "$(ids 'org:"Petroleos de Venezuela"')"
expect_eq "a company named bare" "wire/oil" "$(ids org:chevron)"
expect_eq "a company in a company's context" "wire/oil" "$(ids org:repsol)"
expect_eq "a channel's number makes it no country" "" "$(ids place:france)"
expect_eq "the channel is found by its name" "wire/tv" "$(ids 'org:"France 24"')"
expect_eq "a company named short after its full name" "wire/cars" "$(ids org:toyota)"
expect_eq "which is not the town of Toyota" "" "$(ids place:toyota)"
expect_eq "a team is no city" "wire/nba" "$(ids 'org:"Denver Nuggets"')"
expect_eq "the city is the dateline's" "wire/nba" "$(ids place:denver)"
expect_eq "nor are the Lakers Los Angeles" "" "$(ids 'place:"Los Angeles"')"
expect_eq "US without dots is the United States, the pronoun is not" "wire/tariffs" \
    "$(ids 'place:"united states"')"
echo "# t207-english-orgs.sh: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
