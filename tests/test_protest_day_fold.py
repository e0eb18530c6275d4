"""A demonstration told over several sentences: a landmark the gazetteers do not know (جسر، ساحة) is at the
town the story named before it; a protest and a riot at one place on one day are one event, the riot;
the residents who protest (الأهالي) are its protesters. Sentences written for these tests."""
from __future__ import annotations

from tests.conftest import events_of


def test_an_unknown_landmark_is_at_the_town_named_before():
    events = events_of("تجمع مئات المحتجين في مدينة الديوانية صباح اليوم مطالبين بفرص عمل. "
                       "وأضاف شهود أن المحتجين أحرقوا إطارات السيارات وأغلقوا جسر الصدرين.")
    assert [(e.event_type, e.location) for e in events] == [("Riots", "الديوانية")]


def test_a_protest_and_a_riot_elsewhere_stay_two():
    events = events_of("تظاهر مئات المحتجين في مدينة الديوانية صباح اليوم مطالبين بفرص عمل. "
                       "وفي مدينة الكوت، أحرق محتجون إطارات السيارات أمام مبنى المحافظة اليوم.")
    assert sorted((e.event_type, e.location) for e in events) == [("Protests", "الديوانية"), ("Riots", "الكوت")]


def test_residents_who_protest_are_its_protesters():
    [e] = events_of("واصل الأهالي في مدينة جرمانا احتجاجاتهم اليوم مطالبين بالإفراج عن المعتقلين.")
    assert e.actor1 == "الأهالي"


def test_fighting_taken_back_by_a_definite_noun_in_a_district_is_the_fighting_told():
    events = events_of("اندلعت اشتباكات عنيفة مساء أمس بين مجموعتين مسلحتين في مدينة الزاوية الليبية، "
                       "ما أسفر عن مقتل خمسة أشخاص. وتركزت المواجهات في منطقة الحرشة غرب المدينة.")
    assert [(e.location, e.fatalities) for e in events if e.event_type == "Battles"] == [("الزاوية", 5)]
