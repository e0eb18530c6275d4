"""An indefinite accusative noun and its relative adjective ("كمينا أمنيا"، "موقعا عسكريا") are no
places, whatever the tagger says before a direction; a country spelled the same way stays one
(sentences written for these tests)."""
from __future__ import annotations

import pytest

from marsad.model import RawItem
from marsad.pipeline import process


def places(body: str) -> list[str]:
    doc = process(RawItem("t", "test.txt", "txt", text="تقرير اختباري\n\n" + body))
    return [e.text for e in doc.entities if e.type == "LOC"]


@pytest.mark.parametrize("body, town", [
    ("هاجمت عناصر مسلحة كمينا أمنيا جنوب مدينة العريش.", "العريش"),
    ("استهدفت طائرة مسيرة موقعا عسكريا شمال مدينة سرت.", "سرت"),
])
def test_a_noun_and_its_adjective_are_no_places(body, town):
    assert places(body) == [town]


def test_a_country_before_an_adverb_stays_a_place():
    assert "فرنسا" in places("وأدانت فرنسا رسميا الهجوم على القافلة قرب مدينة غاو.")


def test_coordinated_countries_are_no_adjectives():
    found = places("ودعت ألمانيا وفرنسا وإيطاليا إلى وقف القتال في مدينة الفاشر.")
    assert {"فرنسا", "إيطاليا"} <= set(found)
