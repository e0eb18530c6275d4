"""The Spark job behind `marsad spark`: inputs → the pipeline on every executor → Parquet tables.

Reading: the driver lists the inputs and cuts big JSONL files (plan.py); read tasks each take a
stride of that list, so big and small files mix. What was read is then spread evenly over the
processing partitions, so a huge WARC.gz read by one worker is still annotated by all of them.

Processing: `process_partition` runs marsad.pipeline.process_many over batches, in Python workers
that Spark reuses from task to task: the models load on a worker's first batch (the pipeline's
module-level cache), never per record. A record that breaks the pipeline or does not fit its
columns becomes a rejected row with its reason; the job goes on. The rows go once through a
shuffle by date (as pickled bytes: the JVM never turns them into rows of its own) into cached
partitions, and everything after reads those: the pipeline runs once per record (counted:
`pipeline_runs` in the summary), and each partition's Python worker writes the files of its dates
with pyarrow (write.py). Own ids that two files share are made unique per file (ids.py).

Output, under OUT (each table replaced whole on a rerun, so the same input gives the same tables):
    articles/ entities/ quotes/ events/ tolls/ rejected/   Parquet, partitioned by date=YYYY-MM-DD
                                                           (date=unknown: no publication date)
    stories/                                               story_id, doc_id, size (corpus-wide)
    _marsad.json                                           what ran, counts, seconds (per step too)
    _spark.log                                             Spark's own log
"""
from __future__ import annotations

import json
import math
import time
import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from marsad.model import Document, RawItem
from marsad.scale.plan import SPLIT_BYTES, Piece, plan
from marsad.scale.rows import ANNOTATIONS, COLUMN, DOC_FIELDS, doc_row, doc_schema
from marsad.scale.write import TABLES, clear_tables, finish_tables, write_partition

BYTES_PER_PARTITION = 2 * 1024 * 1024   # 400-2,000 articles: seconds of pipeline per task
GZIP_RATIO = 4                          # a gzip's inflated size, guessed to size the partitions
_LONG = 2 ** 63


def read_piece(piece: Piece) -> Iterator[tuple[int, RawItem]]:
    """(the piece's input number, item) for every item the piece holds (runs on an executor)."""
    from marsad.read.files import read_inputs, read_jsonl_range

    items = (read_jsonl_range(piece.input, piece.start, piece.end, piece.lines_before) if piece.is_range
             else read_inputs([piece.input]))
    return ((piece.input_no, item) for item in items)


