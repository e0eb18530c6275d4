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
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.extraction.casualty_scope import QUOTES, RELATIVE, STOPS, Sent
from marsad.extraction.casualty_words import (
    OTHERS,
    _bare,
    _in,
    _lex,
    _person,
    casualty_kind,
    named_victims,
)
from marsad.model import Toll
from marsad.text.arabic import Sentence, Token, normalize, sentences, strip_clitics
from marsad.text.numbers import Quantity, quantities
from marsad.text.numbers import _lexicon as number_words

_PREPOSITIONS = {"في", "علي", "من", "الي", "عن", "مع", "بين", "ضد"}
BACK, AHEAD = 7, 8      # words between a number and the casualty word before / the verb after it
_RESUMPTIVE = {"انهم", "بانهم", "وانهم", "لانهم", "انهما", "بانهما", "انهن"}    # "… أنهم قتلوا"


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


def _index(toks: list[Token], offset: int) -> int:
    """The token that holds text offset `offset` (or the first after it)."""
    lo, hi = 0, len(toks) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].end > offset:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _skip(s: Sent, i: int) -> int:
    while i < len(s.words) and s.toks[i].text in QUOTES:
        i += 1
    return i


def _back(s: Sent, i: int) -> int:
    """The word at or before i that is no quote mark or bracket (-1: none)."""
    while i >= 0 and s.toks[i].text in QUOTES:
        i -= 1
    return i


def _count_kind(s: Sent, i: int, j: int, prior: dict[int, str]) -> tuple[str | None, int, bool]:
    """(kind, index after the counted noun, part) of the number in words[i:j]; kind None: not a casualty count."""
    lex, w = _lex(), s.words
    k = _skip(s, j)
    noun = w[k] if k < len(w) else ""
    if noun.startswith("و"):
        noun = ""                                         # "مقتل تسعة وإصابة 33": the count has no noun
    part = noun in ("منهم", "منهن") or any(x in lex["parts"] for x in w[max(0, i - 2):i])
    if noun and _in(noun, lex["counted"]):
        kind = casualty_kind(noun)                        # "أعدم مسلحون ثلاثة رهائن": killed, not captured
        killer = kind == "captured" and any(casualty_kind(x) == "killed" for x in w[max(0, i - 3):i])
        return "killed" if killer else kind, k + 1, part
    if noun and _in(noun, lex["things"]) and not _in(noun, lex["persons"]):
        return None, j, part                              # "3 غارات", "11 منزلا", "20 كيلومترا"
    end = k + 1 if noun and noun not in STOPS and noun not in ("من",) else j
    for b in range(i - 1, max(-1, i - 1 - BACK), -1):   # the casualty word before: "مقتل ما يقرب من 40"
        if w[b] in STOPS:
            break
        if b in prior:
            return prior[b], end, part                    # "مقتل 10 … مقابل 12": the same kind
        if (kd := casualty_kind(w[b])):
            return kd, end, part
    # coordinated after a comma: "10 قتلى، و 27 جريحا", "إلى 67 …، مقابل 56 من الفصائل"
    if s.toks[i].text.startswith("و") or i > 0 and w[i - 1] in ("و", "مقابل"):
        last = max((p for p in prior if p < i), default=None)
        if k + 1 < len(w) and _in(w[k + 1], lex["after"]):
            return casualty_kind(w[k + 1]), end, part     # "أصيب جندي، و4 مدنيين قتلوا": its own verb
        if last is not None:
            return prior[last], end, part
    seen = 0
    for a in range(k + 1, len(w) if noun else k):       # the verb after its noun: "11 شخصا قتلوا"
        if w[a].startswith("و") and casualty_kind(w[a]) or w[a][:1].isdigit():
            break                                         # "9 مواطنين وأصيب آخرون": a new clause
        if seen > AHEAD:                                  # "ثلاثة عراقيين من ناحية … حيث تبين أنهم فارقوا
            kind = _resumed(s, a)                         # الحياة": the pronoun carries the count on
            return (kind, end, part) if kind else (None, j, part)
        if w[a] in RELATIVE and a > k + 1:
            break                                         # "آلاف المتظاهرين وبينهم أسر الجنود الذين قتلوا"
        if _in(w[a], lex["after"]):
            return casualty_kind(w[a]), end, part
        seen += w[a] not in STOPS and s.toks[a].text not in QUOTES
    return None, j, part


