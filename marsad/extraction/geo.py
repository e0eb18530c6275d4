"""Place names → country, admin1, coordinates.

Candidates come from the shipped gazetteer (GeoNames towns, hand-written divisions and sites) plus
any user-supplied one (`--gazetteer FILE`, MARSAD_GAZETTEER): the OSM-style JSON used for Libya
({"data": [{"name": [{"ar": …}], "latitude", "longitude", "type"}]}) or a TSV/CSV with columns
name, latitude, longitude[, country, admin1]. A name is tried as written, without its proclitic and
with/without the article; among same-named places the article's own country wins, then size.
admin1 for a town is the nearest first-level division centre of its country (approximate: it is
right where divisions are compact, and marked by `admin1_source: "nearest"`).
"""
from __future__ import annotations

import csv
import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, strip_clitics

_TYPE_POPULATION = {"city": 100_000, "town": 20_000, "village": 2_000, "hamlet": 200, "suburb": 20_000,
                    "neighbourhood": 5_000, "quarter": 5_000}


@dataclass(frozen=True)
class GeoMatch:
    name: str
    country: str              # ISO2
    country_name: str | None  # English, as ACLED spells it
    admin1: str | None
    latitude: float
    longitude: float
    kind: str                 # country | admin1 | region | place
    population: int = 0       # of a place (a town's size tells a famous city from a namesake)


# A city this big is known abroad: an article about one country names it as itself (غارة على دمشق in
# a report from Lebanon). A smaller town of another country is more likely a local namesake.
FAMOUS_POPULATION = 500_000


@lru_cache(maxsize=1)
def english_names() -> dict[str, str]:
    """ISO2 → the country's English name (countries.tsv)."""
    return {r["country"]: r["english"] for r in lx.table("countries.tsv") if r.get("english")}


def country_english(cc: str | None) -> str | None:
    """The English name of the country `cc` (ISO2), as events carry it; None when unknown."""
    return english_names().get(cc) if cc else None


@lru_cache(maxsize=1)
def _admin1_centres() -> dict[str, list[tuple[str, float, float]]]:
    out: dict[str, list[tuple[str, float, float]]] = {}
    for r in [*lx.table("regions.tsv"), *lx.table("districts.tsv")]:
        if r["kind"] == "admin1":
            out.setdefault(r["country"], []).append((r["admin1"], float(r["latitude"]), float(r["longitude"])))
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def nearest_admin1(country: str, lat: float, lon: float) -> str | None:
    centres = _admin1_centres().get(country)
    if not centres:
        return None
    return min(centres, key=lambda c: km(lat, lon, c[1], c[2]))[0]


def name_forms(name: str) -> list[str]:
    """Lookup keys for a place name: normalised, proclitics stripped from its first word, with and
    without the article (بالجفرة → الجفرة, جفرة)."""
    norm = normalize(name).strip()
    words = norm.split()
    if not words:
        return []
    out = []
    for first in strip_clitics(words[0]):
        out.append(" ".join([first, *words[1:]]))
        if not first.startswith("ال"):
            out.append(" ".join(["ال" + first, *words[1:]]))
    return list(dict.fromkeys(out))


def resolve(name: str, prefer_country: str | None = None) -> GeoMatch | None:
    """The most plausible place called `name`, or None."""
    countries, places = lx.countries(), lx.places()
    written = normalize(name).strip().split()[:1]
    for form in name_forms(name):
        if form in countries:
            cc = countries[form]
            return GeoMatch(name, cc, english_names().get(cc), None, *_country_point(cc), kind="country")
        group = places.get(form)
        if group and written and form.split()[0] not in (written[0], "ال" + written[0]):
            group = [p for p in group if _clitic_reading(p, form, written[0], prefer_country)]
        if group:
            best = max(group, key=lambda p: (p.country == prefer_country, p.population))
            if best.population == lx.REGION_POPULATION and not best.admin1_code:   # دارفور: over several admin1
                return GeoMatch(name, best.country, english_names().get(best.country), None,
                                best.latitude, best.longitude, kind="region")
            admin1 = best.admin1_code if not best.admin1_code.isdigit() and best.admin1_code else \
                nearest_admin1(best.country, best.latitude, best.longitude)
            kind = "admin1" if best.population == lx.REGION_POPULATION and admin1 == best.name else "place"
            return GeoMatch(name, best.country, english_names().get(best.country), admin1,
                            best.latitude, best.longitude, kind, best.population)
    return None


def _clitic_reading(p: lx.Place, form: str, written: str, prefer_country: str | None) -> bool:
    """Whether a name read with a proclitic cut off (بحمص → حمص) may be the place `p`. A word that
    spells a small foreign town only once a letter is cut (and the article added: بوني → الوني, a
    village in Iran) is far likelier a local name the gazetteers lack, so such a reading is taken only
    in the article's own country, for a famous city or a curated division, or (the article's country
    unknown) when the cut needed no added article."""
    if p.country == prefer_country or p.population >= FAMOUS_POPULATION:
        return True
    added_article = form.startswith("ال") and not written[1:].startswith("ال") and not written.startswith("ال")
    return prefer_country is None and not added_article


