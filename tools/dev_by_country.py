# Copyright 2026 the marsad authors. Licensed under the Apache License, Version 2.0.
"""Dev-set scores per country: the README's quality table with its per-country breakdown.

    marsad extract ../shared/dev/articles --format jsonl > /tmp/dev.jsonl
    python tools/dev_by_country.py /tmp/dev.jsonl [--shared ../shared]

Scores each country's articles with ../shared/tools/score.py (the scorer everything uses), by
copying that country's gold files into a temporary folder. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

COLUMNS = [("events", "f1"), ("events_strict", "f1"), ("quotes", "f1"), ("tolls", "f1"),
           ("key_entity_recall", "accuracy"), ("event_actor1", "accuracy"), ("event_claimed_by", "accuracy"),
           ("event_fatalities", "accuracy"), ("quote_channel", "accuracy"), ("published", "accuracy")]


def score(shared: Path, gold: Path, pred: Path) -> dict:
    out = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(gold), str(pred), "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def cell(result: dict, metric: str, field: str) -> str:
    value = result.get(metric, {}).get(field)
    return "—" if value is None else f"{value:.2f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", type=Path, help="marsad extract output (JSONL) for ../shared/dev/articles")
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args(argv)
    dev = args.shared / "dev"
    by_country: dict[str, list[str]] = defaultdict(list)
    with open(dev / "sources.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            by_country[row["country"]].append(row["id"])
    header = "| country | docs | " + " | ".join(m for m, _ in COLUMNS) + " |"
    print(header)
    print("|" + "---|" * (len(COLUMNS) + 2))
    rows = [("all", sorted(i for ids in by_country.values() for i in ids))]
    rows += sorted(by_country.items(), key=lambda kv: -len(kv[1]))
    for country, ids in rows:
        with tempfile.TemporaryDirectory() as tmp:
            for doc_id in ids:
                shutil.copy(dev / "gold" / f"{doc_id}.json", tmp)
            result = score(args.shared, Path(tmp), args.pred)
        print(f"| {country} | {len(ids)} | " + " | ".join(cell(result, m, f) for m, f in COLUMNS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
