"""The embedded store: one SQLite file (WAL), schema migrations versioned in code, FTS5 search.

Several processes may write one file at once (two `marsad ingest` runs): every write is one short
`BEGIN IMMEDIATE` transaction (a batch of articles, a migration) that takes the write lock up
front, and a writer that finds it taken waits up to `BUSY_TIMEOUT` seconds. Nothing runs the
pipeline while holding the lock, so the wait is the time to save one batch.

Documents keep their status (`ok` / `rejected` + reason), the raw input (zlib-compressed, or a
reference to its source when too large) and the cleaned text. The full-text index holds an
Arabic-normalised copy of title and body plus the clitic-stripped forms of each word, so
"احمد المسماري" finds "أحمد المسماري" and "المسماري" finds "والمسماري".
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.model import Document
from marsad.store.actors import link, unlink
from marsad.store.migrations import MIGRATION_STEPS, MIGRATIONS, statements
from marsad.store.stories import StoryIndex, signature
from marsad.text.arabic import normalize, strip_clitics

if TYPE_CHECKING:
    import numpy as np

DEFAULT_DB = "marsad.db"
RAW_KEEP_LIMIT = 5 * 1024 * 1024     # larger raw inputs are referenced by their source, not copied
BUSY_TIMEOUT = 30.0     # seconds a writer waits for another's lock (MARSAD_BUSY_TIMEOUT); one batch takes < 1 s


class StoreBusy(sqlite3.OperationalError):
    """Another process held the database's write lock for longer than the busy timeout (an SQLite
    error, so whatever reports those reports this one, with its message)."""


@dataclass
class Prepared:
    """A document's row parts that need no database: computed outside the write lock."""
    blob: bytes | None                  # the raw input, compressed (None when too large to keep)
    raw_size: int
    signature: np.ndarray | None        # MinHash signature for stories (ok documents)
    search: tuple[str, str, str] | None  # FTS title, body, stems (ok documents)


def default_db_path() -> str:
    return os.environ.get("MARSAD_DB") or DEFAULT_DB


def busy_timeout_setting() -> float:
    """Seconds a writer waits for another's write lock: $MARSAD_BUSY_TIMEOUT, else BUSY_TIMEOUT."""
    return float(os.environ.get("MARSAD_BUSY_TIMEOUT") or BUSY_TIMEOUT)


def origin(source: str | None) -> str:
    """The file or URL an input came from: a path without its record number (`a.jsonl:12`, `feed.xml#3`),
    so the same article at another line of the same file is still the same source."""
    source = source or ""
    return source if "://" in source else re.sub(r"[:#]\d+$", "", source)


def alternative_id(doc_id: str, source: str, width: int = 8) -> str:
    """The id an input from `source` (its file or URL, as `origin` gives it) is stored under when
    `doc_id` is another source's article: `doc_id~` and `width` hex digits of sha1(source). The
    store (`Store.locate`) and the Spark job (scale/ids.py) both name such ids by this."""
    return f"{doc_id}~{hashlib.sha1(source.encode('utf-8')).hexdigest()[:width]}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def index_terms(text: str) -> str:
    """Clitic-stripped forms of each normalised word, for the FTS `stems` column."""
    out = []
    for word in normalize(text).split():
        out.extend(strip_clitics(word.strip("\"'«»“”.,،:؛()!?؟"))[1:])
    return " ".join(out)


