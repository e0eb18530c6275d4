"""How a sentence frames an act it names: told with its doer (the attack a displacement or a
condemnation follows), warned of or expected (what may happen), staged (a drill, a film's plot) or
remembered (a commemoration, a day years back); and the force a casualty's bullet names.

data/events.json lists the words (doer_clause, warnings, staged, remembered, fired_by);
extraction/trigger_context asks these questions when it decides whether a trigger reports an event
that happened, extraction/events asks `fired_by` for a doer.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.extraction.trigger_lexicon import fits, lexicon
from marsad.extraction.triggers import Trigger, sentence_words
from marsad.text.arabic import normalize, normalize_map

# what stands after a verb where its subject would: a preposition or a day, not a doer named
_NO_DOER = frozenset({"في", "علي", "الي", "من", "عن", "ضد", "خلال", "اثناء", "امس", "اليوم", "قبل", "بعد", "منذ",
                      "بحق", "قرب"})


def told_with_doer(text: str, trig: Trigger) -> bool:
    """"هجمات شنتها ميليشيا X على قرى"، "الهجوم الذي نفذته جماعة X"، "التفجير الذي تبناه تنظيم X": the attack
    noun takes a clause whose verb of carrying it out (its pronoun taking the noun back) names the doer.
    A trigger that already runs to that verb (هجمات … شنتها) is read from its own last words."""
    m = lexicon()["doer_clause"].match(normalize(text[trig.end:trig.end + 80]))
    if m is None:
        own = normalize(text[trig.start:trig.end]).split()
        if len(own) < 2:
            return False
        m = lexicon()["doer_clause"].match(" " + own[-1] + normalize(text[trig.end:trig.end + 40]))
    return m is not None and _names_doer(text, trig.end, m.group("doer"))


def _names_doer(text: str, end: int, word: str) -> bool:
    """The verb's subject is an armed group's phrase (مسلحون مجهولون، قوات X، تنظيم X), a country or a known
    actor (marsad.text.actor_dictionary), not a preposition or a conjunction (نفذوها بأنها …)."""
    from marsad.extraction.event_actors import ARMED
    from marsad.text.actor_dictionary import actors
    from marsad.text.lexicons import countries

    word = word.strip("،,.؛:\"«»")
    if not word or word in _NO_DOER:
        return False
    if ARMED.match(word):
        return True
    rest, index = normalize_map(text[end:end + 120])
    at = rest.find(word)
    if at < 0:
        return False
    if any(" ".join(rest[at:].split()[:n]).strip("،,.") in countries() for n in (1, 2, 3)):
        return True      # "الضربات التي شنتها الولايات المتحدة"، "الغارات التي نفذتها إسرائيل"
    return any(abs(m.start - index[at]) <= 2 for m in actors().find(text[end:end + 120]))


def warned_of(clause: list[str]) -> bool:
    """"حذرت الأمم المتحدة من أن استمرار المعارك قد يؤدي إلى مقتل الآلاف": a word of warning or fear, then
    من or أن, before the trigger in its clause (`clause`: its normalised words up to the trigger)."""
    lex = lexicon()
    if _expected(clause):
        return True
    at = next((i for i in range(len(clause) - 1, -1, -1) if fits(clause[i], lex["warnings"])), None)
    if at is None:
        return False
    rest = clause[at + 1:]
    return any(w in ("من", "ان", "بان") for w in rest) and _unbroken(rest)


def _expected(clause: list[str]) -> bool:
    """"من المتوقع أن تشن القوات هجوما"، "يمكن أن يؤدي القصف إلى …": an expectation, then أن at most four
    words before the trigger, with no casualty word between (المتوقع أن يرتفع عدد قتلى الهجوم: one that was)."""
    lex = lexicon()
    at = next((i for i in range(len(clause) - 1, max(-1, len(clause) - 7), -1) if clause[i] in ("ان", "بان")), None)
    if at is None or at == 0 or len(clause) - at > 5 or not fits(clause[at - 1], lex["expected"]):
        return False
    rest = clause[at + 1:]
    return _unbroken(rest) and not any(fits(w, lex["victims"]) for w in rest)


def _unbroken(words: list[str]) -> bool:
    return not any(w.endswith(("،", ",", ".", "؛", ":")) for w in words)


def staged(text: str, trig: Trigger, sent_start: int) -> bool:
    """A drill (مناورات، تمرين يحاكي هجوما) or a work of fiction with its story told (يروي الفيلم قصة شاب
    قتل …، تدور أحداث المسلسل حول …) before the trigger in its clause: the violence is not done. A drill
    told in another clause ("شارك في مناورات، فيما قتل جنديان في هجوم") leaves the act reported."""
    lex = lexicon()
    words = _clause_before(text, trig, sent_start)
    if any(fits(w, lex["drills"]) for w in words):
        return True
    return any(fits(w, lex["works"]) for w in words) and any(fits(w, lex["telling"]) for w in words)


def remembered(text: str, trig: Trigger, sent_start: int, sent_end: int) -> bool:
    """A commemoration before the trigger in its clause (يستذكر العراقيون مجزرة …، وقفة تأبين لضحايا
    التفجير), or a sentence dated years back (في مثل هذا اليوم، قبل عشرين عاما) with no recent day in it."""
    lex = lexicon()
    if any(fits(w, lex["remembered"]) for w in _clause_before(text, trig, sent_start)):
        return True
    return _dated_back(text, sent_start, sent_end)


@lru_cache(maxsize=64)
def _dated_back(text: str, sent_start: int, sent_end: int) -> bool:
    """The sentence is dated years back with no recent day in it (once per sentence, not per trigger)."""
    lex = lexicon()
    norm = normalize(text[sent_start:sent_end])
    this_day = [p for p in lex["this_day"] if p in norm]
    for p in this_day:
        norm = norm.replace(p, " ")         # its اليوم is the day of the year, not today
    words = norm.split()
    ago = any(w in lex["ago"] and any(fits(x, lex["years"]) for x in words[k + 1:k + 3]) for k, w in enumerate(words))
    return (ago or bool(this_day)) and not any(fits(w, lex["recent"]) for w in words)


def _clause_before(text: str, trig: Trigger, sent_start: int) -> tuple[str, ...]:
    return _clause_up_to(text, trig.start, sent_start)


@lru_cache(maxsize=64)
def _clause_up_to(text: str, end: int, sent_start: int) -> tuple[str, ...]:
    """The normalised words of a trigger's clause before it: back to the last punctuation or فيما/بينما
    (the drill, fiction and commemoration checks each read it)."""
    words = normalize(text[sent_start:end]).split()
    for k in range(len(words) - 1, -1, -1):
        if words[k].endswith(("،", ",", ".", "؛", ":")) or words[k] in ("فيما", "بينما", "وفيما", "وبينما"):
            return tuple(words[k + 1:])
    return tuple(words)


# a shooting's last word, whose doer may follow من: "إطلاق نار|النار|الرصاص"
_SHOTS = frozenset({"نار", "النار", "الرصاص", "رصاص", "نيران", "النيران"})
# what ends the name of the force after a bullet: the place, the time, a preposition, a conjunction
_AFTER_FORCE = frozenset({"في", "قرب", "علي", "عند", "امام", "خلال", "اثناء", "من", "الي", "بعد", "قبل", "امس", "اليوم",
                          "صباح", "مساء", "فجر", "ليل", "ظهر", "و", "اثر", "بمدينه", "ببلده", "بقريه", "وسط", "جنوب",
                          "شمال", "شرق", "غرب"})


def fired_by(text: str, trig: Trigger) -> str | None:
    """"قتل شاب برصاص الشرطة في بغداد"، "أصيب طفل بنيران عناصر الأمن قرب منزله": the force named right after
    a casualty's bullet (data/events.json fired_by.forces), up to the place or time that follows it."""
    from marsad.extraction.event_actors import clean_actor

    if trig.flag != "cause":
        return None
    lex, last = lexicon(), normalize(text[trig.start:trig.end]).split()[-1]
    toks, words = sentence_words(text, trig.end, min(len(text), trig.end + 60))
    if last not in lex["fired_by"]:
        # "أصيب شاب بإطلاق نار من مسلحين مجهولين"، "تعرض منزله لإطلاق نار من قبل ملثمين": a shooting whose
        # doer follows من (من قبل); the doer is an armed word, not a place or a time (من جهة الشمال)
        skip = 2 if words[:2] == ("من", "قبل") else 1 if words[:1] == ("من",) else 0
        if last not in _SHOTS or not skip or len(words) <= skip or not (
                words[skip] in lex["forces"] or fits(words[skip], lex["attack_doers"])):
            return None
        toks, words = toks[skip:], words[skip:]
    elif not words or words[0] not in lex["forces"]:
        return None
    n = 1
    while n < min(len(words), 4) and words[n] not in _AFTER_FORCE and not words[n].startswith(("وال", "بال", "لل")) \
            and not re.search(r"[،,.؛:]", text[toks[n - 1].end:toks[n].start]):
        n += 1
    return clean_actor(text[toks[0].start:toks[n - 1].end])


# "يومها"، "آنذاك": the time the sentence before named ("حين اندلعت الحرب في مارس 2015 … يومها قصفت …")
_THEN = frozenset({"يومها", "حينها", "انذاك", "وقتها", "حينذاك", "يومذاك", "وقتذاك"})


def dated_then(text: str, start: int, sent_start: int, year: re.Pattern) -> bool:
    """The clause before `start` is dated by يومها/آنذاك and the sentence before names a year (`year`,
    trigger_context's pattern of dated years): the sentence tells that past time, not today."""
    words = normalize(text[sent_start:start]).split()
    if not any(w.strip("،,") in _THEN or w.strip("،,")[1:] in _THEN for w in words):
        return False
    return year.search(re.split(r"[.!؟?\n]\s", normalize(text[max(0, sent_start - 300):sent_start]).rstrip())[-1]) is not None
