"""Who said what in styles the dev set barely has: condemnations and denials, a call whose
masculine verb cannot take the feminine body after it as subject, a role phrase ending in a
coordinated definite word, a speech to a council, a place's two-word name after its place noun.
Reports written for these tests."""
from __future__ import annotations

from tests.conftest import report_of


def _said(text: str) -> list[tuple[str, str]]:
    return [(q.speaker_canonical, q.text.split()[0]) for q in report_of(text).quotes]


def test_condemning_and_denying_are_statements():
    assert _said("وأدانت وزارة الخارجية الأردنية الهجوم على قافلة المساعدات قرب مدينة رفح.") == [
        ("وزارة الخارجية الأردنية", "الهجوم")]
    assert _said("واستنكرت جامعة الدول العربية القصف الذي طال مدرسة تؤوي نازحين في مدينة خان يونس.") == [
        ("جامعة الدول العربية", "القصف")]
    assert _said("وكذّب المتحدث باسم الجيش السوداني نبيل عبد الله ما تداولته حسابات موالية للمتمردين.")[0][0] == \
        "نبيل عبد الله"


def test_a_verb_taking_bi_ends_its_subject_at_bi():
    assert _said("وندد المجلس الوطني الكردي بالاعتقالات التي طالت ناشطين في مدينة القامشلي.") == [
        ("المجلس الوطني الكردي", "بالاعتقالات")]


def test_a_masculine_call_before_a_feminine_body_carries_the_speaker():
    qs = report_of("وقال رئيس الوزراء اللبناني نجيب ميقاتي إن بلاده متمسكة بتطبيق القرار الدولي كاملا.\n"
                   "وطالب الحكومة بالإسراع في إعادة إعمار القرى الحدودية المدمرة.").quotes
    assert [q.speaker_canonical for q in qs] == ["نجيب ميقاتي", "نجيب ميقاتي"]
    assert qs[1].text.startswith("الحكومة بالإسراع")


def test_a_preposition_that_is_also_a_given_name_is_no_speaker():
    qs = report_of("وقالت المندوبة الفرنسية خلال جلسة لمجلس الأمن إن على الأطراف احترام القانون الإنساني الدولي.").quotes
    assert [(q.speaker_canonical, q.channel) for q in qs] == [("المندوبة الفرنسية", "other")]


def test_a_role_phrase_closing_with_a_coordinated_definite_word_then_a_name():
    doc = report_of("بدوره، قال رئيس جهاز الإسعاف والطوارئ سالم مرغني خلال المؤتمر إن الفرق نقلت عشرين جريحا.\n"
                    "وأشار المتحدث باسم الوزارة نادر الشريف إلى أن المستشفيات تعمل بطاقة محدودة.")
    assert [q.speaker_canonical for q in doc.quotes] == ["سالم مرغني", "نادر الشريف"]
    assert ("جهاز الإسعاف والطوارئ", "ORG") in [(e.text, e.type) for e in doc.entities]


def test_a_briefing_to_the_security_council_is_a_channel():
    qs = report_of("وقال المبعوث الأممي إلى ليبيا عبد الله باتيلي في إحاطة أمام مجلس الأمن إن العملية السياسية "
                   "تواجه انسدادا غير مسبوق.").quotes
    assert [(q.speaker_canonical, q.channel) for q in qs] == [("عبد الله باتيلي", "other")]


def test_a_place_noun_takes_the_whole_name_after_it():
    places = [e.text for e in report_of("وقصفت المدفعية أطراف بلدة عدن يابال وقرية دير ميماس وحي الشيخ رضوان "
                                        "في مدينة حمص.").entities if e.type == "LOC"]
    assert "عدن يابال" in places and "عدن" not in places and "الشيخ رضوان" in places


def test_a_denial_after_a_role_anaphor_names_no_one_in_its_content():
    qs = report_of("وقال المتحدث باسم الجيش نبيل عبد الله إن القوات تقدمت في محاور عدة شمال المدينة.\n"
                   "وكذّب المتحدث ما نشرته منصات تابعة للمتمردين عن سيطرتها على مدينة بارا.").quotes
    assert [q.speaker_canonical for q in qs] == ["نبيل عبد الله"] * 2
    assert qs[1].text.startswith("ما نشرته")


def test_a_fronted_source_points_back_at_the_source_named_before():
    qs = report_of("وأفاد مصدر محلي في بلدة طفس بأن منازل عدة تضررت جراء القصف المدفعي.\n"
                   "وبحسب المصدر، فإن الأهالي بدأوا النزوح نحو القرى المجاورة.\n"
                   "وفيما يتعلق بالخسائر فإن المصدر أشار إلى أن ثلاثة مدنيين أصيبوا بجروح.").quotes
    assert [q.speaker_canonical for q in qs] == ["مصدر محلي"] * 3


