"""`marsad spark`: the pipeline on a real local Spark session, Parquet tables out.

One session serves the module (starting Spark costs seconds). The corpus is written here, in
sentences written for these tests: plain text, a gzipped JSONL, a big plain JSONL read in pieces,
a WARC.gz made with warcio, and damaged inputs. Outside CI the module skips when pyspark or Java
is missing; in CI (CI=true) that is a failure: the job must be tested there.
"""
from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.scale.session import SparkUnavailable, check_runtime, start

IN_CI = os.environ.get("CI") == "true"
runner = CliRunner()

STRIKE = ("قصفت طائرات مسيرة مخزنا للذخيرة قرب مدينة سرت فجر اليوم الأحد، ما أدى إلى مقتل ثلاثة عناصر "
          "من الحرس البلدي وإصابة سبعة آخرين بجروح متفاوتة.\n"
          "وقال المتحدث باسم غرفة العمليات العقيد خالد الورفلي إن الضربة استهدفت شاحنات كانت تنقل أسلحة "
          "إلى جنوب البلاد، مؤكدا أن فرق الإسعاف نقلت المصابين إلى مستشفى ابن سينا.\n"
          "وأضاف الورفلي في تصريح للصحفيين أن الوضع تحت السيطرة وأن الطرق المؤدية إلى المدينة أعيد فتحها.")
CLASH = ("اندلعت اشتباكات عنيفة بين قوات الجيش ومسلحين مجهولين في بلدة الزاوية غرب العاصمة طرابلس مساء "
         "أمس السبت، وأسفرت عن مقتل خمسة أشخاص بينهم طفلان.\n"
         "وأفاد شهود عيان بأن أصوات الرصاص سمعت لساعات قبل أن تنسحب المجموعات المسلحة نحو الساحل.")
PROTEST = ("تظاهر مئات الطلاب أمام مبنى جامعة الخرطوم صباح اليوم الثلاثاء احتجاجا على ارتفاع أسعار الخبز "
           "والوقود، ورفعوا لافتات تطالب الحكومة بالتراجع عن قراراتها الأخيرة.\n"
           "وقال أحد المنظمين إن الاحتجاجات ستستمر حتى تستجيب السلطات لمطالب الشارع.")
RELIEF = ("أعلنت منظمة الهلال الأحمر وصول قافلة مساعدات تضم عشرين شاحنة إلى مدينة الحديدة، تحمل مواد غذائية "
          "وأدوية لآلاف الأسر النازحة.\n"
          "وأوضح مدير فرع المنظمة أن توزيع المساعدات سيبدأ غدا في المخيمات الواقعة شرق المدينة.")


def _page(title: str, body: str, published: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f'<html><head><title>{title}</title><meta property="article:published_time" content="{published}">'
            f'<meta property="og:site_name" content="موقع الأنباء"></head><body><article><h1>{title}</h1>{paras}'
            "</article></body></html>")


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, ctype, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return buf.getvalue()


