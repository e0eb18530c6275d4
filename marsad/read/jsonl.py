"""JSONL: one article per line, each line read with a cap and judged on its own.

A line is an object with `text` or `html` and optional `id`/`doc_id`, `url`, `title`, `published`,
`outlet`. Dumps from scrapers are messy, so fields are taken as they come: a number where text was
expected becomes its digits, a list or object is ignored with a note, and only a missing body
rejects the line. A line that is not JSON, too deep, too long, or not an object is one rejected item;
the file goes on.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import BinaryIO

from marsad.model import RawItem
from marsad.read.encoding import DecodeError, decode_text
from marsad.read.streams import ReadAbort, check_end, iter_lines, megabytes

_META = ("url", "title", "published", "outlet")
# Python refuses int() of more than 4300 digits (ValueError from json.loads); no id or date is that long.
_MAX_DIGITS = 4000


class _BigNumber:
    """A JSON integer too long to be anything we read; kept only to say so in a note."""

    def __init__(self, digits: str):
        self.digits = len(digits.lstrip("-"))


def read_jsonl(stream: BinaryIO, base_id: str, source: str, cap: int, lines_before: int = 0,
               whole: bool = True) -> Iterator[RawItem]:
    """One item per non-blank line (`base_id:N` unless the line has its own id); never raises.
    A part of a file (`whole` False) numbers its lines after `lines_before` and, holding only blank
    lines, yields nothing: the file as a whole has records."""
    n = lines_before
    count = 0
    try:
        for n, line in iter_lines(stream, cap):
            n += lines_before
            if isinstance(line, int):
                count += 1
                yield RawItem(f"{base_id}:{n}", f"{source}:{n}", "jsonl", size=line,
                              error=f"JSONL line too long ({megabytes(line)}, over the {megabytes(cap)} limit"
                                    " of MARSAD_MAX_RECORD_BYTES)")
            elif line.strip():
                count += 1
                yield jsonl_item(line, f"{source}:{n}", f"{base_id}:{n}")
        check_end(stream)
    except (ReadAbort, OSError) as e:
        count += 1
        yield RawItem(f"{base_id}:{n + 1}", f"{source}:{n + 1}", "jsonl",
                      error=f"reading stopped after line {n}: {e}")
    if not count and whole:
        yield RawItem(base_id, source, "jsonl", error="no JSON records (the file has only blank lines)")


def jsonl_item(line: bytes | str, source: str, fallback_id: str) -> RawItem:
    """A RawItem from one JSONL line: `text` or `html`, and optional id/url/title/published/outlet."""
    notes: list[str] = []
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            try:                          # damaged bytes, or a dump in windows-1256
                d = decode_text(line)
            except DecodeError as e:
                return RawItem(fallback_id, source, "jsonl", size=len(line), error=f"invalid JSON line: {e}")
            line, notes = d.text, d.notes + ([f"line read as {d.encoding}"] if d.encoding != "utf-8" else [])
    size = len(line)
    try:
        obj = json.loads(line.lstrip("\ufeff"), parse_int=_int)
    except RecursionError:
        return RawItem(fallback_id, source, "jsonl", size=size, error="invalid JSON: nested too deeply")
    except ValueError as e:           # JSONDecodeError, and any other value json cannot take
        return RawItem(fallback_id, source, "jsonl", size=size, error=f"invalid JSON: {e}")
    if not isinstance(obj, dict):
        return RawItem(fallback_id, source, "jsonl", size=size, error="JSON line is not an object")
    doc_id = _field(obj, "id", notes) or _field(obj, "doc_id", notes) or fallback_id
    meta = {k: v for k in _META if (v := _field(obj, k, notes))}
    html, text = obj.get("html"), obj.get("text")
    url = meta.get("url")
    where = url if url and "://" in url else source        # the source must say where the article is
    if isinstance(html, str) and html.strip():
        return RawItem(doc_id, where, "html", html=html, meta=meta, size=size, notes=notes)
    if isinstance(text, str) and text.strip():
        return RawItem(doc_id, where, "jsonl", text=text, meta=meta, size=size, notes=notes)
    wrong = [f"'{k}' is {_kind(v)}" for k, v in (("text", text), ("html", html))
             if v is not None and not isinstance(v, str)]
    return RawItem(doc_id, source, "jsonl", meta=meta, size=size, notes=notes,
                   error="no non-empty 'text' or 'html' field" + (f" ({', '.join(wrong)})" if wrong else ""))


def _int(digits: str):
    return int(digits) if len(digits) <= _MAX_DIGITS else _BigNumber(digits)


def _field(obj: dict, key: str, notes: list[str]) -> str | None:
    """obj[key] as text: strings as they are, numbers as their digits; anything else noted, dropped."""
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value if value and value.strip() else None
    if isinstance(value, int) and not isinstance(value, bool) or isinstance(value, float) and math.isfinite(value):
        return str(value)
    notes.append(f"ignored '{key}': {_kind(value)}, not text")
    return None


def _kind(value) -> str:
    if isinstance(value, _BigNumber):
        return f"a {value.digits}-digit number"
    if isinstance(value, bool):
        return "true/false"
    names = {dict: "an object", list: "a list", float: "a number", int: "a number"}
    return names.get(type(value), type(value).__name__)
