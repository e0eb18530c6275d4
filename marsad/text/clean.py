"""Scraped article text → title, outlet, dates and a clean body.

Lines are judged by their shape and position (header before the headline, short lines without
sentence punctuation, a tail of short lines after the last paragraph) and confirmed by the chrome
vocabulary in data/chrome.json. No rule names a particular site.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from marsad.data import load_json
from marsad.text.arabic import normalize
from marsad.text.dates import find_dates

SENTENCE_END = tuple(".!?؟:\"»”")
BODY_MIN_WORDS = 12        # a line this long is article prose, whatever it ends with
TITLE_MAX_WORDS = 30

_BYLINE = re.compile(r"\(\s*([^()\n]{2,40}?)\s*[-–—/]\s*(?:وكالات|متابعات|خاص|رويترز|فرانس برس|أ ف ب)\s*\)")
_TIME = re.compile(r"(?:الساعة\s*)?\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:ص|م|AM|PM|am|pm)?")
_DATELINE = re.compile(r"^\(?([\u0621-\u064a]{2,}(?:\s[\u0621-\u064a]{2,}){0,2})\)?\s*[-–—]\s+(?=\S)")
_CAPTION_CREDIT = re.compile(r"[|/]\s*([^|/]{2,30})$|\((?:تصوير|الصورة|صورة)[^)]*\)|(?:^|\s)(?:تصوير|الصورة)\s*:")
_BYLINE_DATE_CUE = re.compile(r"نشر|بتاريخ|تاريخ النشر|منشور")
_CHROME_DATE_CUE = re.compile(r"اخر تحديث|الموافق|تحديث")


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    page_dates: list[date] = field(default_factory=list)
    byline_dates: list[date] = field(default_factory=list)
    dateline: tuple[int, int] | None = None


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, set[str]]:
    raw = load_json("chrome.json")
    return {k: {normalize(x) for x in v} for k, v in raw.items() if isinstance(v, list)}


def _words(line: str) -> int:
    return len(line.split())


def _is_prose(line: str) -> bool:
    n = _words(line)
    return n >= BODY_MIN_WORDS or (n >= 5 and line.rstrip().endswith(SENTENCE_END))


def _has_phrase(norm_line: str, phrases: set[str]) -> bool:
    return any(p in norm_line for p in phrases)


def _date_line(line: str) -> list[date] | None:
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
        return [d.value for d in found]
    return None


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
    known = normalize(known_title) if known_title else None
    while i < end:
        ln = lines[i]
        norm = normalize(ln)
        if not ln:
            i += 1
            continue
        if title_at is None and known and norm == known:
            title_at = i
            out.title = known_title
            i += 1
            continue
        if _is_prose(ln) and (title_at is not None or known or _words(ln) > TITLE_MAX_WORDS
                              or ln.endswith((".", "؟", "!"))):
            break
        if skip_name and _words(ln) <= 4:
            skip_name = False
            i += 1
            continue
        skip_name = False
        stamp = _date_line(ln)
        if stamp:
            (out.byline_dates if _BYLINE_DATE_CUE.search(norm) and not _CHROME_DATE_CUE.search(norm)
             else out.page_dates).extend(stamp)
        elif _has_phrase(norm, vocab["editor_markers"]):
            skip_name = _words(ln) <= 4            # the editor's name stands on the next line
        elif norm in vocab["section_labels"] or _has_phrase(norm, vocab["widget_phrases"]) and _words(ln) <= 8:
            pass
        elif m := _BYLINE.search(ln):
            out.outlet = out.outlet or m.group(1).strip()
        elif _caption(ln, norm, vocab):
            pass
        elif title_at is None and not known and _words(ln) >= 3:
            title_at, out.title = i, ln
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
                out.page_dates.extend(stamp)
                continue
            if _caption(ln, norm, vocab) or (_words(ln) <= 8 and _has_phrase(norm, vocab["widget_phrases"])):
                continue
        if not out.outlet and (m := _BYLINE.search(ln)) and m.start() < 3:
            out.outlet = m.group(1).strip()
        body.append(ln)
    out.text = re.sub(r"\n{3,}", "\n\n", "\n".join(body)).strip()
    if out.text and (m := _DATELINE.match(out.text)):
        out.dateline = (m.start(1), m.end(1))
    return out
