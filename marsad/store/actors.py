"""Corpus-wide actors: one row per person/organisation/place, with every alias it was written as.

Within an article the entities stage already points short mentions at the full name; across
articles a mention joins an actor that has it as an alias (normalised, spelling variants folded),
or — for a one-word person mention such as "حفتر" — the single stored person whose name ends in
it. When two stored people share that last name the mention stays apart: unsure means separate.
"""
from __future__ import annotations

import sqlite3

from marsad.extraction.spans import variant_key
from marsad.text.arabic import normalize

__all__ = ["MIGRATION", "count_actors", "count_quotes", "documents_of", "find_quotes", "link", "list_actors", "unlink",
           "variant_key"]
from marsad.model import Document

MIGRATION = """
CREATE TABLE actors (
    id INTEGER PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
    surname TEXT,                            -- last word of a multi-word person name, for "حفتر"
    mentions INTEGER NOT NULL DEFAULT 0, UNIQUE (type, key));
CREATE INDEX actors_surname ON actors(type, surname);
CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE, alias TEXT NOT NULL,
    key TEXT NOT NULL, PRIMARY KEY (actor_id, key));
CREATE INDEX actor_aliases_key ON actor_aliases(key);
ALTER TABLE entities ADD COLUMN actor_id INTEGER REFERENCES actors(id);
CREATE INDEX entities_actor ON entities(actor_id);
"""


def _bare_mention(text: str, title: str | None, name: str) -> str:
    """The mention as an alias: without its title, and not in a clitic form (للجيش → the name)."""
    if title or len(normalize(text)) >= len(normalize(name)) and normalize(text).endswith(normalize(name)[2:]):
        return name
    return text


def link(db: sqlite3.Connection, doc: Document) -> tuple[list[int], list[int | None]]:
    """Actor ids for `doc.entities` (in order) and for its quotes' speakers (None: no speaker),
    recording aliases, mention counts and fuller display names.

    The result is that of resolving each mention (`_Batch.resolve`) one after another (each seeing the
    actors, aliases and counts the earlier ones made), but in a fixed number of statements per
    document, not several per mention: what is stored under the mentions' keys is read in three
    queries, the mentions are resolved against it here in order, and the new actors, aliases,
    counts and names are written in one statement each (a PostgreSQL round trip is no longer
    nearly free, as a call into SQLite is)."""
    people = {e.canonical for e in doc.entities if e.type == "PER"}
    mentions = []
    for e in doc.entities:
        name = e.canonical or e.text
        # a list, name first, not a set: of two aliases with one key the first is stored, and a
        # set's order changes with the process's string hashing (PYTHONHASHSEED)
        mentions.append((e.type, name, list(dict.fromkeys((name, _bare_mention(e.text, e.title, name))))))
    speakers = [("PER" if q.speaker_canonical in people else "ORG", q.speaker_canonical) if q.speaker_canonical
                else None for q in doc.quotes]
    if not mentions and not any(speakers):
        return [], [None] * len(speakers)
    names = [(kind, name) for kind, name, _ in mentions] + [s for s in speakers if s]
    keys = sorted({variant_key(n) for _, n in names} | {variant_key(a) for *_, aliases in mentions for a in aliases})
    batch = _Batch(db, keys, sorted({k for kind, n in names if kind == "PER" and " " not in (k := variant_key(n))}))
    ids = []
    for kind, name, aliases in mentions:
        actor = batch.resolve(kind, name)
        ids.append(actor)
        batch.count[actor] = batch.count.get(actor, 0) + 1
        batch.mentions[actor] = batch.mentions.get(actor, 0) + 1
        for alias in aliases:
            batch.alias(actor, alias)
        if len(name) > len(batch.names.get(actor, "")):
            batch.names[actor] = name            # the first of the longest: what UPDATE … length() < keeps
    said = [batch.resolve(*s) if s else None for s in speakers]
    real = batch.write()
    return [real.get(a, a) for a in ids], [real.get(a, a) if a is not None else None for a in said]


