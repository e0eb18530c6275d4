"""Quality ratchets: levels once reached are held. Raise a floor when a change beats it; never lower it.

Scores come from ../shared/tools/score.py, the scorer everything that measures marsad uses.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from tests.conftest import GOLD, SEEDS, SHARED

SCORE = SHARED / "tools" / "score.py"
ANERCORP_TEST = SHARED / "data" / "anercorp" / "test.txt"

# Floors (measured 2026-11-23: `marsad ner` default = neural ensemble v1 0.738, the pipeline's CRF
# ner.crfsuite v2 0.706, both with label consistency; see README "Quality").
ANERCORP_F1_FLOORS = {None: 0.73, "crf": 0.70}
SEED_FLOORS = {"key_entity_recall": 0.72, "published": 1.0, "quote_channel": 0.90, "quote_kind": 0.91,
               "event_fatalities": 1.0, "event_claimed_by": 0.82, "event_actor1": 1.0}
SEED_F1_FLOORS = {"quotes": 0.90, "events": 1.0, "events_strict": 1.0, "tolls": 1.0}


def score(*args) -> dict:
    out = subprocess.run([sys.executable, str(SCORE), *map(str, args), "--json"], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("model", list(ANERCORP_F1_FLOORS))
def test_anercorp_entity_f1_holds(tmp_path, model):
    pred = tmp_path / "pred.conll"
    result = CliRunner().invoke(app, ["ner", "--conll", str(ANERCORP_TEST), *(["--model", model] if model else [])])
    assert result.exit_code == 0
    pred.write_text(result.stdout, "utf-8")
    assert score("--conll", ANERCORP_TEST, pred)["micro"]["f1"] >= ANERCORP_F1_FLOORS[model]


def test_seed_scores_hold(tmp_path):
    pred = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["extract", str(SEEDS)])
    pred.write_text(result.stdout, "utf-8")
    s = score(GOLD, pred)
    assert s["docs"]["missing"] == []
    for metric, floor in SEED_FLOORS.items():
        assert s[metric]["accuracy"] >= floor, (metric, s[metric])
    for metric, floor in SEED_F1_FLOORS.items():
        assert s[metric]["f1"] >= floor, (metric, s[metric])
