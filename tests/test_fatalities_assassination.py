"""An assassination told by its verb killed its target (ACLED codes the target as killed), also with a
conjunction written onto the verb (واغتال، فاغتالت، فاغتيل); sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.test_fatalities import fatalities


@pytest.mark.parametrize("body, expected", [
    # an assassination told without a count killed its one target
    ("اغتال مسلحون مجهولون الناشط سامي العلي أمام منزله في مدينة درنة.", {"درنة": 1}),
    ("اغتيل إمام مسجد برصاص مجهولين في مدينة درعا أمس.", {"درعا": 1}),
    # ... with ف or و joined to the verb too
    ("لحق مسلحون بسيارة رئيس البلدية حتى مدخل مدينة سبها فاغتالوا الرجل أمام مرافقيه.", {"سبها": 1}),
    ("وصل المهاجمون إلى مدينة المكلا على دراجة نارية فاغتالوا ضابطا في الشرطة أمام مقر عمله.", {"المكلا": 1}),
    ("واغتال مسلحون ملثمون، مساء الأحد، مدرسا متقاعدا في بلدة الضمير.", {"الضمير": 1}),
    ("واغتالت مجموعة مسلحة القاضي أمام منزله في مدينة بنغازي.", {"بنغازي": 1}),
    ("وفي تطور لاحق فاغتيل مدير المستشفى برصاص قناص في مدينة تعز.", {"تعز": 1}),
    # a number after the verb, past the doer and a time, is the count
    ("اغتالت طائرة مسيرة، فجر اليوم، أربعة شبان في بلدة جباليا.", {"جباليا": 4}),
    ("واغتالت طائرة مسيرة، فجر الخميس، ثلاثة شبان في بلدة بيت حانون.", {"بيت حانون": 3}),
    ("تم اغتيال ثلاثة ضباط في مدينة درعا.", {"درعا": 3}),
    # ... but not a number of things
    ("اغتال مسلحون مختار قرية في ريف مدينة درعا بإطلاق 5 رصاصات عليه.", {"درعا": 1}),
    # the companions killed with the target add up, after a joined verb too
    ("فاغتال مسلحون رئيس المجلس المحلي مع سائقه في مدينة الزاوية.", {"الزاوية": 2}),
])
def test_an_assassination_kills_its_target(body: str, expected: dict) -> None:
    assert fatalities(body) == expected


@pytest.mark.parametrize("body", [
    "ونجا المحافظ من محاولة اغتيال فاشلة في مدينة عدن.",
    "وتبنت الجماعة الهجوم الذي استهدف القاضي في مدينة درنة.",
])
def test_no_assassination_no_dead(body: str) -> None:
    assert set(fatalities(body).values()) <= {None, 0}
