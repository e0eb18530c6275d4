"""Victims counted the ways Arabic news lists and refers back to them (sentences written for these tests)."""
from __future__ import annotations

import pytest

from marsad.extraction.tolls import casualty_figures
from marsad.model import RawItem
from marsad.pipeline import process


def killed(text: str) -> list[tuple[int, str | None]]:
    return [(f.value, f.scope) for f in casualty_figures(text) if f.kind == "killed" and not f.part]


def events(body: str) -> list:
    doc = process(RawItem("t", "test", "jsonl", text="تقرير اختباري\n" + body, meta={"published": "2024-03-10"}))
    assert doc.status == "ok", doc.error
    return doc.events


def fatalities(body: str) -> dict[str, int | None]:
    return {e.location: e.fatalities for e in events(body)}


# --- victims listed by rank and name, then a count joined to them ------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a dual noun, then the two it names by rank, then a count: 2 + 5
    ("وقال الناطق إن «الجنديين الرقيب سالم عوض، والعريف ماهر السيد، و5 مدنيين قتلوا في القصف»", [7]),
    # ranks after the killing verb, each one person: 1 + 1 + 3
    ("قتل النقيب سامر الحلبي والملازم خالد نصر و3 جنود في كمين قرب الحدود", [5]),
    # a person noun with the article and a name, then a count by the verb after it
    ("وأكدت المصادر أن الشيخ عبد الله النوري وثلاثة من مرافقيه قتلوا في الكمين", [4]),
])
def test_victims_named_by_rank_add_to_the_count_joined_to_them(text, expected):
    assert [v for v, _ in killed(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the list must open the clause: a wounded soldier before the count is not one of the dead
    ("أصيب الجندي في الاشتباك، و4 مدنيين قتلوا في القصف", [4]),
    # a name list that is the doers', after a verb that is no killing
    ("التقى العقيد فارس الحمد والمقدم نزار علي و3 ضباط بالمحافظ", []),
])
def test_a_list_that_is_not_the_dead_adds_nothing(text, expected):
    assert [v for v, _ in killed(text)] == expected


# --- a count carried to its verb by a pronoun ----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("تم الكشف عن مصير أربعة صيادين من قرية الخضراء التابعة لقضاء البصرة الجنوبي، حيث تبين أنهم لقوا حتفهم", [4]),
    ("عثر على خمسة رعاة من بلدة الطيبة الواقعة في أقصى ريف المحافظة الشرقي، وأكد الأهالي أنهم قتلوا برصاص", [5]),
    # the pronoun is not followed by a casualty verb
    ("نقل خمسة عمال من منطقة الميناء التابعة للبلدية الشمالية إلى المستشفى، وقال الأطباء إنهم بخير", []),
])
def test_a_pronoun_carries_the_count_to_its_verb(text, expected):
    assert [v for v, _ in killed(text)] == expected


def test_a_period_that_dates_a_fronted_circumstance_makes_no_toll():
    # "منذ أسبوع" dates the disappearance before the comma, not a count over a week
    assert killed("بعد اختفائهم منذ أسبوع، عثر الأهالي على جثث ستة رعاة قرب الوادي") == [(6, None)]
    # a period of the count itself still makes it a toll
    assert killed("قتل 40 مدنيا منذ بداية الأسبوع في غارات على المدينة")[0][1] is not None


# --- counts told in a neighbouring sentence ------------------------------------------------------------

def test_a_sources_account_between_the_count_and_the_attack_does_not_break_the_link():
    body = ("قتل ستة جنود في استهداف دورية للجيش قرب بلدة القصير. "
            "وأوضح المصدر أن مجموعة مسلحة هاجمت الدورية وأطلقت قذائف صاروخية عليها. "
            "وأشار الأهالي إلى أن قائد الدورية الذي لقي حتفه في الهجوم هو من أبناء مدينة تلكلخ.")
    assert fatalities(body).get("تلكلخ") == 6


def test_another_incident_between_still_breaks_the_link():
    body = ("قتل ستة جنود في استهداف دورية للجيش قرب بلدة القصير. "
            "وأوضح المصدر أن مسلحين شنوا هجوما آخر على حاجز في بلدة الضبعة. "
            "وأشار الأهالي إلى أن قائد الحاجز الذي أصيب في الهجوم هو من أبناء مدينة تلكلخ.")
    assert fatalities(body).get("تلكلخ") is None


def test_a_report_that_strikes_the_town_just_named_gives_the_attacks_count():
    body = ("وأعلن مسؤول محلي، مساء الأحد، عن هجوم على سوق في مدينة كيدال دون تقديم أي حصيلة. "
            "وأفاد شهود أن مسلحين اقتحموا المدينة وأطلقوا النار قبل أن يقتلوا شرطيا.")
    attack = [e for e in events(body) if e.sub_event_type == "Attack"]
    assert [(e.location, e.fatalities) for e in attack] == [("كيدال", 1)]


