"""Casualty figures, tolls and event fatalities, on sentences written for these tests."""
from __future__ import annotations

import pytest

from marsad.extraction.tolls import casualty_figures, find_tolls
from marsad.model import RawItem
from marsad.pipeline import process
from marsad.text.numbers import quantities


def figures(text: str) -> list[tuple[str, int]]:
    return [(f.kind, f.value) for f in casualty_figures(text) if not f.part]


def tolls(text: str) -> list[tuple[str, int]]:
    return [(t.kind, t.value) for t in find_tolls(text)]


def events_of(body: str):
    doc = process(RawItem("t", "test", "jsonl", text="تقرير اختباري\n" + body, meta={"published": "2024-03-10"}))
    assert doc.status == "ok", doc.error
    return doc


# --- numbers -----------------------------------------------------------------------------------

def test_digits_glued_to_a_proclitic_or_the_next_word_are_the_digits():
    assert [(q.value, q.text) for q in quantities("سقط 4 قتلى و9 جرحى و3من المسلحين")] == \
        [(4, "4"), (9, "9"), (3, "3")]


def test_a_number_word_with_the_article_is_no_new_count_but_a_hamza_is_no_article():
    found = {q.text: q.definite for q in quantities("هاجموا المواقع الثلاثة يوم الاثنين وقتل نحو ألفي مقاتل")}
    assert found == {"الثلاثة": True, "الاثنين": True, "ألفي": False}


# --- figures -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("أسفر القصف عن مقتل سبعة مزارعين وجرح أربعة", [("killed", 7), ("injured", 4)]),
    ("وقال الطبيب إن 12 شخصا لقوا حتفهم", [("killed", 12)]),
    ("استقبل المستشفى 6 قتلى و15 مصابا", [("killed", 6), ("injured", 15)]),
    ("أدى الانفجار إلى مقتل جنديين", [("killed", 2)]),
    ("أعلنت الشرطة مقتل شرطي وإصابة مدنيين اثنين", [("killed", 1), ("injured", 2)]),
    ("لقي أربعة عمال وامرأة حتفهم في الحريق", [("killed", 5)]),
    ("فر أكثر من 3000 من سكان البلدة ونزح 200 آخرون", [("displaced", 200)]),
    ("اختطف المسلحون 14 راكبا", [("captured", 14)]),
])
def test_what_a_number_counts(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "شنت الطائرات 9 غارات على الجبل وقتل فيها آخرون",     # strikes, not people
    "انفجرت العبوة على بعد 20 كيلومترا من موقع المقتل",    # a distance
    "وقعت الحادثة في 2023-08-14 وقتل فيها آخرون",          # a date
    "قتل في عام 2019 عدد من الأهالي",                       # a year; "عدد من" states no count
])
def test_numbers_that_count_no_casualties(text):
    assert figures(text) == []


def test_a_part_of_a_figure_counts_nowhere_by_itself():
    figs = casualty_figures("قتل 9 أشخاص بينهم 4 أطفال")
    assert [(f.value, f.part) for f in figs] == [(9, False), (4, True)]
    assert tolls("منذ بداية الحرب قتل 900 شخص بينهم 300 طفل") == [("killed", 900)]


