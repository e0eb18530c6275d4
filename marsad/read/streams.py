"""Bounded reading: a cap per record, streamed gzip with a bomb guard, lines read with a limit.

Memory while reading is bounded by the record cap, not by the input: a 50 MB JSONL line, a gzip
that inflates 1 MB into 1 GiB, or a WARC header that never ends costs at most about the cap.

MAX_RECORD_BYTES — the most one article may take (a text/HTML file, one JSONL line, one WARC
payload, a decompressed .gz article): 20 MiB, or the environment variable MARSAD_MAX_RECORD_BYTES
(a number of bytes), read on every call so a test or a long-running process can change it. News
articles are kilobytes; the cap only stops what is not an article before it fills memory.
"""
from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterator
from typing import BinaryIO

MAX_RECORD_BYTES = 20 * 1024 * 1024
# Text gzips 3–10:1; zeros 1000:1. Past the record cap, output over 100× the input read so far is
# no corpus but a decompression bomb, and reading stops there.
BOMB_RATIO = 100
# warcio reads WARC/HTTP header lines without a limit; no header line is near 1 MiB long.
HEADER_LINE_LIMIT = 1024 * 1024
_CHUNK = 1024 * 1024


class ReadAbort(Exception):
    """The rest of this input cannot be read; the message is the one-line reason.

    Deliberately not an EOFError or OSError: warcio takes EOFError for a normal end of archive.
    """


def max_record_bytes() -> int:
    """The record cap: MARSAD_MAX_RECORD_BYTES when set to a positive number, else MAX_RECORD_BYTES."""
    value = os.environ.get("MARSAD_MAX_RECORD_BYTES", "").strip()
    try:
        return max(1, int(value)) if value else MAX_RECORD_BYTES
    except ValueError:
        return MAX_RECORD_BYTES


def megabytes(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n} bytes"


class _Counting(io.RawIOBase):
    """The compressed file underneath, counting the bytes taken from it (for the bomb ratio)."""

    def __init__(self, f: BinaryIO):
        self.f, self.taken = f, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = self.f.readinto(b)
        self.taken += n or 0
        return n


class _Gunzip(io.RawIOBase):
    """gzip data decompressed as it is read (all members), its failures turned into ReadAbort.

    A failure first reads as the end of the data, so the buffered layer above hands out every byte
    inflated before it (the records before a truncation); every later read raises it. Readers that
    stop at the end call `check_end` to learn whether it was one.
    """

    def __init__(self, f: BinaryIO, cap: int):
        self.raw = _Counting(f)
        self.gz = gzip.GzipFile(fileobj=io.BufferedReader(self.raw, _CHUNK), mode="rb")
        self.cap, self.out, self.failed = cap, 0, None

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self.failed:
            raise self.failed
        try:
            data = self.gz.read1(len(b))     # one step: inflates at most len(b) bytes, loses none
        except gzip.BadGzipFile as e:
            self.failed = ReadAbort(f"not gzip data or damaged gzip header ({e})")
        except EOFError:
            self.failed = ReadAbort(f"gzip data cut short after {megabytes(self.out)} (truncated file)")
        except zlib.error as e:
            self.failed = ReadAbort(f"damaged gzip data after {megabytes(self.out)} ({e})")
        else:
            n = len(data)
            b[:n] = data
            self.out += n
            if self.out > self.cap and self.out > BOMB_RATIO * max(1, self.raw.taken):
                self.failed = ReadAbort(f"gzip bomb: {megabytes(self.raw.taken)} inflate to over "
                                        f"{megabytes(self.out)} ({BOMB_RATIO}× limit); stopped")
            return n
        return 0


def open_stream(f: BinaryIO, gzipped: bool, cap: int) -> BinaryIO:
    """A buffered binary stream over the raw file `f`: decompressed (and guarded) when `gzipped`."""
    return io.BufferedReader(_Gunzip(f, cap), _CHUNK) if gzipped else f


def check_end(stream: BinaryIO) -> None:
    """Raise the ReadAbort behind an apparent end of data (a truncated or damaged gzip), if any."""
    stream.read(1)


def read_up_to(stream, n: int) -> bytes:
    """Up to `n` bytes, reading until EOF: streams (warcio's) may return fewer bytes per call."""
    chunks, got = [], 0
    while got < n:
        chunk = stream.read(min(_CHUNK, n - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def iter_lines(stream: BinaryIO, cap: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, line) for each line; a line longer than `cap` comes as (number, its length),
    skipped in 1 MiB steps so it never sits in memory whole. A last line without a newline is
    checked against a damaged gzip first: the piece before a truncation is no record."""
    n = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        n += 1
        if len(line) > cap and not line.endswith(b"\n"):
            size = len(line)
            while not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
                if not line:
                    break
                size += len(line)
            yield n, size
        else:
            if not line.endswith(b"\n"):
                check_end(stream)
            yield n, line


class HeaderGuard(io.RawIOBase):
    """A stream for warcio that stops a 'line' from growing without end.

    warcio reads record and HTTP headers with unbounded readline (and joins its pieces quadratically),
    so a damaged archive or a bomb without line breaks would fill memory. While `limit` is set, more
    than `limit` bytes without a newline raise ReadAbort; the reader lifts it while it drains a
    payload (read in chunks, no lines) and widens it to the cap while it reads one.
    """

    def __init__(self, stream: BinaryIO):
        self.stream, self.run, self.limit = stream, 0, HEADER_LINE_LIMIT

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = self.stream.readinto(b)
        if not n:
            return 0
        view = bytes(b[:n])
        last = view.rfind(b"\n")
        self.run = n - last - 1 if last >= 0 else self.run + n
        if self.limit is not None and self.run > self.limit:
            raise ReadAbort(f"no line break in {megabytes(self.run)} of WARC data: damaged archive or bomb")
        return n
