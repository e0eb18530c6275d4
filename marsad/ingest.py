"""Read files and folders into `RawItem`s: plain text, HTML, JSONL, WARC(.gz), RSS/Atom.

Every input yields at least one item. One that cannot be read yields an item with `error` set
(a one-line reason), so the batch goes on and the store keeps a `rejected` row: nothing is lost.
Containers (JSONL, WARC, feeds) are streamed record by record; memory does not grow with corpus size.
"""
from __future__ import annotations

import codecs
import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .arabic import arabic_ratio
from .model import RawItem

MAX_ARTICLE_BYTES = 20 * 1024 * 1024     # one article file larger than this is not an article
MAX_FEED_BYTES = 50 * 1024 * 1024        # feedparser parses a whole document in memory
_SUFFIX_FORMAT = {".txt": "text", ".text": "text", ".md": "text",
                  ".html": "html", ".htm": "html", ".xhtml": "html",
                  ".jsonl": "jsonl", ".ndjson": "jsonl",
                  ".warc": "warc", ".arc": "warc",
                  ".rss": "feed", ".atom": "feed", ".xml": "feed"}
_BINARY_MAGIC = {b"%PDF": "PDF document", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image",
                 b"GIF8": "GIF image", b"PK\x03\x04": "ZIP archive", b"\x7fELF": "executable"}
_LEGACY_ENCODINGS = ("cp1256", "iso-8859-6", "utf-16")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


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


def binary_kind(data: bytes) -> str | None:
    """A name for the binary format `data` is in, or None when it looks like text."""
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return kind
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary data (NUL bytes)"
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding) for `data`: UTF-8 (with or without BOM), else a legacy Arabic encoding.

    The encoding is detected, not assumed: UTF-8 first (it almost never decodes by accident), then
    the declared charset and windows-1256 / ISO-8859-6 / UTF-16, keeping the candidate whose text is
    most Arabic. Raises DecodeError when nothing yields readable text.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best: tuple[float, str, str] | None = None
    for enc in filter(None, (declared, *_LEGACY_ENCODINGS)):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score = arabic_ratio(text) if _looks_like_text(text) else 0.0
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best and best[0] >= 0.5:
        return best[1], best[2]
    # Mostly UTF-8 with a few damaged bytes (a truncated download): keep it, marking the damage.
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(2, len(text) // 200):
        return text, "utf-8 (damaged bytes replaced)"
    raise DecodeError(f"invalid UTF-8 at byte {utf8_error.start} and no Arabic legacy encoding fits")


def _looks_like_text(text: str) -> bool:
    """Legacy single-byte codecs decode any bytes; real prose has spaces and few control characters."""
    if not text:
        return False
    spaces = sum(ch.isspace() for ch in text)
    controls = sum(ord(ch) < 32 and ch not in "\r\n\t" for ch in text)
    return spaces >= len(text) * 0.03 and controls <= len(text) * 0.01


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
        from .formats import read_warc
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
        from .formats import read_feed
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


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 2 KB (<meta charset=…>), if any."""
    head = data[:2048].lower()
    i = head.find(b"charset=")
    if i < 0:
        return None
    value = head[i + 8:i + 40].strip(b"\"' ").split(b'"')[0].split(b"'")[0].split(b";")[0].split(b">")[0]
    return value.strip().decode("ascii", "ignore") or None


def _stem(path: Path) -> str:
    name = path.name
    for ext in (".warc.gz", ".arc.gz", ".jsonl.gz"):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return path.stem
