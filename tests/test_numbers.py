"""Numbers written as digits or words, with multipliers, vague quantities and approximation cues."""
from __future__ import annotations

import pytest

from marsad.text.numbers import quantities


@pytest.mark.parametrize("text, value, approximate", [
    ("قتل ثلاثة مدنيين في القصف", 3, False),
    ("أصيب عشرة جنود", 10, False),
    ("وصل عدد القتلى إلى ثلاثة وعشرين شخصا", 23, False),
    ("أسر ثلاثة عشر مقاتلا", 13, False),
    ("بلغت الخسائر خمسة آلاف ومائتين", 5200, False),
    ("فر مائة ألف شخص", 100000, False),
    ("سقط ٤٣ قتيلا", 43, False),
    ("قتل 1,250 شخصا منذ بداية العام", 1250, False),
    ("نزح أكثر من 100 ألف من السكان", 100000, True),
    ("نحو 2.5 مليون نازح", 2500000, True),
    ("قتل ما يقرب من 800 مدني", 800, True),
    ("أسفرت الغارات عن سقوط عشرات القتلى", 10, True),
    ("خرج مئات المحتجين", 100, True),
    ("نزح عشرات الآلاف من المدنيين", 10000, True),
    ("قرابة ألفين مقاتل", 2000, True),
    ("قتل ما لا يقل عن 17 شخصا", 17, True),
])
def test_quantities(text, value, approximate):
    found = quantities(text)
    assert [(q.value, q.approximate) for q in found] == [(value, approximate)]
    q = found[0]
    assert text[q.start:q.end] == q.text


def test_several_numbers_keep_their_offsets():
    text = "قتل 12 شخصا وأصيب ثلاثون آخرون في هجومين منفصلين"
    assert [(q.value, q.text) for q in quantities(text)] == [(12, "12"), (30, "ثلاثون")]


def test_a_vague_quantity_ending_the_text():
    assert [(q.value, q.approximate) for q in quantities("سقط في الهجوم عشرات")] == [(10, True)]