class _Batch:
    """One document's actor resolution (see `link`): the stored rows its keys touch, and what it adds.
    New actors get negative ids until `write` inserts them; they sort after every stored actor."""

    def __init__(self, db, keys: list[str], surnames: list[str]):
        self.db, self.new, self.new_aliases = db, [], []
        self.count: dict[int, int] = {}                      # mentions added by this document
        self.names: dict[int, str] = {}                      # the longest name this document gives
        self.mentions: dict[int, int] = {}
        self.types: dict[int, str] = {}
        self.by_alias: dict[str, list[int]] = {}
        self.by_key: dict[tuple[str, str], int] = {}
        self.surnames: dict[str, list[int]] = {}
        marks = ",".join("?" * len(keys))
        surnamed = (" UNION ALL SELECT 's', surname, id, type, mentions FROM (SELECT surname, id, type, mentions, "
                    "row_number() OVER (PARTITION BY surname ORDER BY id) AS k FROM actors WHERE type = 'PER' AND "
                    f"surname IN ({','.join('?' * len(surnames))})) AS s WHERE k <= 2") if surnames else ""
        # one query: the actors holding each key as an alias, the actor of each (type, key), and up
        # to two people of each one-word surname
        for src, key, actor, kind, n in db.execute(
                "SELECT 'a', x.key, a.id, a.type, a.mentions FROM actor_aliases x JOIN actors a ON a.id = x.actor_id "
                f"WHERE x.key IN ({marks}) UNION ALL SELECT 'k', key, id, type, mentions FROM actors WHERE key IN "
                f"({marks}){surnamed}", [*keys, *keys, *surnames]):
            self.types[actor], self.mentions[actor] = kind, n
            if src == "a":
                self.by_alias.setdefault(key, []).append(actor)
            elif src == "k":
                self.by_key[(kind, key)] = actor
            else:
                self.surnames.setdefault(key, []).append(actor)
        self.pairs = {(a, k) for k, actors in self.by_alias.items() for a in actors}

    def _order(self, actor: int) -> tuple:
        return -self.mentions[actor], actor < 0, abs(actor)

    def resolve(self, kind: str, name: str) -> int:
        """The actor `name` (of type `kind`) refers to: the most mentioned one with that alias, else
        for a one-word person name the only person with that surname, else a new actor (a negative
        id until written), given what is stored and what this document added so far."""
        key = variant_key(name)
        found = [a for a in self.by_alias.get(key, ()) if self.types[a] == kind]
        if found:
            return min(found, key=self._order)
        if kind == "PER" and " " not in key and len(self.surnames.get(key, ())) == 1:
            return self.surnames[key][0]
        if (kind, key) in self.by_key:
            return self.by_key[(kind, key)]
        surname = key.rsplit(" ", 1)[1] if kind == "PER" and " " in key else None
        actor = -len(self.new) - 1
        self.new.append((kind, name, key, surname))
        self.by_key[(kind, key)], self.types[actor], self.mentions[actor] = actor, kind, 0
        if surname:
            self.surnames.setdefault(surname, []).append(actor)
        return actor

    def alias(self, actor: int, alias: str) -> None:
        key = variant_key(alias)
        if (actor, key) not in self.pairs:
            self.pairs.add((actor, key))
            self.by_alias.setdefault(key, []).append(actor)
            self.new_aliases.append((actor, alias, key))

    def write(self) -> dict[int, int]:
        """Store what this document added; the real id of each new actor."""
        db, real = self.db, {}
        if self.new:
            rows = [(kind, self.names.get(-i - 1, name), key, surname, self.count.get(-i - 1, 0))
                    for i, (kind, name, key, surname) in enumerate(self.new)]
            made = {(kind, key): actor for actor, kind, key in db.execute(
                "INSERT INTO actors (type, name, key, surname, mentions) VALUES "
                + ",".join(["(?, ?, ?, ?, ?)"] * len(rows))
                + " ON CONFLICT (type, key) DO UPDATE SET name = actors.name RETURNING id, type, key",
                [v for r in rows for v in r])}
            real = {-i - 1: made[(kind, key)] for i, (kind, _, key, _) in enumerate(self.new)}
        if self.new_aliases:
            db.execute("INSERT OR IGNORE INTO actor_aliases (actor_id, alias, key) VALUES "
                       + ",".join(["(?, ?, ?)"] * len(self.new_aliases)),
                       [v for a, alias, key in self.new_aliases for v in (real.get(a, a), alias, key)])
        old = [a for a in self.count if a > 0]
        if old:
            db.executemany("UPDATE actors SET mentions = mentions + ?, "
                           "name = CASE WHEN length(name) < length(?) THEN ? ELSE name END WHERE id = ?",
                           [(self.count[a], self.names[a], self.names[a], a) for a in old])
        return real


