"""An assassination verb with a conjunction written onto it (واغتال، فاغتالت، فاغتيل) killed its target as
the bare verb does; sentences written for these tests."""
from __future__ import annotations

import pytest

from marsad.model import RawItem
from marsad.pipeline import process


def fatalities(body: str) -> dict[str, int | None]:
    doc = process(RawItem("t", "test", "jsonl", text="تقرير اختباري\n" + body, meta={"published": "2024-03-10"}))
    assert doc.status == "ok", doc.error
    return {e.location: e.fatalities for e in doc.events}


@pytest.mark.parametrize("body, expected", [
    # ف and و joined to the verb: the one target is one dead
    ("لحق مسلحون بسيارة رئيس البلدية حتى مدخل مدينة سبها فاغتالوا الرجل أمام مرافقيه.", {"سبها": 1}),
    ("وصل المهاجمون إلى مدينة المكلا على دراجة نارية فاغتالوا ضابطا في الشرطة أمام مقر عمله.", {"المكلا": 1}),
    ("واغتال مسلحون ملثمون، مساء الأحد، مدرسا متقاعدا في بلدة الضمير.", {"الضمير": 1}),
    ("واغتالت مجموعة مسلحة القاضي أمام منزله في مدينة بنغازي.", {"بنغازي": 1}),
    ("وفي تطور لاحق فاغتيل مدير المستشفى برصاص قناص في مدينة تعز.", {"تعز": 1}),
    # a count of people after the joined verb is the count, as after the bare verb
    ("واغتالت طائرة مسيرة، فجر الخميس، ثلاثة شبان في بلدة بيت حانون.", {"بيت حانون": 3}),
    # the companions killed with the target add up after the joined verb too
    ("فاغتال مسلحون رئيس المجلس المحلي مع سائقه في مدينة الزاوية.", {"الزاوية": 2}),
])
def test_an_assassination_verb_with_a_conjunction_kills_its_target(body: str, expected: dict) -> None:
    assert fatalities(body) == expected


@pytest.mark.parametrize("body", [
    "ونجا المحافظ من محاولة اغتيال فاشلة في مدينة عدن.",
    "وتبنت الجماعة الهجوم الذي استهدف القاضي في مدينة درنة.",
])
def test_no_assassination_no_dead(body: str) -> None:
    assert set(fatalities(body).values()) <= {None, 0}
