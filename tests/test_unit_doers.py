"""A unit of a named force ("قوة من جهاز مكافحة الإرهاب"، "دورية من الشرطة") is that force, the doer
of what the sentence tells, not the side its verb seized. Sentences written for these tests."""
from __future__ import annotations

from tests.conftest import events_of


def sides(body: str) -> list[tuple]:
    return [(e.sub_event_type, e.actor1, e.actor2) for e in events_of(body)]


def test_a_force_of_a_named_service_arrests():
    [(kind, doer, other)] = sides("واعتقلت قوة من جهاز مكافحة الإرهاب أربعة مطلوبين في عملية دهم بقضاء "
                                  "الحويجة جنوب غربي كركوك فجر اليوم.")
    assert kind == "Arrests" and doer == "جهاز مكافحة الإرهاب العراقي" and other is None


def test_members_of_a_group_arrested_stay_the_seized_side():
    [(kind, doer, _)] = sides("واعتقلت قوات الأمن عنصرين من تنظيم داعش في قضاء الحويجة جنوب غربي كركوك.")
    assert kind == "Arrests" and doer == "قوات الأمن"
