"""Event triggers: the phrases of data/events.json that name an ACLED event type and sub-type, and
the context that says a mention is no report of an event (negation, denial, condition, future, a
question, a topic or a past year, a noun or weapon named without anything happening).

A rule's words may be marked to take the inflections Arabic grammar gives them (see `_morphology`
in data/events.json): اغتال+~ matches اغتالت، اغتالوا، اغتالوه، يغتال; عبوة* matches عبوات، عبوتين.
The surface forms are spelled out once, when the lexicon loads, so matching stays a set lookup per
word; at one word the rule written first in the file wins, which is why specific phrases precede
general ones there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from marsad.data import load_json
from marsad.text.arabic import (
    in_vocabulary,
    normalize,
    sentence_at,
    strip_clitics,
    tokens,
)


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    event_type: str
    sub_event_type: str
    flag: str = ""          # how context decides it: weak, weapon, crowd, gather, context, clash, attack
                            # (data/events.json, _morphology)


# --- morphology ------------------------------------------------------------------------------
# Perfect: subject suffixes, then object pronouns; وا drops its alef before a pronoun (اغتالوه).
_SUBJECT = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم")
_OBJECT = ("", "ه", "ها", "هم", "هما")
# Imperfect: ي/ت/ن before the stem (an initial hamzat al-wasl or form-IV alef falls: يختطف، يحرق).
_IMPF_SUFFIX = ("", "ون", "ان", "ن")
# Nouns: a ta marbuta stem (normalised to ه) takes the sound feminine plural, the dual and pronouns
# on ت; other stems take the accusative alef, duals, sound plurals, the feminine and pronouns. No ي
# alone: قتلى، هجمات and other broken plurals are written out in the rules, never guessed.
_NOUN_T = ("ه", "ات", "تان", "تين", "ته", "تها", "تهم", "اته", "اتها", "اتهم")
_NOUN = ("", "ا", "ان", "ين", "ون", "ه", "ات", "ها", "هم", "هما", "اته", "اتها", "اتهم")
GAP = None                  # "…": up to _GAP words between two slots
_GAP = 4


@dataclass(frozen=True)
class Slot:
    verbal: frozenset[str]   # forms that take only و/ف before them
    nominal: frozenset[str]  # forms that take any proclitic


def _inflect(word: str) -> tuple[set[str], set[str]]:
    """The (verbal, nominal) surface forms one marked word stands for."""
    verbal, nominal = set(), set()
    base = word.rstrip("+~*=")
    marks = word[len(base):]
    if marks == "=":     # as written: "الأحد=" (Sunday) must not also be read as أحد (one)
        return verbal, {base}
    if "+" in marks:
        for s in _SUBJECT:
            verbal.update(base + (s[:-1] if s == "وا" and o else s) + o for o in _OBJECT)
    if "~" in marks:
        core = base.removeprefix("ا")
        verbal.update(p + core + s + o for p in "يتن" for s in _IMPF_SUFFIX for o in _OBJECT)
    if "*" in marks:
        nominal.update(base[:-1] + s for s in _NOUN_T) if base.endswith("ه") else \
            nominal.update(base + s for s in _NOUN)
    if not marks:        # a plain word, with or without its article (as rules were always read)
        nominal.update({base, base[2:]} if base.startswith("ال") and len(base) > 4 else {base})
    return verbal, nominal


def compile_phrase(phrase: str) -> tuple[Slot | None, ...]:
    slots = []
    for word in normalize(phrase).split():
        if word == "…":
            slots.append(GAP)
            continue
        verbal, nominal = set(), set()
        for alt in word.split("|"):
            v, n = _inflect(alt)
            verbal |= v
            nominal |= n
        slots.append(Slot(frozenset(verbal), frozenset(nominal)))
    return tuple(slots)


def _verbal_forms(word: str) -> tuple[str, ...]:
    return (word, word[1:]) if len(word) > 3 and word[0] in "وف" else (word,)


def fits(word: str, slot: Slot) -> bool:
    """A normalised word is one of the slot's forms (with the proclitics its kind allows)."""
    return any(f in slot.verbal for f in _verbal_forms(word)) or any(f in slot.nominal for f in strip_clitics(word))


