"""The country an article reports from, as its places and actors tell it: the one most of its geocoded
places are in, ties broken by the countries of the actors it names. Used to prefer a town's namesake
in that country and to place an event told without a place (event_places)."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from marsad.model import Entity


def country_votes(ents: list[Entity]) -> Counter:
    return Counter(e.country for e in ents if e.type == "LOC" and e.country)


def actor_votes(ents: list[Entity]) -> Counter:
    """How many mentions of dictionary actors that fight or govern belong to each country
    (international bodies, media and NGOs left out)."""
    from marsad.text.actor_dictionary import actors

    votes: Counter = Counter()
    for e in ents:
        known = actors().actors.get(e.actor_id) if e.type == "ORG" and e.actor_id else None
        if known and known.country != "XX" and known.kind in _KINDS:
            votes[known.country] += 1
    return votes


_KINDS = frozenset({"government", "ministry", "police", "intelligence", "state_force", "armed_group", "militia"})


def article_country(ents: list[Entity]) -> str | None:
    """The country most of the article's geocoded places are in (see entities.geocode); between
    countries with as many places, the one its actors belong to ("قال الجيش المالي … في X بمنطقة Y")."""
    votes = country_votes(ents)
    if not votes:
        return None
    actors_in = actor_votes(ents)
    return max(votes, key=lambda c: (votes[c], actors_in[c]))


def named_water(text: str, e: Entity) -> bool:
    """A mention that names a sea, gulf or strait as water (data/lexicon/water_heads.txt), not the
    division named after it ("ولاية البحر الأحمر"، "بمحافظة البحر الأحمر")."""
    from marsad.text.arabic import normalize, strip_clitics

    words = normalize(e.canonical or e.text).split()
    if not words or not any(f in _water_heads() for f in strip_clitics(words[0])):
        return False
    before = normalize(text[max(0, e.start - 14):e.start]).split()[-1:] + normalize(e.text).split()[:1]
    return not any(f in _DIVISIONS for w in before for f in strip_clitics(w))


@lru_cache(maxsize=1)
def _water_heads() -> frozenset[str]:
    from marsad.text import lexicons as lx
    from marsad.text.arabic import normalize

    return frozenset(normalize(w) for w in lx.words("water_heads.txt"))


_DIVISIONS = frozenset({"ولايه", "محافظه", "اقليم", "مقاطعه"})      # normalised


def sea_country(text: str, ents: list[Entity]) -> str | None:
    """The country a sea event is coded to (ACLED: the nearest country of the article): the country of
    the article's places other than bodies of water, else of the local actors it names (a government, an
    armed group: not a state force, which sails abroad); None when the article tells neither."""
    land = [e for e in ents if not (e.type == "LOC" and named_water(text, e))]
    return article_country(land) or local_country(ents)


def local_country(ents: list[Entity]) -> str | None:
    """The country most of the local actors an article names belong to (a government, police, an armed
    group: not a state force, which acts abroad; an organisation the dictionary lacks by the nationality
    it ends with, "قوات خفر السواحل اليمنية"), else None."""
    from marsad.text import lexicons as lx
    from marsad.text.actor_dictionary import actors

    local: Counter = Counter()
    for e in ents:
        known = actors().actors.get(e.actor_id) if e.type == "ORG" and e.actor_id else None
        if known and known.country != "XX" and known.kind in _KINDS - {"state_force"}:
            local[known.country] += 1
        elif e.type == "ORG" and not e.actor_id and len(words := (e.canonical or e.text).split()) > 1 \
                and (country := lx.nisba_country(words[-1])):
            local[country] += 1
    return local.most_common(1)[0][0] if local else None


def country_named_before(text: str, ents: list[Entity], place: Entity, country: str) -> int:
    """1 when the sentence of `place` names `country` itself before it ("وفي بوركينا فاسو، قتل مسلحون
    … قرب مدينة دوري"): a roundup's paragraph moving to another country locates its towns there, so a
    town of that country is no namesake of one at home (geo.foreign_namesake); else 0."""
    from marsad.text import lexicons as lx
    from marsad.text.arabic import normalize, strip_clitics

    start = max(text.rfind(".", 0, place.start), text.rfind("\n", 0, place.start)) + 1
    return int(any(e.type == "LOC" and start <= e.start and e.end <= place.start and any(
        lx.countries().get(f) == country for f in strip_clitics(normalize(e.canonical or e.text))) for e in ents))


def actors_country_before(text: str, ents: list[Entity], at: int) -> str | None:
    """The country of the local actors (armed groups, police, a government: not a state force, which acts
    abroad) the sentence at offset `at` names before it ("هاجمت جماعة نصرة الإسلام والمسلمين قاعدة في منطقة
    بوني"), when they are all of one: a town the gazetteers do not know in the article's country, or an
    article whose country rests on that one town, is in their country, whatever the rest of a roundup is about."""
    from bisect import bisect_left, bisect_right

    starts, ends, countries = _local_marks(ents)
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    found = {countries[k] for k in range(bisect_left(starts, start), bisect_right(starts, at)) if ends[k] <= at}
    return found.pop() if len(found) == 1 else None


_MARKS: list = [None, None]         # the last article's entities and their local actors (one lookup per article)


def _local_marks(ents: list[Entity]) -> tuple[list[int], list[int], list[str]]:
    """(starts, ends, countries) of the local actors among `ents`, in text order."""
    from marsad.text.actor_dictionary import actors

    if _MARKS[0] is not ents:
        marks = sorted((e.start, e.end, known.country) for e in ents if e.type == "ORG" and e.actor_id
                       and (known := actors().actors.get(e.actor_id)) and known.country != "XX"
                       and known.kind in _KINDS - {"state_force"})
        _MARKS[:] = [ents, ([m[0] for m in marks], [m[1] for m in marks], [m[2] for m in marks])]
    return _MARKS[1]
