"""The dateline that opens a news body: where the story was filed, often when and through whom.

Arabic agencies and papers write its parts in many orders, and all of them are the dateline:
  الفاشر، السودان، 3 أكتوبر 2026، وكالات –        place, country after a comma, date, credit
  الفاشر (السودان) - 3 أكتوبر 2026 - قتل ...      country in brackets, the date between two dashes
  الفاشر (السودان) 3 أكتوبر 2026 (رويترز) - ...  the agency in brackets after the date
  الخرطوم - 3 أكتوبر 2026: قتل ...                a colon after the date
  دمشق (أ ف ب) - الأحد 3 تشرين الأول 2026 - ...   agency before the date, weekday, Levantine month
  القاهرة - 3 أكتوبر (رويترز) - ...               no year (see `day_month`)
  طهران - وكالات الأنباء وصل ...                  a wire credit after the dash, the body right after it
  لندن ـ «الصحيفة»: ...                             a lone tatweel as the dash, the paper in guillemets
The reader walks these parts from the start of the first line and ends the dateline at the last dash
(or colon after a date or credit) that closes a run of them. Place words are read only before the
first dash, date and credit; after a dash only dates, brackets and credits continue it, so a body
that opens "بيروت - 3 أكتوبر 2026 كان يوما ..." keeps its date (no dash closes it).

A dateline without a date is the old, strict form: one place of at most three words, optionally in
brackets, at most one bracket after it; a second place after a comma is read only when the
gazetteer knows it (a sentence's clause before a dash is not a dateline); a place opening with و/ف
("وقال الوزير - في بيان -") or closed by a lone tatweel, which also joins adjectives ("المصرية ـ
البحرينية"), only when the gazetteer knows it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.data import load_json
from marsad.text.arabic import normalize
from marsad.text.dates import (
    DateMention,
    DayMonth,
    calendar,
    find_dates,
    find_day_months,
)
from marsad.text.lexicons import place_names

WINDOW = 200                   # a dateline is short: only the first line's first characters are read
_WORD = re.compile(r"[\u0621-\u064a\u064b-\u0652\u0640]{2,}")
# brackets, or the guillemets papers put their own name in ("لندن – «الصحيفة»:")
_PAREN = re.compile(r"\(\s*([^()\n]{1,40}?)\s*\)|«\s*([^«»\n]{1,40}?)\s*»")
# a dash, a colon, or a tatweel standing alone as a dash ("بيروت ـ وكالات")
_SEP = re.compile(r"[\s،,]*(?:(?P<t>[-–—]+|:|(?<=\s)ـ(?=\s))\s*)?")
_CLOSE = re.compile(r"[-–—:]|\sـ\s")
_SPACE = re.compile(r"\s+")
_LINK = re.compile(r"(?:الموافق|الموافقة|/)\s*")                # a Hijri date and its Gregorian equal
_MARKS = re.compile(r"[\u0640\u064b-\u0652]*")
_AFTER_WEEKDAY = re.compile(r"\s*[،,]?\s*")
_OUTLET = re.compile(r"(?:[^\W\d_]+\s*){1,3}(?=[\s،,]*[-–—:])")     # unlisted credit words before the dash
# Words a dateline's place cannot start with: "في 12 مايو 2019 -" opens a sentence, not a dateline.
# "كتب ـ فلان:" is a byline.
_NOT_PLACE = {"في", "منذ", "حتي", "بعد", "قبل", "يوم", "من", "الي", "علي", "عن", "خلال", "بتاريخ", "تاريخ",
              "كتب", "كتبت", "بقلم", "اعداد", "متابعه"}


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int                          # the whole dateline: place, country, date, credits (not the dash)
    body: int                         # where the text after it begins
    place: tuple[int, int] | None     # the place (and country after a comma) it was filed from
    date: DateMention | None          # a full date
    day_month: DayMonth | None        # a date written without its year


@dataclass(frozen=True)
class _Part:
    kind: str                         # place | country | date | day_month | credit | bracket
    start: int
    end: int
    value: object = None


@lru_cache(maxsize=1)
def _credits() -> tuple[re.Pattern, re.Pattern]:
    raw = load_json("datelines.json")

    def alternation(names) -> re.Pattern:
        alt = "|".join(re.escape(normalize(n)).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"(?:{alt})(?![^\W\d_])")
    return alternation(raw["bare_credits"]), alternation(raw["bare_credits"] + raw["credits"])


def _credit_at(line: str, pos: int, bare_only: bool = False) -> int | None:
    """End of a credit name starting at `pos` (on the original text: names are short, normalised per try)."""
    bare, every = _credits()
    chunk = line[pos:pos + 40]
    m = (bare if bare_only else every).match(normalize(chunk))
    if not m:
        return None
    # normalisation only drops marks: walk the original until the same number of kept characters
    kept, k = 0, 0
    while k < len(chunk) and kept < m.end():
        if normalize(chunk[k]) or chunk[k].isspace():
            kept += 1
        k += 1
    return pos + k


def _weekday_then(line: str, pos: int, starts: dict[int, object]) -> object | None:
    """A date starting at `pos`, or after a weekday there ("الإثنين، 11-11-2019")."""
    if pos in starts:
        return starts[pos]
    m = _WORD.match(line, pos)
    if m and normalize(m.group()) in calendar()["weekday"]:
        after = _AFTER_WEEKDAY.match(line, m.end()).end()
        return starts.get(after)
    return None


def _parts(line: str) -> list[tuple[list[_Part], int]]:
    """Every run of dateline parts closed by a dash or colon: (parts, where the body begins)."""
    starts: dict[int, object] = {d.start: d for d in find_day_months(line)}
    starts.update({d.start: d for d in find_dates(line)})
    parts: list[_Part] = []
    closed: list[tuple[list[_Part], int]] = []
    pos, dashed = 0, False
    while pos < len(line):
        found = _weekday_then(line, pos, starts)
        after_date = any(p.kind in ("date", "day_month") for p in parts)
        if found is not None:
            end = _MARKS.match(line, found.end).end()      # "هـ": the tatweel normalisation dropped
            part = _Part("date" if isinstance(found, DateMention) else "day_month", pos, end, found)
        elif m := _PAREN.match(line, pos):
            g = 1 if m.group(1) is not None else 2
            credit = _credit_at(m.group(g), 0)
            kind = "credit" if credit == len(m.group(g)) else "bracket" if parts else "place" if g == 1 and \
                re.fullmatch(r"[^\W\d_]{2,}(?:\s+[^\W\d_]{2,}){0,2}", m.group(g)) else ""
            if not kind:
                break                                     # "(1) - ..." numbers a paragraph
            part = _Part(kind, pos, m.end(), (m.start(g), m.end(g)))    # a place in brackets: "(بنغازي) -"
        elif parts and (end := _credit_at(line, pos)) and (
                parts[-1].kind != "place" or re.search(r"[،,\-–—ـ]", line[parts[-1].end:pos])):
            part = _Part("credit", pos, end)              # not glued to the place: "الأسهم العمانية:" is a phrase
        elif not dashed and not after_date and (m := _WORD.match(line, pos)):
            end, words = m.end(), 1                       # a place: up to five words (three undated), not into a date
            while words < 5 and (n := _SPACE.match(line, end)) and _weekday_then(line, n.end(), starts) is None \
                    and (w := _WORD.match(line, n.end())) and _credit_at(line, n.end(), bare_only=True) is None:
                end, words = w.end(), words + 1
            kind = "place" if not parts or parts[-1].kind == "place" and "،" not in line[parts[-1].end:pos] \
                and "," not in line[parts[-1].end:pos] else "country"
            if kind == "place" and parts and parts[-1].kind == "place":
                return closed                             # two runs of words with no comma: a sentence
            part = _Part(kind, pos, end)
        elif after_date and (m := _LINK.match(line, pos)) and _weekday_then(line, m.end(), starts) is not None:
            part = _Part("link", pos, pos + len(m.group().rstrip()))   # "5 رمضان 1447 هـ الموافق 22 فبراير 2026"
        elif after_date and not dashed and (m := _OUTLET.match(line, pos)):
            part = _Part("credit", pos, pos + len(m.group().rstrip()))   # an unlisted outlet after the date
        else:
            break
        parts.append(part)
        sep = _SEP.match(line, part.end)
        pos = sep.end()
        # a colon closes after a date or a credit: "بغداد: قال ..." opens with a place and a speech
        if sep["t"] and (sep["t"] != ":" or part.kind in ("date", "day_month", "credit")
                         or dashed and part.kind == "bracket") and pos < len(line):
            closed.append((list(parts), pos))
            dashed = True
        elif dashed and part.kind == "credit" and _credit_at(line, part.start, bare_only=True) == part.end \
                and sep.end() > part.end and pos < len(line):
            closed.append((list(parts), pos))                 # "طهران - وكالات الأنباء وصل ..."
            break
        elif sep["t"] == ":":
            break
    return closed


def read_dateline(text: str) -> Dateline | None:
    """The dateline opening `text`, or None."""
    line = text[:WINDOW].split("\n")[0]
    if not _CLOSE.search(line):
        return None                       # every dateline ends at a dash or colon
    for parts, body in reversed(_parts(line)):
        if _valid(line, parts):
            places = [p.value or (p.start, p.end) for p in parts if p.kind in ("place", "country")]
            place = (places[0][0], places[-1][1]) if places else None
            dated = next((p.value for p in parts if p.kind == "date"), None)
            dm = next((p.value for p in parts if p.kind == "day_month"), None)
            return Dateline(parts[0].start, parts[-1].end, body, place, dated, dm)
    return None


def _tatweel_closed(line: str, parts: list[_Part]) -> bool:
    """A dateline closed by a lone tatweel and nothing but its place: the tatweel also joins compound
    adjectives and asides ("المصرية ـ البحرينية"، "وقال ـ في بيان ـ"), so an unknown place is no place."""
    return all(p.kind in ("place", "country") for p in parts) and "ـ" in line[parts[-1].end:parts[-1].end + 4]


def _valid(line: str, parts: list[_Part]) -> bool:
    places = [p for p in parts if p.kind in ("place", "country")]
    for p in places:                      # "قال الجيش، في 3 أكتوبر 2026 - ..." is a sentence
        first = normalize(line[p.start:p.end].strip("( ").split()[0])
        if first in _NOT_PLACE or first[:1] in ("و", "ف") and first[1:] in _NOT_PLACE:
            return False
    if any(p.kind == "date" for p in parts):
        return True
    if not places or places[0].start != 0:
        return False                      # "12 مايو - ..." with no place and no year opens a sentence
    if any(p.kind == "day_month" for p in parts):
        return True
    name = normalize(line[places[0].start:places[0].end].strip("() "))
    if len(name.split()) > 3:
        return False
    if name not in place_names() and (name[:1] in ("و", "ف") or _tatweel_closed(line, parts)):
        return False                      # "وقال الوزير - في بيان -", "القمة المصرية ـ البحرينية"
    countries = [p for p in places[1:] if p.kind == "country"]
    brackets = [p for p in parts if p.kind == "bracket"]
    return len(brackets) <= 1 and all(normalize(line[p.start:p.end]) in place_names() for p in countries)
