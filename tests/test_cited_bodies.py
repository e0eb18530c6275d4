"""A body a report cites ("بحسب الشرطة المحلية"، "وفقا للجيش السوري") is the event's source and claimant,
never one of its sides; a direction or nearness after an organisation noun ("حاجز للجيش قرب درعا")
locates a site and names no body (sentences written for these tests)."""
from __future__ import annotations

import pytest

from tests.conftest import events_of


@pytest.mark.parametrize("sentence, source", [
    ("فجر انتحاري نفسه قرب مطعم في مدينة بلدوين مساء الأحد ما أدى إلى مقتل ستة مدنيين، بحسب الشرطة المحلية.",
     "الشرطة المحلية"),
    ("قتل أربعة أشخاص في قصف مدفعي على قرية شمال مدينة الفاشر، حسب ما أفادت قوات الشرطة المحلية.",
     "قوات الشرطة المحلية"),
])
def test_a_cited_body_is_the_claimant_not_a_side(sentence, source):
    [ev] = events_of(sentence)
    assert ev.claimed_by == source
    assert source not in (ev.actor1, ev.actor2)


def test_according_to_a_definite_body_restores_its_article():
    # "للجيش" is ل + الجيش with the article's alef elided: the claimant is الجيش السوري
    [ev] = events_of("قتل جنديان في هجوم لمسلحين على حاجز للجيش في بلدة نوى، وفقا للجيش السوري.")
    assert ev.claimed_by == "الجيش السوري"


def test_according_to_a_committee_keeps_its_first_letter():
    [ev] = events_of("قتل خمسة مدنيين في غارة جوية على مدينة إدلب، بحسب لجنة الإنقاذ الدولية.")
    assert ev.claimed_by == "لجنة الإنقاذ الدولية"


@pytest.mark.parametrize("sentence, place", [
    ("هاجم مسلحون حاجزا للجيش قرب درعا فجر اليوم.", "درعا"),
    ("قصفت المدفعية مواقع للقوات الحكومية شمال حماة.", "حماة"),
    ("استهدفت طائرة مسيرة دورية للشرطة بالقرب من الرمادي.", "الرمادي"),
])
def test_a_site_of_a_force_is_located_by_the_place_near_it(sentence, place):
    assert [e.location for e in events_of(sentence)] == [place]


def test_a_body_named_for_its_town_still_keeps_the_town_out():
    # "ميليشيات مصراتة": the town names the militia, not where the attack was
    evs = events_of("هاجمت ميليشيات مصراتة بلدة بني وليد أمس.")
    assert [e.location for e in evs] == ["بني وليد"]


@pytest.mark.parametrize("sentence, sides", [
    ("اندلعت اشتباكات عنيفة أمس بين القوات الحكومية والحوثيين في مديرية حريب.", ("القوات الحكومية", "جماعة الحوثي")),
    ("دارت معارك أمس بين قوات الكوماندوز الأمنية والمسلحين في مدينة سرت.", ("قوات الكوماندوز الأمنية", "المسلحين")),
])
def test_the_first_side_between_ends_at_its_conjunction(sentence, sides):
    # "بين X وY": X's phrase does not run on into وY as if Y were its adjective
    [ev] = events_of(sentence)
    assert (ev.actor1, ev.actor2) == sides
