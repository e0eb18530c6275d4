"""Ingest: every input under the given paths read, run through the pipeline and stored.

The loop that joins the floors (read → pipeline → store) sits above all of them, so the store
never imports the pipeline.
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

    def __str__(self) -> str:
        return (f"{self.ok} ok ({self.updated} updated), {self.rejected} rejected, "
                f"{self.unchanged} unchanged")


def ingest(store: Store, paths: Iterable[str | os.PathLike],
           on_item: Callable[[RawItem, str, Document | None], None] | None = None,
           commit_every: int = 200) -> IngestSummary:
    """Read, process and store every input under `paths`; returns counts.

    Re-ingesting identical content (same doc_id and content hash, or a hash already stored as
    an ok article) is a no-op; changed content replaces the stored article.
    `on_item(item, outcome, doc)` is called per input, outcome ∈ ok|updated|rejected|unchanged.
    """

    summary, pending, batch = IngestSummary(), 0, []

    def flush() -> None:
        nonlocal pending
        for (item, known), doc in zip(batch, process_many([item for item, _ in batch])):
            store.save(doc, raw_size=item.size, commit=False)
            outcome = "rejected" if doc.status != "ok" else ("updated" if known else "ok")
            summary.rejected += outcome == "rejected"
            summary.ok += outcome != "rejected"
            summary.updated += outcome == "updated"
            if on_item:
                on_item(item, outcome, doc)
            pending += 1
        batch.clear()
        if pending >= commit_every:
            store.db.commit()
            pending = 0

    for item in read_paths(paths):
        if any(item.doc_id == b.doc_id or item.content_hash == b.content_hash for b, _ in batch):
            flush()         # an input repeated within the batch is judged against the stored first one
        known = store.db.execute("SELECT content_hash FROM documents WHERE doc_id = ?", (item.doc_id,)).fetchone()
        digest = item.content_hash
        duplicate = not item.error and store.db.execute(
            "SELECT 1 FROM documents WHERE content_hash = ? AND +status = 'ok' LIMIT 1",   # + : use the hash index
            (digest,)).fetchone()
        if (known and known[0] == digest) or (not known and duplicate):
            summary.unchanged += 1
            if on_item:
                on_item(item, "unchanged", None)
            continue
        batch.append((item, known))
        if len(batch) >= BATCH:
            flush()
    flush()
    store.db.commit()
    return summary
