"""What makes a mention a report, on sentences written for these tests: a protest told without a
place is still one when its crowd is counted, an attack when its sentence counts the hurt; a call to
protest, a negation joined to و, and a trigger word inside a name or title (ساحة التحرير، رئيس تحرير)
are none."""
from __future__ import annotations

import pytest

from marsad.model import RawItem
from marsad.pipeline import process

E, V, P, R, B = ("Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Battles")


def _events(text: str):
    doc = process(RawItem("t", "test", "jsonl", text=text))
    assert doc.status == "ok", doc.error
    return doc.events


def _types(text: str) -> set[str]:
    return {e.event_type for e in _events(text)}


@pytest.mark.parametrize("text", [
    "وتظاهر عشرات العمال أمام مقر الشركة مطالبين بصرف أجورهم المتأخرة.",
    "ونزل آلاف الطلاب إلى الشوارع احتجاجا على إغلاق الجامعات.",
    "واعتصم مئات المزارعين أمام مبنى الولاية لليوم الثالث.",
    "وتجمع نحو 300 متظاهر قرب محطة القطارات رافعين لافتات تطالب بالإفراج عن المعتقلين.",
])
def test_a_protest_whose_crowd_is_counted_is_reported_without_a_place(text):
    assert P in _types(text)


def test_a_protest_word_without_a_crowd_or_a_place_stays_no_event():
    assert _events("وتزداد المظاهرات كلما ارتفعت الأسعار.") == []


def test_the_hurt_counted_in_its_sentence_keep_an_unplaced_attack():
    evs = _events("وأصيب أربعة حراس بجروح عندما فجر انتحاري نفسه عند بوابة المجمع.")
    assert [(e.event_type, e.location) for e in evs] == [(E, None)]


@pytest.mark.parametrize("text", [
    "ودعت نقابة الأطباء في مدينة تعز إلى الخروج في مظاهرات يوم الأحد المقبل.",
    "وناشد التحالف أنصاره في مدينة الحسكة إلى المشاركة في اعتصام مفتوح.",
    "ولم تتظاهر أي نقابة في مدينة سبها هذا العام.",
    "ولن يعتصم المعلمون في مدينة بنغازي قبل نهاية المفاوضات.",
])
def test_calls_and_negations_joined_to_waw_report_no_protest(text):
    assert P not in _types(text)


def test_a_call_in_an_earlier_clause_does_not_cancel_the_protest_that_followed():
    assert P in _types("دعت النقابة إلى الإضراب، وتظاهر المئات أمس أمام البرلمان في مدينة طرابلس.")


@pytest.mark.parametrize("text", [
    "وقال رئيس تحرير الصحيفة إنه زار مدينة مأرب أمس.",
    "وشهدت ساحة التحرير في مدينة الموصل انتشارا أمنيا أمس.",
    "وأصدرت جبهة التحرير بيانا في مدينة الجزائر أمس.",
])
def test_a_trigger_word_inside_a_name_or_title_is_no_recapture(text):
    assert B not in _types(text)


def test_liberating_a_town_is_still_a_recapture():
    assert B in _types("وأعلن الجيش أمس تحرير مدينة تلعفر بعد معارك استمرت أسبوعين.")


def test_filing_a_police_report_is_no_recapture():
    assert B not in _types("وتوجه الأهالي إلى قسم الشرطة في مدينة المنيا لتحرير محضر بالواقعة أمس.")


def test_a_stand_organised_by_protesters_is_a_protest():
    assert P in _types("ونظم عشرات الصحافيين وقفة أمام نقابتهم في مدينة عدن أمس تضامنا مع زميلهم المعتقل.")


def test_a_gathering_after_a_preposition_is_a_noun_not_a_verb():
    assert P not in _types("وتحدثت الناشطة أثناء تجمع في مدينة عمان عن ظروف المعتقلين.")


def test_protests_still_to_be_organised_are_planned_not_told():
    assert P not in _types("وتشمل المظاهرات التي ستنظم في مدينة لندن الأسبوع المقبل مسيرة إلى البرلمان.")


def test_a_theatre_festival_called_تظاهرة_is_no_demonstration():
    assert P not in _types("وتشارك الفرقة في تظاهرة المسرح العربي في مدينة القاهرة.")


def test_shells_whose_falling_killed_people_are_shelling():
    assert E in _types("وأدى سقوط قذائف هاون على سوق المدينة إلى مقتل ثلاثة مدنيين في مدينة حمص.")


def test_plots_in_the_plural_are_plans():
    assert E not in _types("وكشفت الشرطة مخططات تفجير في مدينة الإسكندرية.")