# --- counts whose casualty word is left out, and victims as a killing verb's object -----------------------

@pytest.mark.parametrize("text, expected", [
    # "and two others": the second strike's dead, of the kind the sentence counted first
    ("وأفاد المسعفون بمقتل شخصين في غارة على سيارة شرق البلدة، وشخصين آخرين نتيجة غارة على مزرعة", [2, 2]),
    ("قتل جندي في انفجار لغم قرب الحاجز، وجندي آخر برصاص قناص", [1, 1]),
    # "والآخر" is one of those already counted, not one more
    ("فتح مسلحون النار على حافلة ما أسفر عن مقتل اثنين أحدهما جندي والآخر مدني", [2]),
])
def test_a_count_with_its_casualty_word_left_out_takes_the_kind_before(text, expected):
    assert [v for v, _ in killed(text)] == expected


def test_others_in_one_account_add_up():
    body = "قتل مدنيان في قصف مدفعي على بلدة كفرنبل، ومدنيان آخران في القصف ذاته."
    assert fatalities(body)["كفرنبل"] == 4


@pytest.mark.parametrize("text, expected", [
    ("قتل مسلحون مجهولون شرطيا عند حاجز قرب السوق", [1]),
    ("قتلت قوات الأمن متظاهرا وأصابت آخرين أمام المحكمة", [1]),
    # past the doer and a phrase, and a person joined to it
    ("قتل مسلحون في أحد الهجومين عضوا في المجلس البلدي وسائقه", [2]),
    ("أعدم التنظيم رجلا بتهمة التعاون مع الجيش", [1]),
    # no accusative person: "gunmen were killed", and a plural object is no count
    ("قتل مسلحون في اشتباك مع الجيش قرب القرية", []),
    ("قتلت الغارات مدنيين في أنحاء المحافظة", []),
])
def test_the_victim_a_killing_verb_takes_as_its_object(text, expected):
    assert [v for v, _ in killed(text)] == expected


# --- one of them, and the teens written as words -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("أعلنت الشرطة مقتل أحد عناصرها في انفجار عبوة قرب المركز", [1]),
    ("أسفر القصف عن استشهاد إحدى المسعفات في الحي الشرقي", [1]),
    ("أسفر القصف عن مقتل أحد عشر شخصا في السوق", [11]),
    ("قتل اثنا عشر جنديا في الكمين", [12]),
    ("أسفر الانفجار عن مقتل محافظ الولاية وثلاثة من مرافقيه", [1, 3]),
])
def test_one_of_them_and_the_teens(text, expected):
    assert [v for v, _ in killed(text)] == expected


# --- what does and does not make a count a toll --------------------------------------------------------

@pytest.mark.parametrize("text", [
    # an ordinal before the period ranks the incident, it does not count over the period
    "وهذا ثالث تفجير في غضون أسبوع في المدينة، أسفر عن مقتل خمسة مدنيين",
    # "meanwhile" is no period
    "في غضون ذلك، أعلنت مصادر طبية مقتل ثلاثة مدنيين في انفجار عبوة ناسفة قرب السوق",
    # the one attack right by the count, though attacks are named a dozen words before
    "وتعرضت الدوريات لهجمات من مسلحين مجهولين ليلة أمس لليلة الثالثة، وقد قتل شرطيان في هجوم على نقطة تفتيش",
    # a plural in the source's next statement sums nothing of this count
    "وقال المتحدث إن الهجوم على الثكنة أدى إلى مقتل 9 جنود، وأوضح أن عمليات بحث واسعة تجري الآن في المنطقة",
])
def test_a_one_incident_count_stays_the_incidents(text):
    figures = killed(text)
    assert figures and all(scope is None for _, scope in figures)


def test_a_period_of_the_count_and_a_plural_by_it_still_make_tolls():
    assert killed("قتل 40 مدنيا خلال الأسبوع الماضي في المحافظة")[0][1] is not None
    assert killed("أسفرت غارات متفرقة على ريف المدينة عن مقتل 17 شخصا")[0][1] is not None


# --- two triggers of one incident in a sentence -----------------------------------------------------------

@pytest.mark.parametrize("body, place, expected", [
    # an opening "in another attack" and the precise one after the count
    (("وفي هجوم آخر، أعلن مصدر في الشرطة مقتل أربعة حراس وإصابة ثلاثة في انفجار عبوة ناسفة استهدفت "
      "دورية في قرية المنصورية."), "المنصورية", 4),
    # a suicide attack followed by a car bomb: one incident
    (("وقال مسؤول محلي إن ثلاثة أشخاص قتلوا جراء هجوم انتحاري بحزام ناسف أعقبه انفجار سيارة مفخخة "
      "وسط مدينة سامراء."), "سامراء", 3),
])
def test_the_precise_trigger_after_the_count_shares_it(body, place, expected):
    assert fatalities(body).get(place) == expected


