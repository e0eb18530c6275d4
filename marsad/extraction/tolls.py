"""Casualty and displacement figures, and which of them are tolls (CONTRACT.md).

A figure is a count that a casualty word governs: "43 قتيلا", "مقتل 21", "11 شخصا قتلوا", "مقتل
جنديين" (a dual is two), "استشهاد مواطن" (a singular person is one), "ثلاثة صحفيين ومسنة" (four).
Each figure is either one incident's count, which goes on that event (extraction/fatalities.py), or
a toll: a count over a period (منذ بداية الحرب، خلال الشهر الماضي), a rising total of several
events (ارتفعت حصيلة الاشتباكات إلى 52), the whole conflict's count (أدى العنف إلى مقتل 1100), or a
sum over several incidents (ثلاث هجمات متزامنة، غارات على مناطق متفرقة، في تفجير … وآخر بعبوة).
A rising or final count of one incident (ارتفع عدد قتلى الهجوم إلى 8) is that incident's and
replaces its earlier counts. A figure inside another (بينهم 3 أطفال) is a part and counts nowhere by
itself. A figure the article repeats is one toll, unless one mention ties it to one named incident.
What a number counts is read in extraction/casualty_counts.py, the sentence's scope cues in
extraction/casualty_scope.py.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.extraction.casualty_counts import (
    BACK,
    besides_one,
    count_kind,
    joined_persons,
    noun_counts,
    others_told,
    skip_quotes,
    token_at,
)
from marsad.extraction.casualty_scope import QUOTES, STOPS, Sent
from marsad.extraction.casualty_words import casualty_lexicon, has_form, named_victims
from marsad.model import Toll
from marsad.text.arabic import Sentence, normalize, sentences
from marsad.text.numbers import Quantity, quantities


@dataclass(frozen=True)
class Figure:
    kind: str
    value: int
    approximate: bool
    text: str
    start: int
    end: int
    scope: str | None = None   # the words that make it a toll; None: one incident's count
    update: bool = False       # a rising or final count of one incident: it supersedes earlier ones
    part: bool = False         # part of the figure before it (بينهم 3 أطفال)
    single: bool = False       # its sentence names one incident (الهجوم على …)


def _sentence_figures(text: str, sent: Sentence) -> list[Figure]:
    s, lex = Sent(text, sent), casualty_lexicon()
    if not s.toks:
        return []
    found: list[tuple[int, int, str, int, bool, bool, Quantity | None]] = []
    for a, b, kind, value in noun_counts(s):
        end, value = joined_persons(s, b, value)
        found.append((a, end, kind, value, False, False, None))
    prior = {end - 1: kind for _, end, kind, *_ in found}     # index a figure ends at: its kind
    covered = {x for a, b, *_ in found for x in range(a, b)}
    qs = quantities(text, sent.start, sent.end)
    top = None                                         # "بين 30 و35 شخصا": the range's top, read with its start
    for n, q in enumerate(qs):
        i, j = token_at(s.toks, q.start), token_at(s.toks, q.end - 1) + 1
        if q.definite or q.value < 1 or i in covered or q is top:
            continue                                   # "معسكرات الجيش الثلاثة", "يوم الاثنين"
        top = qs[n + 1] if i and s.words[i - 1] in ("بين", "مابين") and n + 1 < len(qs) \
            and token_at(s.toks, qs[n + 1].start) == j and s.toks[j].text.startswith("و") else None
        if top is not None:                            # ACLED takes the lowest: the start, counting the top's noun
            j = token_at(s.toks, top.end - 1) + 1
        if any(0 <= x < len(s.toks) and s.toks[x].text in "-/" for x in (i - 1, j)):
            continue                                   # a date or a range: "2025-11-20"
        if q.value == 1 and not q.approximate or normalize(q.text).startswith("عدد"):
            continue                                   # "شخص واحد": the noun counts it; "عدد من" no count
        kind, end, part = count_kind(s, i, j, prior)
        if kind is None:                               # "ارتفعت حصيلة القتلى … إلى 67 من قوات النظام"
            kind = next((k for pos, _, _, k in s.rising if pos < i and _words_between(s, pos, i) < 20), None)
        if kind is None:
            continue
        noun = s.words[skip_quotes(s, j)] if skip_quotes(s, j) < len(s.words) else ""
        if 1900 <= q.value <= 2100 and not q.approximate and not has_form(noun, lex["counted"]):
            continue                                   # a year, not a count
        end, value = joined_persons(s, end, q.value)
        approx = q.approximate or top is not None or " ".join(s.words[end:end + 2]) == "علي الاقل"
        named = kind == "killed" and named_victims(s.words, i, STOPS | QUOTES)
        if named and named[0] not in covered:           # "العقيد فلان والمقدم فلان و5 مجندين قتلوا"
            i, value, q = named[0], value + named[1], None
        elif kind == "killed" and (killing := besides_one(s, i, end, found)) is not None:
            i, value, q = killing, value + 1, None         # "مقتل فلان و16 آخرين"
        found.append((i, end, kind, value, approx, part, q))
        prior[j - 1] = kind
    found += others_told(s, found, prior)
    out = []
    for i, end, kind, value, approx, part, q in sorted(found, key=lambda f: f[0]):
        scope, update = _scope(s, i, kind)
        if q is None and value <= 2 and not update:
            scope = None                               # "مقتل أحد القادة …": one or two people sum no incidents
        start = q.start if q else s.toks[i].start
        stop = s.toks[end - 1].end
        out.append(Figure(kind, value, approx, text[start:stop], start, stop, scope, update, part,
                          s.single and not scope))
    return _coordinated(s, out)


def _words_between(s: Sent, a: int, b: int) -> int:
    return s.pos[b] - s.pos[a + 1] if b > a else 0


def _scope(s: Sent, i: int, kind: str | None = None) -> tuple[str | None, bool]:
    """(toll scope words or None, is a one-incident update) of the figure at word i."""
    lex, w = casualty_lexicon(), s.words
    for pos, words, one, counted in reversed(s.rising):
        if counted and kind and counted != kind and not {counted, kind} <= {"killed", "injured"}:
            continue                                      # "بلغ عدد المخطوفين 17، وقتل اثنان منهم": another count
                                                          # (the dead and the hurt are one toll's)
        # the counts after a rising total, not one told later ("وكانت حصيلة سابقة … 4")
        if pos < i and not any(x in ("سابقه", "سابقا") for x in w[pos:i]) and _words_between(s, pos, i) < 20:
            return (None, True) if one else (words, False)
    if s.final:
        return None, True
    for pos, words in s.period:
        if s.cue_applies(pos, i) and not s.fronted(pos, i):
            return words, False
    for b in range(max(0, i - BACK - 1), i):
        if has_form(w[b], lex["conflict"]) and s.cue_applies(b, i) and not any(x in STOPS for x in w[b:i]):
            return s.toks[b].text, False
    several = s.several(i)
    return (several, False) if several else (None, False)


def _coordinated(s: Sent, figs: list[Figure]) -> list[Figure]:
    """"العنف أدى إلى مقتل 1100، ونزوح 100 ألف": a figure joined by و to a toll is part of that toll."""
    out: list[Figure] = []
    for f in figs:
        prev = out[-1] if out else None
        gap = [x for x in s.words[token_at(s.toks, prev.end - 1) + 1:token_at(s.toks, f.start)]
               if x not in STOPS and x not in QUOTES] if prev else []
        joined = prev and prev.scope and not f.scope and not f.part and not f.update and len(gap) <= 5 and (
            f.text.startswith("و") or gap[:1] == ["مقابل"] or (gap[:1] and gap[0].startswith("و")))
        out.append(replace(f, scope=prev.scope) if joined else f)
    return out


@lru_cache(maxsize=8)                  # events, tolls and fatalities read the same article
def casualty_figures(text: str) -> tuple[Figure, ...]:
    figs = [f for sent in sentences(text) for f in _sentence_figures(text, sent)]
    return tuple(_resolve(figs))


def _resolve(figs: list[Figure]) -> list[Figure]:
    """One reading per (kind, value): a count the article also ties to one named incident (or gives
    as one incident's rising count) is that incident's; else one that any mention scopes over
    several incidents is a toll, with that mention's scope."""
    groups: dict[tuple[str, int], list[Figure]] = {}
    for f in figs:
        if not f.part:
            groups.setdefault((f.kind, f.value), []).append(f)
    verdict = {key: None if any(f.update or f.single and not f.scope for f in fs)
               else next((f.scope for f in fs if f.scope), None)
               for key, fs in groups.items()}
    return [f if f.part else replace(f, scope=verdict[(f.kind, f.value)]) for f in figs]


def find_tolls(text: str) -> list[Toll]:
    """The article's tolls: each distinct aggregate figure once, in text order."""
    seen, out = set(), []
    for f in casualty_figures(text):
        if f.scope and not f.part and (f.kind, f.value) not in seen:
            seen.add((f.kind, f.value))
            out.append(Toll(f.kind, f.value, f.approximate, f.text, f.start, f.end, scope=f.scope))
    return out
