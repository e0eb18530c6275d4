"""Commands that build or inspect the corpus: ingest, extract, stats, show."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from marsad.cli.common import (
    ActorsOption,
    DbOption,
    GazetteerOption,
    JsonOption,
    Paths,
    actor_files,
    app,
    err,
    gazetteers,
    open_read,
    open_write,
    out,
    print_table,
    shown_db,
)
from marsad.display import rtl
from marsad.store.sqlite import DEFAULT_DB

PANEL = "Build and inspect the corpus"


@app.command(rich_help_panel=PANEL)
def ingest(paths: Paths, db: DbOption = Path(DEFAULT_DB),
           strict: Annotated[bool, typer.Option(
               help="Exit 1 if any input is rejected, including unchanged inputs rejected before.")] = False,
           quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
           gazetteer: GazetteerOption = None, actors: ActorsOption = None):
    """Read, clean and store articles: txt, HTML, JSONL, WARC(.gz), RSS/Atom.

    Example: [bold]marsad ingest examples/corpus --db news.db[/bold]
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from marsad.ingest import ingest as ingest_paths
    from marsad.read.files import iter_paths

    gazetteers(gazetteer)
    actor_files(actors)
    total = sum(1 for _ in iter_paths(paths))
    still_rejected = 0
    with open_write(db) as store, Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                                           TextColumn("files · {task.fields[items]} articles"),
                                           TimeElapsedColumn(), console=err, redirect_stdout=False,
                                           disable=quiet or not err.is_terminal) as bar:
        task = bar.add_task("ingest", total=total, items=0)
        seen_sources: set[str] = set()

        def on_item(item, outcome, doc):
            nonlocal still_rejected
            path = item.source.split(":")[0].split("#")[0]
            if path not in seen_sources:
                seen_sources.add(path)
                bar.update(task, completed=min(total, len(seen_sources)))
            bar.update(task, items=bar.tasks[0].fields["items"] + 1)
            if outcome == "rejected":
                err.print(f"[yellow]rejected[/yellow] {escape(f'{item.doc_id} ({item.source}): {doc.error}')}")
            elif outcome == "unchanged":
                # An unchanged input that was rejected last time is still a rejected input.
                row = store.db.execute("SELECT status, error FROM documents WHERE doc_id = ?",
                                       (item.doc_id,)).fetchone()
                if row and row["status"] == "rejected":
                    still_rejected += 1
                    reason = row["error"]
                    err.print(f"[yellow]rejected[/yellow] (unchanged) {escape(f'{item.doc_id} ({item.source}): {reason}')}")

        summary = ingest_paths(store, paths, on_item=on_item)
        bar.update(task, completed=total)
    if hasattr(summary, "still_rejected"):     # counted by ingest itself, and in its summary line
        still_rejected, note = summary.still_rejected, ""
    else:
        note = f" ({still_rejected} of them rejected before)" if still_rejected else ""
    out.print(Text(f"ingest: {summary}{note} → {shown_db(db)}"))
    if strict and (summary.rejected or still_rejected):
        raise typer.Exit(1)


@app.command(rich_help_panel=PANEL)
def extract(paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
            fmt: Annotated[str, typer.Option("--format", help="Output format (jsonl).")] = "jsonl",
            gazetteer: GazetteerOption = None, actors: ActorsOption = None):
    """Write one JSON object per article to stdout (CONTRACT.md shape); no database needed.

    Bad input (a missing file too) is reported on stderr and as {"doc_id", "error"} on stdout.

    Example: [bold]marsad extract examples/corpus/txt --format jsonl > out.jsonl[/bold]
    """
    from marsad.pipeline import extract as run

    if fmt != "jsonl":
        raise typer.BadParameter("only jsonl is supported", param_hint="--format")
    gazetteers(gazetteer)
    actor_files(actors)
    for doc in run(paths):
        if doc.status != "ok":
            err.print(Text(f"rejected {doc.doc_id} ({doc.source}): {doc.error}"))
        sys.stdout.write(json.dumps(doc.to_contract(), ensure_ascii=False) + "\n")


@app.command(rich_help_panel=PANEL)
def stats(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False):
    """Counts: documents by status, annotations, outlets, date range, rejection reasons.

    Example: [bold]marsad stats[/bold]
    """
    with open_read(db) as store:
        s = store.stats()
    if as_json:
        sys.stdout.write(json.dumps(s, ensure_ascii=False) + "\n")
        return
    lines = [f"documents {s['documents']}: {s['ok']} ok, {s['rejected']} rejected  (schema v{s['schema_version']})",
             f"entities {s['entities']} ({s['actors']} actors) · quotes {s['quotes']} · events {s['events']} "
             f"· stories {s['stories']}",
             f"published {s['published'][0] or '—'} … {s['published'][1] or '—'}"]
    lines += [f"  {n:>5}  {rtl(name)}" for name, n in s["outlets"]]
    lines += [f"  rejected {n:>4}× {reason}" for reason, n in s["rejections"]]
    for line in lines:
        out.print(Text(line))


@app.command(rich_help_panel=PANEL)
def show(doc_id: Annotated[str, typer.Argument(help="A document id, as search, quotes and events print it.")],
         db: DbOption = Path(DEFAULT_DB),
         raw: Annotated[bool, typer.Option("--raw", help="Print the input exactly as received.")] = False,
         as_json: Annotated[bool, typer.Option("--json", help="Print the stored record as JSON.")] = False):
    """One stored article: metadata, status, cleaned text (or the raw input).

    Example: [bold]marsad show txt/report_00[/bold]
    """
    with open_read(db) as store:
        doc = store.document(doc_id)
        original = store.raw(doc_id) if raw and doc else None
    if doc is None:
        err.print(Text(f"no document {doc_id!r}"))
        raise typer.Exit(1)
    if as_json:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        return
    if raw:
        if original is None:
            err.print(Text(f"raw input not kept (empty, too large or unreadable); source: {doc['source']}"))
            raise typer.Exit(1)
        sys.stdout.write(original)      # as received: no markup, emoji codes or reordering
        return
    print_table(None, [[key, rtl(str(doc[key]))] for key in (
        "doc_id", "status", "error", "source", "outlet", "title", "published", "published_confidence",
        "page_dates", "dateline", "ingested_at") if doc.get(key) not in (None, [], "")], box=None)
    for e in doc.get("events", []):
        out.print(Text.assemble(("event", "bold"), f" {e['event_date'] or '—'} {e['sub_event_type']} @ "
                                f"{rtl(e['location'] or '?')}  actor1 {rtl(e['actor1'] or '—')}  dead "
                                f"{e['fatalities'] or 0}  claimed by {rtl(e['claimed_by'] or '—')}"))
    for q in doc.get("quotes", []):
        out.print(Text.assemble(("quote", "bold"), f" {rtl(q['speaker_canonical'] or '?')} ({q['kind']}, "
                                f"{q['channel'] or '—'}): {rtl(q['text'][:90])}"))
    if doc.get("text"):
        out.print()
        out.print(Text(rtl(doc["text"])))
