"""Where a name the tagger missed ends, after a speaker's role ("المتحدث باسم مكتب الأمم المتحدة فلان").

A word glued to ل usually opens the addressee ("لوكالة"، "لرويترز"), and ends the name before it. But
transliterated family names begin with ل too (لافروف، لاركه، لوبيز): when such a word closes the
clause — punctuation, a complementizer or the medium ("في تصريح") follows — and names no outlet, it is
the name's last word. An announced object ("أعلن المتحدث فلان فلان استهداف …") is never part of it.
"""
from __future__ import annotations

from marsad.extraction.channels import is_outlet
from marsad.text.arabic import Token, normalize

_CLOSE = set("،,:()[]؛;.!?؟«“\"")
_AFTER = frozenset(normalize(w) for w in ("في", "خلال", "عبر", "أمام"))


def glued_surname(toks: list[Token], j: int, end: int, complementizers: frozenset[str]) -> bool:
    """toks[j] (opening with ل, not لل) is a family name closing the name, not the preposition ل."""
    raw = toks[j].text
    if raw[:1] != "ل" or raw[:2] == "لل" or len(raw) < 5:
        return False
    if j + 1 < len(toks) and toks[j + 1].end <= end:
        nxt = toks[j + 1].text
        if nxt not in _CLOSE and normalize(nxt) not in complementizers and normalize(nxt) not in _AFTER:
            return False
    return not is_outlet(raw[1:])
