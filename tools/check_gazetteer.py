# Copyright 2026 the marsad authors. Licensed under the Apache License, Version 2.0
# (http://www.apache.org/licenses/LICENSE-2.0). Written for marsad.
"""Check the hand-written gazetteer files (marsad/data/lexicon/regions.tsv, districts.tsv).

    python tools/check_gazetteer.py [FILE.tsv ...]

Every row has the 6 columns name, country, latitude, longitude, kind, admin1; latitude and
longitude are numbers inside the country's approximate bounding box; kind is one of KINDS; only a
region may leave admin1 empty; no (name, country) pair appears twice after normalisation (hamza
forms, ta marbuta, alef maqsura and diacritics folded as marsad does), across all files checked.
Exit 1 with one line per problem, else print row counts by country. Stdlib only.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

HEADER = ["name", "country", "latitude", "longitude", "kind", "admin1"]
KINDS = {"admin1", "district", "region", "base"}
LEXICON = Path(__file__).resolve().parents[1] / "marsad" / "data" / "lexicon"
DEFAULT = [LEXICON / "regions.tsv", LEXICON / "districts.tsv"]
# Approximate bounding boxes (min lat, max lat, min lon, max lon), a little generous at the edges.
BOXES = {
    "IQ": (29.0, 37.5, 38.7, 48.7),
    "SY": (32.3, 37.4, 35.6, 42.5),
    "LB": (33.0, 34.75, 35.05, 36.7),
    "PS": (31.2, 32.6, 34.2, 35.6),
    "JO": (29.1, 33.4, 34.9, 39.4),
    "YE": (12.0, 19.1, 42.5, 54.6),
    "SD": (8.6, 22.3, 21.8, 38.7),
    "LY": (19.4, 33.3, 9.3, 25.2),
    "EG": (21.9, 31.8, 24.6, 37.0),
    "SO": (-1.8, 12.1, 40.9, 51.5),
    "ML": (10.1, 25.1, -12.3, 4.3),
    "BF": (9.3, 15.1, -5.6, 2.5),
    "NE": (11.6, 23.6, 0.1, 16.0),
    "TD": (7.4, 23.5, 13.4, 24.0),
    "NG": (4.2, 13.9, 2.6, 14.7),
}
# as marsad.text.arabic.normalize: diacritics, tatweel and zero-width marks dropped, variants folded
_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و",
                       "ة": "ه", "ک": "ك", "ی": "ي", "ە": "ه", "ھ": "ه"})


def normalize(text: str) -> str:
    return " ".join(_DROP.sub("", text).translate(_FOLD).split())


def check(paths: list[Path]) -> tuple[list[str], Counter]:
    problems: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    counts: Counter = Counter()
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        body = [(n, ln) for n, ln in enumerate(lines, 1) if ln.strip() and not ln.startswith("#")]
        if not body or body[0][1].split("\t") != HEADER:
            problems.append(f"{path.name}: header must be: " + "\\t".join(HEADER))
            continue
        for n, line in body[1:]:
            where = f"{path.name}:{n}"
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) != len(HEADER):
                problems.append(f"{where}: {len(cells)} columns, expected {len(HEADER)}")
                continue
            name, cc, lat, lon, kind, admin1 = cells
            if not name:
                problems.append(f"{where}: empty name")
            try:
                y, x = float(lat), float(lon)
            except ValueError:
                problems.append(f"{where}: {name}: latitude/longitude not numeric ({lat!r}, {lon!r})")
                y = x = None
            box = BOXES.get(cc)
            if box is None:
                problems.append(f"{where}: {name}: country {cc!r} has no bounding box here")
            elif y is not None and not (box[0] <= y <= box[1] and box[2] <= x <= box[3]):
                problems.append(f"{where}: {name}: ({y}, {x}) outside {cc}'s bounding box")
            if kind not in KINDS:
                problems.append(f"{where}: {name}: kind {kind!r} not in {sorted(KINDS)}")
            if not admin1 and kind != "region":
                problems.append(f"{where}: {name}: admin1 empty (only a region may span several)")
            key = (normalize(name), cc)
            if key in seen:
                problems.append(f"{where}: {name} ({cc}) duplicates {seen[key]}")
            else:
                seen[key] = where
            counts[cc] += 1
    return problems, counts


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or DEFAULT
    problems, counts = check(paths)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"{sum(counts.values())} rows ok:", " ".join(f"{cc} {n}" for cc, n in counts.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
