"""Arrests told with the masculine or plural verb, and duals of person nouns as victims, on sentences
written for these tests."""
from __future__ import annotations

import pytest

from marsad.extraction.tolls import casualty_figures
from marsad.model import RawItem
from marsad.pipeline import process


def events(body: str):
    doc = process(RawItem("t", "test", "jsonl", text="تقرير اختباري\n" + body, meta={"published": "2024-03-10"}))
    assert doc.status == "ok", doc.error
    return doc.events


@pytest.mark.parametrize("text", [
    # a masculine force (الجيش، جهاز، الأمن العام) arrests with اعتقل, men with اعتقلوا, a passive اعتقل
    "اعتقل الجيش اللبناني خمسة مطلوبين في بلدة عرسال.",
    "اعتقل جهاز الأمن الداخلي شابين في مدينة مصراتة بتهمة تهريب السلاح.",
    "داهم عناصر الشرطة حيا في مدينة البصرة واعتقلوا ثلاثة مشتبه بهم.",
])
def test_an_arrest_told_with_any_person_of_the_verb_is_an_event(text):
    assert [(e.event_type, e.sub_event_type) for e in events(text)] == [("Strategic developments", "Arrests")]


@pytest.mark.parametrize("text, two", [
    ("قتل قياديان في الفصيل بضربة مسيرة على سيارتهما", True),
    ("أسفر القصف عن مقتل ناشطين اثنين", True),
    ("قتل مسلحان في اشتباك مع الشرطة", True),
    ("أصيب مسعفان بشظايا القذيفة", False),
])
def test_the_dual_of_a_person_noun_counts_two(text, two):
    figs = [(f.kind, f.value) for f in casualty_figures(text) if not f.part]
    assert (("killed", 2) in figs) == two and any(v == 2 for _, v in figs)


def fatalities(body: str) -> dict[str | None, int | None]:
    return {e.location: e.fatalities for e in events(body)}


def test_the_strikes_named_again_in_the_next_sentence_give_their_dead():
    # "الغارات" points back to the strikes on one town told just before: their dead, not a sum elsewhere
    assert fatalities("شنت مقاتلات حربية غارات على مدينة معرة النعمان. وأسفرت الغارات عن مقتل 6 مدنيين.") \
        == {"معرة النعمان": 6}
    # strikes on two towns: the dead of each are not told
    assert set(fatalities("شنت مقاتلات غارات على بلدتي كفرنبل وحاس. وأسفرت الغارات عن مقتل 6 مدنيين.").values()) \
        == {None}


def test_one_more_target_of_the_incident_told_before_does_not_repeat_its_dead():
    got = fatalities("قصفت المدفعية مدينة بنت جبيل ما أسفر عن مقتل 3 أشخاص. والقصف طال أيضا بلدة كفركلا.")
    assert got == {"بنت جبيل": 3, "كفركلا": None}


def test_the_dead_of_an_incident_told_with_its_own_town_are_not_the_first_ones():
    got = fatalities("هاجم مسلحون حاجزا للشرطة في مدينة الرمادي، واندلعت اشتباكات في مدينة الفلوجة قتل خلالها أربعة عناصر.")
    assert got == {"الرمادي": None, "الفلوجة": 4}
    # the same clash, with no town of its own, is the attack's
    assert fatalities("هاجم مسلحون حاجزا للشرطة في مدينة الرمادي، ما أدى إلى اشتباكات قتل خلالها أربعة عناصر.") \
        == {"الرمادي": 4}


def sides(body: str):
    return [(e.event_type, e.location, e.actor1, e.actor2, e.fatalities) for e in events(body)]


def test_coming_under_fire_is_an_attack_on_the_subject_of_its_verb():
    # a patrol or post of a force under fire: a battle in which that force is the target
    assert sides("تعرضت دورية للجيش لإطلاق نار قرب مدينة الرمادي.") == [("Battles", "الرمادي", None, "الجيش", None)]
    # the doer named outright, and the toll of the clash that followed owned by the one incident
    assert sides("تعرضت قوة من الجيش لإطلاق نار من قبل مسلحين قرب مدينة الفلوجة، وخلال الاشتباك الذي تلاه "
                 "قتل جنديان.") == [("Battles", "الفلوجة", "مسلحين", "الجيش", 2)]
    # a home under fire is an attack on civilians; a storm of criticism is no event
    assert [e.event_type for e in events("تعرض منزل أحد الوجهاء لإطلاق نار في مدينة الرمادي.")] \
        == ["Violence against civilians"]
    assert events("تعرض الوزير لنيران الانتقادات في البرلمان بسبب الموازنة.") == []


def test_an_incident_told_by_when_it_happened_points_back_to_its_count():
    got = fatalities("قتل ثلاثة جنود في هجوم على قافلة عسكرية قرب مدينة تمبكتو. وأوضح المصدر أن القافلة كانت "
                     "تنقل مؤنا حين تعرضت لإطلاق نار.")
    assert got == {"تمبكتو": 3}


def test_the_incident_a_verb_takes_after_its_subject_is_no_part_of_the_force_named():
    got = events("قتل جنديان في هجوم بطائرة مسيرة على موقع في ولاية شمال كردفان. ونسب الجيش الهجوم إلى قوات الدعم السريع.")
    assert [e.actor1 for e in got] == ["قوات الدعم السريع"]


@pytest.mark.parametrize("text", [
    "أعلنت الشرطة اعتقال شاب في مدينة كركوك بتهمة الانتماء إلى تنظيم داعش.",
    "ألقت قوات الأمن القبض على ثلاثة أشخاص في مدينة الأبيض بتهمة التعاون مع قوات الدعم السريع.",
])
def test_the_charge_of_an_arrest_names_no_side(text):
    assert [e.actor2 for e in events(text)] == [None]
