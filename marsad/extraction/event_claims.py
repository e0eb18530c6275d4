"""Who claims an event: the attribution it is told under ("بحسب بيان لشعبة الإعلام الحربي"), else
the speaker of the factual statement (quote) that tells it, in its sentence or its paragraph.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.extraction.event_actors import ARMED, clean_actor
from marsad.extraction.spans import ByStart
from marsad.extraction.speakers import lexicon as quote_lexicon
from marsad.extraction.triggers import Trigger
from marsad.model import Entity, Quote
from marsad.text.arabic import normalize, normalize_map

ATTRIBUTED, QUOTED, NEARBY = 3, 2, 1     # how directly the text ties a claimant to the event


_ATTRIBUTED = re.compile(r"(?:(?:بحسب|حسب|وفق|نقلا عن)\s+|(?:وفقا|طبقا|تبعا)\s+(?=ل))(?:ما\s+(?:اعلن|اعلنت|ذكر|ذكرت|افاد|افادت|اورد|اوردت)\S*\s+(?:به\s+)?)?"
                         r"(?:بيان|تصريحات|مصادر في|بلاغ)?\s*(?:ل|لـ)?\s*(\S+(?:\s+\S+){0,4})")


def find_claimant(text: str, claims: ByStart[Quote], names: Names, trig: Trigger,
              sent_start: int, sent_end: int) -> tuple[str | None, int]:
    """Who the report says claims the event: an attribution ("بحسب بيان لشعبة الإعلام الحربي"),
    else the speaker whose statement tells it (`claims`: the factual ones, not calls or threats)."""
    inside = [q for q in claims.starting(trig.start - claims.longest, trig.start + 1) if trig.start < q.end + 1]
    if inside:
        return _speaker_name(inside[0].speaker_canonical, names), QUOTED
    norm, index = normalize_map(text[sent_start:sent_end])
    m = _ATTRIBUTED.search(norm)
    same = claims.starting(sent_start, sent_end)
    if m and index[m.start()] + sent_start > trig.start:
        # the quote rules read the attribution's speaker more carefully than the phrase cut here
        if same:
            return _speaker_name(same[-1].speaker_canonical, names), ATTRIBUTED
        start = sent_start + index[m.start(1)]
        # "وفقا للجيش السوري": the name the entities stage read there, its ال restored
        named = next((name for s, e, name in names.spans if s <= start + 2 and start < e), None)
        phrase = text[start:sent_start + index[m.end(1) - 1] + 1]
        return named or _speaker_name(_bare_source(phrase), names), ATTRIBUTED
    if same:
        return _speaker_name(same[0].speaker_canonical, names), NEARBY
    # told in a paragraph whose source is named in a sentence before it (or just after it)
    para_start = text.rfind("\n", 0, sent_start) + 1
    para_end = text.find("\n", sent_end)
    before = claims.starting(para_start, sent_start)
    after = claims.starting(sent_end, para_end if para_end >= 0 else len(text))
    nearby = before[-1:] or after[:1]
    return (_speaker_name(nearby[0].speaker_canonical, names), 0) if nearby else (None, 0)


_SOURCE_NOISE = re.compile(r"^(?:(?:ال)?(?:يوم|اليوم|امس|الليله|صباح|مساء|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت"
                           r"|صادر|الصادر|نشره|نشرته|عن)\s+)+")


def _bare_source(phrase: str) -> str:
    """An attribution's source without the day, "صادر عن" or a place after it: "الثلاثاء قيادي محلي في
    المدينة" → "قيادي محلي"."""
    phrase = re.split(r"[،,.]| التابع", phrase)[0].strip(" \"«»")
    norm, index = normalize_map(phrase)
    m = _SOURCE_NOISE.match(norm)
    if m and m.end() < len(norm):
        phrase = phrase[index[m.end()]:]
    cut = re.search(r"\s(?:في|فى|من|على|الى|إلى)\s", phrase)
    return phrase[:cut.start()] if cut and cut.start() > 0 else phrase


class Names:
    """The article's person names and organisation names (each once, first mention first)."""

    def __init__(self, ents: list[Entity]):
        self.people = {e.canonical for e in ents if e.type == "PER"}
        self.orgs = list(dict.fromkeys(e.canonical for e in ents if e.type == "ORG" and e.canonical))
        self.spans = [(e.start, e.end, e.canonical) for e in ents if e.type in ("ORG", "PER") and e.canonical]


def _speaker_name(phrase: str, names: Names) -> str:
    """A claimant phrase that runs past its organisation ("قوات الجيش الليبي السيطرة") is that organisation."""
    if phrase in names.people:
        return phrase
    armed = ARMED.match(normalize(phrase))
    inner = [o for o in names.orgs if armed and o in phrase and not phrase.endswith(o)]
    return clean_actor(max(inner, key=len)) if inner else clean_actor(phrase)


@lru_cache(maxsize=1)
def _directives() -> frozenset[str]:
    return quote_lexicon()["directives"]


def factual_claims(claims: list[Quote]) -> list[Quote]:
    """The statements an event may be claimed in: those with a speaker, not calls or orders."""
    return [q for q in claims if normalize(q.cue) not in _directives() and q.speaker_canonical]
