"""Arabic date grammar: month-name families, Hijri, digits, weekday checks."""
from __future__ import annotations

from datetime import date

import pytest

from marsad.text.dates import (
    DayMonth,
    find_dates,
    find_day_months,
    weekday_agrees,
    weekday_mentions,
    with_year,
)
from marsad.text.published import choose_published, parse_date, weekday_conflicts


@pytest.mark.parametrize("text, expected", [
    ("الثلاثاء 01 اكتوبر 2024", date(2024, 10, 1)),
    ("في 5 أكتوبر 2021", date(2021, 10, 5)),
    ("12 كانون الأول 2019", date(2019, 12, 12)),
    ("3 تشرين الثاني 2020م", date(2020, 11, 3)),
    ("١٧ يوليو ٢٠١٩", date(2019, 7, 17)),
    ("في 12 من ديسمبر/كانون الأول 2014", date(2014, 12, 12)),
    ("7 جويلية 2022", date(2022, 7, 7)),
    ("19 رمضان 1445", date(2024, 3, 29)),
    ("1 شوال 1444 هـ", date(2023, 4, 21)),
    ("نشر بتاريخ 2023-05-14", date(2023, 5, 14)),
    ("14/05/2023", date(2023, 5, 14)),
    # the forms sites print in their date stamps
    ("الثلاثاء 09/أكتوبر/2018 - 08:40 م", date(2018, 10, 9)),
    ("09-أكتوبر-2018", date(2018, 10, 9)),
    ("09-10-2018", date(2018, 10, 9)),
    ("Posted: 9th, October 2018 GMT", date(2018, 10, 9)),
    ("October 9, 2018", date(2018, 10, 9)),
    ("Oct. 9, 2018", date(2018, 10, 9)),
])
def test_dates_are_parsed(text, expected):
    found = find_dates(text)
    assert [d.value for d in found] == [expected]
    assert text[found[0].start:found[0].end].strip()


def test_hijri_and_gregorian_in_one_header():
    found = find_dates("الجمعة 29 مارس 2024 الموافق 19 رمضان 1445")
    assert [(d.value, d.calendar) for d in found] == [(date(2024, 3, 29), "gregorian"), (date(2024, 3, 29), "hijri")]
    assert found[0].weekday == 4


def test_not_dates():
    assert find_dates("قتل 12 شخصا في 2023 خلال هجمات متفرقة") == []
    assert find_dates("صفر 12 3000") == []
    assert find_dates("فاز الفريق 2-1 عام 2019 وخسر 3-0-2018") == []        # scores, not a day and month
    assert find_dates("12 مارسيليا 2019") == []                                  # a month name inside a word


def test_a_weekday_named_with_a_date_is_checked():
    named, numeric = find_dates("الثلاثاء 09 أكتوبر 2018")[0], find_dates("الثلاثاء، 09-10-2018")[0]
    assert named.weekday == numeric.weekday == 1 and weekday_agrees(named) and weekday_agrees(numeric)
    wrong = find_dates("الأربعاء، 09-10-2018")[0]                  # 9 October 2018 was a Tuesday
    assert wrong.weekday == 2 and not weekday_agrees(wrong)
    assert weekday_agrees(find_dates("09-10-2018")[0])            # no weekday named: nothing to contradict


def test_weekday_mentions_and_offsets():
    ws = weekday_mentions("قال أمس الثلاثاء إن القصف بدأ مساء الإثنين، واليوم الأحد هدأت المعارك صباح اليوم الاثنين")
    assert [(w.weekday, w.offset) for w in ws] == [(1, -1), (0, None), (6, 0), (0, 0)]


def test_weekday_conflicts_flag_a_wrong_publication_day():
    text = "وأعلن الجيش صباح اليوم الإثنين توجيه ضربات جوية."
    assert weekday_conflicts(date(2024, 10, 1), text)            # a Tuesday
    assert not weekday_conflicts(date(2024, 9, 30), text)        # a Monday


def test_choose_published_prefers_a_consistent_candidate():
    text = "قالت الوزارة أمس الأحد إن المفاوضات مستمرة."
    assert choose_published([("metadata", date(2023, 5, 15))], text) == ("2023-05-15", "high", "metadata")
    assert choose_published([("metadata", date(2023, 5, 16))], text) == ("2023-05-16", "low", "metadata")
    assert choose_published([], text) == (None, "none", None)


def test_parse_date_from_metadata():
    assert parse_date("2023-05-14T10:00:00+03:00") == date(2023, 5, 14)
    assert parse_date("الأحد 14 مايو 2023") == date(2023, 5, 14)
    assert parse_date("not a date") is None and parse_date(None) is None


@pytest.mark.parametrize("text, month, day, weekday", [
    ("القاهرة - 7 أكتوبر (رويترز) -", 10, 7, None),
    ("الإثنين 14 أيار قتل", 5, 14, 0),
    ("في 9 من تشرين الثاني", 11, 9, None),
    ("٢١ يناير", 1, 21, None),
])
def test_a_day_and_month_without_a_year(text, month, day, weekday):
    (dm,) = find_day_months(text)
    assert (dm.month, dm.day, dm.weekday) == (month, day, weekday)


@pytest.mark.parametrize("text", ["7 أكتوبر 2025", "7 أكتوبر، 2025", "7 من أكتوبر عام 2025", "7 رمضان", "أكتوبر الماضي"])
def test_a_full_date_or_a_hijri_month_is_no_yearless_date(text):
    assert find_day_months(text) == []


def test_the_year_comes_from_a_page_date_of_the_same_week():
    dm = DayMonth(0, 0, 12, 30, None)
    assert with_year(dm, [date(2027, 1, 2)]) == date(2026, 12, 30)          # across new year
    assert with_year(dm, [date(2026, 12, 30)]) == date(2026, 12, 30)
    assert with_year(dm, [date(2021, 3, 1)]) is None                        # an archived page's "today"
    assert with_year(dm, []) is None
    assert with_year(DayMonth(0, 0, 12, 30, 2), [date(2027, 1, 2)]) == date(2026, 12, 30)   # a Wednesday
    assert with_year(DayMonth(0, 0, 12, 30, 4), [date(2027, 1, 2)]) is None                 # not a Friday
