"""Protests as the crowd's own act. A protest is reported when the crowd acts (تظاهر مئات، خرجت
مظاهرة، أغلق المتظاهرون الطريق) or a protest takes place; protesters named only as the object of force
(تفريق المتظاهرين، أطلقت النار على المحتجين، مواجهات بين الشرطة والمتظاهرين) are the force's report,
and a protest told without a place needs what its crowd wants (data/events.json, force and purpose).
"""
from __future__ import annotations

from itertools import pairwise

from marsad.extraction.trigger_context import RELATIVES, ends_clause, recent_day_in
from marsad.extraction.trigger_lexicon import fits, lexicon
from marsad.extraction.triggers import Trigger, sentence_words
from marsad.text.arabic import normalize, sentence_at

_FORCED = ("Protest with intervention", "Excessive force against protesters")


def crowd_acts(text: str, triggers: list[Trigger], sent_start: int) -> bool:
    """Does the sentence tell a protest as the crowd's own act (تظاهر مئات، خرجت مظاهرة، أغلق المتظاهرون
    الطريق، رشقوا الشرطة بالحجارة)? Not when its protesters are only the object of force: dispersed,
    fired on, arrested or fought (تفريق المتظاهرين، أطلقت النار على المحتجين، مواجهات بين الشرطة
    والمتظاهرين) — data/events.json, force — or only addressed (قالت للمتظاهرين)."""
    return any(_acted(text, t, sent_start) for t in triggers if t.event_type in ("Protests", "Riots"))


def one_sided(text: str, triggers: list[Trigger]) -> bool:
    """The sentence tells force used on protesters (dispersed, fired on, killed) and no fight with them
    (مواجهات، اشتباكات، صدامات بين الشرطة والمتظاهرين): deaths in it are ACLED's excessive force."""
    force = lexicon()["force"]
    return any(t.sub_event_type in _FORCED for t in triggers) and not any(
        t.flag == "clash" or t.event_type == "Riots" and fits(normalize(text[t.start:t.end]).split()[0], force)
        for t in triggers)


