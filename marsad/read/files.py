"""Read files and folders into `RawItem`s: plain text, HTML, JSONL, WARC(.gz), RSS/Atom.

Every input yields at least one item. One that cannot be read yields an item with `error` set
(a one-line reason), so the batch goes on and the store keeps a `rejected` row: nothing is lost.
Containers (JSONL, WARC, feeds) are streamed record by record; memory does not grow with corpus size.
"""
from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.model import RawItem
from marsad.read.encoding import DecodeError, _declared_charset, binary_kind, decode

MAX_ARTICLE_BYTES = 20 * 1024 * 1024     # one article file larger than this is not an article
MAX_FEED_BYTES = 50 * 1024 * 1024        # feedparser parses a whole document in memory
_SUFFIX_FORMAT = {".txt": "text", ".text": "text", ".md": "text",
                  ".html": "html", ".htm": "html", ".xhtml": "html",
                  ".jsonl": "jsonl", ".ndjson": "jsonl",
                  ".warc": "warc", ".arc": "warc",
                  ".rss": "feed", ".atom": "feed", ".xml": "feed"}
def detect_format(path: Path, head: bytes) -> str:
    """Format from the file name, else from the first bytes."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    fmt = _SUFFIX_FORMAT.get(path.suffix.lower())
    if fmt:
        return fmt
    sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if sniff.startswith(b"warc/") or head.startswith(b"\x1f\x8b"):
        return "warc"
    if sniff.startswith(b"<?xml") and (b"<rss" in sniff or b"<feed" in sniff) or sniff.startswith((b"<rss", b"<feed")):
        return "feed"
    if sniff.startswith((b"<!doctype html", b"<html")):
        return "html"
    if sniff.startswith(b"{"):
        return "jsonl"
    return "text"


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files under `paths`, recursively, in a stable order; hidden files and folders skipped."""
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield Path(root) / f
        else:
            yield p


def read_paths(paths: Iterable[str | os.PathLike]) -> Iterator[RawItem]:
    """Every input unit under `paths` as a RawItem (with `error` set when it is unreadable)."""
    for path in iter_paths(paths):
        yield from read_file(path)


def read_file(path: Path) -> Iterator[RawItem]:
    stem = _stem(path)
    src = str(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError as e:
        yield RawItem(stem, src, "unknown", error=f"cannot read file: {e.strerror or e}")
        return
    fmt = detect_format(path, head)
    if size == 0:
        yield RawItem(stem, src, fmt, error="empty file")
        return
    if fmt == "warc":
        from marsad.read.containers import read_warc
        yield from read_warc(path, stem)
        return
    if fmt == "jsonl":
        yield from read_jsonl(path, stem)
        return
    limit = MAX_FEED_BYTES if fmt == "feed" else MAX_ARTICLE_BYTES
    if size > limit:
        yield RawItem(stem, src, fmt, size=size,
                      error=f"file too large for one {fmt} article ({size / 2**20:.0f} MB > {limit / 2**20:.0f} MB limit)")
        return
    data = path.read_bytes()
    kind = binary_kind(data)
    if kind:
        yield RawItem(stem, src, fmt, size=size, error=f"binary file ({kind}), not text")
        return
    if fmt == "feed":
        from marsad.read.containers import read_feed
        yield from read_feed(data, src, stem)
        return
    try:
        text, _enc = decode(data, _declared_charset(data) if fmt == "html" else None)
    except DecodeError as e:
        yield RawItem(stem, src, fmt, size=size, error=str(e))
        return
    if fmt == "html":
        yield RawItem(stem, src, fmt, html=text, size=size)
    else:
        yield RawItem(stem, src, fmt, text=text, size=size)


def read_jsonl(path: Path, stem: str) -> Iterator[RawItem]:
    """One item per line; a broken line becomes an error item and the file goes on."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            yield jsonl_item(line, f"{path}:{n}", f"{stem}:{n}")


def jsonl_item(line: bytes | str, source: str, fallback_id: str) -> RawItem:
    """A RawItem from one JSONL line: `text` or `html`, and optional id/url/title/published/outlet."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        return RawItem(fallback_id, source, "jsonl", error=f"invalid JSON: {e}")
    if not isinstance(obj, dict):
        return RawItem(fallback_id, source, "jsonl", error="JSON line is not an object")
    doc_id = str(obj.get("id") or obj.get("doc_id") or fallback_id)
    meta = {k: obj[k] for k in ("url", "title", "published", "outlet") if obj.get(k)}
    size = len(line)
    html, text = obj.get("html"), obj.get("text")
    if isinstance(html, str) and html.strip():
        return RawItem(doc_id, meta.get("url") or source, "html", html=html, meta=meta, size=size)
    if isinstance(text, str) and text.strip():
        return RawItem(doc_id, meta.get("url") or source, "jsonl", text=text, meta=meta, size=size)
    return RawItem(doc_id, source, "jsonl", meta=meta, size=size, error="no non-empty 'text' or 'html' field")


def _stem(path: Path) -> str:
    name = path.name
    for ext in (".warc.gz", ".arc.gz", ".jsonl.gz"):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return path.stem
