"""Chrome removal, title/outlet/dateline — on pages written for the tests and on the seeds."""
from __future__ import annotations

import pytest

from marsad.text.clean import clean_text

PAGE = """السبت 14 يناير 2023 الموافق 21 جمادى الآخرة 1444
رئيسة التحرير
هالة منصور
سياسة
متابعات

تجدد القتال في ريف حماة الشمالي وسقوط قتلى

صدى الشمال نيوز

حلب - تجددت الاشتباكات العنيفة صباح اليوم بين فصائل المعارضة والقوات الحكومية في ريف حماة الشمالي، وسط قصف مدفعي متبادل.
وقال مصدر ميداني إن المعارك أسفرت عن مقتل تسعة مقاتلين من الطرفين.
ت + ت - الحجم الطبيعي
وأضاف المصدر أن المدنيين بدأوا بالنزوح نحو المخيمات الحدودية.

لمتابعة آخر الأخبار تابعونا على تلغرام اضغط هنا
شارك برأيك
إضافة تعليق
الاسم
Email
  • اليوم
  • الأسبوع"""


def test_chrome_removed_from_a_page_that_is_not_a_seed():
    c = clean_text(PAGE)
    assert c.title == "تجدد القتال في ريف حماة الشمالي وسقوط قتلى"
    assert c.outlet == "صدى الشمال نيوز"
    assert [d.isoformat() for d in c.page_dates] == ["2023-01-14", "2023-01-14"]   # Gregorian + Hijri
    assert c.text.startswith("حلب - تجددت") and c.text.endswith("المخيمات الحدودية.")
    for chrome in ("رئيسة التحرير", "هالة منصور", "سياسة", "متابعات", "الحجم الطبيعي", "شارك برأيك",
                   "إضافة تعليق", "Email", "اضغط هنا", "الأسبوع"):
        assert chrome not in c.text, chrome
    assert c.dateline and c.text[c.dateline[0]:c.dateline[1]] == "حلب"


def test_agency_byline_gives_the_outlet_and_captions_go():
    page = ("الخميس 3 أغسطس 2023\nانفجار سيارة مفخخة في سوق شعبي\nمشهد من موقع الانفجار | أ ف ب\n"
            "الساعة 10:15 (شبكة النهرين - وكالات)\n\n"
            "انفجرت سيارة مفخخة صباح اليوم في سوق شعبي بمدينة الموصل، ما أدى إلى سقوط قتلى وجرحى بين المتسوقين.\n")
    c = clean_text(page)
    assert c.outlet == "شبكة النهرين" and c.title == "انفجار سيارة مفخخة في سوق شعبي"
    assert c.text.startswith("انفجرت سيارة") and "أ ف ب" not in c.text and "الساعة" not in c.text


def test_byline_date_is_not_page_chrome():
    page = ("مقتل ثلاثة بانفجار لغم في لحج\nنشر في: الإثنين 9 أكتوبر 2023\n\n"
            "قتل ثلاثة أشخاص بانفجار لغم أرضي في محافظة لحج، حسب ما أفاد مصدر محلي اليوم الإثنين للصحفيين.\n")
    c = clean_text(page)
    assert [d.isoformat() for d in c.byline_dates] == ["2023-10-09"] and not c.page_dates


def test_a_date_above_the_masthead_is_the_header_even_without_a_headline():
    page = ("السبت 17 أغسطس 2024\nرئيس التحرير\nمنى سالم\n\n"
            "قتل ثلاثة أشخاص بانفجار لغم أرضي في محافظة لحج، حسب ما أفاد مصدر محلي للصحفيين.\n")
    c = clean_text(page)
    assert c.page_dates and not c.byline_dates


