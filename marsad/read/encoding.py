"""Bytes to text: binary sniffing and encoding detection (UTF-8, windows-1256, ISO-8859-6, UTF-16).

Shared by the file reader and the container readers (WARC payloads), so it sits below both.
"""
from __future__ import annotations

import codecs

from marsad.text.arabic import arabic_ratio

_BINARY_MAGIC = {b"%PDF": "PDF document", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image",
                 b"GIF8": "GIF image", b"PK\x03\x04": "ZIP archive", b"\x7fELF": "executable"}
_LEGACY_ENCODINGS = ("cp1256", "iso-8859-6", "utf-16")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


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


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 2 KB (<meta charset=…>), if any."""
    head = data[:2048].lower()
    i = head.find(b"charset=")
    if i < 0:
        return None
    value = head[i + 8:i + 40].strip(b"\"' ").split(b'"')[0].split(b"'")[0].split(b";")[0].split(b">")[0]
    return value.strip().decode("ascii", "ignore") or None
