"""Container formats: WARC/WARC.gz (warcio) and RSS/Atom feeds (feedparser).

Each record or entry becomes a RawItem; a container that breaks part-way (a truncated WARC.gz) yields
the records read so far plus one error item that says where it broke.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from marsad.model import RawItem
from marsad.read.encoding import DecodeError, binary_kind, decode

_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(path: Path, stem: str) -> Iterator[RawItem]:
    """Response records carrying HTML (or plain text); other records are skipped as not articles."""
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        with open(path, "rb") as f:
            for record in ArchiveIterator(f):
                if record.rec_type != "response":
                    continue
                http = record.http_headers
                ctype = (http.get_header("Content-Type") if http else "") or ""
                if http and http.get_statuscode() not in (None, "200"):
                    continue
                rec_id = (record.rec_headers.get_header("WARC-Record-ID") or f"{stem}#{count}").strip("<>")
                url = record.rec_headers.get_header("WARC-Target-URI")
                body = record.content_stream().read()
                missing = getattr(record.raw_stream, "limit", 0)   # bytes the header promised but never came
                if missing:
                    yield RawItem(rec_id, url or str(path), "warc", size=len(body),
                                  error=f"truncated WARC record after {count} complete records ({missing} bytes missing)")
                    return
                count += 1
                yield _warc_item(rec_id, url or f"{path}#{count}", ctype, body)
    except Exception as e:  # warcio raises plain Exceptions / zlib errors on damaged archives
        yield RawItem(f"{stem}#broken", str(path), "warc",
                      error=f"damaged or truncated WARC after {count} records: {type(e).__name__}: {e}")


def _warc_item(rec_id: str, url: str, ctype: str, body: bytes) -> RawItem:
    meta = {"url": url}
    lowered = ctype.lower()
    if lowered and not lowered.startswith(_HTML_TYPES) and not lowered.startswith("text/plain"):
        return RawItem(rec_id, url, "warc", meta=meta, size=len(body), error=f"not an article (Content-Type {ctype})")
    kind = binary_kind(body)
    if kind:
        return RawItem(rec_id, url, "warc", meta=meta, size=len(body), error=f"binary payload ({kind})")
    declared = lowered.split("charset=")[1].split(";")[0].strip() if "charset=" in lowered else None
    try:
        text, _ = decode(body, declared)
    except DecodeError as e:
        return RawItem(rec_id, url, "warc", meta=meta, size=len(body), error=str(e))
    if lowered.startswith("text/plain"):
        return RawItem(rec_id, url, "warc", text=text, meta=meta, size=len(body))
    return RawItem(rec_id, url, "html", html=text, meta=meta, size=len(body))


def read_feed(data: bytes, source: str, stem: str) -> Iterator[RawItem]:
    """One item per RSS/Atom entry: its content (or summary) as HTML, link, date, title."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no entries"
        yield RawItem(stem, source, "feed", size=len(data), error=f"unreadable feed: {reason}")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, 1):
        content = entry.get("content") or []
        html = (content[0].get("value") if content else None) or entry.get("summary") or ""
        link = entry.get("link")
        doc_id = str(entry.get("id") or link or f"{stem}#{n}")
        meta = {"url": link, "title": (entry.get("title") or "").strip() or None, "outlet": outlet}
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        if when:
            meta["published"] = time.strftime("%Y-%m-%d", when)
        meta = {k: v for k, v in meta.items() if v}
        src = link or f"{source}#{n}"
        if not html.strip():
            yield RawItem(doc_id, src, "feed", meta=meta, error="feed entry has no content or summary")
        else:
            yield RawItem(doc_id, src, "html", html=f"<html><body><article>{html}</article></body></html>",
                          meta=meta, size=len(html))
