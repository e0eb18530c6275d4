"""Deaths and wounds told by their cause (قتل شرطي برصاص مسلحين، لقي حتفه برصاص، أصيب بنيران قناص،
فأردوه قتيلا), on sentences written for these tests: Arabic news tells most shootings this way. The
victim decides the ACLED type (police and soldiers shot: a battle; anyone else: an attack on
civilians); a stray or celebratory bullet, an accident, history, a trial, an anniversary or a
question is no event; protesters shot are their protest's casualties."""
from __future__ import annotations

import pytest

from tests.conftest import events_of

V, B, E = "Violence against civilians", "Battles", "Explosions/Remote violence"


def _told(body: str) -> list[tuple]:
    return [(e.event_type, e.sub_event_type, e.location, e.fatalities) for e in events_of(body)]


@pytest.mark.parametrize("body, expected", [
    ("استشهد شاب برصاص جنود الاحتلال عند مدخل مدينة جنين صباح اليوم.", (V, "Attack", "جنين", 1)),
    ("أصيب أربعة مدنيين بنيران قناص في مدينة حلب أمس.", (V, "Attack", "حلب", None)),
    ("قتلت قوات الأمن شابا برصاص حي في مدينة الديوانية مساء أمس.", (V, "Attack", "الديوانية", 1)),
    ("لقي صحفي مصرعه برصاص مجهولين في مدينة تعز مساء الخميس.", (V, "Attack", "تعز", 1)),
    ("قتل طالب طعنا على يد مسلح في مدينة بنغازي اليوم.", (V, "Attack", "بنغازي", 1)),
    ("أطلق مسلحون عدة رصاصات على طبيب في مدينة سبها فأردوه قتيلا.", (V, "Attack", "سبها", 1)),
    # police, soldiers or fighters shot: one side of an armed clash
    ("قتل جنديان برصاص مسلحين في هجوم على نقطة تفتيش قرب مدينة كركوك.", (B, "Armed clash", "كركوك", 2)),
    ("لقي شرطي حتفه برصاص مسلحين مجهولين أمام منزله في مدينة الموصل مساء الجمعة.", (B, "Armed clash", "الموصل", 1)),
    ("سقط جندي قتيلا برصاص قناص في مدينة دير الزور أمس.", (B, "Armed clash", "دير الزور", 1)),
    ("قتل شخصان وأصيب ثلاثة آخرون في إطلاق نار بمدينة غريان مساء أمس.", (V, "Attack", "غريان", 2)),
    ("قتل مدنيان في تبادل لإطلاق النار بين الجيش ومسلحين في مدينة سرت.", (B, "Armed clash", "سرت", 2)),
    # a death under torture
    ("قضى شاب تحت التعذيب في أحد فروع الأمن بمدينة اللاذقية، بحسب ناشطين، اليوم.", (V, "Attack", "اللاذقية", 1)),
    # fire opened towards someone: its target follows, the shooter comes before
    ("أطلق جنود الاحتلال النار صوب صيادين قبالة ساحل مدينة رفح صباح اليوم.", (V, "Attack", "رفح", None)),
    ("أطلق مسلحون النار باتجاه دورية للشرطة في مدينة تكريت أمس.", (B, "Armed clash", "تكريت", None)),
    # the doer's weapon named after the bullet: a shelling
    ("قتل ثلاثة مدنيين بنيران المدفعية في بلدة معرة النعمان أمس.", (E, "Shelling/artillery/missile attack",
                                                                     "معرة النعمان", 3)),
])
def test_a_casualty_told_by_its_cause_is_an_event(body, expected):
    assert expected in _told(body)


@pytest.mark.parametrize("body", [
    "قتل طفل برصاصة طائشة في حي الزهور بمدينة حمص مساء أمس.",
    "أصيبت امرأة بطلق ناري أطلق ابتهاجا بحفل زفاف في مدينة الرمادي.",
    "قتل شاب بالخطأ برصاص شقيقه أثناء تنظيف سلاحه في مدينة الكوت.",
    "قتل جنديان بنيران صديقة خلال تدريب قرب مدينة الزرقاء.",
    "قتل ثلاثة أشخاص رغم وقف إطلاق النار في مدينة حماة أمس.",
    "أطلق مجهولون النار باتجاه السماء ابتهاجا بفوز المنتخب في مدينة الحلة.",
    "ويعاقب القانون كل من تسبب في وفاة شخص تحت التعذيب في السجون.",
    # a denial that it was so, a toll over a period
    "ونفى الجيش أن يكون الشاب قتل برصاص جنوده في مدينة طولكرم.",
    "ومنذ بداية العام قتل 40 شخصا برصاص مجهولين في محافظة السويداء.",
    # history, trials, anniversaries, questions
    "وكان المعلم قد قتل برصاص مسلحين في مدينة الحلة عام 2006.",
    "أحيا الأهالي أمس ذكرى استشهاد الشاب برصاص الاحتلال في مدينة الخليل.",
    "قضت المحكمة بسجن المتهم بقتل شرطي برصاص في مدينة الناصرية.",
    "هل قتل الناشط برصاص الشرطة في مدينة العمارة؟",
    "الناشط الذي قتل برصاص مجهولين في مدينة كربلاء لم ينس بعد.",
])
def test_a_casualty_by_a_bullet_that_is_no_political_violence_or_no_report(body):
    assert not any(e.event_type in (V, B, E) for e in events_of(body))


