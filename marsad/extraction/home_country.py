"""The country an article reports from, as its places and actors tell it: the one most of its geocoded
places are in, ties broken by the countries of the actors it names. Used to prefer a town's namesake
in that country and to place an event told without a place (event_places)."""
from __future__ import annotations

from collections import Counter

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
