"""Shared fixtures. The seed articles and reference data are read from ../shared (never copied)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def seed_docs():
    """doc_id → Document for the five seed articles, processed once per test session."""
    import marsad

    return {d.doc_id: d for d in marsad.extract([SEEDS])}


@pytest.fixture(scope="session")
def gold():
    return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.json"))}


# --- the two stores: SQLite (a file per test) and PostgreSQL (a schema per test, one server) ---
BACKENDS = ("sqlite", "postgres")


def _start_postgres() -> tuple[str, bool]:
    """(URL of the test server's database, whether this session started it). $MARSAD_TEST_PG names
    a server of one's own; else scripts/start-postgres starts (or finds) the throwaway cluster."""
    import subprocess

    if os.environ.get("MARSAD_TEST_PG"):
        return os.environ["MARSAD_TEST_PG"], False
    script = ROOT / "scripts" / "start-postgres"
    was_running = subprocess.run([script, "--status"], capture_output=True).returncode == 0
    run = subprocess.run([script], capture_output=True, text=True, timeout=180)
    if run.returncode != 0 or not run.stdout.strip():
        raise RuntimeError(f"scripts/start-postgres failed: {run.stderr.strip()[-500:]}")
    return run.stdout.strip().splitlines()[-1], not was_running


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server the tests use, started once per session and stopped at its end if this
    session started it. Outside CI a missing server or driver skips the PostgreSQL tests saying
    why; in CI (CI=true) it fails them."""
    import subprocess

    try:
        import psycopg  # noqa: F401
        url, started = _start_postgres()
    except (ImportError, RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        message = f"PostgreSQL tests need psycopg and a server (scripts/start-postgres): {e}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    yield url
    if started:
        subprocess.run([ROOT / "scripts" / "start-postgres", "--stop"], capture_output=True, timeout=120)


@pytest.fixture()
def new_pg_url(pg_server):
    """Makes URLs of empty PostgreSQL databases of the test's own (fresh schemas, dropped after)."""
    import uuid

    import psycopg

    schemas = []

    def new() -> str:
        schemas.append(f"test_{uuid.uuid4().hex[:12]}")
        with psycopg.connect(pg_server, autocommit=True) as con:
            con.execute(f"CREATE SCHEMA {schemas[-1]}")
        return f"{pg_server}?options=-csearch_path%3D{schemas[-1]}"

    yield new
    with psycopg.connect(pg_server, autocommit=True) as con:
        for schema in schemas:
            con.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture()
def pg_url(new_pg_url) -> str:
    return new_pg_url()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture()
def new_target(backend, tmp_path, request):
    """Makes places for stores of the test's backend: SQLite files, or PostgreSQL URLs."""
    if backend == "postgres":
        return request.getfixturevalue("new_pg_url")
    names = iter(range(1_000_000))
    return lambda: tmp_path / f"test{next(names) or ''}.db"


@pytest.fixture()
def db_target(new_target):
    """Where a test's store lives: an SQLite file, or a PostgreSQL URL."""
    return new_target()


@pytest.fixture()
def store(db_target):
    from marsad.store.open import open_store

    with open_store(db_target) as s:
        yield s


def events_of(body: str, published: str | None = "2023-05-14"):
    """The events of one report written for the tests, under a test headline, published on `published`."""
    from marsad.model import RawItem
    from marsad.pipeline import process

    meta = {"published": published} if published else {}
    doc = process(RawItem("t", "test", "jsonl", text="تقرير اختباري\n" + body, meta=meta))
    assert doc.status == "ok", doc.error
    return doc.events


def report_of(body: str):
    """One report written for the tests, under a test headline, processed (its document)."""
    from marsad.model import RawItem
    from marsad.pipeline import process

    doc = process(RawItem("t", "test", "text", text="تقرير اختباري عن الأحداث\n" + body))
    assert doc.status == "ok", doc.error
    return doc


def quotes_of(body: str):
    """The quotes of one report written for the tests (`report_of`)."""
    return report_of(body).quotes
