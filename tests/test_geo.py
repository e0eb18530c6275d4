"""Place resolution against the shipped gazetteer and a user-supplied one."""
from __future__ import annotations

import json

import pytest

from marsad.extraction.geo import load_gazetteer, resolve
from marsad.text import lexicons as lx
from tests.conftest import SHARED


@pytest.fixture()
def fresh_places():
    """Give each test that loads a gazetteer its own copy of the place tables."""
    yield
    lx.places.cache_clear()
    lx.refresh()


@pytest.mark.parametrize("name, country, admin1", [
    ("بالحديدة", "YE", "الحديدة"),
    ("وتعز", "YE", "تعز"),
    ("دير الزور", "SY", "دير الزور"),
    ("الفاشر", "SD", "شمال دارفور"),
    ("الجفرة", "LY", "الجفرة"),
    ("الموصل", "IQ", "نينوى"),
])
def test_places_resolve_with_clitics_and_admin1(name, country, admin1):
    m = resolve(name)
    assert (m.country, m.admin1) == (country, admin1)


def test_countries_resolve_with_their_english_name():
    m = resolve("والسودان")
    assert (m.kind, m.country, m.country_name) == ("country", "SD", "Sudan")


def test_the_articles_country_wins_among_same_named_places():
    assert resolve("طرابلس", "LB").country == "LB"
    assert resolve("طرابلس", "LY").country == "LY"
    assert resolve("صلاح الدين", "IQ").country == "IQ"


def test_unknown_places_are_none():
    assert resolve("مكان لا وجود له") is None


def test_a_user_tsv_gazetteer_adds_places(tmp_path, fresh_places):
    f = tmp_path / "extra.tsv"
    f.write_text("name\tlatitude\tlongitude\tcountry\tadmin1\nخربة الزعتر\t35.1\t36.7\tSY\tحماة\n", "utf-8")
    assert resolve("خربة الزعتر") is None
    assert load_gazetteer(f) == 1
    m = resolve("بخربة الزعتر")
    assert (m.country, m.admin1, m.latitude) == ("SY", "حماة", 35.1)


def test_the_osm_libya_gazetteer_loads_and_guesses_the_country(tmp_path, fresh_places):
    src = SHARED / "data" / "gazetteer" / "libya_osm_places.json"
    names = {n.get("ar") for item in json.loads(src.read_text("utf-8"))["data"] for n in item["name"]}
    assert "العسة" in names and resolve("العسة") is None
    assert load_gazetteer(src) > 700
    m = resolve("بالعسة")
    assert m.country == "LY" and m.admin1 == "النقاط الخمس"


def test_an_event_at_a_small_namesake_abroad_stays_in_the_articles_country():
    from tests.conftest import events_of

    # تازة is a Moroccan town; in a report from Libya that names nothing else Moroccan, the raided
    # "منطقة تازة" is a Libyan locality the gazetteer lacks: the article's country, not located
    body = ("قال مسؤول محلي في مدينة مصراتة إن طائرات مسيرة شنت غارات على مواقع لمسلحين في منطقة تازة أمس، "
            "وإن الغارات دمرت آليتين. وأضاف أن الهدوء عاد إلى سرت.")
    at = {e.location: e for e in events_of(body)}
    assert at["تازة"].country == "Libya" and at["تازة"].latitude is None and at["تازة"].geo_precision == 3
    # a famous city abroad stays itself
    body = "قالت مصادر أمنية في بيروت إن غارة جوية إسرائيلية استهدفت مبنى في دمشق فجر اليوم، فيما عاد الهدوء إلى صيدا وصور."
    at = {e.location: e for e in events_of(body)}
    assert at["دمشق"].country == "Syria" and at["دمشق"].latitude is not None
