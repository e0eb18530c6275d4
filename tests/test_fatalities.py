"""How Arabic news counts one incident's dead, on sentences written for these tests."""
from __future__ import annotations

import pytest

from marsad.extraction.tolls import casualty_figures
from marsad.model import RawItem
from marsad.pipeline import process


def killed(text: str) -> list[int]:
    return [f.value for f in casualty_figures(text) if f.kind == "killed" and not f.part]


def fatalities(body: str) -> dict[str, int | None]:
    doc = process(RawItem("t", "test", "jsonl", text="تقرير اختباري\n" + body, meta={"published": "2024-03-10"}))
    assert doc.status == "ok", doc.error
    return {e.location: e.fatalities for e in doc.events}


# --- victims counted by the words that name them -------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a number in brackets counts the noun after it, which is then no second, lone victim
    ("وقال المحافظ إن الهجوم الذي سقط فيه (12) شهيدا لن يمر دون عقاب", [12]),
    ("سقط [4] قتلى في القصف على السوق", [4]),
    # "واحد" after the noun confirms the one victim, it does not replace it
    ("أسفر القصف عن سقوط قتيل واحد في الحي", [1]),
    ("سقط شهيد واحد وأصيب آخرون في الغارة", [1]),
    # a count joined by و after the lone victim is a new count, not this noun's
    ("سقط شهيد وثلاثة جرحى في القصف", [1]),
    # "راح ضحية …" names the victims' number a few words on: that number, not one
    ("وراح ضحية الكمين خمسة مزارعين كانوا في طريقهم إلى الحقول", [5]),
    # a possessive dual pronoun is two victims, the singular one
    ("أطلق مسلحون النار على الشقيقين قرب بلدة طفس، ما أدى إلى مقتلهما على الفور", [2]),
    ("وأعلنت عائلة الصحفي عن وفاته متأثرا بجراحه", [1]),
    ("أطلق المسلحون النار على الحاجز قبل أن يقتلوا حارس المبنى", [1]),
    # a dual of a victim noun alone is two
    ("سقط قتيلان في قصف على بلدة سراقب", [2]),
    ("استشهد شابان برصاص قناص قرب الحاجز", [2]),
    # lives taken, and قضى (died) before its count
    ("حصد القصف أرواح 12 مدنيا في السوق", [12]),
    ("قضى 6 عمال في انفجار داخل المصنع", [6]),
    # a range: ACLED takes the lowest figure
    ("قال مسؤول محلي إن ما بين 20 و25 شخصا قتلوا في الغارة", [20]),
    # hostages put to death are killed, not captured
    ("أعدم المسلحون أربعة رهائن أمام الأهالي", [4]),
    # a person with a possessive pronoun is one victim, added to the count beside it
    ("أطلق مسلحون النار على شاحنة ما أسفر عن مقتل سائقها وثلاثة عمال", [1, 3]),
    ("أدى الانفجار إلى مقتل زوجته وطفلين", [3]),
    ("فتح مسلحون النار على حافلة ما أسفر عن مقتل اثنين أحدهما جندي والآخر مدني", [2]),
    # an attempt on someone's life killed no one
    ("نجا المحافظ من محاولة قتل عند مدخل مكتبه", []),
    # a death verb in a relative clause on another noun does not count the crowd before it
    ("واحتشد مئات المعتصمين ومعهم أمهات الشبان الذين قتلوا في السجن أمام مبنى البرلمان", []),
    ("شيع الأهالي عشرات الشبان الذين قتلوا في المواجهات", [10]),
])
def test_victims_counted_by_the_words_that_name_them(text, expected):
    assert killed(text) == expected


@pytest.mark.parametrize("text", [
    "طالب المتظاهرون بمحاكمة قتلة الزعيم الشهيد سليم النجار",     # an epithet of someone known
    "وقال الطبيب إن الجثة لم تحمل آثار تعذيب",                       # the body already told of
    "والضحية الثانية للقرار هي الصحافة المستقلة",                   # a figure of speech
])
def test_a_definite_victim_noun_is_no_new_victim(text):
    assert killed(text) == []