def unlink(db: sqlite3.Connection, doc_id: str) -> None:
    """Take back the mention counts of a document that is about to be replaced."""
    db.execute("UPDATE actors SET mentions = mentions - (SELECT count(*) FROM entities e "
               "WHERE e.doc_id = ? AND e.actor_id = actors.id) "
               "WHERE id IN (SELECT actor_id FROM entities WHERE doc_id = ?)", (doc_id, doc_id))


def list_actors(db: sqlite3.Connection, kind: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    rows = db.execute(
        "SELECT a.id, a.type, a.name, a.mentions, count(DISTINCT e.doc_id) AS docs FROM actors a "
        "LEFT JOIN entities e ON e.actor_id = a.id WHERE a.mentions > 0 AND (? IS NULL OR a.type = ?) "
        "GROUP BY a.id ORDER BY a.mentions DESC, a.name LIMIT ? OFFSET ?", (kind, kind, limit, offset)).fetchall()
    out = []
    for r in rows:
        aliases = [x[0] for x in db.execute("SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias",
                                            (r[0],))]
        out.append({"id": r[0], "type": r[1], "name": r[2], "mentions": r[3], "documents": r[4],
                    "aliases": [a for a in aliases if a != r[2]]})
    return out


def count_actors(db: sqlite3.Connection, kind: str | None = None) -> int:
    """How many actors `list_actors` pages through."""
    return db.execute("SELECT count(*) FROM actors WHERE mentions > 0 AND (? IS NULL OR type = ?)",
                      (kind, kind)).fetchone()[0]


def documents_of(db: sqlite3.Connection, query: str) -> list[str]:
    """Documents mentioning an actor that has `query` as one of its aliases."""
    rows = db.execute(
        "SELECT DISTINCT e.doc_id FROM actor_aliases x JOIN entities e ON e.actor_id = x.actor_id "
        "WHERE x.key = ? ORDER BY e.doc_id", (variant_key(query),)).fetchall()
    return [r[0] for r in rows]


def _quote_filter(speaker: str | None, about: str | None) -> tuple[str, list]:
    """The WHERE clause (or "") and its arguments selecting quotes by `speaker` that mention `about`."""
    from marsad.store.terms import query_terms

    where, args = [], []
    if speaker:
        where.append("(q.speaker_actor_id IN (SELECT actor_id FROM actor_aliases WHERE key = ?) "
                     "OR q.speaker_actor_id IN (SELECT id FROM actors WHERE key = ?))")
        args += [variant_key(speaker)] * 2
    for forms in query_terms(about or ""):
        where.append("(" + " OR ".join("q.text_norm LIKE ?" for _ in forms) + ")")
        args += [f"%{f}%" for f in forms]
    return ("WHERE " + " AND ".join(where) if where else ""), args


def find_quotes(db: sqlite3.Connection, speaker: str | None, about: str | None, limit: int = 20,
                offset: int = 0) -> list[dict]:
    """Quotes by the actor `speaker` names (any alias) that mention `about`, newest article first."""
    where, args = _quote_filter(speaker, about)
    sql = ("SELECT q.doc_id, d.title, d.published, d.outlet, q.speaker_canonical, q.cue, q.kind, q.channel, "
           'q.text, q.start, q."end" FROM quotes q JOIN documents d ON d.doc_id = q.doc_id ' + where
           + " ORDER BY d.published IS NULL, d.published DESC, q.doc_id, q.start LIMIT ? OFFSET ?")
    return [dict(r) for r in db.execute(sql, [*args, limit, offset])]


def count_quotes(db: sqlite3.Connection, speaker: str | None, about: str | None) -> int:
    """How many quotes `find_quotes` pages through."""
    where, args = _quote_filter(speaker, about)
    return db.execute("SELECT count(*) FROM quotes q " + where, args).fetchone()[0]
