#!/usr/bin/env python3
"""Convert ISO 3166-2 first-level subdivisions into assets/gazetteer/regions.tsv.

Run once when the data should be refreshed (the output is committed):

    mkdir -p /tmp/gz/pyc && cd /tmp/gz
    pip download --no-deps pycountry==26.2.16 -d . && (cd pyc && unzip -oq ../pycountry-26.2.16-py3-none-any.whl)
    pip download --no-deps english-words==2.0.2 -d . && (mkdir -p ew && cd ew && unzip -oq ../english_words-2.0.2-py3-none-any.whl)
    python3 tools/regions.py /tmp/gz/pyc/pycountry/databases/iso3166-2.json assets/gazetteer /tmp/gz/ew

A one-word name that is also an English word (`Maritime`, `Centre`) is left out: the GCIDE word
list of the english-words package (used here only, not shipped) tells which.

Source and licence: the ISO 3166-2 names of Debian's iso-codes project as shipped in pycountry,
LGPL-2.1 (the converted table keeps that licence). Country names come from countries.tsv.
A name with accents is also listed in plain letters (`Meghalaya`).
Only first-level states, provinces, regions and the like are kept; a name used by two countries
(`Punjab`) is left out, since it cannot say which country it means.
"""
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pickle

src, out = Path(sys.argv[1]), Path(sys.argv[2])
english = pickle.loads((Path(sys.argv[3]) / "english_words/data/gcide_alpha_lower.pickle").read_bytes())
KINDS = {
    "Province", "Region", "State", "Governorate", "Administrative region", "Prefecture", "Canton",
    "Republic", "Autonomous region", "Autonomous community", "Land", "Voivodship", "Regional state",
    "Union territory", "Emirate", "Oblast", "Territory", "Autonomous republic",
    "Special administrative region", "Federal territory", "Capital territory", "Country",
    "Autonomous district", "Division", "Federal district",
}
# Names made only of these words are directions or landforms before they are regions (`East`).
GENERIC = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "upper", "lower", "middle", "capital", "coast", "coastal", "lakes", "lake",
    "islands", "island", "highlands", "mountains", "mountain", "plateau", "river", "sea", "border",
    "interior", "littoral", "north-east", "north-west", "south-east", "south-west", "northeast",
    "northwest", "southeast", "southwest", "far", "greater", "great", "new", "city", "district",
    "region", "province", "state", "valley", "delta", "gulf", "bay", "the", "of",
}
by_code = {}
countries = set()
for line in (out / "countries.tsv").read_text().splitlines():
    if line.startswith("#") or not line.strip():
        continue
    f = line.split("\t")
    by_code[f[1]] = f[0]
    countries.add(f[0].lower())

where = defaultdict(set)
for s in json.loads(src.read_text())["3166-2"]:
    if "parent" in s or s["type"] not in KINDS:
        continue
    name = s["name"].split(" (")[0].split(" [")[0].split(",")[0].strip()
    cc = s["code"].split("-")[0]
    if cc not in by_code or len(name) < 4 or not all(ord(ch) < 0x250 for ch in name):
        continue
    if name.lower() in countries or all(w in GENERIC for w in name.lower().split()):
        continue
    if " " not in name and name.lower() in english:
        continue
    where[name].add(by_code[cc])
    # `Meghālaya` is written `Meghalaya` in English news: the plain-letter form names it too.
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    if plain != name and plain.lower() not in english:
        where[plain].add(by_code[cc])

rows = sorted(f"{n}\t{next(iter(c))}" for n, c in where.items() if len(c) == 1)
(out / "regions.tsv").write_text(
    "# name\tcountry  (ISO 3166-2 first-level subdivisions via pycountry 26.2.16 / Debian iso-codes, LGPL-2.1)\n"
    + "\n".join(rows) + "\n")
print(len(rows), "regions")
