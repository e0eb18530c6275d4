"""Query parameters the endpoints share, checked before any query runs.

A bad value is the caller's mistake and gets a 422 naming the parameter (FastAPI's validation,
reshaped in `app.py`), never a 500 from deep inside SQLite: dates must be real days, a bounding box
four numbers in range, a type one of ACLED's, a search at most 500 characters with a word to find.
An empty value is no filter (what a form sends for a field left blank). The same rules as the CLI's
options (`marsad/cli/common.py`), written again here because the CLI sits above this floor.
"""
from __future__ import annotations

import math
import re
from datetime import date
from typing import Annotated, Literal, Optional

from fastapi import Query
from pydantic import AfterValidator

from marsad.store.export import EVENT_TYPES
from marsad.store.terms import parse_query

MAX_LIMIT = 10_000           # rows one page may hold, as the CLI's --limit; beyond this, export
MAX_QUERY_CHARS = 500        # a search is words, not a document
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(value: Optional[str]) -> Optional[str]:
    if not value:                   # an empty form field means no filter
        return None
    try:
        if _DAY.fullmatch(value):
            date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise ValueError(f"not a date (YYYY-MM-DD): {value!r}")


def _bbox(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    if not value:
        return None
    parts = value.split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(parts) != 4 or len(numbers) != 4 or not all(map(math.isfinite, numbers)):
        raise ValueError(f"four numbers minlon,minlat,maxlon,maxlat expected: {value!r}")
    lon0, lat0, lon1, lat1 = numbers
    if not (-180 <= lon0 <= lon1 <= 180 and -90 <= lat0 <= lat1 <= 90):
        raise ValueError("longitudes within -180..180, latitudes within -90..90, each minimum <= its maximum")
    return lon0, lat0, lon1, lat1


def event_type(value: Optional[str], subtypes_only: bool = False) -> Optional[str]:
    """ACLED's spelling of an event type or sub-type given in any letter case."""
    if not value:
        return None
    names = [*([] if subtypes_only else EVENT_TYPES), *(s for subs in EVENT_TYPES.values() for s in subs)]
    found = next((n for n in names if n.lower() == value.strip().lower()), None)
    if found is None:
        what = "sub-type" if subtypes_only else "type or sub-type"
        raise ValueError(f"{value!r} is not an ACLED event {what} (types: {', '.join(EVENT_TYPES)})")
    return found


def _text(value: Optional[str]) -> Optional[str]:
    if value and "\x00" in value:
        raise ValueError("contains a NUL character")
    return value or None


def search_query(value: Optional[str]) -> Optional[str]:
    """A search query that can select something: -word alone only leaves articles out."""
    if value is None:
        return None
    _text(value)
    parsed = parse_query(value)
    if not parsed.groups:
        raise ValueError("-word only leaves articles out: give at least one word to find"
                         if parsed.excluded else "no words to search for")
    return value


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Most rows to return (1–{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Rows to skip (for paging).")]
# The schema states each rule (for clients and schemathesis); the validators enforce it with a message
# a person can act on ("not a date (YYYY-MM-DD)", not a regular expression).
_NUMBER = r"-?\d+(\.\d+)?"
_SUBTYPES = [s for subs in EVENT_TYPES.values() for s in subs]
Day = Annotated[Optional[str], Query(description="A day, YYYY-MM-DD.", examples=["2023-05-14"],
                                     json_schema_extra={"pattern": f"^({_DAY.pattern})?$"}),
                AfterValidator(_day)]
BBox = Annotated[Optional[str], Query(
    description="minlon,minlat,maxlon,maxlat (degrees): only events with coordinates inside.",
    examples=["9,19,26,34"], json_schema_extra={"pattern": f"^({_NUMBER}(,{_NUMBER}){{3}})?$"}), AfterValidator(_bbox)]
EventType = Annotated[Optional[str], Query(
    alias="type", description="ACLED event type or sub-type (Battles, Air/drone strike), in any letter case.",
    json_schema_extra={"enum": [*EVENT_TYPES, *_SUBTYPES]}), AfterValidator(event_type)]
SubType = Annotated[Optional[str], Query(description="ACLED sub-event type, in any letter case.",
                                         json_schema_extra={"enum": _SUBTYPES}),
                    AfterValidator(lambda v: event_type(v, subtypes_only=True))]


def words(description: Optional[str] = None, max_length: int = MAX_QUERY_CHARS):
    """An optional text parameter: bounded, no NUL (SQLite and FTS5 take text, not bytes)."""
    return Annotated[Optional[str], Query(max_length=max_length, description=description), AfterValidator(_text)]


Words = words()
Search = Annotated[Optional[str], Query(
    max_length=MAX_QUERY_CHARS, description='Words (all must match), a OR b, -word, "a phrase".'),
    AfterValidator(search_query)]
EventSort = Annotated[Literal["date", "-date", "fatalities", "-fatalities"], Query(
    description="date or fatalities, ascending; with a leading - descending (undated/unknown last).")]
ArticleSort = Annotated[Literal["published", "-published", "doc_id", "-doc_id", "ingested", "-ingested"], Query(
    description="published, doc_id or ingested (time stored), ascending; with a leading - descending.")]
