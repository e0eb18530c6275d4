"""Protests in a roundup: the force that broke up one crowd, told with no place, is that crowd's (the
protest told before it), not the next paragraph's in another town; and what a crowd protests against is
no side of it. Sentences written for these tests."""
from __future__ import annotations

from marsad.model import RawItem
from marsad.pipeline import process


def protests_of(body: str) -> dict[str, tuple]:
    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\n" + body, meta={"published": "2026-05-10"}))
    assert doc.status == "ok", doc.error
    return {e.location: (e.sub_event_type, e.actor1, e.actor2) for e in doc.events if e.event_type == "Protests"}


ROUNDUP = ("تظاهر مئات العمال، اليوم الأحد، في مدينة المكلا احتجاجا على تأخر صرف الرواتب.\n"
           "وأفاد شهود بأن قوات الأمن أطلقت الغاز المسيل للدموع لتفريق المتظاهرين.\n"
           "وفي مدينة سيئون، نظم عشرات المعلمين وقفة احتجاجية أمام مبنى السلطة المحلية للمطالبة بزيادة الأجور.")


def test_a_placeless_dispersal_is_the_protest_told_before_it():
    found = protests_of(ROUNDUP)
    assert found["المكلا"][0] == "Protest with intervention"
    assert found["سيئون"][0] == "Peaceful protest"
    assert found["سيئون"][2] is None


def test_what_a_crowd_protests_against_is_no_side():
    found = protests_of("خرج مئات المحتجين، اليوم الثلاثاء، في مظاهرات بمديرية المنصورة في عدن، احتجاجا على "
                        "انهيار الريال اليمني وانقطاع التيار الكهربائي لساعات طويلة.\n"
                        "وأغلق المحتجون الشوارع الرئيسية وأحرقوا إطارات السيارات، مطالبين الحكومة بإيجاد حلول عاجلة.")
    assert found["عدن"][1:] == ("المحتجين", None)
