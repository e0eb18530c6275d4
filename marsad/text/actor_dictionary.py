"""The actor dictionary: who is who in MENA and Sahel conflicts, with the names news gives them.

`marsad/data/actors.tsv` (written for marsad from public facts) lists state forces and their units,
armed groups, ministries, UN bodies, monitors and news outlets, each with Arabic aliases, an English
name, a country, a kind, ACLED's actor (inter) code and the actor it belongs to. Users add their own
files in the same shape with `--actors FILE` or `MARSAD_ACTORS` (paths joined by the OS separator);
a user's row with a known id replaces the shipped one.

Matching happens on normalised words (hamza, ta marbuta, alef maqsura, diacritics folded), longest
alias first, trying a word as written before any proclitic-stripped form of it: "فرانس برس" is the
agency as written, and "وفرانس" only loses its و when the rest is a known alias.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.text.arabic import (
    TOKEN,
    normalize_map,
    strip_clitics,
    strip_marks,
    uncut_index,
)
from marsad.text.word_cache import remember

KINDS = frozenset("state_force police intelligence armed_group militia coalition government ministry "
                  "political_party un igo ngo monitor media tribe other".split())
COLUMNS = ("id", "name", "name_en", "aliases", "country", "kind", "inter", "affiliation")
MAX_ALIAS_WORDS = 8
_QUOTES = "\"'«»“”"
# One-word aliases this short (وام، قنا، واس) collide with words once hamza is folded (وأم "and
# mother", أفاد "reported" for آفاد): they match only as written, hamza and all.
SHORT_ALIAS = 4


class ActorFileError(ValueError):
    """A user's actor file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Actor:
    id: str
    name: str                  # canonical Arabic name
    name_en: str
    aliases: tuple[str, ...]
    country: str               # ISO-3166 alpha-2, XX for international bodies
    kind: str
    inter: int                 # ACLED actor code 1-8
    affiliation: str | None    # id of the actor this one belongs to


@dataclass(frozen=True)
class ActorMatch:
    start: int                 # offsets into the text searched, the proclitic left out
    end: int
    actor: Actor


_DASHES = "-–—"


def _words(text: str) -> list[tuple[int, int, str]]:
    """Normalised word tokens of `text` with offsets into the original."""
    norm, index = normalize_map(text)
    out = []
    for m in TOKEN.finditer(norm):
        if m.group()[0].isalnum():
            out.append((index[m.start()], index[m.end() - 1] + 1, m.group()))
    return out


