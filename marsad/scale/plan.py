"""What the driver decides before any executor reads: the inputs and the pieces they are read in.

Inputs are listed once, on the driver, by `iter_inputs`, so doc_ids are exactly those `marsad
extract` and `marsad ingest` give (unique across the whole corpus, not per executor). A plain JSONL
file bigger than `split_bytes` is cut at line starts into pieces read by different workers; the
driver counts the newlines before each cut (one sequential read, far cheaper than the pipeline) so
records keep their `file:N` ids. Gzipped files and WARCs cannot be cut cheaply: they are read whole
by one worker, and the items are spread over all workers before the pipeline runs (job.py).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from marsad.read.paths import Input, iter_inputs

SPLIT_BYTES = 64 * 1024 * 1024      # as HDFS blocks: big enough that a piece's start-up cost is noise
_BLOCK = 8 * 1024 * 1024
_JSONL = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Piece:
    """One read task's input: a whole file (`start` 0, `end` None) or a byte range of a JSONL file."""
    path: str
    doc_id: str
    source: str
    error: str | None = None
    start: int = 0
    end: int | None = None
    lines_before: int = 0
    size: int = 0
    input_no: int = 0                   # the input's place in the listing: the first of two files with a record id wins it

    @property
    def input(self) -> Input:
        return Input(Path(self.path), self.doc_id, self.source, self.error)

    @property
    def is_range(self) -> bool:
        return self.start > 0 or self.end is not None


def plan(paths: list[str | os.PathLike], split_bytes: int = SPLIT_BYTES) -> list[Piece]:
    """The read pieces for `paths`, in reading order (inputs as `iter_inputs` lists them)."""
    pieces: list[Piece] = []
    for no, inp in enumerate(iter_inputs(paths)):
        size = _size(inp.path) if not inp.error else 0
        base = Piece(str(inp.path), inp.doc_id, inp.source, inp.error, size=size, input_no=no)
        if not inp.error and size > split_bytes and inp.path.name.lower().endswith(_JSONL) and not _gzipped(inp.path):
            pieces += [Piece(base.path, base.doc_id, base.source, None, start, end, lines, (end or size) - start, no)
                       for start, end, lines in jsonl_cuts(inp.path, split_bytes)]
        else:
            pieces.append(base)
    return pieces


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0                        # the reader says why it cannot read it


def _gzipped(path: Path) -> bool:
    """A gzip under a plain name (the readers go by the bytes, not the name): it cannot be cut."""
    try:
        with open(path, "rb") as f:
            return f.read(2) == b"\x1f\x8b"
    except OSError:
        return True                     # not cut: the reader says why it cannot read it


def jsonl_cuts(path: Path, split_bytes: int) -> list[tuple[int, int | None, int]]:
    """(start, end, lines before start) of each piece: cuts just after the first newline at or past
    every `split_bytes`, so each piece starts at a line start; the last piece's end is None (EOF)."""
    cuts = [(0, 0)]                     # (offset, newlines before it)
    target, offset, lines = split_bytes, 0, 0
    with open(path, "rb") as f:
        while block := f.read(_BLOCK):
            while target < offset + len(block):
                at = block.find(b"\n", max(0, target - offset))
                if at < 0:
                    break               # the line goes on in the next block
                cut = offset + at + 1
                cuts.append((cut, lines + block.count(b"\n", 0, at + 1)))
                target = cut + split_bytes
            lines += block.count(b"\n")
            offset += len(block)
    cuts = [c for c in cuts if c[0] < offset] or [(0, 0)]
    return [(start, cuts[i + 1][0] if i + 1 < len(cuts) else None, before)
            for i, (start, before) in enumerate(cuts)]