def test_protesters_shot_are_their_protests_not_an_attack():
    body = ("تظاهر مئات الشبان في مدينة الكوت اليوم احتجاجا على انقطاع الكهرباء. "
            "وأصيب عشرون منهم بالرصاص الحي وبحالات اختناق بالغاز المسيل للدموع.")
    assert all(e.event_type == "Protests" for e in events_of(body))
    assert not any(e.event_type == V for e in events_of("وسقط متظاهر قتيلا برصاص قوات الأمن في مدينة الكوت."))


def test_the_victims_of_an_attack_told_first_are_that_attacks():
    body = "فجر انتحاري نفسه قرب سوق في مدينة بعقوبة، بينما قتل شريكه برصاص الحراس، أمس."
    assert [e.event_type for e in events_of(body)] == [E]


def test_people_shot_where_and_when_a_protest_is_told_are_its_casualties():
    body = ("تظاهر آلاف الشبان في مدينة الديوانية اليوم احتجاجا على البطالة. "
            "وقتل شابان برصاص قوات الأمن في الديوانية اليوم.")
    found = events_of(body)
    assert [(e.event_type, e.sub_event_type, e.location, e.fatalities) for e in found] == [
        ("Protests", "Excessive force against protesters", "الديوانية", 2)]
    elsewhere = ("تظاهر آلاف الشبان في مدينة الديوانية اليوم احتجاجا على البطالة. "
                 "وقتل شابان برصاص مسلحين في مدينة الحلة اليوم.")
    assert (V, "الحلة") in [(e.event_type, e.location) for e in events_of(elsewhere)]


def test_armed_men_who_kill_police_fight_an_armed_clash_as_when_told_by_the_bullet():
    assert [e.event_type for e in events_of("قتل مسلحون مجهولون شرطيا أمام منزله في مدينة الفلوجة.")] == [B]
    assert [e.event_type for e in events_of("وقتل مسلحون ملثمون أمس ثلاثة عمال في مقلع بمدينة هيت.")] == [V]


@pytest.mark.parametrize("body, doer", [
    # the doer of a shooting after من (من قبل): armed men, not the target
    ("وأصيب شاب بإطلاق نار من مسلحين مجهولين في مدينة الموصل الليلة الماضية.", "مسلحين مجهولين"),
    ("وقتل سائق شاحنة بإطلاق النار من قبل ملثمين على طريق الرمادي أمس.", "ملثمين"),
    # a force's fire: the force fired, whatever the sentence named before it
    ("وأصيب جندي من الجيش بنيران قناصة في ريف درعا الغربي أمس.", "قناصة"),
])
def test_the_doer_of_a_shooting_is_the_one_told_after_it(body, doer):
    found = [e for e in events_of(body) if e.event_type in (V, B)]
    assert found and found[0].actor1 == doer
    assert found[0].actor2 != doer


def test_fire_from_a_direction_names_no_doer():
    found = events_of("وقتل مزارع بإطلاق النار من جهة المستوطنة في بلدة قريوت أمس.")
    assert found and found[0].actor1 is None


@pytest.mark.parametrize("sentence", [
    "قصفت طائرات أمريكية وبريطانية مواقع لجماعة الحوثي في محافظة الحديدة فجر اليوم.",
    "وقصفت مقاتلات حربية بلدة سراقب بريف إدلب صباح اليوم.",
])
def test_a_shelling_verb_with_aircraft_as_its_subject_is_an_air_strike(sentence):
    assert [e.sub_event_type for e in events_of(sentence)] == ["Air/drone strike"]


def test_a_shelling_verb_with_artillery_as_its_subject_stays_shelling():
    assert [e.sub_event_type for e in events_of("قصفت المدفعية مواقع للمسلحين قرب بلدة تلعفر صباح اليوم.")] \
        == ["Shelling/artillery/missile attack"]
