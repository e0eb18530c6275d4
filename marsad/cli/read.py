"""Commands that read the stored corpus: search, entities, quotes, events, export.

None of them creates or changes the database (`open_read`).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text

from marsad.cli.common import (
    DbOption,
    JsonOption,
    SinceOption,
    app,
    err,
    json_lines,
    limit_option,
    open_read,
    out,
    print_table,
    query_text,
    writable_file,
)
from marsad.cli.errors import UserError
from marsad.display import bidi_mode, rtl
from marsad.store.export import EVENT_TYPES
from marsad.store.sqlite import DEFAULT_DB

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
PANEL = "Read the corpus"


def _entity_type(value: Optional[str]) -> Optional[str]:
    if value is None or value.upper() in ENTITY_TYPES:
        return value and value.upper()
    raise typer.BadParameter(f"{value!r} is not one of {', '.join(ENTITY_TYPES)}")


def _event_type(value: Optional[str]) -> Optional[str]:
    """ACLED's spelling of an event type or sub-type given in any letter case."""
    if value is None:
        return None
    names = [*EVENT_TYPES, *(s for subs in EVENT_TYPES.values() for s in subs)]
    found = next((n for n in names if n.lower() == value.strip().lower()), None)
    if found is None:
        raise typer.BadParameter(f"{value!r} is not an ACLED event type or sub-type "
                                 f"(types: {', '.join(EVENT_TYPES)}; sub-types e.g. Armed clash, Air/drone strike)")
    return found


EventTypeOption = Annotated[Optional[str], typer.Option(
    "--type", help="ACLED event type or sub-type (Battles, Air/drone strike), any case.", callback=_event_type)]
SEARCH_HELP = "\n\n".join([          # paragraphs: rich help keeps a docstring's line breaks
    "Ranked full-text search with highlighted snippets.",
    "Words: all must match; hamza, ta marbuta, alef maqsura, diacritics and clitics (و ف ب ل ك ال) are "
    "ignored. [bold]a OR b[/bold]: either (OR in capitals). [bold]-word[/bold]: leave out articles that "
    "contain it. [bold]\"two words\"[/bold] (or «…»): together, in this order; quote the whole query so "
    "that the shell keeps the quotes. Several arguments are one query.",
    "Example: [bold]marsad search '\"جماعة الحوثي\" -مأرب'[/bold]"])


def _query_words(words: list[str]) -> str:
    """The QUERY arguments as one query. Unknown options reach here (so `-word` needs no `--`);
    a `--word` is a mistyped option, not a search word."""
    typo = next((w for w in words if w.startswith("--")), None)
    if typo:
        raise typer.BadParameter(f"no such option: {typo}", param_hint="QUERY")
    return query_text(" ".join(words))


@app.command(help=SEARCH_HELP, rich_help_panel=PANEL, context_settings={"ignore_unknown_options": True})
def search(words: Annotated[list[str], typer.Argument(metavar="QUERY", show_default=False,
                                                      help="Arabic words, OR, -word, \"a phrase\".")],
           limit: Annotated[int, limit_option("hits")] = 10,
           db: DbOption = Path(DEFAULT_DB),
           as_json: JsonOption = False):
    from marsad.store.terms import parse_query

    query = _query_words(words)
    parsed = parse_query(query)
    if not parsed.groups:
        raise typer.BadParameter("-word only leaves articles out: give at least one word to find"
                                 if parsed.excluded else "no words to search for", param_hint="QUERY")
    with open_read(db) as store:
        hits = store.search(query, limit)
    if json_lines(hits, as_json, "no match"):
        return
    for h in hits:
        out.print(Text.assemble((h["doc_id"], "bold cyan"), f"  score {h['score']}  "
                                f"{h['published'] or '—'}  {rtl(h['outlet'] or '')}"))
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


@app.command(rich_help_panel=PANEL)
def entities(kind: Annotated[Optional[str], typer.Option("--type", help="PER, ORG, LOC or MISC.",
                                                          callback=_entity_type)] = None,
             limit: Annotated[int, limit_option("actors")] = 30,
             db: DbOption = Path(DEFAULT_DB),
             as_json: JsonOption = False):
    """Actors across the corpus: canonical name, type, mentions, documents and aliases.

    Example: [bold]marsad entities --type PER --limit 10[/bold]
    """
    with open_read(db) as store:
        rows = store.actors(kind, limit)
    if json_lines(rows, as_json, "no actor"):
        return
    print_table(["type", "actor", "mentions", "docs", "aliases"],
                [[r["type"], rtl(r["name"]), str(r["mentions"]), str(r["documents"]),
                  rtl("، ".join(r["aliases"][:4]))] for r in rows])


