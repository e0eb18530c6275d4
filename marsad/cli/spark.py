"""`marsad spark`: the pipeline as an Apache Spark job, Parquet tables out (marsad/scale)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text

from marsad.cli.common import Paths, app, db_target, err, open_write, shown_db
from marsad.cli.errors import UserError

PANEL = "Build and inspect the corpus"
_MB = 1024 * 1024


def _store_target(value: Optional[str]):
    return None if value is None else db_target(value)     # a PostgreSQL URL, or an SQLite file's Path


def _conf(values: Optional[list[str]]) -> dict[str, str]:
    conf = {}
    for value in values or []:
        key, eq, setting = value.partition("=")
        if not eq or not key.strip():
            raise typer.BadParameter(f"expected KEY=VALUE, got {value!r}", param_hint="--conf")
        conf[key.strip()] = setting
    return conf


@app.command(rich_help_panel=PANEL)
def spark(paths: Paths,
          out_dir: Annotated[Path, typer.Option("--out", help="Folder for the Parquet tables (each table in it is "
                                                               "replaced on a rerun).")],
          master: Annotated[str, typer.Option(help="Spark master URL: local[*], local[N], spark://HOST:PORT, yarn, "
                                                   "k8s://https://HOST:PORT.")] = "local[*]",
          partitions: Annotated[Optional[int], typer.Option(
              help="Processing partitions (default: two per core, more for big inputs).", min=1)] = None,
          split_mb: Annotated[int, typer.Option(help="Plain JSONL files bigger than this are read in pieces of "
                                                     "this size by several workers.", min=1)] = 64,
          conf: Annotated[Optional[list[str]], typer.Option(
              help="A Spark setting KEY=VALUE (repeatable), e.g. spark.executor.memory=4g.")] = None,
          load_db: Annotated[Optional[str], typer.Option(
              "--load-db", help="Also load the documents into this marsad database (SQLite file or postgresql:// "
                                "URL).", callback=_store_target)] = None):
    """Run the pipeline on Apache Spark: Parquet tables of articles, entities, quotes, events, tolls,
    rejected inputs (by publication date) and stories (near-duplicates across the whole corpus).

    Needs pyspark (the spark extra) and Java 17+. Prints a JSON summary.

    Example: [bold]marsad spark examples/corpus --out tables[/bold]
    """
    from marsad.scale.session import (
        MASTER_HELP,
        SparkUnavailable,
        check_master,
        check_runtime,
        start,
        stop,
    )

    try:
        check_master(master)
    except ValueError:
        raise typer.BadParameter(f"not a Spark master URL: {master!r} (use {MASTER_HELP})", param_hint="--master")
    settings = _conf(conf)
    if out_dir.exists() and not out_dir.is_dir():
        raise typer.BadParameter(f"{out_dir} is a file, not a folder", param_hint="--out")
    try:
        check_runtime()
    except SparkUnavailable as e:
        if e.missing == "Java":         # the environment, like a bad option: nothing ran (exit 2)
            raise typer.BadParameter(str(e), param_hint="Java") from e
        raise UserError(str(e)) from e  # a missing optional dependency (exit 1)
    from pyspark.sql import SparkSession

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"cannot create {out_dir}: {e.strerror or e}") from e
    embedded = SparkSession.getActiveSession()      # a session this process runs already is used, not stopped
    log = out_dir / "_spark.log"
    try:
        session = embedded or start(master, log, settings)
    except SparkUnavailable as e:
        raise typer.BadParameter(str(e), param_hint="--master") from e
    store = open_write(load_db) if load_db is not None else None
    try:
        summary = _run(session, paths, out_dir, partitions, split_mb * _MB, store, log)
    finally:
        if store is not None:
            store.close()
        if not embedded:
            stop(session)
    err.print(Text(f"spark: {summary['ok']} articles, {summary['rejected']} rejected, "
                   f"{summary['stories_with_copies']} stories of several articles → {out_dir}"
                   + (f"; loaded into {shown_db(load_db)}" if load_db else "")))
    sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")


def _run(session, paths, out_dir, partitions, split_bytes, store, log) -> dict:
    from marsad.scale.job import run
    from marsad.scale.load import load
    from marsad.scale.session import reason

    loaded = {}

    def into_store(docs, _stories) -> None:
        loaded["documents"] = load(docs, store)

    try:
        summary = run(session, [str(p) for p in paths], out_dir, partitions, split_bytes,
                      load=into_store if store is not None else None)
    except Exception as e:  # a Py4J error is pages of Java: one line, and where the rest is
        if isinstance(e, (UserError, OSError)) or os.environ.get("MARSAD_DEBUG"):
            raise
        raise UserError(f"the Spark job failed: {reason(log, e)} (Spark's log: {log})") from e
    if loaded:
        summary["loaded"] = loaded["documents"]
    return summary
