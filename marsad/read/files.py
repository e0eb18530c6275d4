"""Read files and folders into `RawItem`s: plain text, HTML, JSONL, WARC(.gz), RSS/Atom, any of them gzipped.

Every input yields at least one item and `read_paths` never raises. One that cannot be read yields an
item with `error` set (a one-line reason), so the batch goes on and the store keeps a `rejected` row:
nothing is lost. What reading repaired but kept (damaged bytes, lone surrogates, ignored fields) is
listed in `RawItem.notes`.

Which inputs, and their doc_ids: `marsad/read/paths.py`. In short, the path relative to the folder
given without its extension (`a/news`), the extension kept only where two files would otherwise
share an id (`bulletin.txt`, `bulletin.html`), and `:N` / `#N` for records without an id of their
own. Stem ids are what CONTRACT.md promises and what `../shared/tools/score.py` matches exactly
against its gold file names (`d01` for `d01.txt`, no extension stripping), so scoring a folder of
articles keeps working; relative paths and the extension where needed make them unique.

Bounded memory: nothing is read whole unless it is one article under the record cap
(`streams.MAX_RECORD_BYTES`, env MARSAD_MAX_RECORD_BYTES); containers are streamed record by record,
gzip is inflated as it is read with a bomb guard, and a FIFO or device is never opened for reading.
"""
from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from marsad.model import RawItem
from marsad.read.containers import looks_like_warc, read_feed, read_warc
from marsad.read.encoding import (
    DecodeError,
    binary_kind,
    clean_surrogates,
    declared_charset,
    decode,
    decode_text,
)
from marsad.read.jsonl import jsonl_item, read_jsonl
from marsad.read.paths import Input, iter_inputs, kind_of, printable
from marsad.read.streams import (
    MAX_RECORD_BYTES,
    ReadAbort,
    check_end,
    max_record_bytes,
    megabytes,
    open_stream,
    read_up_to,
)

__all__ = ["DecodeError", "decode", "detect_format", "iter_paths", "jsonl_item", "read_bytes", "read_file",
           "read_inputs", "read_jsonl_range", "read_paths"]

MAX_ARTICLE_BYTES = MAX_RECORD_BYTES     # the default; max_record_bytes() is what applies
MAX_FEED_BYTES = 50 * 1024 * 1024        # feedparser parses a whole document in memory
_HEAD = 4096
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)     # POSIX; elsewhere there are no FIFOs to wait on
_SUFFIX_FORMAT = {".txt": "text", ".text": "text", ".md": "text",
                  ".html": "html", ".htm": "html", ".xhtml": "html",
                  ".jsonl": "jsonl", ".ndjson": "jsonl",
                  ".warc": "warc", ".arc": "warc",
                  ".rss": "feed", ".atom": "feed", ".xml": "feed"}


def detect_format(path: Path, head: bytes) -> str:
    """Format from the file name (without a trailing .gz), else from the first (decompressed) bytes."""
    name = path.name.lower().removesuffix(".gz")
    fmt = _SUFFIX_FORMAT.get(os.path.splitext(name)[1])
    if fmt:
        return fmt
    sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if looks_like_warc(sniff):
        return "warc"
    if sniff.startswith(b"<?xml") and (b"<rss" in sniff or b"<feed" in sniff) or sniff.startswith((b"<rss", b"<feed")):
        return "feed"
    if sniff.startswith((b"<!doctype html", b"<html")):
        return "html"
    if sniff.startswith(b"{"):
        return "jsonl"
    return "text"


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """The inputs under `paths` (files, and folders that could not be read), in reading order."""
    for inp in iter_inputs(paths):
        yield inp.path


def read_paths(paths: Iterable[str | os.PathLike]) -> Iterator[RawItem]:
    """Every input unit under `paths` as a RawItem (with `error` set when it is unreadable)."""
    return read_inputs(iter_inputs(paths))


def read_inputs(inputs: Iterable[Input]) -> Iterator[RawItem]:
    """The items of inputs already listed by `iter_inputs` (the Spark job lists them on its driver,
    so doc_ids are given out once for the whole corpus, and reads them on executors)."""
    for inp in inputs:
        for item in _never_raise(inp):
            yield _finish(item)


