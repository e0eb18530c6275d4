"""The Spark job behind `marsad spark`: inputs → the pipeline on every executor → Parquet tables.

Reading: the driver lists the inputs and cuts big JSONL files (plan.py); read tasks each take a
stride of that list, so big and small files mix. What was read is then spread evenly over the
processing partitions, so a huge WARC.gz read by one worker is still annotated by all of them.

Processing: `process_partition` runs marsad.pipeline.process_many over batches, in Python workers
that Spark reuses from task to task: the models load on a worker's first batch (the pipeline's
module-level cache), never per record. A record that breaks the pipeline or does not fit its
columns becomes a rejected row with its reason; the job goes on. The rows go once through a
shuffle by date into cached partitions, and everything after reads those: the pipeline runs once
per record (counted: `pipeline_runs` in the summary), and each table is written by all cores at
once with no shuffle of its own. Own ids that two files share are made unique per file (ids.py).

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
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

from marsad.model import Document, RawItem
from marsad.scale.plan import SPLIT_BYTES, Piece, plan
from marsad.scale.rows import (
    ANNOTATIONS,
    ARTICLE_FIELDS,
    DOC_FIELDS,
    REJECTED_FIELDS,
    doc_row,
    doc_schema,
)

TABLES = ("articles", *ANNOTATIONS, "rejected", "stories")
BYTES_PER_PARTITION = 2 * 1024 * 1024   # 400-2,000 articles: seconds of pipeline per task
GZIP_RATIO = 4                          # a gzip's inflated size, guessed to size the partitions
_LONG = 2 ** 63
BROADCAST_MEMBERS = 500_000            # story members joined by broadcast (~100 bytes each)
WRITERS = 3                             # tables written at once (Spark jobs from as many threads)


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
    `load(docs, stories)`, when given, is called with the documents and stories DataFrames before
    they are released (to load them into a store)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from marsad.scale import ids
    from marsad.scale.stories import story_ids

    clock = _Clock()
    sc = spark.sparkContext
    pieces = plan(paths, split_bytes)
    sources = {p.input_no: p.source for p in pieces}
    slices = max(1, min(len(pieces), 4 * sc.defaultParallelism))
    parts = partitions or partitions_for(pieces, sc.defaultParallelism)
    if not sc.getConf().contains("spark.sql.shuffle.partitions"):
        # the stories' shuffles as wide as the processing, not 200
        spark.conf.set("spark.sql.shuffle.partitions", str(parts))
    clock.lap("plan")
    runs = sc.accumulator(0)
    items = sc.parallelize(striped(pieces, slices), slices).flatMap(read_piece).repartition(parts)
    rows = items.mapPartitions(lambda part: process_partition(part, runs))
    # Each date in one partition (a number given, so adaptive execution keeps them all): every table
    # is then written from these cached partitions by all cores at once, with no shuffle of its own,
    # one file per date.
    docs = (spark.createDataFrame(rows, doc_schema(), verifySchema=False).repartition(parts, "date")
            .persist(StorageLevel.MEMORY_AND_DISK))
    try:
        counts = docs.agg(F.count("*").alias("documents"),
                          F.sum((F.col("status") == "ok").cast("long")).alias("ok"),
                          *(F.sum(F.size(F.coalesce(name, F.array()))).alias(name) for name in ANNOTATIONS)
                          ).first().asDict()
        clock.lap("read_and_pipeline")

        def taken(new: set[str]) -> set[str]:
            return {r[0] for r in docs.filter(F.col("doc_id").isin(list(new))).select("doc_id").collect()}

        named = ids.apply(docs, ids.renames(ids.clashes(docs), sources, taken))
        clock.lap("unique_ids")
        with ThreadPoolExecutor(WRITERS) as pool:
            # the tables that need no story ids are written while the stories are found, so the
            # driver's share of that step (collecting pairs, union-find) overlaps executors' work;
            # jobs from several threads also fill the cores a write's last tasks leave idle
            writing = [pool.submit(_write, table, out / name, True) for name, table in _tables(named).items()]
            shared, story_counts = story_ids(spark, named)
            clock.laps["stories"] = round(time.perf_counter() - clock.last, 2)
            articles, stories = _story_tables(named, shared, story_counts["articles_in_them"], parts)
            writing += [pool.submit(_write, articles, out / "articles", True),
                        pool.submit(_write, stories, out / "stories", False)]
            for done in writing:
                done.result()
        clock.lap("stories_and_tables")
        if load is not None:
            load(named, stories.select("doc_id", "story_id"))
            clock.lap("load")
    finally:
        docs.unpersist()
    summary = {
        "inputs": [str(p) for p in paths], "master": sc.master, "read_pieces": len(pieces),
        "partitions": parts, **{k: int(v or 0) for k, v in counts.items()},
        "rejected": int(counts["documents"] - (counts["ok"] or 0)),
        **story_counts, "pipeline_runs": runs.value,
        "stage_seconds": clock.laps, "seconds": clock.total(),
    }
    (out / "_marsad.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return summary


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


def _tables(docs) -> dict:
    """The tables written from the documents alone: annotations (one row per record, `n` its place
    in the document) and rejected inputs."""
    from pyspark.sql import functions as F

    ok = docs.filter(F.col("status") == "ok")
    tables = {name: ok.select("doc_id", "date", F.posexplode(name).alias("n", "r")).select("doc_id", "n", "r.*", "date")
              for name in ANNOTATIONS}
    tables["rejected"] = docs.filter(F.col("status") != "ok").select(*REJECTED_FIELDS, "date")
    return tables


def _story_tables(docs, shared, members: int, parts: int) -> tuple:
    """The articles and stories tables. `shared` (doc_id, story_id, size) holds only the `members`
    articles with copies, so the join with it is a broadcast one while it is small (a hint: the
    rows come from the driver, and Spark cannot size them): the articles stay in their partitions,
    and an article missing from it is a story of one."""
    from pyspark.sql import functions as F

    ok = docs.filter(F.col("status") == "ok")
    shared = shared.withColumnRenamed("story_id", "shared")
    if members <= BROADCAST_MEMBERS:
        joined = ok.join(F.broadcast(shared), "doc_id", "left")
    else:                               # a corpus of copies: a shuffled join, then by date again
        joined = ok.join(shared, "doc_id", "left").repartition(parts, "date")
    story = F.coalesce("shared", "doc_id").alias("story_id")
    return (joined.select(*ARTICLE_FIELDS, story, "date"),
            joined.select(story, "doc_id", F.coalesce("size", F.lit(1).cast("long")).alias("size")))


def _write(table, path: Path, partitioned: bool) -> None:
    """One table, replacing what a previous run wrote there; rows sorted within each file, one file
    per date (by date, then doc_id and position), so a rerun writes the same files' content. The
    documents are partitioned by date already: no shuffle here."""
    order = [c for c in ("doc_id", "n") if c in table.columns]
    if partitioned:
        table = table.sortWithinPartitions("date", *order)
        table.write.mode("overwrite").partitionBy("date").parquet(str(path))
    else:
        table.coalesce(1).sortWithinPartitions("story_id", "doc_id").write.mode("overwrite").parquet(str(path))


__all__ = ["DOC_FIELDS", "TABLES", "process_partition", "read_piece", "run"]