def test_a_bracketed_figure_is_the_events_count():
    assert fatalities("هاجم مسلحون قرية أم سيالة يوم الجمعة، وسقط في الهجوم (9) قتلى.") == {"أم سيالة": 9}


def test_a_dual_pronoun_victim_count_goes_on_the_event():
    body = "أطلق مسلحون مجهولون النار على المواطن وابنه في بلدة جاسم، ما أدى إلى مقتلهما على الفور."
    assert fatalities(body) == {"جاسم": 2}


# --- which incident a figure belongs to ------------------------------------------------------------

def test_the_weapon_named_after_an_incident_shares_its_dead():
    body = "وأعلن الدفاع المدني استشهاد مزارع نتيجة قصف إسرائيلي من طائرة مسيرة استهدف أرضه في بلدة بيت لاهيا."
    assert fatalities(body) == {"بيت لاهيا": 1}


def test_dead_tied_to_the_incident_told_before_are_its_own():
    # the next sentence tells a clash, and the dead of "the explosion" — the first sentence's bombing
    body = ("فجر انتحاري سيارة مفخخة عند بوابة معسكر في مدينة البريقة صباح أمس. "
            "وقال ضابط في المعسكر إن قواته اشتبكت مع المهاجمين في مدينة أجدابيا، مؤكدا مقتل ثلاثة حراس في "
            "انفجار السيارة المفخخة.")
    found = fatalities(body)
    assert found["البريقة"] == 3


def test_victims_named_by_pointing_back_take_the_count_told_before():
    body = ("وقال مسعف إن جثث 14 شخصا نقلت إلى مستشفى المدينة. "
            "وأوضح أن هؤلاء قضوا في غارة جوية على سوق مدينة حرض.")
    assert fatalities(body) == {"حرض": 14}


def test_a_lead_without_a_number_takes_the_count_of_the_report_after_it():
    body = ("قتل عدد من عناصر الشرطة فجر اليوم في هجوم مسلح على مركز أمني في مدينة بعقوبة. "
            "وأفاد مصدر أمني أن ستة عناصر قتلوا في هجوم شنه مسلحون على المركز.")
    assert fatalities(body)["بعقوبة"] == 6


def test_an_uncounted_lead_keeps_no_count_from_a_different_kind_of_incident():
    body = ("قتل عدد من المدنيين في قصف مدفعي على بلدة حزانو. "
            "وقال ناشطون إن اشتباكات اندلعت في مدينة سرمدا أسفرت عن مقتل أربعة مسلحين.")
    assert fatalities(body)["حزانو"] is None


def test_a_sentence_that_describes_the_incident_told_before_takes_its_count():
    body = ("قتل ثمانية جنود في هجوم على دورية للجيش. "
            "وقال مصدر إن الهجوم وقع فجر أمس عندما تعرضت الدورية لكمين قرب مدينة غاو.")
    assert fatalities(body) == {"غاو": 8}


def test_another_incident_after_the_one_told_before_keeps_no_count():
    from marsad.extraction.fatalities import event_fatalities
    from marsad.extraction.triggers import find_triggers
    from marsad.text.arabic import sentences

    text = "قتل ثمانية جنود في هجوم على دورية للجيش. وأعقب الهجوم هجوم آخر على نقطة تفتيش قرب مدينة غاو."
    second = sentences(text)[1]
    triggers = find_triggers(text, second.start, second.end)
    assert [event_fatalities(text, second.start, second.end, triggers, k)[0] for k in range(len(triggers))] \
        == [None] * len(triggers)


@pytest.mark.parametrize("text, zero", [
    ("سقطت قذيفة على الحي دون وقوع خسائر بشرية", True),
    ("استهدفت غارة موقعا قرب المدينة ولم ترد أنباء عن وقوع ضحايا", True),
    # about victims there were, not their absence
    ("ولم تقدم الحركة أرقاما محددة عن القتلى والجرحى", False),
    ("لم يتم التعرف حتى الآن على هوية الضحايا", False),
])
def test_no_casualties_is_said_with_an_indefinite_casualty_noun(text, zero):
    from marsad.extraction.fatalities import zero_casualties

    assert zero_casualties(text, 0, len(text)) is zero
