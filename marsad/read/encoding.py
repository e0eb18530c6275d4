"""Bytes to text: binary sniffing and encoding detection (UTF-8, UTF-16/32, windows-1256, ISO-8859-6).

Shared by the file reader and the container readers (WARC payloads), so it sits below both.
What decoding had to change (damaged bytes replaced) is returned as notes, so the article is kept
and the reader can see it was repaired.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from marsad.text.arabic import arabic_ratio

_BINARY_MAGIC = {b"%PDF": "PDF document", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image",
                 b"GIF8": "GIF image", b"PK\x03\x04": "ZIP archive", b"\x7fELF": "executable"}
_LEGACY_ENCODINGS = ("cp1256", "iso-8859-6")
# UTF-32 before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# A text that is mostly valid UTF-8 (a download cut mid-character, a few stray bytes) stays UTF-8:
# windows-1256 Arabic read as UTF-8 breaks at nearly every letter, so 20 good characters per bad byte
# never happen by accident.
_GOOD_PER_BAD = 20
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ASCII = bytes(range(128))
_SAMPLE = 65536        # characters judged when choosing a legacy encoding: enough, and fast on 20 MB


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


@dataclass
class Decoded:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def binary_kind(data: bytes) -> str | None:
    """A name for the binary format `data` is in, or None when it looks like text."""
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return kind
    sample = data[:8192]
    if b"\x00" in sample and not _bom(sample)[1] and not wide_encoding(sample):
        return "binary data (NUL bytes)"
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding) for `data`; see `decode_text`."""
    d = decode_text(data, declared)
    return d.text, d.encoding


def decode_text(data: bytes, declared: str | None = None) -> Decoded:
    """Text of `data`, its encoding, and notes on what had to be repaired.

    The encoding is detected, not assumed: a byte-order mark; UTF-16/32 without one (from where the
    NUL bytes fall); UTF-8 (it almost never decodes by accident), also when only a few bytes are
    damaged; then the declared charset and windows-1256 / ISO-8859-6, keeping the candidate whose
    text is most Arabic. Raises DecodeError when nothing yields readable text.
    """
    data, marked = _bom(data)
    wide = marked if marked and marked != "utf-8" else (None if marked else wide_encoding(data[:8192]))
    if wide:
        text = data.decode(wide, errors="replace")
        bad = text.count("\ufffd")
        return Decoded(text, wide, [f"{bad} damaged characters replaced (invalid {wide.upper()})"] if bad else [])
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    escaped = data.decode("utf-8", errors="surrogateescape")   # each invalid byte → one U+DC80+byte
    replaced, bad = _ESCAPED_BYTE.subn("\ufffd", escaped)
    ascii_bytes = len(data) - len(data.translate(None, _ASCII))
    good = len(escaped) - ascii_bytes - bad                       # well-formed non-ASCII characters
    repaired = Decoded(replaced, "utf-8", [f"{bad} damaged bytes replaced (invalid UTF-8)"])
    if good >= _GOOD_PER_BAD * bad:
        return repaired
    best: tuple[float, str, str] | None = None
    for enc in filter(None, (declared, *_LEGACY_ENCODINGS)):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        sample = text[:_SAMPLE]
        score = arabic_ratio(sample) if _looks_like_text(sample) else 0.0
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best and best[0] >= 0.5:
        return Decoded(best[1], best[2])
    # Not Arabic in any legacy encoding, but only a little damaged as UTF-8 (English with a stray byte).
    if bad <= max(2, len(escaped) // 200):
        return repaired
    raise DecodeError(f"invalid UTF-8 at byte {utf8_error.start} and no Arabic legacy encoding fits")


def wide_encoding(sample: bytes) -> str | None:
    """UTF-32/UTF-16 (LE or BE) when the NUL bytes of `sample` fall where that encoding puts them.

    Text in these encodings is full of NULs in fixed columns (the high bytes of spaces, digits and
    Latin letters; of every character in UTF-32), which binary data does not show; the decoded text
    must then also read as prose.
    """
    n = len(sample) // 4 * 4
    if n < 8 or b"\x00" not in sample:
        return None
    quads, pairs = n // 4, n // 2
    cols = [sample[i:n:4].count(0) for i in range(4)]
    even, odd = cols[0] + cols[2], cols[1] + cols[3]
    if cols[2] + cols[3] >= 1.9 * quads:
        guess = "utf-32-le"
    elif cols[0] + cols[1] >= 1.9 * quads:
        guess = "utf-32-be"
    elif odd >= 0.05 * pairs and even <= 0.01 * pairs:
        guess = "utf-16-le"
    elif even >= 0.05 * pairs and odd <= 0.01 * pairs:
        guess = "utf-16-be"
    else:
        return None
    return guess if _looks_like_text(sample[:n].decode(guess, errors="replace")) else None


def clean_surrogates(text: str) -> tuple[str, int]:
    """`text` with lone surrogates (JSON "\\ud800", undecodable file names) as U+FFFD, and how many:
    they cannot be encoded as UTF-8, so hashing, printing or storing the text would fail."""
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def _bom(data: bytes) -> tuple[bytes, str | None]:
    for mark, enc in _BOMS:
        if data.startswith(mark):
            return data[len(mark):], enc
    return data, None


def _looks_like_text(text: str) -> bool:
    """Legacy single-byte codecs decode any bytes; real prose has spaces and few control characters."""
    if not text:
        return False
    spaces = sum(ch.isspace() for ch in text)
    controls = sum(ord(ch) < 32 and ch not in "\r\n\t" for ch in text)
    return spaces >= len(text) * 0.03 and controls <= len(text) * 0.01


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 2 KB (<meta charset=…>), if any."""
    head = data[:2048].lower()
    i = head.find(b"charset=")
    if i < 0:
        return None
    value = head[i + 8:i + 40].strip(b"\"' ").split(b'"')[0].split(b"'")[0].split(b";")[0].split(b">")[0]
    return value.strip().decode("ascii", "ignore") or None
