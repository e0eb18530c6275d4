"""Shared fixtures. The seed articles and reference data are read from ../shared (never copied)."""
from __future__ import annotations

import json
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


@pytest.fixture()
def store(tmp_path):
    from marsad.store.sqlite import Store

    with Store(tmp_path / "test.db") as s:
        yield s
