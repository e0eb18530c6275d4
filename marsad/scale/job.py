"""The Spark job behind `marsad spark`: inputs → the pipeline on every executor → Parquet tables.

Reading: the driver lists the inputs and cuts big JSONL files (plan.py); read tasks each take a
stride of that list, so big and small files mix. What was read is then spread evenly over the
processing partitions, so a huge WARC.gz read by one worker is still annotated by all of them.

Processing: `process_partition` runs marsad.pipeline.process_many over batches, in Python workers
that Spark reuses from task to task: the models load on a worker's first batch (the pipeline's
module-level cache), never per record. A record that breaks the pipeline or does not fit its
columns becomes a rejected row with its reason; the job goes on.

Output, under OUT (each table replaced whole on a rerun, so the same input gives the same tables):
    articles/ entities/ quotes/ events/ tolls/ rejected/   Parquet, partitioned by date=YYYY-MM-DD
                                                           (date=unknown: no publication date)
    stories/                                               story_id, doc_id, size (corpus-wide)
    _marsad.json                                           what ran, counts, seconds
    _spark.log                                             Spark's own log
"""
from __future__ import annotations

import json
import math
import time
from collections.abc import Iterable, Iterator
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
BYTES_PER_PARTITION = 8 * 1024 * 1024   # about 1,600 text articles: tens of seconds of pipeline per task
GZIP_RATIO = 4                          # a gzip's inflated size, guessed to size the partitions
_LONG = 2 ** 63


def read_piece(piece: Piece) -> Iterator[RawItem]:
    from marsad.read.files import read_inputs, read_jsonl_range

    if piece.is_range:
        return read_jsonl_range(piece.input, piece.start, piece.end, piece.lines_before)
    return read_inputs([piece.input])


def process_partition(items: Iterable[RawItem]) -> Iterator[tuple]:
    """Nested document rows for a partition's inputs (runs on an executor)."""
    from marsad.pipeline import BATCH

    batch: list[RawItem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield from _rows(batch)
            batch = []
    if batch:
        yield from _rows(batch)


def _rows(batch: list[RawItem]) -> Iterator[tuple]:
    from marsad.pipeline import process_many, reject

    schema = doc_schema()
    for item, doc in zip(batch, process_many(batch)):
        try:
            row = doc_row(doc, item.size)
            problem = fits(row, schema)
        except Exception as e:  # one article's signature or row failing must not fail the job
            problem = f"{type(e).__name__}: {e}"
        if problem:
            bare = Document(item.doc_id, item.source, item.fmt, item.content_hash, notes=list(item.notes))
            row = doc_row(reject(bare, f"internal error: cannot be written as a row ({problem})"), item.size)
        yield row


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
    expected = {T.StringType: str, T.LongType: int, T.IntegerType: int, T.DoubleType: (float, int),
                T.BooleanType: bool}[type(dtype)]
    if not isinstance(value, expected) or isinstance(value, bool) and expected is not bool:
        return f"{where} is {type(value).__name__}, not {dtype.simpleString()}"
    bound = _LONG if isinstance(dtype, T.LongType) else 2 ** 31
    if isinstance(dtype, (T.LongType, T.IntegerType)) and not -bound <= value < bound:
        return f"{where} = {value} does not fit {dtype.simpleString()}"
    return None


def partitions_for(pieces: list[Piece], parallelism: int) -> int:
    """Processing partitions: at least two per core (a slow one does not hold the stage), more for
    big inputs so a task stays in the tens of seconds."""
    size = sum(p.size * (GZIP_RATIO if p.path.lower().endswith(".gz") else 1) for p in pieces)
    return max(2 * parallelism, math.ceil(size / BYTES_PER_PARTITION))


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

    started = time.perf_counter()
    sc = spark.sparkContext
    pieces = plan(paths, split_bytes)
    slices = max(1, min(len(pieces), 4 * sc.defaultParallelism))
    parts = partitions or partitions_for(pieces, sc.defaultParallelism)
    if not sc.getConf().contains("spark.sql.shuffle.partitions"):
        # the tables' shuffles (stories, one file per date) as wide as the processing, not 200
        spark.conf.set("spark.sql.shuffle.partitions", str(parts))
    items = sc.parallelize(striped(pieces, slices), slices).flatMap(read_piece).repartition(parts)
    docs = spark.createDataFrame(items.mapPartitions(process_partition), doc_schema(), verifySchema=False)
    docs = docs.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = docs.agg(F.count("*").alias("documents"),
                          F.sum((F.col("status") == "ok").cast("long")).alias("ok"),
                          *(F.sum(F.size(F.coalesce(name, F.array()))).alias(name) for name in ANNOTATIONS)
                          ).first().asDict()
        stories = _stories(spark, docs)
        tables = _tables(docs, stories)
        for name, table in tables.items():
            _write(table, out / name, partitioned=name != "stories")
        story_sizes = stories.groupBy("story_id").count().filter("count > 1").agg(
            F.count("*").alias("n"), F.sum("count").alias("members")).first()
        if load is not None:
            load(docs, stories)
    finally:
        docs.unpersist()
    summary = {
        "inputs": [str(p) for p in paths], "master": sc.master, "read_pieces": len(pieces),
        "partitions": parts, **{k: int(v or 0) for k, v in counts.items()},
        "rejected": int(counts["documents"] - (counts["ok"] or 0)),
        "stories_with_copies": int(story_sizes["n"] or 0), "articles_in_them": int(story_sizes["members"] or 0),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / "_marsad.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return summary


def _stories(spark, docs):
    """(doc_id, story_id) for every ok article (its own id when it has no near-duplicate)."""
    from pyspark.sql import functions as F

    from marsad.scale.stories import story_ids

    shared = story_ids(spark, docs).withColumnRenamed("story_id", "shared")
    return (docs.filter(F.col("status") == "ok").select("doc_id").join(shared, "doc_id", "left")
            .select("doc_id", F.coalesce("shared", "doc_id").alias("story_id")))


def _tables(docs, stories) -> dict:
    from pyspark.sql import functions as F

    ok = docs.filter(F.col("status") == "ok")
    tables = {"articles": ok.join(stories, "doc_id", "left").select(*ARTICLE_FIELDS, "story_id", "date")}
    for name in ANNOTATIONS:
        tables[name] = (ok.select("doc_id", "date", F.posexplode(name).alias("n", "r"))
                        .select("doc_id", "n", "r.*", "date"))
    tables["rejected"] = docs.filter(F.col("status") != "ok").select(*REJECTED_FIELDS, "date")
    sizes = stories.groupBy("story_id").agg(F.count("*").alias("size"))
    tables["stories"] = stories.join(sizes, "story_id").select("story_id", "doc_id", "size")
    return tables


def _write(table, path: Path, partitioned: bool) -> None:
    """One table, replacing what a previous run wrote there; rows sorted within each file, one file
    per date (by date, then doc_id and position), so a rerun writes the same files' content."""
    order = [c for c in ("doc_id", "n") if c in table.columns]
    if partitioned:
        table = table.repartition("date").sortWithinPartitions("date", *order)
        table.write.mode("overwrite").partitionBy("date").parquet(str(path))
    else:
        table.coalesce(1).sortWithinPartitions("story_id", "doc_id").write.mode("overwrite").parquet(str(path))


__all__ = ["DOC_FIELDS", "TABLES", "process_partition", "read_piece", "run"]