class Store:
    """A marsad database. `Store(path)` opens (and migrates) it; use as a context manager."""

    def __init__(self, path: str | os.PathLike | None = None, readonly: bool = False, shared: bool = False):
        """`readonly=True` opens an existing file without creating, migrating or writing it (a read
        command must not leave a database behind); sqlite raises if the file is missing.
        `shared=True`: the connection may be used from several threads, one at a time."""
        self.path = str(path or default_db_path())
        self.readonly = readonly
        self.busy_timeout = busy_timeout_setting()
        # autocommit (isolation_level None): no statement opens a transaction behind our back and
        # holds the lock; writes go through `transaction()`
        connect = {"timeout": self.busy_timeout, "isolation_level": None, "check_same_thread": not shared}
        if readonly:
            self.db = sqlite3.connect(Path(self.path).resolve().as_uri() + "?mode=ro", uri=True, **connect)
        else:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, **connect)
        self.db.row_factory = sqlite3.Row
        if not readonly:
            self._wal()
            self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self.migrate()
        self.stories = StoryIndex(self.db)

    def _wal(self) -> None:
        """Put the file in WAL mode once. Switching modes can fail with "database is locked" without
        SQLite's busy handler being asked (another process creating or migrating the file), so it is
        retried up to the busy timeout; a file already in WAL mode needs no switch."""
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                if self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        """Apply the migrations this file has not seen yet, in one transaction. The version is read
        again under the write lock: of two processes opening a new file, the second finds it done."""
        if self.schema_version >= len(MIGRATIONS):
            return
        with self.transaction():
            for version in range(self.schema_version, len(MIGRATIONS)):
                for statement in statements(MIGRATIONS[version]):
                    self.db.execute(statement)
                if version + 1 in MIGRATION_STEPS:
                    MIGRATION_STEPS[version + 1](self.db)
                self.db.execute(f"PRAGMA user_version = {version + 1}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, committed at the end or rolled back on any error; inside one
        already open it joins that one. BEGIN IMMEDIATE takes the write lock before the first
        read, so a transaction never fails halfway on a lock a concurrent writer took meanwhile."""
        if self.db.in_transaction:
            yield
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e):
                raise
            raise StoreBusy(f"another process held the write lock on {self.path} for more than "
                            f"{self.busy_timeout:g} s (MARSAD_BUSY_TIMEOUT); nothing of this batch was "
                            f"written, earlier batches are stored: run again to go on") from e
        try:
            yield
        except BaseException:
            self.db.rollback()
            raise
        self.db.commit()

    # --- writing ------------------------------------------------------------------------------
    def locate(self, doc_id: str, source: str | None,
               content_hash: str | None = None) -> tuple[str, sqlite3.Row | None]:
        """(the id an input is stored under, the row stored there or None).

        ids can collide across files (JSONL `id` fields, WARC record ids). A row with the same id
        but another source and other content is another article: the input then goes under
        `doc_id~<8 hex of sha1(its source)>`, a stable id, and never replaces it. The same source
        (an update) or the same content (unchanged) keeps the id.
        """
        find = "SELECT doc_id, source, content_hash, status FROM documents WHERE doc_id = ?"
        row = self.db.execute(find, (doc_id,)).fetchone()
        if row is None or row["content_hash"] == content_hash or origin(row["source"]) == origin(source):
            return doc_id, row
        for width in (8, 40):          # the full digest only if 8 hex digits ever collide too
            alt = alternative_id(doc_id, origin(source), width)
            row = self.db.execute(find, (alt,)).fetchone()
            if row is None or row["content_hash"] == content_hash or origin(row["source"]) == origin(source):
                break
        return alt, row

    def prepare(self, doc: Document) -> Prepared:
        """What saving `doc` computes from it alone, done before the write lock is taken."""
        raw = doc.raw.encode("utf-8")
        full = f"{doc.title or ''} {doc.text}"
        ok = doc.status == "ok"
        return Prepared(zlib.compress(raw, 6) if raw and len(raw) <= RAW_KEEP_LIMIT else None, len(raw),
                        signature(full) if ok else None,
                        (normalize(doc.title or ""), normalize(doc.text), index_terms(full)) if ok else None)

    def save(self, doc: Document, raw_size: int | None = None, prepared: Prepared | None = None) -> None:
        """Insert or replace one document with its annotations and its search entry, in one
        transaction (or in the caller's: see `transaction`). A stored article of another source
        with the same id is kept: `doc` is stored under another id (see `locate`), noted in `notes`.
        `prepared` (from `prepare`) lets a caller do the pure computation before taking the lock."""
        prepared = prepared or self.prepare(doc)
        with self.transaction():
            doc_id, _ = self.locate(doc.doc_id, doc.source, doc.content_hash)
            if doc_id != doc.doc_id:
                taken = self.db.execute("SELECT source FROM documents WHERE doc_id = ?", (doc.doc_id,)).fetchone()[0]
                doc.notes.append(f"id {doc.doc_id} is taken by another source ({taken}): stored as {doc_id}")
                doc.doc_id = doc_id
            self._save(doc, raw_size, prepared)

    def _save(self, doc: Document, raw_size: int | None, prepared: Prepared) -> None:
        db, now = self.db, _now()
        old = db.execute("SELECT id, ingested_at FROM documents WHERE doc_id = ?", (doc.doc_id,)).fetchone()
        if old:
            unlink(db, doc.doc_id)
            db.execute("DELETE FROM documents_fts WHERE rowid = ?", (old["id"],))
            db.execute("DELETE FROM documents WHERE id = ?", (old["id"],))
        ok = doc.status == "ok"
        # the story is written with the row, not after it
        story = self.stories.add_signature(doc.doc_id, prepared.signature) if ok else None
        row_id = db.execute(
            """INSERT INTO documents (doc_id, source, fmt, status, error, content_hash, raw, raw_size, title,
                   subtitle, outlet, url, published, published_confidence, page_dates, dateline, text,
                   ingested_at, updated_at, story_id, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
               RETURNING id""",
            (doc.doc_id, doc.source, doc.fmt, doc.status, doc.error, doc.content_hash, prepared.blob,
             raw_size if raw_size is not None else prepared.raw_size, doc.title, doc.subtitle, doc.outlet, doc.url,
             doc.published, doc.published_confidence, json.dumps(doc.page_dates),
             doc.dateline.text if doc.dateline else None, doc.text or None,
             old["ingested_at"] if old else now, now, story, json.dumps(doc.notes, ensure_ascii=False) if doc.notes else None)
        ).fetchone()[0]
        if ok:
            self._index(row_id, prepared)
            self._save_annotations(doc)

    def _index(self, row_id: int, prepared: Prepared) -> None:
        """The document's full-text entry (FTS5 here; a tsvector in PostgreSQL)."""
        self.db.execute("INSERT INTO documents_fts (rowid, title, body, stems) VALUES (?,?,?,?)",
                        (row_id, *prepared.search))

    def _save_annotations(self, doc: Document) -> None:
        self._insert_annotations(doc, *link(self.db, doc))

    def _insert_annotations(self, doc: Document, actor_ids: list[int], speaker_ids: list[int | None]) -> None:
        """The document's entities (with their actors), quotes (with their speakers'), events, tolls."""
        db, d = self.db, doc.doc_id
        db.executemany('INSERT INTO entities (doc_id, type, text, canonical, title, role, start, "end", actor_id) '
                       "VALUES (?,?,?,?,?,?,?,?,?)",
                       [(d, e.type, e.text, e.canonical, e.title, e.role, e.start, e.end, a)
                        for e, a in zip(doc.entities, actor_ids)])
        db.executemany("INSERT INTO quotes (doc_id, speaker, speaker_canonical, cue, kind, channel, text, start, "
                       '"end", speaker_actor_id, text_norm) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
                       [(d, q.speaker, q.speaker_canonical, q.cue, q.kind, q.channel, q.text, q.start, q.end,
                         a, normalize(q.text)) for q, a in zip(doc.quotes, speaker_ids)])
        db.executemany("INSERT INTO events (doc_id, event_type, sub_event_type, event_date, actor1, actor2, location,"
                       " admin1, country, latitude, longitude, fatalities, claimed_by, data, location_key) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       [(d, e.event_type, e.sub_event_type, e.event_date, e.actor1, e.actor2, e.location,
                         e.admin1, e.country, e.latitude, e.longitude, e.fatalities, e.claimed_by,
                         json.dumps(asdict(e), ensure_ascii=False), normalize(e.location or ""))
                        for e in doc.events])
        db.executemany("INSERT INTO tolls (doc_id, kind, value, approximate, text, claimed_by, data) "
                       "VALUES (?,?,?,?,?,?,?)",
                       [(d, t.kind, t.value, int(t.approximate), t.text, t.claimed_by,
                         json.dumps(asdict(t), ensure_ascii=False)) for t in doc.tolls])

    # --- reading ------------------------------------------------------------------------------
    def document(self, doc_id: str) -> dict | None:
        row = self.db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        out = {k: row[k] for k in row.keys() if k not in ("raw", "id")}
        out["page_dates"] = json.loads(out["page_dates"] or "[]")
        out["notes"] = json.loads(out["notes"] or "[]")
        for table in ("entities", "quotes", "events", "tolls"):
            out[table] = [dict(r) for r in self.db.execute(
                f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY id", (doc_id,))]  # noqa: S608 - fixed names
        return out

    def stored_ok(self, content_hash: str) -> bool:
        """Whether an ok article with this content is stored (under any id)."""
        return self.db.execute("SELECT 1 FROM documents WHERE content_hash = ? AND +status = 'ok' LIMIT 1",
                               (content_hash,)).fetchone() is not None     # + : use the hash index

    def data_version(self) -> int:
        """A number that changes when another connection commits (a reader's cache key)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def raw(self, doc_id: str) -> str | None:
        """The raw input as received, when it was small enough to keep."""
        row = self.db.execute("SELECT raw FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return zlib.decompress(row[0]).decode("utf-8") if row and row[0] else None

    def search(self, query: str, limit: int = 10) -> list[dict]:
        from marsad.store.search import search
        return search(self.db, query, limit)

    def quotes(self, speaker: str | None = None, about: str | None = None, limit: int = 20) -> list[dict]:
        from marsad.store.actors import find_quotes
        return find_quotes(self.db, speaker, about, limit)

    def events(self, **filters) -> list[dict]:
        from marsad.store.export import find_events
        return find_events(self.db, **filters)

    def actors(self, kind: str | None = None, limit: int = 50) -> list[dict]:
        from marsad.store.actors import list_actors
        return list_actors(self.db, kind, limit)

    def stats(self) -> dict:
        db = self.db
        count = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": count("SELECT count(*) FROM documents"),
            "ok": count("SELECT count(*) FROM documents WHERE status = 'ok'"),
            "rejected": count("SELECT count(*) FROM documents WHERE status = 'rejected'"),
            "entities": count("SELECT count(*) FROM entities"),
            "actors": count("SELECT count(*) FROM actors WHERE mentions > 0"),
            "quotes": count("SELECT count(*) FROM quotes"),
            "events": count("SELECT count(*) FROM events"),
            "stories": count("SELECT count(DISTINCT story_id) FROM documents WHERE status = 'ok'"),
            "outlets": [tuple(r) for r in db.execute(
                "SELECT outlet, count(*) FROM documents WHERE outlet IS NOT NULL GROUP BY outlet "
                "ORDER BY count(*) DESC, 1 LIMIT 10")],
            "published": tuple(db.execute(
                "SELECT min(published), max(published) FROM documents WHERE published IS NOT NULL").fetchone()),
            "rejections": [tuple(r) for r in db.execute(
                "SELECT error, count(*) FROM documents WHERE status = 'rejected' GROUP BY error "
                "ORDER BY count(*) DESC, 1 LIMIT 10")],
            "schema_version": self.schema_version,
        }
