"""Events told inside a frame, and text that only looks like an event, on reports written for these
tests: an attack noun told with its doer under another main verb (people fled, met or condemned);
a casualty's cause naming who fired and where; a drill, a film's plot, a warning, an anniversary."""
from __future__ import annotations

import pytest

from tests.conftest import events_of

V, B, E = "Violence against civilians", "Battles", "Explosions/Remote violence"


def _told(body: str) -> list[tuple]:
    return [(e.event_type, e.location, e.actor1) for e in events_of(body)]


# --- an attack noun with its doer's clause is the event, whatever the sentence's main verb ----------
@pytest.mark.parametrize("body, expected", [
    # displacement after attacks on villages: violence against civilians by the named militia
    ("فر آلاف من سكان القرى يوم السبت إثر هجمات شنتها ميليشيا الجنجويد على قرى في ولاية غرب دارفور.",
     (V, "غرب دارفور", "ميليشيا الجنجويد")),
    ("غادرت مئات الأسر منازلها بعد هجمات نفذها مسلحون مجهولون على بلدات في ولاية كاتسينا.",
     (V, "كاتسينا", "مسلحون مجهولون")),
    # a meeting after an attack on a base: the attack, by the group that carried it out
    ("عقدت الحكومة اجتماعا طارئا مساء الأحد عقب الهجوم الذي نفذته جماعة أنصار الدين على قاعدة عسكرية في مدينة غاو.",
     (B, "غاو", "جماعة أنصار الدين")),
    # a condemnation of an attack told with its doer
    ("أدان رئيس الوزراء الصومالي اليوم الهجوم الذي شنته حركة الشباب على فندق في مدينة كيسمايو.",
     (V, "كيسمايو", "حركة الشباب")),
    # a weak noun (a suicide attack) in a frame: its doer's clause anchors it
    ("أغلقت السلطات الأسواق إثر الهجوم الانتحاري الذي نفذه تنظيم داعش على مسجد في مدينة قندوز أمس.",
     (E, "قندوز", "تنظيم الدولة الإسلامية")),
])
def test_an_attack_told_with_its_doer_inside_a_frame_is_the_event(body, expected):
    assert expected in _told(body)


def test_a_country_is_a_doer_too():
    body = "ارتفعت أسعار النفط بعد الضربات الجوية التي شنتها الولايات المتحدة على مواقع في محافظة الحديدة."
    assert [(e.event_type, e.location) for e in events_of(body)] == [(E, "الحديدة")]


@pytest.mark.parametrize("body", [
    # a frame or a reaction with no doer told: the attack the article told before, no new report
    "أغلقت السلطات الأسواق إثر الهجوم الانتحاري على المسجد.",
    "استنكر المجلس الهجوم على الكنيسة في مدينة المنيا.",
    # a verb of carrying out with no doer after it (justified "as …")
    "برر الخاطفون عملية الاختطاف التي نفذوها بأنها رد على اعتقال رفاقهم.",
    # an anniversary keeps governing the attack its clause tells
    "يصادف اليوم ذكرى الهجوم الذي شنته جماعة مسلحة على مدرسة في مدينة بيشاور.",
])
def test_a_framed_attack_without_its_doer_or_remembered_is_no_event(body):
    assert _told(body) == []


# --- a death's cause naming who fired, then where --------------------------------------------------
@pytest.mark.parametrize("body, place, actor", [
    ("قتل شاب برصاص الشرطة في البصرة مساء الأحد.", "البصرة", "الشرطة"),
    ("أصيب طفل بنيران الجيش في نابلس صباح اليوم.", "نابلس", "الجيش"),
    ("قتل رجل برصاص عناصر الأمن في مدينة درعا أمس.", "درعا", "عناصر الأمن"),
    ("قتل صياد برصاص خفر السواحل قرب مدينة الفاو اليوم.", "الفاو", "خفر السواحل"),
])
def test_the_body_that_fired_is_the_actor_and_the_place_after_it_the_events(body, place, actor):
    assert [(e.event_type, e.location, e.actor1) for e in events_of(body)] == [(V, place, actor)]


