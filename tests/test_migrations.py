"""Migrations that change stored rows, on both backends: a store written at the version before one
is opened by this marsad and comes out as a new store would be."""
from __future__ import annotations

from marsad.store.migrations import MIGRATIONS, statements
from marsad.store.open import open_store
from marsad.store.pgconn import dialect
from marsad.text.arabic import normalize

PLACES = ["مدينة إدلب", "مدينه ادلب", "أريحا", None, ""]


def _at_version(target, backend: str, version: int):
    """A connection to a new store at `version` (the migrations before it applied, nothing after)."""
    if backend == "postgres":
        from marsad.store.pgconn import PgConnection
        from marsad.store.pgschema import PG_MIGRATIONS, VERSION_TABLE

        db = PgConnection(target)
        for statement in statements(VERSION_TABLE) + [s for m in PG_MIGRATIONS[:version] for s in statements(m)]:
            db.execute(statement)
        db.execute("UPDATE schema_version SET version = ?", (version,))
        return db
    import sqlite3

    db = sqlite3.connect(target, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        for statement in statements(migration):
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {version}")
    return db


def _has_table(store, name: str) -> bool:
    """Whether `name` is a table, stored or TEMP, that the store's connection sees."""
    if dialect(store.db) == "postgres":
        return store.db.execute("SELECT to_regclass(?)", (name,)).fetchone()[0] is not None
    return store.db.execute("SELECT 1 FROM sqlite_master WHERE name = ? UNION ALL "
                            "SELECT 1 FROM sqlite_temp_master WHERE name = ?", (name, name)).fetchone() is not None


def test_migration_7_fills_every_stored_events_place_key(db_target, backend):
    db = _at_version(db_target, backend, 6)
    db.execute("INSERT INTO documents (doc_id, status, content_hash, ingested_at, updated_at) "
               "VALUES ('a', 'ok', 'h', 'now', 'now')")
    for place in PLACES * 2:
        db.execute("INSERT INTO events (doc_id, event_type, location) VALUES ('a', 'Battles', ?)", (place,))
    db.close()
    with open_store(db_target) as store:
        assert store.schema_version == len(MIGRATIONS) >= 7
        rows = store.db.execute("SELECT location, location_key FROM events").fetchall()
        assert not _has_table(store, "location_keys")     # the back-fill's scratch table is gone
    assert len(rows) == 2 * len(PLACES)
    assert all(key == normalize(place or "") for place, key in rows)
    assert len({key for _, key in rows if key}) == 2      # إدلب written two ways is one place
