"""Scraped pages of Arabic outlets: which title, outlet and publication date a careful reader gives.
Every page here is written for these tests (invented outlets and reports)."""
from __future__ import annotations

from datetime import date

import pytest

from marsad.model import RawItem
from marsad.pipeline import prepare
from marsad.read.containers import read_feed
from marsad.read.webpage import extract_page, published_from_markup
from marsad.text.clean import clean_text
from marsad.text.published import parse_date

BODY = ("<p>قتل أربعة أشخاص وأصيب آخرون، اليوم الثلاثاء، في قصف استهدف حيا سكنيا في مدينة على أطراف "
        "الصحراء، بحسب مصادر طبية محلية تحدثت للموقع.</p>"
        "<p>وقال شهود إن القذائف سقطت قرب مدرسة ابتدائية، وإن فرق الإسعاف واجهت صعوبة في الوصول إلى المكان.</p>"
        "<p>ولم تعلن أي جهة مسؤوليتها عن القصف حتى الآن.</p>")
HEADLINE = "مقتل أربعة أشخاص بقصف على حي سكني"


def page(head: str = "", body: str = "", title: str = HEADLINE) -> str:
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>'
            f"{head}</head><body>{body}</body></html>")


def doc_of(html: str, **meta):
    return prepare(RawItem("t", "test", "html", html=html, meta=meta))


def test_a_bare_date_meta_that_is_the_last_change_yields_to_the_article_date_published():
    head = ('<meta name="date" content="2024-11-20T12:00:00+02:00">'
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",'
            '"dateModified":"2024-11-20T12:00:00+02:00","datePublished":"2024-11-12T08:30:00+02:00"}</script>')
    assert published_from_markup(page(head)) == date(2024, 11, 12)


def test_json_ld_dates_of_listed_articles_are_not_the_page_date():
    head = ('<script type="application/ld+json">{"@graph":[{"@type":"ItemList","itemListElement":['
            '{"@type":"ListItem","item":{"@type":"NewsArticle","headline":"خبر آخر","datePublished":"2024-05-19"}}]},'
            f'{{"@type":"NewsArticle","headline":"{HEADLINE}","datePublished":"2024-05-22T07:45:00+03:00"}}]}}</script>')
    assert published_from_markup(page(head), HEADLINE) == date(2024, 5, 22)
    assert published_from_markup(page(head)) == date(2024, 5, 22)     # unlisted, even without the title


def test_wordpress_entry_date_is_the_publication_and_updated_is_not():
    body = ('<h1 class="entry-title">عنوان</h1><time class="updated" datetime="2024-08-02T10:05:11+00:00">'
            '</time><time class="entry-date published" datetime="2024-07-28T18:30:00+00:00">28 يوليو، 2024</time>')
    head = '<meta property="article:modified_time" content="2024-08-02T10:05:11+00:00">'
    assert published_from_markup(page(head, body)) == date(2024, 7, 28)


@pytest.mark.parametrize("value,expected", [
    ("0000-00-00T00:00:00+00:00", None), ("1970-01-01T00:00:00Z", None), ("1899-12-31", None),
    ("2024-06-31", None), ("2024/10/17", date(2024, 10, 17)), ("1717372800", date(2024, 6, 3)),
    ("1717372800000", date(2024, 6, 3)), ("Sun, 03 Nov 2024 14:20:00 GMT", date(2024, 11, 3)),
    ("20241015T031200Z", date(2024, 10, 15)), ("20241015", date(2024, 10, 15)),
    ("10/15/2024", date(2024, 10, 15)), ("05/11/2023", date(2023, 11, 5)),
])
def test_metadata_dates_placeholders_timestamps_and_slashes(value, expected):
    assert parse_date(value) == expected


def test_a_placeholder_date_in_markup_gives_no_date_rather_than_1970():
    head = ('<meta property="article:published_time" content="0000-00-00T00:00:00+00:00">'
            '<meta itemprop="datePublished" content="1970-01-01T00:00:00+00:00">')
    assert published_from_markup(page(head)) is None


def test_outlet_before_the_headline_in_the_title_tag():
    html = page(body=f'<div class="t">{HEADLINE}</div>{BODY}', title=f"وكالة الأنباء الجنوبية | {HEADLINE}")
    p = extract_page(html)
    assert (p.title, p.sitename) == (HEADLINE, "وكالة الأنباء الجنوبية")


