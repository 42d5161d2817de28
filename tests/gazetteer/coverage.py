#!/usr/bin/env python3
"""The gazetteer covers every country and capital, in English and Russian.

usage: coverage.py ISO_3166-1.json ISO_3166-1.mo GAZETTEER CAPITALS

Every ISO 3166-1 country of iso-codes must be a place of GAZETTEER under its
English name (or common name), with iso-codes' Russian name among its names;
(or, where iso-codes has not translated the name yet, some Russian name);
every country but the uninhabited ones must have a capital in CAPITALS
(data/capitals.tsv, written by the build), and each capital must be a place
of GAZETTEER with a Russian name. Prints each failure; exits 1 if any."""
import gettext
import json
import sys
import unicodedata

# No capital: nobody lives there for good.
UNINHABITED = {"AQ", "BV", "HM", "UM"}

def fold(name):
    """Case, accents and punctuation folded; Cyrillic kept as written."""
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c if c.isalnum() else " " for c in s if not unicodedata.combining(c))
    return " ".join(s.split())


def russian(name):
    return any(unicodedata.name(c, "").startswith("CYRILLIC") for c in name)


def uncomma(name):
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return tail + " " + head if tail.endswith(" of") or tail.endswith(" the") else head


def main():
    iso_json, iso_mo, gaz, caps = sys.argv[1:5]
    places = {}   # folded name -> [entity names]
    canon = {}    # canonical name -> names
    for line in open(gaz, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        if f[0] != "place":
            continue
        names = [f[1]] + (f[2].split("|") if f[2] else [])
        canon[f[1]] = names
        for n in names:
            places.setdefault(fold(n), []).append(names)
    with open(iso_mo, "rb") as f:
        ru = gettext.GNUTranslations(f)._catalog
    capitals = {}
    for line in open(caps, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            code, country, capital = line.rstrip("\n").split("\t")
            capitals.setdefault(code, []).append((country, capital))
    bad = 0

    def fail(msg):
        nonlocal bad
        bad += 1
        print("# " + msg)

    countries = json.load(open(iso_json, encoding="utf-8"))["3166-1"]
    for c in countries:
        code = c["alpha_2"]
        en = [uncomma(c["name"])] + [c[k] for k in ("common_name",) if k in c]
        ents = [e for n in en for e in places.get(fold(n), [])]
        if not ents:
            fail("%s %s: no place of that name" % (code, en[0]))
            continue
        want = [uncomma(ru[k]) for k in (c["name"], c.get("common_name")) if k and ru.get(k, k) != k]
        got = {fold(n) for e in ents for n in e}
        if want and not any(fold(w) in got for w in want):
            fail("%s %s: lacks its Russian name %s" % (code, en[0], "/".join(want)))
        elif not any(russian(n) for e in ents for n in e):
            # iso-codes may not have translated a new name yet (Türkiye).
            fail("%s %s: has no Russian name" % (code, en[0]))
        if code in UNINHABITED:
            continue
        if code not in capitals:
            fail("%s %s: no capital" % (code, en[0]))
        for country, capital in capitals.get(code, []):
            names = canon.get(capital)
            if not names:
                fail("%s %s: its capital %s is no place" % (code, en[0], capital))
            elif not any(russian(n) for n in names):
                fail("%s %s: its capital %s has no Russian name" % (code, en[0], capital))
            if country not in canon or not any(fold(n) in got for n in canon[country]):
                fail("%s %s: the capital %s is listed under %s" % (code, en[0], capital, country))
    print("# %d countries, %d capitals checked, %d failures"
          % (len(countries), sum(map(len, capitals.values())), bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
