"""Several writers on one database: concurrent ingests both finish, a kill -9 loses and duplicates
nothing, colliding ids never replace another source's article, reruns still report rejections."""
from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time

from marsad.ingest import ingest
from marsad.store.open import open_store
from marsad.store.sqlite import Store

PLACES = ["حلب", "إدلب", "مأرب", "تعز", "الفاشر", "نيالا", "الموصل", "كركوك", "سرت", "بنغازي", "درعا", "الحديدة"]
ACTORS = ["الجيش السوداني", "قوات الدعم السريع", "جماعة الحوثي", "القوات الحكومية", "فصائل المعارضة",
          "الجيش الوطني الليبي"]
PEOPLE = ["أحمد الصالحي", "سالم الورفلي", "هشام عبد الباقي", "خالد النعيمي", "منى الحسيني", "يوسف القاسم"]
# short reports invented for these tests
OPENINGS = [
    ("{place} - أفادت مصادر محلية بأن {actor} شنت هجوما على مواقع قرب مدينة {place} فجر اليوم، ما أدى إلى "
     "مقتل {n} أشخاص وإصابة {m} آخرين."),
    "{place} - اندلعت اشتباكات عنيفة بين {actor} و{actor2} في محيط {place} صباح اليوم، وسقط فيها {n} قتيلا.",
    "{place} - قصفت طائرات مسيرة مخازن للوقود في {place} ليلة أمس، وقال سكان إن الحريق استمر حتى الصباح.",
]
MIDDLES = [
    "وقال {person} المتحدث باسم {actor} إن وحداته صدت الهجوم بعد معارك استمرت {h} ساعات.",
    "وأضاف أن فرق الإسعاف نقلت الجرحى إلى المستشفى الرئيسي في {place2}، فيما نزحت نحو {k} عائلة من الأحياء الشرقية.",
    "وأكد شهود أن القصف طال سوقا شعبيا ومدرسة ابتدائية، وأن الطرق المؤدية إلى {place2} أغلقت.",
    "ولم يصدر تعليق فوري من {actor2} على هذه الاتهامات، بينما دعت منظمات إنسانية إلى وقف القتال.",
    "وذكر بيان صادر عن لجنة الأطباء المحلية أن المستشفى استقبل {m} مصابا بينهم {n} أطفال.",
]


def report(rng: random.Random, tag: str, length: int = 4) -> str:
    """One invented report: a headline (with `tag`, so every report is different content), an
    opening and about `length` more sentences."""
    slots = {"place": rng.choice(PLACES), "place2": rng.choice(PLACES), "actor": rng.choice(ACTORS),
             "actor2": rng.choice(ACTORS), "person": rng.choice(PEOPLE), "n": rng.randint(2, 60),
             "m": rng.randint(3, 90), "h": rng.randint(2, 9), "k": rng.randint(20, 900)}
    body = [rng.choice(OPENINGS).format(**slots)]
    body += [s.format(**slots) for s in rng.choices(MIDDLES, k=rng.randint(length - 1, length + 1))]
    return f"تطورات ميدانية في {slots['place']} ({tag})\n\n" + "\n".join(body) + "\n"


def write_reports(folder, n: int, tag: str, seed: int = 1, length: int = 4) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(n):
        (folder / f"{tag}_{i:03d}.txt").write_text(report(rng, f"{tag} {i}", length), "utf-8")


CHILD = """
import sys
from marsad.ingest import ingest
from marsad.store.open import open_store
with open_store(sys.argv[1]) as store:
    summary = ingest(store, sys.argv[2:], on_item=lambda item, outcome, doc: print(outcome, flush=True))
print("summary", summary.ok, summary.rejected, summary.unchanged, flush=True)
"""


