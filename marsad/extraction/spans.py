"""Offset lookups over an article's annotations (entities, places, quotes, tolls) in O(log n) each.

The extraction rules ask "which entities lie in this clause", "which quote holds this word": asked
of the whole list every time, each question costs the article's length, and an article's cost
grows with the square of its length (a 1 MB article took minutes). `ByStart` answers them from
the offsets, always in the list's own order, so a rule gives the same answer as its scan.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

from marsad.model import Entity
from marsad.text.arabic import normalize

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



def covered(length: int, spans: Iterable[tuple[int, int]]) -> bytearray:
    """Per offset of a text of `length` characters (and one past its end), 1 where one of `spans`
    ((start, end) pairs) covers it: whether a token is taken is then one lookup, linear in length."""
    out = bytearray(length + 1)
    for a, b in spans:
        out[a:b] = b"\x01" * (b - a)
    return out


def overlay(ents: list[Entity], spans: Iterable[Entity],
            accept: Callable[[Entity, list[Entity]], bool]) -> list[Entity]:
    """Each of `spans` in turn, when `accept(span, the entities it overlaps)`, replaces those
    entities (the ones left so far and spans taken before); the result in text order. The same as

        out = list(ents)
        for p in spans:
            overlapping = [e for e in out if e.start < p.end and p.start < e.end]
            if accept(p, overlapping):
                out = [e for e in out if e not in overlapping] + [p]
        return sorted(out, key=lambda e: e.start)

    but each span finds what it overlaps by offset, not by a scan of the whole list."""
    at, alive = ByStart(ents), [True] * len(ents)
    taken: list[Entity] = []
    taken_alive: list[bool] = []
    taken_starts: list[int] = []        # ascending while spans come left to right (else: scanned whole)
    longest, ordered = 0, True
    for p in spans:
        mine = [i for i in at.indexes(p.start - at.longest, p.end) if alive[i] and ents[i].end > p.start]
        first = bisect_left(taken_starts, p.start - longest) if ordered else 0
        prior = [k for k in range(first, len(taken)) if taken_alive[k]
                 and taken[k].start < p.end and p.start < taken[k].end]
        if accept(p, [ents[i] for i in mine] + [taken[k] for k in prior]):
            for i in mine:
                alive[i] = False
            for k in prior:
                taken_alive[k] = False
            ordered = ordered and (not taken_starts or p.start >= taken_starts[-1])
            taken.append(p)
            taken_alive.append(True)
            taken_starts.append(p.start)
            longest = max(longest, p.end - p.start)
    out = [e for e, keep in zip(ents, alive) if keep] + [t for t, keep in zip(taken, taken_alive) if keep]
    return sorted(out, key=lambda e: e.start)


class Heard:
    """Speakers quoted so far, in order, found by the first words of their name key."""

    def __init__(self):
        self.names: list[str] = []
        self.by_prefix: dict[str, str] = {}     # key prefix ending before a space → latest such name
        # an indefinite last word → the name it ends: a person the tagger missed, named in full after a
        # role, is later called by the family name alone ("يحيى سريع" … "وقال سريع")
        self.by_last: dict[str, str] = {}

    def append(self, name: str) -> None:
        self.names.append(name)
        key = variant_key(name)
        spaces = space_positions(key)
        for i in spaces:
            self.by_prefix[key[:i]] = name
        if spaces and not key[spaces[-1] + 1:].startswith("ال"):
            self.by_last[key[spaces[-1] + 1:]] = name


def variant_key(name: str) -> str:
    """A key under which spelling variants of one name coincide."""
    n = normalize(name).replace("عبد ", "عبد").replace("ميليشي", "مليشي").replace("ميلشي", "مليشي")
    return re.sub(r"[^\w ]", "", n).strip()


def space_positions(key: str) -> list[int]:
    """Where `key` has a space: key[:i] are the prefixes `startswith(p + " ")` accepts, key[i+1:]
    the suffixes `endswith(" " + s)` accepts."""
    return [i for i, ch in enumerate(key) if ch == " "]