# --- violence that is staged, feared or remembered ---------------------------------------------------
@pytest.mark.parametrize("body", [
    # drills and exercises
    "أجرى الجيش أمس مناورات عسكرية بالذخيرة الحية شملت قصفا مدفعيا لأهداف في منطقة الأزرق.",
    "نفذت القوات البحرية تمرينا يحاكي هجوما صاروخيا على سفن معادية في الخليج.",
    "نفذت الشرطة تمرينا لمحاكاة هجوم إرهابي على مركز تجاري في مدينة الدوحة.",
    "درست القيادة سيناريو افتراضيا لهجوم بطائرات مسيرة على مطار مدينة أربيل.",
    # a work's plot
    "تحكي الرواية قصة قرية دمرها القصف وقتل فيها عشرات المدنيين.",
    "يروي الفيلم الوثائقي قصة صياد قتل برصاص خفر السواحل قبالة مدينة صور.",
    # a warning of what may happen
    "حذرت الأمم المتحدة من أن استمرار المعارك قد يؤدي إلى مقتل الآلاف في مدينة الفاشر.",
    "حذر المبعوث من هجوم واسع على مدينة مأرب.",
    # an expectation or a possibility
    "من المتوقع أن تشن القوات الحكومية هجوما واسعا على مدينة الفاشر.",
    "يمكن أن يؤدي القصف إلى تدمير المستشفى الوحيد في مدينة خان يونس.",
    "تدور أحداث المسلسل حول عائلة فقدت أبناءها في غارة جوية على مدينة الموصل.",
    "تجسد المسرحية معاناة عائلة قتل أفرادها في قصف على مدينة غزة.",
    "يعرض الكتاب شهادات ناجين من القصف الكيميائي على مدينة حلبجة.",
    # commemorated, even with its doer named; a day dated years back
    "يستذكر العراقيون اليوم مجزرة سبايكر التي ارتكبها تنظيم داعش بحق مئات الطلبة.",
    "في مثل هذا اليوم قبل عشرين عاما، قتل 50 شخصا في تفجير سوق مدينة الحلة.",
    # an anniversary: the act named in construct after the refuted one is the same act
    "أحيا سكان البلدة اليوم الذكرى السنوية لمجزرة القصف الكيميائي التي راح ضحيتها آلاف.",
])
def test_staged_feared_or_remembered_violence_is_no_event(body):
    assert _told(body) == []


@pytest.mark.parametrize("body, expected", [
    # an account (رواية) with no story told is a witness's, and the act it tells is reported
    ("وبحسب رواية الجيش، قتل مسلحون ثلاثة جنود في هجوم على حاجز قرب مدينة العريش أمس.", B),
    # a drill told in another clause of the sentence
    ("شارك الجيش في مناورات مشتركة، فيما قتل جنديان في هجوم على حاجز قرب مدينة العريش أمس.", B),
    # years named for a place's past, with today's attack
    ("قتل ثلاثة مدنيين اليوم في تفجير سوق مدينة الحلة الذي شهد هجوما مماثلا قبل عامين.", E),
    # a training camp struck is no drill told before the strike
    ("قصفت طائرات حربية معسكر تدريب لمسلحين قرب مدينة درنة فجر اليوم.", E),
])
def test_words_near_the_staged_senses_still_report(body, expected):
    assert expected in [e.event_type for e in events_of(body)]


def test_attacks_on_villages_near_a_town_fold_into_the_villages_a_later_sentence_names():
    """The lead's "قرى محيطة بمدينة X" lies beside the town (precision 2), and is the attack on the
    villages the next sentence names beside it: one event per village, with the lead's day."""
    body = ("قتل 12 مدنيا أمس الخميس إثر هجمات شنتها ميليشيا الجنجويد على قرى محيطة بمدينة الجنينة.\n"
            "وقال أحد الناجين إن قوة تتبع للميليشيا هاجمت مناطق \"أم دريسة\" و\"كرنقو\"، الواقعة على بعد "
            "20 كيلومترا شمال الجنينة.")
    found = events_of(body)
    assert [e.location for e in found] == ["أم دريسة", "كرنقو"]
    assert found[0].date_text == "أمس الخميس" and found[0].fatalities == 12


def test_the_lead_alone_is_placed_beside_its_town():
    body = "قتل 12 مدنيا أمس الخميس إثر هجمات شنتها ميليشيا الجنجويد على قرى محيطة بمدينة الجنينة."
    assert [(e.event_type, e.location, e.geo_precision) for e in events_of(body)] == [(V, "الجنينة", 2)]


def test_the_victims_of_an_expected_rise_belong_to_an_attack_that_happened():
    body = "قتل مسلحون ستة مدنيين في هجوم على سوق بلدة بامبا أمس، ومن المتوقع أن يرتفع عدد قتلى الهجوم."
    assert V in [e.event_type for e in events_of(body)]


@pytest.mark.parametrize("body", [
    "قتل مدني برصاص قناصة الجيش في مدينة تعز اليوم.",
    "قتل رجل برصاص عناصر الأمن في مدينة درعا أمس.",
])
def test_a_civilian_shot_by_soldiers_named_after_the_bullet_is_attacked_not_fighting(body):
    """Who fired follows the bullet: the victim before it types the event, not the soldiers after it."""
    assert [e.event_type for e in events_of(body)] == [V]


def test_a_body_that_condemns_an_attack_told_with_its_doer_is_no_side_in_it():
    body = "استنكرت وزارة الخارجية المصرية الهجمات التي شنتها جماعة بوكو حرام على قرى في ولاية بورنو."
    found = events_of(body)
    assert [(e.event_type, e.actor1, e.actor2) for e in found] == [(V, "جماعة بوكو حرام", None)]


def test_an_attack_on_a_hotel_is_on_civilians():
    body = "أدان الرئيس اليوم الهجوم الذي شنته حركة الشباب على فندق في مدينة كيسمايو."
    assert [(e.event_type, e.actor1) for e in events_of(body)] == [(V, "حركة الشباب")]
