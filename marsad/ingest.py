"""Ingest: every input under the given paths read, run through the pipeline and stored.

The loop that joins the floors (read → pipeline → store) sits above all of them, so the store
never imports the pipeline.

The pipeline runs outside any transaction; each batch is then saved in one short write
transaction. So another process ingesting into the same file waits at most the time it takes to
save a batch, a crash loses at most the batch in hand, and nothing is ever stored half.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from marsad.model import Document, RawItem
from marsad.pipeline import BATCH, process_many
from marsad.read.files import read_paths
from marsad.store.sqlite import Store


@dataclass
class IngestSummary:
    ok: int = 0
    rejected: int = 0
    unchanged: int = 0
    updated: int = 0
    still_rejected: int = 0       # of the unchanged, those stored as rejected: `--strict` still fails on them

    def __str__(self) -> str:
        before = f" ({self.still_rejected} of them rejected before)" if self.still_rejected else ""
        return (f"{self.ok} ok ({self.updated} updated), {self.rejected} rejected, "
                f"{self.unchanged} unchanged{before}")


def ingest(store: Store, paths: Iterable[str | os.PathLike],
           on_item: Callable[[RawItem, str, Document | None], None] | None = None) -> IngestSummary:
    """Read, process and store every input under `paths`; returns counts (see `ingest_items`)."""
    return ingest_items(store, read_paths(paths), on_item)


def ingest_items(store: Store, items: Iterable[RawItem],
                 on_item: Callable[[RawItem, str, Document | None], None] | None = None) -> IngestSummary:
    """Process and store inputs already read (files, or an article posted to the HTTP API); returns counts.

    Re-ingesting identical content (same id and content hash, or a hash already stored as an ok
    article) is a no-op; changed content from the same source replaces the stored article; an
    article of another source whose id is taken is stored beside it (see `Store.locate`).
    `on_item(item, outcome, doc)` is called per input, outcome ∈ ok|updated|rejected|unchanged.
    """

    summary, batch = IngestSummary(), []

    def unchanged(item: RawItem, known) -> None:
        summary.unchanged += 1
        summary.still_rejected += bool(known and known["status"] == "rejected")
        if on_item:
            on_item(item, "unchanged", None)

    def flush() -> None:
        docs = process_many([item for item, _, _ in batch])    # no lock held while the pipeline runs
        prepared = [store.prepare(doc) for doc in docs]         # nor while signatures are computed
        with store.transaction():
            done = []
            for (item, _, digest), doc, ready in zip(batch, docs, prepared):
                # judged again under the lock: another process may have stored this input meanwhile
                _, known, same = _judge(store, item, digest)
                if same:
                    done.append((item, "unchanged", known))
                    continue
                store.save(doc, raw_size=item.size, prepared=ready)
                done.append((item, "rejected" if doc.status != "ok" else "updated" if known else "ok", doc))
        for item, outcome, doc in done:         # reported once the batch is committed
            if outcome == "unchanged":
                unchanged(item, doc)
                continue
            summary.rejected += outcome == "rejected"
            summary.ok += outcome != "rejected"
            summary.updated += outcome == "updated"
            if on_item:
                on_item(item, outcome, doc)
        batch.clear()

    for item in items:
        digest = item.content_hash           # a property that hashes the whole input: computed once
        stored_id, known, same = _judge(store, item, digest)
        if any(stored_id == b or digest == d for _, b, d in batch):
            flush()         # an input repeated within the batch is judged against the stored first one
            stored_id, known, same = _judge(store, item, digest)
        if same:
            unchanged(item, known)
            continue
        batch.append((item, stored_id, digest))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return summary


def _judge(store: Store, item: RawItem, digest: str):
    """(the id `item` is stored under, its stored row or None, whether it is stored unchanged: the
    same content under its id, or a new id whose content is already stored as an ok article)."""
    stored_id, known = store.locate(item.doc_id, item.source, digest)
    if known:
        return stored_id, known, known["content_hash"] == digest
    return stored_id, None, not item.error and store.stored_ok(digest)