def read_jsonl_range(inp: Input, start: int, end: int | None, lines_before: int) -> Iterator[RawItem]:
    """The JSONL records of a plain (not gzipped) file between byte offsets `start` (a line start)
    and `end` (a line start, or None for the end of the file), numbered as `read_paths` numbers
    them when `lines_before` lines precede `start`: one big file read by several workers at once."""
    try:
        with open(inp.path, "rb") as f:
            f.seek(start)
            stream = io.BufferedReader(_Range(f, None if end is None else end - start))
            whole = start == 0 and end is None
            for item in read_jsonl(stream, inp.doc_id, inp.source, max_record_bytes(), lines_before, whole):
                yield _finish(item)
    except OSError as e:
        yield _finish(RawItem(f"{inp.doc_id}:{lines_before + 1}", inp.source, "jsonl",
                              error=f"cannot read file: {e.strerror or e}"))


class _Range(io.RawIOBase):
    """At most `left` bytes of `f` from where it stands (all of it when `left` is None)."""

    def __init__(self, f: BinaryIO, left: int | None):
        self.f, self.left = f, left

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self.left is None:
            return self.f.readinto(b)
        view = memoryview(b)[:min(len(b), self.left)]
        n = self.f.readinto(view) if len(view) else 0
        self.left -= n or 0
        return n


def read_file(path: Path) -> Iterator[RawItem]:
    """The items of one file, named as if it were given directly."""
    return read_paths([path])


def read_bytes(data: bytes, fmt: str, doc_id: str, source: str) -> Iterator[RawItem]:
    """The items of one input received in memory (an HTTP request body) in format `fmt` (text, html,
    jsonl), read exactly as a file of that format: the same caps, decoding, binary check and
    clean-up, so an article posted to the API is stored as the same file ingested would be."""
    if not data:
        yield _finish(RawItem(doc_id, source, fmt, error="empty input"))
        return
    done = 0
    try:
        for item in _read_format(fmt, io.BytesIO(data), data[:_HEAD], Input(Path(doc_id), doc_id, source), len(data)):
            done += 1
            yield _finish(item)
    except Exception as e:  # as for files: a reader's bug becomes a rejected item, not an error
        yield _finish(RawItem(f"{doc_id}#error" if done else doc_id, source, fmt,
                              error=f"reading failed after {done} items: {type(e).__name__}: {e}"))


def _never_raise(inp: Input) -> Iterator[RawItem]:
    """The readers turn every failure they know into an item; this catches the ones they do not."""
    done = 0
    try:
        for item in read_input(inp):
            done += 1
            yield item
    except Exception as e:  # a bug or an OS failure on one file must not stop a folder
        yield RawItem(f"{inp.doc_id}#error" if done else inp.doc_id, inp.source, "unknown",
                      error=f"reading failed after {done} items: {type(e).__name__}: {e}")


