"""An event the sentence mentions but does not report: the time or cause of something else (بعد هجوم
انتحاري، في أعقاب اغتيال), and a weapon of an attack that is planned, recalled or denied. Sentences
written for these tests."""
from __future__ import annotations

import pytest

from marsad.extraction.trigger_context import reported
from marsad.extraction.triggers import find_triggers

ASSAULT = ("Violence against civilians", "Explosions/Remote violence")


def assaults(sentence: str) -> list[str]:
    found = reported(sentence, find_triggers(sentence, 0, len(sentence)), 0)
    return [sentence[t.start:t.end] for t in found if t.event_type in ASSAULT]


@pytest.mark.parametrize("sentence", [
    "أعلنت الحكومة حالة الطوارئ في أعقاب هجوم انتحاري استهدف سوقا شعبيا.",
    "بدأ الوزير زيارته للمدينة بعد يومين فقط من محاولة الاغتيال التي تعرض لها المحافظ.",
    "أغلقت السلطات المعبر الحدودي على خلفية التفجير الذي وقع قرب الجسر.",
    "ارتفعت أسعار النفط، وذلك بعد قليل من انفجارين هزا الميناء.",
    "شددت الشرطة إجراءاتها بعد اعتداء انتحاري على قافلة عسكرية أسفر عن مقتل جنديين الشهر الماضي.",
    "تراجعت حركة السياحة بسبب الهجمات الانتحارية المتكررة.",
])
def test_an_attack_that_dates_or_causes_something_else_is_no_report(sentence):
    assert assaults(sentence) == []


@pytest.mark.parametrize("sentence", [
    "قتل ثلاثة أشخاص وأصيب ستة إثر انفجار سيارة ملغومة قرب السوق.",
    "لقي شرطيان مصرعهما بعد هجوم انتحاري على نقطة تفتيش صباح اليوم.",
    "قالت الشرطة إن المسلحين فروا بعد إطلاق النار على سائق سيارة أجرة في الحي.",
    "نجا رئيس البلدية أمس من محاولة اغتيال بعبوة ناسفة قرب منزله.",
])
def test_victims_counted_ahead_of_the_frame_or_an_act_with_its_object_is_reported(sentence):
    assert assaults(sentence)


@pytest.mark.parametrize("sentence", [
    "ويعتقد المحققون أنهم كانوا يخططون لشن تفجيرات بسيارات مفخخة في العاصمة.",
    "ويرى خبراء أن المتمردين قد ينفذون تفجيرات قنابل في مدن أخرى.",
])
def test_the_weapon_of_a_planned_attack_is_planned_too(sentence):
    assert assaults(sentence) == []


def test_a_weapon_after_a_reported_attack_stays():
    assert assaults("فجر مسلحون سيارة مفخخة أمام مقر الشرطة صباح أمس.")


@pytest.mark.parametrize("sentence", [
    "وقال الناشط إن الأهالي يعيشون منذ شهور في دوامة من القتل والخطف والتهجير.",
    "وحذر الشيخ من أن ما يلقاه الناس من تفجير وقتل واعتداء على المساجد لن يثنيهم.",
    "وتتهم منظمات حقوقية الميليشيا بأنها تقف وراء حملة اعتقال وتعذيب في الإقليم.",
])
def test_kinds_of_violence_listed_together_are_no_report(sentence):
    assert assaults(sentence) == []


@pytest.mark.parametrize("sentence", [
    "واتهمت الحكومة أمس جماعة متشددة بخطف ثلاثة من موظفي الإغاثة.",
    "وقال المدعي العام إن المعترفين هم من نفذوا التفجير قرب المحطة.",
])
def test_an_accused_or_confessed_act_is_tried_not_reported(sentence):
    assert assaults(sentence) == []


@pytest.mark.parametrize("sentence", [
    "اختطف مسلحون مهندسا أجنبيا وقتلوا سائقه على طريق المطار أمس.",
    "خطف مسلحون طبيبا وأعدموا مرافقه في الساحة صباح اليوم.",
    "وأسفر الاعتداء عن مقتل شرطي وإصابة اثنين أمام المخفر.",
])
def test_acts_told_one_after_another_stay_reports(sentence):
    assert assaults(sentence)


@pytest.mark.parametrize("sentence", [
    "قتل مسلحون مجهولون شرطيا أمام منزله في الحي الشرقي.",
    "وقتل مسلحان يستقلان دراجة نارية موظفا في البلدية.",
    "وقتل مسلحون ملثمون أمس ثلاثة عمال في المحجر.",
    "قتل مسلحون في هجوم ليلي مختارا في القرية.",
    "شن مسلحون هجومين على نقطتين للشرطة في المدينة أمس.",
])
def test_armed_men_who_kill_and_attacks_in_the_dual_are_events(sentence):
    found = reported(sentence, find_triggers(sentence, 0, len(sentence)), 0)
    assert found


@pytest.mark.parametrize("sentence", [
    "قتل مسلحون في اشتباكات عنيفة مع الجيش أمس.",
    "قتل مسلح برصاص الشرطة عند الحاجز.",
    "وقالت المصادر إنه قتل مسلحان.",
])
def test_armed_men_killed_are_no_killing_by_them(sentence):
    assert assaults(sentence) == []


@pytest.mark.parametrize("sentence", [
    "أقامت النقابة أمس حفلا في الذكرى الثالثة لاغتيال الكاتب سمير الحلبي بتفجير استهدف سيارته.",
    "واتهم الوزير جماعة متطرفة بمحاولة اغتيال المحافظ بواسطة هجوم انتحاري.",
])
def test_the_means_of_an_attack_that_is_not_reported_is_that_attack(sentence):
    assert assaults(sentence) == []


def test_the_means_of_a_reported_attack_stays():
    assert assaults("اغتال مسلحون القاضي بتفجير عبوة ناسفة تحت سيارته صباح اليوم.")


@pytest.mark.parametrize("sentence", [
    "وأكد الوزير أن البعثتين اللتين تعرضتا لاعتداء انتحاري في مطلع الشهر ستواصلان عملهما.",
    "وأعلنت الشرطة تحرير المهندسة التي تم اختطافها من مكتبها في الربيع.",
])
def test_a_relative_clause_telling_what_victims_suffered_is_no_report(sentence):
    assert assaults(sentence) == []


def test_a_doers_relative_clause_can_be_the_report():
    assert assaults("وقال الجيش إن الهجمات نفذتها الجماعات التي استخدمت سيارات مفخخة ضد ثلاثة معسكرات.")


@pytest.mark.parametrize("sentence", [
    "وتعمل الفرق الهندسية على تطهير حقل ألغام قرب الحدود منذ أسابيع.",
    "وطالب القائد السكان بالاستعداد للتعرض لقصف بالصواريخ إذا تجدد القتال.",
    "ورفضت الحكومة التعليق على التقارير حول شنها غارة جوية داخل أراضي جارتها.",
    "وواجهت قوات النخبة صعوبات كبيرة في إنهاء أزمة احتجاز الرهائن في الفندق.",
])
def test_minefields_readiness_reports_about_and_crises_are_no_report(sentence):
    assert assaults(sentence) == []
