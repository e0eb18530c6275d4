"""Every user error: one line on stderr, no traceback; exit 2 for usage errors, 1 for failures."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from tests.conftest import EXAMPLES, ROOT

runner = CliRunner()
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0      # root writes read-only files anyway
READ_COMMANDS = [["search", "الحوثي"], ["show", "report_00"], ["entities"], ["quotes"], ["events"],
                 ["export"], ["stats"]]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "-q"]).exit_code == 0
    return db


def run(args: list[str], code: int, *words: str, **kw):
    """Invoke marsad; check the exit code and that stderr is one line holding `words`."""
    result = runner.invoke(app, args, **kw)
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    assert isinstance(result.exception, (SystemExit, type(None))), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for w in words:
        assert w in lines[0], lines[0]
    return result


def shell(args: list, **kw) -> subprocess.CompletedProcess:
    """marsad in a child process (real argv bytes and file descriptors), this checkout's package."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **kw.pop("env", {})}
    program = "import sys; sys.argv[0] = 'marsad'; from marsad.cli import app; app()"
    return subprocess.run([sys.executable, "-c", program, *args], cwd=ROOT, env=env, check=False,
                          stderr=subprocess.PIPE, **{"stdout": subprocess.PIPE, **kw})


# --- export -o -----------------------------------------------------------------------------------
def test_export_into_a_missing_folder(sample_db, tmp_path):
    run(["export", "--db", str(sample_db), "-o", str(tmp_path / "no" / "e.csv")], 1, "does not exist")


def test_export_onto_a_folder(sample_db, tmp_path):
    run(["export", "--db", str(sample_db), "-o", str(tmp_path)], 1, "is a folder")


@pytest.mark.skipif(ROOT_USER, reason="root may write a read-only file")
def test_export_onto_a_read_only_file(sample_db, tmp_path):
    target = tmp_path / "e.csv"
    target.write_text("kept")
    target.chmod(0o444)
    run(["export", "--db", str(sample_db), "-o", str(target)], 1, "cannot write", "ermission denied")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_export_onto_a_full_device(sample_db):
    run(["export", "--db", str(sample_db), "-o", "/dev/full"], 1, "cannot write /dev/full", "No space left")
    with open("/dev/full", "w") as full:
        result = shell(["stats", "--db", str(sample_db)], stdout=full)
    assert result.returncode == 1 and b"No space left" in result.stderr and b"Traceback" not in result.stderr


def test_parquet_without_pyarrow_says_what_to_install(sample_db, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)         # import pyarrow now fails
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    run(["export", "--db", str(sample_db), "--format", "parquet", "-o", str(tmp_path / "e.parquet")], 1,
        "pip install 'marsad[parquet]'")
    assert not (tmp_path / "e.parquet").exists()


# --- --db ----------------------------------------------------------------------------------------
def test_db_naming_a_folder(tmp_path):
    run(["stats", "--db", str(tmp_path)], 2, "--db", "is a folder")


def test_db_naming_a_file_that_is_not_sqlite(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database\n" * 100)
    run(["stats", "--db", str(bad)], 1, "not an SQLite database")
    run(["ingest", str(EXAMPLES / "txt"), "--db", str(bad)], 1, "not an SQLite database")


@pytest.mark.skipif(not Path("/proc/version").exists(), reason="needs /proc")
def test_db_in_a_place_that_cannot_be_written():
    run(["ingest", str(EXAMPLES / "txt"), "--db", "/proc/marsad-test.db", "-q"], 1, "cannot open the database")


@pytest.mark.skipif(ROOT_USER, reason="root may write a read-only file")
def test_read_only_database_is_read_but_not_written(sample_db, tmp_path):
    db = tmp_path / "ro.db"
    shutil.copy(sample_db, db)
    db.chmod(0o444)
    assert runner.invoke(app, ["stats", "--db", str(db)]).exit_code == 0
    run(["ingest", str(EXAMPLES / "txt"), "--db", str(db), "-q"], 1, "read-only")


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda a: a[0])
def test_read_commands_never_create_a_database(args, tmp_path):
    db = tmp_path / "new" / "m.db"
    run([*args, "--db", str(db)], 1, f"no database at {db} (run marsad ingest first)")
    assert not db.parent.exists()


def test_read_commands_leave_the_database_unchanged(sample_db):
    before = sample_db.read_bytes()
    for args in READ_COMMANDS:
        runner.invoke(app, [*args, "--db", str(sample_db)])
    assert sample_db.read_bytes() == before


