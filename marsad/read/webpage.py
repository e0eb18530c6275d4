"""HTML → main text and metadata, via trafilatura, plus publication dates from explicit markup.

trafilatura finds the main text, title and site name. The publication date we take only from markup
that declares it (article:published_time, JSON-LD datePublished, <time pubdate>, …), never from a
date that merely appears on the page: a header date is site chrome, not publication.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from marsad.text.dates import parse_date

_META_DATE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|datePublished|"""
    r"""pubdate|publishdate|publish[-_]date|date|dc\.date\.issued|DC\.date|sailthru\.date|parsely-pub-date)["']"""
    r"""[^>]*content\s*=\s*["']([^"']+)["']|<meta[^>]+content\s*=\s*["']([^"']+)["'][^>]+"""
    r"""(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|pubdate)["']""",
    re.IGNORECASE)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
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

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False)
    if doc is None:
        return Page("", None, None, published_from_markup(html), url)
    get = doc.as_dict().get if hasattr(doc, "as_dict") else doc.get
    return Page(text=get("text") or "", title=get("title"), sitename=get("sitename"),
                published=published_from_markup(html), url=get("url") or url)
