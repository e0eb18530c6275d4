"""Entity shapes news writes that the tagger gets wrong: و + a verb that spells a town, an outlet's
construct name, a nisba family name after a full name (sentences written for these tests)."""
from __future__ import annotations

from marsad.extraction.entities import find_entities
from marsad.model import RawItem
from marsad.pipeline import process


def spans(text: str, kind: str) -> list[str]:
    return [e.text for e in find_entities(text) if e.type == kind]


def test_wa_and_a_verb_opening_a_sentence_is_no_place():
    assert "ودان" not in spans("ودان رئيس الحكومة كريم ناصر الغارات التي استهدفت الأحياء السكنية في البلدة.", "LOC")
    assert "ودان" in spans("وصل الوفد إلى مدينة ودان في الجفرة أمس.", "LOC")
    assert "وندد" not in spans("وندد الاتحاد الأفريقي بالهجوم على القافلة.", "LOC")


def orgs(body: str) -> list[str]:
    doc = process(RawItem("t", "test", "text", text="تقرير اختباري عن الأحداث\n" + body))
    return [e.text for e in doc.entities if e.type == "ORG"]


def test_an_outlet_s_construct_name_keeps_its_genitive():
    assert "إذاعة صوت الجنوب" in orgs("وقالت إذاعة صوت الجنوب إن البث توقف ساعات بسبب القصف.")
    assert "إذاعة صوت ألمانيا" in orgs("وأعلنت إذاعة صوت ألمانيا إغلاق مكتبها في المدينة.")
    # a descriptor after a name is no genitive, and a site is no outlet's name
    assert "شبكة نبأ الإخبارية" not in orgs("وأفادت شبكة نبأ الإخبارية بسقوط قذائف على الحي.")
    assert not any("الانفجار" in s for s in orgs("ووصلت الفرق إلى موقع تجمع الانفجار بعد ساعة."))


def test_a_nisba_family_name_after_a_full_name_stays_in_it():
    got = [e.canonical for e in find_entities("والتقى الوزير خالد فاضل العراقي وفدا من التجار في المدينة.")
           if e.type == "PER"]
    assert "خالد فاضل العراقي" in got
