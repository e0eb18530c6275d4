"""The doer of an attack told with a light verb (شنّ، نفّذ، قام بـ) is the verb's subject, and an event's
target is never its doer (sentences written for these tests)."""
from __future__ import annotations

from marsad.model import RawItem
from marsad.pipeline import process


def actors_of(body: str) -> list[tuple]:
    doc = process(RawItem(doc_id="t", source="t.txt", fmt="txt", text="عنوان\n\n" + body))
    return [(e.actor1, e.actor2) for e in doc.events]


def test_aircraft_of_a_nationality_under_a_light_verb_are_that_countrys_forces():
    assert actors_of("شنت طائرات أمريكية غارات على بلدة في محافظة صعدة.") == [("القوات الأمريكية", None)]
    assert actors_of("قامت مقاتلات روسية بشن غارات على ريف إدلب الجنوبي.") == [("القوات الروسية", None)]
    # subject first, with a descriptive word between the aircraft and their nationality
    assert actors_of("طائرات حربية تركية شنت قصفا على قرى في ريف دهوك.") == [("القوات التركية", None)]


def test_the_first_of_coordinated_nationalities_is_the_doer_and_the_target_after_ala_is_actor2():
    assert actors_of("شنت طائرات أمريكية وبريطانية، فجر الأحد، خمس غارات على مواقع تابعة لجماعة الحوثي "
                     "في محافظة الحديدة.") == [("القوات الأمريكية", "جماعة الحوثي")]
    # the light verb's subject is nearer than a body named as the source before it
    assert actors_of("قال الجيش اليمني إن طائرات أمريكية شنت غارات على مواقع للحوثيين في محافظة صعدة.") == \
        [("القوات الأمريكية", "جماعة الحوثي")]


def test_a_target_named_again_in_the_next_sentence_does_not_become_the_doer():
    found = actors_of("شنت طائرات حربية، فجر الأحد، خمس غارات على مواقع تابعة لجماعة الحوثي في محافظة الحديدة. "
                      "وقالت جماعة الحوثي إن الغارات لم تسفر عن إصابات.")
    assert found and all(a1 != "جماعة الحوثي" for a1, _ in found)


def test_aircraft_of_a_nationality_before_the_plain_verb_are_its_subject():
    assert actors_of("طائرات إسرائيلية قصفت مواقع في جنوب لبنان فجر اليوم.") == [("الجيش الإسرائيلي", None)]
    # a country whose name is itself a nisba (السعودية), with قد between subject and verb
    assert actors_of("وكانت مقاتلات سعودية قد شنت أمس سلسلة غارات على صنعاء.") == [("الجيش السعودي", None)]
    assert actors_of("قصفت مدفعية إثيوبية مواقع في إقليم تيغراي.")[0][0] == "قوات الدفاع الوطني الإثيوبية"


def test_a_light_verb_does_not_replace_a_named_army():
    assert actors_of("تمكنت قوات الجيش السوداني من السيطرة على بلدة أم روابة.")[0][0] == "الجيش السوداني"


def test_the_nationality_of_the_victims_or_the_target_is_not_the_doer():
    # the object of an abduction, and what follows a trigger ending in its preposition, are the victims
    assert actors_of("اختطف مسلحون سفينة صيد هندية قبالة سواحل مدينة بوصاصو.")[0][0] != "الجيش الهندي"
    assert actors_of("اعتدى قراصنة على سفن أوكرانية قبالة مدينة بوصاصو.")[0][0] != "القوات الأوكرانية"
    # a country a preposition governs is no subject
    found = actors_of("أحرق محتجون إطارات السيارات في كينيا وأوغندا، وشارك آلاف في المظاهرات في مدينة كمبالا.")
    assert all(a1 not in ("قوات الدفاع الكينية", "قوات الدفاع الشعبية الأوغندية") for a1, _ in found)


def test_the_owner_of_what_an_attack_hit_is_its_target_not_its_doer():
    assert actors_of("قصفت المدفعية مواقع لهيئة تحرير الشام في ريف إدلب.") == [(None, "هيئة تحرير الشام")]
    # an adjective of the attack before لـ still names the doer
    assert actors_of("الهجوم الفاشل لقوات الدعم السريع على مدينة الفاشر.")[0][0] == "قوات الدعم السريع"


def test_a_navy_of_a_nationality_is_that_countrys_forces():
    assert actors_of("شنت البحرية الأمريكية هجوما صاروخيا على مواقع في محافظة الحديدة.")[0][0] == "القوات الأمريكية"
