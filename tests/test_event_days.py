"""The day of an event as wire news tells it, on sentences written for these tests: a bare weekday that
is the publication's own is that day; the day may follow a long place phrase."""
from __future__ import annotations

from datetime import date

from marsad.model import RawItem
from marsad.pipeline import process
from marsad.text.dates import event_date


def days_of(body: str, published: str) -> list[tuple]:
    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\n" + body, meta={"published": published}))
    assert doc.status == "ok", doc.error
    return [(e.location, e.event_date, e.date_text) for e in doc.events]


def test_the_publication_weekday_named_bare_is_the_publication_day():
    # 2026-06-13 is a Saturday
    text = "تظاهر مئات الطلاب في مدينة أغاديز، السبت، احتجاجا على إغلاق الجامعة."
    assert event_date(text, 0, len(text), date(2026, 6, 13)).value == date(2026, 6, 13)


def test_a_weekday_called_past_is_a_week_before():
    text = "قتل مسلحون ثلاثة رعاة يوم السبت الماضي قرب مدينة تاوا."
    assert event_date(text, 0, len(text), date(2026, 6, 13)).value == date(2026, 6, 6)


def test_another_weekday_is_the_last_one_before_publication():
    text = "انفجرت عبوة ناسفة بدورية يوم الخميس."
    assert event_date(text, 0, len(text), date(2026, 6, 13)).value == date(2026, 6, 11)


def test_the_day_after_a_long_place_phrase_is_the_event_day():
    # 2026-06-13 is a Saturday: Tuesday is 2026-06-09
    body = ("اختطف مسلحون مجهولون سبعة عمال إغاثة من قافلة إنسانية على الطريق الرابط بين بلدة مونغونو "
            "ومدينة مايدوغوري في ولاية بورنو شمال شرقي نيجيريا، مساء الثلاثاء، بحسب ما أفاد مسؤول محلي.")
    assert days_of(body, "2026-06-13") == [("مونغونو", "2026-06-09", "مساء الثلاثاء")]


def test_a_bare_today_far_after_the_trigger_is_not_taken_as_its_day():
    # "اليوم" far from the attack is a word of the commentary, not the attack's day
    body = ("قصفت المدفعية قرية كفرنبودة بريف حماة الشمالي بعشرات القذائف الثقيلة التي دمرت عددا من المنازل "
            "والمحال التجارية وأحرقت المحاصيل الزراعية في الحقول المحيطة بها، وهو ما يعرفه الجميع اليوم.")
    assert days_of(body, "2026-06-13")[0] == ("كفرنبودة", "2026-06-13", None)      # publication's week, no day word


# 2026-11-14 is a Saturday
SAT = date(2026, 11, 14)


def day_of(text: str, published: date | None = SAT):
    when = event_date(text, 0, len(text), published)
    return when.value, when.text


def test_the_night_just_past_is_the_day_before_publication():
    assert day_of("قصفت طائرة مسيرة سيارة في مدينة مأرب الليلة الماضية.")[0] == date(2026, 11, 13)
    assert day_of("اقتحمت قوات الاحتلال مدينة جنين فجر اليوم.")[0] == SAT
    assert day_of("انفجرت عبوة بدورية في الموصل مساء أمس.")[0] == date(2026, 11, 13)
    # the night of Saturday to Sunday, reported on Sunday, began on Saturday
    text = "هاجم مسلحون قرية نائية ليل السبت-الأحد."
    assert event_date(text, 0, len(text), date(2026, 11, 15)).value == SAT


def test_yesterday_is_a_word_of_its_own():
    # "الخامسة" ends in the letters of "أمس": five o'clock today is today
    assert day_of("انفجرت سيارة مفخخة في الساعة الخامسة من صباح اليوم.")[0] == SAT
    assert day_of("قتل مسلحون شرطيا في كركوك في الخامس والعشرين من الشهر الماضي.")[0] == date(2026, 10, 25)
    assert day_of("وبالأمس قتل مسلحون راعيا قرب القرية.")[0] == date(2026, 11, 13)


def test_days_counted_back_from_publication():
    assert day_of("قتل مسلحون راعيا قرب مدينة غاو قبل يومين.") == (date(2026, 11, 12), "قبل يومين")
    assert day_of("اختطف مسلحون سبعة تجار منذ ثلاثة أيام.")[0] == date(2026, 11, 11)
    assert day_of("فجر انتحاري نفسه في سوق قبل 4 أيام.")[0] == date(2026, 11, 10)
    assert day_of("قتل مسلحون راعيا قبل يومين.", None) == (None, "قبل يومين")     # no date to count from