# --- tolls -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # one incident's figures are that event's, not tolls
    ("قتل 6 أشخاص في غارة على سوق بلدة الكرامة", []),
    ("ارتفع عدد قتلى التفجير الذي استهدف السوق إلى 14 شخصا", []),
    # over a period
    ("وقالت المنظمة إن 2400 مدني قتلوا منذ بداية الحرب", [("killed", 2400)]),
    ("قتل 37 شخصا في المحافظة خلال الشهر الماضي", [("killed", 37)]),
    # a rising total of several clashes
    ("ارتفعت حصيلة المواجهات في الأحياء الشرقية إلى 16 قتيلا و40 جريحا", [("killed", 16), ("injured", 40)]),
    # the whole conflict
    ("وأكد التقرير أن النزاع أدى إلى مقتل 5000 شخص ونزوح 80 ألفا آخرين", [("killed", 5000), ("displaced", 80000)]),
    # several incidents
    ("قتل 9 جنود في أربع هجمات متزامنة على نقاط تفتيش", [("killed", 9)]),
    ("قتل 11 شخصا في غارات على قرى متفرقة من الريف", [("killed", 11)]),
    ("قتل 8 أشخاص في تفجير بسوق المدينة وآخر قرب المسجد", [("killed", 8)]),
    # plural strikes on one town are one ACLED event
    ("قتل 5 أشخاص في ثلاث غارات على مدينة البيضاء", []),
    # "منذ" that is a comparison or the event's own start is no period
    ("قتل 20 شخصا في الهجوم الأعنف منذ أشهر", []),
    ("قتل 3 جنود في اشتباكات اندلعت منذ صباح اليوم", []),
])
def test_tolls_are_counts_over_a_period_or_several_incidents(text, expected):
    assert tolls(text) == expected


def test_each_distinct_toll_once_with_its_scope_words():
    found = find_tolls("قتل 120 شخصا منذ مطلع العام. وأضاف أن حصيلة 120 قتيلا منذ مطلع العام قد ترتفع.")
    assert [(t.kind, t.value) for t in found] == [("killed", 120)]
    assert found[0].scope.startswith("منذ مطلع")


def test_a_figure_the_article_also_ties_to_one_incident_is_no_toll():
    text = ("قتل 13 شخصا في هجمات على قرى الوادي. وقال الشهود إن الهجوم على قرية السلام أسفر عن "
            "مقتل 13 شخصا.")
    assert tolls(text) == []


def test_a_figure_the_article_ties_to_one_act_told_by_its_verb_is_no_toll():
    text = ("قتل 17 مدنيا في هجمات متفرقة على قرى شرق المدينة. وقال أحد الناجين إن المسلحين اقتحموا "
            "قرية الربوة وأطلقوا النار على السكان ما أسفر عن مقتل 17 شخصا.")
    assert tolls(text) == []
    # … but a sum over scattered attacks that no one act takes up stays a toll
    assert tolls("قتل 17 مدنيا في هجمات متفرقة على قرى شرق المدينة.") == [("killed", 17)]


# --- event fatalities --------------------------------------------------------------------------

def fatalities(body: str) -> dict[str, int | None]:
    return {e.location: e.fatalities for e in events_of(body).events}


def test_civilians_and_fighters_killed_in_one_account_add_up():
    assert fatalities("اندلعت اشتباكات في مدينة الباب أسفرت عن مقتل 4 مدنيين و6 مسلحين.") == {"الباب": 10}


def test_accounts_from_different_sources_keep_the_lowest():
    body = ("قتل 12 شخصا في تفجير سيارة مفخخة في مدينة كركوك. وقالت مصادر أمنية إن الحصيلة بلغت "
            "15 قتيلا، فيما قال مصدر طبي إن 12 شخصا قتلوا في تفجير كركوك.")
    assert fatalities(body)["كركوك"] == 12


def test_a_rising_count_of_the_incident_replaces_the_first_one():
    body = ("قتل 3 أشخاص في هجوم على سوق مدينة منبج. وارتفع عدد قتلى الهجوم على منبج إلى 7 أشخاص.")
    assert fatalities(body)["منبج"] == 7


def test_the_toll_told_in_the_next_sentence_goes_on_the_incident():
    body = "استهدفت غارة جوية منزلا في بلدة سراقب فجر اليوم. وأسفرت الغارة عن مقتل خمسة من أفراد عائلة واحدة."
    assert fatalities(body) == {"سراقب": 5}


def test_each_incident_of_a_sentence_keeps_its_own_figures():
    body = "قتل شخصان في قصف على بلدة كفرنبل، وقتل ثلاثة آخرون في غارة على مدينة أريحا."
    assert fatalities(body) == {"كفرنبل": 2, "أريحا": 3}


