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

__all__ = ["MIGRATION", "count_actors", "count_quotes", "documents_of", "find_quotes", "link", "list_actors", "resolve",
           "unlink", "variant_key"]
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


def resolve(db: sqlite3.Connection, kind: str, name: str) -> int:
    """The id of the actor `name` (of type `kind`) refers to, creating it when none fits."""
    key = variant_key(name)
    row = db.execute("SELECT a.id FROM actor_aliases x JOIN actors a ON a.id = x.actor_id "
                     "WHERE x.key = ? AND a.type = ? ORDER BY a.mentions DESC, a.id LIMIT 1", (key, kind)).fetchone()
    if row:
        return row[0]
    if kind == "PER" and " " not in key:
        rows = db.execute("SELECT id FROM actors WHERE type = 'PER' AND surname = ? LIMIT 2", (key,)).fetchall()
        if len(rows) == 1:
            return rows[0][0]
    surname = key.rsplit(" ", 1)[1] if kind == "PER" and " " in key else None
    cur = db.execute("INSERT INTO actors (type, name, key, surname) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (type, key) DO UPDATE SET name = actors.name RETURNING id", (kind, name, key, surname))
    return cur.fetchone()[0]


def _bare_mention(text: str, title: str | None, name: str) -> str:
    """The mention as an alias: without its title, and not in a clitic form (للجيش → the name)."""
    if title or len(normalize(text)) >= len(normalize(name)) and normalize(text).endswith(normalize(name)[2:]):
        return name
    return text


def link(db: sqlite3.Connection, doc: Document) -> list[int]:
    """Actor id for each of `doc.entities` (in order), recording aliases and mention counts."""
    ids = []
    for e in doc.entities:
        name = e.canonical or e.text
        actor = resolve(db, e.type, name)
        ids.append(actor)
        db.execute("UPDATE actors SET mentions = mentions + 1 WHERE id = ?", (actor,))
        for alias in {name, _bare_mention(e.text, e.title, name)}:
            db.execute("INSERT OR IGNORE INTO actor_aliases (actor_id, alias, key) VALUES (?, ?, ?)",
                       (actor, alias, variant_key(alias)))
        # A fuller name than the actor's current one becomes its display name.
        db.execute("UPDATE actors SET name = ? WHERE id = ? AND length(name) < length(?)", (name, actor, name))
    return ids


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
