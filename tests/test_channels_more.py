"""Channels and speakers of unnamed sources, on reports written for these tests."""
from __future__ import annotations

from marsad.extraction.content import quoted
from marsad.model import RawItem
from marsad.pipeline import process


def quotes_of(body: str):
    doc = process(RawItem("t", "test", "text", text="تقرير اختباري عن الأحداث\n\n" + body))
    assert doc.status == "ok", doc.error
    return doc.quotes


def test_an_agency_speaking_is_its_own_channel():
    qs = quotes_of('وكانت وكالة الأنباء السودانية أفادت بأن "فرق الإنقاذ انتشلت ثلاث جثث من تحت الأنقاض".')
    assert qs[0].channel == "news_agency"


def test_fronted_channel_phrase():
    qs = quotes_of("وفي بيان منفصل، أعلن الهلال الأحمر عن إجلاء أربعين عائلة من الحي المحاصر.")
    assert qs[0].channel == "statement"


def test_channel_named_before_a_cue_with_min_khilaliha():
    qs = quotes_of("ونشر وزير الخارجية سالم الورفلي تغريدة على حسابه الرسمي، أكد من خلالها لقاءه بنظيره "
                   "التونسي في العاصمة.")
    assert qs[0].channel == "twitter" and qs[0].text.startswith("لقاءه بنظيره")


def test_the_same_source_keeps_its_channel():
    qs = quotes_of('وقال مصدر في السلطة المحلية لوكالة الأناضول إن "مسلحين هاجموا نقطة تفتيش قرب السوق".\n'
                   'وذكر المصدر أن "اثنين من الحراس أصيبا بجروح طفيفة في تبادل إطلاق النار".')
    assert [q.speaker_canonical for q in qs] == ["مصدر في السلطة المحلية"] * 2
    assert [q.channel for q in qs] == ["news_agency"] * 2


def test_nested_straight_quotes():
    t = 'أن "مقاتلين من "الجبهة الشعبية" هاجموا المعسكر ليلا" في وقت متأخر'
    s, e = quoted(t, 3, len(t))
    assert t[s:e] == 'مقاتلين من "الجبهة الشعبية" هاجموا المعسكر ليلا'
