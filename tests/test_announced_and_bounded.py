"""Announced acts as statements, speaker roles over place names holding a day's name, and a press
conference's channel bounded to the part of the account told at it. The reports are written for
these tests."""
from __future__ import annotations

from marsad.model import RawItem
from marsad.pipeline import process


def doc_of(body: str):
    doc = process(RawItem("t", "test", "text", text="تقرير اختباري عن الأحداث\n" + body))
    assert doc.status == "ok", doc.error
    return doc


def test_an_announced_act_is_the_announcers_statement():
    # the dev gold records "أعلن X مقتل …"، "أعلنت X استعادة …" as statements: an act is announced alike
    qs = doc_of("أعلن المجلس العسكري الحاكم وقف إطلاق النار اعتبارا من منتصف الليل.\n"
                "وأعلنت السلطات المحلية عن حظر التجول في الأحياء الشرقية حتى إشعار آخر.\n"
                "وقال محافظ الإقليم إن الأسواق ستغلق أبوابها طوال يومين، معلنا تعليق الدراسة في كل المدارس.").quotes
    assert [q.speaker for q in qs[:2]] == ["المجلس العسكري الحاكم", "السلطات المحلية"]
    assert qs[0].text.startswith("وقف إطلاق النار")
    assert qs[1].text.startswith("عن حظر التجول")       # عن kept, as with "أعرب عن قلقه" (tests/test_quotes)
    assert qs[-1].text.startswith("تعليق الدراسة")      # معلنا + an act opens its own statement


def test_a_family_name_like_an_act_noun_stays_in_the_persons_name():
    qs = doc_of("وقال الناشط الحقوقي سامر الحداد لوكالة محلية إن عشرات المعتقلين لم يقدموا للمحاكمة.").quotes
    assert qs and qs[0].speaker_canonical == "سامر الحداد"


def test_a_role_over_a_place_named_after_a_weekday_keeps_the_whole_place():
    qs = doc_of("قال رئيس بلدية سوق الجمعة إن الهدوء عاد إلى شوارع المنطقة بعد ليلة من الاشتباكات.\n"
                "وأفاد الثلاثاء مسؤول محلي بأن الطرق الرئيسية فتحت أمام السيارات.").quotes
    assert [q.speaker for q in qs] == ["رئيس بلدية سوق الجمعة", "مسؤول محلي"]    # a bare time word still ends it


def test_press_conference_channel_stops_when_the_account_leaves_it():
    qs = doc_of("عقد وزير الداخلية كمال العبيدي مؤتمرا صحفيا في العاصمة صباح اليوم.\n"
                "وقال العبيدي إن الأجهزة الأمنية اعتقلت خمسة مشتبه بهم في التفجير.\n"
                "وقالت منظمة حقوقية محلية إن أسر المعتقلين لم تبلغ بأماكن احتجازهم حتى الآن.\n"
                "وكان العبيدي قال الأسبوع الماضي إن التحقيق سيستغرق عدة أسابيع قبل إعلان نتائجه.").quotes
    by = [(q.speaker_canonical, q.channel) for q in qs]
    assert by[0] == ("كمال العبيدي", "press_conference")
    assert by[-1][0] == "كمال العبيدي" and by[-1][1] != "press_conference"


def test_an_interview_closed_with_khatama_bil_qawl_is_the_last_quote():
    qs = doc_of("وقال محافظ الإقليم سالم الكعبي في مقابلة مع قناة محلية إن الطرق إلى القرى أعيد فتحها بالكامل.\n"
                "وأضاف الكعبي أن فرق الهندسة أزالت عشرات العبوات من الحقول.\n"
                "وختم الكعبي حديثه بالقول: \"لن نترك أي قرية دون خدمات بعد اليوم\".\n"
                "وختم الجيش عملياته في الوادي بالسيطرة على آخر التلال.").quotes
    assert [q.speaker_canonical for q in qs] == ["سالم الكعبي"] * 3
    assert qs[-1].kind == "direct" and qs[-1].text.startswith("لن نترك أي قرية")


def test_an_envoy_accredited_with_lada_keeps_the_body_in_the_speaker():
    qs = doc_of("وقالت المندوبة الأمريكية لدى الأمم المتحدة إن بلادها ستقدم مشروع قرار جديد الأسبوع المقبل.\n"
                "واتهم سفير السودان لدى الاتحاد الإفريقي دولة مجاورة بتسليح المتمردين في الإقليم.\n"
                "وقال وزير الخارجية لدى وصوله إلى المطار إن الزيارة كانت ناجحة ومثمرة للغاية.").quotes
    assert [q.speaker for q in qs] == ["المندوبة الأمريكية لدى الأمم المتحدة", "سفير السودان لدى الاتحاد الإفريقي",
                                       "وزير الخارجية"]
    assert qs[1].text.startswith("دولة مجاورة")


def test_a_quotation_then_words_pointing_back_then_its_speaker():
    qs = doc_of("بنغازي (وكالة محلية) - \"لن نسمح بعودة الفوضى إلى شوارع المدينة مهما كان الثمن\"، بهذه الكلمات وصف "
                "مدير الأمن سالم الفرجاني الوضع صباح اليوم.\n"
                "وتنتشر الدوريات في الأحياء الشرقية منذ يومين.").quotes
    assert qs and qs[0].speaker_canonical == "سالم الفرجاني" and qs[0].kind == "direct"
    assert qs[0].text.startswith("لن نسمح بعودة الفوضى")


def test_a_relay_chained_to_a_fronted_attribution_is_no_attribution_of_its_own():
    qs = doc_of("وبحسب ما أوردته إذاعة محلية نقلا عن الوكالة، فإن القوافل لم تصل إلى المدينة منذ أسبوعين.").quotes
    assert all("بحسب ما أوردته" not in q.text for q in qs)


def test_a_definite_announced_act_ends_the_subject_but_not_a_titled_surname():
    qs = doc_of("وأعلنت الحكومة الكونغولية الحداد الوطني ثلاثة أيام على ضحايا القصف.").quotes
    assert qs and qs[0].speaker == "الحكومة الكونغولية" and qs[0].text.startswith("الحداد الوطني")
    qs = doc_of("وقال الوزير الحداد إن المعتقلين ما زالوا في السجون منذ شهور.").quotes
    assert qs and qs[0].speaker == "الوزير الحداد"
