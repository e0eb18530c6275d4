"""Record ids that two input files both claim, made unique per (file, id) as `marsad ingest` does.

A record's own id (JSONL `id`, a feed entry's id) is unique only within its file: two dumps can
both hold `"id": "1"`. `marsad ingest` keeps the id for the article it meets first and stores the
other under `id~<8 hex of sha1(its source)>` (Store.locate). The job does the same with the input
order the driver listed: the earliest input file holding an id keeps it, a record of any later
file takes `id~<8 hex of sha1(that file's source)>` (named by the store's own `alternative_id`)
and a note saying so. The id then depends on the listing only, never on partitions or on which
worker finished first, so reruns agree.

Only the ids that clash travel to the driver: one aggregation finds them, and when none clash (the
usual case) the documents are not touched at all.
"""
from __future__ import annotations

from marsad.store.sqlite import alternative_id


def clashes(docs) -> dict[str, list[int]]:
    """doc_id → the input numbers (sorted) of every id that records of several input files carry."""
    from pyspark.sql import functions as F

    rows = (docs.groupBy("doc_id").agg(F.array_sort(F.collect_set("input_no")).alias("inputs"))
            .filter(F.size("inputs") > 1).collect())
    return {r["doc_id"]: list(r["inputs"]) for r in rows}


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
    """`docs` with the ids of `table` (from `renames`) replaced and noted; `docs` itself when empty."""
    if not table:
        return docs
    from pyspark.sql import functions as F

    spark = docs.sparkSession
    new = spark.createDataFrame(table, "doc_id string, input_no int, new_id string, note string")
    joined = docs.join(F.broadcast(new), ["doc_id", "input_no"], "left")
    moved = F.col("new_id").isNotNull()
    notes = F.when(moved, F.concat(F.coalesce("notes", F.array().cast("array<string>")), F.array("note")))
    columns = {"doc_id": F.coalesce("new_id", "doc_id"), "notes": notes.otherwise(F.col("notes"))}
    return joined.select(*(columns[c].alias(c) if c in columns else F.col(c) for c in docs.columns))
