"""Which date is the article's: position, form and the weekday check, on pages written for the tests.

A site header's "today" (above the masthead and the headline) is page chrome; the article's stamp
stands under the headline, in a publication-labelled line, at the top of an excerpt that has no
headline, or in the dateline. An update ("آخر تحديث") is not the publication. Short inputs (one
sentence) are articles, never "no article text left".
"""
from __future__ import annotations

import pytest

from marsad.model import RawItem
from marsad.pipeline import prepare

BODY = ("أعلنت السلطات المحلية مقتل أربعة مدنيين وإصابة سبعة آخرين في قصف مدفعي استهدف حيا سكنيا "
        "في أطراف المدينة، بحسب مصادر طبية تحدثت للصحفيين.\n"
        "وأضافت المصادر أن فرق الإسعاف نقلت المصابين إلى المستشفى الميداني.")
TITLE = "مقتل أربعة مدنيين في قصف على حي سكني"


def doc(text: str):
    return prepare(RawItem("t", "test", "text", text=text))


def published(text: str):
    d = doc(text)
    assert d.status == "ok", d.error
    return d.published, d.published_confidence


@pytest.mark.parametrize("stamp", [
    "الأحد 12 مايو 2019 10:15 ص",
    "10:15 ص الأحد 12 مايو 2019",
    "12 مايو 2019",
    "الأحد، 12-05-2019",
    "12/مايو/2019 - 10:15 ص",
    "12-مايو-2019",
    "نشر في 12/05/2019",
    "تاريخ النشر: 12th, May 2019 GMT",
    "Published: May 12, 2019",
])
def test_a_date_line_under_the_title_is_the_articles(stamp):
    assert published(f"{TITLE}\n{stamp}\n\n{BODY}") == ("2019-05-12", "high")


def test_a_date_line_under_a_repeated_title_and_a_caption():
    page = f"{TITLE}\n\n{TITLE}\n\n12 مايو 2019\nصورة أرشيفية للحي | رويترز\n\n{BODY}"
    assert published(page) == ("2019-05-12", "high")


def test_the_site_headers_today_is_not_the_articles_date():
    # the header's "today" above the masthead and the headline, the article's stamp under the headline
    page = (f"الأربعاء 14 يونيو 2023 الموافق 25 ذو القعدة 1444\nرئيس التحرير\nسامي عبد الله\nأخبار\n\n"
            f"{TITLE}\nالأحد 12 مايو 2019 10:15 ص\n\n{BODY}")
    d = doc(page)
    assert (d.published, d.published_confidence, d.published_source) == ("2019-05-12", "high", "byline")
    assert "2023-06-14" in d.page_dates


@pytest.mark.parametrize("header", [
    "الأربعاء 14 يونيو 2023",
    "الأربعاء 14/يونيو/2023",
    "2023-06-14     عدد زوار الموقع: 48211",
    "الأربعاء 14 يونيو 2023 آخر تحديث: الأربعاء 14 يونيو 2023",
])
def test_a_date_above_the_headline_alone_is_page_chrome(header):
    d = doc(f"{header}\n{TITLE}\n\n{BODY}")
    assert d.published is None and d.page_dates == ["2023-06-14"]


@pytest.mark.parametrize("header, today, expected", [
    ("14-يونيو-2023", "اليوم الأربعاء", "2023-06-14"),        # 14 June 2023 was a Wednesday
    ("الأربعاء 14 يونيو 2023", "مساء أمس الثلاثاء", "2023-06-14"),
    ("14-يونيو-2023", "اليوم الخميس", None),                  # the header's day is not the news' day
    ("14-يونيو-2023", "يوم الأربعاء الماضي", None),            # a bare weekday is not "today"
])
def test_a_header_date_the_body_confirms_is_the_articles(header, today, expected):
    body = BODY.replace("أعلنت السلطات", f"أعلنت السلطات {today}،", 1)
    d = doc(f"{header}\n{TITLE}\n\n{body}")
    assert d.published == expected
    assert d.published_confidence == ("medium" if expected else "none")


def test_two_header_dates_are_never_taken():
    body = BODY.replace("أعلنت السلطات", "أعلنت السلطات اليوم الأربعاء،", 1)
    d = doc(f"14-يونيو-2023\nآخر تحديث: الخميس 15 يونيو 2023\n{TITLE}\n\n{body}")
    assert d.published is None


def test_an_update_is_not_the_publication():
    d = doc(f"{TITLE}\nآخر تحديث: الأربعاء 14 يونيو 2023\n\n{BODY}")
    assert d.published is None and d.page_dates == ["2023-06-14"]
    d = doc(f"{TITLE}\nنشر في: 12 مايو 2019 | آخر تحديث: 14 يونيو 2023\n\n{BODY}")
    assert (d.published, d.published_confidence) == ("2019-05-12", "high") and d.page_dates == ["2023-06-14"]


def test_a_labelled_stamp_above_the_title_is_the_articles():
    assert published(f"date 2019-05-12 أخبار\n{TITLE}\n\n{BODY}") == ("2019-05-12", "high")
    assert published(f"تاريخ النشر: 12/05/2019\n{TITLE}\n\n{BODY}") == ("2019-05-12", "high")


def test_a_stamp_glued_to_the_first_paragraph_is_cut_from_the_text():
    d = doc(f"date 2019-05-12 {BODY}")
    assert (d.published, d.published_confidence) == ("2019-05-12", "high")
    assert d.text.startswith("أعلنت السلطات")
    for stamp in ("الأحد 12 مايو 2019 10:15 ص", "10:15 ص الأحد 12 مايو 2019 -", "نشر في 12/05/2019 |"):
        d = doc(f"{stamp} {BODY}")
        assert d.published == "2019-05-12" and d.text.startswith("أعلنت السلطات"), stamp


