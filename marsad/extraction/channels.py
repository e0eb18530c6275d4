"""Through which channel a statement reached the report: phone interview, TV, press conference,
Facebook, Twitter/X, statement or news agency; a post on another platform (Telegram …) is `other`.

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
    press = [normalize(w) for w in raw["media_heads"]["press"]]
    heads = "|".join(re.escape(w) for w in press if not w.startswith("ال") and w != "نت")
    return {"priority": raw["channel_priority"],
            "patterns": {k: re.compile("|".join(rf"(?<!\w)(?:[وبلف]|ال)?{re.escape(normalize(p))}" for p in v))
                         for k, v in raw["channels"].items()},
            "agency": tuple(normalize(w) for w in raw["media_heads"]["news_agency"]),
            "tv": tuple(normalize(w) for w in raw["media_heads"]["tv"]),
            "press": frozenset(press),
            # a post on a platform CONTRACT.md does not list (Telegram, WhatsApp, YouTube …): `other`
            "social": re.compile("|".join(rf"(?<!\w)(?:[وبلف]|ال)?{re.escape(normalize(p))}"
                                          for p in load_json("speech_shapes.json")["social_other"])),
            # told to a website, newspaper, radio or network: "لموقع X"، "للصحيفة"، "في مقابلة مع إذاعة X"
            "told_press": re.compile(rf"(?<!\w)(?:لل?|مع\s+(?:ال)?)(?:{heads})(?!\w)")}


def channel_in(text: str) -> str | None:
    """The channel the wording of `text` names (the first in priority order), else an outlet's kind:
    an agency's or a channel's, `other` for a website, newspaper, radio or news network spoken to."""
    norm, lex = normalize(text), _lex()
    for name in lex["priority"]:
        if lex["patterns"][name].search(norm):
            return name
        if name == "statement" and lex["social"].search(norm):
            return "other"                  # a post there; a statement or a conference put out there is one
    press = False
    for m in actors().find(text):
        if m.actor.kind != "media":
            continue
        gap = text[max(0, m.start - 12):m.start]                          # "لموقع سكاي نيوز"، "قناة X"
        words = normalize(" ".join((gap.split()[-1:] if gap[-1:].isspace() else []) + [text[m.start:m.end]])).split()
        kind = _kind(words) or (None if _press(words) else outlet_channel(m.actor.name))
        if kind:
            return kind
        press = press or _press(words)
    return "other" if press or lex["told_press"].search(norm) else None


def _kind(words: list[str]) -> str | None:
    """`news_agency` or `tv` when one of the first three words is an agency's or a channel's head."""
    lex = _lex()
    for w in words[:3]:
        w = w[1:] if w[:1] in "لب" and len(w) > 4 else w
        if w in lex["agency"] or w.removeprefix("ال") in lex["agency"]:
            return "news_agency"
        if w in lex["tv"] or w.removeprefix("ال") in lex["tv"]:
            return "tv"
    return None


def _press(words: list[str]) -> bool:
    """A website, newspaper, radio or network by its words ("موقع X"، "الجزيرة نت"، "لصحيفة X")."""
    press = _lex()["press"]
    return any(w in press or (w[:1] in "لب" and len(w) > 4 and w[1:] in press) for w in words[:4])


def outlet_channel(name: str | None) -> str | None:
    """`news_agency` for an agency's name (وكالة …، الأناضول via the dictionary), `tv` for a channel's
    (قناة …، تلفزيون …), else None: a newspaper, website, radio or news network reports, it is no channel
    of speech, even when it shares a channel's name in the dictionary ("الجزيرة نت"، "شبكة X")."""
    if not name:
        return None
    words = normalize(name).split()
    own = _kind(words)
    if own or _press(words):
        return own
    actor = actors().lookup(name) or actors().within(name)
    if actor is not None and actor.kind == "media":
        return _kind(normalize(actor.name).split())
    return None                          # a known monitor or body (الشبكة السورية لحقوق الإنسان) is no outlet


def relay_channel(name: str | None) -> str | None:
    """The channel of speech an outlet relays ("نقلت وكالة X عن مسؤول …"، "ونقلت إذاعة X عن سكان …"):
    an agency's or a channel's kind, `other` for a newspaper, website or radio (CONTRACT.md has no
    value of its own for them), None for a name that is no outlet."""
    kind = outlet_channel(name)
    if kind or not name:
        return kind
    return "other" if _press(normalize(name).split()) else None


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
