"""Who said what, round two: a masculine call before a plural object, a summary "بقوله" after its
object, the channel phrase and the addressee skipped before a bare object, an official's name after
his place, and platforms, front lines and purposes that are no names. Reports written for these tests."""
from __future__ import annotations

from tests.conftest import report_of


def _claims(text: str) -> list[tuple[str, str]]:
    return [(c.speaker_canonical, c.text.split()[0]) for c in report_of(text).claims]


def test_a_masculine_call_before_a_plural_carries_the_speaker():
    lead = "وقال وزير الخارجية الأردني أيمن الصفدي إن المنطقة تقف على حافة حرب شاملة.\n"
    assert _claims(lead + "ودعا الأطراف إلى ضبط النفس والعودة إلى المسار السياسي.")[1] == ("أيمن الصفدي", "الأطراف")
    assert _claims(lead + "وطالب المسلحين بتسليم أنفسهم إلى السلطات المختصة فورا.")[1] == ("أيمن الصفدي", "المسلحين")
    assert _claims(lead + "ودعا المنظمات الإنسانية إلى مضاعفة جهودها في القطاع.")[1] == ("أيمن الصفدي", "المنظمات")


def test_one_word_before_bi_qawlihi_is_the_object_and_bi_qawlihi_ends_a_speaker():
    qs = report_of("وقال محافظ البصرة أسعد العيداني إن الحكومة المحلية تتابع أوضاع المتضررين.\n"
                   "ولخص المشهد بقوله إن المدينة لن تسمح بعودة الفوضى أبدا.\n"
                   "وختم المحافظ بقوله إن الدعم الاتحادي ما زال دون المطلوب بكثير.").quotes
    assert [q.speaker_canonical for q in qs] == ["أسعد العيداني"] * 3
    assert all("بقوله" not in q.speaker for q in qs)


def test_the_channel_phrase_before_a_bare_object_is_lead():
    qs = report_of("واستنكرت وزارة الداخلية في بيان عملية الخطف التي طالت موظفا أمميا في المدينة.").quotes
    assert qs[0].text.startswith("عملية الخطف") and qs[0].channel == "statement"
    qs = report_of("وأعلنت هيئة الدفاع المدني في بيان على صفحتها بفيسبوك إخماد حريق كبير في سوق المدينة.").quotes
    assert qs[0].text.startswith("إخماد") and qs[0].channel == "facebook"
    # a masculine channel noun takes no adjective in -ة: "في بلاغ رسمي" is lead, "واقعة" after it is not
    qs = report_of("ونفت الشرطة في بلاغ رسمي واقعة الاعتداء على المتظاهرين أمام مبنى البلدية.").quotes
    assert qs[0].text.startswith("واقعة")


def test_an_outlet_spoken_to_before_a_bare_object_is_lead():
    qs = report_of('ونفى مصدر أمني لـ"المدن" وقوع اشتباكات داخل المخيم خلال الليلة الماضية.').quotes
    assert [(q.speaker, q.text.split()[0], q.channel) for q in qs] == [("مصدر أمني", "وقوع", None)]


def test_an_official_of_a_place_then_his_name():
    doc = report_of("وقال رئيس بلدية كفرشوبا قاسم القادري إن الغارات أصابت منازل عدة في البلدة.")
    ents = [(e.text, e.type) for e in doc.entities]
    assert ("كفرشوبا", "LOC") in ents and ("قاسم القادري", "PER") in ents
    assert doc.quotes[0].speaker_canonical == "قاسم القادري"


def test_platforms_front_lines_and_purposes_are_no_names():
    ents = [(e.text, e.type) for e in report_of(
        "وكتب القيادي على منصة إكس أن الهدوء على جبهة الجنوب هش، وأن البلاد صارت ساحة لتبادل الرسائل.\n"
        "ونشرت الحركة مقطعا على تطبيق تلغرام.").entities]
    assert not [t for t, k in ents if "إكس" in t or "تلغرام" in t or "جبهة" in t or "ساحة" in t], ents
