"""The hostile corpus ingested as one folder by `marsad ingest`, in its own process: every input has a
status in the store, no traceback reaches the user, the good articles are all stored, memory stays
bounded (issue 11's drill, end to end)."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from tests.hostile import write_cases

PEAK_MB = 600        # the models (~150 MB) + SQLite + the 20 MiB record cap: far below the inputs' 3+ GiB

_RUN = """
import resource, sys
from marsad.cli import main
try:
    main()
except SystemExit as e:
    code = e.code
else:
    code = 0
kb = int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])
print(f"@@ {code} {kb // 1024}", file=sys.stderr)
"""


def test_marsad_ingest_of_the_hostile_folder(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "m.db"
    corpus.mkdir()
    cases = write_cases(corpus, big=True)          # with the 50 MB line and the 1 GiB gzip bombs
    args = [sys.executable, "-c", _RUN, "ingest", str(corpus), "--db", str(db), "-q"]
    run = subprocess.run(args, capture_output=True, text=True, timeout=600, env={"CI": "true", "PATH": "/usr/bin"}
                         | {k: v for k, v in __import__("os").environ.items() if k.startswith(("PYTHON", "HOME"))})
    code, peak_mb = run.stderr.rsplit("@@ ", 1)[1].split()
    assert code in ("0", "None"), run.stderr[-3000:]
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    assert int(peak_mb) < PEAK_MB, peak_mb

    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT doc_id, source, status, error FROM documents").fetchall()
        texts = "\n".join(f"{t} {b}" for t, b in con.execute("SELECT title, text FROM documents WHERE status = 'ok'"))
    assert len({r[0] for r in rows}) == len(rows)                      # unique ids, none overwritten
    sources = "\n".join(r[1] for r in rows)
    assert len(rows) >= len(cases)
    for case in cases:                         # every input has a status (escaped names: by count above)
        stem = case.path.split("/")[-1].split(".")[0]
        if stem.isprintable():
            assert stem in sources or any(stem in r[0] for r in rows), f"{case.path}: no stored status"
    assert all(r[3] and "\n" not in r[3] for r in rows if r[2] == "rejected")
    # the good articles of every format (the first ten written: txt, html, jsonl, jsonl.gz, warc.gz, rss)
    missing = [n for n in range(1, 11) if f"مقتل {n + 3} أشخاص" not in texts]
    assert not missing, missing
    stderr_lines = [ln for ln in run.stderr.splitlines() if ln.startswith("rejected")]
    assert len(stderr_lines) == sum(r[2] == "rejected" for r in rows)  # one line per rejection
    assert json.dumps(rows, ensure_ascii=False)                        # all of it is valid text
