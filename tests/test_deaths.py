"""Deaths told in the ways Arabic news tells them besides "قتل": dying of wounds (توفي، فارق الحياة،
لفظ أنفاسه متأثرا بجروحه), a killing verb whose object pronoun is the victim (فاغتالوه، أعدموهم), on
sentences written for these tests."""
from __future__ import annotations

import pytest

from marsad.extraction.casualty_words import object_victims
from marsad.extraction.tolls import casualty_figures
from marsad.model import RawItem
from marsad.pipeline import process
from marsad.text.arabic import normalize


def figures(text: str) -> list[tuple[str, int]]:
    return [(f.kind, f.value) for f in casualty_figures(text) if not f.part]


def events(body: str) -> list[tuple[str, str, int | None]]:
    doc = process(RawItem("t", "test", "jsonl", text="تقرير اختباري\n" + body, meta={"published": "2024-03-10"}))
    assert doc.status == "ok", doc.error
    return [(e.event_type, e.sub_event_type, e.fatalities) for e in doc.events]


# --- dying of wounds --------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the idiom's fixed object comes between the verb and its subject
    ("فارق الحياة مزارع متأثرا بجروح أصيب بها في قصف على أطراف القرية", [("killed", 1)]),
    ("لفظ أنفاسه الأخيرة حارس متأثرا بإصابته في الهجوم على المصرف", [("killed", 1)]),
    ("فارقت الحياة مسنة متأثرة بجروحها في الغارة", [("killed", 1)]),
    # the idiom after its counted subject
    ("وقال الطبيب إن ثلاثة جرحى لفظوا أنفاسهم في غرفة العمليات", [("killed", 3)]),
    # the wounds a dead man succumbed to are his, no count of injured besides him
    ("وتوفي موظف متأثرا بجراح أصيب بها خلال القصف", [("killed", 1)]),
])
def test_a_death_of_wounds_is_one_killed(text, expected):
    assert figures(text) == expected


def test_a_person_succumbing_to_wounds_is_not_counted_injured():
    assert figures("نقل مواطن متأثرا بجروح أصيب بها إلى المستشفى") == []


@pytest.mark.parametrize("body, kind", [
    # an explosion named after the death it caused is reported by it, as it is by a killing
    ("توفي اثنان من العمال متأثرين بجراحهما جراء انفجار سيارة مفخخة في سوق مدينة الرمادي.",
     "Explosions/Remote violence"),
    ("فارق الحياة مواطن متأثرا بجروح أصيب بها جراء قصف مدفعي على مدينة دوما.", "Explosions/Remote violence"),
])
def test_a_death_of_wounds_reports_the_incident_that_caused_them(body, kind):
    found = events(body)
    assert [(t, n) for t, _, n in found] == [(kind, 1 if "مواطن" in body else 2)]


def test_a_death_by_a_shot_after_a_frame_word_is_reported():
    # "بعد إصابته برصاص": the death told ahead of the frame reports the shooting
    found = events("توفي شاب متأثرا بجروحه بعد إصابته برصاص قناص في مدينة تعز.")
    assert found == [("Violence against civilians", "Attack", 1)]


@pytest.mark.parametrize("body", [
    "توفي الشاعر المعروف بعد صراع طويل مع المرض في مدينة بنغازي.",
    "توفي شخصان وأصيب خمسة آخرون في حادث سير على طريق مدينة حماة.",
    "فارق الحياة عامل إثر سقوطه من سقالة في مدينة جدة.",
    # an explosion that "توفي" alone tells is an accident as often: only dying of wounds anchors it
    "توفي عاملان في انفجار داخل مصنع للألعاب النارية في مدينة إربد.",
])
def test_a_death_by_illness_or_accident_is_no_event(body):
    assert events(body) == []


# --- a killing verb whose object pronoun is the victim ---------------------------------------

@pytest.mark.parametrize("word, victims", [
    ("فاغتالوه", 1), ("فقتلته", 1), ("أعدموهما", 2), ("قتلوهم", 0), ("ذبحوه", 1),
    ("اغتالت", None), ("قتلوا", None), ("مقتله", None),
])
def test_the_object_pronoun_of_a_killing_verb_counts_its_victims(word, victims):
    assert object_victims(normalize(word)) == victims


