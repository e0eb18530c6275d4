"""Scraped article text → title, outlet, dates and a clean body.

Lines are judged by their shape and position (header before the headline, short lines without
sentence punctuation, a tail of short lines after the last paragraph) and confirmed by the chrome
vocabulary in data/chrome.json. No rule names a particular site.

Which date is the article's. A page shows two kinds of date: the site header's "today" (above the
masthead and the headline, the same on every page of the site) and the article's own stamp. The
stamp is found by position and form, never by refusing all dates:
  - a stamp labelled as publication ("نشر في"، "تاريخ النشر"، "بتاريخ"، "date"), wherever it stands
    in the header, also when it opens the first paragraph ("date 2025-09-05 أعلن ...");
  - an unlabelled date line with no headline or masthead line between it and the body: right under
    the title ("الأحد 12 مايو 2019 10:15 ص"), or at the top of an excerpt that has no headline;
  - the date in the body's dateline ("مصراتة، ليبيا، 14 مارس 2016، وكالات –", "الفاشر (السودان) - 3
    أكتوبر 2026 -", "دمشق (أ ف ب) - الأحد 4 تشرين الأول 2026 -": marsad.text.dateline reads the forms).
    A dateline without its year ("القاهرة - 3 أكتوبر (رويترز) -") takes the year of a page date printed
    within the week after it; a page date further away (an archived page's header "today") gives no
    year, and the date is left out: a wrong year would put the events in another conflict period.
An unlabelled date above the headline or masthead is the header's "today" (page_dates). A stamp
whose named weekday is not its date's weekday is not trusted. "آخر تحديث" is an update, not the
publication: an article corrected years later, and site headers, print it with a later day than the
news, so update stamps go to page_dates and are never offered as the publication date.

A one-sentence news item is an article too: when the page rules leave no body (the only line taken
as the title, or as tail chrome), the lines no chrome rule claims are the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from marsad.data import load_json
from marsad.text.arabic import normalize
from marsad.text.dateline import read_dateline
from marsad.text.dates import (
    DateMention,
    find_dates,
    weekday_agrees,
    weekday_mentions,
    with_year,
)

SENTENCE_END = tuple(".!?؟:\"»”")
BODY_MIN_WORDS = 12        # a line this long is article prose, whatever it ends with
TITLE_MAX_WORDS = 30
QUESTION_HEADLINE_WORDS = 20    # a longer question is a paragraph that asks, not a headline

_BYLINE = re.compile(r"\(\s*([^()\n]{2,40}?)\s*[-–—/]\s*(?:وكالات|متابعات|خاص|رويترز|فرانس برس|أ ف ب)\s*\)")
_TIME = re.compile(r"(?:الساعة\s*)?\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:ص|م|AM|PM|am|pm)?")
_CAPTION_CREDIT = re.compile(r"[|/]\s*([^|/]{2,30})$|\((?:تصوير|الصورة|صورة)[^)]*\)|(?:^|\s)(?:تصوير|الصورة)\s*:")
_STAMP_FILLER = re.compile(r"[\s|:،,\-–—]+")



@dataclass
class Cleaned:
    text: str
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    page_dates: list[date] = field(default_factory=list)
    byline_dates: list[date] = field(default_factory=list)
    dateline: tuple[int, int] | None = None             # the place the body's dateline names
    dateline_span: tuple[int, int] | None = None        # the whole dateline: place, country, date, credits


@dataclass
class _Stamp:
    line: int                   # index of the line it was read from
    value: date
    kind: str                   # "published" (labelled), "update" (labelled) or "" (no label)
    trusted: bool               # no named weekday contradicts it


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, set[str]]:
    raw = load_json("chrome.json")
    return {k: {normalize(x) for x in v} for k, v in raw.items() if isinstance(v, list)}


@lru_cache(maxsize=1)
def _labels() -> dict[str, re.Pattern]:
    v = vocabulary()

    def words(names: set[str]) -> re.Pattern:       # whole words: "نشر" is not inside "ينشر"
        alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"(?<![^\W\d_])(?:{alt})(?![^\W\d_])")
    return {"update": words(v["update_labels"]), "published": words(v["publication_labels"])}


def _label(before: str) -> str:
    """What the words before a date call it; an update label wins ("update date", "تاريخ التحديث")."""
    norm = normalize(before)
    return next((kind for kind, pattern in _labels().items() if pattern.search(norm)), "")


def _stamps(line: str, at: int, found: list[DateMention]) -> list[_Stamp]:
    """The dates of a stamp, each with the label written before it (after the previous date)."""
    out, prev = [], 0
    for d in found:
        out.append(_Stamp(at, d.value, _label(line[prev:d.start]), weekday_agrees(d)))
        prev = d.end
    return out


def _words(line: str) -> int:
    return len(line.split())


def _is_prose(line: str) -> bool:
    n = _words(line)
    if n >= BODY_MIN_WORDS and "|" in line and _menu(line, n):
        return False
    return n >= BODY_MIN_WORDS or (n >= 5 and line.rstrip().endswith(SENTENCE_END))


def _long_stamp(line: str) -> bool:
    """A stamp as long as a sentence: both calendars with their labels ("نشر في: الثلاثاء 12 ربيع
    الآخر 1446 هـ - 15 أكتوبر 2024") run to twelve words, yet hold no sentence."""
    return _words(line) <= 20 and _date_line(line) is not None


def _menu(line: str, n: int) -> bool:
    """A row of links separated by bars ("الرئيسية | محلية | عربية | دولية | اقتصاد"): many words,
    but each item is a word or two, so it is a menu, not a sentence."""
    bars = line.count("|")
    return bars >= 3 and n <= 3 * (bars + 1)


def _has_phrase(norm_line: str, phrases: set[str]) -> bool:
    return any(p in norm_line for p in phrases)


def _date_line(line: str) -> list[DateMention] | None:
    """Dates, when the line is essentially a date stamp (chrome or byline), else None."""
    found = find_dates(line)
    if not found:
        return None
    covered = sum(d.end - d.start for d in found)
    rest = _TIME.sub("", line)
    for d in found:
        rest = rest.replace(line[d.start:d.end], "")
    rest_words = [w for w in re.split(r"[\s|:،,\-–]+", normalize(rest)) if w]
    # The stamp may carry a label ("آخر تحديث:", "نشر في", a weekday, "الموافق"), nothing more.
    if covered >= len(line.strip()) * 0.4 or len(rest_words) <= 4:
        return found
    return None


def _leading_stamp(line: str) -> tuple[list[DateMention], str] | None:
    """A stamp glued to the start of a paragraph ("date 2025-09-05 أعلنت ...", "نشر في 12/05/2019
    قتل ...", "الأحد 12 مايو 2019 10:15 ص قتل ..."): its dates and the paragraph after it. Only a
    publication label or a clock time marks it: a bare date opening a sentence is the sentence's."""
    found = find_dates(line[:80])
    if not found:
        return None
    d = found[0]
    head = _TIME.sub(" ", line[:d.start])
    for w in weekday_mentions(head):
        head = head.replace(w.text, " ")
    label = _labels()["published"].search(normalize(head))
    if _STAMP_FILLER.sub("", _labels()["published"].sub("", normalize(head))):
        return None                         # words other than a label, a weekday or a time before the date
    time = re.match(r"[\s|،,\-–—]*" + _TIME.pattern, line[d.end:])
    if not (label or time or _TIME.search(line[:d.start])):
        return None
    rest_at = d.end + (time.end() if time else 0)
    rest_at += len(re.match(r"[\s|:،,\-–—]*", line[rest_at:]).group())
    return [d], line[rest_at:]


def _caption(line: str, norm: str, vocab) -> bool:
    """A photo caption: a short line ending in an agency/photographer credit."""
    if _words(line) > 20 or line.rstrip().endswith((".", "؟", "!")):
        return False
    m = _CAPTION_CREDIT.search(line.strip())
    if not m:
        return False
    credit = normalize(m.group(1) or "").strip()
    return not m.group(1) or credit in vocab["photo_credits"] or _words(credit) <= 3


def _outlet_like(line: str, norm: str, vocab) -> bool:
    words = norm.split()
    return 1 <= len(words) <= 4 and not line.rstrip().endswith(SENTENCE_END) and (
        any(w in vocab["outlet_words"] for w in words) or re.fullmatch(r"[A-Za-z0-9 .\-]+", line.strip()) is not None)


def _question_headline(lines: list[str], i: int, end: int) -> bool:
    """A short question over more prose is the headline ("لماذا تتصاعد الهجمات في البادية؟",
    "هل تنجح الهدنة؟"): news asks in its headlines, and a body rarely opens with a question of its
    own. Only a line that more text follows: a lone question is the whole item's body."""
    return _words(lines[i]) <= QUESTION_HEADLINE_WORDS and any(ln and _is_prose(ln) for ln in lines[i + 1:end])


def clean_text(raw: str, known_title: str | None = None) -> Cleaned:
    """Split a scraped page's text into header chrome, title, body and tail chrome."""
    vocab = vocabulary()
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out = Cleaned(text="")
    n_lines = len(lines)

    # Tail: walk back over short non-sentences and comment/share widgets after the last paragraph.
    end = n_lines
    while end > 0:
        ln = lines[end - 1]
        norm = normalize(ln)
        if not ln or (not _is_prose(ln) and not ln.endswith((".", "؟", "!"))) or (
                _words(ln) <= 20 and _has_phrase(norm, vocab["tail_phrases"])):
            end -= 1
            continue
        break

    # Head: chrome, title, then subtitle/captions/bylines until the first paragraph of prose.
    i, title_at, skip_name = 0, None, False
    masthead = -1               # the last headline or masthead line: dates above it are the header's
    stamps: list[_Stamp] = []
    known = normalize(known_title) if known_title else None
    while i < end:
        ln = lines[i]
        norm = normalize(ln)
        if not ln:
            i += 1
            continue
        if title_at is None and known and norm == known:
            title_at = masthead = i
            out.title = known_title
            i += 1
            continue
        if not _date_line(ln) and (lead := _leading_stamp(ln)) and _words(lead[1]) >= 3:
            stamps += _stamps(ln, i, lead[0])
            lines[i] = ln = lead[1]
            norm = normalize(ln)
        if _is_prose(ln) and not _long_stamp(ln) and (title_at is not None or known or _words(ln) > TITLE_MAX_WORDS
                              or ln.endswith((".", "!")) or ln.endswith("؟") and not _question_headline(lines, i, end)):
            break
        if skip_name and _words(ln) <= 4:
            skip_name = False
            i += 1
            continue
        skip_name = False
        stamp = _date_line(ln)
        if stamp:
            stamps += _stamps(ln, i, stamp)
        elif _has_phrase(norm, vocab["editor_markers"]):
            skip_name = _words(ln) <= 4            # the editor's name stands on the next line
            masthead = i
        elif norm in vocab["section_labels"] or _has_phrase(norm, vocab["widget_phrases"]) and _words(ln) <= 8:
            pass
        elif m := _BYLINE.search(ln):
            out.outlet = out.outlet or m.group(1).strip()
        elif _caption(ln, norm, vocab):
            pass
        elif title_at is None and not known and _words(ln) >= 3:
            title_at, out.title, masthead = i, ln, i
        elif _outlet_like(ln, norm, vocab):
            out.outlet = out.outlet or ln
        elif title_at is not None and out.subtitle is None and _words(ln) >= 4:
            out.subtitle = ln
        i += 1

    body: list[str] = []
    for ln in lines[i:end]:
        norm = normalize(ln)
        if ln and not _is_prose(ln):
            stamp = _date_line(ln)
            if stamp:
                out.page_dates.extend(d.value for d in stamp)
                continue
            if _caption(ln, norm, vocab) or (_words(ln) <= 8 and _has_phrase(norm, vocab["widget_phrases"])):
                continue
        if not out.outlet and (m := _BYLINE.search(ln)) and m.start() < 3:
            out.outlet = m.group(1).strip()
        body.append(ln)
    out.text = re.sub(r"\n{3,}", "\n\n", "\n".join(body)).strip()
    if not out.text:
        _short_item(out, lines, known)
    if out.text and (dl := read_dateline(out.text)):
        out.dateline, out.dateline_span = dl.place, (dl.start, dl.end)
        if dl.date:                                                         # in the body: the article's
            stamps.append(_Stamp(i, dl.date.value, "", weekday_agrees(dl.date)))
        elif dl.day_month and (value := with_year(dl.day_month, [st.value for st in stamps] + out.page_dates)):
            stamps.append(_Stamp(i, value, "", True))       # the year from a page date of the same week
    for st in stamps:
        # The article's: labelled as published, or with no headline/masthead line below it.
        article = st.kind == "published" or (st.kind == "" and st.line > masthead)
        (out.byline_dates if article and st.trusted else out.page_dates).append(st.value)
    return out


def _short_item(out: Cleaned, lines: list[str], known: str | None) -> None:
    """The text of an input the page rules left empty: a one-sentence item ("من يقف وراء الاغتيال؟")
    has no headline over a body, so the rules took its only line as the title or as tail chrome.
    Its text is every sentence-like line no chrome rule claims; a menu or a lone headline field
    still leaves nothing."""
    vocab = vocabulary()
    keep = []
    for ln in lines:
        norm = normalize(ln)
        words = _words(ln)
        if (not ln or norm == known or _date_line(ln) or (words < 3 and not ln.endswith(SENTENCE_END))
                or norm in vocab["section_labels"] or _caption(ln, norm, vocab)
                or (words <= 8 and _has_phrase(norm, vocab["widget_phrases"] | vocab["editor_markers"]))
                or (words <= 20 and _has_phrase(norm, vocab["tail_phrases"]))):
            continue
        keep.append(ln)
    body = [ln for ln in keep if ln not in (out.title, out.subtitle)]
    if body:                                # a headline over a one-sentence body
        out.text = "\n".join(body)
    elif keep:                              # the only line was taken as the title: it is the text
        out.text, out.title, out.subtitle = "\n".join(keep), None, None
