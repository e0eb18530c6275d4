"""Whose men an unnamed doer is: "مسلحون من جماعة نصرة الإسلام والمسلمين"، "مسلحون يشتبه في انتمائهم
إلى بوكو حرام"، "خلايا تابعة لتنظيم داعش"، "عناصر موالية لـX".

News in the Sahel, Lake Chad, Somalia and Iraq rarely makes the group the grammatical subject: it
writes "gunmen", "elements" or "cells" and then whose they are (or are suspected to be). ACLED codes
such an attack to the group (suspected or not, with a note), so the doer is the group the affiliation
names, when the actor dictionary knows it as armed (state forces, police, militias, armed groups).
The words (data/lexicon/actor_nouns.tsv, roles affiliated_head and affiliation) were written for marsad.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.extraction.casualty_words import TWO_AFTER, casualty_kind, casualty_lexicon
from marsad.extraction.support_verbs import ARMED_KINDS
from marsad.text.arabic import normalize, normalize_map, strip_clitics
from marsad.text.numbers import quantities

# head nouns of a group's name that an alias may leave out
_HEADS = frozenset(normalize(w) for w in ("تنظيم", "جماعة", "حركة", "ميليشيا", "ميليشيات", "قوات", "كتائب", "فصيل"))
LINK = 50           # characters after a head (it must start before `stop`) its affiliation words may take
REACH = 70          # characters after the affiliation word in which the group's name must begin and end


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    from marsad.text import lexicons as lx

    rows = lx.table("actor_nouns.tsv")
    alt = lambda role: "|".join(sorted({re.escape(normalize(r["word"])) for r in rows
                                        if r["role"] == role}, key=len, reverse=True))
    # a link ending in لـ/بـ is a clitic written on the group's name: the name starts right after it
    links = "|".join(f"{w[:-3]}\\s+(?=[لب])" if w.endswith((r"\ ل", r"\ ب")) else w + r"\s+"
                     for w in alt("affiliation").split("|"))
    return re.compile(rf"(?<!\w)(?:[وفبل]|ال|وال|بال|لل)?(?:{alt('affiliated_head')})(?:\s+(?:مجهول|مسلح|ارهابي|متطرف|تكفيري)\S*)?\s+(?:{links})")


def affiliated(text: str, start: int, stop: int) -> dict[int, str]:
    """For each unnamed doer in text[start:stop] followed by whose men they are, its offset → the
    dictionary name of the armed actor named there ("مسلحون من جماعة X" → X); the head must start
    before `stop`, its affiliation and the group's name may run past it. Heads followed by no known
    armed actor are left out."""
    from marsad.text.actor_dictionary import actors

    end = min(len(text), stop + LINK)
    norm, index = normalize_map(text[start:end])
    out: dict[int, str] = {}
    for m in _pattern().finditer(norm):
        if start + index[m.start()] >= stop:
            break
        at = start + (index[m.end()] if m.end() < len(index) else end)
        rest = text[at:at + REACH]
        words = rest.split(None, 2)
        # the name begins in the first word after the link (its clitic ل/ب left out by the dictionary),
        # or the second after a head noun the alias leaves out ("تنظيم | ولاية الساحل")
        reach = len(words[0]) if words else 0
        if len(words) > 1 and any(f in _HEADS for f in strip_clitics(normalize(words[0]))):
            reach = rest.find(words[1]) + len(words[1])
        found = actors().find(rest)
        if found and found[0].start < reach and found[0].actor.kind in ARMED_KINDS:
            out[start + index[m.start()]] = found[0].actor.name
    return out


# words that count the dead, wounded or seized of a side beside the casualty verbs and nouns of events.json
_COUNTED = frozenset(normalize(w) for w in ("استشهاد", "اصابة", "جرح", "سقوط", "أسر", "خطف", "اختطاف", "اعتقال",
                                            "اعتقل", "اعتقلت", "توقيف", "القبض"))


def victims_of(text: str, start: int, pos: int) -> bool:
    """Whether the side named at `pos` is counted among an event's casualties: "مقتل ستة من أفراد X"،
    "قتل اثنان من عناصر X"، "إصابة جنديين من X" — a member noun or من right before it, a casualty word a
    few words before that (not "مسلحون من X", whose head is the doer: see `affiliated`), or a rank and
    في ("مقتل قيادي في X")."""
    from marsad.extraction.trigger_lexicon import lexicon

    if _counted_dead(text[max(start, pos - 50):pos]) or _DEAD_OF.search(normalize(text[max(start, pos - 12):pos])):
        return True
    # a numeral after its noun ("قياديين اثنين في X") counts it, as one before it does
    words = [w for w in normalize(text[max(start, pos - 70):pos]).split() if w not in TWO_AFTER]
    members, heads = _roles("member"), _roles("affiliated_head")
    if words and words[-1] in members:
        words = words[:-1] + ["من"] if len(words) < 2 or words[-2] != "من" else words[:-1]
    elif len(words) > 1 and words[-1] == "في" and words[-2] in _roles("rank"):
        words = words[:-2] + ["من"]             # "مقتل قيادي في تنظيم X": one of X's men
    if len(words) < 2 or words[-1] != "من" or any(f in heads - members for f in strip_clitics(words[-2])):
        return False
    slot = lexicon()["victims"]
    return any(f in slot.verbal or f in slot.nominal or f in _COUNTED for w in words[-7:-1] for f in strip_clitics(w)) \
        or _person(words[-2]) and _struck_after(text, pos)


def _person(word: str) -> bool:
    """A noun for one or two people, in any case: شرطي، شرطيا (accusative after إن)، عنصرين."""
    lex = casualty_lexicon()
    forms = strip_clitics(word) + (strip_clitics(word[:-1]) if word.endswith("ا") else ())
    return any(f in lex["persons"] or f in lex["duals"] for f in forms)


def _struck_after(text: str, pos: int) -> bool:
    """"إن عنصرين من حزب الله قتلا …": the people counted before the body are the subject of a
    killing or wounding verb a few words after it (the body's own name comes first)."""
    for w in normalize(text[pos:pos + 60]).split()[1:6]:
        if w in ("،", ".") or w.endswith(("،", ".")):
            return False
        if casualty_kind(w) in ("killed", "injured"):
            return True
    return False


# "قتلت القوات الأمنية خمسة | مسلحين": a count right after a killing, wounding or arresting verb
_KILLED_COUNT = re.compile(r"(?<!\S)(?:[وف]?قتل\S{0,2}|[وف]?اصاب\S{0,2}|[وف]?جرح\S{0,2}|[وف]?اعتقل\S{0,2}|"
                           r"[وف]?[بل]?(?:مقتل|اصابه|جرح|اعتقال))\s+(?:\S+\s+){0,3}$")
# "مقتل مسلحين"، "بمقتل عناصر": the casualty noun's object, its dead, with no count between
_DEAD_OF = re.compile(r"(?<!\S)[وف]?[بل]?(?:مقتل|اصابه|اعتقال)\s+$")


def _counted_dead(before: str) -> bool:
    """The phrase after `before` is the counted object of a killing verb: the dead themselves."""
    words = before.split()
    return bool(words and quantities(words[-1])
                and _KILLED_COUNT.search(normalize(before[:before.rstrip().rfind(" ") + 1])))


@lru_cache(maxsize=4)
def _roles(role: str) -> frozenset[str]:
    from marsad.text import lexicons as lx

    return frozenset(normalize(r["word"]) for r in lx.table("actor_nouns.tsv") if r["role"] == role)
