#!/bin/sh
# No byte of a document acts on a terminal: escape sequences, C1 controls,
# line separators and bidi overrides in titles, snippets and feed fields are
# shown escaped by seek, on a terminal and in a pipe; --json escapes them
# too; --ids prints one id per line; the indexer refuses file names and
# feed article ids holding control characters, naming them escaped.
. "$(dirname "$0")/lib.sh"

D=$CORPUS/unsafe
mkdir -p "$D"
# ESC sequences (clear screen, retitle the window, colours), a C1 CSI, DEL,
# U+2028 and a right-to-left override, in the title and the text.
printf 'Harmless \033[2J headline\033]0;owned\007 \342\200\250 gone \342\200\256 reversed\nThe zanzibarite report: \033[31mred\033[0m, \302\23331m, \177, line\342\200\250sep and \342\200\256txt.exe on zanzibarite.\n' > "$D/esc.txt"
printf '{"id":"w1","title":"Wire \\u001b[2J \\u2029 \\u202e title","text":"zanzibarite \\u001b]0;x\\u0007 \\u0085 \\u2028 wire"}\n{"id":"bad\\u001b[2Jid","text":"zanzibarite refused"}\n{"id":"bad\\nline","text":"zanzibarite refused"}\n' > "$D/wire.jsonl"
# File names with a newline and an escape: refused, like non-UTF-8 ones.
python3 -c 'import sys; open(sys.argv[1] + "/two\nlines.txt", "w").write("zanzibarite newline name\n"); open(sys.argv[1] + "/esc\033[2J.txt", "w").write("zanzibarite escape name\n")' "$D"

expect_rc "names with control characters fail the run (exit 1)" 1 index "$CORPUS"
cp "$TMP/err" "$TMP/index.err"
check "a newline in a file name is named, escaped" grep -qF 'unsafe/two\nlines.txt: the id holds a control character; rename the file' "$TMP/index.err"
check "an escape in a file name is named, escaped" grep -qF 'unsafe/esc\x1b[2J.txt: the id holds a control character' "$TMP/index.err"
check "a feed article id with an escape is refused" grep -qF 'wire.jsonl:2: the id holds a control character (unsafe/wire/bad\x1b[2Jid)' "$TMP/index.err"
check "a feed article id with a newline is refused" grep -qF 'wire.jsonl:3: the id holds a control character (unsafe/wire/bad\nline)' "$TMP/index.err"
check "the indexer's messages hold no raw escape" sh -c "! grep -q \"\$(printf '\\033')\" '$TMP/index.err'"

start_daemon || exit 1

# No control byte but line feeds (and seek's own colours on a terminal);
# no C1 control, DEL, U+2028/U+2029 or bidi control.
inert() {
    python3 - "$1" "$2" <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read()
tty = sys.argv[2] == 'tty'
if tty:
    data = data.replace(b'\r\n', b'\n')
    data = re.sub(rb'\x1b\[(1;33|0|1|2)m', b'', data)
text = data.decode('utf-8')
bad = [c for c in text if (ord(c) < 0x20 and c != '\n') or 0x7f <= ord(c) <= 0x9f
       or c in '\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069']
sys.exit(1 if bad else 0)
PY
}

seek zanzibarite > "$TMP/pipe.out" 2>&1
check "in a pipe, no control character reaches the output" inert "$TMP/pipe.out" pipe
check "the escapes are shown" grep -qF '\u2028' "$TMP/pipe.out"
check "a right-to-left override is shown" grep -qF '\u202e' "$TMP/pipe.out"
check "the feed title's separator is shown" grep -qF 'Wire' "$TMP/pipe.out"
python3 "$ROOT/tests/e2e/ptyrun.py" "$BIN/seek" --socket "$SOCK" zanzibarite > "$TMP/tty.out" 2>&1
check "on a terminal, no control character but seek's colours" inert "$TMP/tty.out" tty
check "on a terminal, matches are coloured" grep -q "$(printf '\033')\[1;33m" "$TMP/tty.out"

seek --json zanzibarite > "$TMP/json.out"
check "--json: no raw C1, U+2028 or U+2029" inert "$TMP/json.out" pipe
check "--json: U+2028 as \\u2028" grep -qF '\u2028' "$TMP/json.out"
check "--json: still the daemon's answer" python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); sys.exit(0 if a["total"] == 2 else 1)' "$TMP/json.out"

seek --ids zanzibarite > "$TMP/ids.out"
expect_eq "--ids: one line per matching document" "2" "$(wc -l < "$TMP/ids.out" | tr -d ' ')"
expect_eq "--ids: the refused files are not indexed" "unsafe/esc,unsafe/wire/w1" "$(sort "$TMP/ids.out" | paste -sd, -)"

# A folder's name is the user's, not a document's, but seek shows it as
# safely: the sources lines of --stats and --health escape it.
EVIL=$(printf '%s/src\033[2Jx' "$TMP")
mkdir -p "$EVIL" && printf 'zanzibarite from an odd folder\n' > "$EVIL/odd.txt"
check "a folder with an escape in its name is indexed" index -q "$EVIL"
seek --stats > "$TMP/stats.out" 2>&1
check "--stats: the folder is listed" grep -qF 'src\x1b[2Jx' "$TMP/stats.out"
check "--stats: no control character reaches the output" inert "$TMP/stats.out" pipe
seek --health > "$TMP/health.out" 2>&1
check "--health: no control character reaches the output" inert "$TMP/health.out" pipe

stop_daemon
finish
