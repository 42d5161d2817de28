#!/bin/sh
# The Russian annotated stories (tests/eval/ru/docs, short wire items of a few
# hundred bytes) re-encoded as the region's sites and tools save them:
# windows-1251, KOI8-R, UTF-16 LE and BE with a byte order mark, UTF-8 with
# one. Every copy must be read in its encoding (seekd-index -v), come back
# with its story's title, and be found by that title as a phrase.
. "$(dirname "$0")/lib.sh"

DOCS=$ROOT/tests/eval/ru/docs
rm -rf "$CORPUS"
E=$CORPUS/ru
mkdir -p "$E"
# ENCODING NAME BOM: every story in ENCODING, after the BOM bytes. KOI8-R
# has no guillemets or dashes: its copies write them as KOI8-R sites do
# (iconv's //TRANSLIT: << >>, -).
for spec in "WINDOWS-1251 w1251 " "KOI8-R//TRANSLIT koi8 " "UTF-16LE u16le \377\376" \
            "UTF-16BE u16be \376\377" "UTF-8 u8bom \357\273\277"; do
    set -- $spec
    for f in "$DOCS"/*.txt; do
        b=$(basename "$f" .txt)
        printf "${3:-}" > "$E/$b-$2.txt"
        iconv -f UTF-8 -t "$1" "$f" >> "$E/$b-$2.txt" || not_ok "iconv -t $1 $f"
    done
done
index -v "$CORPUS" > "$TMP/iout" 2>"$TMP/ierr"
expect_eq "every copy is indexed" 0 $?
python3 - "$TMP/iout" "$E" <<'PY'
import re, sys
want = {"w1251": "windows-1251", "koi8": "KOI8-R", "u16le": "UTF-16LE", "u16be": "UTF-16BE",
        "u8bom": "UTF-8"}
seen = {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(re.escape(sys.argv[2]) + r"/(\d+)-(\w+)\.txt: (\S+)$", line.rstrip("\n"))
    if m:
        seen[(m.group(1), m.group(2))] = m.group(3)
bad = ["%s-%s: %s" % (d, k, got) for (d, k), got in sorted(seen.items()) if want[k] != got]
if len(seen) != 5 * 40 or bad:
    print("\n".join(bad[:10]) or "%d copies named" % len(seen))
    sys.exit(1)
PY
if [ $? -eq 0 ]; then ok "-v names each copy's encoding"; else not_ok "-v names each copy's encoding"; fi

start_daemon || exit 1
# Each story's title, asked as a title phrase, finds its five copies, each
# titled as Python's own codecs read the copy's first line.
python3 - "$BIN/seek" "$SOCK" "$DOCS" "$E" <<'PY'
import glob, json, os, subprocess, sys
seek, sock, docs, enc = sys.argv[1:]
codecs = {"w1251": "cp1251", "koi8": "koi8_r", "u16le": "utf-16", "u16be": "utf-16",
          "u8bom": "utf-8-sig"}
bad = 0
for f in sorted(glob.glob(docs + "/*.txt")):
    b = os.path.basename(f)[:-4]
    title = open(f, encoding="utf-8").readline().strip()
    r = subprocess.run([seek, "--socket", sock, "--json", "--limit", "100", 'title:"%s"' % title],
                       capture_output=True, text=True)
    hits = {h["id"]: h["title"] for h in json.loads(r.stdout)["hits"]}
    for k, codec in codecs.items():
        i = "ru/%s-%s" % (b, k)
        want = open("%s/%s-%s.txt" % (enc, b, k), "rb").read().decode(codec).splitlines()[0].strip()
        if hits.get(i) != want:
            print("# %s: %r, want %r" % (i, hits.get(i), want))
            bad += 1
print("# %d copies of %d stories" % (5 * len(glob.glob(docs + "/*.txt")) - bad,
                                    len(glob.glob(docs + "/*.txt"))))
sys.exit(1 if bad else 0)
PY
if [ $? -eq 0 ]; then ok "every copy is found by its story's title, and titled so"
else not_ok "every copy is found by its story's title, and titled so"; fi
stop_daemon
finish
