"""A town the gazetteers do not know, told as where a local armed group struck ("هاجمت جماعة X قاعدة في
منطقة Y"), is in that group's country: not at a small namesake abroad, nor in the country the rest of a
roundup is about. A state force acts abroad and says nothing of where. Sentences written for these tests."""
from __future__ import annotations

from marsad.model import RawItem
from marsad.pipeline import process


def countries_of(body: str) -> dict[str, str | None]:
    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\n" + body, meta={"published": "2026-05-10"}))
    assert doc.status == "ok", doc.error
    return {e.location: e.country for e in doc.events}


def test_an_unknown_town_takes_the_country_of_the_group_that_struck_it():
    found = countries_of("أعلنت جماعة نصرة الإسلام والمسلمين مسؤوليتها عن هجوم استهدف قاعدة للجيش المالي في منطقة "
                         "بوني وسط البلاد يوم الجمعة.")
    assert found["بوني"] == "Mali"


def test_not_the_country_of_the_roundups_next_paragraph():
    found = countries_of("أعلنت جماعة نصرة الإسلام والمسلمين مسؤوليتها عن هجوم استهدف قاعدة للجيش المالي في منطقة "
                         "بوني وسط البلاد يوم الجمعة.\nوفي بوركينا فاسو المجاورة، قتل ستة عشر مدنيا في هجوم نفذه "
                         "مسلحون على قرية قرب مدينة دوري، بحسب ما أفاد مسؤول محلي.")
    assert found["بوني"] == "Mali"
    assert found["دوري"] == "Burkina Faso"
