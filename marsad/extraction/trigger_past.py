"""Is a trigger told as the background a report recalls, though no year dates it? Two shapes a
year-less recall takes in Arabic news (trigger_time.past_year reads the ones dated by a year):

- the pluperfect كان … قد + verb ("وكانت القوات قد شنت غارات على البلدة"، "وكانت غارة قد استهدفت
  المنطقة"): the report steps back from its news to what came before it;
- a past period named relative to today, with no day of the month ("في العام الماضي"، "في أبريل
  الماضي"، "خلال السنوات الماضية"، "الشهر المنصرم"): a day told by its number ("في 18 مارس الماضي")
  may be this week's news and is left to the date reader.

Either counts only when the sentence names no recent day (أمس، اليوم، a weekday, صباح …): "وكان
مسلحون قد هاجموا، أمس، دورية" is today's news told in the pluperfect. Read by `trigger_context.refuted`.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.extraction.triggers import Trigger
from marsad.text.arabic import normalize, tokens

_WAS = frozenset({"كان", "كانت", "كانوا", "كانا", "كانتا"})
_QAD = frozenset({"قد"})
_GAP = 6                    # words between كان and its قد ("وكانت قوات الدعم السريع قد شنت")
# a past period relative to today: a year, a month, the years or months before (not "الليلة الماضية",
# last night, nor "الأيام الماضية"، "الأسبوع الماضي", which are this week's or last week's news)
_PERIODS = frozenset({"العام", "السنه", "الشهر", "الاعوام", "السنوات", "الاشهر", "الشهور", "السنين", "العقد"})
_PAST = frozenset({"الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته"})
# a turn to another time inside the sentence: what follows is not the recalled past
_TURNS = frozenset({"فيما", "بينما", "وفيما", "وبينما", "لكن", "ولكن", "غير", "الا"})
# the openers of a reminder: what follows is background the reader is reminded of
_REMINDERS = frozenset({"يذكر", "ويذكر", "يشار", "ويشار", "بالذكر", "والجدير", "الجدير"})
_BREAK = ("،", ",", ".", "؛", ":")
_AFTER = 8                  # words after a trigger in which a past period may still date it


@lru_cache(maxsize=1)
def _month_ends() -> frozenset[str]:
    """The last word of each month's name (يناير، نيسان، كانون الثاني → الثاني), normalised."""
    from marsad.text.dates import calendar

    return frozenset(normalize(m).split()[-1] for m in calendar()["greg"])


@lru_cache(maxsize=64)
def _marks(text: str, sent_start: int, sent_end: int) -> tuple[tuple[int, int], tuple[tuple[int, int], ...], int]:
    """Once per sentence: (the span from a pluperfect كان to the turn that ends its stretch, or (-1, -1);
    the spans of its past periods; the offset of the sentence's first turn or its end)."""
    toks = tokens(text, sent_start, sent_end)
    words = [normalize(t.text) for t in toks]
    turn = next((toks[k].start for k, w in enumerate(words) if w in _TURNS), sent_end)
    pluperfect = (-1, -1)
    months = _month_ends()
    # "وكانت الحركة قد خطفت الرهائن في 19 يوليو الماضي": a pluperfect told with its own day is dated by
    # it (dates.event_date), not left to the report's day
    own_day = any(w in months and (_day_before(words, k) or _this_year(words[k + 1:k + 7])) for k, w in enumerate(words))
    for k, w in enumerate(words if not own_day else ()):
        if (w in _WAS or w[:1] in "وف" and w[1:] in _WAS) and any(
                x in _QAD for x in _until_break(words[k + 1:k + 1 + _GAP])):
            stop = next((toks[i].start for i in range(k + 1, len(words)) if words[i] in _TURNS), sent_end)
            pluperfect = (toks[k].start, stop)
            break
    periods = []
    # a month alone may be last month's news: it dates background only in a sentence that opens as a
    # reminder ("يذكر أن المخيم تعرض في أبريل الماضي لهجوم")
    recall = any(w in _REMINDERS for w in words[:3])
    for k, w in enumerate(words):
        if w not in _PAST or not k:
            continue
        at = _before_gloss(words, k - 1)      # "مايو (أيار) الماضي": the month before its gloss
        if words[at] in _PERIODS or words[at] in months and not _day_before(words, at) and recall:
            periods.append((toks[at].start, toks[k].end))
    return pluperfect, tuple(periods), turn


def _until_break(words: list[str]) -> list[str]:
    out = []
    for w in words:
        if w in _BREAK:
            break
        out.append(w)
    return out


def _this_year(words: list[str]) -> bool:
    """"(من) العام الحالي"، "هذا العام"، "العام الجاري": the month told with its year."""
    return any(w in ("الحالي", "الجاري") or w == "العام" and k and words[k - 1] == "هذا" for k, w in enumerate(words))


def _before_gloss(words: list[str], at: int) -> int:
    """The index of the word before a parenthesised gloss ending at `at`, else `at`."""
    if words[at] == ")" and at >= 3 and words[at - 2] == "(":
        return at - 3
    return at


def _day_before(words: list[str], month_end: int) -> bool:
    """"18 مارس"، "السابع من أكتوبر"، "2 كانون الثاني": the month is told with its day."""
    for back in (1, 2):            # a month of one word or two (كانون الثاني)
        at = month_end - back
        if at >= 0 and (words[at].isdigit() or words[at] == "من"):
            return True
    return False


def recalled_past(text: str, trig: Trigger, sent_start: int, sent_end: int) -> bool:
    """The trigger stands in a pluperfect stretch (كان … قد) or its sentence dates it by a past period
    with no day (see the module doc), and the sentence names no recent day."""
    from marsad.extraction.trigger_time import recent_day_in

    norm = text[sent_start:sent_end]
    if "قد" not in norm and "الماض" not in norm and "المنصرم" not in norm and "الفائت" not in norm:
        return False            # cheap gate: most sentences have neither shape
    (lo, hi), periods, turn = _marks(text, sent_start, sent_end)
    plup = lo <= trig.start < hi
    dated = any(p_end <= trig.start < turn or trig.end <= p_start and _words_between(text, trig.end, p_start) <= _AFTER
                for p_start, p_end in periods)
    return (plup or dated) and not recent_day_in(text, sent_start, sent_end)


def _words_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())

