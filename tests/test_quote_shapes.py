"""Who said what in shapes a cue word alone misses: quotations before their speaker, hedges, relays
through an outlet, Telegram and press conferences, رد as a cue, family names after ranks. The reports
are written for these tests."""
from __future__ import annotations

from marsad.extraction.channels import channel_in, relay_channel
from marsad.model import RawItem
from marsad.pipeline import process
from tests.conftest import quotes_of


def test_quotation_before_its_speaker_is_the_cues_content():
    qs = quotes_of("«المعارك ستتوقف قبل الشتاء إذا التزم الطرفان بالهدنة»، قال المبعوث الخاص للاتحاد الإفريقي "
                   "محمد بلعيش خلال زيارته إلى الخرطوم.\n"
                   "«لن نقبل بأي تقسيم للبلاد مهما طال الوقت»، أضاف المبعوث الإفريقي.")
    assert [q.cue for q in qs] == ["قال", "أضاف"]
    assert {q.speaker_canonical for q in qs} == {"محمد بلعيش"}
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert qs[0].text.startswith("المعارك ستتوقف")       # its own sentence's quotation, not the next one
    assert qs[1].text.startswith("لن نقبل بأي تقسيم")


def test_a_hedge_closing_a_sentence_is_the_last_speakers_claim():
    qs = quotes_of("وقال رئيس بلدية المدينة سليم حداد إن الجسر الرئيسي دُمّر بالكامل.\n"
                   "المياه مقطوعة عن الأحياء الشرقية منذ أسبوع، على حد قوله.\n"
                   "المستشفى الوحيد يعمل بنصف طاقته، بحسب تعبيره.")
    assert len(qs) == 3 and {q.speaker_canonical for q in qs} == {"سليم حداد"}
    assert qs[1].text == "المياه مقطوعة عن الأحياء الشرقية منذ أسبوع"
    assert qs[2].text == "المستشفى الوحيد يعمل بنصف طاقته"


def test_official_called_by_a_generic_word_is_the_person_just_quoted():
    qs = quotes_of("«الوضع الإنساني يتدهور كل ساعة في المخيمات»، قالت المفوضة الأوروبية هيلين مارتان أمام البرلمان.\n"
                   "«لا يمكن أن نبقى متفرجين على ما يجري»، أضافت المسؤولة الأوروبية.")
    assert [q.speaker_canonical for q in qs] == ["هيلين مارتان", "هيلين مارتان"]
    qs = quotes_of("وقال وزير الري السوداني عثمان الطيب إن السد لم يتضرر من القصف الأخير.\n"
                   "وأضاف المسؤول السوداني أن فرق الصيانة وصلت إلى الموقع صباح اليوم.")
    assert [q.speaker_canonical for q in qs] == ["عثمان الطيب", "عثمان الطيب"]


def test_a_medium_noun_run_into_a_name_is_no_part_of_it():
    qs = quotes_of("وتلا المتحدث باسم الجيش العقيد سامي بشير بيانا أكد فيه أن القوات استعادت ثلاث قرى في الإقليم.")
    assert qs and qs[0].speaker_canonical == "سامي بشير"


def test_relay_through_an_outlet_in_an_attribution():
    qs = quotes_of("وحسبما نقلت وكالة الأنباء الفرنسية عن مسؤول في وزارة الدفاع النيجيرية، فإن الجيش "
                   "أحبط هجوما على قاعدة عسكرية في الشمال الشرقي.")
    assert len(qs) == 1
    assert qs[0].speaker_canonical.startswith("مسؤول في وزارة الدفاع")
    assert qs[0].channel == "news_agency"
    assert qs[0].text.startswith("الجيش أحبط هجوما")


def test_an_attributions_source_ends_before_fa_inna():
    qs = quotes_of("وحسبما أفاد مسؤول أمريكي، فإن واشنطن تدرس إرسال مساعدات عسكرية جديدة إلى المنطقة.")
    assert qs[0].speaker_canonical == "مسؤول أمريكي"
    assert qs[0].text.startswith("واشنطن تدرس")


def test_a_radio_or_newspaper_relays_as_other():
    qs = quotes_of("ونقلت إذاعة محلية عن سكان في القرية أن المسلحين أحرقوا عشرات المنازل والمحاصيل.")
    assert len(qs) == 1 and qs[0].channel == "other"
    assert relay_channel("صحيفة الأخبار") == "other"
    assert relay_channel("وكالة الأنباء الألمانية") == "news_agency"


