"""Reports of an event told apart from other mentions of it, on sentences written for these tests:
a reaction, an accusation or a decade of history speaks of an event without telling it; protesters
counted or addressed are no protest; a festival called تظاهرة is no demonstration; gunfire at named
people is an attack on them; a one-sentence item naming no country still reports its victims."""
from __future__ import annotations

import pytest

from marsad.extraction.trigger_context import negated
from marsad.extraction.triggers import find_triggers, fold_weapons, plausible
from marsad.model import RawItem
from marsad.pipeline import process

E, V, P, R = ("Explosions/Remote violence", "Violence against civilians", "Protests", "Riots")


def coded(sentence: str) -> set[tuple[str, str]]:
    found = [t for t in find_triggers(sentence, 0, len(sentence))
             if not negated(sentence, t, 0) and plausible(sentence, t, 0)]
    return {(t.event_type, t.sub_event_type) for t in fold_weapons(sentence, found)}


@pytest.mark.parametrize("sentence", [
    # reactions and accusations govern the event noun: they speak of it, they do not report it
    "وأدانت الخارجية الهجوم الانتحاري ووصفته بالجبان.",
    "وجددت المنظمة استنكارها للتفجير في بيان مقتضب.",
    "وبعث الرئيس برقية تعازي لأسر ضحايا الانفجار.",
    "وأبدى السفير أسفه للاعتداء على البعثة.",
    "واتهمت الحكومة الحركة باغتيال اثنين من قضاتها.",
    # history by decade or century, with no recent day
    "وكانت المدينة قد شهدت تفجيرات عنيفة في الثمانينيات.",
    "وقد اشتهر الجسر بمواجهة دامية بين الجنود والطلاب المتظاهرين في أربعينات القرن الماضي.",
    # protesters counted, addressed or organising: no act of theirs is told
    "وألقى الزعيم كلمة أمام عشرات آلاف المتظاهرين في المهرجان الخطابي.",
    "وقال أحد منظمي المظاهرات إن الشعارات طبعت في المدينة.",
    # an event already known: a definite noun after بعد/عقب, or named with its adjective and a relative clause
    "وقرر المجلس تشديد الحراسة على المباني الحكومية بعد الاعتداء الذي استهدف مبنى البلدية.",
    "وكرمت الوزارة أمس عناصر الدفاع المدني الذين شاركوا في إنقاذ ضحايا التفجير الإرهابي الذي وقع قبل أسبوع.",
    # violence named as a kind of deed, not told
    "وتحدث التقرير عن أعمال خطف واغتصاب في مناطق النزاع.",
    # a cultural festival is a تظاهرة too
    "وتشارك الفرقة في تظاهرة ثقافية تعرض فيها أعمال مسرحية جديدة.",
])
def test_mentions_that_tell_no_event(sentence):
    assert not {c for c in coded(sentence) if c[0] in (E, V, P, R)}, coded(sentence)


@pytest.mark.parametrize("sentence", [
    "أطلق مسلحون ملثمون النار على الشابين قرب السوق فأردوهما قتيلين.",
    "وفتح مجهولون النار على سائق شاحنة عند المدخل الشرقي للبلدة.",
    "أطلق مسلح النار على صحفي محلي أمام منزله مساء أمس.",
])
def test_gunfire_at_named_or_described_people_is_an_attack(sentence):
    assert (V, "Attack") in coded(sentence), coded(sentence)


def test_the_report_itself_still_counts_beside_its_reaction():
    assert (E, "Suicide bomb") in coded("قتل تسعة أشخاص في هجوم انتحاري استهدف سوقا شعبيا صباح اليوم.")
    assert (P, "Peaceful protest") in coded("وتجمع مئات المتظاهرين أمام مبنى البلدية مطالبين بالماء والكهرباء.")


def _events(text: str):
    doc = process(RawItem("t", "test", "jsonl", text=text))
    assert doc.status == "ok", doc.error
    return doc.events


def test_a_one_sentence_item_naming_no_country_keeps_its_victims_unlocated():
    evs = _events("قتل خمسة أشخاص وأصيب عشرة آخرون في انفجار سيارة مفخخة قرب محطة للوقود.")
    assert [(e.event_type, e.location, e.geo_precision, e.fatalities) for e in evs] == [(E, None, None, 5)]
    # nothing but a word (no victims, no day and doer): no event
    assert _events("وتبقى التفجيرات هاجس السكان في كل مكان.") == []


def test_the_victim_of_an_attempt_however_long_its_noun_phrase():
    assert (V, "Attack") in coded("تعرض رئيس اللجنة الأمنية في المجلس البلدي، العقيد المتقاعد سالم "
                                  "العبيدي، شقيق وزير الداخلية الأسبق، لمحاولة اغتيال في منزله.")


def test_an_unlocated_act_told_by_its_verb_with_its_day_is_kept():
    evs = _events("انفجرت شاحنة مفخخة صباح أمس عند مدخل مصنع للإسمنت، وأصيب عشرون عاملا.")
    assert [(e.sub_event_type, e.location) for e in evs] == [("Remote explosive/landmine/IED", None)]
    # protesters are any protest's doer, so a day alone does not keep an unlocated protest (its
    # counted crowd does: test_event_mentions)
    assert _events("وتظاهر أنصار الحزب أمس أمام مقر الشركة.") == []


def test_air_defences_intercepting_is_disrupted_weapons_use():
    from marsad.extraction.triggers import find_triggers
    sentence = "وأعلنت وسائل الإعلام الرسمية تصدي الدفاعات الجوية لأهداف معادية في محيط العاصمة."
    assert ("Strategic developments", "Disrupted weapons use") in {
        (t.event_type, t.sub_event_type) for t in find_triggers(sentence, 0, len(sentence))}
