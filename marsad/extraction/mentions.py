"""An article's people and organisations as the quote rules look them up: by offset, and by the name
key a short speaker phrase shares with its full name (المسماري → أحمد المسماري)."""
from __future__ import annotations

from marsad.extraction.spans import ByStart, Heard, space_positions, variant_key
from marsad.model import Entity


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
                key = variant_key(e.canonical)
                self.by_key.setdefault(key, e.canonical)
                if e.type == "PER":
                    for i in space_positions(key):
                        self.tails.setdefault(key[i + 1:], set()).add(e.canonical)

    def within(self, start: int, end: int, kinds=("PER", "ORG")) -> list[Entity]:
        """= [e for e in ents if e.type in kinds and start <= e.start and e.end <= end]"""
        return [e for e in self.at.starting(start, end) if e.type in kinds and e.end <= end]

    def canonical(self, phrase: str, earlier: Heard) -> str:
        """The entity name a speaker phrase refers to (المسماري → أحمد المسماري; المكتب → the office
        named in full by an earlier quote), else the phrase."""
        key = variant_key(phrase)
        if key in earlier.by_prefix:
            return earlier.by_prefix[key]
        if key in self.by_key:
            return self.by_key[key]
        tails = self.tails.get(key, set())
        if not tails and " " not in key and key in earlier.by_last:
            return earlier.by_last[key]
        return next(iter(tails)) if len(tails) == 1 else phrase
