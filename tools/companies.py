#!/usr/bin/env python3
"""Convert the listed companies of pytickersymbols into assets/gazetteer/companies.tsv.

Run once when the data should be refreshed (the output is committed):

    mkdir -p /tmp/gz/pts && cd /tmp/gz
    pip download --no-deps pytickersymbols==1.17.10 -d . && (cd pts && unzip -oq ../pytickersymbols-1.17.10-py3-none-any.whl)
    python3 tools/companies.py /tmp/gz/pts assets/gazetteer

Source and licence: pytickersymbols 1.17.10 (MIT), the constituents of twenty stock indices
(S&P 500/600, NASDAQ 100, Dow Jones, DAX/MDAX/SDAX/TecDAX, FTSE 100, CAC 40, AEX, BEL 20,
IBEX 35, OMX Stockholm 30 and Helsinki 25, Swiss 20, Nikkei 225, Euro Stoxx 50) with their
countries, from Wikipedia. A company listed with a US city and state is in the United States;
one with no country takes the last part of its headquarters' address.

Like towns.tsv, these names are not looked for in the text (`Apple`, `Target`, `Visa` are
words too); they give a country to a body the text names otherwise (see extract::recognize).
"""
import sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(src))
from pytickersymbols import PyTickerSymbols  # noqa: E402

countries = {}
for line in (out / "countries.tsv").read_text().splitlines():
    if line.startswith("#") or not line.strip():
        continue
    f = line.split("\t")
    countries[f[0]] = f[0]
    for a in f[2].split(";"):
        if a:
            countries[a] = f[0]
countries.update({"US": "United States", "U.S.": "United States", "USA": "United States",
                  "UK": "United Kingdom", "England": "United Kingdom", "Scotland": "United Kingdom"})
us_states = set()
for line in (out / "cities.tsv").read_text().splitlines():
    f = line.split("\t")
    if len(f) == 4 and f[3] == "state":
        us_states.add(f[0])


def country_of(stock):
    for place in (stock.get("country"), (stock.get("metadata") or {}).get("headquarters")):
        if not place:
            continue
        parts = [p.strip() for p in place.replace(" ,", ",").split(",") if p.strip()]
        if not parts:
            continue
        # `Atlanta, Georgia` is in the United States, not in Georgia.
        if len(parts) >= 2 and parts[-1] in us_states:
            return "United States"
        if parts[-1] in countries:
            return countries[parts[-1]]
        if parts[-1] in us_states:
            return "United States"
    return None


rows = {}
for stock in PyTickerSymbols().get_all_stocks():
    name = (stock.get("name") or "").strip()
    cn = country_of(stock)
    if name and cn and len(name) >= 3:
        rows.setdefault(name, cn)
lines = [f"{n}\t{c}" for n, c in sorted(rows.items())]
(out / "companies.tsv").write_text(
    "# name\tcountry  (listed companies of 20 stock indices via pytickersymbols 1.17.10, MIT; from Wikipedia)\n"
    + "\n".join(lines) + "\n")
print(len(lines), "companies")