@app.command(rich_help_panel=PANEL)
def quotes(speaker: Annotated[Optional[str], typer.Option(help="Speaker, by any alias (الورفلي).",
                                                           callback=query_text)] = None,
           about: Annotated[Optional[str], typer.Option(help="Words the quote must contain (الطريق).",
                                                         callback=query_text)] = None,
           limit: Annotated[int, limit_option("quotes")] = 20,
           db: DbOption = Path(DEFAULT_DB),
           as_json: JsonOption = False):
    """Who said what: stored quotes, newest article first, with the article and evidence span.

    Example: [bold]marsad quotes --speaker الورفلي --about الطريق[/bold]
    """
    with open_read(db) as store:
        rows = store.quotes(speaker, about, limit)
    if json_lines(rows, as_json, "no quote"):
        return
    for r in rows:
        out.print(Text.assemble((r["doc_id"], "bold cyan"), f" [{r['start']}:{r['end']}]  {r['published'] or '—'}  "
                                f"{r['kind']} · {r['channel'] or '—'}  {rtl(r['speaker_canonical'] or '')} "
                                f"({rtl(r['cue'])})"))
        out.print(Text(rtl("«" + r["text"] + "»"), style="green"))
        out.print()


@app.command(rich_help_panel=PANEL)
def events(kind: EventTypeOption = None,
           actor: Annotated[Optional[str], typer.Option(help="Words in actor1/actor2 (الحوثي).",
                                                         callback=query_text)] = None,
           place: Annotated[Optional[str], typer.Option(help="Words in location/admin1/country (درنة, Libya).",
                                                         callback=query_text)] = None,
           since: SinceOption = None,
           limit: Annotated[int, limit_option("events")] = 30,
           db: DbOption = Path(DEFAULT_DB),
           as_json: JsonOption = False):
    """Stored events, newest first; one row per story, type, place and day, with its sources.

    Example: [bold]marsad events --type Battles --place ليبيا --since 2021-01-01[/bold]
    """
    with open_read(db) as store:
        rows = store.events(type=kind, actor=actor, place=place, since=since, limit=limit)
    if json_lines(rows, as_json, "no event"):
        return
    print_table(["date", "type", "location", "actor1", "actor2", "dead", "claimed by", "sources"],
                [[r.get("event_date") or rtl(r.get("date_text") or "—"), r["sub_event_type"],
                  rtl(f"{r.get('location') or ''} ({r.get('admin1') or r.get('country') or '?'})"),
                  rtl(r.get("actor1") or ""), rtl(r.get("actor2") or ""), str(r.get("fatalities") or ""),
                  rtl(r.get("claimed_by") or ""), str(len(r["sources"]))] for r in rows])


@app.command(rich_help_panel=PANEL)
def export(fmt: Annotated[str, typer.Option("--format", help="acled-csv, jsonl, geojson or parquet.")] = "acled-csv",
           output: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: stdout).")] = None,
           kind: EventTypeOption = None,
           since: SinceOption = None,
           db: DbOption = Path(DEFAULT_DB)):
    """Export stored events: ACLED's 31 columns (CSV, Parquet), JSONL, or GeoJSON for QGIS/geojson.io.

    ACLED needs a date: an undated event gets its sources' publication date, time_precision 2, a note.

    GeoJSON leaves out events without coordinates, and says how many.

    Example: [bold]marsad export --format acled-csv -o events.csv[/bold]
    """
    from marsad.store.export import FORMATS, acled_date, write

    if fmt not in FORMATS:
        raise typer.BadParameter(f"one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "parquet":
        if output is None:
            raise typer.BadParameter("Parquet is binary: give --out FILE", param_hint="--out")
        try:
            import pyarrow.parquet  # noqa: F401 (checked before any work, so no empty file is left)
        except ImportError as e:
            raise UserError("Parquet export needs pyarrow: pip install 'marsad[parquet]'") from e
    if output is not None:
        writable_file(output)
    with open_read(db) as store:
        rows = store.events(type=kind, since=since)
    if output is None:
        n = write(rows, fmt, sys.stdout)
    else:
        binary = fmt == "parquet"
        try:
            with open(output, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as f:
                n = write(rows, fmt, f)
        except OSError as e:            # read-only file, full disk: the write or the final flush
            raise UserError(f"cannot write {output}: {e.strerror or e}") from e
    notes = [f"{len(rows) - n} without coordinates left out"] if n < len(rows) else []
    if fmt in ("acled-csv", "parquet"):
        undated = sum(1 for r in rows if not acled_date(r)[0])
        notes += [f"{undated} without any date: see notes"] if undated else []
    err.print(Text(f"exported {n} events ({'; '.join([fmt, *notes])})"))