def test_update_and_publication_in_one_stamp():
    page = ("مقتل ثلاثة بانفجار لغم في لحج\nنشر في: 6 أبريل 2016 - آخر تحديث: 17 أغسطس 2024\n\n"
            "قتل ثلاثة أشخاص بانفجار لغم أرضي في محافظة لحج، حسب ما أفاد مصدر محلي للصحفيين.\n")
    c = clean_text(page)
    assert [d.isoformat() for d in c.byline_dates] == ["2016-04-06"]
    assert [d.isoformat() for d in c.page_dates] == ["2024-08-17"]


def test_known_title_is_removed_from_the_body():
    c = clean_text("غارة على مأرب\nشن الطيران غارات على مواقع في مأرب اليوم، وفق مصادر محلية تحدثت للصحفيين.",
                   known_title="غارة على مأرب")
    assert c.title == "غارة على مأرب" and c.text.startswith("شن الطيران")


SEED_CHROME = ["رئيس التحرير", "شيماء جلال", "عاجل\n", "الحجم الطبيعي", "شارك برأيك", "إضافة تعليق",
               "اضغط هنا", "إضغط هنا", "Email", "اختيارات القراء", "لاتمثل", "| رويترز", "الساعة 20:59"]


def test_seed_titles_outlets_and_no_chrome(seed_docs, gold):
    assert len(seed_docs) == 5
    for doc_id, g in gold.items():
        doc = seed_docs[doc_id]
        assert doc.status == "ok"
        assert doc.title == g["title"]
        if "outlet" in g:
            assert doc.outlet == g["outlet"]
        for chrome in SEED_CHROME:
            assert chrome not in doc.text, (doc_id, chrome)
        assert not doc.text.startswith(doc.title)


@pytest.mark.parametrize("doc_id", ["001_398c6094c00d115c", "004_a524392b78519f2b"])
def test_seed_header_dates_are_page_chrome(seed_docs, doc_id):
    doc = seed_docs[doc_id]
    assert doc.page_dates and (doc.published is None or doc.published_confidence == "low")


def test_the_whole_dateline_is_one_span_and_its_place_another():
    # readers that skip the dateline (quote contents, event places) need all of it; the place alone
    # is what the document reports as its dateline
    c = clean_text("اشتباكات في محيط المطار\n\nسيئون (اليمن) - 9 يونيو 2025 (د ب أ) - اندلعت اشتباكات عنيفة "
                   "بين قوتين محليتين في محيط المطار، بحسب سكان تحدثوا عن سماع انفجارات متتالية.")
    assert c.text[c.dateline_span[0]:c.dateline_span[1]] == "سيئون (اليمن) - 9 يونيو 2025 (د ب أ)"
    assert c.text[c.dateline[0]:c.dateline[1]] == "سيئون"
    assert [d.isoformat() for d in c.byline_dates] == ["2025-06-09"]


@pytest.mark.parametrize("headline", [
    "تحليل: لماذا تتصاعد هجمات المسلحين في البادية؟",
    "هل تصمد الهدنة في الجنوب بعد أسبوع من القصف؟",
])
def test_a_question_over_the_body_is_the_headline(headline):
    raw = f"{headline}\nدمشق - يرى محللون أن المسلحين يستغلون الفراغ الأمني في المنطقة منذ سنوات.\n"
    cleaned = clean_text(raw)
    assert cleaned.title == headline
    assert cleaned.text.startswith("دمشق - يرى محللون")


def test_a_question_alone_or_long_stays_body():
    assert clean_text("هل انتهت الحرب؟").text == "هل انتهت الحرب؟"
    asking = ("هل يمكن أن تصمد الهدنة التي أعلنها الطرفان مساء الأحد بعد أسابيع من القصف المتبادل"
              " على القرى الحدودية والمعارك في محيط المدينة والطرق المؤدية إليها من الشمال؟")
    cleaned = clean_text(f"{asking}\nويقول سكان إن القصف لم يتوقف منذ أيام على الأحياء الشرقية.")
    assert cleaned.title is None and cleaned.text.startswith("هل يمكن")
