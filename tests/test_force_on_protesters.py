"""Force used on protesters (sentences written for these tests): firing told with فتح النار, protesters
counted as a dual (متظاهران), a building a protest faces in a town, and a dual that is a name."""
from __future__ import annotations

import pytest

from tests.conftest import events_of


@pytest.mark.parametrize("sentence", [
    "قتل متظاهران برصاص قوات الأمن في مدينة الناصرية أمس.",
    "قتل محتجان عندما فتحت قوات الأمن النار على المتظاهرين في مدينة الديوانية أمس.",
])
def test_protesters_killed_by_force_are_excessive_force(sentence):
    [ev] = events_of(sentence)
    assert (ev.sub_event_type, ev.fatalities) == ("Excessive force against protesters", 2)
    assert ev.actor2 and "الأمن" in ev.actor2           # ACLED: the protesters are actor1, the force actor2


def test_a_dual_of_protesters_is_the_protest_side():
    [ev] = events_of("قتل متظاهران برصاص قوات الأمن في مدينة الناصرية أمس.")
    assert ev.actor1 == "متظاهران"


def test_a_nominative_dual_of_any_person_noun_counts_two():
    [ev] = events_of("قتلت ممرضتان في غارة جوية على مستشفى في مدينة الفاشر أمس.")
    assert ev.fatalities == 2


def test_a_dual_that_is_a_name_counts_no_one():
    # طالبان is the Taliban, not two students
    from marsad.extraction.casualty_words import casualty_lexicon

    assert "طالبان" not in casualty_lexicon()["duals"] and "متظاهران" in casualty_lexicon()["duals"]


@pytest.mark.parametrize("sentence, place", [
    ("فرقت الشرطة المتظاهرين أمام مبنى البرلمان في بغداد بعد أن تجمعوا احتجاجا على قانون الانتخابات.", "بغداد"),
    ("تظاهر المئات أمام مقر الحكومة في طرابلس احتجاجا على انقطاع الكهرباء.", "طرابلس"),
])
def test_a_building_a_protest_faces_is_in_the_town_after_it(sentence, place):
    assert [e.location for e in events_of(sentence)] == [place]


def test_a_death_the_crowd_protests_is_no_toll_of_the_protest():
    [ev] = events_of("أحرق محتجون غاضبون مقر حزب في مدينة الناصرية أمس احتجاجا على مقتل ناشط.")
    assert (ev.event_type, ev.fatalities) == ("Riots", None)


def test_a_road_between_two_towns_does_not_hide_the_crowds_act():
    # "بين" tells the crowd a force faced only right around the crowd word, not a road's two ends
    evs = events_of("قطع محتجون الطريق الدولي بين طرابلس ومصراتة بالإطارات المشتعلة أمس احتجاجا على انقطاع الكهرباء.")
    assert [e.sub_event_type for e in evs] == ["Violent demonstration"]
