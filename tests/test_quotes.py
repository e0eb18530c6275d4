"""Quotes and claims, on reports written for these tests (not from the seeds)."""
from __future__ import annotations

from marsad.ingest import ingest
from marsad.model import RawItem
from marsad.pipeline import process
from tests.conftest import quotes_of


def test_carried_over_speaker_and_phone_channel():
    qs = quotes_of(
        "قال العميد ركن سالم الورفلي، المتحدث باسم قيادة المنطقة الغربية، خلال مداخلة هاتفية مع قناة محلية، "
        "إن قواته صدت هجوما على معسكر اليرموك.\n"
        "وأضاف أن المهاجمين انسحبوا نحو الجنوب بعد ساعتين من الاشتباكات.\n"
        "وتابع: \"لن نسمح بعودة الفوضى إلى العاصمة مهما كان الثمن\".")
    assert [q.cue for q in qs] == ["قال", "أضاف", "تابع"]
    assert {q.speaker_canonical for q in qs} == {"سالم الورفلي"}
    assert [q.kind for q in qs] == ["indirect", "indirect", "direct"]
    assert {q.channel for q in qs} == {"phone_interview"}
    assert qs[2].text == "لن نسمح بعودة الفوضى إلى العاصمة مهما كان الثمن"
    assert "صدت هجوما على معسكر اليرموك" in qs[0].text


def test_organisation_speaker_statement_and_short_name_back_reference():
    qs = quotes_of(
        "أكدت وزارة الداخلية السودانية في بيان أن قواتها استعادت السيطرة على سوق المدينة.\n"
        "وأوضح \"الورفلي\" في وقت لاحق أن الطريق بات آمنا للمدنيين.\n"
        "وكان العقيد سالم الورفلي قد زار الموقع برفقة ضباط آخرين قبل أسبوع.")
    assert qs[0].speaker_canonical == "وزارة الداخلية السودانية" and qs[0].channel == "statement"
    assert qs[1].speaker_canonical == "سالم الورفلي"


def test_unmarked_quote_after_a_colon_is_direct():
    qs = quotes_of("وقال مدير المستشفى الميداني في حي الشيخ عثمان: المستشفى استقبل عشرين جريحا منذ الصباح.")
    assert len(qs) == 1 and qs[0].kind == "direct"
    assert qs[0].text.startswith("المستشفى استقبل عشرين جريحا")


def test_twitter_and_facebook_channels():
    qs = quotes_of("وكتب وزير الإعلام اليمني معمر الإرياني في تغريدة على تويتر أن الهجوم يمثل تصعيدا خطيرا.\n"
                   "وقالت لجنة مقاومة الحي في منشور على صفحتها في فيسبوك إن القصف أصاب منازل المدنيين.")
    assert [q.channel for q in qs] == ["twitter", "facebook"]
    assert qs[1].speaker_canonical.startswith("لجنة مقاومة")


def test_calls_are_claims_announcements_and_warnings_are_quotes():
    doc = process(RawItem("t", "test", "text", text="تقرير اختباري عن الأحداث\n"
                          "دعت الأمم المتحدة إلى وقف فوري لإطلاق النار في المدينة.\n"
                          "وأعلنت قوات الدعم السريع السيطرة على مقر الفرقة السادسة عشرة.\n"
                          "وحذرت منظمة الصحة العالمية من أن المستشفيات على وشك الانهيار بسبب نقص الوقود."))
    assert [q.cue for q in doc.quotes] == ["أعلنت", "حذرت"]
    assert doc.quotes[0].speaker_canonical == "قوات الدعم السريع"
    assert doc.quotes[0].text.startswith("السيطرة على مقر الفرقة")
    assert doc.quotes[1].text.startswith("المستشفيات على وشك الانهيار")
    assert "دعت" in [c.cue for c in doc.claims]          # a call is a claim, not a quote


def test_participle_with_reported_content_opens_no_quote_and_ends_the_one_before():
    # as the gold writes it: "إن …، موضحا أن …" is one quote whose content ends before the participle
    qs = quotes_of("قال الناطق باسم الجيش إن الوحدات تقدمت في ريف حماة، موضحا أن المعارك ما زالت مستمرة حتى الآن.")
    assert len(qs) == 1 and qs[0].text == "الوحدات تقدمت في ريف حماة"


def test_quotes_are_stored_and_found_by_speaker_alias_and_topic(tmp_path, store):
    (tmp_path / "a.txt").write_text(
        "قوات الجيش تتقدم في الريف\nقال العقيد سالم الورفلي إن قواته سيطرت على بلدة العزيزية بعد معارك عنيفة.\n"
        "وأضاف أن الطريق إلى غريان بات مفتوحا أمام المدنيين.", "utf-8")
    (tmp_path / "b.txt").write_text(
        "تصريحات جديدة حول الوضع الأمني\nأكد الورفلي في تصريح لاحق أن الهدوء عاد إلى العزيزية بالكامل.\n"
        "وكان العقيد سالم الورفلي قد زار المنطقة يوم الجمعة الماضي.", "utf-8")
    ingest(store, [tmp_path])
    rows = store.quotes(speaker="الورفلي", about="العزيزية")
    assert {r["doc_id"] for r in rows} == {"a", "b"}
    assert all(r["speaker_canonical"] == "سالم الورفلي" for r in rows)
    assert [r["text"] for r in store.quotes(speaker="سالم الورفلي", about="غريان")] == [
        "الطريق إلى غريان بات مفتوحا أمام المدنيين"]
    doc = store.document("a")
    q = doc["quotes"][0]
    assert doc["text"][q["start"]:q["end"]] == q["text"]


