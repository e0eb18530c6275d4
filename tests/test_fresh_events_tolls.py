"""Arrests told with the masculine or plural verb, and duals of person nouns as victims, on sentences
written for these tests."""
from __future__ import annotations

import pytest

from marsad.extraction.tolls import casualty_figures
from marsad.model import RawItem
from marsad.pipeline import process


def events(body: str):
    doc = process(RawItem("t", "test", "jsonl", text="تقرير اختباري\n" + body, meta={"published": "2024-03-10"}))
    assert doc.status == "ok", doc.error
    return doc.events


@pytest.mark.parametrize("text", [
    # a masculine force (الجيش، جهاز، الأمن العام) arrests with اعتقل, men with اعتقلوا, a passive اعتقل
    "اعتقل الجيش اللبناني خمسة مطلوبين في بلدة عرسال.",
    "اعتقل جهاز الأمن الداخلي شابين في مدينة مصراتة بتهمة تهريب السلاح.",
    "داهم عناصر الشرطة حيا في مدينة البصرة واعتقلوا ثلاثة مشتبه بهم.",
])
def test_an_arrest_told_with_any_person_of_the_verb_is_an_event(text):
    assert [(e.event_type, e.sub_event_type) for e in events(text)] == [("Strategic developments", "Arrests")]


@pytest.mark.parametrize("text, two", [
    ("قتل قياديان في الفصيل بضربة مسيرة على سيارتهما", True),
    ("أسفر القصف عن مقتل ناشطين اثنين", True),
    ("قتل مسلحان في اشتباك مع الشرطة", True),
    ("أصيب مسعفان بشظايا القذيفة", False),
])
def test_the_dual_of_a_person_noun_counts_two(text, two):
    figs = [(f.kind, f.value) for f in casualty_figures(text) if not f.part]
    assert (("killed", 2) in figs) == two and any(v == 2 for _, v in figs)
