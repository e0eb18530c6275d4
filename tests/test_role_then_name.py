"""A speaker's name after a role phrase, where name lists and normalisation mislead (sentences written
for these tests): علي (Ali) normalises as على (on) does; a given name may carry the article (الفاتح)."""
from __future__ import annotations

import pytest

from tests.conftest import quotes_of, report_of


@pytest.mark.parametrize("sentence, speaker", [
    ("وقال عضو مجلس النواب عن مدينة الزاوية علي أبوزريبة إن الوضع في المدينة خطير جدا.", "علي أبوزريبة"),
    ("وقال المتحدث باسم قوات الدعم السريع الفاتح قرشي إن قواته صدت الهجوم على المدينة.", "الفاتح قرشي"),
])
def test_the_name_after_the_role_is_the_speaker(sentence, speaker):
    assert [q.speaker for q in quotes_of(sentence)] == [speaker]


def test_a_nationality_after_a_definite_noun_is_no_name():
    doc = report_of("ورأى الوزير السابق محمد سعيد أن «الشعب اللبناني بأكمله شعر بأن كرامته مهددة».")
    assert [q.speaker for q in doc.quotes] == ["محمد سعيد"]
    assert not any("بأكمله" in e.text for e in doc.entities)