@pytest.mark.parametrize("body, expected", [
    ("اعترض مسلحون سيارة المحامي على طريق مدينة الحلة فاغتالوه بعدة رصاصات.",
     [("Violence against civilians", "Attack", 1)]),
    # a raid in which the householder is killed is the killing, not an arrest
    ("اقتحم مسلحون منزل إمام المسجد في بلدة الشرقاط فقتلوه أمام أبنائه.",
     [("Violence against civilians", "Attack", 1)]),
    # the killing that ends the attack told first in the sentence
    ("هاجم مسلحون سيارة المهندس في مدينة كركوك وقتلوه على الفور.", [("Violence against civilians", "Attack", 1)]),
    # a plural pronoun takes back the count of people told before it in the sentence
    ("اعتقل عناصر التنظيم أربعة رعاة من قرية الباغوز ثم أعدموهم رميا بالرصاص.",
     [("Violence against civilians", "Attack", 4)]),
    ("استدرجت مجموعة مسلحة الطبيب إلى خارج مدينة سرت فقتلته.", [("Violence against civilians", "Attack", 1)]),
])
def test_a_killing_told_by_its_object_pronoun_is_an_attack_with_its_victims(body, expected):
    assert events(body) == expected


@pytest.mark.parametrize("body", [
    # a thing taken back by a feminine pronoun, and one man's killing of another in a tale
    "وقال النائب في مدينة بيروت إن المبادرة ولدت ميتة لأنهم قتلوها قبل أن تبدأ.",
    "ويروي الكتاب أن الصياد طارد الذئب في الغابة حتى أمسكه فقتله.",
])
def test_a_pronoun_killing_of_a_thing_or_in_a_tale_is_no_event(body):
    assert events(body) == []


# --- an armed force kills a count of people: active verb, its doer, a count as its object --------

@pytest.mark.parametrize("body, expected", [
    ("قتلت القوات الحكومية 30 مسلحا في عملية أمنية بمحافظة صلاح الدين.", [("Battles", "Armed clash", 30)]),
    ("قتل الجنود 9 من المهاجمين بعد محاولتهم اقتحام معسكر في مدينة غاو.", [("Battles", "Armed clash", 9)]),
    # a raid in which the force kills is the fight, not an arrest
    ("قتلت قوات الأمن ثلاثة من عناصر التنظيم في مداهمة بمدينة سامراء.", [("Battles", "Armed clash", 3)]),
    ("تمكنت القوات الأمنية من قتل 6 مسلحين في منطقة جبل سمامة.", [("Battles", "Armed clash", 6)]),
    ("تمكن الجيش من القضاء على 11 مسلحا في منطقة جبل المغيلة.", [("Battles", "Armed clash", 11)]),
    # the civilians a force kills are violence against them
    ("قتلت الشرطة أربعة مدنيين في مدينة القضارف.", [("Violence against civilians", "Attack", 4)]),
    # the killing told with its strike is that strike
    ("قتل الجيش 25 مسلحا في غارة جوية على بلدة دامبوا.", [("Explosions/Remote violence", "Air/drone strike", 25)]),
])
def test_a_force_killing_a_count_of_people_is_an_event_with_that_count(body, expected):
    assert events(body) == expected


@pytest.mark.parametrize("body, expected", [
    # the doers told before, the killing joined to their act by و or ف with its object after it
    ("استوقف مسلحون سيارة على طريق بلدة المقدادية فقتلوا سائقها على الفور.", [("Violence against civilians", "Attack", 1)]),
    ("حاصر مسلحون حاجزا للشرطة في بلدة الطارمية وقتلوا ثلاثة من عناصر الشرطة.", [("Battles", "Armed clash", 3)]),
    # the dead of a shelling its doers are said to have killed are the shelling's
    ("قصفت المدفعية مواقع المسلحين في بلدة الحويجة وقتلت 14 منهم.",
     [("Explosions/Remote violence", "Shelling/artillery/missile attack", 14)]),
])
def test_a_killing_joined_to_the_doers_act_is_that_act(body, expected):
    assert events(body) == expected


@pytest.mark.parametrize("body", [
    # passive: the soldiers were killed, and no incident is told
    "قتل الجنود في مدينة الرقة.",
    # eliminating, told without a count of people, is an aim
    "وتسعى القوات إلى القضاء على المسلحين في مدينة درنة.",
    # a count over a period after the doer's verb is a toll, with or without a figure read
    "قتلت القوات منذ بداية الحرب في مدينة الفاشر أكثر من ألفي مدني.",
    "قتل مسلحون مجهولون منذ بداية العام 25 شخصا في مدينة سبها.",
])
def test_a_passive_killing_or_an_aim_is_no_force_killing(body):
    assert events(body) == []


