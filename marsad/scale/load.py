"""Loading the job's documents into a marsad store (SQLite, or any store with the same interface).

The documents stream from the executors to the driver partition by partition and are saved as
`marsad ingest` saves them: by `Store.save` in short transactions of a few hundred, so the store
computes its own full-text entries, actor links and stories (its incremental index, the one later
ingests extend). Saving replaces a stored document of the same id and source, so loading the same
tables twice leaves the same store. The raw inputs are not in the tables: the store keeps their
source and size, not a copy.
"""
from __future__ import annotations

from marsad.scale.rows import COLUMN, document

SAVE_BATCH = 200


def load(docs, store) -> int:
    """Save every document row of the RDD `docs` (ok and rejected, tuples in DOC_FIELDS order) into
    `store`; returns how many."""
    done, batch = 0, []
    raw_size = COLUMN["raw_size"]
    for row in docs.toLocalIterator(prefetchPartitions=True):
        batch.append((document(row), row[raw_size]))
        if len(batch) >= SAVE_BATCH:
            done += _save(store, batch)
            batch = []
    return done + (_save(store, batch) if batch else 0)


def _save(store, batch) -> int:
    prepared = [store.prepare(doc) for doc, _ in batch]       # signatures and search terms, no lock held
    with store.transaction():
        for (doc, raw_size), ready in zip(batch, prepared):
            store.save(doc, raw_size=raw_size, prepared=ready)
    return len(batch)
