# Copyright 2026 the marsad authors. Licensed under the Apache License, Version 2.0
# (http://www.apache.org/licenses/LICENSE-2.0). Written for marsad.
"""Check marsad/data/actors.tsv: columns, ids, kinds, inter codes, countries, affiliations, aliases.

    python tools/check_actors.py [path/to/actors.tsv]

Exit 1 with one line per problem, else print counts by kind and by country. Stdlib only.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HEADER = ["id", "name", "name_en", "aliases", "country", "kind", "inter", "affiliation"]
KINDS = {"state_force", "police", "intelligence", "armed_group", "militia", "coalition", "government",
         "ministry", "political_party", "un", "igo", "ngo", "monitor", "media", "tribe", "other"}
DEFAULT = Path(__file__).resolve().parents[1] / "marsad" / "data" / "actors.tsv"
_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")   # diacritics, tatweel
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


def normalize(text: str) -> str:
    """The matching key: no diacritics/tatweel, hamza-alef, ta marbuta, alef maqsura folded."""
    return " ".join(_DROP.sub("", text).translate(_FOLD).lower().split())


def check(path: Path) -> tuple[list[str], list[dict]]:
    problems, rows = [], []
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not body or body[0][1].split("\t") != HEADER:
        return [f"{path}: header must be: " + "\\t".join(HEADER)], []
    for n, line in body[1:]:
        cells = line.split("\t")
        if len(cells) != len(HEADER):
            problems.append(f"line {n}: {len(cells)} columns, expected {len(HEADER)}")
            continue
        row = dict(zip(HEADER, (c.strip() for c in cells)), line=n)
        rows.append(row)
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", row["id"]):
            problems.append(f"line {n}: id {row['id']!r} is not a lowercase ASCII slug")
        if not row["name"]:
            problems.append(f"line {n}: {row['id']}: empty name")
        if row["kind"] not in KINDS:
            problems.append(f"line {n}: {row['id']}: unknown kind {row['kind']!r}")
        if row["inter"] not in {str(i) for i in range(1, 9)}:
            problems.append(f"line {n}: {row['id']}: inter {row['inter']!r} not in 1-8")
        if not re.fullmatch(r"[A-Z]{2}", row["country"]):
            problems.append(f"line {n}: {row['id']}: country {row['country']!r} is not two uppercase letters")
    ids = Counter(r["id"] for r in rows)
    problems += [f"duplicate id {i!r} ({c} rows)" for i, c in ids.items() if c > 1]
    parent = {r["id"]: r["affiliation"] for r in rows}
    for r in rows:
        if r["affiliation"] and r["affiliation"] not in parent:
            problems.append(f"line {r['line']}: {r['id']}: affiliation {r['affiliation']!r} is not an id")

    def ancestors(actor: str) -> list[str]:
        chain, seen = [], {actor}
        while parent.get(actor):
            actor = parent[actor]
            if actor in seen:
                return chain + [actor]
            seen.add(actor)
            chain.append(actor)
        return chain

    for r in rows:
        chain = ancestors(r["id"])
        if r["id"] in chain:
            problems.append(f"line {r['line']}: {r['id']}: affiliation cycle " + " -> ".join([r["id"], *chain]))
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for form in [r["name"], *r["aliases"].split("|")]:
            if form.strip():
                owners[normalize(form)].add(r["id"])
    for key, who in sorted(owners.items()):
        who = sorted(who)
        for i, a in enumerate(who):
            for b in who[i + 1:]:
                if b not in ancestors(a) and a not in ancestors(b):
                    problems.append(f"alias {key!r} belongs to {a} and {b} (not one affiliation chain)")
    return problems, rows


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    problems, rows = check(path)
    if problems:
        print("\n".join(problems))
        return 1
    print(f"{path.name}: {len(rows)} actors, OK")
    print("by kind:    " + ", ".join(f"{k} {c}" for k, c in Counter(r["kind"] for r in rows).most_common()))
    print("by country: " + ", ".join(f"{k} {c}" for k, c in Counter(r["country"] for r in rows).most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
