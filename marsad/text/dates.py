"""Arabic dates: Gregorian (Egyptian/Gulf, Levantine, Maghrebi month names), Hijri, numeric;
weekday words ("اليوم الأحد", "أمس الثلاثاء"), the date of an event told; the check of a publication
date against the weekdays is published.py's.

dateparser misses "اليوم الأحد", Levantine months and Hijri dates (see shared/PACKAGES.md), so
the grammar is ours; the Hijri → Gregorian conversion is hijridate's (Umm al-Qura tables).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from marsad.data import load_json
from marsad.text.arabic import normalize, normalize_map


@dataclass(frozen=True)
class DateMention:
    start: int              # offsets into the original text
    end: int
    value: date
    calendar: str           # gregorian | hijri | numeric
    weekday: int | None     # weekday named with the date (Monday = 0), if any


@dataclass(frozen=True)
class WeekdayMention:
    start: int
    end: int
    weekday: int            # Monday = 0
    offset: int | None      # 0 for "اليوم X", -1 for "أمس X", -2 for "أول أمس X", None for bare "X"
    text: str


@lru_cache(maxsize=1)
def calendar() -> dict:
    raw = load_json("calendar.json")
    fold = lambda d: {normalize(k): v for k, v in d.items()}  # noqa: E731 - tiny local helper
    return {"greg": fold(raw["gregorian_months"]), "hijri": fold(raw["hijri_months"]),
            "english": fold(raw["english_months"]), "weekday": fold(raw["weekdays"])}


def _alternation(names) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    cal = calendar()
    month = _alternation([*cal["greg"], *cal["hijri"], *cal["english"]])
    english = _alternation(cal["english"])
    greg = _alternation(cal["greg"])
    wd = _alternation(cal["weekday"])
    sep = r"\s*[،,/\-]?\s*"       # stamps write 12 مايو 2019, 12/سبتمبر/2017, 22-يونيو-2024, 21st, November 2023
    return {
        # [weekday،] 12 [من] ديسمبر[/كانون الاول] [،] 2024 [م|هـ]
        "named": re.compile(
            rf"(?:(?P<wd>{wd})\s*[،,]?\s*)?(?<![\d.])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{sep}(?:من\s+)?(?P<m>{month})"
            rf"(?![^\W\d_])(?:\s*/\s*(?:{month}))?{sep}(?:(?:من\s+)?(?:عام|سنه)\s+)?(?P<y>\d{{4}})(?!\d)"
            rf"(?:\s*(?P<era>هـ|ه\b|م\b))?"),
        # a day and a Gregorian month with no year after it: [weekday،] 3 [من] أكتوبر[/تشرين الأول]
        "day_month": re.compile(
            rf"(?:(?P<wd>{wd})\s*[،,]?\s*)?(?<![\d.])(?P<d>\d{{1,2}}){sep}(?:من\s+)?(?P<m>{greg})"
            rf"(?![^\W\d_])(?:\s*/\s*(?:{greg})(?![^\W\d_]))?(?!{sep}(?:(?:من\s+)?(?:عام|سنه)\s+)?\d)"),
        # English month first, as some Arabic sites print it: November 21, 2023
        "named_mdy": re.compile(
            rf"(?<![^\W\d_])(?P<m>{english})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{{4}})(?!\d)"),
        "iso": re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
        # 14/05/2023, 14.05.2023, 11-11-2019 (one separator throughout)
        "dmy": re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)"
                          r"(?![\d/])"),
        # a weekday written just before a numeric date: الإثنين، 11-11-2019
        "wd_before": re.compile(rf"(?P<wd>{wd})\s*[،,\-]?\s*$"),
        # whether a text names a weekday at all (the full pattern tries its optional prefixes everywhere)
        "any_weekday": re.compile(rf"(?:{wd})(?!\w)"),
        # اليوم الأحد / أمس الثلاثاء / أول أمس / مساء الإثنين / صباح اليوم الاثنين / الأربعاء
        "weekday": re.compile(
            rf"(?:(?:صباح|مساء|ظهر|فجر|ليله|ليل|عصر|ضحي)\s+)?(?:(?P<rel>اول\s+امس|امس|اليوم)\s*)?(?P<wd>{wd})(?!\w)"),
    }


_ANY_DIGIT = re.compile(r"\d")


def _norm(text: str) -> tuple[str, list[int]]:
    norm, index = normalize_map(text)
    return norm, index


def _span(index: list[int], text_len: int, s: int, e: int) -> tuple[int, int]:
    return index[s], (index[e - 1] + 1 if e > s else index[s])


def find_dates(text: str) -> list[DateMention]:
    """Every full date (day, month, year) in `text`, with offsets into `text`."""
    norm, index = _norm(text)
    if not _ANY_DIGIT.search(norm):
        return []                   # every full date has its day and year in digits: most windows have none
    cal, pats = calendar(), _patterns()
    out: list[DateMention] = []
    for m in pats["named"].finditer(norm):
        name = re.sub(r"\s+", " ", m["m"])
        day, year = int(m["d"]), int(m["y"])
        hijri = name in cal["hijri"] and name not in cal["greg"] or m["era"] in ("هـ", "ه")
        try:
            if hijri:
                value = _hijri_to_gregorian(year, cal["hijri"].get(name, 0), day)
            else:
                value = date(year, cal["greg"].get(name) or cal["english"][name], day)
        except (ValueError, KeyError, OverflowError):
            continue
        wd = cal["weekday"].get(m["wd"]) if m["wd"] else None
        out.append(DateMention(*_span(index, len(text), m.start(), m.end()), value,
                               "hijri" if hijri else "gregorian", wd))
    for key, kind in (("named_mdy", "gregorian"), ("iso", "numeric"), ("dmy", "numeric")):
        for m in pats[key].finditer(norm):
            try:
                month = cal["english"][m["m"]] if key == "named_mdy" else int(m["m"])
                value = date(int(m["y"]), month, int(m["d"]))
            except (ValueError, KeyError):
                continue
            before = pats["wd_before"].search(norm, max(0, m.start() - 16), m.start())
            wd = cal["weekday"][before["wd"]] if before else None
            out.append(DateMention(*_span(index, len(text), m.start(), m.end()), value, kind, wd))
    out.sort(key=lambda d: d.start)
    return out


@dataclass(frozen=True)
class DayMonth:
    """A Gregorian day and month written without a year, as datelines do ("القاهرة - 3 أكتوبر (رويترز) -")."""
    start: int
    end: int
    month: int
    day: int
    weekday: int | None


def find_day_months(text: str) -> list[DayMonth]:
    """Day-month dates with no year ("الأحد 12 مايو", "3 تشرين الأول"); full dates are find_dates'.
    Hijri months are left out: without a Hijri year nothing places them on the Gregorian calendar."""
    norm, index = _norm(text)
    cal, full = calendar(), find_dates(text)
    out = []
    for m in _patterns()["day_month"].finditer(norm):
        s, e = _span(index, len(text), m.start(), m.end())
        month = cal["greg"].get(re.sub(r"\s+", " ", m["m"]))
        if month is None or not 1 <= int(m["d"]) <= 31 or any(f.start < e and s < f.end for f in full):
            continue
        out.append(DayMonth(s, e, month, int(m["d"]), cal["weekday"].get(m["wd"]) if m["wd"] else None))
    return out


def with_year(dm: DayMonth, references: list[date], before: int = 7, after: int = 1) -> date | None:
    """The date `dm` names, its year taken from a page date printed from `after` day before to `before`
    days after it: a page shows its news within the week, while a page viewed months or years later
    (a header's "today" on an archived article) falls outside the window and gives no year. None
    when no reference fits, or the weekday written with it is not that day's."""
    for ref in sorted(set(references)):
        for year in (ref.year, ref.year - 1, ref.year + 1):
            try:
                value = date(year, dm.month, dm.day)
            except ValueError:
                continue
            if -after <= (ref - value).days <= before:
                return value if dm.weekday in (None, value.weekday()) else None
    return None


def weekday_agrees(mention: DateMention) -> bool:
    """False when the weekday written with a date is not that date's weekday: a stamp that says
    "الأحد 12 مايو 2019" is wrong about one of the two, so it cannot be trusted as a publication date."""
    return mention.weekday is None or mention.value.weekday() == mention.weekday


def _hijri_to_gregorian(year: int, month: int, day: int) -> date:
    from hijridate import Hijri

    if not 1300 <= year <= 1500:
        raise ValueError("Hijri year out of range")
    return Hijri(year, month, day).to_gregorian()


def weekday_mentions(text: str) -> list[WeekdayMention]:
    """Weekday words, with how far from the publication day each points when the text says so."""
    norm, index = _norm(text)
    if not _patterns()["any_weekday"].search(norm):
        return []
    cal = calendar()
    out = []
    for m in _patterns()["weekday"].finditer(norm):
        rel = re.sub(r"\s+", " ", m["rel"] or "")
        offset = {"اليوم": 0, "امس": -1, "اول امس": -2}.get(rel)
        s, e = _span(index, len(text), m.start(), m.end())
        out.append(WeekdayMention(s, e, cal["weekday"][m["wd"]], offset, text[s:e]))
    return out


_PAST = re.compile(r"\s*(?:الماضي|الماضيه|الفايت|الفايته|المنصرم|المنصرمه)(?!\w)")
# a word of its own, or after و/ف/بال ("وأمس"، "بالأمس"): "الخامسة" and "لامس" end in امس
_RELATIVE = re.compile(r"(?:(?:صباح|مساء|ظهر|فجر|ليله|ليل|عصر)\s+)?(?:(?<![^\W\d_])|(?<=(?<![^\W\d_])[وف])"
                       r"|(?<=(?<![^\W\d_])بال)|(?<=(?<![^\W\d_])[وف]بال))(?P<rel>اول\s+امس|امس|اليوم|الليله\s+الماضيه|فجر\s+اليوم)"
                       r"(?!\w)")


@lru_cache(maxsize=1)
def _day_words() -> tuple[re.Pattern, re.Pattern, dict]:
    """Days told without a year: "في 12 نوفمبر"، "يوم 3 من الشهر الجاري"، "العاشر من الشهر الماضي"،
    and days counted back: "قبل يومين"، "منذ ثلاثة أيام"."""
    from marsad.text.numbers import number_lexicon

    raw, cal = load_json("calendar.json"), calendar()
    fold = lambda d: {normalize(k): v for k, v in d.items() if k != "_about"}  # noqa: E731
    ords, counts = fold(raw["day_ordinals"]), fold(raw["day_counts"])
    units = [k for k, v in ords.items() if v < 10]
    ordinal = rf"(?:{_alternation(units)})\s+(?:عشر|و(?:العشرين|الثلاثين))(?!\w)|(?:{_alternation(ords)})(?!\w)"
    this, last = (_alternation(normalize(x) for x in raw[k]) for k in ("this_month", "last_month"))
    named = _alternation(normalize(x) for x in raw["named_by_date"])
    no_year = r"(?!\s*(?:[،,/\-]\s*)?(?:(?:من\s+)?(?:عام|سنه)\s+)?\d)"
    month_day = re.compile(
        rf"(?<![^\W\d_])(?:(?:{_alternation(cal['weekday'])})\s*[،,]?\s*)?(?<!\d)(?P<d>\d{{1,2}}|{ordinal})\s*(?:من\s+)?(?:(?P<this>{this})|(?P<last>{last})"
        rf"|(?P<m>{_alternation(cal['greg'])})(?![^\W\d_]){no_year})")
    small = {k: v for k, v in number_lexicon()["units"].items() if 3 <= v <= 10}
    ago = re.compile(rf"(?<![^\W\d_])(?:قبل|منذ)\s+(?:(?P<c>{_alternation(counts)})|(?P<n>\d{{1,2}}|{_alternation(small)})"
                     r"\s+(?:ايام|يوما|يوم))(?![^\W\d_])")
    named_re = re.compile(rf"(?<![^\W\d_])[وبل]?(?:{named})\s*$")
    return month_day, ago, {"ords": ords, "counts": counts, "small": small, "named": named_re}


_DAY_GATE = re.compile(r"\d|الشهر|قبل|منذ|ثان|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي|الأول|الاول|عشرين|ثلاثين")


def _ordinal(words: str, ords: dict) -> int:
    if words.isdigit():
        return int(words)
    parts = words.split()
    tens = {"عشر": 10, "والعشرين": 20, "والثلاثين": 30}.get(parts[-1], 0) if len(parts) > 1 else 0
    return ords[parts[0]] + tens


def _told_days(segment: str, published: date | None, near: int | None) -> list[tuple[int, int, date | None]]:
    """(start, end, day) of days told by their number in the month or counted back from publication.
    A month named without a year is the last one up to two months after publication (a report of
    3 January tells "28 ديسمبر" of the year before); "ثورة 25 يناير" names a revolution, not a day."""
    if not _DAY_GATE.search(segment):
        return []
    month_day, ago, lex = _day_words()
    norm, index = normalize_map(segment)
    out = []
    for m in month_day.finditer(norm):
        if lex["named"].search(norm, max(0, m.start() - 16), m.start()):
            continue
        value = None
        if published is not None:
            day = _ordinal(re.sub(r"\s+", " ", m["d"]), lex["ords"])
            year, month = published.year, published.month
            if m["last"]:
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)
            elif m["m"]:
                month = calendar()["greg"][re.sub(r"\s+", " ", m["m"])]
                # "25 مايو الماضي" is never ahead of the report: a later day of this year is last year's
                past = _PAST.match(norm, m.end()) and (month, day) > (published.month, published.day)
                year -= past or (date(year, month, 1) - published).days > 60
            try:
                value = date(year, month, day)
            except ValueError:
                continue
        out.append((*_span(index, len(segment), m.start(), m.end()), value))
    for m in ago.finditer(norm):
        n = lex["counts"][m["c"]] if m["c"] else int(m["n"]) if m["n"].isdigit() else lex["small"][m["n"]]
        value = published - timedelta(days=n) if published is not None and n <= 10 else None
        if published is None or value is not None:
            out.append((*_span(index, len(segment), m.start(), m.end()), value))
    if near is not None:
        out.sort(key=lambda t: abs(t[0] - near))
    return out