class ActorDictionary:
    def __init__(self, actors: list[Actor] | None = None):
        self.actors: dict[str, Actor] = {}
        self._first: dict[str, list[tuple[str, ...]]] = {}
        self._alias: dict[tuple[str, ...], str] = {}
        self._surface: dict[tuple[str, ...], set[str]] = {}     # short one-word aliases as written
        # per normalised word: its (form, alias keys) pairs, or () for the many words that open no
        # alias; and answers per name for lookup/within, which see the same names in every article.
        # Both are emptied when an actor is added.
        self._openers: dict[str, tuple] = {}
        self._answers: dict[tuple[str, str], Actor | None] = {}
        # `find_between`'s whole texts: (matches, their starts, their ends, word starts, word ends)
        self._in_text: dict[str, tuple[list[ActorMatch], list[int], list[int], list[int], list[int]]] = {}
        for a in actors or []:
            self.add(a)

    def add(self, actor: Actor) -> None:
        self._openers.clear()
        self._answers.clear()
        self._in_text.clear()
        old = self.actors.get(actor.id)
        if old:                                  # a user's row replaces the shipped one
            for key in [k for k, v in self._alias.items() if v == old.id]:
                del self._alias[key]
                self._first[key[0]].remove(key)
        self.actors[actor.id] = actor
        for name in (actor.name, *actor.aliases):
            key = tuple(w for _, _, w in _words(name))
            if not key or len(key) > MAX_ALIAS_WORDS:
                continue
            self._alias.setdefault(key, actor.id)
            if len(key) == 1 and len(key[0]) <= SHORT_ALIAS:
                self._surface.setdefault(key, set()).add(strip_marks(name.strip()))
            firsts = self._first.setdefault(key[0], [])
            if key not in firsts:
                firsts.append(key)
                firsts.sort(key=len, reverse=True)

    def load(self, path: str | os.PathLike, text: str | None = None) -> int:
        """Add the actors of one TSV file; returns how many. Raises ActorFileError on a bad row."""
        if text is None:
            try:
                text = Path(path).read_text("utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise ActorFileError(f"{path}: cannot read actor file ({e})") from e
        rows = [r for r in text.splitlines() if r.strip() and not r.startswith("#")]
        reader = csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
        n = 0
        for line, row in enumerate(reader, 1):
            if line == 1 and tuple(row[:2]) == COLUMNS[:2]:
                continue                         # header
            self.add(_actor(row, f"{path}: row {line}"))
            n += 1
        return n

    def find(self, text: str) -> list[ActorMatch]:
        """Non-overlapping alias occurrences in `text`, leftmost-longest."""
        words = _words(text)
        out, i = [], 0
        while i < len(words):
            hit = self._match_at(text, words, i)
            if hit:
                n, start, actor_id = hit
                out.append(ActorMatch(start, words[i + n - 1][1], self.actors[actor_id]))
                i += n
            else:
                i += 1
        return out

    def find_between(self, text: str, start: int = 0, end: int | None = None) -> list[ActorMatch]:
        """`find(text[start:end])` with offsets into `text`. Entities and every sentence's triggers
        look for actors in the same article: its matches are found once and each window takes
        those inside it. A window that cuts a word or a name is searched on its own, as before."""
        end = len(text) if end is None else end
        found = self._in_text.get(text)
        if found is None:
            words, matches = _words(text), self.find(text)
            found = remember(self._in_text, text, (matches, [m.start for m in matches], [m.end for m in matches],
                                                   [w[0] for w in words], [w[1] for w in words]),
                             64)                    # a batch of articles (pipeline.BATCH) and more
        matches, m_starts, m_ends, starts, ends = found
        i, j = uncut_index(m_starts, m_ends, start), uncut_index(m_starts, m_ends, end)
        if i is None or j is None or uncut_index(starts, ends, start) is None \
                or uncut_index(starts, ends, end) is None:        # the window cuts a name or a word
            return [ActorMatch(m.start + start, m.end + start, m.actor) for m in self.find(text[start:end])]
        return matches[i:j]

    def _match_at(self, text: str, words: list, i: int) -> tuple[int, int, str] | None:
        first = words[i][2]
        for form, keys in self._opening(first):   # as written first, then without proclitics
            # a one-word name keeps only و/ف/ل/ال before it: "بحماس" is "with enthusiasm"
            one_word_ok = form == first or not first[:len(first) - len(form)].lstrip("وف").startswith(("ب", "ك"))
            for key in keys:
                n = len(key)
                if n == 1 and not one_word_ok:
                    continue
                if i + n > len(words) or any(words[i + k][2] != key[k] for k in range(1, n)):
                    continue
                if any(text[words[i + k - 1][1]:words[i + k][0]].strip(_QUOTES + _DASHES + " ") for k in range(1, n)):
                    continue                     # a name's words are split by nothing but spaces, quote marks
                                                 # and the dash some names hold ("… السودان - شمال")
                start = words[i][0] + clitic_chars(first, form)
                if key in self._surface and strip_marks(text[start:words[i][1]]) not in self._surface[key]:
                    continue
                return n, start, self._alias[key]
        return None

    def _opening(self, word: str) -> tuple:
        """(form, alias keys) for each proclitic reading of `word` that opens an alias."""
        found = self._openers.get(word)
        if found is None:
            found = remember(self._openers, word,
                             tuple((f, self._first[f]) for f in strip_clitics(word) if f in self._first), 200_000)
        return found

    def alias_words(self) -> frozenset[str]:
        """Every (normalised) word of every actor's names and aliases."""
        return frozenset(w for key in self._alias for w in key)

    def lookup(self, name: str | None) -> Actor | None:
        """The actor `name` is an alias of (whole name, proclitics allowed), or None."""
        if not name:
            return None
        key = ("=", name)
        if key not in self._answers:
            words = _words(name)
            hit = self._match_at(name, words, 0) if words else None
            remember(self._answers, key, self.actors[hit[2]] if hit and hit[0] == len(words) else None)
        return self._answers[key]

    def within(self, name: str | None) -> Actor | None:
        """The longest actor named anywhere inside `name` ("مقاتلو قوات الدعم السريع" → RSF)."""
        key = ("in", name or "")
        if key not in self._answers:
            found = self.find(name or "")
            remember(self._answers, key, max(found, key=lambda m: m.end - m.start).actor if found else None)
        return self._answers[key]

    def forces_of(self, country: str) -> Actor | None:
        """A country's own armed forces: its first-listed state force that belongs to no other force
        (the IDF for IL, not its air force; for a country with successive armies, the one listed first)."""
        for a in self.actors.values():
            if a.country == country and a.kind == "state_force":
                up = self.parent(a)
                if up is None or up.kind != "state_force":
                    return a
        return None

    def parent(self, actor: Actor) -> Actor | None:
        return self.actors.get(actor.affiliation or "")

    def top(self, actor: Actor) -> Actor:
        """The actor at the head of `actor`'s affiliation chain (a brigade → its army)."""
        seen = {actor.id}
        while (up := self.parent(actor)) and up.id not in seen:
            seen.add(up.id)
            actor = up
        return actor


def clitic_chars(written: str, form: str) -> int:
    """How many leading characters of the written word are a proclitic (لل + name: 2, restoring ال)."""
    if form == written:
        return 0
    if form.startswith("ال") and not written.endswith(form):
        return len(written) - len(form) + 2          # "للجيش" → "الجيش": the span starts at "جيش"
    return len(written) - len(form)


def _actor(row: list[str], where: str) -> Actor:
    if len(row) != len(COLUMNS):
        raise ActorFileError(f"{where}: {len(row)} columns, expected {len(COLUMNS)} ({' '.join(COLUMNS)})")
    id_, name, name_en, aliases, country, kind, inter, affiliation = (c.strip() for c in row)
    if not id_ or not name:
        raise ActorFileError(f"{where}: id and name are required")
    if kind not in KINDS:
        raise ActorFileError(f"{where}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    if not inter.isdigit() or not 1 <= int(inter) <= 8:
        raise ActorFileError(f"{where}: inter must be an ACLED actor code 1-8, not {inter!r}")
    return Actor(id_, name, name_en, tuple(a.strip() for a in aliases.split("|") if a.strip()),
                 country.upper(), kind, int(inter), affiliation or None)


_user_files: list[str] = []


def add_user_file(path: str | os.PathLike) -> int:
    """Register a user's actor file (`--actors FILE`); returns how many actors it adds."""
    n = actors().load(path)
    _user_files.append(str(path))
    return n


@lru_cache(maxsize=1)
def actors() -> ActorDictionary:
    """The shipped dictionary plus the files named in $MARSAD_ACTORS, loaded once."""
    d = ActorDictionary()
    shipped = resources.files("marsad.data").joinpath("actors.tsv")
    d.load("marsad/data/actors.tsv", shipped.read_text("utf-8"))
    for path in filter(None, os.environ.get("MARSAD_ACTORS", "").split(os.pathsep)):
        d.load(path)
    return d