def process_partition(items: Iterable[tuple[int, RawItem]], runs=None) -> Iterator[tuple]:
    """Nested document rows for a partition's (input number, item) pairs (runs on an executor).
    `runs`, a Spark accumulator, counts the records the pipeline ran on: the job checks it ran
    once per record, not once per table written."""
    from marsad.pipeline import BATCH

    batch: list[tuple[int, RawItem]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield from _rows(batch, runs)
            batch = []
    if batch:
        yield from _rows(batch, runs)


def _rows(batch: list[tuple[int, RawItem]], runs) -> Iterator[tuple]:
    from marsad.pipeline import process_many, reject

    schema = doc_schema()
    if runs is not None:
        runs.add(len(batch))
    for (no, item), doc in zip(batch, process_many([item for _, item in batch])):
        try:
            row = doc_row(doc, item.size, no)
            problem = fits(row, schema)
        except Exception as e:  # one article's signature or row failing must not fail the job
            problem = f"{type(e).__name__}: {e}"
        if problem:
            bare = Document(item.doc_id, item.source, item.fmt, item.content_hash, notes=list(item.notes))
            row = doc_row(reject(bare, f"internal error: cannot be written as a row ({problem})"), item.size, no)
        yield row


@lru_cache(maxsize=1)
def _python_types() -> dict:
    """Spark's scalar types → the Python values that fit them (built once: fits runs on every value)."""
    from pyspark.sql import types as T

    return {T.StringType: str, T.LongType: int, T.IntegerType: int, T.DoubleType: (float, int), T.BooleanType: bool}


def fits(value, dtype, where: str = "") -> str | None:
    """Why `value` does not fit the Spark type `dtype` (None when it does). Spark would fail the
    whole job on it at write time (a 20-digit figure is no 64-bit integer); here it rejects one row."""
    from pyspark.sql import types as T

    if value is None:
        return None
    if isinstance(dtype, T.StructType):
        for f, v in zip(dtype.fields, value):
            problem = fits(v, f.dataType, f"{where}.{f.name}" if where else f.name)
            if problem:
                return problem
        return None
    if isinstance(dtype, T.ArrayType):
        return next((p for v in value if (p := fits(v, dtype.elementType, where))), None)
    expected = _python_types()[type(dtype)]
    if not isinstance(value, expected) or isinstance(value, bool) and expected is not bool:
        return f"{where} is {type(value).__name__}, not {dtype.simpleString()}"
    bound = _LONG if isinstance(dtype, T.LongType) else 2 ** 31
    if isinstance(dtype, (T.LongType, T.IntegerType)) and not -bound <= value < bound:
        return f"{where} = {value} does not fit {dtype.simpleString()}"
    return None


def partitions_for(pieces: list[Piece], parallelism: int) -> int:
    """Processing partitions: small (BYTES_PER_PARTITION) so that the cores finish together, at least
    two per core, and a multiple of the cores, so no last wave runs on one core. The count depends
    on the input's size, not on the cores, whenever the input is big enough: local[1] and local[2]
    then cut the same partitions."""
    size = sum(p.size * (GZIP_RATIO if p.path.lower().endswith(".gz") else 1) for p in pieces)
    wanted = max(2 * parallelism, math.ceil(size / BYTES_PER_PARTITION))
    return math.ceil(wanted / parallelism) * parallelism


def striped(pieces: list[Piece], slices: int) -> list[Piece]:
    """`pieces` reordered so that each of `slices` contiguous slices (how Spark parallelizes a list)
    holds every slices-th piece: the pieces of one big file land in different tasks."""
    return [pieces[j] for i in range(slices) for j in range(i, len(pieces), slices)]


def run(spark, paths: list[str | Path], out: Path, partitions: int | None = None,
        split_bytes: int = SPLIT_BYTES, load=None) -> dict:
    """Run the job on `spark` (a SparkSession) and write the tables under `out`; returns the summary.
    `load(docs, stories)`, when given, is called with the RDD of document rows (DOC_FIELDS order)
    and the {doc_id: (story_id, size)} of articles with copies, before they are released (to load
    them into a store)."""
    from pyspark import StorageLevel

    from marsad.scale import ids
    from marsad.scale.stories import story_ids

    clock = _Clock()
    sc = spark.sparkContext
    pieces = plan(paths, split_bytes)
    sources = {p.input_no: p.source for p in pieces}
    slices = max(1, min(len(pieces), 4 * sc.defaultParallelism))
    parts = partitions or partitions_for(pieces, sc.defaultParallelism)
    clock.lap("plan")
    runs = sc.accumulator(0)
    items = sc.parallelize(striped(pieces, slices), slices).flatMap(read_piece).repartition(parts)
    rows = items.mapPartitions(lambda part: process_partition(part, runs))
    # Each date in one partition: every table is then written from these cached partitions by all
    # cores at once, one file per date
    date = COLUMN["date"]
    docs = (rows.keyBy(lambda r: r[date]).partitionBy(parts, date_partition).values()
            .persist(StorageLevel.MEMORY_AND_DISK))
    try:
        counts = docs.mapPartitions(_counts).reduce(_add)
        clock.lap("read_and_pipeline")

        def taken(new: set[str]) -> set[str]:
            wanted = sc.broadcast(new)
            return set(docs.map(lambda r: r[COLUMN["doc_id"]]).filter(lambda d: d in wanted.value).collect())

        named = ids.apply(docs, ids.renames(ids.clashes(docs), sources, taken))
        clock.lap("unique_ids")
        shared, story_counts = story_ids(sc, named.filter(lambda r: r[COLUMN["status"]] == "ok"))
        clock.lap("stories")
        clear_tables(out)
        stories = sc.broadcast(shared)
        written = named.mapPartitionsWithIndex(lambda i, part: write_partition(i, part, str(out), stories)).collect()
        stories.unpersist()
        finish_tables(out, {name for name, _ in written})
        clock.lap("tables")
        if load is not None:
            load(named, shared)
            clock.lap("load")
    finally:
        docs.unpersist()
    summary = {
        "inputs": [str(p) for p in paths], "master": sc.master, "read_pieces": len(pieces),
        "partitions": parts, **counts, "rejected": counts["documents"] - counts["ok"],
        **story_counts, "pipeline_runs": runs.value,
        "stage_seconds": clock.laps, "seconds": clock.total(),
    }
    (out / "_marsad.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return summary


def date_partition(date: str) -> int:
    """A date's partition number before the modulo: a stable hash (Python's own hash of a string
    changes from process to process unless PYTHONHASHSEED is set)."""
    return zlib.crc32(date.encode("utf-8"))


def _counts(part: Iterable[tuple]) -> Iterator[dict]:
    status = COLUMN["status"]
    found = {"documents": 0, "ok": 0, **dict.fromkeys(ANNOTATIONS, 0)}
    for r in part:
        found["documents"] += 1
        found["ok"] += r[status] == "ok"
        for name in ANNOTATIONS:
            found[name] += len(r[COLUMN[name]] or ())
    yield found


def _add(a: dict, b: dict) -> dict:
    return {k: a[k] + b[k] for k in a}


class _Clock:
    """Wall seconds of each step of the job, for the summary (where a run's time goes)."""

    def __init__(self):
        self.started = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name], self.last = round(now - self.last, 2), now

    def total(self) -> float:
        return round(time.perf_counter() - self.started, 2)


__all__ = ["DOC_FIELDS", "TABLES", "process_partition", "read_piece", "run"]