def test_a_day_and_month_without_a_year_take_the_publication_year():
    assert day_of("قتل خمسة أشخاص في غارة على الفاشر في 12 نوفمبر.") == (date(2026, 11, 12), "12 نوفمبر")
    assert day_of("قصفت المدفعية بلدة في 11 تشرين الثاني.")[0] == date(2026, 11, 11)
    assert day_of("تظاهر آلاف الأساتذة في الرباط يوم 13 نونبر.")[0] == date(2026, 11, 13)
    # a month called past is never ahead of the report
    assert day_of("قتل مسلحون راعيا في 20 نوفمبر الماضي.")[0] == date(2025, 11, 20)
    assert day_of("قتل مسلحون راعيا في 2 نوفمبر الماضي.")[0] == date(2026, 11, 2)
    # a report of early January tells late December of the year before
    text = "قصفت طائرة مسيرة سيارة في مدينة البيضاء في 28 ديسمبر."
    assert event_date(text, 0, len(text), date(2027, 1, 3)).value == date(2026, 12, 28)


def test_a_day_of_this_or_last_month():
    assert day_of("قتل الجيش ثلاثة مسلحين يوم 3 من الشهر الجاري.")[0] == date(2026, 11, 3)
    assert day_of("اشتبك الجيش مع مسلحين في العاشر من الشهر الجاري.")[0] == date(2026, 11, 10)
    assert day_of("قتل مسلحون شرطيين في الحادي عشر من الشهر الحالي.")[0] == date(2026, 11, 11)
    text = "قتل مسلح في الثالث من الشهر الماضي."
    assert event_date(text, 0, len(text), date(2027, 1, 20)).value == date(2026, 12, 3)


def test_a_date_that_names_an_event_is_not_its_day():
    # "ثورة 25 يناير" names a revolution: the sentence tells no day of its own
    assert day_of("أصيب متظاهرون في ذكرى ثورة 25 يناير بالمدينة.")[1] is None


def test_a_weekday_disagreeing_with_its_day_number_keeps_the_number():
    # 12 November 2026 is a Thursday: the day number is the more specific of the two
    assert day_of("قتل مسلحون شرطيين يوم الثلاثاء 12 نوفمبر.") == (date(2026, 11, 12), "الثلاثاء 12 نوفمبر")


def test_a_hijri_date_is_read_on_the_gregorian_calendar():
    assert day_of("انفجرت سيارة مفخخة في مقديشو يوم 2 جمادى الآخرة 1448 هـ.")[0] == date(2026, 11, 12)


def test_a_weekday_evidence_span_starts_at_the_word():
    assert day_of("اغتال مسلحون ضابطا في درعا الثلاثاء الماضي.") == (date(2026, 11, 10), "الثلاثاء")


def test_a_stamp_a_day_after_the_text_weekday_still_dates_events():
    # stamped Thursday 2026-11-12; a paragraph kept from Wednesday says "اليوم الأربعاء"
    body = ("قصفت طائرة حربية منزلا في بلدة عبسان الكبيرة شرقي مدينة خان يونس مساء اليوم الأربعاء "
            "فقتل ثلاثة أشخاص.")
    assert [(d, t) for _, d, t in days_of(body, "2026-11-12")] == [("2026-11-11", "مساء اليوم الأربعاء")]


def test_a_stamp_far_from_the_text_weekday_dates_nothing():
    # stamped Monday: "اليوم الأربعاء" is five days earlier, a crawl date rather than the report's
    body = "قصفت طائرة حربية منزلا في بلدة عبسان الكبيرة شرقي مدينة خان يونس اليوم الأربعاء فقتل ثلاثة أشخاص."
    assert [d for _, d, _ in days_of(body, "2026-11-16")] == [None]


def test_a_dated_dateline_is_the_report_day_and_yesterday_counts_from_it():
    """"الخرطوم، 14 نوفمبر 2026 (رويترز) - قتل … أمس": the dateline's date is when the report was filed;
    the event is the day before it, not the dateline's day."""
    from marsad.model import RawItem
    from marsad.pipeline import process

    for when in ("أمس", "الليلة الماضية"):
        doc = process(RawItem("t", "t", "text", text=f"عنوان\nالخرطوم، 14 نوفمبر 2026 (رويترز) - قتل خمسة مدنيين "
                                                    f"{when} في قصف على سوق في أم درمان."))
        assert [e.event_date for e in doc.events] == ["2026-11-13"]
