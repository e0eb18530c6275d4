"""The doer a sentence names outright, wherever its trigger stands: who claims the act ("أعلنت حركة
الشباب مسؤوليتها عن الهجوم"), the agent of a passive ("استهدفت من قبل الجماعات المسلحة"، "على يد
مسلحين"), and the accused of an accusation ("اتهمت السلطات المحلية الحركة الشعبية بالوقوف وراء القصف").

Arabic news tells who did an attack, when nobody claims it, by who blames whom: the accuser is the
subject of اتهم, the accused its object, and a بـ phrase says what of (بالوقوف وراء، بتنفيذ، بشن،
بقصف …). The accused is the event's alleged doer (ACLED's actor1 when the report names only an
accused side) and the accuser its claimant, never a side of it. اتهم takes an object, so a lone
noun phrase before the بـ phrase is the accused ("واتهم الجيش بقصف الحي": the army is blamed, by
a speaker told before, or by the passive's unnamed accusers).
"""
from __future__ import annotations

import re

from marsad.model import Entity
from marsad.text.arabic import normalize_map

CLAIMED = re.compile(r"(?:اعلن|اعلنت|تبني|تبنت|اعلنوا)\s+(.{3,80}?)\s+(?:مسووليت|المسووليه)")
_PASSIVE_AGENT = re.compile(r"(?:من قبل|على يد|علي يد|بواسطه)\s+")
# the verb, then the accuser and the accused, then what they are accused of (normalised spellings)
_ACCUSE = re.compile(
    r"(?<!\S)[وف]?اتهم(?:ت|وا|تا|ا)?\s+(.{3,160}?)\s+(?:بالوقوف|بتنفيذ|بشن|بارتكاب|بالمسووليه|بقصف|باستهداف|"
    r"بالهجوم|بمهاجمه|بقتل|باغتيال|بخطف|باختطاف|بزرع|بتفجير|باطلاق)(?!\S*\s+سراح)")


def accused(text: str, ents: list[Entity], start: int, end: int) -> tuple[Entity, Entity | None] | None:
    """(the accused, the accuser when it is a named body or person) of the first accusation of a
    doer in text[start:end], or None."""
    norm, index = normalize_map(text[start:end])
    m = _ACCUSE.search(norm)
    if not m:
        return None
    s0, s1 = start + index[m.start(1)], start + index[m.end(1) - 1] + 1
    inside = [e for e in ents if e.type in ("ORG", "PER") and s0 <= e.start and e.end <= s1]
    if not inside:
        return None
    return inside[-1], (inside[0] if len(inside) > 1 else None)


def stated_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where text[start:end] names its doer outright, in the order to try them: the claimant of a
    claim of responsibility, then the words after a passive's agent marker."""
    norm, index = normalize_map(text[start:end])
    spans = []
    if m := CLAIMED.search(norm):
        spans.append((start + index[m.start(1)], start + index[m.end(1) - 1] + 1))
    if m := _PASSIVE_AGENT.search(norm):
        s0 = start + index[m.end()] if m.end() < len(index) else end
        spans.append((s0, min(end, s0 + 12)))
    return spans

