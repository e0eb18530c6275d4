"""The store, on both backends (SQLite and PostgreSQL): migrations, statuses, idempotent re-ingest,
Arabic-normalised search ranked alike, the same stored content from the same corpus."""
from __future__ import annotations

import sqlite3

import pytest

from marsad.ingest import ingest
from marsad.store.open import open_store
from marsad.store.sqlite import MIGRATIONS
from tests.storedump import dump

REPORT = ("أكد العميد {name} المتحدث باسم القوات المسلحة أن وحداته صدت هجوماً على مواقعها قرب مدينة "
          "مأرب فجر اليوم، وأن المعارك استمرت ثلاث ساعات قبل انسحاب المهاجمين.")


def write(folder, name, text):
    (folder / name).write_text(text, "utf-8")


def _tables(store) -> set[str]:
    if store.db.dialect == "postgres" if hasattr(store.db, "dialect") else False:
        return {r[0] for r in store.db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
    return {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}


def test_schema_is_migrated_to_the_latest_version(db_target, backend):
    with open_store(db_target) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert {"documents", "entities", "quotes", "events", "tolls", "documents_fts", "actors",
                "actor_aliases", "story_sig", "story_lsh"} <= _tables(s)
        if backend == "sqlite":
            assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with open_store(db_target) as s:       # reopening applies nothing twice
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
    assert store.search("@@") == [] and store.search("المطار -@@") and store.search("'المطار':A & !x | <->") == []


# invented for these tests: which of them a query finds, and in which order, is the same in both stores
RANKED = {
    "title": ("انفجار في ميناء الحديدة", "قالت مصادر محلية إن دوي انفجار سمع قرب الرصيف الشمالي ظهر اليوم."),
    "twice": ("تقرير ميداني", "وصلت تعزيزات إلى الحديدة صباح اليوم، وأفاد سكان في الحديدة بأن الطرق أغلقت."),
    "once": ("تقرير ميداني آخر", "قال مسؤول محلي إن لجنة ستزور المحافظات الساحلية ومنها الحديدة الأسبوع المقبل "
                                 "لتقييم الأضرار التي خلفتها السيول في القرى والمزارع المحيطة بالوادي."),
    "clitic": ("بيان", "وأكد البيان أن القوات انسحبت من والحديدة الجديدة بعد اشتباكات قصيرة مع مسلحين."),
    "phrase": ("اجتماع", "بحث وزير الداخلية مع محافظ الحديدة خطة لإعادة فتح ميناء الصيد المغلق منذ أشهر."),
    "apart": ("لقاء", "قال الوزير إن الميناء سيفتح قريبا، فيما طالب صيادو الحديدة بتعويضات عن خسائرهم."),
}


# articles that match none of the queries: with them the queried words are rare, as in a real
# corpus (bm25 gives a word found in every article no weight at all)
FILLER = ["هطلت أمطار غزيرة على المرتفعات الغربية مساء أمس وتسببت في انقطاع طرق فرعية عدة.",
          "أعلنت وزارة التربية موعد الامتحانات النهائية للمرحلة الثانوية في المدارس الحكومية.",
          "ارتفعت أسعار الخبز والوقود في الأسواق الشعبية خلال الأسبوع الماضي بنسبة ملحوظة.",
          "افتتح مركز صحي جديد في الريف الشرقي لتقديم خدمات التطعيم والرعاية للأطفال."]


def _ranked_corpus(tmp_path, store):
    folder = tmp_path / "ranked"
    folder.mkdir()
    for name, (title, body) in RANKED.items():
        write(folder, f"{name}.jsonl", f'{{"id": "{name}", "title": "{title}", "text": "{body}"}}\n')
    for n in range(12):
        write(folder, f"filler{n}.jsonl", f'{{"id": "filler{n}", "title": "خبر {n}", "text": "{FILLER[n % 4]} '
                                          f'({n})"}}\n')
    ingest(store, [folder])


# each query's hits in relevance classes, best first: within a class the two rankings (bm25,
# ts_rank) may order hits differently, across classes never
@pytest.mark.parametrize("query, classes", [
    ("الحديدة", [{"title", "twice"}, {"apart", "phrase"}, {"clitic", "once"}]),   # title or twice beat once
    ("حديده", [{"twice"}, {"apart", "title", "clitic", "phrase"}, {"once"}]),     # ta marbuta, no article
    ("ميناء الحديدة", [{"title"}, {"phrase"}, {"apart"}]),                         # both words in the title first
    ('"ميناء الصيد"', [{"phrase"}]),                                               # next to each other only
    ("الحديدة -ميناء -الميناء", [{"twice"}, {"clitic"}, {"once"}]),
    ("انفجار OR تعزيزات", [{"title"}, {"twice"}]),
])
def test_search_finds_and_ranks_alike_in_both_stores(tmp_path, store, query, classes):
    _ranked_corpus(tmp_path, store)
    found = [h["doc_id"] for h in store.search(query, limit=20)]
    assert set(found) == set().union(*classes)
    rank = [next(i for i, c in enumerate(classes) if doc in c) for doc in found]
    assert rank == sorted(rank), found


def test_seeds_found_by_normalised_name(tmp_path, store):
    from tests.conftest import SEEDS

    ingest(store, [SEEDS])
    hits = {h["doc_id"] for h in store.search("احمد المسماري")}
    # Seed 004 never names him; the four that do are all found.
    assert hits == {"000_21a362b9bfaece20", "001_398c6094c00d115c", "002_a1b4712b8edb0c28", "003_cf72655655ca3791"}


def test_database_is_plain_for_its_engine(tmp_path, db_target, backend):
    with open_store(db_target) as s:
        ingest(s, [])
    if backend == "sqlite":
        con = sqlite3.connect(db_target)
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
    else:
        import psycopg

        with psycopg.connect(db_target) as con:
            assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)


