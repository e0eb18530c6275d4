"""A wire report's dateline carries its date with the year ("الفاشر (السودان) - 3 أكتوبر 2026 -"): that
year is the report's own, not a past year that makes its first sentence background (sentences written
for these tests)."""
from __future__ import annotations

import pytest

from tests.conftest import events_of


@pytest.mark.parametrize("body", [
    "الفاشر (السودان) - 3 أكتوبر 2026 - قتل سبعة مدنيين جراء قصف مدفعي استهدف سوقا شعبيا في مدينة الفاشر.",
    "الخرطوم 3 أكتوبر 2026 (رويترز) - قصفت طائرات حربية سوقا في مدينة الفاشر.",
    "مقديشو، الصومال، 12 مايو 2026 (أ ف ب) - انفجرت سيارة مفخخة قرب حاجز للشرطة في مدينة بيدوا.",
])
def test_the_lead_event_of_a_dated_dateline_is_reported(body):
    assert [e.event_type for e in events_of(body)] in (["Explosions/Remote violence"],)


def test_a_past_year_in_the_sentence_itself_is_still_background():
    body = "الخرطوم 3 أكتوبر 2026 (رويترز) - قصفت طائرات حربية سوقا في مدينة الفاشر في عام 2014."
    assert events_of(body) == []


def test_a_name_in_the_datelines_credits_is_an_outlet():
    from marsad.model import RawItem
    from marsad.pipeline import process

    doc = process(RawItem("t", "t.txt", "txt", text="عنوان الخبر\n\nكسلا، 8 نوفمبر 2026 (عاين) - فرت مئات "
                                                    "الأسر من قرى شرق الولاية إثر هجمات مسلحة."))
    credits = [(e.text, e.type) for e in doc.entities if e.end <= doc.dateline_whole.end and e.text == "عاين"]
    assert credits == [("عاين", "ORG")]
