"""The store's schema, as numbered migrations in SQLite's dialect: a database at version n has had
the first n applied. PostgreSQL applies the same list, rewritten in its types (pgschema.py)."""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import Any

from marsad.store.actors import MIGRATION as ACTORS_MIGRATION
from marsad.store.stories import SCHEMA as STORY_SCHEMA

MIGRATIONS: list[str] = [
    # 1: documents, annotations, full-text index
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL UNIQUE,
        source TEXT, fmt TEXT,
        status TEXT NOT NULL CHECK (status IN ('ok', 'rejected')),
        error TEXT,
        content_hash TEXT NOT NULL,
        raw BLOB, raw_size INTEGER,
        title TEXT, subtitle TEXT, outlet TEXT, url TEXT,
        published TEXT, published_confidence TEXT, page_dates TEXT, dateline TEXT,
        text TEXT,
        ingested_at TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE INDEX documents_hash ON documents(content_hash);
    CREATE INDEX documents_status ON documents(status);
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        type TEXT, text TEXT, canonical TEXT, title TEXT, role TEXT, start INTEGER, "end" INTEGER);
    CREATE INDEX entities_canonical ON entities(canonical);
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        speaker TEXT, speaker_canonical TEXT, cue TEXT, kind TEXT, channel TEXT, text TEXT,
        start INTEGER, "end" INTEGER);
    CREATE INDEX quotes_speaker ON quotes(speaker_canonical);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        event_type TEXT, sub_event_type TEXT, event_date TEXT, actor1 TEXT, actor2 TEXT,
        location TEXT, admin1 TEXT, country TEXT, latitude REAL, longitude REAL,
        fatalities INTEGER, claimed_by TEXT, data TEXT);
    CREATE INDEX events_date ON events(event_date);
    CREATE TABLE tolls (
        id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        kind TEXT, value INTEGER, approximate INTEGER, text TEXT, claimed_by TEXT, data TEXT);
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, stems, tokenize = 'unicode61');
    """,
    # 2: corpus-wide actors with aliases (see marsad/actors.py)
    ACTORS_MIGRATION,
    # 3: quotes point at their speaker's actor; a normalised copy of the quote for --about
    """
    ALTER TABLE quotes ADD COLUMN speaker_actor_id INTEGER REFERENCES actors(id);
    ALTER TABLE quotes ADD COLUMN text_norm TEXT;
    CREATE INDEX quotes_actor ON quotes(speaker_actor_id);
    """,
    # 4: stories — near-duplicate articles share a story_id; the LSH index lives in story_* tables
    """
    ALTER TABLE documents ADD COLUMN story_id TEXT;
    CREATE INDEX documents_story ON documents(story_id);
    CREATE INDEX events_type ON events(event_type);
    """ + STORY_SCHEMA,
    # 5: notes on what reading altered but kept (JSON list: damaged bytes replaced, text truncated)
    """
    ALTER TABLE documents ADD COLUMN notes TEXT;
    """,
    # 6: the API's commonest filter is a type (or sub-type) over a date range. These indexes hold
    # every column the API's selection reads (web/events.py `groups`), so a request is one index
    # range scan with no row lookups: rows carry the events' JSON, and fetching them took 3/4 of the
    # query's time on a 10,000-event store
    """
    CREATE INDEX events_type_date ON events(event_type, event_date, location, fatalities, actor1, actor2,
                                            admin1, country, claimed_by, doc_id);
    CREATE INDEX events_subtype_date ON events(sub_event_type, event_date, location, fatalities, actor1,
                                               actor2, admin1, country, claimed_by, doc_id, event_type);
    CREATE INDEX documents_selection ON documents(doc_id, status, story_id, published);
    """,
    # 7: the place an event is merged by (`find_events`' key: the Arabic-normalised location, "" for
    # none) as a column, so the API groups and pages events in SQL without normalising every row in
    # Python; filled by `fill_location_keys` below, then on every save. The selection indexes of 6
    # hold it too (and the location itself, for the place filter that still reads it in Python).
    # A document's events by its id (PostgreSQL has had it since 1): a story's events, and the
    # events a replaced article's cascading delete removes, without reading every event.
    """
    CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
    ALTER TABLE events ADD COLUMN location_key TEXT;
    DROP INDEX events_type_date;
    DROP INDEX events_subtype_date;
    CREATE INDEX events_type_date ON events(event_type, event_date, location_key, fatalities, actor1, actor2,
                                            admin1, country, claimed_by, location, doc_id);
    CREATE INDEX events_subtype_date ON events(sub_event_type, event_date, location_key, fatalities, actor1,
                                               actor2, admin1, country, claimed_by, location, doc_id, event_type);
    """,
]


def fill_location_keys(db: Any) -> None:
    """Migration 7's back-fill, on either store's connection: every stored event's location_key.
    `normalize` is Python, so each distinct place is normalised here once, into a TEMP table (this
    connection's scratch space, dropped when done: never part of the schema), and the events are set
    from it in one statement. (Should
    `normalize` ever change what it returns, stored keys must be filled again by a new migration
    calling this, or the API and `find_events` would merge events differently.)"""
    from marsad.store.pgconn import dialect
    from marsad.text.arabic import normalize

    # in PostgreSQL the stored text sorts in "C" (pgschema.py): the key must too, or the lookup
    # below compares in "C" and cannot use the key's index
    text = 'TEXT COLLATE "C"' if dialect(db) == "postgres" else "TEXT"
    db.execute(f"CREATE TEMP TABLE location_keys (location {text} PRIMARY KEY, location_key TEXT NOT NULL)")
    places = [r[0] for r in db.execute("SELECT DISTINCT location FROM events WHERE location IS NOT NULL")]
    db.executemany("INSERT INTO location_keys (location, location_key) VALUES (?, ?)",
                   [(p, normalize(p)) for p in places])
    db.execute("UPDATE events SET location_key = COALESCE((SELECT k.location_key FROM location_keys k "
               "WHERE k.location = events.location), '')")
    db.execute("DROP TABLE location_keys")


# Python steps run right after the SQL of a migration, in its transaction: {version: step(connection)}
MIGRATION_STEPS: dict[int, Callable[[Any], None]] = {7: fill_location_keys}


def statements(script: str) -> list[str]:
    """The SQL statements of a migration script, to run one at a time in the migration's transaction
    (sqlite3's executescript would commit it); for both stores. A `;` inside a literal or a comment
    does not end a statement (SQLite's own tokenizer decides); a piece holding only comments is none."""
    out, buf = [], ""
    for part in script.split(";"):
        buf += part + ";"
        if sqlite3.complete_statement(buf):
            if re.sub(r"--[^\n]*", "", buf).strip(" \n;"):
                out.append(buf.strip())
            buf = ""
    return out
