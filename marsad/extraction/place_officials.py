"""An official of a place, then his name: "رئيس بلدية X Y فلان الفلاني"، "مختار قرية X فلان".

The tagger reads the place's name and the official's name after it as one person, and a name after
a place noun becomes a place (head_names.after_place_noun), swallowing the man. When a role or a
title stands before the place noun, the words after the noun are the place's name up to where a
given name (lexicon/person_names.txt) opens two or more words: a known place (places.tsv) as long
as it goes, else the first given name after the place's first word.
"""
from __future__ import annotations

import re

from marsad.model import Entity
from marsad.text import lexicons as lx
from marsad.text.arabic import normalize


def official_before(before: list[str]) -> bool:
    """The (normalised) words before the place noun end in a role or a title ("رئيس"، "محافظ"، "مختار")."""
    if len(before) < 2:
        return False
    w = before[-2].removeprefix("و")
    return w in lx.role_heads("speaker") or w in _OFFICIALS or w in lx.titles()


_OFFICIALS = frozenset(normalize(w) for w in ("مختار", "عمدة", "شيخ", "نائب", "عضو", "قائم"))


def place_then_person(text: str, e: Entity) -> list[Entity] | None:
    """[place, person] when `e` (a name after a place noun an official holds) splits into a place's
    name and a person's name of two words or more; else None."""
    spans, pos = [], e.start
    for w in e.text.split():
        start = text.index(w, pos)
        spans.append((start, start + len(w)))
        pos = start + len(w)
    words = [normalize(text[s:t]) for s, t in spans]
    names, places = lx.person_names(), lx.place_names()
    given = [k for k in range(1, len(words) - 1) if words[k] in names and not words[k].startswith("ال")]
    if not given:
        return None
    known = [k for k in given if " ".join(words[:k]) in places]
    k = known[-1] if known else given[0]
    place, person = (spans[0][0], spans[k - 1][1]), (spans[k][0], spans[-1][1])
    return [Entity(text[place[0]:place[1]], "LOC", place[0], place[1], canonical=text[place[0]:place[1]]),
            Entity(text[person[0]:person[1]], "PER", person[0], person[1], canonical=text[person[0]:person[1]])]


# a council named by its kind, then the town it governs, bare (Libyan usage: "المجلس البلدي مصراتة"،
# "المجلس المحلي الزنتان"): short for "المجلس البلدي لبلدية X"; the town belongs to the body's name
_COUNCIL_KINDS = frozenset(normalize(w) for w in ("البلدي", "المحلي", "التسييري", "الاجتماعي"))


def council_towns(text: str, ents: list[Entity]) -> list[Entity]:
    """An organisation ending in a council's kind (البلدي، المحلي) and a known place right after it are
    one organisation: "المجلس البلدي مصراتة" (not the council, then the town)."""
    out: list[Entity] = []
    grown = -1
    for e in ents:
        if e.start < grown:
            continue                                    # the town, now in the council's name
        town = re.match(r" (\S+)", text[e.end:e.end + 30]) if e.type == "ORG" and \
            normalize(e.text.split()[-1]) in _COUNCIL_KINDS else None
        if town and normalize(town.group(1).strip("،,.")) in lx.place_names():
            end = e.end + len(town.group(1).rstrip("،,."))
            e = Entity(text[e.start:end + 1], "ORG", e.start, end + 1, canonical=text[e.start:end + 1])
            grown = e.end
        out.append(e)
    return out
