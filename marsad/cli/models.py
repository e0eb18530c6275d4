"""Commands about the NER models and speed: ner, train-ner, bench."""
from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Optional

import typer
from rich.text import Text

from marsad.cli.common import app, err, writable_file
from marsad.cli.errors import UserError

SHIPPED_MODELS = ("neural", "crf")
NEURAL_OUT, CRF_OUT = "ner-neural.npz", "ner.crfsuite"    # defaults in the current folder, never the package's

PANEL = "NER models and speed"


def _progress(label: str, total: Optional[float] = None):
    """A progress bar on stderr when it is a terminal (silent in pipes and logs)."""
    from rich.progress import (
        BarColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = [SpinnerColumn(), TextColumn(f"[bold]{label}"), BarColumn(),
               TextColumn("{task.percentage:>3.0f}%" if total else ""), TimeElapsedColumn()]
    # redirect_stdout=False: rich would otherwise send the tagged lines to the terminal, not to `> OUT`
    return Progress(*columns, console=err, disable=not err.is_terminal, transient=True,
                    redirect_stdout=False, redirect_stderr=False)


def _text_lines(f: IO[bytes], name: str) -> Iterator[str]:
    """Lines of a UTF-8 text stream; a binary or non-UTF-8 input stops with the line it failed on."""
    for n, raw in enumerate(f, 1):
        if b"\x00" in raw:
            raise UserError(f"{name} is a binary file, not CoNLL text (NUL byte on line {n})")
        try:
            yield raw.decode("utf-8-sig" if n == 1 else "utf-8").rstrip("\r\n")
        except UnicodeDecodeError as e:
            raise UserError(f"{name} is not UTF-8 text (line {n}, byte {e.start + 1})") from e


def _conll_path(value: Path) -> Path:
    if str(value) != "-" and not value.is_file():
        raise typer.BadParameter(f"{value} is a folder" if value.is_dir() else f"{value} does not exist")
    return value


def _check_conll(path: Path) -> int:
    """Read the whole file once before tagging, so bad input fails before any output; its size."""
    with open(path, "rb") as f:
        if b"\x00" in f.read(8192):         # image, archive, model file: say so, not "not UTF-8"
            raise UserError(f"{path} is a binary file, not CoNLL text")
        f.seek(0)
        for _ in _text_lines(f, str(path)):
            pass
    return path.stat().st_size


def _model_choice(model: Optional[str]) -> Optional[str]:
    """--model (or $MARSAD_NER_MODEL): a shipped name or an existing model file."""
    chosen = model or os.environ.get("MARSAD_NER_MODEL")
    if chosen and chosen not in SHIPPED_MODELS:
        where = "--model" if model else "MARSAD_NER_MODEL"
        if not Path(chosen).is_file():
            raise typer.BadParameter(f"{chosen!r} is neither neural, crf nor a model file", param_hint=where)
        if not chosen.endswith((".npz", ".crfsuite")):
            raise typer.BadParameter(f"{chosen!r}: a model file ends in .npz (neural) or .crfsuite (CRF)",
                                     param_hint=where)
    return model


@app.command(rich_help_panel=PANEL)
def ner(conll: Annotated[Path, typer.Option(
            "--conll", callback=_conll_path,
            help="CoNLL input: token in column 1, blank line between sentences; - reads stdin.")],
        model: Annotated[Optional[str], typer.Option(
            help="neural (the shipped ensemble, default), crf (the shipped CRF the article pipeline uses), "
                 "or a model file (.crfsuite or .npz).")] = None):
    """Tag a CoNLL file: each line gets the predicted BIO tag (B-PER, I-ORG, O …) appended.

    Example: [bold]marsad ner --conll test.txt > pred.txt[/bold]
    """
    from marsad.ner.tagging import CONLL_MODEL, tag_conll, tag_many

    model = _model_choice(model)
    try:                                # load the model first: a bad file is named as such
        tag_many([["نص"]], model or os.environ.get("MARSAD_NER_MODEL") or CONLL_MODEL)
    except (OSError, ValueError, KeyError, EOFError) as e:
        raise UserError(f"cannot load the NER model {model or os.environ.get('MARSAD_NER_MODEL')}: "
                        f"{type(e).__name__}: {e}") from e
    stdin = str(conll) == "-"
    total = None if stdin else _check_conll(conll)
    with (sys.stdin.buffer if stdin else open(conll, "rb")) as f, _progress("ner", total) as bar:
        task = bar.add_task("ner", total=total)

        def lines() -> Iterator[str]:
            for line in _text_lines(f, "standard input" if stdin else str(conll)):
                bar.advance(task, len(line.encode("utf-8")) + 1)
                yield line

        for line in tag_conll(lines(), model):
            sys.stdout.write(line + "\n")


@app.command("train-ner", rich_help_panel=PANEL)
def train_ner(data: Annotated[Path, typer.Argument(help="ANERcorp-style training file (token TAG per line).",
                                                   exists=True, dir_okay=False)],
              model_out: Annotated[Optional[Path], typer.Option(
                  "--out", help=f"Where to write the model (default ./{CRF_OUT}, or ./{NEURAL_OUT} for neural).")]
              = None,
              dev: Annotated[float, typer.Option(
                  help="Share of sentences held out (from the end) for dev F1; 0 trains on all.", min=0.0, max=0.9)]
              = 0.1,
              engine: Annotated[str, typer.Option(
                  help="crf, or neural (char-CNN + BiLSTM + CRF; needs torch: the 'train' extra; writes an .npz).")]
              = "crf",
              epochs: Annotated[Optional[int], typer.Option(help="Neural: training epochs (default train_neural.HYPER).",
                                                            min=1)] = None,
              seed: Annotated[int, typer.Option(help="Neural: random seed (of the first member).")] = 1,
              members: Annotated[int, typer.Option(help="Neural: models trained from seeds seed, seed+1, … and "
                                                        "shipped as one averaged ensemble.", min=1)] = 1,
              average_from: Annotated[int, typer.Option(help="Neural: ship the mean of the weights after each epoch "
                                                             "from this one on (0: the best dev epoch).", min=0)] = 0,
              hidden: Annotated[Optional[int], typer.Option(help="Neural: LSTM size per direction "
                                                                 "(default train_neural.HYPER).", min=1)] = None):
    """Train an NER model reproducibly (features in marsad/ner/features.py).

    The shipped models in the package are never overwritten unless --out names them.

    Example: [bold]marsad train-ner ../shared/data/anercorp/train.txt --out my-ner.crfsuite[/bold]
    """
    if engine not in ("crf", "neural"):
        raise typer.BadParameter(f"{engine!r} is not crf or neural", param_hint="--engine")
    if engine == "neural" and importlib.util.find_spec("torch") is None:
        raise UserError("--engine neural needs torch: pip install 'marsad[train]'")
    model_out = model_out or Path(NEURAL_OUT if engine == "neural" else CRF_OUT)
    writable_file(model_out)

    def log(msg) -> None:
        err.print(Text(str(msg)))

    if engine == "crf":
        from marsad.ner.train_crf import train

        result = train(data, model_out, dev, log=log)
    else:
        from marsad.ner.train_neural import train as train_neural
        from marsad.ner.train_neural import train_ensemble

        hyper = {k: v for k, v in (("epochs", epochs), ("average_from", average_from), ("hidden", hidden)) if v}
        if members > 1:
            result = train_ensemble(data, model_out, dev, hyper, tuple(range(seed, seed + members)), log=log)
        else:
            result = train_neural(data, model_out, dev, hyper, seed, log=log)
    sys.stdout.write(json.dumps(result) + "\n")


@app.command(rich_help_panel=PANEL)
def bench(corpus: Annotated[Path, typer.Option(help="Sample corpus the synthetic articles are built from "
                                                    "(not needed with --api).")] = Path("examples/corpus"),
          n: Annotated[int, typer.Option("-n", help="Synthetic articles to ingest.", min=1)] = 10_000,
          html_pages: Annotated[int, typer.Option(help="HTML pages for the trafilatura comparison.", min=1)] = 300,
          memory: Annotated[bool, typer.Option(help="Also measure peak memory at two corpus sizes.")] = True,
          dedup: Annotated[int, typer.Option(help="Also time story clustering at N and N/10 articles "
                                                  "(e.g. 100000; 0: not at all).", min=0)] = 0,
          api: Annotated[bool, typer.Option(
              "--api", help="Only the HTTP API's load test: /api/events on 10,000 synthetic events vs a static "
                            "file, one server core.")] = False,
          requests: Annotated[int, typer.Option(help="--api: requests per run (each run also stops after "
                                                     "--seconds).", min=100)] = 5000,
          seconds: Annotated[float, typer.Option(help="--api: longest time per run.", min=1.0)] = 15.0,
          store: Annotated[Optional[str], typer.Option(
              "--store", metavar="URL", help="Only the two stores side by side: ingest and full-text search in "
                                             "SQLite vs the PostgreSQL database at URL (scripts/start-postgres).")] = None,
          store_sizes: Annotated[str, typer.Option(
              help="--store: synthetic articles per search store, comma-separated (1000000: ~40 min).")] = "100000",
          spark: Annotated[bool, typer.Option(
              "--spark", help="Only the Spark job: local[2] vs local[1] and vs marsad extract on -n synthetic "
                              "articles (-n 20000: most of an hour on 2 cores).")] = False):
    """Throughput and memory as ratios against peers measured in the same run (JSON on stdout).

    --api: only the HTTP API under load, next to a static file served by the same server (a minute).
    --store URL: only SQLite vs PostgreSQL: ingest, and search latency and memory at --store-sizes.
    --spark: only the Spark job (marsad spark) at local[1] and local[2], beside marsad extract.

    Example: [bold]marsad bench -n 2000[/bold]
    """
    if api:
        if importlib.util.find_spec("httpx") is None:
            raise UserError("bench --api needs httpx (its client): pip install httpx, or 'marsad[test]'")
        from marsad.bench import bench_api

        with _progress("bench --api: 3 runs (about a minute)") as bar:
            bar.add_task("bench", total=None)
            result = bench_api(None, requests, seconds)
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        return
    if spark:
        from marsad.scale.bench import run as bench_spark
        from marsad.scale.session import SparkUnavailable, check_runtime

        try:
            check_runtime()
        except SparkUnavailable as e:
            raise UserError(str(e)) from e

        with _progress(f"bench --spark: {n} articles, 5 runs (minutes)") as bar:
            bar.add_task("bench", total=None)
            result = bench_spark(n, growth=memory)
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        return
    if store is not None:
        _bench_store(corpus, store, n, store_sizes)
        return
    if not corpus.exists():         # checked here, not by the option: --api needs no corpus
        raise typer.BadParameter(f"path '{corpus}' does not exist.", param_hint="--corpus")
    if 0 < dedup < 10:
        raise typer.BadParameter("0 (no dedup timing) or at least 10 (timed at N and N/10)", param_hint="--dedup")
    from marsad.bench import run

    with _progress(f"bench: {n} articles (minutes)") as bar:   # bench.run reports no stages yet
        bar.add_task("bench", total=None)
        result = run(corpus, n, html_pages, memory, dedup)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")


def _bench_store(corpus: Path, url: str, n: int, sizes: str) -> None:
    """`marsad bench --store URL`: marsad/bench_store.py, JSON on stdout."""
    from marsad.cli.common import db_target

    if not isinstance(db_target(url), str):
        raise typer.BadParameter("a postgresql:// URL (see scripts/start-postgres)", param_hint="--store")
    try:
        counts = tuple(int(x) for x in sizes.split(","))
    except ValueError:
        raise typer.BadParameter(f"numbers separated by commas, not {sizes!r}", param_hint="--store-sizes") from None
    from marsad.bench_store import run_store

    with _progress(f"bench --store: {min(n, 2000)} articles ingested, search at {sizes} (minutes)") as bar:
        bar.add_task("bench", total=None)
        result = run_store(corpus, url, min(n, 2000), counts)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