def test_a_gathering_whose_purpose_comes_at_the_end_of_its_sentence_is_a_protest():
    assert P in _types("وتجمع عشرات الأهالي في ساحة البلدية وسط مدينة الحسكة بدعوة من لجنة الحي وهم "
                       "يحملون الأعلام ولافتات تطالب بعودة المياه.")


def test_demonstrations_that_went_out_are_a_protest():
    from marsad.extraction.trigger_context import negated
    from marsad.extraction.triggers import find_triggers

    text = "وخرجت أمس مظاهرات في مدينة نيالا تنديدا بارتفاع الأسعار."
    went_out = [t for t in find_triggers(text, 0, len(text)) if t.flag == "gather"]
    assert went_out and not negated(text, went_out[0], 0)


@pytest.mark.parametrize("text", [
    "وقتل شخصان في انفجار أسطوانة غاز داخل مطعم في مدينة الزرقاء أمس.",     # an accident
    "وأحيت الجالية في مدينة برلين ذكرى ضحايا مذبحة 1915.",                   # named by its year
    "وأفادت المعلومات بأن سيارة مفخخة ستدخل مدينة كركوك خلال أيام.",          # a weapon on its way
    "وعن تفجير الجسر في مدينة الموصل، قال الوزير إن التحقيق مستمر.",         # the topic of a statement
    "وقالت الشرطة إن الحريق جاء بعد يومين من تفجير استهدف سوقا في مدينة كركوك.",   # background
])
def test_accidents_anniversaries_plans_topics_and_background_are_no_attack(text):
    assert E not in _types(text) and V not in _types(text)


def test_a_protest_in_a_square_of_a_named_town_is_one_event_at_the_town():
    evs = [e for e in _events("تظاهر المئات أمس في ساحة الشهداء بمدينة طرابلس الليبية.") if e.event_type == P]
    assert [(e.location, e.country) for e in evs] == [("طرابلس", "Libya")]


def test_a_protest_placed_only_at_a_square_is_no_recapture_and_keeps_the_square():
    evs = _events("تظاهر المئات أمس في ساحة التحرير احتجاجا على الفساد.")
    assert [(e.event_type, e.location) for e in evs] == [(P, "ساحة التحرير")]


def test_a_base_taken_as_headquarters_is_established_but_one_attacked_is_a_target():
    S = "Strategic developments"
    assert S in _types("واتخذت الميليشيا من مدرسة البلدة مقرا لها في مدينة ترهونة أمس.")
    assert S not in _types("وقتل عشرة أشخاص في هجوم انتحاري استهدف مقرا للشرطة في مدينة بعقوبة أمس.")


def test_the_site_of_an_attack_is_a_construct_head_not_a_definite_target():
    assert E in _types("وقال البيان إن المتمردين شنوا الهجوم على الموقع بسيارة مفخخة يقودها انتحاري أمس.")
    assert E not in _types("ووصل المحققون إلى موقع الانفجار في مدينة كركوك أمس.")


@pytest.mark.parametrize("text", [
    "وأعرب الوزير في تصريحات للصحافيين أمس عن انزعاجه الشديد لهذا الهجوم على مدينة بيدوا.",
    "وتوالت الإدانات من عواصم عربية للتفجير الذي وقع في مدينة القامشلي.",
])
def test_an_attack_reacted_to_in_its_clause_is_no_new_report(text):
    assert not _types(text) & {E, V, B}


def test_a_reaction_in_an_earlier_clause_leaves_the_report_told_after_it():
    assert E in _types("وأدانت الحكومة ما جرى، وانفجرت عبوة ناسفة أمس في سوق مدينة بيدوا فقتلت ثلاثة مدنيين.")


def test_an_attack_confessed_to_or_tried_in_its_clause_is_no_new_report():
    assert E not in _types("وبث التلفزيون أمس اعترافات خمسة أشخاص حول تنفيذ تفجير بسيارة مفخخة في مدينة حماة.")


def test_an_act_told_in_a_relative_clause_describes_its_antecedent():
    assert V not in _types("ويروي الفيلم سيرة الصحافي الذي اختطف في مدينة كراتشي ثم قتل.")
    # … unless the sentence dates it as news
    assert V in _types("وأفرجت الشرطة عن الموظفين الذين اختطفوا أمس في مدينة نيالا.")


def test_a_number_of_supporters_gathering_is_a_counted_crowd():
    assert P in _types("وتجمع عدد من أنصار الحزب أمام مقر البلدية مرددين هتافات تطالب بالإفراج عن المعتقلين.")
