"""A canonical dump of a store: every table's rows without what differs between two runs that stored
the same articles (surrogate ids, ingest timestamps), in a fixed order. Two stores that hold the
same corpus dump equal; `search_index=False` leaves out the full-text index, whose form differs
between SQLite (FTS5 columns) and PostgreSQL (a tsvector), to compare one with the other."""
from __future__ import annotations

import zlib

SKIP = {"id", "ingested_at", "updated_at", "actor_id", "speaker_actor_id"}


def _value(v):
    return bytes(v) if isinstance(v, memoryview) else v


def _rows(store, sql: str) -> list[tuple]:
    cur = store.db.execute(sql)
    rows = cur.fetchall()
    return sorted((tuple((k, _value(r[k])) for k in r.keys() if k not in SKIP) for r in rows), key=repr)


def dump(store, search_index: bool = True) -> dict[str, list]:
    actor = "(SELECT a.type || ':' || a.key FROM actors a WHERE a.id = {})"
    out = {
        "documents": [tuple((k, zlib.decompress(v) if k == "raw" and v else v) for k, v in row)
                      for row in _rows(store, "SELECT * FROM documents")],
        "entities": _rows(store, f"SELECT *, {actor.format('entities.actor_id')} AS actor FROM entities"),
        "quotes": _rows(store, f"SELECT *, {actor.format('quotes.speaker_actor_id')} AS actor FROM quotes"),
        "events": _rows(store, "SELECT * FROM events"),
        "tolls": _rows(store, "SELECT * FROM tolls"),
        "actors": _rows(store, "SELECT * FROM actors"),
        "actor_aliases": _rows(store, f"SELECT alias, key, {actor.format('actor_aliases.actor_id')} AS actor "
                                      "FROM actor_aliases"),
        "story_sig": _rows(store, "SELECT * FROM story_sig"),
        "story_lsh": _rows(store, "SELECT * FROM story_lsh"),
    }
    if search_index:
        columns = "f.search::text" if getattr(store.db, "dialect", "sqlite") == "postgres" else "f.title, f.body, f.stems"
        out["documents_fts"] = _rows(store, f"SELECT d.doc_id, {columns} FROM documents_fts f "
                                            "JOIN documents d ON d.id = f.rowid")
    return out