def _child(db, *folders, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(db), *map(str, folders)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def test_two_concurrent_ingests_store_everything(tmp_path):
    write_reports(tmp_path / "a", 150, "a", seed=1, length=14)
    write_reports(tmp_path / "b", 150, "b", seed=2, length=14)
    db = tmp_path / "one.db"
    procs = [_child(db, tmp_path / "a"), _child(db, tmp_path / "b")]
    # a third writer meanwhile: the lock is only held to save a batch, never for a whole run, so it
    # gets it many times while both run (no timing bound: a loaded machine only makes waits longer)
    while not db.exists() and procs[0].poll() is None:
        time.sleep(0.05)
    probe, waits = sqlite3.connect(db, timeout=30, isolation_level=None), []
    while any(p.poll() is None for p in procs):
        t = time.perf_counter()
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("COMMIT")
        waits.append(time.perf_counter() - t)
        time.sleep(0.1)
    probe.close()
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err[-2000:]
        assert out.strip().splitlines()[-1] == "summary 150 0 0"
    assert len(waits) > 5
    with Store(db) as s:
        assert s.stats()["documents"] == 300
        assert s.db.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 300


def test_a_writer_that_cannot_get_the_lock_fails_clearly_and_writes_nothing(tmp_path, monkeypatch):
    from marsad.store.sqlite import StoreBusy

    write_reports(tmp_path / "a", 3, "a")
    db = tmp_path / "x.db"
    Store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")              # another process holds the write lock
    monkeypatch.setenv("MARSAD_BUSY_TIMEOUT", "0.2")
    try:
        with Store(db) as s:
            try:
                ingest(s, [tmp_path / "a"])
                raise AssertionError("ingest went on without the lock")
            except StoreBusy as e:
                assert "write lock" in str(e) and "nothing of this batch" in str(e)
    finally:
        holder.rollback()
        holder.close()
    with Store(db) as s:
        assert s.stats()["documents"] == 0


def test_the_cli_reports_a_lock_held_too_long_in_one_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from marsad.cli import app

    write_reports(tmp_path / "a", 2, "a")
    db = tmp_path / "x.db"
    Store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setenv("MARSAD_BUSY_TIMEOUT", "0.2")
    try:
        result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a"), "--db", str(db), "-q"])
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 1 and "Traceback" not in result.stderr, result.stderr
    assert "write lock" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def _dump(target) -> dict:
    """The store's canonical content (tests/storedump.py); an SQLite file is checked whole too."""
    from marsad.store.open import is_url, open_store
    from tests.storedump import dump

    if not is_url(target):
        with sqlite3.connect(target) as c:
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with open_store(target) as s:
        return dump(s)


def test_ten_kills_in_the_middle_of_an_ingest_lose_and_duplicate_nothing(tmp_path, new_target):
    write_reports(tmp_path / "a", 60, "a", seed=3)
    db, clean_db = new_target(), new_target()
    rng = random.Random(5)
    for round_ in range(10):
        p = _child(db, tmp_path / "a")
        wanted = rng.randint(1, 12)                # outcomes reported in this run before the kill
        seen = 0
        while seen < wanted and p.stdout.readline().strip() in ("ok", "unchanged", "updated", "rejected"):
            seen += 1
        time.sleep(rng.random() * 0.3)             # sometimes inside the pipeline, sometimes saving
        p.send_signal(signal.SIGKILL)
        p.wait()
    assert _child(db, tmp_path / "a").wait(timeout=300) == 0
    with open_store(clean_db) as s:
        ingest(s, [tmp_path / "a"])
    killed, clean = _dump(db), _dump(clean_db)
    assert len(clean["documents"]) == 60
    for table in clean:                            # the same rows, table by table
        assert killed[table] == clean[table], table


def test_a_colliding_id_from_another_file_never_replaces_an_article(tmp_path, store):
    rng = random.Random(9)
    first, second = report(rng, "first"), report(rng, "second")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "one.jsonl").write_text(json.dumps({"id": "r1", "text": first}, ensure_ascii=False) + "\n")
    (tmp_path / "x" / "two.jsonl").write_text(json.dumps({"id": "r1", "text": second}, ensure_ascii=False) + "\n")
    summary = ingest(store, [tmp_path / "x"])
    assert (summary.ok, summary.updated) == (2, 0)
    ids = [r[0] for r in store.db.execute("SELECT doc_id FROM documents ORDER BY id")]
    assert ids[0] == "r1" and ids[1].startswith("r1~") and len(ids[1]) == len("r1~") + 8
    assert store.document("r1")["text"].endswith(first.strip().splitlines()[-1])
    moved = store.document(ids[1])
    assert "second" in moved["title"] and any("r1 is taken by another source" in n for n in moved["notes"])
    again = ingest(store, [tmp_path / "x"])          # stable: the moved article is found where it went
    assert (again.ok, again.unchanged) == (0, 2)
    # the same source with changed content is an update, of the right one of the two
    third = report(rng, "third")
    (tmp_path / "x" / "two.jsonl").write_text(json.dumps({"id": "r1", "text": third}, ensure_ascii=False) + "\n")
    changed = ingest(store, [tmp_path / "x"])
    assert (changed.ok, changed.updated, changed.unchanged) == (1, 1, 1)
    assert "third" in store.document(ids[1])["title"] and "first" in store.document("r1")["title"]
    assert store.stats()["documents"] == 2


def test_the_same_source_changed_replaces_its_article(tmp_path, store):
    rng = random.Random(4)
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "k", "text": report(rng, "old")}, ensure_ascii=False) + "\n")
    ingest(store, [path])
    # the article moved down a line in the same file: still the same source
    path.write_text("\n" + json.dumps({"id": "k", "text": report(rng, "new")}, ensure_ascii=False) + "\n")
    summary = ingest(store, [path])
    assert (summary.ok, summary.updated) == (1, 1)
    assert store.stats()["documents"] == 1 and "new" in store.document("k")["title"]


def test_rerun_counts_inputs_still_rejected(tmp_path, store):
    folder = tmp_path / "in"
    write_reports(folder, 2, "ok")
    (folder / "english.txt").write_text("Shelling hit the northern district overnight, residents said. " * 4)
    (folder / "empty.txt").write_text("")
    first = ingest(store, [folder])
    assert (first.ok, first.rejected, first.still_rejected) == (2, 2, 0)
    again = ingest(store, [folder])
    assert (again.ok, again.rejected, again.unchanged, again.still_rejected) == (0, 0, 4, 2)
    assert str(again) == "0 ok (0 updated), 0 rejected, 4 unchanged (2 of them rejected before)"
