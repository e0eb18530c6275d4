"""Through which channel a statement reached the report: phone interview, TV, press conference,
Facebook, Twitter/X, statement or news agency.

The wording around a speech cue says it: "في اتصال هاتفي مع"، "عبر صفحتها على فيسبوك"، "في بيان"،
"لتلفزيون …"، "عبر منصة إكس". A news outlet named as the addressee or the relay ("لوكالة فرانس برس"،
"لرويترز"، "نقلت وكالة الأناضول عن …") gives the outlet's kind: an agency is `news_agency`, a channel
or television `tv`. Outlets are read from the actor dictionary (kind media), so a newly added agency
needs a dictionary row, not a word here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.data import load_json
from marsad.text.actor_dictionary import actors
from marsad.text.arabic import normalize


@lru_cache(maxsize=1)
def _lex() -> dict:
    raw = load_json("quotes.json")
    return {"priority": raw["channel_priority"],
            "patterns": {k: re.compile("|".join(rf"(?<!\w)(?:[وبلف]|ال)?{re.escape(normalize(p))}" for p in v))
                         for k, v in raw["channels"].items()},
            "agency": tuple(normalize(w) for w in raw["media_heads"]["news_agency"]),
            "tv": tuple(normalize(w) for w in raw["media_heads"]["tv"])}


def channel_in(text: str) -> str | None:
    """The channel the wording of `text` names (the first in priority order), else an outlet's kind."""
    norm, lex = normalize(text), _lex()
    for name in lex["priority"]:
        if lex["patterns"][name].search(norm):
            return name
    for m in actors().find(text):
        kind = outlet_channel(m.actor.name)
        if kind and m.actor.kind == "media":
            return kind
    return None


def outlet_channel(name: str | None) -> str | None:
    """`news_agency` for an agency's name (وكالة …، الأناضول via the dictionary), `tv` for a channel's
    (قناة …، تلفزيون …), else None (a newspaper or website reports, it is no channel of speech)."""
    if not name:
        return None
    lex, words = _lex(), normalize(name).split()
    actor = actors().lookup(name) or actors().within(name)
    if actor is not None and actor.kind == "media":
        words = normalize(actor.name).split() + words
    elif actor is not None and actors().lookup(name) is actor:
        return None                      # a known monitor or body (الشبكة السورية لحقوق الإنسان) is no outlet
    for w in words[:3]:
        w = w[1:] if w[:1] in "لب" and len(w) > 4 else w
        if w in lex["agency"] or w.removeprefix("ال") in lex["agency"]:
            return "news_agency"
        if w in lex["tv"] or w.removeprefix("ال") in lex["tv"]:
            return "tv"
    return None


def is_outlet(name: str | None) -> bool:
    """A news outlet (agency, channel, newspaper, website) rather than a party to the story."""
    if not name:
        return False
    actor = actors().lookup(name)
    return (actor is not None and actor.kind == "media") or outlet_channel(name) is not None


def share_channels(quotes: list) -> None:
    """Within one speaker's uninterrupted run of quotes, a channel named once applies to all."""
    i = 0
    while i < len(quotes):
        j = i
        while j + 1 < len(quotes) and quotes[j + 1].speaker_canonical == quotes[i].speaker_canonical:
            j += 1
        known = next((q.channel for q in quotes[i:j + 1] if q.channel), None)
        for q in quotes[i:j + 1]:
            q.channel = q.channel or known
        i = j + 1
