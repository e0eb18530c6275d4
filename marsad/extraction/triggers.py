"""Event triggers: the phrases of data/events.json that name an ACLED event type and sub-type, and
the words that cancel them (negation, denial, condition, future).

All rules are compiled into one alternation, so a sentence is scanned once; at one position the
rule written first in the file wins, which is why specific phrases precede general ones there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.data import load_json
from marsad.text.arabic import in_vocabulary, normalize, strip_clitics, tokens


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    event_type: str
    sub_event_type: str


@lru_cache(maxsize=1)
def lexicon() -> dict:
    raw = load_json("events.json")
    # Rules indexed by their first word (with and without the article): a token's clitic-stripped
    # forms are looked up, then the rule's other words compared with the tokens that follow.
    by_first: dict[str, list[tuple[int, tuple[str, ...], str, str]]] = {}
    for n, (phrase, etype, sub) in enumerate(raw["triggers"]):
        words = tuple(normalize(phrase).split())
        for first in {words[0], words[0][2:] if words[0].startswith("ال") else words[0]}:
            by_first.setdefault(first, []).append((n, words[1:], etype, sub))
    nouns = "|".join(re.escape(normalize(w)) for w in raw["place_nouns"])
    return {"by_first": by_first, "negation": frozenset(normalize(w) for w in raw["negation"]),
            "agree": frozenset(normalize(w) for w in raw["agreement_verbs"]),
            "facilities": frozenset(normalize(w) for w in raw["facility_heads"]),
            "org_heads": _org_heads(),
            "listed": re.compile(rf"(?<!\w)(?:[وبل]|ال)?(?:{nouns})\s+((?:[^\s،,.]+\s*){{1,12}})"),
            "singular": frozenset(normalize(w) for w in raw["place_nouns_singular"]),
            "common": _not_places(),
            "toponym": frozenset(normalize(w) for w in raw["toponym_heads"]),
            "pejorative": re.compile(r"\s+(?:" + "|".join(normalize(w) for w in raw["pejoratives"]) + r")(?!\w)"),
            "anaphor": re.compile(r"(?<!\w)(?:[وبلف]|في )?(?:" + "|".join(normalize(w) for w in raw["anaphors"]) + r")(?!\w)"),
            "future": tuple(normalize(p) for p in raw["future_prefix"]),
            "air": tuple(normalize(w) for w in raw["air_actors"]),
            "relative": frozenset(normalize(w) for w in raw["relative_place"])}


def _not_places() -> frozenset[str]:
    from marsad.text.lexicons import not_places

    return not_places()


def _org_heads() -> frozenset[str]:
    from marsad.text.lexicons import org_heads

    return org_heads() - {"الدفاع", "الامن"}


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Non-overlapping triggers in text[start:end], left to right; at one word the rule written
    first in data/events.json wins (specific phrases are listed before general ones)."""
    by_first = lexicon()["by_first"]
    toks = [t for t in tokens(text, start, end) if any(ch.isalpha() for ch in t.text)]
    words = [normalize(t.text) for t in toks]
    out, i = [], 0
    while i < len(toks):
        best = None
        for form in strip_clitics(words[i]):
            for n, rest, etype, sub in by_first.get(form, ()):
                if tuple(words[i + 1:i + 1 + len(rest)]) == rest and (best is None or n < best[0]):
                    best = (n, len(rest), etype, sub)
        if best is None:
            i += 1
            continue
        _, extra, etype, sub = best
        out.append(Trigger(toks[i].start, toks[i + extra].end, etype, sub))
        i += extra + 1
    return out


def negated(text: str, trig: Trigger, sent_start: int) -> bool:
    """A denial, negation, condition or future marker among the three words before the trigger."""
    lex = lexicon()
    before = normalize(text[max(sent_start, trig.start - 40):trig.start]).split()[-3:]
    if any(in_vocabulary(w, lex["negation"]) for w in before):
        return True
    # A future verb right before the trigger ("ستشن القوات هجوما" has the subject between; "ستشن
    # هجوما" not). The trigger word itself is never one: future forms are not in the lexicon, and
    # سيارة مفخخة merely starts like سـ + verb.
    return bool(before) and _future_verb(before[-1])


_NOT_FUTURE = ("سيار", "سيطر", "سياس", "سنو", "سنه", "سته", "ستين", "ستون", "سيد", "سين")


def _future_verb(word: str) -> bool:
    """سـ + an imperfect prefix (سيقصف، ستشن، سنرد); سأ is left out: سابق، ساعة start the same way."""
    from marsad.text.lexicons import place_names

    return (word.startswith(lexicon()["future"]) and len(word) >= 4 and not word.startswith(_NOT_FUTURE)
            and word not in place_names())


def _fold_weapons(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """"سلاح الجو المصري بقصف …": a bare shelling word right after an air trigger is that air strike."""
    out: list[Trigger] = []
    for t in triggers:
        prev = out[-1] if out else None
        close = prev is not None and t.start - prev.end < 40
        if (close and prev.sub_event_type == "Air/drone strike" and t.event_type == prev.event_type
                and any(f.startswith("قصف") for f in strip_clitics(normalize(text[t.start:t.end]).split()[0]))):
            out[-1] = Trigger(prev.start, t.end, prev.event_type, prev.sub_event_type)
        elif close and prev.sub_event_type == "Armed clash" and t.event_type == "Explosions/Remote violence" \
                and any(f.startswith("هجوم") for f in strip_clitics(normalize(text[prev.start:prev.end]).split()[0])):
            out[-1] = Trigger(prev.start, t.end, t.event_type, t.sub_event_type)   # "لهجوم بصواريخ"
        else:
            out.append(t)
    return out


def _plausible(text: str, trig: Trigger, sent_start: int) -> bool:
    """Agreements need an agreement verb nearby (وقع، توصل، أبرم): "للهدنة" alone is no event."""
    if trig.sub_event_type != "Agreement":
        return True
    around = normalize(text[sent_start:trig.start]).split()
    return any(in_vocabulary(w, lexicon()["agree"]) for w in around)