def _acted(text: str, trig: Trigger, sent_start: int) -> bool:
    """The trigger is the crowd's act — not when it is force itself, nor protesters after a force word
    (up to four words back; على one or two back; بين: "بين قوات الأمن والمتظاهرين"), a preposition (قال
    للمتظاهرين) or a noun's ل/ب (لبدء الاعتصام، لتشييع محتجين), nor a relative clause of such protesters
    ("لتفريق المحتجين الذين تجمعوا"), nor a protest noun that is a setting or an object (قتل مراهق في أحد
    الاحتجاجات، التعامل مع المظاهرات) unless people take part in it. A verb of gathering starts its own
    clause; with an object pronoun it is the noun (أماكن تجمعهم)."""
    force = lexicon()["force"]
    own = normalize(text[trig.start:trig.end]).split()
    if trig.sub_event_type in _FORCED or trig.flag == "clash" or (own and fits(own[0], force)):
        return False
    if trig.flag == "gather" and own and own[0].endswith(("هم", "ها")) and not own[0].endswith("وها"):
        return False
    if trig.flag == "crowd" and own and own[0][0] in "لب":
        return False                  # للمتظاهرين، بالمحتجين: a crowd noun takes ل/ب only as an object
    if own and (own[0] in _ADVERBIAL or trig.flag == "crowd" and own[0] in _ONE_PERSON):
        return False                  # "استقال احتجاجا على …": another act's purpose; "المتظاهر فلان": one person
    before = normalize(text[max(sent_start, trig.start - 120):trig.start]).split()[-10:]
    # a comma after a fronted time ("منعت قوات الأمن مساء أول من أمس، تظاهرة") ends no clause
    cut = max((i + 1 for i, w in enumerate(before)
               if ends_clause(w) and not fits(w.rstrip("،,"), lexicon()["recent"])), default=0)
    before = before[cut:]
    rel = next((i for i in range(len(before) - 1, max(len(before) - 6, 0), -1) if before[i] in RELATIVES), None)
    here = sentence_at(text, trig.start)
    if rel is not None and not recent_day_in(text, sent_start, here.end if here else len(text)):
        return False                  # "بوش الذي خرج متظاهرا ضده آلاف المحتجين": a story of who he is
    if rel is not None:
        before = before[:rel - 1]     # "المتظاهرين الذين يهتفون … ويرشقون": the antecedent's place decides
    elif trig.flag == "gather":
        return True                   # a verb of gathering starts its own clause: the crowd's act
    head = before[:-1] if before and before[-1] in ("احد", "احدي", "بعض") else before
    if head and (trig.flag == "weak" and head[-1] in _SETTING or trig.flag == "" and head[-1] in _DURING) \
            and not (head[-1] == "في" and any(fits(w, lexicon()["take_part"]) for w in _untimed(head[:-1])[-8:])):
        return False                  # "قتل مراهق في أحد الاحتجاجات"، "التعامل مع المظاهرات"
    if trig.flag in ("weak", "crowd") and before and len(before[-1]) > 3 and before[-1][0] in "لب" \
            and before[-1] not in _PREPOSITIONS_LB:
        return False                  # "لبدء الاعتصام"، "لتشييع محتجين": the genitive of a noun after ل/ب
    if trig.flag == "crowd" and before and before[-1] in _CROWD_PREP \
            and not (before[-1] == "من" and len(before) > 1 and _counts(before[-2])):
        return False                  # "على المحتجين"، not "الآلاف من المتظاهرين"
    near = _untimed(before)[-4:]     # "أطلقت الشرطة أمس الرصاص"، "منعت … مساء أول من أمس، تظاهرة"
    # "بين قوات الأمن والمتظاهرين": the crowd a force faced; not a road "بين طرابلس ومصراتة" before another act
    return not any(fits(w, force) for w in near) and not (trig.flag == "crowd" and any(w in ("بين", "وبين") for w in near)) \
        and not (near and near[-1] in ("علي", "وعلي")) and not (len(near) > 1 and near[-2] in ("علي", "وعلي"))


def _untimed(words: list[str]) -> list[str]:
    """The words without the time adverbs news puts between a verb and its object (أمس، مساء أول من أمس)."""
    recent = lexicon()["recent"]
    timed = [fits(w.rstrip("،,"), recent) for w in words]
    return [w for i, w in enumerate(words) if not timed[i]
            and not (w in ("اول", "من") and any(timed[i + 1:i + 3]))]


def _counts(word: str) -> bool:
    """A crowd count before partitive من: "الآلاف من المتظاهرين"، "عدد من المحتجين"."""
    return lexicon()["crowd_size"].fullmatch(word) is not None or word in ("بعض", "عدد", "مجموعه", "حشد", "العديد")


_PREPOSITIONS_LB = frozenset({"بسبب", "بعد", "بين", "بعيد", "بالقرب", "لاجل", "بواسطه"})
_SETTING = frozenset({"في", "خلال", "اثناء", "مع", "علي", "ضد", "عن", "حول", "عبر"})
_DURING = frozenset({"في", "خلال", "اثناء", "عبر"})     # "خلال أعمال الشغب"، "عبر إحراق الفرد نفسه"
_ADVERBIAL = frozenset({"احتجاجا", "واحتجاجا"})
_ONE_PERSON = frozenset({"المتظاهر", "المحتج", "المعتصم", "المضرب", "والمتظاهر", "والمحتج"})
_CROWD_PREP = frozenset({"من", "الي", "علي", "عن", "مع", "في", "ل", "لدي", "امام"})


def demanded(text: str, sent_start: int, sent_end: int) -> bool:
    """The sentence tells what its crowd wants or that it took to the streets (data/events.json, purpose)."""
    lex = lexicon()
    _, words = sentence_words(text, sent_start, sent_end)
    return any(fits(w, lex["purpose"]) for w in words) or any(
        a in ("الي", "والي") and b in lex["streets"] for a, b in pairwise(words))
