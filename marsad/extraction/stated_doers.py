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
from marsad.text.numbers import quantities

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


# "قتل ثلاثة من أفراد | الشرطة"، "مقتل جنديين من | الجيش": the body the dead or wounded belong to
_VICTIMS_OF = re.compile(r"(?<!\S)(?:[وف]?قتل\S{0,2}|مقتل|مصرع|[وف]?استشهد\S{0,2}|استشهاد|[وف]?اصيب\S{0,2}|اصابه|[وف]?جرح\S{0,2})\s+(?:\S+\s+){1,3}?من\s+"
                         r"(?:افراد|عناصر|جنود|منتسبي|مقاتلي|ضباط|حراس)?\s*$")


# "قتلت القوات الأمنية خمسة | مسلحين": the counted dead after a killing verb
_KILLED_COUNT = re.compile(r"(?<!\S)(?:[وف]?قتل\S{0,2}|[وف]?اصاب\S{0,2}|[وف]?جرح\S{0,2}|[وف]?اعتقل\S{0,2})\s+(?:\S+\s+){0,3}$")


def victims_body(text: str, pos: int) -> bool:
    """The name at `pos` is that of the body whose members a casualty count tells of, or the
    counted dead themselves: a victim, never the doer."""
    before = text[max(0, pos - 50):pos]
    norm = normalize_map(before)[0]
    if _VICTIMS_OF.search(norm):
        return True
    words = before.split()
    return bool(words and quantities(words[-1]) and _KILLED_COUNT.search(normalize_map(before[:before.rstrip().rfind(" ") + 1])[0]))