def _country_point(cc: str) -> tuple[float, float]:
    """A representative point: the country's most populous shipped place (its capital, mostly)."""
    return _country_points().get(cc, (0.0, 0.0))


def country_match(cc: str) -> GeoMatch | None:
    """The country `cc` as a place (under the first of its Arabic names in the country list), at
    its representative point (which a user's gazetteer may move: not cached here)."""
    name = _country_names().get(cc)
    return GeoMatch(name, cc, english_names().get(cc), None, *_country_point(cc), kind="country") if name else None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for name, cc in lx.countries().items():
        names.setdefault(cc, name)
    return names


def foreign_namesake(m: GeoMatch, home: str | None, support: int) -> bool:
    """`m`, a town of another country than the article's (`home`), that nothing else in the article
    points to (`support`: how many mentions lie in its country, this one included) and that is no
    famous city, names as an event's place a locality of `home` the gazetteers lack: raids "في مناطق
    الفاو" in a report from Yemen hit a Yemeni locality, not Iraq's port. The event keeps the words
    and the article's country, not coordinates a thousand kilometres away. (An entity keeps its
    namesake: a report from Sudan that mentions talks in جنيف means Geneva.)"""
    return bool(home) and m.country != home and m.kind == "place" and support <= 1 \
        and 0 < m.population < FAMOUS_POPULATION


@lru_cache(maxsize=1)
def _country_points() -> dict[str, tuple[float, float]]:
    # one pass over the gazetteer for every country: a scan per country cost 4 ms each
    best: dict[str, lx.Place] = {}
    for group in lx.places().values():
        for p in group:
            if p.population < lx.REGION_POPULATION and (p.country not in best or p.population > best[p.country].population):
                best[p.country] = p
    return {cc: (p.latitude, p.longitude) for cc, p in best.items()}


# --- user-supplied gazetteers --------------------------------------------------------------
def load_gazetteer(path: str | os.PathLike) -> int:
    """Add a user gazetteer's places to the lookup tables; returns how many names were added."""
    path = Path(path)
    rows = list(_read_osm(path) if path.suffix.lower() == ".json" else _read_table(path))
    added = 0
    for name, lat, lon, population, country, admin1 in rows:
        country = country or _guess_country(lat, lon)
        if not country:
            continue
        place = lx.Place(name, country, lat, lon, population, admin1 or nearest_admin1(country, lat, lon) or "")
        lx.places().setdefault(normalize(name), []).append(place)
        added += 1
    for group in lx.places().values():
        group.sort(key=lambda p: -p.population)
    lx.refresh()
    _grid.cache_clear()
    _country_points.cache_clear()
    return added


def load_from_environment() -> None:
    for path in filter(None, os.environ.get("MARSAD_GAZETTEER", "").split(os.pathsep)):
        load_gazetteer(path)


def _read_osm(path: Path):
    data = json.loads(path.read_text("utf-8"))
    for item in data.get("data", data) if isinstance(data, dict) else data:
        names = item.get("name") or []
        population = _TYPE_POPULATION.get(item.get("type", ""), 1_000)
        for variant in names if isinstance(names, list) else [names]:
            ar = variant.get("ar") if isinstance(variant, dict) else variant
            if ar:
                yield ar, float(item["latitude"]), float(item["longitude"]), population, None, None


def _read_table(path: Path):
    with open(path, encoding="utf-8", newline="") as f:
        sample = f.read(2048)
        f.seek(0)
        reader = csv.DictReader(f, delimiter="\t" if "\t" in sample else ",")
        for r in reader:
            if r.get("name") and r.get("latitude") and r.get("longitude"):
                yield (r["name"], float(r["latitude"]), float(r["longitude"]), int(r.get("population") or 1_000),
                       r.get("country") or None, r.get("admin1") or None)


@lru_cache(maxsize=1)
def _grid() -> dict[tuple[int, int], list[lx.Place]]:
    grid: dict[tuple[int, int], list[lx.Place]] = {}
    for group in lx.places().values():
        for p in group:
            grid.setdefault((int(p.latitude), int(p.longitude)), []).append(p)
    return grid


def _guess_country(lat: float, lon: float) -> str | None:
    """Country of the nearest shipped place within ~150 km (a user file need not say its country)."""
    best, best_km = None, 150.0
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            for p in _grid().get((int(lat) + dlat, int(lon) + dlon), ()):
                d = km(lat, lon, p.latitude, p.longitude)
                if d < best_km:
                    best, best_km = p.country, d
    return best