def test_organisation_names_stay_whole():
    doc = report_of("وقالت وزارة التربية والتعليم في غزة إن آلاف الطلاب حرموا من الدراسة منذ بدء الحرب.\n"
                    "وسيطرت حركة إم 23 على بلدة روباي شرقي الكونغو الديمقراطية.\n"
                    "وقالت هيئة تحرير الشام إن مقاتليها صدوا هجوما على مواقعها في ريف إدلب.")
    orgs = [e.text for e in doc.entities if e.type == "ORG"]
    assert "وزارة التربية والتعليم" in orgs and "حركة إم 23" in orgs
    assert [q.speaker for q in doc.quotes] == ["وزارة التربية والتعليم", "هيئة تحرير الشام"]
    assert "حماس 5" not in " ".join(e.text for e in report_of("وأطلقت حركة حماس 5 صواريخ على المستوطنات.").entities)


def test_a_dual_place_noun_stops_before_a_verb():
    places = [e.text for e in report_of("وقال المبعوث إن التصعيد في محافظتي مأرب وتعز يقوض جهود السلام.").entities]
    assert "تعز" in places and "تعز يقوض" not in places


def test_an_outlet_glued_to_its_lam_ends_the_speaker():
    qs = report_of("وقال شهود عيان لرويترز إن طائرات مسيرة قصفت سوقا شعبيا في مدينة الأبيض صباح اليوم.").quotes
    assert [(q.speaker, q.channel) for q in qs] == [("شهود عيان", "news_agency")]


def test_his_saying_ends_a_relayed_source_and_its_body():
    doc = report_of("ونقلت وكالة سبأ عن مصدر في وزارة الدفاع قوله إن الدفاعات الجوية اعترضت صاروخا فوق صنعاء.")
    assert [q.speaker for q in doc.quotes] == ["مصدر في وزارة الدفاع"]
    assert "وزارة الدفاع" in [e.text for e in doc.entities if e.type == "ORG"]


def test_facilities_named_after_people_are_whole_organisations():
    doc = report_of("وقال مدير مستشفى ناصر الطبي عاطف الحوت إن المستشفى استقبل عشرات الجرحى.\n"
                    "وأشار إلى أن مستشفى كمال عدوان في بيت لاهيا يعمل بطاقة محدودة.")
    ents = [(e.text, e.type) for e in doc.entities]
    assert ("مستشفى ناصر الطبي", "ORG") in ents and ("عاطف الحوت", "PER") in ents
    assert ("مستشفى كمال عدوان", "ORG") in ents
    assert doc.quotes[0].speaker_canonical == "عاطف الحوت"


def test_a_place_ends_before_the_country_it_lies_in_and_numbers_are_no_names():
    doc = report_of("وقالت المنظمة إن فرقها في مخيم أدري بتشاد استقبلت جرحى خلال الساعات الـ24 الماضية.")
    ents = [e.text for e in doc.entities]
    assert "أدري" in ents and "أدري بتشاد" not in ents and "الـ24" not in ents


def test_an_unknown_two_word_place_where_a_speakers_name_goes_is_the_name():
    doc = report_of("وقال عضو مجلس النواب العراقي عن محافظة نينوى شيروان الدوبرداني إن الوضع الأمني في سنجار "
                    "مستقر تماما منذ أسابيع.")
    assert [q.speaker_canonical for q in doc.quotes] == ["شيروان الدوبرداني"]
    assert ("شيروان الدوبرداني", "PER") in [(e.text, e.type) for e in doc.entities]


def test_a_one_word_person_after_a_role_takes_the_family_name_before_the_content():
    doc = report_of("وأكد منسق الطوارئ في المنظمة كلير نيكوليه أن أغلب الجرحى أصيبوا بطلقات نارية في الصدر.")
    assert [q.speaker_canonical for q in doc.quotes] == ["كلير نيكوليه"]
    assert ("كلير نيكوليه", "PER") in [(e.text, e.type) for e in doc.entities]


def test_a_country_named_only_by_its_adjective_is_a_place_of_the_story():
    doc = report_of("وقال وزير الخارجية اليمني أحمد بن مبارك إن حكومته ترحب بالمبادرة السعودية لوقف الحرب.\n"
                    "وأعلنت حركة الشباب الصومالية مسؤوليتها عن الهجوم في مقديشو.")
    places = {e.canonical: e.text for e in doc.entities if e.type == "LOC"}
    assert places.get("اليمن") == "اليمني" and places.get("الصومال") == "الصومالية"
    assert places.get("السعودية") is not None
    named = report_of("وقال الرئيس اللبناني إن لبنان لن ينجر إلى الحرب مهما كانت الضغوط.")
    assert [e.canonical for e in named.entities if e.type == "LOC"].count("لبنان") == 1