@dataclass(frozen=True)
class EventDate:
    value: date | None
    precision: str          # day | week | month | year | unknown
    text: str | None        # the words it was read from
    start: int | None = None


def event_date(text: str, start: int, end: int, published: date | None,
               near: int | None = None, exclude: list[tuple[int, int]] = (), reach: int = 90) -> EventDate:
    """The date of an event told in text[start:end], resolved against the publication date.

    Reads explicit dates, days without a year or counted back ("12 نوفمبر"، "3 من الشهر الجاري"،
    "قبل يومين"), "اليوم"/"أمس"/"أول أمس" (with or without a weekday: "اليوم الأحد",
    "مساء أمس الجمعة") and bare weekdays ("الأربعاء" = the last such day before publication).
    Without a trustworthy publication date relative words cannot be resolved: the value is None
    and `text` still carries the words.
    """
    if near is not None:                      # only words close to the event tell its date
        start, end = max(start, near - reach), min(end, near + reach)
    segment = text[start:end]
    outside = lambda s, e: not any(a < start + e and start + s < b for a, b in exclude)  # noqa: E731
    explicit = [d for d in find_dates(segment) if outside(d.start, d.end)]
    if explicit:
        d = explicit[0]
        return EventDate(d.value, "day", segment[d.start:d.end], start + d.start)
    told = [t for t in _told_days(segment, published, None if near is None else near - start) if outside(t[0], t[1])]
    if told:
        s, e, value = told[0]
        return EventDate(value, "day" if value else "unknown", segment[s:e], start + s)
    weekdays = [w for w in weekday_mentions(segment) if outside(w.start, w.end)]   # not "سوق الخميس"
    if near is not None:
        weekdays.sort(key=lambda w: abs(start + w.start - near))
    if weekdays:
        w = weekdays[0]
        if published is None:
            return EventDate(None, "unknown", w.text, start + w.start)
        if w.offset is not None and (published + timedelta(days=w.offset)).weekday() == w.weekday:
            return EventDate(published + timedelta(days=w.offset), "day", w.text, start + w.start)
        # A bare weekday is the last such day up to publication: the publication's own weekday is that
        # day (wires write "قتل ... الجمعة" on Friday), unless called past ("الجمعة الماضي"); a weekday
        # the publication date contradicts ("اليوم الإثنين" on a Tuesday) is trusted over the relative word.
        past = w.offset is None and _PAST.match(normalize(segment[w.end:w.end + 12])) is not None
        back = (published.weekday() - w.weekday) % 7 or (7 if past else 0)
        return EventDate(published - timedelta(days=back), "day", w.text, start + w.start)
    norm, index = normalize_map(segment)
    m = _RELATIVE.search(norm)
    if m:
        s, e = index[m.start()], index[m.end() - 1] + 1
        words = segment[s:e]
        if published is None:
            return EventDate(None, "unknown", words, start + s)
        rel = re.sub(r"\s+", " ", m["rel"])
        offset = {"امس": -1, "اول امس": -2, "الليله الماضيه": -1}.get(rel, 0)
        return EventDate(published + timedelta(days=offset), "day", words, start + s)
    if published is not None:
        return EventDate(published, "week", None)      # undated report: around publication, ACLED-style
    return EventDate(None, "unknown", None)
