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
