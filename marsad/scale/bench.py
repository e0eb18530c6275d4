"""`marsad bench --spark`: the Spark job at local[1] and local[2], beside the single-process CLI.

Every run is a separate process on the same synthetic corpus (synthetic.py), timed from the
outside: wall seconds, CPU seconds of the whole process tree (the JVM and its Python workers, sampled with memory), and
the tree's peak proportional resident memory (PSS), sampled every SAMPLE_SECONDS. The job's own seconds (from its summary,
without the JVM's start) are reported too: on a small corpus the start-up is a large share.
Peak memory is also taken at a quarter and a half of the corpus, to show whether it grows with it.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from marsad.scale.synthetic import write_jsonl

_PROGRAM = "import sys; sys.argv[0] = 'marsad'; from marsad.cli import app; app()"
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


# A sample reads the JVM's smaps (13-30 ms of CPU, growing with its heap) on the cores being
# measured: at five a second that was a tenth of a core taken from a local[2] run and from the
# idle second core of a local[1] run. The runs last minutes and the JVM's heap grows over seconds.
SAMPLE_SECONDS = 1.0
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _tree(root: int) -> dict[int, tuple[int, float]]:
    """pid → (resident bytes, CPU seconds so far) for `root` and all its descendants (from /proc).
    Only the tree's own processes have their memory read: the sampler runs on the cores it
    measures, and reading every process's smaps took ~35 ms of CPU a sample (a sixth of a core at
    five samples a second), which a local[2] run, with no idle core, paid out of its own time."""
    children: dict[int, list[int]] = {}
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue                    # gone meanwhile
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)     # fields[1]: the parent's pid
        # fields[21]: resident pages; [11], [12]: user and system clock ticks
        stats[pid] = (int(fields[21]) * _PAGE, (int(fields[11]) + int(fields[12])) / _TICKS)
    tree, stack = {}, [root]
    while stack:
        pid = stack.pop()
        if pid in stats:
            rss, cpu = stats[pid]
            tree[pid] = (_pss(pid) or rss, cpu)
        stack += children.get(pid, [])
    return tree


def _pss(pid: int) -> int | None:
    """Proportional resident bytes: shared pages divided among their sharers. The JVM forks itself
    for a moment to run shell commands, and plain resident sizes would count its gigabyte twice."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def measure(args: list[str], stdout=subprocess.PIPE) -> dict:
    """Run `marsad ARGS` in a child process: wall and CPU seconds, peak tree memory, its stdout."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _PROGRAM, *args], stdout=stdout, stderr=subprocess.PIPE)
    peak, cpu_of = [0], {}              # CPU per pid as last seen: workers that exit keep their share

    def sample() -> None:
        while proc.poll() is None:
            tree = _tree(proc.pid)
            peak[0] = max(peak[0], sum(rss for rss, _ in tree.values()))
            cpu_of.update({pid: cpu for pid, (_, cpu) in tree.items()})
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    sampler.join()
    wall = time.perf_counter() - started
    if proc.returncode:
        raise RuntimeError(f"marsad {' '.join(args[:1])} failed ({proc.returncode}): {err.decode()[-500:]}")
    return {"wall_seconds": round(wall, 1), "cpu_seconds": round(sum(cpu_of.values()), 1),
            "peak_rss_mb": round(peak[0] / 2**20),
            "stdout": out}


def _spark(corpus: Path, out: Path, master: str) -> dict:
    result = measure(["spark", str(corpus), "--out", str(out), "--master", master])
    summary = json.loads(result.pop("stdout"))
    return {**result, "job_seconds": summary["seconds"], "ok": summary["ok"], "rejected": summary["rejected"],
            "events": summary["events"], "stories_with_copies": summary["stories_with_copies"],
            "articles_per_second": round(summary["documents"] / result["wall_seconds"], 1),
            # where the job's time went, and proof that both runs did the same work once
            "step_seconds": summary.get("stage_seconds"), "partitions": summary["partitions"],
            "pipeline_runs": summary.get("pipeline_runs"),
            "load_average_after": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None}


def two_process_ceiling(root: Path, n: int) -> dict:
    """This machine's own ceiling for two workers: `marsad extract` of `n` articles in one process,
    against the same articles split in two halves extracted by two processes side by side. No Spark:
    what two cores give two copies of the pipeline here (shared caches, memory bandwidth, a host that
    may run its virtual cores on one physical core) bounds what local[2] can reach."""
    halves = write_jsonl(root / "ceiling", n, files=2)
    parts = sorted(str(p) for p in halves.glob("*.jsonl"))
    with open(os.devnull, "wb") as sink:
        one = measure(["extract", *parts], stdout=sink)["wall_seconds"]
        started = time.perf_counter()
        pair = [threading.Thread(target=measure, args=(["extract", part],), kwargs={"stdout": sink}) for part in parts]
        for t in pair:
            t.start()
        for t in pair:
            t.join()
        two = time.perf_counter() - started
    return {"articles": n, "one_process_seconds": one, "two_processes_seconds": round(two, 1),
            "speedup": round(one / two, 2)}


def _step(name: str, figures: dict) -> dict:
    """Each run's figures on stderr as it ends: on a loaded machine the whole takes an hour."""
    sys.stderr.write(f"bench --spark: {name}: {json.dumps(figures)}\n")
    sys.stderr.flush()
    return figures


def run(n: int = 20_000, work: Path | None = None, growth: bool = True) -> dict:
    """The benchmark on `n` synthetic articles; returns the figures (and ratios) as a dict."""
    with tempfile.TemporaryDirectory(prefix="marsad-bench-spark-") as tmp:
        root = work or Path(tmp)
        corpus = write_jsonl(root / "corpus", n)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        one = _step("local[1]", _spark(corpus, root / "out1", "local[1]"))
        two = _step("local[2]", _spark(corpus, root / "out2", "local[2]"))
        with open(os.devnull, "wb") as sink:
            cli = measure(["extract", str(corpus)], stdout=sink)
        cli.pop("stdout")
        cli["articles_per_second"] = round(n / cli["wall_seconds"], 1)
        _step("marsad extract", cli)
        ceiling = _step("two processes of marsad extract", two_process_ceiling(root, min(n, 4000)))
        memory = []
        if growth:
            for part in (n // 4, n // 2):
                small = write_jsonl(root / f"corpus-{part}", part)
                figures = _step(f"local[2] on {part}", _spark(small, root / f"out-{part}", "local[2]"))
                memory.append({"articles": part, "peak_rss_mb": figures["peak_rss_mb"]})
        memory.append({"articles": n, "peak_rss_mb": two["peak_rss_mb"]})
    return {
        "articles": n, "cores": os.cpu_count(), "load_average_at_start": load,
        "spark_local_1": one, "spark_local_2": two, "cli_extract": cli,
        "speedup_local2_vs_local1": round(one["wall_seconds"] / two["wall_seconds"], 2),
        "speedup_local2_vs_local1_job_only": round(one["job_seconds"] / two["job_seconds"], 2),
        "spark_local2_vs_cli": round(cli["wall_seconds"] / two["wall_seconds"], 2),
        # the Spark speed-up next to the machine's own for two processes of the pipeline, same run
        "two_process_ceiling": ceiling,
        "speedup_local2_vs_local1_of_ceiling": round(one["wall_seconds"] / two["wall_seconds"] / ceiling["speedup"], 2),
        "peak_memory_by_corpus_size": memory,
    }