def test_telegram_is_channel_other():
    assert channel_in("كتب عبر قناته على تلغرام") == "other"
    assert channel_in("في منشور على تليغرام") == "other"
    assert channel_in("في منشور على صفحته في فيسبوك") == "facebook"
    qs = quotes_of("وقال القيادي في الفصيل أبو عمر الشامي في منشور على تلغرام إن مقاتليه صدوا هجوما على البلدة.")
    assert qs[0].channel == "other"


def test_press_conference_held_once_carries_to_its_holders_quotes():
    qs = quotes_of("عقد وزير الدفاع الصومالي عبد القادر محمد نور ونظيره الكيني يوسف موسى مؤتمرا صحفيا مشتركا في نيروبي.\n"
                   "وقال نور إن القوات المشتركة ستطارد مسلحي الحركة في الجنوب.\n"
                   "من جهته، أوضح موسى أن بلاده سترسل ألف جندي إضافي قبل نهاية العام.\n"
                   "وقالت منظمة إغاثة محلية إن آلاف الأسر نزحت من القرى الحدودية خلال الأسبوع.")
    assert qs[0].speaker_canonical == "عبد القادر محمد نور"
    assert [q.channel for q in qs] == ["press_conference", "press_conference", None]   # the last held none


def test_radda_is_a_cue_only_with_reported_content():
    qs = quotes_of("واتهم وزير الداخلية عماد الحسيني جماعات مسلحة بعرقلة الانتخابات في الجنوب.\n"
                   "ورد المتحدث باسم المجلس الرئاسي ماجد الطيب بأن المجلس لا يتدخل في عمل المفوضية.\n"
                   "ورد الحسيني قائلا: \"الحقائق على الأرض تتحدث عن نفسها بوضوح\".\n"
                   "وردت القوات على الهجوم بقصف مواقع المسلحين قرب الطريق.\n"
                   "وورد اسمه في قائمة المطلوبين لدى الأجهزة الأمنية.")
    assert [q.cue for q in qs] == ["اتهم", "رد", "رد"]
    assert qs[1].speaker_canonical == "ماجد الطيب"
    assert qs[1].text.startswith("المجلس لا يتدخل")
    assert qs[2].speaker_canonical == "عماد الحسيني" and qs[2].kind == "direct"
    assert qs[2].text == "الحقائق على الأرض تتحدث عن نفسها بوضوح"


def test_family_name_after_a_rank_links_back():
    qs = quotes_of("وقال قائد الفرقة الخامسة اللواء الركن علي فاضل الكعبي إن القوات ستلاحق الخلايا النائمة.\n"
                   "وأوضح الكعبي أن القوات ضبطت أسلحة وأعتدة في أحد الأوكار.")
    assert [q.speaker_canonical for q in qs] == ["علي فاضل الكعبي", "علي فاضل الكعبي"]


def test_a_quoted_name_before_a_cue_with_no_subject_after_it_is_no_content():
    qs = quotes_of("وقال الجيش إن الهجوم على المعسكر فشل تماما.\n"
                   "\"جبهة تحرير الشام الجديدة\"، أعلنت مسؤوليتها عن الهجوم على الحاجز.")
    assert all(not q.text.startswith("جبهة تحرير") for q in qs)


def test_a_manner_adverb_after_the_speaker_is_no_part_of_the_name():
    qs = quotes_of("وقال الجيش إن الهجوم على المعسكر فشل تماما.\n"
                   "ولدى سؤاله عن محاولات استهدافه، رد نصار ضاحكاً: «هذا يعني أننا نقترب من الهدف».")
    assert qs[-1].speaker == "نصار" and qs[-1].cue == "رد" and qs[-1].kind == "direct"


def test_an_outlets_acronym_after_the_channel_phrase_is_no_content():

    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\nواتهم محافظ حضرموت في تصريح لوكالة الأنباء "
                          "اليمنية (سبأ) الميليشيات بقصف الأحياء السكنية في المكلا عمدا.",
                          meta={"published": "2026-05-10"}))
    [quote] = doc.quotes
    assert quote.text.startswith("الميليشيات بقصف") and quote.channel == "news_agency"