def _word_set(words) -> Slot:
    """Several marked words as one slot (anchors, governors)."""
    slots = [compile_phrase(w)[0] for w in words if not w.startswith("_")]
    return Slot(frozenset().union(*(s.verbal for s in slots)), frozenset().union(*(s.nominal for s in slots)))


@lru_cache(maxsize=1)
def lexicon() -> dict:
    raw = load_json("events.json")
    # Rules indexed by the forms of their first word: a token's candidate forms are looked up, then
    # the rule's other slots compared with the words that follow.
    rules, by_verbal, by_nominal = [], {}, {}
    for n, (phrase, etype, sub, *flag) in enumerate(raw["triggers"]):
        slots = compile_phrase(phrase)
        rules.append((slots[1:], etype, sub, flag[0] if flag else ""))
        for form in slots[0].verbal:
            by_verbal.setdefault(form, []).append(n)
        for form in slots[0].nominal:
            by_nominal.setdefault(form, []).append(n)
    # a verb's bare form that a weak rule also reads as a noun (خطف، نهب، تظاهر) is the verb only
    # where a clause starts (see _opens_clause)
    weak_nouns = {f for n, (*_, flag) in enumerate(rules) if flag == "weak"
                  for f in compile_phrase(raw["triggers"][n][0])[0].nominal}
    homographs = frozenset(f for f in by_verbal if f in weak_nouns)
    anchors = raw["anchors"]
    return {"rules": rules, "by_verbal": by_verbal, "by_nominal": by_nominal, "homographs": homographs,
            "negation": _word_set(w for w in raw["negation"] if " " not in w),
            "weak": _word_set(anchors["event"] + anchors["time"]), "weapon": _word_set(anchors["weapon"]),
            "crowd": _word_set(anchors["crowd"]), "hedge": _word_set(raw["hedges_after"]),
            "refer": _word_set(raw["referring"]), "stop": _word_set(raw["negation_adjacent"]),
            "gather": _word_set(anchors["gather"]), "explode": _word_set(["انفجر+~"]), "suffer": _word_set(["تعرض+~"]),
            "recent": _word_set(anchors["time"]), "governor": _word_set(raw["governors"]["words"]),
            "agree": frozenset(normalize(w) for w in raw["agreement_verbs"]),
            "facilities": frozenset(normalize(w) for w in raw["facility_heads"]),
            "org_heads": _org_heads(),
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


@lru_cache(maxsize=64)        # a sentence's words are read again for each of its triggers
def _words(text: str, start: int, end: int) -> tuple[tuple, tuple[str, ...]]:
    toks = tuple(t for t in tokens(text, start, end) if any(ch.isalpha() for ch in t.text))
    return toks, tuple(normalize(t.text) for t in toks)


def _match_rest(words: list[str], i: int, slots) -> int | None:
    """Index of the last word of a rule whose first word is words[i], or None."""
    j, room = i, 0
    for slot in slots:
        if slot is GAP:
            room = _GAP
            continue
        j = next((k for k in range(j + 1, min(j + 2 + room, len(words))) if fits(words[k], slot)), None)
        if j is None:
            return None
        room = 0
    return j


# Words after which a bare verb form starts its clause: "خطف مسلحون …" is the verb, "تكرار خطف
# الصحفيين" the noun spelt the same way.
_OPENERS = frozenset({"قد", "لقد", "وقد", "فقد", "الذي", "التي", "الذين", "اللذين", "اللتين", "ثم", "حيث", "عندما",
                      "بعدما", "حين", "حينما", "كما", "فيما", "بينما", "اذ", "لما", "وعندما", "وحين", "وبينما"})


def _opens_clause(text: str, toks, words: list[str], i: int) -> bool:
    if i == 0 or words[i - 1] in _OPENERS:
        return True
    return any(ch in "،,:;«\"(-–" for ch in text[toks[i - 1].end:toks[i].start])


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Non-overlapping triggers in text[start:end], left to right; at one word the rule written
    first in data/events.json wins (specific phrases are listed before general ones)."""
    lex = lexicon()
    toks, words = _words(text, start, end)
    out, i = [], 0
    while i < len(toks):
        verbal = [f for f in _verbal_forms(words[i]) if f not in lex["homographs"] or _opens_clause(text, toks, words, i)]
        candidates = {n for f in verbal for n in lex["by_verbal"].get(f, ())}
        candidates.update(n for f in strip_clitics(words[i]) for n in lex["by_nominal"].get(f, ()))
        best = None
        for n in sorted(candidates):
            rest, etype, sub, flag = lex["rules"][n]
            last = _match_rest(words, i, rest)
            if last is not None:
                best = (last, etype, sub, flag)
                break
        if best is None:
            i += 1
            continue
        last, etype, sub, flag = best
        out.append(Trigger(toks[i].start, toks[last].end, etype, sub, flag))
        i = last + 1
    return out


# --- context: is this mention a report of an event? --------------------------------------------
def negated(text: str, trig: Trigger, sent_start: int) -> bool:
    """True when the trigger reports no event that happened: a denial, negation, condition, call or
    future marker among the three words before it; a topic word governing it (سياسة الاغتيالات، حق
    التظاهر، محاكمة … في قضية خطف); a question; a past year with no recent day; or a weak noun or a
    weapon's name with nothing happening near it."""
    lex = lexicon()
    before = normalize(text[max(sent_start, trig.start - 40):trig.start]).split()[-3:]
    if any(fits(w, lex["negation"]) for w in before) or _hedging_qad(before) \
            or (before and fits(before[-1], lex["stop"])):      # "لوقف الهجمات", not "وقف إطلاق النار واحتجزت"
        return True
    # A future verb right before the trigger ("ستشن القوات هجوما" has the subject between; "ستشن
    # هجوما" not). The trigger word itself is never one: future forms are not in the lexicon, and
    # سيارة مفخخة merely starts like سـ + verb.
    if before and _future_verb(before[-1]):
        return True
    if any(fits(w, lex["governor"]) for w in before[-2:]):
        return True
    after = normalize(text[trig.end:trig.end + 30]).split()[:2]
    if any(fits(w, lex["hedge"]) for w in after):        # "ضربة جوية محتملة"، "هجوم وشيك"
        return True
    here = sentence_at(text, trig.start)
    sent_end = here.end if here else len(text)
    if _question(text, sent_start, sent_end) or _past_year(text, trig, sent_start, sent_end) \
            or _RECAP.match(normalize(text[sent_start:trig.start])):
        return True
    if trig.flag in ("weak", "weapon", "crowd", "gather"):
        return not _anchored(text, trig, sent_start, sent_end)
    return False


# "يأتي ذلك بعد …"، "وجاء الهجوم عقب …": what follows is the background the news item recalls
_RECAP = re.compile(r"\W*(?:[وف]?(?:ياتي|تاتي|جاء|جاءت))\s+(?:\S+\s+){0,4}?(?:عقب|بعد|اثر|في اعقاب)\s")


def _hedging_qad(before: list[str]) -> bool:
    """قد before an imperfect is "may" (قد يشن هجوما); before a perfect it affirms (قد أطلقت)."""
    return any(w in ("قد", "وقد", "فقد") and nxt.startswith(("ي", "تكون")) for w, nxt in pairwise(before))


_NOT_FUTURE = ("سيار", "سيطر", "سياس", "سنو", "سنه", "سته", "ستين", "ستون", "سيد", "سين")


def _future_verb(word: str) -> bool:
    """سـ + an imperfect prefix (سيقصف، ستشن، سنرد); سأ is left out: سابق، ساعة start the same way."""
    from marsad.text.lexicons import place_names

    return (word.startswith(lexicon()["future"]) and len(word) >= 4 and not word.startswith(_NOT_FUTURE)
            and word not in place_names())


def _question(text: str, sent_start: int, sent_end: int) -> bool:
    """"من يقف وراء الاغتيال؟" and "هل تظاهر …" ask; they do not report."""
    sent = text[sent_start:sent_end].strip(" \"'»”)*-–ـ\n")
    first = normalize(sent.split()[0]) if sent.split() else ""
    return sent.endswith(("؟", "?")) or first in ("هل", "وهل", "فهل")


# A date whose year is written out ("عام 2005"، "في 2003"، "في 17 ابريل 2004") is how news refers
# to the past: today's events are dated by a day or a weekday, not by a year.
_YEAR_HEAD = r"(?:[وبل]?(?:عام|العام|سنه|السنه)|في|منذ|خلال)\s+"


@lru_cache(maxsize=1)
def _year() -> re.Pattern:
    from marsad.text.dates import calendar

    months = "|".join(sorted((re.escape(m) for m in calendar()["greg"]), key=len, reverse=True))
    # a decade or a past century dates history just as a year does ("في الثمانينات"، "ثلاثينات القرن الماضي")
    decade = r"[وبلف]?(?:ال)?(?:عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين)(?:ات|يات)(?!\w)|القرن (?:الماضي|العشرين|التاسع عشر)"
    return re.compile(rf"(?<!\S)(?:(?:{_YEAR_HEAD}|(?:{months})\s*(?:\([^)]*\)\s*)?)(1[89]\d\d|20\d\d)(?!\d)|{decade})")


def _past_year(text: str, trig: Trigger, sent_start: int, sent_end: int) -> bool:
    """A dated year or decade before the trigger or just after it ("اغتيل في عام 2005"، "الذي اغتالته
    اسرائيل في 17 ابريل 2004"، "جرى تفجيره في الثمانينات"), with no recent day (أمس، اليوم، a weekday) in the sentence: background."""
    norm = normalize(text[sent_start:sent_end])
    offset = trig.end - sent_start
    for m in _year().finditer(norm):
        if m.start() > offset and len(norm[offset:m.start()].split()) > 8:
            continue
        _, words = _words(text, sent_start, sent_end)
        return not any(fits(w, lexicon()["recent"]) for w in words)
    return False


_WINDOW = 10       # words either side of a weak trigger in which its anchor must stand
_NEAR = 3          # … and a recent-day word
_RELATIVE = frozenset({"الذي", "التي", "اللذين", "اللتين", "الذين"})


def _anchored(text: str, trig: Trigger, sent_start: int, sent_end: int) -> bool:
    """A weak noun (اغتيال، مظاهرات) reports an event when something happens near it (وقع، أسفر،
    مقتل) or a recent day is named; a weapon (صواريخ، قذيفة) when it is used; protesters
    (المتظاهرين) when they gather, march, block or storm (تجمع، خرج، أغلق) — not when merely counted."""
    toks, words = _words(text, sent_start, sent_end)
    inside = [k for k, t in enumerate(toks) if trig.start <= t.start < trig.end]
    if not inside:
        return False
    lex = lexicon()
    definite = any(f.startswith("ال") for f in strip_clitics(words[inside[0]]))
    if trig.flag == "weak" and definite and inside[0] and fits(words[inside[0] - 1], lex["refer"]):
        return False         # "هذا الاعتداء"، "تداعيات التفجير": an event told before, not a new one
    lo, hi = max(0, inside[0] - _WINDOW), inside[-1] + _WINDOW + 1
    near = range(inside[0] - _NEAR, inside[-1] + _NEAR + 1)
    after = inside[-1] + 1
    if after + 1 < len(words) and words[after + 1] in _RELATIVE and re.fullmatch(r"ال\S+(?:ي|يه)", words[after]):
        after += 1           # "التفجير الإرهابي الذي وقع": an adjective, then the relative clause
    if trig.flag in ("weak", "weapon") and after < len(words) and words[after] in _RELATIVE:
        # "التفجير الذي استهدف الدورية" names an event already known; its relative clause is no
        # report of it: the sentence must tell something happening outside that clause
        inside = inside + [after, after + 1, after + 2]
    if trig.flag == "weak" and text[trig.start] == "ل" and any(fits(w, lex["suffer"]) for w in words[:inside[0]]):
        return True          # "تعرض <a long noun phrase> لمحاولة اغتيال": the victim's verb, however far
    if trig.flag == "weapon" and any(fits(w, lex["explode"]) for w in words[inside[-1] + 1:]):
        return True          # "عبوة ناسفة كانت موضوعة … في منطقة X قرب Y، انفجرت": its verb may come late
    # a recent day dates the act only next to it: in "قال أمس إن الاغتيال …" it dates the saying
    return any(fits(w, lex[trig.flag]) and (k in near or not fits(w, lex["recent"]))
               for k, w in enumerate(words[lo:hi], lo) if k not in inside)


# --- folding the triggers of one sentence --------------------------------------------------------
_PROTEST_RANK = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}


