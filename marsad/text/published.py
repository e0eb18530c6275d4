"""Which publication date to trust: a date from metadata (ISO or Arabic text), the candidates a page
offers checked against the weekdays its text names ("اليوم الأحد"، "أمس الثلاثاء"), and the date events
are dated from. The date grammar itself is dates.py's.
"""
from __future__ import annotations

import contextlib
import re
from datetime import date, datetime, timedelta, timezone

from marsad.text.dates import WeekdayMention, find_dates, weekday_mentions

_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")
_EPOCH = re.compile(r"\d{9,10}|\d{12,13}")       # seconds or milliseconds since 1970: 2001 to 2286
_EPOCH_DAY = date(1970, 1, 1)
_COMPACT = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:T\d|$)")     # ISO 8601 basic form
_MONTH_FIRST = re.compile(r"(?P<m>\d{1,2})/(?P<d>1[3-9]|2\d|3[01])/(?P<y>\d{4})\b")   # US order, unambiguous only


def weekday_conflicts(published: date, text: str) -> list[WeekdayMention]:
    """Mentions like "اليوم الأحد" / "أمس الثلاثاء" that a publication on `published` contradicts."""
    return [w for w in weekday_mentions(text)
            if w.offset is not None and (published + timedelta(days=w.offset)).weekday() != w.weekday]


def parse_date(value: str | None) -> date | None:
    """A date from metadata: ISO ("2023-05-14", "2023-05-14T10:00:00Z", "2023/05/14", "20230514T1000Z"),
    US order when the day shows it ("05/14/2023"; "05/11/2023" is read day first), Unix time in
    seconds or milliseconds ("1717372800", a scraper's timestamp), or text ("Sun, 03 Nov 2024", "12
    مايو 2023"). A CMS's empty-date placeholder is no date: "0000-00-00", the Unix epoch's first day
    (1970-01-01: a zero timestamp printed) and anything before 1900."""
    if not value:
        return None
    value = str(value).strip()
    m = _ISO.match(value)
    if m:
        try:
            return _real(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return None
    m = _COMPACT.match(value) or _MONTH_FIRST.match(value)
    if m:                                   # "20241015T031200Z"; "10/15/2024" (a day past 12 second)
        with contextlib.suppress(ValueError):
            return _real(date(int(m["y"]), int(m["m"]), int(m["d"])))
    if _EPOCH.fullmatch(value):
        seconds = int(value) // (1000 if len(value) > 11 else 1)
        return _real(datetime.fromtimestamp(seconds, timezone.utc).date())
    found = find_dates(value)
    return _real(found[0].value) if found else None


def _real(value: date) -> date | None:
    return None if value.year < 1900 or value == _EPOCH_DAY else value


def weekday_confirms(value: date, text: str) -> bool:
    """True when the text names the weekday of `value` relative to it ("اليوم السبت", "أمس الجمعة")
    and no such mention contradicts it."""
    relative = [w for w in weekday_mentions(text) if w.offset is not None]
    return bool(relative) and not weekday_conflicts(value, text)


def choose_published(candidates: list[tuple[str, date]], text: str,
                     header: list[date] = ()) -> tuple[str | None, str, str | None]:
    """(ISO date or None, confidence, source) from trusted candidates, checked against weekdays.

    `candidates` are (source, date) pairs in order of trust, from publication metadata or a byline
    only — never site chrome. A candidate that the text's "اليوم الأحد"/"أمس الثلاثاء" contradicts
    is kept at low confidence only if no consistent candidate exists.
    With no candidate, a single date above the headline (`header`: usually the site's "today", which
    is why it is not a candidate) is taken when the body's own "اليوم السبت" confirms it: a page
    printed on another day than the news would name another weekday.
    """
    for source, value in candidates:
        if not weekday_conflicts(value, text):
            return value.isoformat(), "high", source
    if candidates:
        source, value = candidates[0]
        return value.isoformat(), "low", source
    if len(set(header)) == 1 and weekday_confirms(header[0], text):
        return header[0].isoformat(), "medium", "page header, weekday confirmed"
    return None, "none", None


def dating_reference(published: str | None, confidence: str, text: str) -> date | None:
    """The publication date events are dated from, or None when it cannot be trusted.

    High confidence, and a page header the body's "اليوم السبت" confirmed (medium), are trusted. A date
    the text's own "اليوم الأربعاء" contradicts (low) is trusted when it runs at most two days after every
    such day: a live page or a late wire stamped on Thursday keeps Wednesday's paragraphs, and their
    weekdays still name Wednesday; a date far from them is a crawl or an update, not the report's."""
    if not published or confidence not in ("high", "medium", "low"):
        return None
    value = date.fromisoformat(published)
    if confidence == "low":
        for w in weekday_conflicts(value, text):
            told = (value.weekday() - w.weekday) % 7 + (w.offset or 0)    # days from the writer's today to `value`
            if not 0 < told <= 2:
                return None
    return value