def test_an_incident_joined_by_wa_after_the_count_does_not_share_it():
    body = "قتل ثلاثة مدنيين في غارة جوية على بلدة معرشورين، وانفجرت عبوة ناسفة في بلدة تلمنس."
    assert fatalities(body).get("تلمنس") is None


# --- "others" besides one named, and the doers before a killing verb ------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the one named and the others counted: 1 + 12
    ("وأعلنت الشرطة مقتل رئيس البلدية و12 آخرين في تفجير استهدف موكبه", [13]),
    ("اغتيل الصحفي الذي قتل مع 4 مرافقين آخرين في كمين على الطريق", [5]),
    # others besides a count are that count's: 2 and 5, summed per incident later
    ("قتل شرطيان و5 آخرون في الهجوم", [2, 5]),
    # "others" opening the sentence carry the count of a sentence before
    ("كما قتل 3 آخرون في قصف على القرية", [3]),
])
def test_others_besides_one_named_add_one(text, expected):
    assert [v for v, _ in killed(text)] == expected


def test_the_noun_before_a_killing_verb_with_its_own_count_is_the_doer():
    assert [v for v, _ in killed("طالبت العائلات بمحاكمة جنديين قتلوا 6 مزارعين قرب الحدود")] == [6]


# --- a time or commas between the verb and its victim; periods and rising totals of one incident ----------

@pytest.mark.parametrize("text, expected", [
    ("وقتل أمس شخص واحد على الأقل عندما فرقت الشرطة تجمعا في ساحة البلدة", [1]),
    ("قتلت الشرطة، بالرصاص الحي، مساء أمس، متظاهرا في وسط العاصمة", [1]),
])
def test_a_time_or_commas_between_the_killing_verb_and_its_victim(text, expected):
    assert [v for v, _ in killed(text)] == expected


def test_a_period_in_a_later_bahd_clause_dates_something_else():
    # "منذ شهرين" dates the promise, not the count
    text = "لقي ثلاثة أشخاص مصرعهم في مصادمات بين الشرطة والأهالي، بعد أن وعدت السلطات بوقف المشروع منذ شهرين."
    assert killed(text) == [(3, None)]
    # a period of the fighting itself still makes a toll
    assert killed("قتل 50 شخصا، بعد اشتباكات استمرت منذ ثلاثة أيام")[0][1] is not None


def test_a_superlative_a_few_words_before_the_period_is_no_toll():
    text = "قتل 14 مسلحا في غارة للتحالف، في أكبر عملية في هذه المنطقة منذ مطلع العام"
    assert killed(text) == [(14, None)]


def test_a_rising_total_in_a_relative_clause_on_one_incident_is_that_incidents():
    figures = [f for f in casualty_figures("التفجير الذي استهدف السوق الشعبي والذي ارتفع عدد قتلاه إلى 17") if f.kind == "killed"]
    assert [(f.value, f.scope, f.update) for f in figures] == [(17, None, True)]
    figures = [f for f in casualty_figures("الهجمات التي ارتفع عدد قتلاها إلى 40") if f.kind == "killed"]
    assert figures[0].scope is not None


@pytest.mark.parametrize("body, place, expected", [
    ("اغتال مسلحون القاضي مع سائقه في مدينة سرت.", "سرت", 2),
    ("اغتال مسلحون مجهولون مدير المدرسة مع زوجته وابنه أمام منزلهم في بلدة الحويجة.", "الحويجة", 3),
    ("اغتال مسلحون مجهولون الناشط سامي العلي أمام منزله في مدينة درنة.", "درنة", 1),
])
def test_an_assassination_kills_its_target_and_those_with_them(body, place, expected):
    assert fatalities(body).get(place) == expected


@pytest.mark.parametrize("text, expected", [
    # the dead and the hurt counted together: no death count
    ("أسفر الانفجار عن سقوط 20 قتيلا وجريحا في السوق", []),
    ("سقط 12 بين قتيل وجريح في القصف على الحي", []),
    ("خلفت الغارات عشرات القتلى والجرحى في المدينة", []),
    # one of each, and two groups
    ("سقط قتيل وجريح في إطلاق نار قرب الحاجز", [1]),
    ("سقط 4 قتلى وجرحى آخرون في الهجوم", [4]),
    ("أسفر القصف عن 3 قتلى و7 جرحى", [3]),
])
def test_the_dead_and_the_hurt_counted_together_are_no_death_count(text, expected):
    assert [v for v, _ in killed(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # one or two people told by a noun alone sum no incidents, even beside a plural incident noun
    ("ومن المرجح أن الضربة أسفرت عن مقتل أحد قادة التنظيم، في سياق الضربات الجوية على المنطقة", [(1, None)]),
    # "قتل فيه": the victims follow the verb; the adjective before it is no victim
    ("وقع اشتباك مسلح قتل فيه 3 عناصر من الشرطة", [(3, None)]),
])
def test_a_lone_victim_is_no_toll_and_the_victims_follow_qutila_fihi(text, expected):
    assert killed(text) == expected
