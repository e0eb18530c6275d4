"""The SQLite store: migrations, statuses, idempotent re-ingest, Arabic-normalised search."""
from __future__ import annotations

import sqlite3

from marsad.ingest import ingest
from marsad.store.sqlite import MIGRATIONS, Store

REPORT = ("أكد العميد {name} المتحدث باسم القوات المسلحة أن وحداته صدت هجوماً على مواقعها قرب مدينة "
          "مأرب فجر اليوم، وأن المعارك استمرت ثلاث ساعات قبل انسحاب المهاجمين.")


def write(folder, name, text):
    (folder / name).write_text(text, "utf-8")


def test_schema_is_migrated_to_the_latest_version(tmp_path):
    with Store(tmp_path / "a.db") as s:
        assert s.schema_version == len(MIGRATIONS)
        tables = {r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
        assert {"documents", "entities", "quotes", "events", "tolls", "documents_fts"} <= tables
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(tmp_path / "a.db") as s:       # reopening applies nothing twice
        assert s.schema_version == len(MIGRATIONS)


def test_reingest_is_a_noop_and_a_change_updates(tmp_path, store):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "a.txt", REPORT.format(name="أحمد الصالحي"))
    write(corpus, "b.txt", "")
    first = ingest(store, [corpus])
    assert (first.ok, first.rejected, first.unchanged) == (1, 1, 0)
    again = ingest(store, [corpus])
    assert (again.ok, again.rejected, again.unchanged) == (0, 0, 2)
    write(corpus, "a.txt", REPORT.format(name="سالم الصالحي"))
    changed = ingest(store, [corpus])
    assert (changed.ok, changed.updated, changed.unchanged) == (1, 1, 1)
    assert "سالم الصالحي" in store.document("a")["text"]
    assert store.stats()["documents"] == 2
    assert not store.search("أحمد الصالحي") and store.search("سالم")    # the index follows the update


def test_rejected_input_is_recorded_with_its_reason(tmp_path, store):
    write(tmp_path, "english.txt", "Shelling hit the northern district overnight, residents said. " * 4)
    ingest(store, [tmp_path])
    doc = store.document("english")
    assert doc["status"] == "rejected" and doc["error"].startswith("not Arabic text")
    assert store.raw("english").startswith("Shelling hit")


def test_search_ignores_hamza_ta_marbuta_diacritics_and_clitics(tmp_path, store):
    write(tmp_path, "a.txt", "قال اللواءُ أحمد المسماري إن القوات الجوية قصفت مواقع في مدينة سِرت.")
    write(tmp_path, "b.txt", "وأشار بيان للجيش إلى أن والمسماري سيعقد مؤتمراً صحفياً بالجفرة غداً في القاعدة.")
    write(tmp_path, "c.txt", "أعلنت منظمة إغاثة أن الأمطار الغزيرة أغرقت مخيمات النازحين في إدلب الليلة الماضية.")
    ingest(store, [tmp_path])
    assert [h["doc_id"] for h in store.search("احمد المسماري")] == ["a"]
    assert {h["doc_id"] for h in store.search("المسماري")} == {"a", "b"}
    assert [h["doc_id"] for h in store.search("الجفرة")] == ["b"]
    assert [h["doc_id"] for h in store.search("سرت")] == ["a"]
    assert [h["doc_id"] for h in store.search("مدينه")] == ["a"]
    hit = store.search("احمد المسماري")[0]
    s, e = hit["highlights"][0]
    assert hit["snippet"][s:e] == "أحمد"


def test_search_handles_fts_syntax_in_queries(tmp_path, store):
    write(tmp_path, "a.txt", "قال مصدر عسكري إن الاشتباكات تجددت في محيط المطار مساء اليوم وسط قصف متبادل.")
    ingest(store, [tmp_path])
    assert store.search('"المطار" (المطار*') and store.search('""') == [] and store.search("") == []


def test_seeds_found_by_normalised_name(tmp_path, store):
    from tests.conftest import SEEDS

    ingest(store, [SEEDS])
    hits = {h["doc_id"] for h in store.search("احمد المسماري")}
    # Seed 004 never names him; the four that do are all found.
    assert hits == {"000_21a362b9bfaece20", "001_398c6094c00d115c", "002_a1b4712b8edb0c28", "003_cf72655655ca3791"}


def test_database_file_is_plain_sqlite(tmp_path):
    with Store(tmp_path / "x.db") as s:
        ingest(s, [])
    con = sqlite3.connect(tmp_path / "x.db")
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
