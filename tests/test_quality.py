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
# Seeds: the floors issues 12/13 name (they are five articles: no 1.000-level seed score is held at
# the cost of generalising). The real ratchets are on the dev set of 50 real articles below.
SEED_FLOORS = {"key_entity_recall": 0.85, "published": 1.0}
SEED_F1_FLOORS = {"quotes": 0.85, "events": 0.90}
DEV = SHARED / "dev"
# Dev-set levels reached (2026-12-01, session 11: events 0.885 / 0.862, quotes 0.950, channel 0.979,
# claimed_by 0.861, key entities 0.926, fatalities 0.909); raise them as changes beat them, never lower them.
DEV_FLOORS = {"key_entity_recall": 0.92, "event_actor1": 0.95, "event_claimed_by": 0.85, "quote_channel": 0.97,
              "published": 1.0, "event_fatalities": 0.90}
DEV_F1_FLOORS = {"events": 0.88, "events_strict": 0.85, "quotes": 0.945, "tolls": 0.97}
PLOVER = SHARED / "data" / "plover"
# PLOVER dev (Arabic newspaper sentences): recall floors and false-alarm ceilings on clear negatives
# (session 7: assault 0.774 / 3.9%, protest 0.772 / 2.7%)
PLOVER_FLOORS = {"assault": (0.77, 0.045), "protest": (0.77, 0.03)}


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


@pytest.mark.parametrize("articles, gold, floors, f1_floors", [
    (SEEDS, GOLD, SEED_FLOORS, SEED_F1_FLOORS),
    (DEV / "articles", DEV / "gold", DEV_FLOORS, DEV_F1_FLOORS),
], ids=["seeds", "dev"])
def test_article_scores_hold(tmp_path, articles, gold, floors, f1_floors):
    pred = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["extract", str(articles)])
    pred.write_text(result.stdout, "utf-8")
    s = score(gold, pred)
    assert s["docs"]["missing"] == []
    for metric, floor in floors.items():
        assert s[metric]["accuracy"] >= floor, (metric, s[metric])
    for metric, floor in f1_floors.items():
        assert s[metric]["f1"] >= floor, (metric, s[metric])


def test_plover_dev_recall_and_false_alarms_hold(tmp_path):
    pred = tmp_path / "plover.jsonl"
    files = [PLOVER / "assault_dev.jsonl", PLOVER / "protest_dev.jsonl"]
    result = CliRunner().invoke(app, ["extract", *map(str, files)])
    pred.write_text(result.stdout, "utf-8")
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_plover.py"), str(pred), *map(str, files)],
                         check=True, capture_output=True, text=True)
    s = json.loads(out.stdout)
    assert s["errors"] == 0
    for kind, (recall, false_alarms) in PLOVER_FLOORS.items():
        assert s[kind]["recall"] >= recall and s[kind]["false_alarm_easy"] <= false_alarms, (kind, s[kind])
