"""People counted before the body they belong to and before the verb that struck them ("قالت مصادر إن
عنصرين من الحركة قتلا في غارة …"): they are the event's dead, and their body is its other side, not
its doer. Sentences written for these tests."""
from __future__ import annotations

from tests.conftest import events_of as reported

from marsad.model import RawItem
from marsad.pipeline import process


def events_of(body: str) -> list[tuple]:
    return [(e.actor1, e.actor2, e.fatalities) for e in reported(body)]


def test_a_dual_before_its_body_and_a_passive_verb_is_two_dead_of_that_body():
    [(doer, victims, dead)] = events_of("قالت مصادر محلية إن عنصرين من حزب الله قتلا في غارة إسرائيلية على "
                                        "بلدة مارون الراس صباح اليوم.")
    assert (victims, dead) == ("حزب الله", 2) and doer != "حزب الله"


def test_an_accusative_person_after_inna_is_no_doer():
    [(doer, victims, dead)] = events_of("وقال مسؤول أمني إن شرطيا من عناصر الأمن العام قتل في هجوم على "
                                        "نقطة تفتيش قرب مدينة رفح أمس.")
    assert dead == 1 and doer != "الأمن العام" and victims == "الأمن العام"


def test_gunmen_of_a_group_before_the_verb_stay_the_doers():
    [(doer, _, dead)] = events_of("وقال مسؤول محلي إن مسلحين من تنظيم داعش قتلوا أربعة رعاة في هجوم قرب "
                                  "مدينة الرطبة أمس.")
    assert dead == 4 and doer == "تنظيم الدولة الإسلامية"


def tolls_of(body: str) -> list[tuple[str, int]]:
    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\n" + body, meta={"published": "2026-05-10"}))
    return [(t.kind, t.value) for t in doc.tolls]


def test_a_death_sentence_passed_is_no_toll():
    assert tolls_of("وأصدرت محكمة الجنايات حكما بالإعدام شنقا بحق ستة مدانين بالضلوع في هجمات على الأسواق.") == []
    assert tolls_of("وقضت محكمة في البصرة بإعدام ستة مدانين بالضلوع في هجمات على الأسواق.") == []


def test_a_death_sentence_carried_out_and_a_killing_are_tolls():
    assert tolls_of("ونفذت السلطات حكم الإعدام بحق ستة مدانين بالضلوع في هجمات على الأسواق.") == [("killed", 6)]
    assert tolls_of("وقتل ستة مدنيين في هجمات على الأسواق خلال الأسبوع الماضي.") == [("killed", 6)]
