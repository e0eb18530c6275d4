"""The `marsad` command, driven as a user would (typer's runner, same process)."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from marsad.cli import app
from tests.conftest import EXAMPLES, SEEDS

runner = CliRunner()
CONTRACT_KEYS = {"doc_id", "source", "outlet", "title", "published", "published_confidence", "page_dates",
                 "text", "entities", "quotes", "events", "tolls"}


def test_extract_emits_contract_lines_for_the_seeds():
    result = runner.invoke(app, ["extract", str(SEEDS), "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5 and all(CONTRACT_KEYS <= set(r) for r in rows)
    by_id = {r["doc_id"]: r for r in rows}
    assert by_id["001_398c6094c00d115c"]["outlet"] == "الرئيس نيوز"
    assert by_id["004_a524392b78519f2b"]["outlet"] == "الرأي برس"
    for doc_id in ("001_398c6094c00d115c", "004_a524392b78519f2b"):
        assert by_id[doc_id]["published"] is None or by_id[doc_id]["published_confidence"] == "low"


def test_extract_reports_bad_input_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text("اندلعت اشتباكات عنيفة في محيط مدينة الحديدة صباح اليوم بين القوات الحكومية "
                                    "ومسلحي الحوثي، وفق مصادر محلية.", "utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[1] == {"doc_id": "b", "source": str(tmp_path / "b.txt"), "error": "empty file"}
    assert "rejected b" in result.stderr and rows[0]["text"].startswith("اندلعت")


def test_ingest_search_show_stats(tmp_path):
    db = str(tmp_path / "m.db")
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", db])
    assert result.exit_code == 0 and "5 ok" in result.stdout
    result = runner.invoke(app, ["search", "احمد المسماري", "--db", db])
    assert result.exit_code == 0
    for doc_id in ("000_21a362b9bfaece20", "001_398c6094c00d115c", "002_a1b4712b8edb0c28", "003_cf72655655ca3791"):
        assert doc_id in result.stdout
    shown = runner.invoke(app, ["show", "001_398c6094c00d115c", "--db", db])
    assert shown.exit_code == 0 and "الرئيس نيوز" in shown.stdout
    stats = runner.invoke(app, ["stats", "--db", db, "--json"])
    assert json.loads(stats.stdout)["ok"] == 5
    assert runner.invoke(app, ["show", "nope", "--db", db]).exit_code == 1


def test_db_from_environment_and_strict_mode(tmp_path):
    db = tmp_path / "env.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--strict"], env={"MARSAD_DB": str(db)})
    assert db.exists()
    assert result.exit_code == 1                     # the sample corpus holds bad inputs on purpose
    assert "rejected" in result.stderr and "empty file" in result.stderr
    assert "4 rejected" in result.stdout


def test_sample_corpus_covers_every_format():
    kinds = {p.suffix for p in EXAMPLES.rglob("*") if p.is_file()}
    assert {".txt", ".html", ".jsonl", ".gz", ".xml"} <= kinds


# --- examples: the README's and each command's --help, run on the sample corpus ---------------------
import os
import re
import shlex

import pytest
import typer

from tests.conftest import ROOT

# minutes, files outside the repository, (serve) never ends, or (spark) a JVM: tests/test_spark.py runs it
SLOW = {"bench", "ner", "train-ner", "serve", "spark"}


def _readme_commands() -> list[list[str]]:
    """Every `marsad …` command in README.md's code blocks (also after `$ ` and between `&&`)."""
    text = (ROOT / "README.md").read_text("utf-8")
    out = []
    for block in re.findall(r"```(?:bash|console|sh)\n(.*?)```", text, re.DOTALL):
        for line in block.splitlines():
            for part in line.removeprefix("$ ").split("&&"):
                if part.strip().startswith("marsad "):
                    out.append(shlex.split(part, comments=True)[1:])
    # a command that reads a shell variable ("$url": a PostgreSQL server's) is run by test_postgres.py
    return [c for c in out if c[0] not in SLOW and not any("$" in a for a in c)]


def _help_examples() -> list[list[str]]:
    group = typer.main.get_command(app)
    out = []
    for name, command in group.commands.items():
        found = re.search(r"Example: \[bold\]marsad (.*?)\[/bold\]", command.help or "")
        if name not in SLOW and found:
            out.append(shlex.split(found.group(1).split(" > ")[0]))
    return out


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "-q"]).exit_code == 0
    return db


