"""What every `marsad` command shares: the app, its two consoles, the common options and checks,
and opening the database for reading or writing.

Output rules: data goes to stdout, messages to stderr; text from articles is never read as rich
markup or emoji codes; tables are drawn only on a terminal (piped, they are tab-separated lines:
a drawn table would be cut to 80 columns, and TSV is what cut, awk and spreadsheets read).
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.cli.errors import MarsadGroup, UserError, sqlite_problem
from marsad.store.sqlite import DEFAULT_DB, MIGRATIONS

app = typer.Typer(cls=MarsadGroup, add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  pretty_exceptions_enable=False,
                  help="marsad (مرصد): Arabic conflict news → searchable, auditable events.")
out = Console(highlight=False, soft_wrap=True, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

MAX_LIMIT = 10_000           # rows a listing may ask for; beyond this use export
MAX_QUERY_CHARS = 500        # a search is words, not a document: longer input is a mistake


def db_target(value: str | Path) -> Path | str:
    """An SQLite file's Path, or a PostgreSQL URL as given (a Path would fold its `//`)."""
    from marsad.store.open import StoreUnavailable, check_url, is_url

    if is_url(str(value)):
        try:
            return check_url(str(value))
        except StoreUnavailable as e:
            raise typer.BadParameter(str(e)) from e
    value = Path(value)
    if value.is_dir():
        raise typer.BadParameter(f"{value} is a folder; give a database file (e.g. {value / DEFAULT_DB})")
    return value


def _since(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise typer.BadParameter(f"not a date (YYYY-MM-DD): {value!r}")


def query_text(value: Optional[str]) -> Optional[str]:
    """A search phrase: bounded, so a pasted article does not become a 10,000-term query."""
    if value is not None and len(value) > MAX_QUERY_CHARS:
        raise typer.BadParameter(f"at most {MAX_QUERY_CHARS} characters ({len(value)} given)")
    return value


DbOption = Annotated[str, typer.Option("--db", envvar="MARSAD_DB", help="SQLite database file or postgresql:// URL.",
                                        show_default=True, callback=db_target)]
Paths = Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).", exists=True)]
GazetteerOption = Annotated[Optional[list[Path]], typer.Option(
    "--gazetteer", exists=True, dir_okay=False,
    help="Extra gazetteer: OSM-style JSON or TSV/CSV (name, latitude, longitude[, country, admin1]).")]
ActorsOption = Annotated[Optional[list[Path]], typer.Option(
    "--actors", exists=True, dir_okay=False,
    help="Extra actor dictionary: TSV in marsad/data/actors.tsv's columns (id, name, name_en, aliases, "
         "country, kind, inter, affiliation); a known id replaces the shipped actor. Also $MARSAD_ACTORS.")]
SinceOption = Annotated[Optional[str], typer.Option(
    help="Only events on or after this date (YYYY-MM-DD).", callback=_since)]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON lines instead of text.")]


def limit_option(what: str):
    return typer.Option(help=f"Most {what} to show (1–{MAX_LIMIT}).", min=1, max=MAX_LIMIT)


def gazetteers(paths: Optional[list[Path]]) -> None:
    """Load --gazetteer files (and check MARSAD_GAZETTEER's, which the pipeline loads itself)."""
    from marsad.extraction.geo import load_gazetteer

    for p in filter(None, os.environ.get("MARSAD_GAZETTEER", "").split(os.pathsep)):
        if not Path(p).is_file():
            raise UserError(f"MARSAD_GAZETTEER names {p}, which is not a file")
    for p in paths or []:
        try:
            n = load_gazetteer(p)
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as e:
            raise UserError(f"gazetteer {p}: not an OSM-style JSON or a name/latitude/longitude table "
                            f"({type(e).__name__}: {e})") from e
        err.print(Text(f"gazetteer {p}: {n} place names added"))


def actor_files(paths: Optional[list[Path]]) -> None:
    """Load --actors files (and check that $MARSAD_ACTORS names readable ones) before any article."""
    from marsad.text.actor_dictionary import ActorFileError, actors, add_user_file

    try:
        actors()                                # the shipped dictionary and $MARSAD_ACTORS' files
        for p in paths or []:
            err.print(Text(f"actors {p}: {add_user_file(p)} actors added"))
    except ActorFileError as e:
        raise UserError(str(e)) from e