def test_a_quote_spanning_sentences_with_a_nested_quote_stays_one():
    qs = quotes_of('وقال قائد الشرطة المحلية: «لقد أوقفنا المشتبه بهم. وكانوا يرددون "سنعود قريبا" أثناء الاعتقال. '
                   'التحقيق مستمر حتى الآن».')
    assert len(qs) == 1 and qs[0].kind == "direct"
    assert qs[0].text.startswith("لقد أوقفنا المشتبه بهم.") and qs[0].text.endswith("التحقيق مستمر حتى الآن")
    assert '"سنعود قريبا"' in qs[0].text


def test_a_channel_phrase_is_lead_not_content():
    # the channel noun's relative verb and the platform's bare name stay out of the content
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "ونفت الحركة في بيان نشرته على منصة تلغرام أي علاقة لها بالهجوم على الحاجز الأمني.")
    assert qs[0].text.startswith("أي علاقة لها") and qs[0].channel == "statement"
    # a channel between commas closes at the second comma, whatever its last word
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وأعلنت وزارة الدفاع، عبر حسابها على منصة إكس، تحييد تسعة مسلحين في غارات جوية ليلية.")
    assert qs[0].text.startswith("تحييد تسعة") and qs[0].channel == "twitter"
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وأعلنت وزارة الصحة، في بيان مقتضب، ارتفاع حصيلة الضحايا إلى ثلاثين قتيلا.")
    assert qs[0].text.startswith("ارتفاع حصيلة") and qs[0].channel == "statement"
    # an object's own commas are no channel's
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وأعلنت الوزارة، في بيان، مقتل خمسة أشخاص، بينهم طفلان، في القصف على البلدة.")
    assert qs[0].text.startswith("مقتل خمسة أشخاص، بينهم طفلان")


def test_as_he_put_it_closes_no_content_and_opens_no_person():
    doc = process(RawItem("t", "test", "text", text="تقرير اختباري عن الأحداث\nقتل جنديان في هجوم على الحاجز.\n"
                          "وأكد مصدر أمني في مديرية أمن المدينة أن الهدوء الحذر يسود الأحياء منذ الصباح، على حد قوله."))
    assert doc.quotes[0].text == "الهدوء الحذر يسود الأحياء منذ الصباح"
    assert not [e for e in doc.entities if e.type == "PER"]


def test_a_spokeswoman_for_a_body_is_the_name_after_it():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وأوضحت المتحدثة باسم المنظمة كلير نولان، في إفادة صحفية بجنيف، أن الاحتياجات تفوق ما نستطيع تقديمه.")
    assert qs[0].speaker_canonical == "كلير نولان" and qs[0].channel == "press_conference"


def test_it_came_in_a_statement_is_its_issuer_speaking():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وجاء في بيان لوزارة الشؤون الخارجية أن البلاد تقف إلى جانب الشعب الشقيق في هذه المحنة.\n"
                   "وورد في البيان الصادر عن قيادة الجيش أن القوات صدت الهجوم بعد اشتباكات عنيفة.")
    assert [(q.speaker_canonical, q.channel) for q in qs] == [("وزارة الشؤون الخارجية", "statement"),
                                                              ("قيادة الجيش", "statement")]
    assert qs[0].text.startswith("البلاد تقف")
    # "جاء" that reports nothing is no cue
    assert quotes_of("قتل جنديان في هجوم على الحاجز.\nوجاء الهجوم بعد يومين من اشتباكات عنيفة في المدينة.") == []


def test_a_speech_verb_inside_reported_content_does_not_cut_it():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وذكرت صحيفة محلية، نقلا عن مسؤولين في الحكومة، أن الوزارة أبلغت الوسطاء بخطتها للرد على الهجوم.\n"
                   "وأكد المسؤول أن الأسرى سالمون على ما أفادت به وكالة الأنباء الرسمية.")
    assert qs[0].text == "الوزارة أبلغت الوسطاء بخطتها للرد على الهجوم"
    # a relative attribution (على ما أفادت به X) is no content of the first verb
    assert "وكالة الأنباء" not in qs[-1].text


def test_earlier_or_later_is_no_announced_content():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وكانت البعثة الأممية قد أعلنت في وقت سابق دعمها الكامل لعمل اللجنة العسكرية المشتركة.")
    assert qs[0].text.startswith("دعمها الكامل")


def test_an_expressed_stance_is_a_statement():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وأعرب الأمين العام للمنظمة عن قلقه البالغ إزاء تصاعد العنف في المدينة ومحيطها.")
    assert qs[0].cue == "أعرب" and qs[0].text.startswith("عن قلقه البالغ")


def test_a_statement_issued_then_what_it_expressed():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وأصدرت وزارة الخارجية بيانا أعربت فيه عن صدمتها العميقة إزاء الهجوم على القافلة، وطالبت "
                   "بتحقيق سريع وشفاف في ملابساته.")
    assert qs[0].speaker_canonical == "وزارة الخارجية" and qs[0].channel == "statement"
    assert qs[0].text.startswith("عن صدمتها العميقة") and "وطالبت" not in qs[0].text
