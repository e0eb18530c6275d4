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


def test_a_country_then_a_body_after_a_call_verb():
    qs = report_of("وقالت الخارجية الأردنية إن عمان تتابع الموقف عن كثب.\n"
                   "وطالبت الأردن مجلس الأمن بتحمل مسؤولياته إزاء ما يجري في الضفة الغربية.").quotes
    assert (qs[-1].speaker, qs[-1].text.split()[0]) == ("الأردن", "مجلس")


def test_a_named_speaker_then_a_definite_object_of_a_call():
    qs = report_of("وطالب وزير الداخلية العراقي عبد الأمير الشمري المواطنين بالتعاون مع القوات الأمنية.").quotes
    assert [(q.speaker_canonical, q.text.split()[0]) for q in qs] == [("عبد الأمير الشمري", "المواطنين")]


def test_a_feminine_call_before_a_masculine_noun_and_its_adjective_carries_the_speaker():
    lead = "وقالت منظمة أطباء بلا حدود إن فرقها عاجزة عن الوصول إلى المصابين في المدينة.\n"
    assert _claims(lead + "ودعت المجتمع الدولي إلى الضغط لفتح ممرات آمنة.")[1] == ("منظمة أطباء بلا حدود", "المجتمع")


def test_a_subject_whose_content_was_too_short_speaks_on_in_its_sentence():
    qs = report_of("في المقابل، نفى قيادي في حركة حماس لـ\"المدن\" الاتهامات، واتهم الجيش باستهداف الأحياء السكنية "
                   "بالقذائف.").quotes
    assert [q.speaker for q in qs] == ["قيادي في حركة حماس"]


def test_manner_and_a_participle_adjective_are_lead_before_the_object():
    qs = report_of("واستنكرت وزارة الخارجية القطرية في بيان اليوم بأشد العبارات اقتحام المسجد الأقصى من قبل المستوطنين.").quotes
    assert qs[0].text.startswith("اقتحام")
    qs = report_of("وأعلن المتحدث العسكري عبد الرحمن الحبيب في بيان متلفز إسقاط طائرة مسيرة فوق مدينة مأرب.").quotes
    assert qs[0].text.startswith("إسقاط") and qs[0].channel == "tv"


def test_a_summary_by_a_noun_and_its_adjective_then_bi_qawlihi():
    qs = report_of("وقال المتحدث باسم الحكومة سامي الطويل إن الحوار هو السبيل الوحيد لإنهاء الأزمة.\n"
                   "ولخص الموقف الرسمي بقوله: \"لا عودة إلى السلاح مهما كانت الظروف\".").quotes
    assert [q.speaker_canonical for q in qs] == ["سامي الطويل"] * 2


def test_names_after_a_role_the_tagger_cut_or_read_as_places():
    doc = report_of("وقال رئيس بلدية شبعا محمد صعب لـ\"الوكالة الوطنية للإعلام\" إن القصف طال أطراف البلدة.\n"
                    "وأكد وزير الداخلية وائل الأبيض أن الأجهزة الأمنية في حالة استنفار.")
    ents = [(e.text, e.type) for e in doc.entities]
    assert ("محمد صعب", "PER") in ents and ("وائل الأبيض", "PER") in ents
    assert [q.speaker_canonical for q in doc.quotes] == ["محمد صعب", "وائل الأبيض"]


def test_a_council_named_with_its_town_is_one_body():
    doc = report_of("وطالب المجلس البلدي غريان في بيان الحكومة بتوفير الوقود للمخابز.")
    assert ("المجلس البلدي غريان", "ORG") in [(e.text, e.type) for e in doc.entities]
    assert doc.quotes[0].speaker == "المجلس البلدي غريان"


def test_a_rank_and_a_first_name_take_the_family_name_before_the_medium():
    doc = report_of("وأكد قائد العمليات المشتركة العميد الركن فلاح سلمان في تصريح للصحفيين أن الوضع مستقر تماما في المدينة.\n"
                    "ونفى الناطق باسم الوزارة اللواء سعد معن في حديث لقناة محلية وجود خروقات أمنية في المحافظة.")
    assert [q.speaker_canonical for q in doc.quotes] == ["فلاح سلمان", "سعد معن"]