# --- ner, train-ner, bench -------------------------------------------------------------------
def test_ner_input_errors(tmp_path):
    run(["ner", "--conll", str(tmp_path / "missing.txt")], 2, "--conll", "does not exist")
    (tmp_path / "b.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    run(["ner", "--conll", str(tmp_path / "b.bin"), "--model", "crf"], 1, "binary file")
    (tmp_path / "latin.txt").write_bytes("بغداد\n".encode("cp1256"))
    run(["ner", "--conll", str(tmp_path / "latin.txt"), "--model", "crf"], 1, "not UTF-8 text (line 1")


def test_ner_reads_stdin_with_a_dash(tmp_path):
    text = "زار\nكوفي\nعنان\nبغداد\n\nقال\nالرئيس\n"
    (tmp_path / "in.txt").write_text(text, "utf-8")
    piped = runner.invoke(app, ["ner", "--conll", "-", "--model", "crf"], input=text)
    from_file = runner.invoke(app, ["ner", "--conll", str(tmp_path / "in.txt"), "--model", "crf"])
    assert piped.exit_code == 0 and piped.stdout == from_file.stdout
    assert piped.stdout.splitlines()[0].startswith("زار ")


def test_ner_model_errors(tmp_path):
    conll = tmp_path / "in.txt"
    conll.write_text("بغداد\n", "utf-8")
    run(["ner", "--conll", str(conll), "--model", str(tmp_path / "none.npz")], 2, "--model", "neither")
    (tmp_path / "bad.crfsuite").write_bytes(b"not a model")
    run(["ner", "--conll", str(conll), "--model", str(tmp_path / "bad.crfsuite")], 1, "cannot load the NER model")


def test_train_ner_neural_without_torch(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)           # as if torch were not installed
    train = tmp_path / "train.txt"
    train.write_text("بغداد B-LOC\n", "utf-8")
    run(["train-ner", str(train), "--engine", "neural"], 1, "needs torch: pip install 'marsad[train]'")
    run(["train-ner", str(train), "--engine", "svm"], 2, "--engine")


def test_train_ner_writes_to_the_current_folder_by_default(tmp_path, monkeypatch):
    from importlib import resources

    shipped = resources.files("marsad.data").joinpath("ner.crfsuite").read_bytes()
    train = tmp_path / "train.txt"
    train.write_text("\n\n".join(["زار O\nكوفي B-PER\nعنان I-PER\nبغداد B-LOC", "قال O\nالجيش B-ORG"] * 5),
                     "utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["train-ner", str(train), "--dev", "0"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "ner.crfsuite").stat().st_size > 0
    assert resources.files("marsad.data").joinpath("ner.crfsuite").read_bytes() == shipped


@pytest.mark.parametrize("n", ["0", "-5"])
def test_bench_needs_at_least_one_article(n):
    run(["bench", "-n", n], 2, "-n")


# --- bounds and values ---------------------------------------------------------------------------
def test_limits_and_query_length_are_bounded(sample_db):
    run(["search", "الحوثي", "--limit", "99999999999999999999", "--db", str(sample_db)], 2, "--limit")
    run(["search", "الحوثي", "--limit", "0", "--db", str(sample_db)], 2, "--limit")
    run(["quotes", "--about", "ا" * 65_000, "--db", str(sample_db)], 2, "--about", "at most 500 characters")
    run(["search", "-الحوثي", "--db", str(sample_db)], 2, "QUERY", "at least one word")


def test_gazetteer_files(tmp_path):
    run(["ingest", str(EXAMPLES / "txt"), "--gazetteer", str(tmp_path / "none.tsv"),
         "--db", str(tmp_path / "m.db")], 2, "--gazetteer", "does not exist")
    (tmp_path / "bad.json").write_text("{not json", "utf-8")
    run(["extract", str(EXAMPLES / "txt" / "report_00.txt"), "--gazetteer", str(tmp_path / "bad.json")], 1,
        "gazetteer", "bad.json")


def test_arguments_that_are_not_utf8(sample_db):
    run(["search", "\udcff", "--db", str(sample_db)], 2, "argument 2 is not UTF-8")
    result = shell([b"search", b"\xff", b"--db", str(sample_db).encode()])
    assert result.returncode == 2 and result.stderr.count(b"\n") == 1 and b"not UTF-8" in result.stderr


@pytest.mark.parametrize("since", ["notadate", "2024-13-45", "-1", "2024-1-5"])
def test_since_must_be_a_date(sample_db, since):
    run(["events", "--since", since, "--db", str(sample_db)], 2, "--since: not a date (YYYY-MM-DD)")
    run(["export", "--since", since, "--db", str(sample_db)], 2, "--since: not a date (YYYY-MM-DD)")


def test_types_must_be_known(sample_db):
    run(["entities", "--type", "FOO", "--db", str(sample_db)], 2, "--type", "PER, ORG, LOC, MISC")
    run(["events", "--type", "Battle", "--db", str(sample_db)], 2, "--type", "Battles")
    assert runner.invoke(app, ["events", "--type", "air/drone strike", "--db", str(sample_db)]).exit_code == 0


def test_ingest_of_a_missing_path_stores_nothing(tmp_path):
    db = tmp_path / "m.db"
    run(["ingest", str(tmp_path / "nonexistent"), "--db", str(db)], 2, "does not exist")
    assert not db.exists()


def test_strict_rerun_still_fails_on_rejected_inputs(tmp_path):
    db = str(tmp_path / "m.db")
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--strict"]).exit_code == 1
    again = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--strict"])
    assert again.exit_code == 1 and "0 rejected" in again.stdout and "rejected before" in again.stdout
    assert runner.invoke(app, ["ingest", str(EXAMPLES / "txt"), "--db", db, "--strict"]).exit_code == 0


# --- silently wrong before -----------------------------------------------------------------------
def test_geojson_says_how_many_it_left_out(sample_db, tmp_path):
    out = tmp_path / "e.geojson"
    result = runner.invoke(app, ["export", "--format", "geojson", "-o", str(out), "--db", str(sample_db)])
    events = [json.loads(line) for line in runner.invoke(app, ["export", "--format", "jsonl", "--db",
                                                                 str(sample_db)]).stdout.splitlines()]
    placed = sum(1 for e in events if e.get("latitude") is not None and e.get("longitude") is not None)
    assert len(json.loads(out.read_text("utf-8"))["features"]) == placed < len(events)
    assert f"exported {placed} events" in result.stderr
    assert f"{len(events) - placed} without coordinates left out" in result.stderr


def test_acled_rows_without_a_date_take_the_publication_date():
    from marsad.store.export import acled_row

    ev = {"event_type": "Battles", "sub_event_type": "Armed clash", "country": "Yemen", "event_date": None,
          "date_precision": "unknown", "evidence": {"text": "اشتباكات"},
          "sources": [{"doc_id": "a", "outlet": "x", "published": "2023-05-16"},
                      {"doc_id": "b", "outlet": "y", "published": "2023-05-14"}]}
    row = acled_row(ev, 1, 0)
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2023-05-14", "2023", 2)
    assert row["notes"] == "اشتباكات [date: publication date]"
    row = acled_row(ev | {"sources": [{"doc_id": "a", "outlet": "x", "published": None}]}, 1, 0)
    assert row["event_date"] == "" and "date: unknown" in row["notes"]
    dated = acled_row(ev | {"event_date": "2023-05-01", "date_precision": "day"}, 1, 0)
    assert (dated["event_date"], dated["time_precision"], dated["notes"]) == ("2023-05-01", 1, "اشتباكات")


def test_show_raw_prints_the_input_as_received(tmp_path):
    text = ("تظاهر المئات :x: في [bold]عدن[/bold] احتجاجاً على انقطاع الكهرباء لساعات طويلة، "
            "ورفع المحتجون لافتات تطالب الحكومة بحلول عاجلة.\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "raw.txt").write_text(text, "utf-8")
    db = str(tmp_path / "m.db")
    assert runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["show", "raw", "--raw", "--db", db])
    assert result.exit_code == 0 and result.stdout == text


# --- the handler itself --------------------------------------------------------------------------
def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(sample_db, monkeypatch):
    from marsad.store.sqlite import Store

    def broken(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(Store, "stats", broken)
    run(["stats", "--db", str(sample_db)], 1, "internal error: RuntimeError: boom", "MARSAD_DEBUG=1")
    result = shell(["stats", "--db", str(sample_db.parent / "none.db")], env={"MARSAD_DEBUG": "1"})
    assert result.returncode == 1 and b"Traceback" in result.stderr and b"UserError" in result.stderr


def test_a_closed_pipe_is_not_an_error_message(sample_db):
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    result = shell(["export", "--format", "jsonl", "--db", str(sample_db)], stdout=reader.stdin)
    reader.stdin.close()
    reader.wait()
    assert b"Traceback" not in result.stderr and b"Exception ignored" not in result.stderr


def test_usage_errors_are_one_line():
    run(["search"], 2, "Missing argument")
    run(["events", "--nope"], 2, "--nope")