def write_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "txt").mkdir(parents=True)
    (corpus / "txt" / "strike.txt").write_text("ضربة جوية قرب سرت\n\n" + STRIKE + "\n", "utf-8")
    (corpus / "txt" / "english.txt").write_text("This page is in English and has no Arabic news in it.\n", "utf-8")
    lines = [json.dumps({"id": "clash-1", "title": "اشتباكات في الزاوية", "text": CLASH,
                         "published": "2023-05-14", "outlet": "وكالة الساحل"}, ensure_ascii=False),
             '{"id": "broken", "text": "نص مقطوع',                                    # invalid JSON
             json.dumps({"id": "empty-1", "title": "بلا نص"}, ensure_ascii=False),
             json.dumps({"id": "protest-1", "title": "احتجاجات في الخرطوم", "text": PROTEST,
                         "published": "2023-05-16"}, ensure_ascii=False)]
    with gzip.open(corpus / "feed.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    # a plain JSONL big enough to be read in pieces (split_bytes below); records without ids
    # take `relief:N`, which must not depend on the piece that read them
    with open(corpus / "relief.jsonl", "w", encoding="utf-8") as f:
        for n in range(12):
            text = RELIEF.replace("عشرين", f"{20 + n}") + f"\nوهذه الدفعة رقم {n + 1} من المساعدات هذا الشهر."
            f.write(json.dumps({"text": text, "published": f"2023-06-0{n % 3 + 1}"}, ensure_ascii=False) + "\n")
            if n == 5:
                f.write("\n")                                                       # a blank line
    copy = STRIKE + "\nوكانت المدينة قد شهدت هدوءا حذرا خلال الأسابيع الماضية."       # the same story, reprinted
    data = _warc([("https://example.org/sirte", "text/html; charset=utf-8",
                   _page("غارة على مخزن ذخيرة في سرت", copy, "2023-05-14").encode()),
                  ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))])
    (corpus / "crawl.warc.gz").write_bytes(data)
    (corpus / "cut.warc.gz").write_bytes(data[:len(data) // 3])                    # truncated archive
    return corpus


def _require_spark() -> None:
    try:
        check_runtime()
    except SparkUnavailable as e:
        if IN_CI:
            pytest.fail(f"the Spark tests must run in CI: {e}")
        pytest.skip(f"Spark tests skipped: {e}")


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    _require_spark()
    from marsad.scale.session import start, stop

    session = start("local[2]", tmp_path_factory.mktemp("spark") / "_spark.log")
    yield session
    stop(session)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("spark-corpus"))


def read_table(out: Path, name: str) -> list[dict]:
    import pyarrow.dataset as ds

    rows = ds.dataset(out / name, format="parquet", partitioning="hive").to_table().to_pylist()
    return sorted(rows, key=lambda r: (r.get("doc_id") or "", r.get("n") or 0))


@pytest.fixture(scope="module")
def job(spark, corpus, tmp_path_factory):
    """The job run once by the Python API (the JSONL read in pieces) and loaded into SQLite."""
    from marsad.scale.job import run
    from marsad.scale.load import load
    from marsad.store.sqlite import Store

    out = tmp_path_factory.mktemp("spark-out") / "tables"
    out.mkdir()
    db = out.parent / "loaded.db"
    loaded = {}

    def twice(docs, _stories) -> None:        # loading again must leave the same store
        loaded["n"] = load(docs, store)
        loaded["first"] = store.stats()
        loaded["again"] = load(docs, store)

    with Store(db) as store:
        summary = run(spark, [corpus], out, split_bytes=1500, load=twice)
    return {"out": out, "db": db, "summary": summary, "loaded": loaded["n"], "first_stats": loaded["first"],
            "tables": {name: read_table(out, name) for name in
                       ("articles", "entities", "quotes", "events", "tolls", "rejected", "stories")}}


@pytest.fixture(scope="module")
def extracted(corpus):
    import marsad

    return list(marsad.extract([corpus]))


def test_tables_and_date_partitions(job):
    out, tables = job["out"], job["tables"]
    assert {p.name for p in (out / "articles").iterdir() if p.is_dir()} >= {"date=2023-05-14", "date=2023-05-16",
                                                                            "date=2023-06-01"}
    articles = {r["doc_id"]: r for r in tables["articles"]}
    assert {"clash-1", "protest-1", "txt/strike", "relief:1", "relief:13"} <= set(articles)
    assert articles["clash-1"]["date"] == "2023-05-14" and articles["clash-1"]["outlet"] == "وكالة الساحل"
    assert all(r["date"] == (r["published"] or "unknown") for r in articles.values())
    assert tables["entities"] and tables["events"] and tables["quotes"]
    assert all(r["doc_id"] in articles for name in ("entities", "quotes", "events") for r in tables[name])
    assert job["summary"]["read_pieces"] > 5          # relief.jsonl was cut into pieces
    assert json.loads((out / "_marsad.json").read_text("utf-8"))["ok"] == len(articles)
    # the pipeline ran once per record, though seven tables were written from its results
    assert job["summary"]["pipeline_runs"] == job["summary"]["documents"]


def test_rejected_inputs_have_reasons(job):
    reasons = {r["doc_id"]: r["error"] for r in job["tables"]["rejected"]}
    assert reasons["txt/english"].startswith("not Arabic text")
    assert reasons["feed:2"].startswith("invalid JSON")
    assert reasons["empty-1"].startswith("no non-empty 'text'")
    assert any("not an article (Content-Type image/png)" in r for r in reasons.values())
    assert any("truncated" in r or "damaged" in r or "cut short" in r for d, r in reasons.items() if "cut" in d
               or d.startswith("urn:")), reasons
    assert all(r["date"] == "unknown" for r in job["tables"]["rejected"])


def test_same_documents_and_events_as_marsad_extract(job, extracted, corpus):
    from marsad.store.sqlite import alternative_id

    tables = job["tables"]
    assert {d.doc_id for d in extracted if d.status == "ok"} == {r["doc_id"] for r in tables["articles"]}
    # cut.warc.gz is a damaged copy of crawl.warc.gz: its record id is crawl's, which was listed first
    ok = {d.doc_id for d in extracted if d.status == "ok"}
    cut = str(corpus / "cut.warc.gz")
    assert ({alternative_id(d.doc_id, cut) if d.doc_id in ok else d.doc_id: d.error for d in extracted
             if d.status != "ok"} == {r["doc_id"]: r["error"] for r in tables["rejected"]})
    for name in ("events", "entities", "quotes", "tolls"):
        got = {}
        for r in tables[name]:
            got.setdefault(r["doc_id"], []).append({k: v for k, v in r.items() if k not in ("doc_id", "n", "date")})
        want = {d.doc_id: [dataclasses.asdict(x) for x in getattr(d, name)] for d in extracted
                if d.status == "ok" and getattr(d, name)}
        assert got == want, name


def test_stories_join_copies_across_files(job):
    articles = {r["doc_id"]: r for r in job["tables"]["articles"]}
    copy = next(d for d, r in articles.items() if r["url"] == "https://example.org/sirte")
    assert articles["txt/strike"]["story_id"] == articles[copy]["story_id"] == min("txt/strike", copy)
    assert articles["clash-1"]["story_id"] == "clash-1"
    stories = {r["doc_id"]: r for r in job["tables"]["stories"]}
    assert stories["txt/strike"]["size"] == 2 and stories["clash-1"]["size"] == 1
    assert job["summary"]["stories_with_copies"] >= 1


def test_own_ids_clashing_across_files_are_made_unique_per_file(spark, tmp_path):
    """Two dumps both using "id": "7": the file listed first keeps it, the other's record is stored
    under the id `marsad ingest` would give it, with a note; one file's own ids stay as they are."""
    from marsad.scale.job import run
    from marsad.store.sqlite import alternative_id

    corpus = tmp_path / "dumps"
    corpus.mkdir()
    for name, body in (("a", CLASH), ("b", PROTEST)):
        (corpus / f"{name}.jsonl").write_text(json.dumps({"id": "7", "text": body, "published": "2023-05-14"},
                                                         ensure_ascii=False) + "\n", "utf-8")
    out = tmp_path / "tables"
    summary = run(spark, [corpus], out)
    articles = {r["doc_id"]: r for r in read_table(out, "articles")}
    moved = alternative_id("7", str(corpus / "b.jsonl"))
    assert set(articles) == {"7", moved} and summary["documents"] == 2
    assert "اشتباكات" in articles["7"]["text"] and "تظاهر" in articles[moved]["text"]
    assert any(moved in note and "a.jsonl" in note for note in articles[moved]["notes"])
    assert {r["doc_id"] for r in read_table(out, "events")} <= set(articles)


def test_a_local_jvm_compiles_with_the_quick_jit_only(spark):
    from marsad.scale.session import LOCAL_JVM_OPTIONS

    running = spark.sparkContext._jvm.java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
    assert LOCAL_JVM_OPTIONS in list(running)          # the JVM was started with it, not only configured


def test_models_load_once_per_worker(spark, job):
    from marsad.pipeline import stages

    def loads(_):
        return [(os.getpid(), stages.cache_info().misses)]

    seen = spark.sparkContext.parallelize(range(8), 8).mapPartitions(loads).collect()
    assert all(misses <= 1 for _, misses in seen), seen


def _counts(stats: dict) -> dict:
    return {k: stats[k] for k in ("documents", "ok", "rejected", "entities", "quotes", "events", "stories")}


def test_loaded_into_sqlite(job):
    from marsad.store.sqlite import Store

    with Store(job["db"]) as store:
        stats = store.stats()
        assert stats["documents"] == job["loaded"] == job["summary"]["documents"]
        assert _counts(stats) == _counts(job["first_stats"])
        assert stats["ok"] == len(job["tables"]["articles"]) and stats["events"] == len(job["tables"]["events"])
        assert store.document("clash-1")["published"] == "2023-05-14"


def test_rerun_by_the_cli_is_idempotent(job, corpus, request, tmp_path):
    """The command, rerun on the same input into the same folder, whole files this time: the same
    tables (ids do not depend on how files were cut). It loads PostgreSQL when a test server can be
    had (else a new SQLite file), which then holds what the SQLite store of the first run holds."""
    from marsad.store.open import open_store
    from marsad.store.sqlite import Store

    try:
        target = request.getfixturevalue("pg_url")
    except pytest.skip.Exception:
        target = str(tmp_path / "again.db")
    out = job["out"]
    result = runner.invoke(app, ["spark", str(corpus), "--out", str(out), "--load-db", target])
    assert result.exit_code == 0, (result.stderr, result.exception)
    summary = json.loads(result.stdout)
    assert summary["read_pieces"] < job["summary"]["read_pieces"] and summary["loaded"] == job["loaded"]
    for name, rows in job["tables"].items():
        assert read_table(out, name) == rows, name
    with Store(job["db"]) as first, open_store(target) as again:
        assert _counts(again.stats()) == _counts(first.stats())
        assert again.document("clash-1")["text"] == first.document("clash-1")["text"]


def test_one_core_and_two_cores_write_the_same_tables(job, corpus, tmp_path):
    """The benchmark's two runs (local[1] against this module's local[2]) do the same work: the same
    records through the pipeline once each, the same tables, one Parquet file per date."""
    import subprocess
    import sys

    out = tmp_path / "one"
    program = "import sys; sys.argv[0] = 'marsad'; from marsad.cli import app; app()"
    done = subprocess.run([sys.executable, "-c", program, "spark", str(corpus), "--out", str(out),
                           "--master", "local[1]"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads(done.stdout)
    assert summary["master"] == "local[1]" and summary["pipeline_runs"] == summary["documents"]
    for name, rows in job["tables"].items():
        assert read_table(out, name) == rows, name
    for folder in (out / "articles").iterdir():
        if folder.is_dir():
            assert len(list(folder.glob("*.parquet"))) == 1, folder


def test_a_row_that_does_not_fit_is_rejected_not_fatal():
    _require_spark()
    from marsad.model import Document, Toll
    from marsad.scale.job import fits
    from marsad.scale.rows import doc_row, doc_schema

    doc = Document("d", "s", "text", "h", text="نص", tolls=[Toll("killed", 10 ** 30, False, "كثير", 0, 2)])
    assert "does not fit" in fits(doc_row(doc, 3), doc_schema())
    assert fits(doc_row(Document("d", "s", "text", "h", text="نص"), 3), doc_schema()) is None


@pytest.mark.parametrize("args, words", [
    (["--master", "nonsense"], "not a Spark master URL"),
    (["--master", "local[0]"], "not a Spark master URL"),
])
def test_bad_master_is_one_line_exit_2(corpus, tmp_path, args, words):
    result = runner.invoke(app, ["spark", str(corpus), "--out", str(tmp_path / "o"), *args])
    assert result.exit_code == 2 and words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_missing_input_and_missing_java_exit_2(corpus, tmp_path):
    result = runner.invoke(app, ["spark", str(tmp_path / "absent"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
    _require_spark()
    result = runner.invoke(app, ["spark", str(corpus), "--out", str(tmp_path / "o")],
                           env={"JAVA_HOME": str(tmp_path / "no-jre")})
    assert result.exit_code == 2 and "no bin/java" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_pyspark_is_one_line_saying_what_to_install(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)           # its import now fails
    result = runner.invoke(app, ["spark", str(corpus), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "pyspark is not installed: pip install 'marsad[spark]'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "o").exists()
    with pytest.raises(SparkUnavailable, match="pip install 'marsad.spark.'") as e:
        start("local[1]", tmp_path / "log")                         # the same check, the same words
    assert e.value.missing == "pyspark"


def test_big_jsonl_is_cut_at_line_starts_with_the_ids_of_a_whole_read(tmp_path):
    import gzip as gz

    from marsad.read.files import read_jsonl_range, read_paths
    from marsad.scale.plan import plan

    lines = [json.dumps({"text": f"خبر قصير رقم {i}"}, ensure_ascii=False) + "\n" for i in range(60)]
    plain = tmp_path / "many.jsonl"
    plain.write_text("".join(lines[:30]) + "\n" + "".join(lines[30:]), "utf-8")   # a blank line inside
    pieces = plan([plain], split_bytes=300)
    assert len(pieces) > 5 and all(p.is_range for p in pieces)
    pieced = [(i.doc_id, i.text) for p in pieces for i in read_jsonl_range(p.input, p.start, p.end, p.lines_before)]
    assert pieced == [(i.doc_id, i.text) for i in read_paths([plain])]
    hidden = tmp_path / "packed.jsonl"                 # gzip under a plain name: read whole, never cut
    hidden.write_bytes(gz.compress(plain.read_bytes()))
    assert len(plan([hidden], split_bytes=300)) == 1


def test_the_first_listed_input_keeps_a_clashing_id():
    from marsad.scale.ids import renames
    from marsad.store.sqlite import alternative_id

    found = {"7": [0, 3, 5], "x": [1, 2]}
    table = {(d, no): new for d, no, new, _ in renames(found, {0: "a", 1: "b", 2: "c", 3: "d", 5: "e"})}
    assert table == {("7", 3): alternative_id("7", "d"), ("7", 5): alternative_id("7", "e"),
                     ("x", 2): alternative_id("x", "c")}
    clash = alternative_id("7", "d")                       # already some record's own id: the full digest
    wide = renames(found, {0: "a", 1: "b", 2: "c", 3: "d", 5: "e"}, taken=lambda ids: {clash} & ids)
    assert (("7", 3, alternative_id("7", "d", 40)) in [r[:3] for r in wide]) and len(wide[0][2]) == len("7~") + 40
