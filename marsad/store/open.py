"""Which store a target names: `open_store(path_or_url)` is the one way in for the CLI, the web
layer, ingest and the Python API.

A `postgresql://` (or `postgres://`) URL opens the PostgreSQL store (psycopg 3: the `postgres`
extra), anything else is an SQLite file. With no target, $MARSAD_DB, else `marsad.db`.
"""
from __future__ import annotations

import os
import sqlite3
from urllib.parse import urlsplit

from marsad.store.sqlite import Store, default_db_path

URL_SCHEMES = ("postgresql://", "postgres://")
INSTALL_HINT = "PostgreSQL needs psycopg 3: pip install 'marsad[postgres]'"


class StoreUnavailable(Exception):
    """The target cannot be opened at all (no driver, a malformed URL, no server): one line says why."""


def is_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def target_of(value: str | os.PathLike | None) -> str | os.PathLike:
    """The store a --db value or $MARSAD_DB names (the default file when none)."""
    return value or default_db_path()


def check_url(url: str) -> str:
    """`url` when it is a well-formed PostgreSQL URL, else StoreUnavailable saying what is wrong."""
    try:
        parts = urlsplit(url)
        parts.port                                  # raises on a port that is no number
    except ValueError as e:
        raise StoreUnavailable(f"not a valid PostgreSQL URL ({e}): postgresql://USER@HOST:PORT/DATABASE") from e
    if not (parts.hostname or "host=" in parts.query) or not parts.path.strip("/"):
        raise StoreUnavailable("a PostgreSQL URL names a host and a database: postgresql://USER@HOST:PORT/DATABASE")
    return url


def open_store(target: str | os.PathLike | None = None, readonly: bool = False, shared: bool = False) -> Store:
    """The store at `target`: an SQLite file (created and migrated unless `readonly`) or a
    PostgreSQL database (migrated unless `readonly`). `shared`: usable from several threads."""
    target = target_of(target)
    if is_url(target):
        check_url(target)
        try:
            import psycopg
        except ImportError as e:
            raise StoreUnavailable(INSTALL_HINT) from e
        from marsad.store.postgres import PgStore, shown

        try:
            return PgStore(target, readonly=readonly, shared=shared)
        except psycopg.OperationalError as e:
            raise StoreUnavailable(f"cannot connect to {shown(target)}: {first_line(e)}") from e
    return Store(target, readonly=readonly, shared=shared)


def schema_version(target: str | os.PathLike) -> int:
    """The schema version stored at `target`, read without writing (0: not a marsad database).
    An SQLite file must exist; sqlite3 errors are the caller's to word."""
    if is_url(target):
        with open_store(target, readonly=True) as store:
            return store.schema_version
    from pathlib import Path

    con = sqlite3.connect(Path(target).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()    # reads a page: NOTADB shows here
        return version
    finally:
        con.close()


def first_line(e: BaseException) -> str:
    """An error's message on one line (libpq's span several)."""
    return " ".join(str(e).split("\n")[0].split()) or type(e).__name__


def database_errors() -> tuple[type[BaseException], ...]:
    """The exception classes a store raises for database trouble (sqlite3's, psycopg's if installed)."""
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)
