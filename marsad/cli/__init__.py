"""The `marsad` command. Thin: each command calls one API function and formats its result.

The database is `marsad.db` in the current folder unless `--db FILE` or MARSAD_DB says otherwise.
Commands live by group: `corpus` (ingest, extract, stats, show), `read` (search, entities, quotes,
events, export), `models` (ner, train-ner, bench), `serve` (the HTTP API); `common` holds what they
share and `errors` the one handler that turns every error into one line on stderr. The console
script is `marsad.cli:app`.
"""
from __future__ import annotations

from marsad.cli.threads import one_blas_thread

BLAS_THREAD_SET = one_blas_thread()     # first: before the store's import of numpy (see threads.py)

# Importing the command modules registers their commands on `app`; --help lists them in this order.
from marsad.cli.common import app  # noqa: I001
from marsad.cli.corpus import extract, ingest, show, stats
from marsad.cli.read import entities, events, export, quotes, search
from marsad.cli.models import bench, ner, train_ner
from marsad.cli.serve import serve
from marsad.cli.spark import spark
from marsad.cli.errors import UserError

__all__ = ["UserError", "app", "bench", "entities", "events", "export", "extract", "ingest", "main", "ner",
           "quotes", "search", "serve", "show", "spark", "stats", "train_ner"]


def main() -> int:
    """Run `marsad` with sys.argv; returns the exit code instead of exiting (for embedding)."""
    return app(standalone_mode=False)
