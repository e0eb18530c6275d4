"""Is a trigger's mention told of another time than the news? A future verb or a hedging قد before it
(ستشن، قد يشن), a past year or decade dating its sentence (عام 2005، في الثمانينات) with no recent day
in it, or the background a news item recalls (يأتي ذلك بعد …). Read by `trigger_context.refuted`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from marsad.extraction.trigger_frames import dated_then
from marsad.extraction.trigger_lexicon import fits, lexicon
from marsad.extraction.triggers import Trigger, sentence_words
from marsad.text.arabic import normalize


def recent_day_in(text: str, sent_start: int, sent_end: int) -> bool:
    """A recent day (أمس، اليوم، a weekday) named in the sentence: today's report, not background."""
    _, words = sentence_words(text, sent_start, sent_end)
    return any(fits(w, lexicon()["recent"]) for w in words)


# "يأتي ذلك بعد …"، "وجاء الهجوم عقب …": what follows is the background the news item recalls
_RECAP = re.compile(r"\W*(?:[وف]?(?:ياتي|تاتي|جاء|جاءت))\s+(?:\S+\s+){0,4}?(?:عقب|بعد|اثر|في اعقاب)\s")
# … and inside a sentence: "قالت القوات إن الانفجار جاء بعد يوم من مقتل 16 في هجوم انتحاري"
_RECAP_MID = re.compile(r"(?<!\S)(?:ياتي|تاتي|جاء|جاءت)\s+(?:بعد|عقب|اثر|في اعقاب)\s")


def recalled(text: str, sent_start: int, start: int) -> bool:
    """What stands at `start` is background its sentence recalls (see _RECAP): the head read once."""
    head = normalize(text[sent_start:start])
    return bool(_RECAP.match(head) or _RECAP_MID.search(head))


def hedging_qad(before: list[str]) -> bool:
    """قد before an imperfect is "may" (قد يشن هجوما); before a perfect it affirms (قد أطلقت)."""
    return any(w in ("قد", "وقد", "فقد") and nxt.startswith(("ي", "تكون")) for w, nxt in pairwise(before))


_NOT_FUTURE = ("سيار", "سيطر", "سياس", "سنو", "سنه", "سته", "ستين", "ستون", "سيد", "سين")


def future_verb(word: str) -> bool:
    """سـ + an imperfect prefix (سيقصف، ستشن، سنرد); سأ is left out: سابق، ساعة start the same way."""
    from marsad.text.lexicons import place_names

    return (word.startswith(lexicon()["future"]) and len(word) >= 4 and not word.startswith(_NOT_FUTURE)
            and word not in place_names())


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


def past_year(text: str, trig: Trigger, sent_start: int, sent_end: int) -> bool:
    """A dated year or decade before the trigger or just after it ("اغتيل في عام 2005"، "الذي اغتالته
    اسرائيل في 17 ابريل 2004"، "جرى تفجيره في الثمانينات"), with no recent day (أمس، اليوم، a weekday) in the sentence: background."""
    norm = normalize(text[sent_start:sent_end])
    if dated_then(text, trig.start, sent_start, _year()):
        return True                     # "يومها": the time the sentence before dated
    offset = trig.end - sent_start
    for m in _year().finditer(norm):
        if m.start() > offset and len(norm[offset:m.start()].split()) > 8:
            continue
        return not recent_day_in(text, sent_start, sent_end)
    return False
