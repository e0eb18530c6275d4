"""The `marsad` command. Thin: each command calls one API function and formats its result.

The database is `marsad.db` in the current folder unless `--db FILE` or MARSAD_DB says otherwise.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.display import bidi_mode, rtl
from marsad.store.sqlite import DEFAULT_DB

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="marsad (مرصد): Arabic conflict news → searchable, auditable events.")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", envvar="MARSAD_DB", help="SQLite database file.",
                                        show_default=True)]
Paths = Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")]
GazetteerOption = Annotated[Optional[list[Path]], typer.Option(
    "--gazetteer", help="Extra gazetteer: OSM-style JSON or TSV/CSV (name, latitude, longitude[, country, admin1]).")]


def _gazetteers(paths: Optional[list[Path]]) -> None:
    from marsad.extraction.geo import load_gazetteer

    for p in paths or []:
        err.print(f"gazetteer {p}: {load_gazetteer(p)} place names added")


def _json_lines(rows: list[dict], as_json: bool, empty: str) -> bool:
    """Print `rows` as JSON lines when asked (True: done); exit 1 saying `empty` when there are none."""
    if as_json:
        for r in rows:
            out.print(json.dumps(r, ensure_ascii=False), markup=False)
        return True
    if not rows:
        err.print(empty)
        raise typer.Exit(1)
    return False


def _store(db: Path):
    from marsad.store.sqlite import Store
    return Store(db)


@app.command()
def ingest(paths: Paths, db: DbOption = Path(DEFAULT_DB),
           strict: Annotated[bool, typer.Option(help="Exit non-zero if any input is rejected.")] = False,
           quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
           gazetteer: GazetteerOption = None):
    """Read, clean and store articles: txt, HTML, JSONL, WARC(.gz), RSS/Atom.

    Example: [bold]marsad ingest examples/ --db news.db[/bold]
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

    _gazetteers(gazetteer)
    total = sum(1 for _ in iter_paths(paths))
    with _store(db) as store, Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                                       TextColumn("files · {task.fields[items]} articles"), TimeElapsedColumn(),
                                       console=err, disable=quiet or not err.is_terminal) as bar:
        task = bar.add_task("ingest", total=total, items=0)
        seen_sources: set[str] = set()

        def on_item(item, outcome, doc):
            path = item.source.split(":")[0].split("#")[0]
            if path not in seen_sources:
                seen_sources.add(path)
                bar.update(task, completed=min(total, len(seen_sources)))
            bar.update(task, items=bar.tasks[0].fields["items"] + 1)
            if outcome == "rejected":
                err.print(f"[yellow]rejected[/yellow] {item.doc_id} ({item.source}): {doc.error}")

        summary = ingest_paths(store, paths, on_item=on_item)
        bar.update(task, completed=total)
    out.print(f"ingest: {summary} → {db}")
    if strict and summary.rejected:
        raise typer.Exit(1)


@app.command()
def extract(paths: Paths,
            fmt: Annotated[str, typer.Option("--format", help="Output format (jsonl).")] = "jsonl",
            gazetteer: GazetteerOption = None):
    """Write one JSON object per article to stdout (CONTRACT.md shape); no database needed.

    Bad input is reported on stderr and as {"doc_id", "error"} on stdout; the run goes on.
    Example: [bold]marsad extract article.html feed.xml --format jsonl > out.jsonl[/bold]
    """
    from marsad.pipeline import extract as run

    if fmt != "jsonl":
        raise typer.BadParameter("only --format jsonl is supported", param_hint="--format")
    _gazetteers(gazetteer)
    for doc in run(paths):
        if doc.status != "ok":
            err.print(f"rejected {doc.doc_id} ({doc.source}): {doc.error}")
        sys.stdout.write(json.dumps(doc.to_contract(), ensure_ascii=False) + "\n")