def test_eliminating_a_count_of_people_counts_them_killed():
    assert figures("تمكنت الوحدات من القضاء على 4 مسلحين") == [("killed", 4)]
    assert figures("أحال القضاء 4 متهمين إلى المحكمة") == []


# --- the wounded who died since -------------------------------------------------------------

@pytest.mark.parametrize("body, dead", [
    # a rising count told as the outcome of the deaths, naming the incident or only its dead
    ("توفي اثنان من جرحى الغارة على سوق بلدة معرة مصرين، لترتفع حصيلة الغارة إلى 9 قتلى.", 9),
    ("توفي اثنان من جرحى الغارة على سوق بلدة معرة مصرين، لترتفع حصيلة القتلى إلى 9.", 9),
    # one more dead in the next sentence, numbered on from the count or dying of wounds
    ("قتل شرطيان في انفجار عبوة ناسفة في مدينة الفلوجة. وتوفي شرطي ثالث متأثرا بجراحه في المستشفى.", 3),
    ("قتلت امرأتان في قصف مدفعي على بلدة كفرزيتا. وفي وقت لاحق توفي رجل متأثرا بجروحه.", 3),
    # an ordinal that does not go on from the count says nothing sure
    ("قتل شرطيان في انفجار عبوة ناسفة في مدينة الفلوجة. وتوفي شرطي خامس في المستشفى.", 2),
    # the next sentence tells an incident of its own
    ("قتل شرطيان في انفجار عبوة ناسفة في مدينة الفلوجة. وتوفي رجل متأثرا بجروحه في غارة على بلدة الكرمة.", 2),
])
def test_the_wounded_who_died_since_are_the_incidents_dead(body, dead):
    found = events(body)
    assert found[0][2] == dead


def test_a_rising_total_of_one_side_or_a_period_revises_no_incident():
    assert [(f.kind, f.value, f.update) for f in casualty_figures(
        "قتل جنديان في هجوم على حاجز، ليرتفع عدد قتلى الجيش إلى 50.") if not f.scope] == [("killed", 2, False)]
    assert not any(f.update for f in casualty_figures(
        "قتل ثلاثة في غارة على بلدة سرمين، لترتفع حصيلة القتلى منذ بداية الشهر إلى 70."))


def test_a_death_of_torture_is_an_attack():
    assert events("توفي شاب في مدينة حمص متأثرا بالتعذيب الذي تعرض له في أحد السجون.") == [
        ("Violence against civilians", "Attack", 1)]


def test_a_count_of_them_with_no_count_before_is_a_count_of_its_own():
    # "منهم" takes back people named, not counted: no figure for it to be part of
    assert figures("خطف المسلحون ركاب الحافلة ثم قتلوا ستة منهم") == [("killed", 6)]
    # after a count it is part of it
    assert [(f.kind, f.value, f.part) for f in casualty_figures("أصيب 20 شخصا قتل منهم ثلاثة")] == [
        ("injured", 20, False), ("killed", 3, True)]


def test_a_total_of_another_kind_does_not_scope_the_dead():
    figs = casualty_figures("وبلغ عدد المخطوفين لدى خطفهم في الشهر الماضي 17، وقتل اثنان منهم في الأسبوع التالي.")
    assert [(f.kind, f.value, f.scope) for f in figs if f.kind == "killed"] == [("killed", 2, None)]


def test_a_war_told_back_gives_no_event_and_its_thousands_no_fatalities():
    from marsad.model import RawItem
    from marsad.pipeline import process

    def events(body):
        return [(e.location, e.fatalities) for e in process(RawItem("t", "t", "text", text="مقال\n" + body)).events]

    # "يومها": the day the sentence before dated, years back
    assert events("حين بدأت الحرب في مارس 2015 لم يتوقع أحد أن تطول. يومها قصفت الطائرات مواقع في صنعاء.") == []
    # a vague count of thousands in another sentence is the war's dead, not the strike's
    assert events("قصفت الطائرات أمس مواقع في صنعاء.\nوبعد أن قتل عشرات الآلاف، ما زالت المفاوضات متعثرة.") == [
        ("صنعاء", None)]
