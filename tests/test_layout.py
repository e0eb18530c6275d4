"""The package's folders are floors: imports run downward only, and no module cycle exists."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "marsad"
# floor of each folder (top-level modules by name); a module may import from its own floor or below
FLOORS = {"data": 0, "model": 0, "text": 1, "read": 2, "ner": 2, "extraction": 3, "store": 4,
          "pipeline": 5, "ingest": 6, "display": 6, "bench": 7, "bench_inputs": 7, "bench_store": 7, "web": 7, "scale": 7, "cli": 8, "__init__": 9}


def _imports() -> dict[str, set[str]]:
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        deps = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                raise AssertionError(f"{module}: relative import (write marsad.… in full)")
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("marsad"):
                deps.add(node.module)
        graph[module] = deps
    return graph


def _floor(module: str) -> int:
    parts = module.split(".")
    return FLOORS[parts[1] if len(parts) > 1 else "__init__"]


def test_imports_run_downward():
    upward = [f"{m} → {d}" for m, deps in _imports().items() for d in deps
              if d != "marsad" and _floor(d) > _floor(m)]
    assert not upward, upward


def test_no_import_cycles():
    graph = _imports()
    state: dict[str, int] = {}

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for d in graph.get(m, ()):
            if state.get(d) == 1:
                raise AssertionError("cycle: " + " → ".join(trail[trail.index(d):] + [d]))
            if d in graph and not state.get(d):
                visit(d, trail + [d])
        state[m] = 2

    for m in graph:
        if not state.get(m):
            visit(m, [m])


def test_files_stay_small():
    big = [f"{p.relative_to(PACKAGE)}: {n}" for p in PACKAGE.rglob("*.py")
           if (n := len(p.read_text("utf-8").splitlines())) >= 400]
    assert not big, big


def test_no_private_name_is_imported():
    """A name shared by modules is public: `from marsad.x import _y` reaches into another module's
    internals (give it a public name, or move it where it belongs)."""
    private = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("marsad"):
                private += [f"{path.relative_to(PACKAGE)}: {node.module}.{a.name}" for a in node.names
                            if a.name.startswith("_") and not a.name.startswith("__")]
    assert not private, private
