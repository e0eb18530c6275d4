"""Entities read in the country of the place that contains them (place_runs.read_in_containers), on
sentences written for these tests."""
from __future__ import annotations

from marsad.extraction.entities import geocode
from marsad.extraction.place_runs import read_in_containers
from marsad.model import Entity


def located(text: str, names: list[str]) -> dict[str, tuple]:
    ents = []
    for name in names:
        i = text.index(name)
        ents.append(Entity(name, "LOC", i, i + len(name), canonical=name))
    geocode(ents)
    read_in_containers(text, ents)
    return {e.text: (e.country, e.latitude is not None) for e in ents}


def test_a_town_followed_by_its_province_or_country_is_read_there():
    # الخالدية is also a Jordanian town; الفاو an Iraqi port
    found = located("انفجرت عبوة في مدينة الخالدية بمحافظة الأنبار غربي العراق، وأخرى في بلدة الفاو، اليمن.",
                    ["الخالدية", "الأنبار", "العراق", "الفاو", "اليمن"])
    assert found["الخالدية"][0] == "IQ"
    assert found["الفاو"] == ("YE", False)           # no Yemeni الفاو known: the country, no coordinates


def test_lists_provinces_and_famous_cities_keep_their_own_country():
    found = located("وصل الوفد إلى دمشق، بيروت، ثم إلى حلب قرب تركيا.", ["دمشق", "بيروت", "حلب", "تركيا"])
    assert (found["دمشق"][0], found["بيروت"][0], found["حلب"][0]) == ("SY", "LB", "SY")
