"""Offset lookups over an article's annotations (entities, places, quotes, tolls) in O(log n) each.

The extraction rules ask "which entities lie in this clause", "which quote holds this word": asked
of the whole list every time, each question costs the article's length, and an article's cost
grows with the square of its length (a 1 MB article took minutes). `ByStart` answers them from
the offsets, always in the list's own order, so a rule gives the same answer as its scan.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from marsad.model import Entity

T = TypeVar("T")


class ByStart(Generic[T]):
    """Items with `start`/`end` offsets, found by where they start."""

    def __init__(self, items: Sequence[T]):
        self.items = items
        self.order = sorted(range(len(items)), key=lambda i: items[i].start)   # stable: ties keep list order
        self.starts = [items[i].start for i in self.order]
        self.longest = max((it.end - it.start for it in items), default=0)
        self.in_order = all(i == k for k, i in enumerate(self.order))    # the list is in text order

    def indexes(self, lo: int, hi: int) -> list[int]:
        """List positions of the items with lo <= start < hi, in list order."""
        return sorted(self.order[bisect_left(self.starts, lo):bisect_left(self.starts, hi)])

    def starting(self, lo: int, hi: int) -> list[T]:
        """The items with lo <= start < hi, in list order (= [x for x in items if lo <= x.start < hi])."""
        return [self.items[i] for i in self.indexes(lo, hi)]

    def overlapping(self, lo: int, hi: int) -> list[T]:
        """The items with start < hi and end > lo, in list order."""
        return [x for x in self.starting(lo - self.longest, hi) if x.start < hi and x.end > lo]

    def last_before(self, pos: int, test: Callable[[T], bool]) -> int | None:
        """The list position of the item starting last before `pos` that passes `test` (when the
        list is `in_order`: the last such item in the list), or None."""
        for k in range(bisect_left(self.starts, pos) - 1, -1, -1):
            if test(self.items[self.order[k]]):
                return self.order[k]
        return None


class Mentions:
    """An article's PER/ORG entities for the quote rules: by offset, and by name key for the
    speaker a short phrase refers to (see `canonical`)."""

    def __init__(self, ents: list[Entity]):
        self.ents, self.at = ents, ByStart(ents)
        self.people = {e.canonical for e in ents if e.type == "PER"}
        self.by_key: dict[str, str] = {}         # key → the first PER/ORG canonical name with it
        self.tails: dict[str, set[str]] = {}     # last words of a person's key → their names
        for e in ents:
            if e.type in ("PER", "ORG") and e.canonical:
                key = _key(e.canonical)
                self.by_key.setdefault(key, e.canonical)
                if e.type == "PER":
                    for i in _spaces(key):
                        self.tails.setdefault(key[i + 1:], set()).add(e.canonical)

    def within(self, start: int, end: int, kinds=("PER", "ORG")) -> list[Entity]:
        """= [e for e in ents if e.type in kinds and start <= e.start and e.end <= end]"""
        return [e for e in self.at.starting(start, end) if e.type in kinds and e.end <= end]

    def canonical(self, phrase: str, earlier: Heard) -> str:
        """The entity name a speaker phrase refers to (المسماري → أحمد المسماري; المكتب → the office
        named in full by an earlier quote), else the phrase."""
        key = _key(phrase)
        if key in earlier.by_prefix:
            return earlier.by_prefix[key]
        if key in self.by_key:
            return self.by_key[key]
        tails = self.tails.get(key, set())
        return next(iter(tails)) if len(tails) == 1 else phrase


class Heard:
    """Speakers quoted so far, in order, found by the first words of their name key."""

    def __init__(self):
        self.names: list[str] = []
        self.by_prefix: dict[str, str] = {}     # key prefix ending before a space → latest such name

    def append(self, name: str) -> None:
        self.names.append(name)
        key = _key(name)
        for i in _spaces(key):
            self.by_prefix[key[:i]] = name


def _key(name: str) -> str:
    from marsad.extraction.entities import variant_key

    return variant_key(name)


def _spaces(key: str) -> list[int]:
    """Where `key` has a space: key[:i] are the prefixes `startswith(p + " ")` accepts, key[i+1:]
    the suffixes `endswith(" " + s)` accepts."""
    return [i for i, ch in enumerate(key) if ch == " "]
