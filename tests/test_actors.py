"""Corpus-wide actors: aliases, cross-article linking, alias search, counts after re-ingest."""
from __future__ import annotations

from marsad.ingest import ingest
from marsad.model import Document, Entity


def doc(doc_id, text, ents):
    d = Document(doc_id, "test", "text", content_hash=doc_id, text=text, title="عنوان")
    d.entities = [Entity(t, kind, 0, len(t), canonical=c, title=title) for t, kind, c, title in ents]
    return d


def test_short_mentions_join_the_one_full_name_across_articles(store):
    store.save(doc("a", "نص", [("العقيد سالم الورفلي", "PER", "سالم الورفلي", "العقيد")]))
    store.save(doc("b", "نص", [("الورفلي", "PER", "الورفلي", None)]))
    rows = store.actors("PER")
    assert [(r["name"], r["mentions"], r["documents"]) for r in rows] == [("سالم الورفلي", 2, 2)]
    assert rows[0]["aliases"] == ["الورفلي"]


def test_unsure_short_mentions_stay_apart(store):
    store.save(doc("a", "نص", [("سالم الورفلي", "PER", "سالم الورفلي", None),
                               ("خالد الورفلي", "PER", "خالد الورفلي", None)]))
    store.save(doc("b", "نص", [("الورفلي", "PER", "الورفلي", None)]))
    assert len(store.actors("PER")) == 3


def test_spelling_variants_are_one_actor(store):
    store.save(doc("a", "نص", [("ميليشيات الكانيات", "ORG", "ميليشيات الكانيات", None)]))
    store.save(doc("b", "نص", [("مليشيات الكانيات", "ORG", "مليشيات الكانيات", None)]))
    assert [r["mentions"] for r in store.actors("ORG")] == [2]


def test_replacing_a_document_takes_its_mentions_back(store):
    store.save(doc("a", "نص", [("حلب", "LOC", "حلب", None), ("حلب", "LOC", "حلب", None)]))
    store.save(doc("a", "نص", [("حلب", "LOC", "حلب", None)]))
    assert [r["mentions"] for r in store.actors("LOC")] == [1]


def test_search_finds_documents_through_an_actor_alias(tmp_path, store):
    (tmp_path / "a.txt").write_text("أعلن العقيد سالم الورفلي أن قواته سيطرت على المعسكر بعد انسحاب المجموعة المسلحة.",
                                    "utf-8")
    ingest(store, [tmp_path])
    # A later article calls him only "الورفلي" and the earlier one never uses that bare form alone:
    store.save(doc("b", "قال الورفلي إن الطريق آمن", [("الورفلي", "PER", "الورفلي", None)]))
    hits = {h["doc_id"] for h in store.search("سالم الورفلي")}
    assert {"a", "b"} <= hits