@app.command()
def search(query: Annotated[str, typer.Argument(help="Arabic words; hamza/ta marbuta/diacritics ignored.")],
           limit: Annotated[int, typer.Option(help="Most hits to show.")] = 10,
           db: DbOption = Path(DEFAULT_DB),
           as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of text.")] = False):
    """Ranked full-text search with highlighted snippets.

    Example: [bold]marsad search "احمد المسماري" --limit 5[/bold]
    """
    with _store(db) as store:
        hits = store.search(query, limit)
    if _json_lines(hits, as_json, "no match"):
        return
    for h in hits:
        out.print(f"[bold cyan]{h['doc_id']}[/bold cyan]  score {h['score']}  "
                  f"{h['published'] or '—'}  {rtl(h['outlet'] or '')}", markup=True)
        out.print(Text(rtl(h["title"] or ""), style="bold"))
        out.print(_highlight(h["snippet"], h["highlights"]))
        out.print()


def _highlight(snippet: str, marks: list[tuple[int, int]]) -> Text:
    """Snippet with matches highlighted, reordered for the terminal when needed."""
    opened, closed = "\x01", "\x02"
    pieces, pos = [], 0
    for s, e in marks:
        pieces += [snippet[pos:s], opened, snippet[s:e], closed]
        pos = e
    pieces.append(snippet[pos:])
    shown = rtl("".join(pieces))
    if bidi_mode() == "visual":          # reversed: closing marks now come first
        opened, closed = closed, opened
    text, style = Text(), ""
    for ch in shown:
        if ch in (opened, closed):
            style = "bold yellow" if ch == opened else ""
        else:
            text.append(ch, style=style)
    return text


@app.command()
def show(doc_id: str, db: DbOption = Path(DEFAULT_DB),
         raw: Annotated[bool, typer.Option("--raw", help="Print the input as received.")] = False,
         as_json: Annotated[bool, typer.Option("--json", help="Print the stored record as JSON.")] = False):
    """One stored article: metadata, status, cleaned text (or the raw input)."""
    with _store(db) as store:
        doc = store.document(doc_id)
        original = store.raw(doc_id) if raw and doc else None
    if doc is None:
        err.print(f"no document {doc_id!r}")
        raise typer.Exit(1)
    if as_json:
        out.print(json.dumps(doc, ensure_ascii=False, indent=1), markup=False)
        return
    if raw:
        out.print(original if original is not None else f"(raw input not kept; source: {doc['source']})",
                  markup=False)
        return
    table = Table(show_header=False, box=None)
    for key in ("doc_id", "status", "error", "source", "outlet", "title", "published",
                "published_confidence", "page_dates", "dateline", "ingested_at"):
        if doc.get(key) not in (None, [], ""):
            table.add_row(key, rtl(str(doc[key])))
    out.print(table)
    for e in doc.get("events", []):
        out.print(f"[bold]event[/bold] {e['event_date'] or '—'} {e['sub_event_type']} @ {rtl(e['location'] or '?')}"
                  f"  actor1 {rtl(e['actor1'] or '—')}  dead {e['fatalities'] or 0}  claimed by {rtl(e['claimed_by'] or '—')}")
    for q in doc.get("quotes", []):
        out.print(f"[bold]quote[/bold] {rtl(q['speaker_canonical'] or '?')} ({q['kind']}, {q['channel'] or '—'}): "
                  f"{rtl(q['text'][:90])}")
    if doc.get("text"):
        out.print()
        out.print(rtl(doc["text"]), markup=False)


@app.command()
def entities(kind: Annotated[Optional[str], typer.Option("--type", help="PER, ORG, LOC or MISC.")] = None,
             limit: Annotated[int, typer.Option(help="Most actors to list.")] = 30,
             db: DbOption = Path(DEFAULT_DB),
             as_json: Annotated[bool, typer.Option("--json")] = False):
    """Actors across the corpus: canonical name, type, mentions, documents and aliases.

    Example: [bold]marsad entities --type PER --limit 10[/bold]
    """
    with _store(db) as store:
        rows = store.actors(kind.upper() if kind else None, limit)
    if _json_lines(rows, as_json, "no actor"):
        return
    table = Table("type", "actor", "mentions", "docs", "aliases")
    for r in rows:
        table.add_row(r["type"], rtl(r["name"]), str(r["mentions"]), str(r["documents"]),
                      rtl("، ".join(r["aliases"][:4])))
    out.print(table)


@app.command()
def quotes(speaker: Annotated[Optional[str], typer.Option(help="Speaker, by any alias (المسماري).")] = None,
           about: Annotated[Optional[str], typer.Option(help="Words the quote must contain (سرت).")] = None,
           limit: Annotated[int, typer.Option(help="Most quotes to show.")] = 20,
           db: DbOption = Path(DEFAULT_DB),
           as_json: Annotated[bool, typer.Option("--json")] = False):
    """Who said what: stored quotes, newest article first, with the article and evidence span.

    Example: [bold]marsad quotes --speaker "أحمد المسماري" --about سرت[/bold]
    """
    with _store(db) as store:
        rows = store.quotes(speaker, about, limit)
    if _json_lines(rows, as_json, "no quote"):
        return
    for r in rows:
        out.print(f"[bold cyan]{r['doc_id']}[/bold cyan] [{r['start']}:{r['end']}]  {r['published'] or '—'}  "
                  f"{r['kind']} · {r['channel'] or '—'}  {rtl(r['speaker_canonical'] or '')} ({rtl(r['cue'])})")
        out.print(Text(rtl("«" + r["text"] + "»"), style="green"))
        out.print()


@app.command()
def events(kind: Annotated[Optional[str], typer.Option("--type", help="Event type or sub-type (Battles, Air/drone strike).")] = None,
           actor: Annotated[Optional[str], typer.Option(help="Words in actor1/actor2 (الحوثي).")] = None,
           place: Annotated[Optional[str], typer.Option(help="Words in location/admin1/country (درنة، Libya).")] = None,
           since: Annotated[Optional[str], typer.Option(help="Only events on or after this date (YYYY-MM-DD).")] = None,
           limit: Annotated[int, typer.Option(help="Most events to list.")] = 30,
           db: DbOption = Path(DEFAULT_DB),
           as_json: Annotated[bool, typer.Option("--json")] = False):
    """Stored events, newest first; one row per story, type, place and day, with its sources.

    Example: [bold]marsad events --type Battles --place طرابلس --since 2019-04-01[/bold]
    """
    with _store(db) as store:
        rows = store.events(type=kind, actor=actor, place=place, since=since, limit=limit)
    if _json_lines(rows, as_json, "no event"):
        return
    table = Table("date", "type", "location", "actor1", "actor2", "dead", "claimed by", "sources")
    for r in rows:
        table.add_row(r.get("event_date") or rtl(r.get("date_text") or "—"), r["sub_event_type"],
                      rtl(f"{r.get('location') or ''} ({r.get('admin1') or r.get('country') or '?'})"),
                      rtl(r.get("actor1") or ""), rtl(r.get("actor2") or ""), str(r.get("fatalities") or ""),
                      rtl(r.get("claimed_by") or ""), str(len(r["sources"])))
    out.print(table)


@app.command()
def export(fmt: Annotated[str, typer.Option("--format", help="acled-csv, jsonl, geojson or parquet.")] = "acled-csv",
           output: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: stdout).")] = None,
           kind: Annotated[Optional[str], typer.Option("--type", help="Only this event type or sub-type.")] = None,
           since: Annotated[Optional[str], typer.Option(help="Only events on or after this date.")] = None,
           db: DbOption = Path(DEFAULT_DB)):
    """Export stored events: ACLED's 31 columns (CSV, Parquet), JSONL, or GeoJSON for QGIS/geojson.io.

    Example: [bold]marsad export --format acled-csv -o events.csv[/bold]
    """
    from marsad.store.export import FORMATS, write

    if fmt not in FORMATS:
        raise typer.BadParameter(f"one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("Parquet is binary: give --out FILE", param_hint="--out")
    with _store(db) as store:
        rows = store.events(type=kind, since=since)
    if output is None:
        n = write(rows, fmt, sys.stdout)
    else:
        with open(output, "wb" if fmt == "parquet" else "w", **({} if fmt == "parquet" else
                                                                {"encoding": "utf-8", "newline": ""})) as f:
            n = write(rows, fmt, f)
    err.print(f"exported {n} events ({fmt})")


@app.command()
def stats(db: DbOption = Path(DEFAULT_DB),
          as_json: Annotated[bool, typer.Option("--json")] = False):
    """Counts: documents by status, annotations, outlets, date range, rejection reasons."""
    with _store(db) as store:
        s = store.stats()
    if as_json:
        out.print(json.dumps(s, ensure_ascii=False), markup=False)
        return
    out.print(f"documents {s['documents']}: {s['ok']} ok, {s['rejected']} rejected  (schema v{s['schema_version']})")
    out.print(f"entities {s['entities']} ({s['actors']} actors) · quotes {s['quotes']} · events {s['events']} "
              f"· stories {s['stories']}")
    lo, hi = s["published"]
    out.print(f"published {lo or '—'} … {hi or '—'}")
    for name, n in s["outlets"]:
        out.print(f"  {n:>5}  {rtl(name)}", markup=False)
    for reason, n in s["rejections"]:
        out.print(f"  rejected {n:>4}× {reason}", markup=False)


@app.command()
def ner(conll: Annotated[Path, typer.Option("--conll", help="CoNLL input: token in column 1, blank line between sentences.")],
        model: Annotated[Optional[str], typer.Option(help="neural (the shipped ensemble, default), crf (the shipped CRF the article pipeline uses), or a model file (.crfsuite or .npz).")] = None):
    """Tag a CoNLL file: each line gets the predicted BIO tag (B-PER, I-ORG, O …) appended.

    Example: [bold]marsad ner --conll test.txt > pred.txt[/bold]
    """
    from marsad.ner.tagging import tag_conll

    with open(conll, encoding="utf-8") as f:
        for line in tag_conll(f, model):
            sys.stdout.write(line + "\n")


@app.command("train-ner")
def train_ner(data: Annotated[Path, typer.Argument(help="ANERcorp-style training file (token TAG per line).")],
              model_out: Annotated[Path, typer.Option("--out", help="Where to write the model.")]
              = Path("marsad/data/ner.crfsuite"),
              dev: Annotated[float, typer.Option(help="Share of sentences held out (from the end) for dev F1; 0 trains on all.")] = 0.1,
              engine: Annotated[str, typer.Option(help="crf, or neural (char-CNN + BiLSTM + CRF; needs torch: the 'train' extra; write to an .npz).")] = "crf",
              epochs: Annotated[Optional[int], typer.Option(help="Neural: training epochs (default train_tagger.HYPER).")] = None,
              seed: Annotated[int, typer.Option(help="Neural: random seed (of the first member).")] = 1,
              members: Annotated[int, typer.Option(help="Neural: models trained from seeds seed, seed+1, … and shipped as one averaged ensemble.")] = 1,
              average_from: Annotated[int, typer.Option(help="Neural: ship the mean of the weights after each epoch from this one on (0: the best dev epoch).")] = 0,
              hidden: Annotated[Optional[int], typer.Option(help="Neural: LSTM size per direction (default train_tagger.HYPER).")] = None):
    """Train the NER model reproducibly (features in marsad/ner.py).

    Example: [bold]marsad train-ner ../shared/data/anercorp/train.txt[/bold]
    """
    log = lambda msg: err.print(msg)    # noqa: E731
    if engine == "crf":
        from marsad.ner.train_crf import train

        result = train(data, model_out, dev, log=log)
    elif engine == "neural":
        from marsad.ner.train_neural import train as train_neural
        from marsad.ner.train_neural import train_ensemble

        hyper = {k: v for k, v in (("epochs", epochs), ("average_from", average_from), ("hidden", hidden)) if v}
        if members > 1:
            result = train_ensemble(data, model_out, dev, hyper, tuple(range(seed, seed + members)), log=log)
        else:
            result = train_neural(data, model_out, dev, hyper, seed, log=log)
    else:
        raise typer.BadParameter("engine must be 'neural' or 'crf'")
    out.print(json.dumps(result), markup=False)


@app.command()
def bench(corpus: Annotated[Path, typer.Option(help="Sample corpus the synthetic articles are built from.")]
          = Path("examples/corpus"),
          n: Annotated[int, typer.Option("-n", help="Synthetic articles to ingest.")] = 10_000,
          html_pages: Annotated[int, typer.Option(help="HTML pages for the trafilatura comparison.")] = 300,
          memory: Annotated[bool, typer.Option(help="Also measure peak memory at two corpus sizes.")] = True,
          dedup: Annotated[int, typer.Option(help="Also time story clustering at N and N/10 articles (e.g. 100000).")] = 0):
    """Throughput and memory as ratios against peers measured in the same run (JSON on stdout)."""
    from marsad.bench import run

    out.print(json.dumps(run(corpus, n, html_pages, memory, dedup), ensure_ascii=False, indent=1), markup=False)


def main() -> Optional[int]:  # pragma: no cover - console entry point
    return app()