def _fold_weapons(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """The triggers of one sentence as ACLED codes them together: a weapon named after an attack
    is that attack ("سلاح الجو المصري بقصف …", "لهجوم بصواريخ"); a raid or storming gives way to
    what happened in it; an attack in which civilians are shot is violence against them; and a
    protest is coded once, at its most severe: a riot when protesters clash, burn or throw stones,
    else with intervention or excessive force when that is told (data/events.json, _coding)."""
    out: list[Trigger] = []
    for t in triggers:
        prev = out[-1] if out else None
        close = prev is not None and t.start - prev.end < 40
        if (close and prev.sub_event_type == "Air/drone strike" and t.event_type == prev.event_type
                and any(f.startswith("قصف") for f in strip_clitics(normalize(text[t.start:t.end]).split()[0]))):
            out[-1] = Trigger(prev.start, t.end, prev.event_type, prev.sub_event_type, prev.flag)
        elif close and prev.sub_event_type == "Armed clash" and t.event_type == "Explosions/Remote violence" \
                and any(f.startswith("هجوم") for f in strip_clitics(normalize(text[prev.start:prev.end]).split()[0])):
            out[-1] = Trigger(prev.start, t.end, t.event_type, t.sub_event_type, t.flag)   # "لهجوم بصواريخ"
        else:
            out.append(t)
    if any(t.flag != "context" for t in out):
        out = [t for t in out if t.flag != "context"]
    if any(t.event_type == "Violence against civilians" for t in out):     # "هاجمت القرية وأطلقت النار على المدنيين"
        out = [Trigger(t.start, t.end, "Violence against civilians", "Attack", t.flag)
               if t.flag == "attack" and t.event_type == "Battles" else t for t in out]
    return _fold_protests(out)


def _fold_protests(triggers: list[Trigger]) -> list[Trigger]:
    kinds = {t.event_type for t in triggers}
    if not kinds & {"Protests", "Riots"}:
        return triggers
    if "Riots" in kinds:
        return [Trigger(t.start, t.end, "Riots", "Violent demonstration", t.flag)
                if t.event_type in ("Protests", "Riots") or _clash(t)
                or t.sub_event_type == "Looting/property destruction" else t for t in triggers]
    worst = max((t.sub_event_type for t in triggers if t.event_type == "Protests"), key=_PROTEST_RANK.get)
    out = []
    for t in triggers:
        if t.event_type == "Protests":
            t = Trigger(t.start, t.end, "Protests", worst, t.flag)
        elif _clash(t) or (t.event_type, t.sub_event_type) == ("Strategic developments", "Looting/property destruction"):
            t = Trigger(t.start, t.end, "Riots", "Violent demonstration", t.flag)   # protesters clashing or burning
        out.append(t)
    if any(t.event_type == "Riots" for t in out):
        return _fold_protests(out)
    return out


def _clash(t: Trigger) -> bool:
    return t.sub_event_type == "Armed clash" and t.flag == "clash"


def _plausible(text: str, trig: Trigger, sent_start: int) -> bool:
    """Agreements need an agreement verb nearby (وقع، توصل، أبرم): "للهدنة" alone is no event."""
    if trig.sub_event_type != "Agreement":
        return True
    around = normalize(text[sent_start:trig.start]).split()
    return any(in_vocabulary(w, lexicon()["agree"]) for w in around)
