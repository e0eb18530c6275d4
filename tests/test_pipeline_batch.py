"""Annotating articles in batches changes nothing but speed: same entities, same outcomes, and a
failure stays with the one article that caused it. Texts are written for these tests."""
from __future__ import annotations

import json

import marsad.pipeline as pipeline
from marsad.extraction.entities import find_entities, find_entities_many
from marsad.ingest import ingest
from marsad.model import RawItem
from marsad.store.sqlite import Store

ARTICLES = [
    "قال العقيد سامر الحسن إن قوات النظام قصفت بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم.",
    "أعلنت الأمم المتحدة أن نحو ثلاثة آلاف شخص نزحوا من مدينة الفاشر خلال الأسبوع الماضي.",
    "",
    "وأكد المتحدث باسم الحكومة اليمنية أن الاشتباكات تجددت قرب مأرب. وأضاف أن الحوثيين تكبدوا خسائر.",
]


def _item(i: int, body: str) -> RawItem:
    return RawItem(f"a{i}", "test", "jsonl", text=f"تقرير اختباري رقم {i}\n{body}" if body else "")


def test_batched_entities_equal_one_article_at_a_time():
    batched = find_entities_many(ARTICLES)
    assert batched == [find_entities(t) for t in ARTICLES]
    assert any(e.type == "LOC" for e in batched[0]) and batched[2] == []


def test_a_failing_article_does_not_take_its_batch_down(monkeypatch):
    real = pipeline.stages()

    def fragile(docs):
        for d in docs:
            if "الفاشر" in d.text:
                raise RuntimeError("boom")
        return docs

    monkeypatch.setattr(pipeline, "stages", lambda: (*real, fragile))
    docs = pipeline.process_many([_item(i, body) for i, body in enumerate(ARTICLES)])
    assert [d.doc_id for d in docs] == ["a0", "a1", "a2", "a3"]
    assert [d.status for d in docs] == ["ok", "rejected", "rejected", "ok"]
    assert "RuntimeError: boom" in docs[1].error and "internal error" not in (docs[2].error or "")
    assert docs[0].entities and docs[3].quotes


def test_a_repeat_inside_one_batch_is_judged_against_the_first(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"id": "x1", "text": "خبر أول\n" + ARTICLES[0]}, {"id": "x2", "text": "خبر أول\n" + ARTICLES[0]},
            {"id": "x3", "text": "خبر ثان\n" + ARTICLES[1]}, {"id": "x3", "text": "خبر ثالث\n" + ARTICLES[3]}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    outcomes = []
    with Store(tmp_path / "t.db") as store:
        summary = ingest(store, [src], on_item=lambda item, outcome, doc: outcomes.append((item.doc_id, outcome)))
    assert outcomes == [("x1", "ok"), ("x2", "unchanged"), ("x3", "ok"), ("x3", "updated")]
    assert (summary.ok, summary.unchanged, summary.updated) == (3, 1, 1)
