"""The Spark benchmark's process sampler: it must see the measured tree, and only that tree."""
from __future__ import annotations

import os
import subprocess
import sys

from marsad.scale.bench import _tree, measure


def test_tree_holds_the_child_and_its_children_only():
    code = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'import time; time.sleep(3)'])"
    parent = subprocess.Popen([sys.executable, "-c", code])
    try:
        for _ in range(50):                      # until the grandchild has started
            tree = _tree(parent.pid)
            if len(tree) == 2:
                break
            subprocess.run(["sleep", "0.05"])
        assert parent.pid in tree and len(tree) == 2
        assert os.getpid() not in tree           # the sampler's own process is not measured
        assert all(rss > 0 for rss, _ in tree.values())
    finally:
        parent.kill()
        parent.wait()


def test_measure_reports_the_child_cpu_and_memory():
    figures = measure(["--help"])
    # sampled once a second: a run this short may be seen only as it starts
    assert figures["cpu_seconds"] >= 0 and figures["peak_rss_mb"] > 0 and figures["wall_seconds"] > 0
    assert b"extract" in figures["stdout"]


def test_the_two_process_ceiling_runs_the_same_articles_both_ways(tmp_path):
    """The peer the Spark speed-up is read against: one `marsad extract` of the articles, then two
    side by side on their halves (the halves are the whole: nothing measured twice, nothing left out)."""
    import json

    from marsad.scale.bench import two_process_ceiling

    figures = two_process_ceiling(tmp_path, 6)
    halves = sorted((tmp_path / "ceiling").glob("*.jsonl"))
    ids = [json.loads(line)["id"] for half in halves for line in half.read_text("utf-8").splitlines()]
    assert len(halves) == 2 and sorted(ids) == sorted(set(ids)) and len(ids) == 6
    assert figures["one_process_seconds"] > 0 and figures["two_processes_seconds"] > 0
    # the figures are rounded to tenths of a second, the ratio is of the unrounded ones
    assert abs(figures["speedup"] - figures["one_process_seconds"] / figures["two_processes_seconds"]) < 0.15
