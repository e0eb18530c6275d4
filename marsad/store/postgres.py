"""The PostgreSQL store: `Store`'s interface and queries on a PostgreSQL database (psycopg 3).

Everything but connecting, migrating, locking and indexing for search is `sqlite.Store`'s own code,
run through `PgConnection` (pgconn.py), which reads SQLite's SQL. Writes keep SQLite's semantics:
one writer at a time (a transaction-scoped advisory lock taken first, waited for up to the busy
timeout, then `StoreBusy`), every batch one transaction; a client killed mid-batch leaves nothing
of it, as the server rolls back what a vanished connection began. So the ingest loop, which judges
each input against what is stored, resumes where a killed run stopped, in either store.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from marsad.model import Document
from marsad.store.migrations import MIGRATION_STEPS, statements
from marsad.store.pgconn import PgConnection
from marsad.store.pgschema import (
    PG_MIGRATIONS,
    VERSION_TABLE,
    fts_part,
    fts_partition,
    fts_partitioned,
)
from marsad.store.pgsearch import tsvector_literal
from marsad.store.sqlite import Prepared, Store, StoreBusy, busy_timeout_setting
from marsad.store.stories import StoryIndex

# pg_advisory_xact_lock's key: the writers of one database queue on it ("marsad" in ASCII)
WRITE_LOCK = 0x6D6172736164


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


class PgStore(Store):
    """A marsad database in PostgreSQL. `PgStore(url)` connects (and migrates); a context manager."""

    def __init__(self, url: str, readonly: bool = False, shared: bool = False):
        """`readonly=True`: no migration, and the session refuses every write. A psycopg connection
        may always be shared by threads, so `shared` changes nothing here."""
        self.url = url
        self.path = shown(url)
        self.readonly = readonly
        self.busy_timeout = busy_timeout_setting()
        self.db = PgConnection(url, readonly, connect_timeout=min(self.busy_timeout, 10))
        self._fts_parts: set[int] = set()        # partitions of the search index known to exist
        try:
            if not readonly:
                self.migrate()
            self.stories = StoryIndex(self.db, create=False)
        except BaseException:
            self.db.close()
            raise

    def close(self) -> None:
        self.db.close()

    @property
    def schema_version(self) -> int:
        if self.db.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
            return 0
        row = self.db.execute("SELECT version FROM schema_version").fetchone()
        return row[0] if row else 0

    def data_version(self) -> int:
        """The count of write transactions committed: changes with every commit, as SQLite's
        data_version does for a reader."""
        return self.db.execute("SELECT revision FROM schema_version").fetchone()[0]

    def migrate(self) -> None:
        """Apply the migrations not applied yet, in one transaction under the write lock; the
        version is read again under the lock, so of two processes the second finds it done."""
        if self.schema_version >= len(PG_MIGRATIONS):
            return
        with self.transaction(bump=False):
            for statement in statements(VERSION_TABLE):
                self.db.execute(statement)
            for version in range(self.schema_version, len(PG_MIGRATIONS)):
                for statement in statements(PG_MIGRATIONS[version]):
                    self.db.execute(statement)
                if version + 1 in MIGRATION_STEPS:
                    MIGRATION_STEPS[version + 1](self.db)
                self.db.execute("UPDATE schema_version SET version = ?", (version + 1,))

    @contextmanager
    def transaction(self, bump: bool = True) -> Iterator[None]:
        """One write transaction, committed at the end or rolled back on any error; inside one
        already open it joins that one. The write lock is taken first, waiting up to the busy
        timeout; `bump` counts the commit for readers (`data_version`)."""
        import psycopg

        if self.db.in_transaction:
            yield
            return
        raw = self.db.raw
        raw.execute("BEGIN")
        try:
            raw.execute(f"SET LOCAL lock_timeout = '{int(self.busy_timeout * 1000)}ms'")
            raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        except psycopg.errors.LockNotAvailable as e:
            self.db.rollback()
            raise StoreBusy(f"another process held the write lock on {self.path} for more than "
                            f"{self.busy_timeout:g} s (MARSAD_BUSY_TIMEOUT); nothing of this batch was "
                            f"written, earlier batches are stored: run again to go on") from e
        except BaseException:
            self.db.rollback()
            raise
        try:
            yield
            if bump:
                raw.execute("UPDATE schema_version SET revision = revision + 1")
        except BaseException:
            self.db.rollback()
            self._fts_parts.clear()             # a partition made in this transaction is gone
            raise
        self.db.commit()

    def stored_ok(self, content_hash: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE content_hash = ? AND status = 'ok' LIMIT 1",
                               (content_hash,)).fetchone() is not None

    def prepare(self, doc: Document) -> Prepared:
        """As SQLite's, with the search fields already written as a tsvector (outside the lock)."""
        prepared = super().prepare(doc)
        if prepared.search is None:
            return prepared
        return replace(prepared, search=(tsvector_literal(*prepared.search),))

    def _insert_annotations(self, doc: Document, actor_ids: list[int], speaker_ids: list[int | None]) -> None:
        """As SQLite's, the four tables' rows sent in one pipeline: one round trip, not four."""
        with self.db.raw.pipeline():
            super()._insert_annotations(doc, actor_ids, speaker_ids)

    def _index(self, row_id: int, prepared: Prepared) -> None:
        part = fts_part(row_id)
        if part not in self._fts_parts:
            if fts_partitioned(self.db):        # (a store made before it was partitioned: no)
                self.db.execute(fts_partition(row_id))
            self._fts_parts.add(part)
        self.db.execute("INSERT INTO documents_fts (rowid, search) VALUES (?, CAST(? AS tsvector))",
                        (row_id, prepared.search[0]))
