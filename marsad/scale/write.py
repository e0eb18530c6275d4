"""The job's Parquet tables, written by the executors' Python workers with pyarrow.

Why not Spark's own writer: every document row would first be turned from Python objects into the
JVM's rows, then cached, then written by the JVM, one file per (table, date). Measured on the 2-core
machine (4,000 articles, local[1]): the JVM spent 18 CPU-seconds on that beside the workers' 38, and
each date partition's file cost ~11 ms of JVM time plus six short-lived `chmod` processes (Hadoop's
local file system sets permissions by running a command). A local[2] run pays all of that on the
cores the pipeline needs. Here the rows cross the JVM only as pickled bytes (the shuffle by date),
and each Python worker writes the files of the dates its partition holds.

Layout (as Spark's `partitionBy("date")` writes it, so Spark, pyarrow and pandas read it alike):
    TABLE/date=YYYY-MM-DD/part-PPPPP.parquet      PPPPP: the partition; a date is in one partition
    stories/part-PPPPP.parquet                    unpartitioned
Each file is written under a temporary name and renamed when complete: a task Spark retries
rewrites the same file, so a rerun, or a retried task, leaves the same files.
"""
from __future__ import annotations

import os
import re
import shutil
import urllib.parse
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from marsad.scale.rows import ANNOTATIONS, ARTICLE_FIELDS, COLUMN, REJECTED_FIELDS

DOC_ID, STATUS, DATE = COLUMN["doc_id"], COLUMN["status"], COLUMN["date"]
TABLES = ("articles", *ANNOTATIONS, "rejected", "stories")


def arrow_type(dtype):
    """The pyarrow type of a Spark type (rows.doc_schema is the one schema of the job)."""
    import pyarrow as pa
    from pyspark.sql import types as T

    if isinstance(dtype, T.StructType):
        return pa.struct([(f.name, arrow_type(f.dataType)) for f in dtype.fields])
    if isinstance(dtype, T.ArrayType):
        return pa.list_(arrow_type(dtype.elementType))
    scalar = {T.StringType: pa.string(), T.LongType: pa.int64(), T.IntegerType: pa.int32(),
              T.DoubleType: pa.float64(), T.BooleanType: pa.bool_()}
    return scalar[type(dtype)]


@lru_cache(maxsize=1)
def schemas() -> dict:
    """Each table's pyarrow schema: annotations are (doc_id, n, the record's fields), articles the
    article fields and story_id, rejected its fields, stories (story_id, doc_id, size). The date is
    the folder, not a column."""
    import pyarrow as pa

    from marsad.scale.rows import doc_schema

    doc = {f.name: f.dataType for f in doc_schema().fields}
    out = {name: pa.schema([("doc_id", pa.string()), ("n", pa.int32()),
                            *((f.name, arrow_type(f.dataType)) for f in doc[name].elementType.fields)])
           for name in ANNOTATIONS}
    out["articles"] = pa.schema([*((n, arrow_type(doc[n])) for n in ARTICLE_FIELDS), ("story_id", pa.string())])
    out["rejected"] = pa.schema([(n, arrow_type(doc[n])) for n in REJECTED_FIELDS])
    out["stories"] = pa.schema([("story_id", pa.string()), ("doc_id", pa.string()), ("size", pa.int64())])
    return out


def table_rows(docs: list[tuple], shared: dict) -> dict[str, list[tuple]]:
    """The rows of every table for `docs` (document rows sorted by doc_id). `shared` maps the
    articles that have near-duplicates to (story_id, size); any other article is a story of one."""
    ok = [d for d in docs if d[STATUS] == "ok"]
    article_at = [COLUMN[n] for n in ARTICLE_FIELDS]
    story = {d[DOC_ID]: shared.get(d[DOC_ID], (d[DOC_ID], 1)) for d in ok}
    rows: dict[str, list[tuple]] = {
        "articles": [(*(d[i] for i in article_at), story[d[DOC_ID]][0]) for d in ok],
        "rejected": [tuple(d[COLUMN[n]] for n in REJECTED_FIELDS) for d in docs if d[STATUS] != "ok"],
        "stories": [(story[d[DOC_ID]][0], d[DOC_ID], story[d[DOC_ID]][1]) for d in ok],
    }
    for name in ANNOTATIONS:
        at = COLUMN[name]
        rows[name] = [(d[DOC_ID], n, *record) for d in ok for n, record in enumerate(d[at] or ())]
    return rows


def write_partition(index: int, docs: Iterable[tuple], out: str, shared) -> Iterator[tuple[str, int]]:
    """Write partition `index`'s document rows (runs on an executor): per date, one file per table
    with rows, sorted by doc_id and position; the stories rows in one unpartitioned file. Yields
    (table, rows written). `shared` is a broadcast of the articles with near-duplicates."""
    by_date: dict[str, list[tuple]] = {}
    for d in docs:
        by_date.setdefault(d[DATE], []).append(d)
    stories: list[tuple] = []
    for date, rows in sorted(by_date.items()):
        rows.sort(key=lambda d: d[DOC_ID])
        tables = table_rows(rows, shared.value)
        stories += tables.pop("stories")
        for name, found in tables.items():
            if found:
                _write(name, found, Path(out, name, f"date={_folder(date)}", f"part-{index:05d}.parquet"))
                yield name, len(found)
    if stories:
        stories.sort(key=lambda r: (r[0], r[1]))
        _write("stories", stories, Path(out, "stories", f"part-{index:05d}.parquet"))
        yield "stories", len(stories)


def clear_tables(out: Path) -> None:
    """Each table replaced whole: what a previous run wrote there goes first."""
    out.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        shutil.rmtree(out / name, ignore_errors=True)


def finish_tables(out: Path, written: set[str]) -> None:
    """Every table's folder, with an empty file of its columns when no partition wrote a row (a
    reader then still finds the columns), and Spark's `_SUCCESS` marker of a completed table."""
    for name in TABLES:
        folder = Path(out, name)
        folder.mkdir(parents=True, exist_ok=True)
        if name not in written:
            _write(name, [], folder / "part-00000.parquet")
        (folder / "_SUCCESS").touch()


def _folder(date: str) -> str:
    """A date as a folder name: the date itself (or `unknown`); anything else escaped as Spark does."""
    return date if re.fullmatch(r"[\w-]+", date) else urllib.parse.quote(date, safe="")


def _write(name: str, rows: list[tuple], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = schemas()[name]
    columns = list(zip(*rows)) or [()] * len(schema)
    table = pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, schema)], schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, partial, compression="snappy")
    os.replace(partial, path)


__all__ = ["TABLES", "clear_tables", "finish_tables", "schemas", "table_rows", "write_partition"]
