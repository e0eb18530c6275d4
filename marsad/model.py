"""The records every stage reads and writes.

A `RawItem` is one input as read from disk (a file, a JSONL line, a WARC record, a feed entry),
before any interpretation. `Document` is the article: cleaned text plus annotations, each of which
keeps character offsets (`start`, `end`) into `Document.text` — offsets are the truth, every view
(snippets, evidence text) derives from them.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class RawItem:
    """One input unit. `error` set means it could not be read; it is still recorded."""
    doc_id: str
    source: str                      # path, path:line, path#record, or URL
    fmt: str                         # text | html | jsonl | warc | feed
    text: str | None = None          # decoded plain text, when the input is text
    html: str | None = None          # decoded HTML, when the input is a web page
    meta: dict[str, Any] = field(default_factory=dict)   # title, published, url, outlet from metadata
    error: str | None = None
    size: int = 0                    # bytes in the original input
    notes: list[str] = field(default_factory=list)   # what reading changed but kept (bytes replaced, text cut)

    @property
    def content(self) -> str:
        return self.html if self.html is not None else (self.text or "")

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.content.encode("utf-8")).hexdigest()


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    text: str
    type: str                        # PER | ORG | LOC | MISC
    start: int
    end: int
    canonical: str | None = None
    title: str | None = None         # rank or honorific kept out of the name (اللواء، المشير)
    role: str | None = None          # role phrase (المتحدث الرسمي باسم …)
    actor: str | None = None         # the actor dictionary's canonical name, when the mention names one
    actor_id: str | None = None      # and its id (marsad/data/actors.tsv)
    country: str | None = None       # places: ISO2 country, admin1 and coordinates from the gazetteer
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class Quote:
    speaker: str | None
    speaker_canonical: str | None
    cue: str
    kind: str                        # direct | indirect
    channel: str | None
    text: str
    start: int
    end: int


@dataclass
class Toll:
    kind: str                        # killed | injured | displaced | captured
    value: int | None
    approximate: bool
    text: str
    start: int
    end: int
    claimed_by: str | None = None
    scope: str | None = None


@dataclass
class Event:
    event_type: str
    sub_event_type: str
    evidence: Span
    event_date: str | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    location: str | None = None
    admin1: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    fatalities_text: str | None = None
    displaced: int | None = None
    claimed_by: str | None = None


@dataclass
class Document:
    doc_id: str
    source: str
    fmt: str
    content_hash: str
    raw: str = ""                    # decoded input (HTML or text) as received
    text: str = ""                   # cleaned body: title excluded, chrome removed
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_confidence: str = "none"     # high | low | none
    published_source: str | None = None    # metadata | byline | None: why we believe it
    page_dates: list[str] = field(default_factory=list)
    dateline: Span | None = None           # "طرابلس -" at the head of the body: the place it names
    dateline_whole: Span | None = None     # the whole dateline: place, country, date, credits
    status: str = "ok"                     # ok | rejected
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # kept, but altered: damaged bytes replaced, text truncated
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tolls: list[Toll] = field(default_factory=list)
    # Every attributed statement, calls and announced actions included: who claims an event
    # ("أعلنت القوات السيطرة على …") even where it is no quote. Not part of the output contract.
    claims: list[Quote] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def to_contract(self) -> dict[str, Any]:
        """The JSON shape fixed by CONTRACT.md (extra fields are allowed, none renamed)."""
        if self.status != "ok":
            return {"doc_id": self.doc_id, "source": self.source, "error": self.error}
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "published_confidence": self.published_confidence,
            "page_dates": self.page_dates,
            "dateline": self.dateline.text if self.dateline else None,
            "url": self.url,
            "text": self.text,
            "entities": [asdict(e) for e in self.entities],
            "quotes": [asdict(q) for q in self.quotes],
            "events": [asdict(e) for e in self.events],
            "tolls": [asdict(t) for t in self.tolls],
            **({"notes": self.notes} if self.notes else {}),
        }
