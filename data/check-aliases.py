#!/usr/bin/env python3
"""Writes the word forms a gazetteer's short names could meet, for
data/check-aliases.sh: every Russian word form the hunspell dictionary makes
(its stems with their suffix rules) and every English word, capitalized,
that starts like a one-word name of LINES in either script (the matcher cuts
Russian endings and compares Cyrillic with Latin after transliteration).
Each word stands in a sentence of its own, so a name the check finds can
only have come from that word.

check-aliases.py LINES AFF DIC WORDS OUTDIR
"""
import os
import re
import sys
import unicodedata

# lib/entity/translit.c's table (docs/gazetteer.md), after accents are cut.
TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "є": "ye",
    "і": "i", "ґ": "g", "ғ": "gh", "қ": "q", "ң": "ng", "ү": "u", "ұ": "u", "ҳ": "h",
    "ҷ": "j", "һ": "h", "ә": "a", "ө": "o",
}
PER_FILE = 2000


def fold(text):
    """Case-folded, accents stripped, transliterated words."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = "".join(TRANSLIT.get(c, c) for c in text)
    return re.findall(r"\w+", text)


def prefixes(lines_path):
    """The start every word that could meet a one-word name shares with it."""
    out = set()
    for line in open(lines_path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        for name in [fields[1]] + [a for a in fields[2].split("|") if a]:
            words = fold(name)
            if len(words) == 1:
                w = words[0]
                out.add(w[:3] if len(w) <= 4 else w[:len(w) - 2])
    return out


def russian_forms(aff_path, dic_path):
    """Every form the dictionary's suffix rules make of its stems."""
    rules, flag = {}, None
    for line in open(aff_path, encoding="utf-8"):
        p = line.split()
        if len(p) < 4 or p[0] != "SFX":
            continue
        if len(p) == 4 and p[2] in "YN":
            flag = p[1]
            rules[flag] = []
            continue
        strip = "" if p[2] == "0" else p[2]
        add = "" if p[3] == "0" else p[3].split("/")[0]
        cond = re.compile("(" + (p[4] if len(p) > 4 else ".") + ")$")
        rules[p[1]].append((strip, add, cond))
    forms = set()
    with open(dic_path, encoding="utf-8") as dic:
        next(dic)
        for entry in dic:
            word, _, flags = entry.strip().partition("/")
            if not word:
                continue
            forms.add(word)
            for f in flags:
                for strip, add, cond in rules.get(f, ()):
                    if word.endswith(strip) and cond.search(word):
                        forms.add(word[:len(word) - len(strip)] + add)
    return forms


def main():
    lines, aff, dic, words_path, outdir = sys.argv[1:]
    starts = prefixes(lines)
    longest = max((len(s) for s in starts), default=0)
    words = russian_forms(aff, dic)
    words |= {w.strip() for w in open(words_path, encoding="utf-8") if w.strip() and "'" not in w}
    keep = []
    for w in sorted(words):
        f = "".join(fold(w))
        if any(f[:k] in starts for k in range(3, min(len(f), longest) + 1)):
            keep.append(w[:1].upper() + w[1:])
    os.makedirs(outdir, exist_ok=True)
    for i in range(0, len(keep), PER_FILE):
        with open(os.path.join(outdir, "w%05d.txt" % (i // PER_FILE)), "w", encoding="utf-8") as out:
            out.write("Слова.\n\n" + "\n".join("Он сказал: %s." % w for w in keep[i:i + PER_FILE]) + "\n")
    print("%d word forms to check" % len(keep), file=sys.stderr)


if __name__ == "__main__":
    main()