def _resumed(s: Sent, a: int) -> str | None:
    """The kind of a casualty verb a few words on whose pronoun takes back the counted people: "… حيث
    تبين أنهم فارقوا الحياة"; the verb may be that far only right after the pronoun."""
    for b in range(a, min(len(s.words) - 1, a + AHEAD)):
        if s.words[b] in STOPS and s.words[b] != "،" or s.words[b][:1].isdigit():
            return None
        if s.words[b] in _RESUMPTIVE:                    # "أنهم قتلوا", "أنهم لقوا حتفهم"
            verb = _skip(s, b + 1)
            return next((casualty_kind(x) for x in s.words[verb:verb + 2] if _in(x, _lex()["after"])), None)
    return None


def _number(word: str) -> bool:
    """A number written in digits or words ("ستة مدنيين … قتلوا": the noun is the number's)."""
    lex = number_words()
    return word[-1:].isdigit() or any(form in lex["small"] or form in lex["mult"] or form in lex["vague"]
                                      for form in strip_clitics(word))


def _one(word: str) -> bool:
    """"واحد": the noun before it is the one victim ("سقط قتيل واحد")."""
    return any(number_words()["units"].get(form) == 1 for form in strip_clitics(word))


def _counted_after(s: Sent, i: int) -> bool:
    """A number right after the noun, or two words on, counts it: "راح ضحية الهجوم ثمانية مواطنين"
    (not "قتيل واحد", nor a new count joined by و: "سقط شهيد و3 جرحى")."""
    a, seen = i + 1, 0
    while a < len(s.words) and seen < 3 and s.words[a] not in STOPS:
        if s.toks[a].text not in QUOTES:
            if _number(s.words[a]):
                return not _one(s.words[a]) and not s.toks[a].text.startswith("و")
            seen += 1
        a += 1
    return False


def _words_counts(s: Sent) -> list[tuple[int, int, str, int]]:
    """(start index, end index, kind, value) of counts written as nouns alone: "مقتل جنديين" = 2,
    "استشهاد مواطن" = 1, "امرأة مسنة استشهدت" = 1."""
    lex, w, out = _lex(), s.words, []
    for i in range(len(w) - 1):
        if (kd := casualty_kind(w[i])) is None or _in(w[i], lex["counted"]):
            continue
        k = _skip(s, i + 1)
        while k < min(len(w) - 1, i + 4) and (w[k] == "،" or _in(w[k], lex["recent"])):
            k = _skip(s, k + 1)                           # "وقتل أمس شخص واحد", "قتل، مساء الجمعة، …"
        if k >= len(w) or k + 1 < len(w) and w[k + 1] in lex["parts"] and w[k] not in lex["persons"]:
            continue                                      # "مقتل مدنيين بينهم نساء": a plural, no dual
        if i and _in(w[i - 1], lex["attempt"]):
            continue                                      # "محاولة قتل الشاهد": no one died
        if w[k] in lex["duals"] or _person(w[k]) and w[k] != "اخر" or _one_of(w, k):
            out.append((i, k + 1, kd, 2 if w[k] in lex["duals"] else 1))
    for i, x in enumerate(w):                             # "أدت إلى سقوط شهيد"; not "(15) شهيدا"
        two = _bare(x, lex["two"])                        # "ما أدى إلى مقتلهما"
        before = _back(s, i - 1)
        if (two or _bare(x, lex["one"])) and not (before >= 0 and _number(w[before])) \
                and not _counted_after(s, i) and not any(a <= i < b for a, b, _, _ in out):
            out.append((i, i + 1, casualty_kind(x), 2 if two else 1))
    for i in range(1, len(w) - 1):                        # a person before the verb
        if (w[i] in lex["persons"] or w[i] in lex["duals"]) and not any(
                a <= i < b for a, b, _, _ in out) and w[i - 1] not in lex["parts"] and not _number(w[i - 1]):
            for a in range(i + 1, min(len(w), i + 4)):
                if w[a] in STOPS or w[a].startswith("و"):
                    break
                if _in(w[a], lex["after"]):
                    if a + 1 < len(w) and _number(w[a + 1]):
                        break                             # "شرطيين قتلوا 13 متظاهرا": the doers
                    out.append((i, a + 1, casualty_kind(w[a]), 2 if w[i] in lex["duals"] else 1))
                    break
    return out + _objects(s, out)


