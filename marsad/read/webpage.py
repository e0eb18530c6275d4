"""HTML → main text and metadata, via trafilatura, plus publication dates from explicit markup.

trafilatura finds the main text, title and site name. The publication date we take only from markup
that declares it (article:published_time, JSON-LD datePublished, <time pubdate>, …), never from a
date that merely appears on the page: a header date is site chrome, not publication.

lxml (under trafilatura) gives up on markup nested 254 levels or more, and trafilatura then returns
nothing; such a page still has text, so it is read flat instead (`flat_text`: every text node, one
line per block element), which is what a reader of the page would see.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from marsad.text.published import parse_date

_META_DATE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|datePublished|"""
    r"""pubdate|publishdate|publish[-_]date|date|dc\.date\.issued|DC\.date|sailthru\.date|parsely-pub-date)["']"""
    r"""[^>]*content\s*=\s*["']([^"']+)["']|<meta[^>]+content\s*=\s*["']([^"']+)["'][^>]+"""
    r"""(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|pubdate)["']""",
    re.IGNORECASE)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_BLOCK_TAGS = frozenset("p div br li ul ol tr td th h1 h2 h3 h4 h5 h6 article section header footer main "
                        "blockquote pre table dd dt figcaption title".split())
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "head"))
DEEP_NESTING = 200          # lxml's limit is 255; past this, trafilatura's silence means "too deep"
_TIME_PUBDATE = re.compile(r"<time[^>]+(?:pubdate|itemprop=[\"']datePublished[\"'])[^>]*datetime=[\"']([^\"']+)", re.I)


@dataclass
class Page:
    text: str
    title: str | None
    sitename: str | None
    published: date | None
    url: str | None


def published_from_markup(html: str) -> date | None:
    head = html[:200_000]
    for pattern in (_META_DATE, _JSONLD_DATE, _TIME_PUBDATE):
        for m in pattern.finditer(head):
            value = next((g for g in m.groups() if g), None)
            parsed = parse_date(value)
            if parsed:
                return parsed
    return None


def extract_page(html: str, url: str | None = None) -> Page:
    """Main text (paragraphs separated by newlines) and metadata of one HTML page."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, deduplicate=False)
    except (ValueError, RecursionError):   # markup lxml cannot hold: read it flat below
        doc = None
    get = (doc.as_dict().get if hasattr(doc, "as_dict") else doc.get) if doc is not None else {}.get
    text = get("text") or ""
    if not text.strip():
        flat = _FlatText()
        flat.feed(html)
        flat.close()
        if flat.max_depth >= DEEP_NESTING:
            text = flat.text()
    return Page(text=text, title=get("title"), sitename=get("sitename"),
                published=published_from_markup(html), url=get("url") or url)


class _FlatText(HTMLParser):
    """Text and nesting depth in one pass; html.parser keeps no tree, so depth costs nothing."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = self.max_depth = self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS and self.skip:
            self.skip -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)
