"""Towns of north-east Nigeria and Niger's Diffa and Tillaberi regions, as wires name them in Boko Haram and
ISWAP reports; sentences written for these tests."""
from __future__ import annotations

from marsad.extraction.geo import resolve
from marsad.model import RawItem
from marsad.pipeline import process


def places_of(body: str) -> list[tuple]:
    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\n" + body, meta={"published": "2026-05-10"}))
    return [(e.location, e.country, e.geo_precision) for e in doc.events]


def test_a_borno_town_is_located_in_nigeria():
    assert places_of("قتل مسلحون تسعة مزارعين في هجوم على قرية قرب بلدة دامبوا بولاية بورنو أمس.") == \
        [("دامبوا", "Nigeria", 2)]


def test_diffa_and_bosso_are_niger_not_namesakes_in_europe():
    assert resolve("ديفا").country == "NE" and resolve("بوسو").country == "NE"
    assert resolve("يوبي").country == "NG"


def test_a_state_is_its_own_admin1_and_other_towns_get_no_guessed_one():
    assert resolve("بورنو").admin1 == "بورنو" and resolve("غوزا").admin1 == "بورنو"
    assert resolve("أبوجا").admin1 is None