def _one_of(w: list[str], k: int) -> bool:
    """"مقتل أحد جنوده", "مقتل إحدى المسعفات": one of them (not "أحد عشر", eleven)."""
    return w[k] in ("احد", "احدي") and k + 1 < len(w) and w[k + 1] not in ("عشر", "عشره") and w[k + 1] not in STOPS


def _objects(s: Sent, found: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """The victim a killing verb takes as its object, past the doer if any: "قتل مسلحون مجهولون شرطيا",
    "قتل مسلحون في أحدهما عضوا في البرلمان"، "وقتلوا قائدا" — one indefinite person in the accusative
    (…ا). Right after a verb without its plural subject (وقتلوا) it may be a dual's construct ("قتل سائقا
    شاحنات": two drivers); a dual is left out too: "مدنيين، مسلحين" are as often plurals."""
    lex, w, out = _lex(), s.words, []
    for i in range(len(w) - 2):
        if not any(f in lex["active"] for f in strip_clitics(w[i])) or any(a <= x < b for a, b, _, _ in found
                                                                        for x in (i, i + 1)):
            continue
        seen = 0
        for a in range(i + 1, len(w)):
            x = w[a]
            if x == "،" or x in QUOTES:
                continue                                  # "قتل الجيش، بالرصاص، أمس، متظاهرا"
            seen += 1
            if seen > 6 or x in STOPS or _number(x) and not _one(x) or casualty_kind(x) or x.startswith("و") and seen > 2:
                break
            if (a > i + 1 or w[i].endswith("وا")) and w[a - 1] not in _PREPOSITIONS and x.endswith("ا") and (
                    x in lex["persons"] or x[:-1] in lex["persons"]) and not _counted_after(s, a):
                out.append((i, a + 1, "killed", 1))
                break
    return out


def _extend(s: Sent, end: int, value: int) -> tuple[int, int]:
    """"ثلاثة صحفيين ومسنة": persons joined to a count add to it (end index, value)."""
    lex, w = _lex(), s.words
    for a in range(end, min(len(w), end + 6)):
        x = w[a]
        if x in STOPS or x in lex["parts"] or casualty_kind(x) or x[:1].isdigit():
            break
        if x.startswith("و") and len(x) > 2:
            stem = x[1:]
            if stem in lex["duals"]:
                return a + 1, value + 2
            if _person(stem) and "اخر" not in strip_clitics(stem):      # "والآخر": one already counted
                return a + 1, value + 1
    return end, value


def _sentence_figures(text: str, sent: Sentence) -> list[Figure]:
    s, lex = Sent(text, sent), _lex()
    if not s.toks:
        return []
    found: list[tuple[int, int, str, int, bool, bool, Quantity | None]] = []
    for a, b, kind, value in _words_counts(s):
        end, value = _extend(s, b, value)
        found.append((a, end, kind, value, False, False, None))
    prior = {end - 1: kind for _, end, kind, *_ in found}     # index a figure ends at: its kind
    covered = {x for a, b, *_ in found for x in range(a, b)}
    qs = quantities(text, sent.start, sent.end)
    top = None                                         # "بين 30 و35 شخصا": the range's top, read with its start
    for n, q in enumerate(qs):
        i, j = _index(s.toks, q.start), _index(s.toks, q.end - 1) + 1
        if q.definite or q.value < 1 or i in covered or q is top:
            continue                                   # "معسكرات الجيش الثلاثة", "يوم الاثنين"
        top = qs[n + 1] if i and s.words[i - 1] in ("بين", "مابين") and n + 1 < len(qs) \
            and _index(s.toks, qs[n + 1].start) == j and s.toks[j].text.startswith("و") else None
        if top is not None:                            # ACLED takes the lowest: the start, counting the top's noun
            j = _index(s.toks, top.end - 1) + 1
        if any(0 <= x < len(s.toks) and s.toks[x].text in "-/" for x in (i - 1, j)):
            continue                                   # a date or a range: "2025-11-20"
        if q.value == 1 and not q.approximate or normalize(q.text).startswith("عدد"):
            continue                                   # "شخص واحد": the noun counts it; "عدد من" no count
        kind, end, part = _count_kind(s, i, j, prior)
        if kind is None:                               # "ارتفعت حصيلة القتلى … إلى 67 من قوات النظام"
            kind = next((k for pos, _, _, k in s.rising if pos < i and _words_between(s, pos, i) < 20), None)
        if kind is None:
            continue
        noun = s.words[_skip(s, j)] if _skip(s, j) < len(s.words) else ""
        if 1900 <= q.value <= 2100 and not q.approximate and not _in(noun, lex["counted"]):
            continue                                   # a year, not a count
        end, value = _extend(s, end, q.value)
        approx = q.approximate or top is not None or " ".join(s.words[end:end + 2]) == "علي الاقل"
        named = kind == "killed" and named_victims(s.words, i, STOPS | QUOTES)
        if named and named[0] not in covered:           # "العقيد فلان والمقدم فلان و5 مجندين قتلوا"
            i, value, q = named[0], value + named[1], None
        elif kind == "killed" and (killing := _besides_one(s, i, end, found)) is not None:
            i, value, q = killing, value + 1, None         # "مقتل فلان و16 آخرين"
        found.append((i, end, kind, value, approx, part, q))
        prior[j - 1] = kind
    found += _others_told(s, found, prior)
    out = []
    for i, end, kind, value, approx, part, q in sorted(found, key=lambda f: f[0]):
        scope, update = _scope(s, i)
        start = q.start if q else s.toks[i].start
        stop = s.toks[end - 1].end
        out.append(Figure(kind, value, approx, text[start:stop], start, stop, scope, update, part,
                          s.single and not scope))
    return _coordinated(s, out)


def _besides_one(s: Sent, i: int, end: int, found: list[tuple]) -> int | None:
    """The killing word of "مقتل فلان و16 آخرين", "الذي قتل مع 9 مواطنين آخرين": "others" besides one
    victim named, not counted, between that word and the count (no count before it in the sentence)."""
    w = s.words
    if not (w[end - 1] in OTHERS or end < len(w) and w[end] in OTHERS) or any(f[0] < i for f in found):
        return None
    joined = w[i - 1] == "مع" or s.toks[i].text.startswith("و")
    for b in range(i - 1, max(-1, i - 1 - BACK), -1):
        if w[b] in STOPS:
            return None
        if casualty_kind(w[b]) == "killed":
            named = joined and (b < i - 1 or w[i - 1] == "مع") and not _in(w[b], _lex()["counted"])
            return b if named else None
    return None


def _others_told(s: Sent, found: list[tuple], prior: dict[int, str]) -> list[tuple]:
    """Counts whose casualty word is left out after a first count of the sentence: "أفاد بمقتل شخصين في
    غارة …، وشخصين آخرين نتيجة غارة …" (a person noun or a dual after و, then "others"): the kind
    of the count before, and one person or two."""
    lex, w, out = _lex(), s.words, []
    covered = {x for a, b, *_ in found for x in range(a, b)}
    for i in range(1, len(w) - 1):
        k = _skip(s, i + 1)
        if i in covered or not w[i].startswith("و") or k >= len(w) or w[k] not in OTHERS:
            continue
        value = 2 if w[i][1:] in lex["duals"] else 1 if _person(w[i][1:]) and w[i][1:] != "اخر" else 0
        last = max((p for p in prior if p < i), default=None)
        if value and last is not None:
            out.append((i, k + 1, prior[last], value, False, False, None))
    return out


def _words_between(s: Sent, a: int, b: int) -> int:
    return s.pos[b] - s.pos[a + 1] if b > a else 0


def _scope(s: Sent, i: int) -> tuple[str | None, bool]:
    """(toll scope words or None, is a one-incident update) of the figure at word i."""
    lex, w = _lex(), s.words
    for pos, words, one, _ in reversed(s.rising):
        # the counts after a rising total, not one told later ("وكانت حصيلة سابقة … 4")
        if pos < i and not any(x in ("سابقه", "سابقا") for x in w[pos:i]) and _words_between(s, pos, i) < 20:
            return (None, True) if one else (words, False)
    if s.final:
        return None, True
    for pos, words in s.period:
        if s.cue_applies(pos, i) and not s.fronted(pos, i):
            return words, False
    for b in range(max(0, i - BACK - 1), i):
        if _in(w[b], lex["conflict"]) and s.cue_applies(b, i) and not any(x in STOPS for x in w[b:i]):
            return s.toks[b].text, False
    several = s.several(i)
    return (several, False) if several else (None, False)


def _coordinated(s: Sent, figs: list[Figure]) -> list[Figure]:
    """"العنف أدى إلى مقتل 1100، ونزوح 100 ألف": a figure joined by و to a toll is part of that toll."""
    out: list[Figure] = []
    for f in figs:
        prev = out[-1] if out else None
        gap = [x for x in s.words[_index(s.toks, prev.end - 1) + 1:_index(s.toks, f.start)]
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