@pytest.mark.parametrize("args", _readme_commands() + _help_examples(), ids=" ".join)
def test_documented_examples_print_rows_on_the_sample_corpus(args, sample_db, tmp_path, monkeypatch):
    (tmp_path / "examples").symlink_to(ROOT / "examples")      # the examples' relative paths
    db = tmp_path / "marsad.db"
    db.write_bytes(sample_db.read_bytes())
    monkeypatch.chdir(tmp_path)
    before = set(os.listdir(tmp_path))
    result = runner.invoke(app, args, env={"MARSAD_DB": str(db)})
    assert result.exit_code == 0, result.stderr
    written = [tmp_path / f for f in set(os.listdir(tmp_path)) - before if not f.startswith("marsad.db")]
    assert result.stdout.strip() or any(f.stat().st_size for f in written), result.stderr


def test_search_operators(sample_db):
    def found(query):
        result = runner.invoke(app, ["search", query, "--json", "--limit", "50", "--db", str(sample_db)])
        assert result.exit_code == 0, result.stderr
        return {json.loads(line)["doc_id"] for line in result.stdout.splitlines()}

    houthi = found("الحوثي")
    assert found("الحوثي -تعز") == houthi - found("تعز") and found("الحوثي -تعز") < houthi
    assert found("درنة OR سنجار") == found("درنة") | found("سنجار")
    assert found("درنة سنجار") == found("درنة") & found("سنجار")
    phrase = found('"جماعة الحوثي"')
    assert phrase and phrase <= found("جماعة الحوثي") and phrase == found('«جماعه الحوثى»')
    assert found("الامم المتحدة") == found("الأمم المتحدة")       # normalisation inside the operators


def test_search_query_parsing():
    from marsad.store.terms import Term, parse_query

    q = parse_query('سرت OR "جماعة الحوثي" -تعز -"أمس الأحد" بنغازي')
    assert q.groups == [[Term(forms=("سرت",)), Term(phrase=("جماعه", "الحوثي"))],
                        [Term(forms=("بنغازي", "نغازي"))]]            # a word keeps its clitic forms
    assert q.excluded == [Term(forms=("تعز",)), Term(phrase=("امس", "الاحد"))] and not q.plain
    assert parse_query("احمد المسماري").plain and parse_query("or").groups == [[Term(forms=("or",))]]
    assert parse_query("OR سرت").groups == [[Term(forms=("سرت",))]]


def test_piped_tables_are_tab_separated_and_not_cut(sample_db):
    result = runner.invoke(app, ["events", "--db", str(sample_db)])
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["date", "type", "location", "actor1", "actor2", "dead", "claimed by", "sources"]
    assert all(len(line.split("\t")) == 8 for line in lines)
    assert "Shelling/artillery/missile attack" in result.stdout          # no column cut to fit 80


def test_search_takes_exclusions_without_a_double_dash(sample_db):
    result = runner.invoke(app, ["search", "الحوثي", "-تعز", "--json", "--db", str(sample_db)])
    assert result.exit_code == 0 and "report_02" not in result.stdout and "report_16" in result.stdout
    assert runner.invoke(app, ["search", "الحوثي", "--limt", "3", "--db", str(sample_db)]).exit_code == 2
    entities = runner.invoke(app, ["entities", "--db", str(sample_db)]).stdout.splitlines()
    assert entities[0] == "type\tactor\tmentions\tdocs\taliases" and len(entities) > 1


def test_one_blas_thread_is_set_before_numpy_loads():
    import subprocess
    import sys

    probe = "import os, marsad.cli as c; print(c.BLAS_THREAD_SET, os.environ.get('OPENBLAS_NUM_THREADS'))"
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                                            "MKL_NUM_THREADS")}
    def run(extra: dict) -> list[str]:
        return subprocess.run([sys.executable, "-c", probe], env={**env, "PYTHONPATH": str(ROOT), **extra},
                              cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()

    assert run({}) == ["True", "1"]
    assert run({"OMP_NUM_THREADS": "4"}) == ["False", "None"]       # the user's choice stands


def test_progress_on_a_terminal_leaves_stdout_to_the_data(tmp_path, monkeypatch):
    """A progress bar (stderr is a terminal) must not take over stdout (redirected to a file)."""
    import io

    from rich.console import Console

    import marsad.cli.models

    screen = io.StringIO()
    monkeypatch.setattr(marsad.cli.models, "err", Console(file=screen, force_terminal=True))
    (tmp_path / "in.txt").write_text("زار\nبغداد\n\nقال\n", "utf-8")
    result = runner.invoke(app, ["ner", "--conll", str(tmp_path / "in.txt"), "--model", "crf"])
    assert result.exit_code == 0 and result.stdout.splitlines()[0].startswith("زار ")
    assert "زار" not in screen.getvalue() and "ner" in screen.getvalue()
