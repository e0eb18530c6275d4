"""Nouns of everyday news prose that GeoNames lists as small towns abroad are no event places;
sentences written for these tests."""
from __future__ import annotations

from marsad.extraction.entities import geocode
from marsad.extraction.event_places import candidate_places
from marsad.model import Entity
from tests.conftest import events_of as reported


def events_of(body: str):
    return reported(body, "2026-05-10")


def test_within_the_framework_is_no_town():
    text = "اعتقلت قوات الأمن ستة مطلوبين، في إطار حملة لملاحقة الخلايا النائمة."
    k = text.index("إطار")
    ents = [Entity("إطار", "LOC", k, k + 4)]          # as the tagger sometimes reads it
    geocode(ents)
    assert ents[0].country is None and candidate_places(text, ents) == []


def test_dwellings_of_the_displaced_are_no_town():
    evs = events_of("قصفت قوات الدعم السريع مخيم زمزم أمس، وسقطت القذائف على مساكن النازحين جنوب مدينة الفاشر.")
    assert "مساكن" not in [e.location for e in evs]
    assert all(e.country == "Sudan" for e in evs)
