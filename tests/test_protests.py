"""Protests as Arabic news tells them, on sentences written for these tests: a protest is reported when
the crowd acts or a protest takes place; protesters named only as the object of force are the force's
report (data/events.json, force)."""
from __future__ import annotations

import pytest

from tests.conftest import events_of


def _protests(body: str) -> list:
    return [e for e in events_of(body) if e.event_type in ("Protests", "Riots")]


@pytest.mark.parametrize("body", [
    "تظاهر مئات الطلاب أمس في مدينة البصرة وأغلقوا الطريق الرئيسي قبل أن تفرقهم الشرطة.",
    "خرجت مظاهرة حاشدة في مدينة حمص أمس تطالب بالإفراج عن المعتقلين.",
    "رشق محتجون غاضبون قوات الأمن بالحجارة في مدينة البصرة مساء أمس.",
    "وتجمع عشرات العمال أمام مقر المحافظة في مدينة الموصل مطالبين بصرف رواتبهم.",
])
def test_a_crowd_that_acts_is_a_protest(body):
    assert _protests(body)


@pytest.mark.parametrize("body", [
    "وفرقت الشرطة المتظاهرين بالغاز المسيل للدموع في مدينة حمص أمس.",
    "واندلعت مواجهات أمس بين قوات الأمن ومتظاهرين في مدينة البصرة.",
    "وأطلقت قوات الأمن النار في الهواء لتفريق المحتجين الذين تجمعوا في مدينة الموصل.",
    "واعتقلت الشرطة عشرات المتظاهرين في مدينة حلب مساء أمس.",
])
def test_protesters_only_dispersed_or_fought_are_the_forces_report(body):
    assert _protests(body) == []


def test_protesters_killed_by_force_stay_a_protest_event():
    evs = _protests("قتلت قوات الأمن ثلاثة متظاهرين خلال تفريق احتجاج في مدينة الناصرية مساء أمس.")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Excessive force against protesters", 3)]


def test_a_fight_with_protesters_that_kills_is_the_fight_not_a_protest():
    assert _protests("وقتل شخصان في اشتباكات بين الشرطة ومتظاهرين في مدينة الديوانية أمس.") == []


@pytest.mark.parametrize("body", [
    "وألقى المحافظ كلمة أمام المتظاهرين في مدينة كربلاء وشكر للمتظاهرين صبرهم.",
    "وقال إن المحتجين الذين تجمعوا قرب مبنى المحافظة في مدينة الحلة لم يكونوا مسلحين.",
])
def test_protesters_addressed_or_described_are_no_new_protest(body):
    assert _protests(body) == []


def test_a_counted_crowd_before_partitive_min_is_the_subject():
    assert _protests("وقال شهود إن الآلاف من المتظاهرين تدفقوا على ساحة التحرير في مدينة بغداد أمس يهتفون ضد الحكومة.")


def test_a_protest_told_without_a_place_needs_what_its_crowd_wants():
    assert _protests("ونزل المتظاهرون إلى الشوارع احتجاجا على رفع أسعار الوقود.")
    assert _protests("وأضرب عمال الموانئ عن العمل مطالبين بزيادة أجورهم.")
    assert _protests("وخرجت المظاهرات أمس.") == []


@pytest.mark.parametrize("body", [
    "وقتل رجل في إحدى المظاهرات بمدينة البصرة عندما انفجرت عبوة ناسفة.",
    "وأغلقت الشرطة الطرق المؤدية إلى مدينة الرمادي في اليوم الثالث لبدء الاعتصام.",
])
def test_a_protest_that_is_only_a_setting_or_a_date_is_no_report(body):
    assert _protests(body) == []


@pytest.mark.parametrize("body", [
    "وقدم الوزير استقالته احتجاجا على قرار الحكومة في مدينة عمان أمس.",
    "وقال المتظاهر أحمد سالم للصحافيين في مدينة تونس إن الحكومة لم تف بوعودها.",
    "ونشرت الشرطة تسجيلات لما جرى خلال أعمال الشغب في مدينة ليون الشهر الماضي.",
    "ومنعت قوات الأمن مساء أول من أمس، مسيرة احتجاجية في مدينة سوسة.",
])
def test_another_acts_purpose_one_person_a_riots_time_and_a_stopped_march_are_no_protest(body):
    assert _protests(body) == []


def test_protesters_heading_somewhere_march():
    assert _protests("وتوجه المتظاهرون إلى مقر الحكومة في مدينة الخرطوم.")


def test_a_protest_told_in_a_relative_clause_is_the_story_of_its_antecedent():
    assert _protests("واستقبل الوزير في مدينة بنغازي الشيوخ الذين تظاهر ضدهم آلاف المحتجين.") == []


@pytest.mark.parametrize("body", [
    "تظاهر المئات في مدينة حمص اليوم احتجاجا على انقطاع الكهرباء. وأطلقت الشرطة القنابل المسيلة للدموع لتفريق المتظاهرين.",
    "اعتصم عشرات المعلمين أمام مبنى المحافظة في مدينة الكوت أمس للمطالبة بصرف رواتبهم. وفرقت قوات الأمن المعتصمين بالقوة.",
])
def test_force_told_in_another_sentence_makes_the_protest_one_with_intervention(body):
    assert [e.sub_event_type for e in _protests(body)] == ["Protest with intervention"]


def test_force_in_another_town_leaves_the_protest_peaceful():
    evs = _protests("تظاهر المئات في مدينة حمص اليوم احتجاجا على انقطاع الكهرباء. "
                    "وفي مدينة حماة فرقت الشرطة المتظاهرين بالقوة أمام مبنى المحافظة.")
    assert [(e.location, e.sub_event_type) for e in evs] == [("حمص", "Peaceful protest")]


def test_an_armed_body_in_the_story_is_no_doer_of_a_protest():
    evs = _protests("عم الإضراب العام اليوم مدينة جرش احتجاجا على غلاء الأسعار. "
                    "ويواصل الأهالي احتجاجاتهم منذ أسابيع دون أن تتدخل القوات الحكومية لتفريقها.")
    assert evs and all(e.actor1 != "القوات الحكومية" for e in evs)


def test_a_force_the_crowd_demands_gone_is_no_side_of_its_protest():
    # written for marsad: what protesters want (مطالبين بخروج X) names no one who faced them
    [e] = events_of("ونظم أهالي مدينة شهبا وقفة احتجاجية اليوم أمام مبنى البلدية مطالبين بخروج القوات الحكومية.")
    assert e.actor2 is None
