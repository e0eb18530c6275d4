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