def test_a_bare_date_opening_a_sentence_stays_in_it():
    d = doc("12 مايو 2019 كان يوما داميا في المدينة بعد أن قتل أربعة مدنيين في قصف مدفعي استهدف حيا سكنيا.")
    assert d.text.startswith("12 مايو 2019 كان") and d.published is None


def test_an_excerpt_without_a_headline_keeps_its_stamp():
    assert published(f"الأحد، 12-05-2019\n10:15 ص\nالمرصد ووكالات\n{BODY}") == ("2019-05-12", "high")


@pytest.mark.parametrize("dateline, place", [
    ("سرت، ليبيا، 3 فبراير 2021، وكالات – ", "سرت، ليبيا"),
    ("سرت 3 فبراير 2021 (وكالة الأنباء) –", "سرت"),
    ("سرت 03-02-2021 - ", "سرت"),
])
def test_the_datelines_date_is_the_articles(dateline, place):
    d = doc(f"{TITLE}\n\n{dateline}{BODY}")
    assert (d.published, d.published_confidence) == ("2021-02-03", "high")
    assert d.dateline and d.dateline.text == place


@pytest.mark.parametrize("dateline", [
    "سرت (ليبيا) - 3 فبراير 2021 - ",
    "سرت (ليبيا) 3 فبراير 2021 (رويترز) - ",
    "سرت - 3 فبراير 2021: ",
    "سرت (وكالات) - الأربعاء 3 شباط 2021 - ",
    "سرت - 21 جمادى الآخرة 1442 هـ (أ ف ب) - ",
])
def test_every_dated_dateline_form_gives_the_articles_date(dateline):
    d = doc(f"{TITLE}\n\n{dateline}{BODY}")
    assert (d.published, d.published_confidence) == ("2021-02-03", "high")
    assert d.dateline.text == "سرت"


def test_a_dateline_whose_weekday_is_wrong_is_not_trusted():
    d = doc(f"{TITLE}\n\nسرت - الخميس 3 فبراير 2021 - {BODY}")        # a Wednesday
    assert d.published is None and d.page_dates == ["2021-02-03"]


def test_a_yearless_dateline_takes_the_year_of_a_page_date_of_that_week():
    header = "الجمعة 5 فبراير 2021"                                        # the site's "today", two days on
    d = doc(f"{header}\n{TITLE}\n\nسرت - 3 فبراير (رويترز) - {BODY}")
    assert (d.published, d.published_confidence) == ("2021-02-03", "high") and d.page_dates == ["2021-02-05"]


@pytest.mark.parametrize("header", ["السبت 4 مارس 2023", ""])
def test_a_yearless_dateline_far_from_any_page_date_has_no_year(header):
    # an archived article shown under a header's "today" two years on: its year is not the article's
    d = doc(f"{header}\n{TITLE}\n\nسرت - 3 فبراير (رويترز) - {BODY}")
    assert d.published is None and d.dateline.text == "سرت"


def test_the_header_today_far_above_is_not_the_datelines_date():
    d = doc(f"السبت 4 مارس 2023\n{TITLE}\n\nسرت، ليبيا، 3 فبراير 2021، وكالات - {BODY}")
    assert (d.published, d.published_confidence) == ("2021-02-03", "high") and d.page_dates == ["2023-03-04"]


def test_a_sentence_before_a_dash_is_not_a_dateline():
    d = doc(f"في 3 فبراير 2021 - وهو يوم الهجوم - {BODY}")
    assert d.published is None


@pytest.mark.parametrize("stamp", ["الاثنين 12 مايو 2019", "الإثنين، 12-05-2019"])
def test_a_stamp_whose_weekday_is_wrong_is_not_trusted(stamp):
    d = doc(f"{TITLE}\n{stamp}\n\n{BODY}")                 # 12 May 2019 was a Sunday
    assert d.published is None and d.page_dates == ["2019-05-12"]


def test_a_stamp_the_text_contradicts_is_kept_at_low_confidence():
    body = "قالت وزارة الصحة اليوم الأربعاء إن أربعة مدنيين قتلوا في قصف استهدف حيا سكنيا في أطراف المدينة."
    assert published(f"{TITLE}\n12 مايو 2019\n\n{body}") == ("2019-05-12", "low")    # a Sunday


@pytest.mark.parametrize("sentence", [
    "من يقف وراء الهجوم؟",
    "وانسحب المهاجمون.",
    "قتل ثلاثة شرطيين!",
    "وكرر المتظاهرون هتافاتهم أمام مبنى المحافظة (كما فعلوا في الأسبوع الماضي)",
    "وسأل أحد الجرحى الممرضين «متى تصل سيارات الإسعاف؟»",
    "وتراجع مؤشر البورصة بنسبة 1.2 بالمئة عند إغلاق تداولات الأسبوع بعد موجة بيع واسعة.  >",
])
def test_a_one_sentence_item_is_an_article(sentence):
    d = doc(sentence)
    assert d.status == "ok", d.error
    assert d.text == sentence.strip() and d.title is None


def test_a_headline_over_a_one_sentence_body():
    d = doc("انفجار عبوة ناسفة في سوق المدينة\nوقتل شخصان.")
    assert d.status == "ok" and d.title == "انفجار عبوة ناسفة في سوق المدينة" and d.text == "وقتل شخصان."


def test_a_page_of_chrome_only_is_still_rejected():
    d = doc("الرئيسية\nسياسة\nاتصل بنا\nالأكثر قراءة\nجميع الحقوق محفوظة")
    assert d.status == "rejected"
