"""Record ids that two input files both claim, made unique per (file, id) as `marsad ingest` does.

A record's own id (JSONL `id`, a feed entry's id) is unique only within its file: two dumps can
both hold `"id": "1"`. `marsad ingest` keeps the id for the article it meets first and stores the
other under `id~<8 hex of sha1(its source)>` (Store.locate). The job does the same with the input
order the driver listed: the earliest input file holding an id keeps it, a record of any later
file takes `id~<8 hex of sha1(that file's source)>` (named by the store's own `alternative_id`)
and a note saying so. The id then depends on the listing only, never on partitions or on which
worker finished first, so reruns agree.

Only the ids that clash travel to the driver: one reduction finds them, and when none clash (the
usual case) the documents are not touched at all.
"""
from __future__ import annotations

from marsad.scale.rows import COLUMN
from marsad.store.sqlite import alternative_id


def clashes(docs) -> dict[str, list[int]]:
    """doc_id → the input numbers (sorted) of every id that records of several input files carry
    (`docs`: the RDD of document rows)."""
    from operator import or_

    doc_id, input_no = COLUMN["doc_id"], COLUMN["input_no"]
    found = (docs.map(lambda r: (r[doc_id], frozenset((r[input_no],)))).reduceByKey(or_)
             .filter(lambda kv: len(kv[1]) > 1).collect())
    return {d: sorted(inputs) for d, inputs in found}


def renames(found: dict[str, list[int]], sources: dict[int, str], taken=lambda ids: set()) -> list[tuple]:
    """(doc_id, input_no, new id, note) for every record that must give its id up: all of a
    clashing id's inputs but the first. `taken(ids)` says which of `ids` the corpus already uses
    (then the full digest is used, as the store does when 8 hex digits collide)."""
    out = []
    for doc_id, inputs in sorted(found.items()):
        first = sources[inputs[0]]
        for no in inputs[1:]:
            out.append([doc_id, no, alternative_id(doc_id, sources[no]),
                        f"id {doc_id} is taken by another source ({first}): stored as "])
    used = taken({r[2] for r in out}) if out else set()
    for r in out:
        if r[2] in used:
            r[2] = alternative_id(r[0], sources[r[1]], 40)
        r[3] += r[2]
    return [tuple(r) for r in out]


def apply(docs, table: list[tuple]):
    """`docs` (an RDD of document rows) with the ids of `table` (from `renames`) replaced and noted;
    `docs` itself when empty. The rows keep their partitions (each date stays where it is)."""
    if not table:
        return docs
    moved = docs.context.broadcast({(d, no): (new, note) for d, no, new, note in table})
    at = COLUMN["doc_id"], COLUMN["input_no"], COLUMN["notes"]
    return docs.map(lambda r: _renamed(r, moved.value, at), preservesPartitioning=True)


def _renamed(row: tuple, moved: dict, at: tuple[int, int, int]) -> tuple:
    doc_id, input_no, notes = at
    found = moved.get((row[doc_id], row[input_no]))
    if found is None:
        return row
    row = list(row)
    row[doc_id], row[notes] = found[0], [*(row[notes] or []), found[1]]
    return tuple(row)
