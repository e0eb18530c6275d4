"""A road named by its two ends ("على طريق دمشق السويداء"، "الطريق الدولي حمص - طرطوس") is one stretch:
one event, at the end the sentence already names (else the first), near it (precision 2), not one
event at each city. Sentences written for these tests."""
from __future__ import annotations

from marsad.extraction.place_runs import road
from marsad.model import RawItem
from marsad.pipeline import process


def places_of(body: str) -> list[tuple]:
    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\n" + body, meta={"published": "2026-05-10"}))
    assert doc.status == "ok", doc.error
    return [(e.location, e.geo_precision) for e in doc.events]


def test_a_road_between_two_cities_is_one_event_near_the_first():
    assert places_of("قتل جنديان في كمين نصبه مسلحون على طريق دمشق السويداء أمس.") == [("دمشق", 2)]


def test_the_end_the_sentence_fronts_is_the_place():
    found = places_of("وفي السويداء، قتل شاب وأصيب اثنان آخران في اشتباك بين مسلحين محليين وعناصر من الأمن العام "
                      "عند حاجز على طريق دمشق السويداء.")
    assert [loc for loc, _ in found] == ["السويداء"]


def test_road_words():
    assert road(["على", "طريق"]) and road(["الطريق", "الدولي"]) and road(["على", "الاوتوستراد"])
    assert not road(["في", "مدينه"]) and not road(["الدولي"])


def test_a_list_of_towns_is_still_one_event_each():
    found = places_of("قصفت المدفعية بلدات كفرنبل ومعرة النعمان وسراقب أمس.")
    assert [loc for loc, _ in found] == ["كفرنبل", "معرة النعمان", "سراقب"]