def test_outlet_after_the_headline_replaces_a_bare_domain():
    html = page(head='<link rel="canonical" href="https://www.sahel-daily.example/news/1">',
                body=f"<h1>{HEADLINE}</h1>{BODY}", title=f"{HEADLINE} - صحيفة الساحل")
    p = extract_page(html, "https://www.sahel-daily.example/news/1")
    assert (p.title, p.sitename) == (HEADLINE, "صحيفة الساحل")


def test_a_byline_date_outside_the_main_text_dates_the_page_not_header_sidebar_or_comments():
    body = (f'<div class="top">الأربعاء ٢ أكتوبر ٢٠٢٤</div><h2>{HEADLINE}</h2>'
            '<div class="meta"><span>أخبار محلية</span> <span>٢٩ سبتمبر، ٢٠٢٤</span></div>'
            f'<div class="entry">{BODY}</div>'
            '<div class="side"><a>اجتماع للسلطة المحلية</a> <em>٣٠ سبتمبر، ٢٠٢٤</em></div>')
    d = doc_of(page(body=body))
    assert (d.title, d.published) == (HEADLINE, "2024-09-29")
    assert "٢٠٢٤" not in d.text and "اجتماع" not in d.text


def test_a_stamp_in_both_calendars_is_a_stamp_not_the_first_paragraph():
    raw = (f"{HEADLINE}\nنشر في: الثلاثاء 12 ربيع الآخر 1446 هـ - 15 أكتوبر 2024\n"
           "اعتقلت قوات الأمن، مساء الثلاثاء، عشرات المحتجين في وسط المدينة، وفق ما أفاد ناشطون محليون.")
    c = clean_text(raw, known_title=HEADLINE)
    assert set(c.byline_dates) == {date(2024, 10, 15)} and c.text.startswith("اعتقلت")


def test_a_menu_row_of_bars_is_not_the_first_paragraph():
    raw = ("الرئيسية | محلية | عربية | دولية | اقتصاد | رياضة | صور | فيديو\n"
           f"{HEADLINE}\nالخميس 17 أكتوبر 2024 - 03:45 م\n"
           "صدت وحدات الجيش، اليوم الخميس، هجوما شنته مجموعة مسلحة على مواقعها جنوب العاصمة، وفق مصدر عسكري.")
    c = clean_text(raw)
    assert c.title == HEADLINE and c.byline_dates == [date(2024, 10, 17)] and c.text.startswith("صدت")


def test_a_feed_date_in_arabic_is_kept_for_the_pipeline_to_read():
    rss = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>موقع تجريبي</title>'
           '<item><title>عنوان</title><link>https://x.example/1</link>'
           '<pubDate>الخميس, 12 سبتمبر 2024 16:05:33</pubDate><description>نص الخبر</description></item>'
           '</channel></rss>').encode()
    item = next(read_feed(rss, "feed.rss", "feed"))
    assert parse_date(item.meta["published"]) == date(2024, 9, 12)


def test_a_short_headline_printed_as_h1_keeps_it_against_a_long_outlet_name():
    outlet = "شبكة الأخبار العربية المستقلة للأنباء العاجلة"
    html = page(body=f'<a class="logo">{outlet}</a><h1>انفجار في الميناء</h1>{BODY}',
                title=f"انفجار في الميناء | {outlet}")
    assert extract_page(html).title == "انفجار في الميناء"


def test_with_the_headline_only_in_the_title_tag_no_header_date_is_taken_for_the_byline():
    body = f'<div class="top">الأربعاء 2 أكتوبر 2024</div><div class="entry">{BODY}</div>'
    d = doc_of(page(body=body))
    assert d.published != "2024-10-02" or d.published_confidence != "high"


def test_a_place_before_a_dash_stays_in_the_headline_and_the_outlet_follows_the_bar():
    headline = f"الخرطوم - {HEADLINE}"
    html = page(body=f"<h1>{headline}</h1>{BODY}", title=f"{headline} | قناة الأفق")
    p = extract_page(html)
    assert (p.title, p.sitename) == (headline, "قناة الأفق")


def test_the_byline_is_found_when_the_head_description_repeats_the_lede():
    lede = "قتل أربعة أشخاص وأصيب آخرون، اليوم الثلاثاء، في قصف استهدف حيا سكنيا"
    head = f'<meta name="description" content="{lede}"><meta property="og:title" content="{HEADLINE}">'
    body = f'<h1>{HEADLINE}</h1><div class="by">نشر في: 15 أكتوبر 2024</div>{BODY}'
    assert doc_of(page(head, body)).published == "2024-10-15"
