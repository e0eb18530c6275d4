"""A psycopg 3 connection that reads the store's SQL as sqlite3 does: the one dialect seam.

The store's queries (and the web layer's) are written once, for SQLite. `PgConnection.execute`
rewrites the few SQLite spellings they use into PostgreSQL's — `?` placeholders, INSERT OR
IGNORE, json_extract, COLLATE NOCASE, DESC with SQLite's NULL order — and returns rows that are
read like sqlite3.Row (`row["col"]`, `row[0]`, `dict(row)`, unpacking). What cannot be rewritten
(full-text search, schema) has its own PostgreSQL code in pgsearch.py and pgschema.py.

Values are bound client-side (psycopg's ClientCursor, literals escaped by libpq): PostgreSQL then
infers every type from the query as SQLite does, so `? IS NULL OR type = ?` needs no casts.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

DIALECT = "postgres"
# single-quoted literals and double-quoted names are copied as they are; only the SQL around is rewritten
_QUOTED = re.compile(r"('(?:[^']|'')*'|\"[^\"]*\")")
_JSON_EXTRACT = re.compile(r"json_extract\(([\w.]+), '\$\.(\w+)'\)")
_NOCASE = re.compile(r"([\w.]+) = (\?|%s) COLLATE NOCASE")
_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.I)


def dialect(db: Any) -> str:
    """'postgres' for a PgConnection, 'sqlite' for an sqlite3 connection."""
    return getattr(db, "dialect", "sqlite")


@lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """The PostgreSQL spelling of one statement written for SQLite."""
    ignore = bool(_INSERT_OR_IGNORE.match(sql))
    parts = _QUOTED.split(sql)
    for i in range(0, len(parts), 2):           # even parts lie outside quotes
        p = parts[i].replace("%", "%%").replace("?", "%s")
        # SQLite sorts NULL lowest, PostgreSQL highest: DESC keeps SQLite's order (NULLs last)
        p = re.sub(r"\bDESC\b(?!\s+NULLS)", "DESC NULLS LAST", p)
        if ignore and i == 0:
            p = _INSERT_OR_IGNORE.sub("INSERT INTO", p)
        parts[i] = p
    out = "".join(parts)
    out = _JSON_EXTRACT.sub(r"(\1::json ->> '\2')", out)
    out = _NOCASE.sub(r"lower(\1) = lower(\2)", out)
    if ignore:
        out = out.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    return out


class Row(tuple):
    """A result row read by position or by column name, like sqlite3.Row."""
    __slots__ = ()
    _names: tuple[str, ...] = ()
    _index: dict[str, int] = {}

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


@lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"__slots__": (), "_names": names, "_index": {n: i for i, n in enumerate(names)}})


def _row_factory(cursor):
    desc = cursor.description
    if desc is None:
        return tuple
    cls = _row_class(tuple(d.name for d in desc))
    return lambda values: cls(values)


def _clean(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL, which SQLite stores: it becomes U+FFFD (the replacement
    character cleaning already puts where bytes were damaged)."""
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


def _params(params: Sequence | None) -> Sequence | None:
    return None if params is None else [_clean(v) for v in params]


class Cursor:
    """What `execute` returns: fetchone, fetchall and iteration over Rows."""

    def __init__(self, cursor):
        self._cursor = cursor

    def fetchone(self):
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list:
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self) -> Iterator:
        return iter(self.fetchall())

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount


class PgConnection:
    """An autocommit psycopg connection with sqlite3's execute interface; transactions are opened
    and closed explicitly by the store (BEGIN … COMMIT), as with sqlite3 in autocommit mode."""
    dialect = DIALECT

    def __init__(self, url: str, readonly: bool = False, connect_timeout: float = 10.0):
        import psycopg

        self.url = url
        self.raw = psycopg.connect(url, autocommit=True, cursor_factory=psycopg.ClientCursor,
                                   connect_timeout=max(1, int(connect_timeout)))
        self.raw.row_factory = _row_factory
        # the store's queries are short: compiling one (JIT, for a plan whose estimate passes
        # jit_above_cost) took longer than running it. No parallel workers: search reads the index
        # partitions newest first through a serial Append (pgsearch.ranked); a Parallel Append
        # would read them in any order, and ranked older matches instead of the newest.
        self.raw.execute("SELECT set_config('jit', 'off', false), "
                         "set_config('max_parallel_workers_per_gather', '0', false)")
        if readonly:    # a read command can never write, whatever it runs
            self.raw.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, params: Sequence | None = None) -> Cursor:
        cur = self.raw.cursor()
        cur.execute(translate(sql), _params(params))
        return Cursor(cur)

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        rows = [_params(r) for r in rows]
        if rows:
            self.raw.cursor().executemany(translate(sql), rows)

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def commit(self) -> None:
        if self.in_transaction:
            self.raw.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction and not self.raw.closed:
            self.raw.execute("ROLLBACK")

    def close(self) -> None:
        self.raw.close()
