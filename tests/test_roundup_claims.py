"""A wire roundup strings separate incidents ("إلى ذلك،"، "وفي سياق متصل،"): a claim of responsibility
told after one of them claims that one, not the incident before the link; a claim told beside an attack
("وتبنى تنظيم X الهجوم") names its claimant, and its doer when the attack names only gunmen.
Sentences written for these tests."""
from __future__ import annotations

from tests.conftest import events_of as reported


def events_of(body: str) -> dict[str, tuple]:
    return {e.location: (e.actor1, e.actor2, e.claimed_by) for e in reported(body, "2026-05-10")}


def test_a_claim_after_a_roundup_link_is_not_the_earlier_incidents():
    evs = events_of("قتل أربعة أشخاص في اشتباكات اندلعت بين عائلتين في بلدة البصيرة أمس.\n"
                    "إلى ذلك، قتل ثلاثة جنود بهجوم شنه مسلحون على حاجز في بلدة الميادين.\n"
                    "وتبنى تنظيم الدولة الإسلامية الهجوم في بيان.")
    assert evs["البصيرة"][0] != "تنظيم الدولة الإسلامية"
    assert evs["الميادين"][0] == "تنظيم الدولة الإسلامية"
    assert evs["الميادين"][2] == "تنظيم الدولة الإسلامية"


def test_related_context_opens_another_incident():
    evs = events_of("قتل مدنيان بانفجار عبوة ناسفة في بلدة جاسم أمس.\n"
                    "وفي سياق متصل، أعلنت هيئة تحرير الشام مسؤوليتها عن هجوم على حاجز في بلدة سرمدا.")
    assert evs["جاسم"][0] != "هيئة تحرير الشام"
    assert evs["جاسم"][2] != "هيئة تحرير الشام"


def test_adopting_an_attack_in_its_own_sentence_claims_it():
    evs = events_of("تبنت حركة الشباب التفجير الانتحاري الذي استهدف مطعما في مدينة بيدوا أمس، وأسفر عن مقتل "
                    "تسعة أشخاص.")
    assert evs["بيدوا"][2] == "حركة الشباب"


def test_indefinite_gunmen_are_not_the_force_named_before():
    # "مسلحون" introduces men not named yet: not the force whose soldiers they killed
    evs = events_of("قتل ثلاثة من عناصر قوات سوريا الديمقراطية بهجوم شنه مسلحون على نقطة في بلدة الصور.")
    assert evs["الصور"][0] != "قوات سوريا الديمقراطية"


def test_a_paragraph_fronting_another_place_is_another_incident():
    from marsad.extraction.story_actors import new_incident

    evs = events_of("أعلنت جماعة نصرة الإسلام والمسلمين مسؤوليتها عن هجوم استهدف قاعدة للجيش في منطقة بوني أمس.\n"
                    "وفي بوركينا فاسو المجاورة، قتل ستة عشر مدنيا في هجوم على قرية قرب مدينة دوري أمس.")
    assert evs["دوري"][0] != "جماعة نصرة الإسلام والمسلمين"
    assert evs["دوري"][2] != "جماعة نصرة الإسلام والمسلمين"
    story = "تظاهر المئات في عدن أمس. "
    assert new_incident(story + "وفي تعز، نظم الطلاب وقفة.", len(story))
    assert not new_incident(story + "وفي عدن، أغلق المحتجون الشوارع.", len(story))      # the same town, the same story
    assert not new_incident(story + "وفي بيان، قالت الحركة إن …", len(story))
    assert not new_incident(story + "وفي وقت لاحق، أعلنت الحركة …", len(story))


def test_a_coalition_of_states_acts_abroad_a_local_one_does_not():
    from marsad.extraction.story_actors import _at_home

    assert _at_home("التحالف العربي", "Yemen") == "التحالف العربي"        # Saudi-led, striking in Yemen
    assert _at_home("إدارة العمليات العسكرية", "Sudan") is None           # a Syrian factions' command