def read_input(inp: Input) -> Iterator[RawItem]:
    base, src = inp.doc_id, inp.source
    if inp.error:
        yield RawItem(base, src, "unknown", error=inp.error)
        return
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then tells what was opened.
        fd = os.open(inp.path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        yield RawItem(base, src, "unknown", error=f"cannot read file: {e.strerror or e}")
        return
    with open(fd, "rb", closefd=True) as f:
        st = os.fstat(fd)
        kind = kind_of(st.st_mode)
        if kind:
            yield RawItem(base, src, "unknown", error=f"not a regular file ({kind})")
            return
        if _NONBLOCK:
            os.set_blocking(fd, True)
        try:
            head = f.read(_HEAD)
        except OSError as e:
            yield RawItem(base, src, "unknown", error=f"cannot read file: {e.strerror or e}")
            return
        f.seek(0)
        if head.startswith(b"\x1f\x8b"):
            yield from _read_gzipped(f, inp)
            return
        fmt = detect_format(inp.path, head)
        if st.st_size == 0:
            yield RawItem(base, src, fmt, error="empty file")
        elif inp.path.name.lower().endswith(".gz"):
            yield RawItem(base, src, fmt, size=st.st_size, error="not gzip data, though the name ends in .gz")
        else:
            yield from _read_format(fmt, f, head, inp, st.st_size)


def _read_gzipped(f: BinaryIO, inp: Input) -> Iterator[RawItem]:
    """A .gz file: the format of what it holds (name without .gz, else its first inflated bytes)."""
    cap = max_record_bytes()
    try:
        f_stream = open_stream(f, True, cap)
        head = f_stream.read(_HEAD)     # one read: a damaged tail is met later, in order
    except ReadAbort as e:
        yield RawItem(inp.doc_id, inp.source, "unknown", error=str(e))
        return
    fmt = detect_format(inp.path, head)
    if not head:
        try:
            check_end(f_stream)
        except ReadAbort as e:
            yield RawItem(inp.doc_id, inp.source, fmt, error=str(e))
            return
        yield RawItem(inp.doc_id, inp.source, fmt, error="empty file (nothing inside the gzip)")
        return
    f.seek(0)
    yield from _read_format(fmt, open_stream(f, True, cap), head, inp, None)


def _read_format(fmt: str, stream: BinaryIO, head: bytes, inp: Input, size: int | None) -> Iterator[RawItem]:
    """`size` is the file's size on disk, None for a gzip (its inflated size is only known by reading)."""
    base, src, cap = inp.doc_id, inp.source, max_record_bytes()
    if fmt == "warc":
        if not looks_like_warc(head):
            start = head.lstrip()[:24].decode("ascii", "backslashreplace")
            yield RawItem(base, src, fmt, error=f"not a WARC archive (it begins {start!r}, not 'WARC/')")
        else:
            yield from read_warc(stream, base, src, cap)
        return
    if fmt == "jsonl":
        yield from read_jsonl(stream, base, src, cap)
        return
    limit = MAX_FEED_BYTES if fmt == "feed" else cap
    if size is not None and size > limit:
        yield RawItem(base, src, fmt, size=size,
                      error=f"file too large for one {fmt} article ({megabytes(size)} > {megabytes(limit)} limit)")
        return
    try:
        data = read_up_to(stream, limit + 1)
        if len(data) <= limit:
            check_end(stream)
    except (ReadAbort, OSError) as e:
        yield RawItem(base, src, fmt, error=f"cannot read file: {e}")
        return
    if len(data) > limit:
        yield RawItem(base, src, fmt, size=len(data),
                      error=f"too large for one {fmt} article after decompression (over {megabytes(limit)} limit)")
        return
    kind = binary_kind(data)
    if kind:
        yield RawItem(base, src, fmt, size=len(data), error=f"binary file ({kind}), not text")
        return
    if fmt == "feed":
        yield from read_feed(data, src, base)
        return
    try:
        d = decode_text(data, declared_charset(data) if fmt == "html" else None)
    except DecodeError as e:
        yield RawItem(base, src, fmt, size=len(data), error=str(e))
        return
    if fmt == "html":
        yield RawItem(base, src, fmt, html=d.text, size=len(data), notes=d.notes)
    else:
        yield RawItem(base, src, fmt, text=d.text, size=len(data), notes=d.notes)


def _finish(item: RawItem) -> RawItem:
    """Every string the store, the hash or a terminal will see made safe: no lone surrogates (JSON
    "\\ud800" cannot be encoded as UTF-8), ids and sources printable on one line, errors one line."""
    fixed = 0
    for attr in ("text", "html"):
        value = getattr(item, attr)
        if value:
            value, n = clean_surrogates(value)
            setattr(item, attr, value)
            fixed += n
    for key, value in item.meta.items():
        if isinstance(value, str):
            item.meta[key], n = clean_surrogates(value)
            fixed += n
    if fixed:
        item.notes.append(f"{fixed} lone surrogates replaced by U+FFFD (not encodable as UTF-8)")
    item.doc_id = printable(item.doc_id, backslash=False)
    item.source = printable(item.source, backslash=False)
    if item.error:
        item.error = printable(" ".join(item.error.split()), backslash=False)
    return item