def test_no_casualties_is_zero_and_a_tens_estimate_is_ten():
    assert fatalities("سقطت قذيفة على حي في مدينة درعا دون وقوع إصابات.") == {"درعا": 0}
    assert fatalities("قتل العشرات في هجوم على قرية الحمرا.") == {"الحمرا": 10}


def test_a_toll_is_not_an_events_fatalities():
    doc = events_of("قصفت الطائرات مدينة إدلب اليوم. وقتل 2300 شخص في المحافظة منذ بداية العام.")
    assert [e.fatalities for e in doc.events] == [None]
    assert [(t.kind, t.value) for t in doc.tolls] == [("killed", 2300)]


def test_a_possessive_pronoun_counts_one_victim():
    from marsad.model import RawItem
    from marsad.pipeline import process

    doc = process(RawItem("t", "t", "text", text="تقرير\nوأطلق مسلحون مجهولون النار على المواطن في بلدة نوى، ما أدى إلى مقتله على الفور."))
    assert [e.fatalities for e in doc.events] == [1]


def test_a_strike_on_several_villages_is_one_incident_its_dead_the_events():
    from marsad.model import RawItem
    from marsad.pipeline import process

    doc = process(RawItem("t", "t", "text", text="تقرير\nوقصفت قوات الدعم السريع بالمدفعية خمس قرى تابعة لمحلية "
                                                "المناقل، مما أسفر عن مقتل ثلاثة أشخاص."))
    assert not [t for t in doc.tolls if t.kind == "killed"]
    assert [e.fatalities for e in doc.events] == [3]


def test_an_events_displaced_come_from_its_own_account():
    from marsad.model import RawItem
    from marsad.pipeline import process

    doc = process(RawItem("t", "t", "text", text="تقرير\nاندلعت اشتباكات عنيفة في مدينة الفاشر صباح اليوم ما أدى "
                                                "إلى مقتل 12 مدنيا ونزوح نحو 300 شخص من الأحياء الشرقية."))
    assert [(e.fatalities, e.displaced) for e in doc.events] == [(12, 300)]


def test_dawn_is_a_time_not_the_verb_of_one_attack():
    # "فجر اليوم" (at dawn today) spells the verb فجّر without its shadda: it tells no single act,
    # so the period count before it stays a toll
    text = ("وقالت وزارة الصحة إن 40 شخصا قتلوا منذ بداية الشهر في المدينة. "
            "وأضافت أن 40 شخصا قتلوا حتى فجر اليوم.")
    assert [(t.kind, t.value) for t in find_tolls(text)] == [("killed", 40)]


def test_ibn_opens_a_name_and_counts_a_victim_only_with_a_pronoun():
    # a hospital named after a person is no dead son; "وابنه" with its pronoun is
    assert not casualty_figures("ونقل المصابون إلى مستشفى ابن رشد حيث توفي لاحقا")
    assert [(f.kind, f.value) for f in casualty_figures("وقتل حارس وابنه في انفجار عبوة ناسفة.")] == [("killed", 2)]


@pytest.mark.parametrize("sentence", [
    "وتدور منذ عامين حرب أودت بحياة عشرات الآلاف وشردت أكثر من ثمانية ملايين شخص.",
    "وتدور منذ عامين حرب أودت بحياة عشرات الآلاف وأجبرت أكثر من ثمانية ملايين شخص على النزوح.",
    "وتدور منذ عامين حرب قتلت أكثر من 20 ألف شخص وهجرت نحو ثمانية ملايين.",
])
def test_a_count_after_a_displacing_verb_is_displaced_not_killed(sentence):
    from marsad.extraction.tolls import find_tolls

    kinds = {t.value: t.kind for t in find_tolls(sentence)}
    assert kinds.get(8_000_000) == "displaced"
