"""The dateline reader on openings written for the tests: every form Arabic agencies and papers use,
the whole span (place, country, date, credits) and the place, and the openings that are no dateline."""
from __future__ import annotations

from datetime import date

import pytest

from marsad.text.dateline import read_dateline

BODY = "داهمت قوة أمنية مخزنا للأسلحة في أطراف البلدة واعتقلت ثلاثة مطلوبين."


@pytest.mark.parametrize("head, span, place, when", [
    # country after a comma, the date, a credit before the dash
    ("كسلا، السودان، 11 مارس 2025، وكالات – ", "كسلا، السودان، 11 مارس 2025، وكالات", "كسلا، السودان", date(2025, 3, 11)),
    # the country in brackets, the date between two dashes
    ("كسلا (السودان) - 11 مارس 2025 - ", "كسلا (السودان) - 11 مارس 2025", "كسلا", date(2025, 3, 11)),
    # the agency in brackets after the date
    ("كسلا (السودان) 11 مارس 2025 (رويترز) - ", "كسلا (السودان) 11 مارس 2025 (رويترز)", "كسلا", date(2025, 3, 11)),
    # a colon after the date
    ("بورتسودان - 11 مارس 2025: ", "بورتسودان - 11 مارس 2025", "بورتسودان", date(2025, 3, 11)),
    # the agency before the date, a weekday, a Levantine month
    ("حماة (أ ف ب) - الثلاثاء 11 آذار 2025 - ", "حماة (أ ف ب) - الثلاثاء 11 آذار 2025", "حماة", date(2025, 3, 11)),
    ("اللاذقية، 11 تشرين الأول 2025 (د ب أ) - ", "اللاذقية، 11 تشرين الأول 2025 (د ب أ)", "اللاذقية", date(2025, 10, 11)),
    # a Hijri date, alone or with its Gregorian equal
    ("الخليل - 20 رمضان 1446 هـ - ", "الخليل - 20 رمضان 1446 هـ", "الخليل", date(2025, 3, 20)),
    ("الخليل (وفا) - 20 رمضان 1446 هـ الموافق 20 مارس 2025 - ",
     "الخليل (وفا) - 20 رمضان 1446 هـ الموافق 20 مارس 2025", "الخليل", date(2025, 3, 20)),
    # digits and a place in brackets
    ("(إب) 11-03-2025 - ", "(إب) 11-03-2025", "إب", date(2025, 3, 11)),
    ("تعز الأربعاء، 12/03/2025 (شينخوا) - ", "تعز الأربعاء، 12/03/2025 (شينخوا)", "تعز", date(2025, 3, 12)),
    # an outlet the list does not know, between the date and the dash
    ("سبها 11 مارس 2025 الوسط الليبية – ", "سبها 11 مارس 2025 الوسط الليبية", "سبها", date(2025, 3, 11)),
])
def test_a_dated_dateline_in_every_order(head, span, place, when):
    text = head + BODY
    d = read_dateline(text)
    assert d is not None and text[d.start:d.end] == span
    assert text[d.place[0]:d.place[1]] == place
    assert d.date.value == when and text[d.body:].startswith("داهمت")


@pytest.mark.parametrize("head, span, month_day", [
    ("أسوان - 11 مارس (رويترز) - ", "أسوان - 11 مارس (رويترز)", (3, 11)),
    ("أسوان - الثلاثاء 11 مارس (الأناضول) - ", "أسوان - الثلاثاء 11 مارس (الأناضول)", (3, 11)),
    ("أسوان، مصر، 11 مارس، وكالات - ", "أسوان، مصر، 11 مارس، وكالات", (3, 11)),
])
def test_a_dateline_without_its_year_keeps_the_day(head, span, month_day):
    text = head + BODY
    d = read_dateline(text)
    assert text[d.start:d.end] == span and d.date is None
    assert (d.day_month.month, d.day_month.day) == month_day


@pytest.mark.parametrize("head, span, place", [
    ("جنين - ", "جنين", "جنين"),
    ("(جنين) - ", "(جنين)", "جنين"),
    ("جنين (الضفة24)- ", "جنين (الضفة24)", "جنين"),
    ("بالم بيتش (فلوريدا) (أ ف ب) - ", "بالم بيتش (فلوريدا) (أ ف ب)", "بالم بيتش"),
    ("جنين - خاص: ", "جنين - خاص", "جنين"),
    ("جنين - وكالات الأنباء ", "جنين - وكالات الأنباء", "جنين"),
    ("باريس، لندن - رويترز - ", "باريس، لندن - رويترز", "باريس، لندن"),    # a second place the gazetteer knows
    ("جنين ـ أ ف ب: ", "جنين ـ أ ف ب", "جنين"),                                # a lone tatweel as the dash
    ("جنين – «صحيفة الضفة»: ", "جنين – «صحيفة الضفة»", "جنين"),               # the paper's name in guillemets
    ("نابلس ـ ", "نابلس", "نابلس"),
])
def test_an_undated_dateline_and_its_credits(head, span, place):
    text = head + BODY
    d = read_dateline(text)
    assert d is not None and text[d.start:d.end] == span and text[d.place[0]:d.place[1]] == place
    assert d.date is None and d.day_month is None and text[d.body:].startswith("داهمت")


@pytest.mark.parametrize("text, span", [
    ("جنين - 11 مارس 2025 كان يوما هادئا قبل أن تداهم قوة أمنية البلدة.", "جنين"),   # the date is the sentence's
    ("جنين - وكالات الإغاثة تحذر من نقص الأدوية في المخيم.", "جنين"),                 # relief agencies, a subject
])
def test_what_follows_the_dash_without_closing_stays_in_the_body(text, span):
    d = read_dateline(text)
    assert text[d.start:d.end] == span and d.date is None


@pytest.mark.parametrize("text", [
    "في 11 مارس 2025 - وهو يوم المداهمة - اعتقلت قوة أمنية ثلاثة مطلوبين.",
    "وفي 11 مارس 2025 - وهو يوم المداهمة - اعتقلت قوة أمنية ثلاثة مطلوبين.",
    "قال المتحدث، في 11 مارس 2025 - وهو يوم المداهمة - إن القوة اعتقلت ثلاثة.",
    "11 مارس - ذكرى المداهمة التي اعتقلت فيها قوة أمنية ثلاثة مطلوبين.",
    "الأسواق العمانية: تراجعت المؤشرات في ختام تداولات الأسبوع.",
    "وفي الأثناء، قال المتحدث - الذي طلب عدم ذكر اسمه - إن القوة اعتقلت ثلاثة.",
    "(2) - اعتقلت قوة أمنية ثلاثة مطلوبين.",
    "داهمت قوة أمنية مخزنا للأسلحة - بحسب شهود - في أطراف البلدة.",
    "وقال المحافظ - في تصريح للصحفيين - إن القوة اعتقلت ثلاثة.",
    "ناقشت اللجنة الأردنية ـ العراقية أمن الحدود المشتركة.",                  # the tatweel joins two adjectives
    "كتب ـ سامر الخطيب: داهمت قوة أمنية مخزنا للأسلحة.",                      # a byline
    "الفاشر (السودان): قال سكان إن قوة أمنية داهمت مخزنا للأسلحة.",
])
def test_sentences_are_no_datelines(text):
    assert read_dateline(text) is None