def json_lines(rows: list[dict], as_json: bool, empty: str) -> bool:
    """Print `rows` as JSON lines when asked (True: done); exit 1 saying `empty` when there are none."""
    if as_json:
        sys.stdout.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        return True
    if not rows:
        err.print(Text(empty))
        raise typer.Exit(1)
    return False


def _cell(value: object) -> str:
    return " ".join(str(value).split())        # no tab or newline may break a TSV row


def print_table(headers: Optional[list[str]], rows: list[list[str]], **style) -> None:
    """A rich table on a terminal; tab-separated lines (header first) when piped."""
    if out.is_terminal:
        table = Table(*(headers or []), show_header=headers is not None, **style)
        for r in rows:
            table.add_row(*(Text(c) for c in r))   # Text: article words are never markup
        out.print(table)
    else:
        lines = ([headers] if headers else []) + rows
        sys.stdout.write("".join("\t".join(_cell(c) for c in r) + "\n" for r in lines))


def _check_version(version: int, where: str, empty: str) -> bool:
    """Refuse a schema this marsad cannot read (`empty` words a store with none); True when it is
    older than this marsad's and must be upgraded once before reading, as every version did."""
    if version == 0:
        raise UserError(empty)
    if version > len(MIGRATIONS):
        raise UserError(f"{where} was written by a newer marsad (schema v{version}; this one reads "
                        f"up to v{len(MIGRATIONS)})")
    return version < len(MIGRATIONS)


def _open_postgres(url: str, readonly: bool):
    """The PostgreSQL store at `url`; a server that cannot be reached is a bad --db (exit 2)."""
    from marsad.store.open import (
        StoreUnavailable,
        database_errors,
        first_line,
        open_store,
        schema_version,
    )
    from marsad.store.postgres import shown

    try:
        if not readonly:
            return open_store(url)
        if _check_version(schema_version(url), shown(url),
                          f"no marsad database at {shown(url)} (run marsad ingest --db URL first)"):
            open_store(url).close()
        return open_store(url, readonly=True)
    except StoreUnavailable as e:
        raise typer.BadParameter(str(e), param_hint="--db") from e
    except database_errors() as e:
        raise UserError(f"database {shown(url)}: {first_line(e)}") from e


def shown_db(db: Path | str) -> str:
    """The --db value for messages: a URL without its password."""
    from marsad.store.open import is_url

    if is_url(db):
        from marsad.store.postgres import shown
        return shown(db)
    return str(db)


def open_read(db: Path | str):
    """The store for a read command: opened read-only, never created, migrated only if it must be."""
    from marsad.store.open import is_url
    from marsad.store.sqlite import Store

    if is_url(db):
        return _open_postgres(db, readonly=True)
    from marsad.store.open import schema_version

    if not db.exists():
        raise UserError(f"no database at {db} (run marsad ingest first)")
    try:
        if _check_version(schema_version(db), str(db), f"{db} is an SQLite file but not a marsad database"):
            Store(db).close()
        return Store(db, readonly=True)
    except sqlite3.Error as e:
        raise UserError(sqlite_problem(db, e)) from e


def open_write(db: Path | str):
    """The store for ingest: created (with its folders) when missing."""
    from marsad.store.open import is_url
    from marsad.store.sqlite import Store

    if is_url(db):
        return _open_postgres(db, readonly=False)
    try:
        return Store(db)
    except sqlite3.Error as e:
        raise UserError(sqlite_problem(db, e)) from e
    except OSError as e:                # the folder could not be made
        raise UserError(f"cannot create the database {db}: {e.strerror or e}") from e


def writable_file(path: Path) -> None:
    """Fail before any work when `path` cannot be an output file."""
    if path.is_dir():
        raise UserError(f"cannot write {path}: it is a folder")
    if not path.parent.is_dir():
        raise UserError(f"cannot write {path}: the folder {path.parent} does not exist")

