"""Container formats: WARC/WARC.gz (warcio) and RSS/Atom feeds (feedparser).

Each record or entry becomes a RawItem; a container that breaks part-way (a truncated WARC.gz) yields
the records read so far plus one error item that says where it broke, and a container with no
article in it yields one error item that says so: every file leaves a trace.
"""
from __future__ import annotations

import contextlib
import io
import re
import time
from collections.abc import Iterator
from typing import BinaryIO

from marsad.model import RawItem
from marsad.read.encoding import DecodeError, binary_kind, decode_text
from marsad.read.streams import (
    HEADER_LINE_LIMIT,
    HeaderGuard,
    ReadAbort,
    check_end,
    megabytes,
    read_up_to,
)

_HTML_TYPES = ("text/html", "application/xhtml")
_DRAIN = 1024 * 1024
# An internal DTD subset is where entity bombs ("billion laughs") and XXE live; feeds have no use for
# one. expat does stop a bomb, but only after seconds of expansion, so the subset is removed first.
_DTD_SUBSET = re.compile(rb"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.S | re.I)


def looks_like_warc(head: bytes) -> bool:
    """WARC (or the older ARC) from its first bytes."""
    return head.lstrip(b"\r\n\t ")[:16].upper().startswith((b"WARC/", b"FILEDESC://"))


def read_warc(stream: BinaryIO, base_id: str, source: str, cap: int) -> Iterator[RawItem]:
    """Response records carrying HTML (or plain text); other records are skipped as not articles.

    `stream` is the archive already decompressed (files.py inflates .gz itself, with a bomb guard);
    payloads are read up to `cap` bytes, the rest drained in chunks, so memory stays near the cap.
    """
    from warcio.archiveiterator import ArchiveIterator

    guard = HeaderGuard(stream)
    records, yielded, skipped = 0, 0, {}
    current = None                # the id of the record being read, until its item is out
    try:
        archive = iter(ArchiveIterator(guard))
        while True:
            guard.run, guard.limit, current = 0, HEADER_LINE_LIMIT, None
            warned = io.StringIO()
            with contextlib.redirect_stderr(warned):     # warcio prints "Content-Length invalid?" there
                record = next(archive, None)
            if record is None:
                check_end(stream)
                break
            records += 1
            rec_id = current = (record.rec_headers.get_header("WARC-Record-ID") or f"{base_id}#{records}").strip("<>")
            http = record.http_headers
            status = http.get_statuscode() if http else None
            if record.rec_type != "response" or status not in (None, "200"):
                kind = record.rec_type if record.rec_type != "response" else f"HTTP {status}"
                skipped[kind] = skipped.get(kind, 0) + 1
                guard.limit = None
                _drain(record.raw_stream)
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            guard.limit = cap + HEADER_LINE_LIMIT
            body = read_up_to(record.content_stream(), cap + 1)
            guard.limit = None
            _drain(record.raw_stream)
            missing = getattr(record.raw_stream, "limit", 0)   # bytes the header promised but never came
            if missing:
                yield RawItem(rec_id, url or source, "warc", size=len(body),
                              error=f"truncated WARC record after {yielded} complete records ({missing} bytes missing)")
                return
            ctype = (http.get_header("Content-Type") if http else "") or ""
            item = _warc_item(rec_id, url or f"{source}#{records}", ctype, body, cap)
            if warned.getvalue():
                item.notes.append("the record before this one had a wrong Content-Length")
            yielded += 1
            current = None
            yield item
    except (ReadAbort, RecursionError, MemoryError) as e:
        yield RawItem(current or (f"{base_id}#{records + 1}" if records else base_id), source, "warc",
                      error=f"damaged WARC after {yielded} records: {e}")
        return
    except Exception as e:  # warcio raises plain Exceptions / zlib errors on damaged archives
        yield RawItem(current or (f"{base_id}#{records + 1}" if records else base_id), source, "warc",
                      error=f"damaged WARC after {yielded} records (warcio failed: {type(e).__name__}: {_one_line(e)})")
        return
    if not yielded:
        seen = ", ".join(f"{n} {kind}" for kind, n in sorted(skipped.items())) or "no records"
        what = "response record with HTTP 200" if any(k.startswith("HTTP") for k in skipped) else "response records"
        yield RawItem(base_id, source, "warc", error=f"WARC has no {what} ({seen})")


def _drain(raw) -> None:
    while raw.read(_DRAIN):
        pass


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split())[:300]


