"""A verb after the people it counts agrees with them in number: a singular one is somebody else's
(sentences written for these tests)."""
from __future__ import annotations

import pytest

from marsad.extraction.tolls import casualty_figures


def figures(sentence: str) -> list[tuple[str, int]]:
    return [(f.kind, f.value) for f in casualty_figures(sentence)]


@pytest.mark.parametrize("sentence", [
    "وأوضح المصدر أن المهاجمين أطلقوا عدة رصاصات على الرجل قبل أن يلوذوا بالفرار، مبينا أنه فارق الحياة.",
    "وقال الطبيب إن ثلاثة من الجرحى نقلوا إلى المستشفى وإن أحدهم فارق الحياة.",
    "وذكر الشاهد أن المسلحين أطلقوا عشرات الطلقات على السيارة قبل أن يلقى سائقها حتفه.",
])
def test_a_singular_verb_does_not_count_the_plural_before_it(sentence):
    assert ("killed", 3) not in figures(sentence) and all(v < 3 for _, v in figures(sentence))


@pytest.mark.parametrize("sentence, expected", [
    ("وأشار إلى أن ستة أشخاص قتلوا في القصف.", ("killed", 6)),
    ("وأكد المسعفون أن خمسة مدنيين أصيبوا بجروح في الانفجار.", ("injured", 5)),
    ("وقال الأهالي إن ثلاثة صيادين لقوا حتفهم غرقا بعد استهداف قاربهم.", ("killed", 3)),
])
def test_a_plural_verb_still_counts_them(sentence, expected):
    assert expected in figures(sentence)
