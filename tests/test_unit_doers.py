"""A unit of a named force ("قوة من جهاز مكافحة الإرهاب"، "دورية من الشرطة") is that force, the doer
of what the sentence tells, not the side its verb seized. Sentences written for these tests."""
from __future__ import annotations

from marsad.model import RawItem
from marsad.pipeline import process


def sides(body: str) -> list[tuple]:
    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\n" + body, meta={"published": "2026-05-10"}))
    assert doc.status == "ok", doc.error
    return [(e.sub_event_type, e.actor1, e.actor2) for e in doc.events]


def test_a_force_of_a_named_service_arrests():
    [(kind, doer, other)] = sides("واعتقلت قوة من جهاز مكافحة الإرهاب أربعة مطلوبين في عملية دهم بقضاء "
                                  "الحويجة جنوب غربي كركوك فجر اليوم.")
    assert kind == "Arrests" and doer == "جهاز مكافحة الإرهاب العراقي" and other is None


def test_members_of_a_group_arrested_stay_the_seized_side():
    [(kind, doer, _)] = sides("واعتقلت قوات الأمن عنصرين من تنظيم داعش في قضاء الحويجة جنوب غربي كركوك.")
    assert kind == "Arrests" and doer == "قوات الأمن"
