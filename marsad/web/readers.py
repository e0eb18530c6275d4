"""Read connections for the API's worker threads, and a small cache of event selections.

Each worker thread reads through its own read-only connection, opened on its first request: SQLite
connections belong to one thread, WAL lets many readers run beside the one writer, and a read-only
connection can never change the database whatever a request asks.

Selecting and merging every event of a filter costs time in proportion to the events it matches,
and a client paging through one filter (the dashboard's map fetches every page) asks for the same
selection again and again: so the last selections are kept, and each page then costs only its own
rows (a page /api/events reads in SQL is kept the same way, as its answer's bytes). A kept result
is thrown away as soon as anything is committed to the database after it was made, by any process:
each connection's `PRAGMA data_version` changes when another connection commits; the first request
on a connection that sees it change (or on a new connection) starts a new generation, and a result
is served only within the generation in which its computation started, so one computed from data
older than a commit is never served after it.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from marsad.store.open import open_store
from marsad.store.sqlite import Store

CACHED_SELECTIONS = 16          # filters kept (a dashboard session uses a handful)
CACHED_MAX_ITEMS = 200_000      # larger selections are recomputed, not held


class Readers:
    """One read-only Store per worker thread (closed with its thread: sqlite3 closes on collection)."""

    def __init__(self, path: Path | str):
        self.path = path
        self.local = threading.local()
        self.lock = threading.Lock()
        self.generation = 0
        self.cache: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()

    def get(self) -> Store:
        """This thread's store, after noting whether the database changed since it last looked."""
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = open_store(self.path, readonly=True)
            self.local.version = None
        version = store.data_version()
        if version != self.local.version:       # a commit this connection had not seen, or a new connection
            self.local.version = version
            with self.lock:
                self.generation += 1
                self.cache.clear()
        return store

    def cached(self, key: Hashable, compute: Callable[[], Any],
               keep: Callable[[Any], bool] = lambda value: len(value) <= CACHED_MAX_ITEMS) -> Any:
        """`compute()`'s result for `key`, reused while nothing is committed (call after `get`);
        a result `keep` refuses (too large) is recomputed every time."""
        with self.lock:
            generation = self.generation
            hit = self.cache.get(key)
            if hit is not None and hit[0] == generation:
                self.cache.move_to_end(key)
                return hit[1]
        value = compute()
        with self.lock:
            if self.generation == generation and keep(value):
                self.cache[key] = (generation, value)
                self.cache.move_to_end(key)
                while len(self.cache) > CACHED_SELECTIONS:
                    self.cache.popitem(last=False)
        return value
