"""HTML → main text and metadata, via trafilatura, plus publication dates from explicit markup.

trafilatura finds the main text, title and site name. The publication date we take only from markup
that declares it (article:published_time, JSON-LD datePublished, <time pubdate>, …), never from a
date that merely appears on the page: a header date is site chrome, not publication.

lxml (under trafilatura) gives up on markup nested 254 levels or more, and trafilatura then returns
nothing; such a page still has text, so it is read flat instead (`flat_text`: every text node, one
line per block element), which is what a reader of the page would see.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html import unescape
from html.parser import HTMLParser

from marsad.text.arabic import normalize
from marsad.text.dates import find_dates
from marsad.text.published import parse_date

# Markup that names the publication itself, in order of trust. Update stamps (article:modified_time,
# og:updated_time, dateModified, last-modified) are never read: a page corrected or re-cached later
# carries them with a later day than the news. A bare "date"/"DC.date" is often the page's last change,
# so it is taken only when nothing names the publication.
_PUBLISHED_KEYS = frozenset("""article:published_time og:published_time og:article:published_time
    article.published datepublished pubdate publishdate publish-date publish_date publication_date
    parsely-pub-date sailthru.date dc.date.issued dcterms.issued cxenseparse:recs:publishtime""".split())
_GENERIC_KEYS = frozenset("date dc.date dcterms.date dc.date.created dcterms.created".split())
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_TIME_TAG = re.compile(r"<time\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:.\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_JSONLD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
# JSON-LD keys under which other articles are listed ("most read", related, parts): their
# datePublished are those articles' days, not this page's.
_OTHER_ARTICLES = frozenset("itemListElement hasPart relatedLink isPartOf citation mentions comment review "
                            "significantLink".split())
_BLOCK_TAGS = frozenset("p div br li ul ol tr td th h1 h2 h3 h4 h5 h6 article section header footer main "
                        "blockquote pre table dd dt figcaption title".split())
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "head"))
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_TITLE_SEP = re.compile(r"\s+[|»«]\s+|\s*::\s*")
_TITLE_DASH = re.compile(r"\s+[\-–—]\s+")
_DOMAIN = re.compile(r"(?:www\.)?[\w\-]+(?:\.[\w\-]+)+")
_OUTLET_WORDS = 5           # "وكالة الأنباء الوطنية"، "صحيفة الساحل": an outlet's name is this short
_BYLINE_ZONE = 3000         # markup between a headline and its first paragraph, at most
DEEP_NESTING = 200          # lxml's limit is 255; past this, trafilatura's silence means "too deep"


@dataclass
class Page:
    text: str
    title: str | None
    sitename: str | None
    published: date | None
    url: str | None


def _attrs(tag: str) -> dict[str, str]:
    return {m[1].lower(): m[2] if m[2] is not None else m[3] for m in _ATTR.finditer(tag)}


def published_from_markup(html: str, title: str | None = None) -> date | None:
    """The publication date the markup declares: publication meta tags, then the page's own JSON-LD
    article (not the articles it lists), then <time> marked as published (WordPress "entry-date
    published", pubdate), then a bare "date" meta tag."""
    head = html[:200_000]
    generic = []
    for m in _META_TAG.finditer(head):
        attrs = _attrs(m.group())
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _PUBLISHED_KEYS and (value := parse_date(attrs.get("content"))):
            return value
        if key in _GENERIC_KEYS:
            generic.append(attrs.get("content"))
    for m in _JSONLD.finditer(head):
        if value := _jsonld_published(m.group(1), title):
            return value
    for m in _TIME_TAG.finditer(head):
        attrs = _attrs(m.group())
        cls = attrs.get("class", "").lower()
        if ("pubdate" in m.group().lower() or attrs.get("itemprop", "").lower() == "datepublished"
                or "published" in cls) and (value := parse_date(attrs.get("datetime"))):
            return value
    return next((v for v in map(parse_date, generic) if v), None)


def _jsonld_published(block: str, title: str | None) -> date | None:
    """datePublished of the JSON-LD object that is this page: the one whose headline is the page's
    title, else the first one not listed under another (a "most read" ItemList, related links)."""
    try:
        data = json.loads(block, strict=False)
    except ValueError:                          # broken JSON: the first datePublished written
        m = _JSONLD_DATE.search(block)
        return parse_date(m.group(1)) if m else None
    found: list[tuple[bool, bool, str]] = []     # (headline is the title, listed under another, value)
    want = " ".join(title.split()) if title else None

    def walk(node, listed: bool, depth: int) -> None:
        if depth > 20 or len(found) > 50:
            return
        if isinstance(node, list):
            for x in node:
                walk(x, listed, depth + 1)
        elif isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                headline = node.get("headline") or node.get("name")
                same = bool(want) and isinstance(headline, str) and " ".join(headline.split()) == want
                found.append((same, listed, value))
            for k, v in node.items():
                if isinstance(v, (dict, list)):
                    walk(v, listed or k in _OTHER_ARTICLES, depth + 1)
    walk(data, False, 0)
    for ok in (lambda f: f[0], lambda f: not f[1]):
        for f in filter(ok, found):
            if value := parse_date(f[2]):
                return value
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
    title, sitename = _title_and_outlet(html, get("title"), get("sitename"))
    published = published_from_markup(html, title)
    if published is None and title and text:
        text = _with_byline(html, title, text)
    return Page(text=text, title=title, sitename=sitename, published=published, url=get("url") or url)


def _title_and_outlet(html: str, title: str | None, sitename: str | None) -> tuple[str | None, str | None]:
    """Headline and outlet from <title> "headline | outlet" or "outlet | headline". The headline is
    the part the page also prints (its <h1>) and the longer one: an outlet name is a few words. When
    the page names no site (or only its domain), the other part is the outlet."""
    m = _TITLE_TAG.search(html[:100_000])
    whole = unescape(m.group(1)) if m else ""
    # "|", "«", "::" part a title before a dash does: "غزة - مقتل خمسة ... | قناة الأفق" is headline | outlet.
    parts = [p.strip() for p in _TITLE_SEP.split(whole)]
    if len(parts) < 2:
        parts = [p.strip() for p in _TITLE_DASH.split(whole)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return title, sitename
    longest = max(parts, key=lambda p: len(p.split()))
    if title in parts and title != longest and len(title.split()) <= _OUTLET_WORDS < len(longest.split()) \
            and not _printed(html, title, True) and _printed(html, longest, False):
        title = longest                     # the site name was taken for the headline
    if title == longest and (not sitename or _DOMAIN.fullmatch(sitename)):
        from marsad.text.clean import vocabulary
        sections = vocabulary()["section_labels"]
        others = [p for p in (parts[0], parts[-1]) if p != title and len(p.split()) <= _OUTLET_WORDS
                  and normalize(p) not in sections]
        sitename = others[-1] if others else sitename
    return title, sitename


def _printed(html: str, text: str, heading: bool) -> bool:
    """Whether the page prints `text` as its headline (og:title, an <h1>-<h3>) or, unless `heading`,
    as the whole text of any element (a headline in a table cell)."""
    t = re.escape(text).replace(r"\ ", r"\s+")
    if re.search(rf"""og:title["'][^>]*content\s*=\s*["']\s*{t}\s*["']|<h[1-3]\b[^>]*>(?:\s*<[^>]+>)*\s*{t}\s*<""", html):
        return True
    return not heading and re.search(rf">\s*{t}\s*<", html) is not None


def _with_byline(html: str, title: str, text: str) -> str:
    """The text with the date lines printed between the headline and the first paragraph put back
    under the headline. Main-text extraction drops a page's byline ("نشر في: 15 أكتوبر 2024"، "٢٩
    سبتمبر، ٢٠٢٤"); when no markup dates the page, it is the article's only stamp. Only this zone is
    read: the header's "today" stands above the headline, related articles and comments below the body."""
    lines = text.split("\n")
    first = next((ln for ln in lines if ln.strip() and ln.strip() != title.strip()), "")
    if len(first) < 20:
        return text
    start = max(html.find("<body"), html.find("<BODY"))     # the head's description repeats the lede
    body_at = html.find(first[:30], max(start, 0))
    title_at = html.rfind(title, max(start, 0), body_at) if body_at > 0 else -1
    if title_at < 0 or body_at - title_at > _BYLINE_ZONE:
        return text
    flat = _FlatText()
    flat.feed(html[title_at + len(title):body_at])
    flat.close()
    stamps = [ln for ln in flat.text().split("\n") if len(ln.split()) <= 16 and find_dates(ln)]
    if not stamps:
        return text
    rest = lines[1:] if lines[0].strip() == title.strip() else lines
    return "\n".join([title, *stamps, *rest])


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