def _warc_item(rec_id: str, url: str, ctype: str, body: bytes, cap: int) -> RawItem:
    meta = {"url": url}
    lowered = ctype.lower()
    if lowered and not lowered.startswith(_HTML_TYPES) and not lowered.startswith("text/plain"):
        return RawItem(rec_id, url, "warc", meta=meta, size=len(body), error=f"not an article (Content-Type {ctype})")
    if len(body) > cap:
        return RawItem(rec_id, url, "warc", meta=meta, size=len(body),
                       error=f"WARC payload too large for one article (over {megabytes(cap)} limit)")
    kind = binary_kind(body)
    if kind:
        return RawItem(rec_id, url, "warc", meta=meta, size=len(body), error=f"binary payload ({kind})")
    declared = lowered.split("charset=")[1].split(";")[0].strip() if "charset=" in lowered else None
    try:
        d = decode_text(body, declared)
    except DecodeError as e:
        return RawItem(rec_id, url, "warc", meta=meta, size=len(body), error=str(e))
    if lowered.startswith("text/plain"):
        return RawItem(rec_id, url, "warc", text=d.text, meta=meta, size=len(body), notes=d.notes)
    return RawItem(rec_id, url, "html", html=d.text, meta=meta, size=len(body), notes=d.notes)


def read_feed(data: bytes, source: str, base_id: str) -> Iterator[RawItem]:
    """One item per RSS/Atom entry: its content (or summary) as HTML, link, date, title."""
    import feedparser

    notes = []
    if b"<!ENTITY" in data or b"<!entity" in data:
        data, removed = _DTD_SUBSET.subn(b"", data, count=1)
        if removed:
            notes.append("the feed's entity declarations were removed (entity bomb / XXE defence)")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no entries"
        yield RawItem(base_id, source, "feed", size=len(data), error=f"unreadable feed: {_one_line(reason)}")
        return
    outlet = _text(parsed.feed.get("title")) or None
    for n, entry in enumerate(parsed.entries, 1):
        content = entry.get("content") or []
        html = _text(content[0].get("value") if content else None) or _text(entry.get("summary"))
        link = _text(entry.get("link")) or None
        doc_id = _text(entry.get("id")) or link or f"{base_id}#{n}"
        meta = {"url": link, "title": _text(entry.get("title")).strip() or None, "outlet": outlet}
        # The entry's publication; a date feedparser cannot read ("الخميس, 12 سبتمبر 2024") is kept as
        # written (the pipeline reads Arabic dates); "updated" only when nothing says published
        # (Atom requires <updated>, and a feed that never updates its entries gives only that).
        when = entry.get("published_parsed") or (None if _text(entry.get("published")).strip()
                                                 else entry.get("updated_parsed"))
        if when:
            with contextlib.suppress(TypeError, ValueError):
                meta["published"] = time.strftime("%Y-%m-%d", when)
        else:
            meta["published"] = _text(entry.get("published")).strip() or None
        meta = {k: v for k, v in meta.items() if v}
        src = link if link and "://" in link else f"{source}#{n}"     # feedparser makes a guid the link
        if not html.strip():
            yield RawItem(doc_id, src, "feed", meta=meta, error="feed entry has no content or summary")
        else:
            yield RawItem(doc_id, src, "html", html=f"<html><body><article>{html}</article></body></html>",
                          meta=meta, size=len(html), notes=list(notes))


def _text(value) -> str:
    """A feed field as text ("" when absent or not text: feedparser passes odd markup through)."""
    return value if isinstance(value, str) else ""
