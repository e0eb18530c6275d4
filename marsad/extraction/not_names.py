"""Phrases shaped like a name that name no body or place.

A social platform after its medium noun ("على منصة إكس"، "عبر تطبيق تلغرام"، "فيسبوك") is where a
statement was posted (a quote's channel), no organisation of the story. A front ("جبهة الجنوب"، "جبهة
لبنان"، "محور الشمال") followed by a direction or a known place is a front line, not a body named جبهة
(جبهة النصرة، جبهة تحرير …). A landmark noun with an indefinite ل-word after it ("ساحة لتصفية
الحسابات"، "ساحة لتبادل الرسائل") says what the ground is for: no square's name.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.data import load_json
from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, strip_clitics


@lru_cache(maxsize=1)
def _platforms() -> frozenset[str]:
    return frozenset(normalize(w) for w in load_json("quotes.json")["platforms"])


_PLATFORM_HEADS = frozenset(normalize(w) for w in ("منصة", "تطبيق", "موقع", "شبكة"))


def platform_name(name: str) -> bool:
    """"منصة إكس"، "تطبيق تلغرام"، "فيسبوك" (a proclitic allowed): a platform, no organisation."""
    words = normalize(name).split()
    if len(words) > 1 and any(f in _PLATFORM_HEADS for f in strip_clitics(words[0])):
        words = words[1:]
    bare = " ".join(words)
    return bare in _platforms() or bare[:1] in "بل" and bare[1:] in _platforms()


_FRONTS = frozenset(normalize(w) for w in ("جبهة", "محور"))
_DIRECTIONS = frozenset(normalize(w) for w in ("الجنوب", "الشمال", "الشرق", "الغرب", "الوسط", "جنوب", "شمال", "شرق",
                                                "غرب", "الجنوبية", "الشمالية", "الشرقية", "الغربية"))


def front_line(head: str, nxt: str) -> bool:
    """The (normalised) head is a front noun and the next word a direction or a known place or country:
    "جبهة الجنوب اللبناني"، "جبهة غزة" is where fighting goes on, no body's name."""
    return any(f in _FRONTS for f in strip_clitics(head)) and (
        nxt in _DIRECTIONS or nxt in lx.place_names() or nxt in lx.countries())


def purpose_word(word: str) -> bool:
    """An indefinite ل-word after a landmark noun ("ساحة لتصفية الحسابات"، normalised): what the ground
    is for, no name; لبنان and other names starting with ل are known places or given names."""
    return word[:1] == "ل" and not word.startswith("لل") and len(word) > 3 and word not in lx.place_names() \
        and word not in lx.countries() and word not in lx.person_names()