def test_both_stores_hold_the_same_corpus_alike(tmp_path, pg_url):
    from tests.conftest import EXAMPLES, SEEDS

    stores = [open_store(tmp_path / "a.db"), open_store(pg_url)]
    try:
        for s in stores:
            ingest(s, [SEEDS, EXAMPLES])
        sqlite_dump, pg_dump = (dump(s, search_index=False) for s in stores)
        for table in sqlite_dump:
            assert sqlite_dump[table] == pg_dump[table], table
        for query in ("احمد المسماري", "الحوثي", '"قوات الدعم السريع"', "الجيش -السوداني"):
            assert ({h["doc_id"] for h in stores[0].search(query, 50)} == {h["doc_id"] for h in stores[1].search(query, 50)})
        assert stores[0].stats() == stores[1].stats()
        assert stores[0].events() == stores[1].events()
        unnumbered = [[{k: v for k, v in a.items() if k != "id"} for a in s.actors()] for s in stores]
        assert unnumbered[0] == unnumbered[1]          # ids are surrogates, numbered apart
    finally:
        for s in stores:
            s.close()


def test_search_ranks_the_newest_matches_when_more_match_than_it_ranks(tmp_path, store, backend, monkeypatch):
    """A query matching more documents than `search.CANDIDATES` ranks the newest of them (stored
    last); below the cap, all. PostgreSQL's search index is cut into partitions here of 3 rows, so
    the newest matches are gathered across partitions."""
    from marsad.store import search

    monkeypatch.setattr("marsad.store.pgschema.FTS_PARTITION_ROWS", 3)
    names = ["أحمد", "سالم", "خالد", "علي", "حسن", "مراد", "فارس", "يوسف"]
    extra = {0: " وقالت مصادر في مأرب إن مأرب شهدت هدوءاً حذراً.", 6: " وتحدث سكان في مأرب عن نزوح."}
    for i, name in enumerate(names):           # one at a time: stored (and numbered) in this order
        write(tmp_path, f"d{i}.txt", REPORT.format(name=f"{name} الصالحي") + extra.get(i, ""))
        ingest(store, [tmp_path / f"d{i}.txt"])
    best_of_all = [h["doc_id"] for h in store.search("مأرب", 8)]
    assert sorted(best_of_all) == [f"d{i}" for i in range(8)] and best_of_all[:2] == ["d0", "d6"]
    monkeypatch.setattr(search, "CANDIDATES", 4)
    newest = [h for h in store.search("مأرب", 8) if "via" not in h]     # then documents of the place actor
    assert {h["doc_id"] for h in newest} == {"d4", "d5", "d6", "d7"} and newest[0]["doc_id"] == "d6"
    assert [h["doc_id"] for h in store.search("مأرب", 2)] == [h["doc_id"] for h in newest[:2]]
    if backend == "postgres":
        assert store.db.execute("SELECT count(*) FROM pg_inherits WHERE inhparent = "
                                "'documents_fts'::regclass").fetchone()[0] == 3


def test_an_id_another_source_holds_is_stored_under_its_alternative_id(tmp_path, store):
    """The store names the id as the Spark job does (`alternative_id`): 8 hex digits of the source's
    sha1, all 40 when another source's record already holds the 8-digit one."""
    import json

    from marsad.store.sqlite import alternative_id

    files = {name: tmp_path / f"{name}.jsonl" for name in ("a", "b", "c")}
    taken = alternative_id("7", str(files["c"]))
    for name, own_id in (("a", "7"), ("b", taken), ("c", "7")):
        record = {"id": own_id, "text": REPORT.format(name=f"سالم {name}")}
        files[name].write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
        ingest(store, [files[name]])
    ids = {r[0] for r in store.db.execute("SELECT doc_id FROM documents")}
    assert ids == {"7", taken, alternative_id("7", str(files["c"]), 40)}


def test_a_mention_and_its_name_of_one_key_store_the_name_as_the_alias(store):
    """Quote marks leave the key as it is: of the two forms, the name is stored, whatever order the
    process's string hashing would give a set of them."""
    from marsad.model import Document, Entity

    doc = Document("q", "test", "text", content_hash="q", text="نص", title="عنوان")
    doc.entities = [Entity("«لجنة الإنقاذ»", "ORG", 0, 13, canonical="لجنة الإنقاذ")]
    store.save(doc)
    assert [r[0] for r in store.db.execute("SELECT alias FROM actor_aliases")] == ["لجنة الإنقاذ"]
