"""Who said it, as Arabic news writes it: anaphora, relays, roles before names, unnamed sources,
attributions and back-references. Reports written for these tests."""
from __future__ import annotations

from tests.conftest import quotes_of


def test_a_definite_speaker_is_the_source_or_body_named_before():
    qs = quotes_of("قال مصدر أمني في المحافظة إن مسلحين هاجموا نقطة تفتيش قرب الجسر الرئيسي فجر اليوم.\n"
                   "وأوضح المصدر أن الاشتباك استمر ساعتين وانتهى بانسحاب المهاجمين نحو الصحراء.\n"
                   "أعلنت وزارة الصحة الفلسطينية في بيان ارتفاع عدد الضحايا إلى 14 قتيلا منذ الصباح.\n"
                   "وأضافت الوزارة أن طواقمها تواجه صعوبة في الوصول إلى المناطق الشرقية من المدينة.")
    assert [q.speaker_canonical for q in qs] == ["مصدر أمني", "مصدر أمني", "وزارة الصحة الفلسطينية",
                                                 "وزارة الصحة الفلسطينية"]
    assert qs[1].speaker == "المصدر"
    assert qs[2].channel == "statement" and qs[2].text.startswith("ارتفاع عدد الضحايا")


def test_relays_and_correspondents():
    qs = quotes_of("نقلت وكالة الأناضول عن المتحدث باسم الجيش العقيد الركن سامي الحربي أن القوات صدت هجوما "
                   "على مواقعها شمال البلدة.\n"
                   "وأفاد مراسل قناة الجزيرة بأن طائرات مسيرة قصفت منزلين في الحي الشرقي من المدينة.\n"
                   "ونقل المصابون إلى مستشفى المدينة لتلقي العلاج اللازم.")
    assert [(q.speaker_canonical, q.channel) for q in qs] == [("سامي الحربي", "news_agency"),
                                                             ("قناة الجزيرة", "tv")]
    assert qs[0].text == "القوات صدت هجوما على مواقعها شمال البلدة"


def test_roles_and_ranks_before_a_name():
    qs = quotes_of("وقال الباحث في الشؤون العسكرية خالد المحمود إن الهجوم يعكس تغيرا في تكتيكات الجماعات المسلحة.\n"
                   "وقال قائد شرطة المحافظة اللواء ماجد الزبيدي إن دوريات إضافية انتشرت على الطرق الخارجية.")
    assert [q.speaker_canonical for q in qs] == ["خالد المحمود", "ماجد الزبيدي"]


def test_unnamed_sources_end_before_verbs_dates_and_places():
    qs = quotes_of("وقال مسؤولون أمنيون وعسكريون طلبوا عدم الكشف عن هوياتهم لوكالة رويترز إن المهاجمين تسللوا "
                   "من الحدود.\n"
                   "وأفاد الأربعاء قيادي محلي في البلدة لوكالة فرانس برس بأن السكان بدأوا النزوح نحو الشمال.\n"
                   "وأكد ناشطون مقتل ثلاثة مدنيين في غارة على أطراف القرية.\n"
                   "وأعلن مصدر في الجيش، مساء الجمعة، عن هجوم جديد على سوق أسبوعي في البلدة.")
    assert [q.speaker for q in qs] == ["مسؤولون أمنيون وعسكريون", "قيادي محلي", "ناشطون", "مصدر في الجيش"]
    assert [q.channel for q in qs[:2]] == ["news_agency", "news_agency"]
    assert qs[2].text.startswith("مقتل ثلاثة مدنيين")


def test_an_attribution_gives_the_clause_to_its_source():
    qs = quotes_of("قتل خمسة مدنيين في قصف مدفعي على سوق البلدة، بحسب ما أفاد المرصد السوري لحقوق الإنسان.\n"
                   "وأكدت الحكومة في بيان لوزارة الإعلام أن الوضع تحت السيطرة.\n"
                   "ووفق البيان، فإن الاجتماع المقبل سيعقد في العاصمة الأسبوع القادم لبحث وقف إطلاق النار.")
    assert qs[0].speaker_canonical == "المرصد السوري لحقوق الإنسان"
    assert qs[0].text == "قتل خمسة مدنيين في قصف مدفعي على سوق البلدة"
    assert qs[-1].cue == "وفق" and qs[-1].text.startswith("الاجتماع المقبل")


def test_a_back_reference_attributes_the_sentence_before():
    qs = quotes_of("ارتفع عدد قتلى القصف على مخيم النازحين إلى 12 شخصا بينهم أطفال.\n"
                   "صرح بذلك مدير المستشفى الميداني سامر العلي لقناة محلية مساء اليوم.")
    assert len(qs) == 1 and qs[0].speaker_canonical == "سامر العلي" and qs[0].channel == "tv"
    assert qs[0].text == "ارتفع عدد قتلى القصف على مخيم النازحين إلى 12 شخصا بينهم أطفال"


def test_a_subject_before_the_cue_and_a_relative_clause_cue():
    qs = quotes_of("وكان مصدر عسكري قد قال في وقت سابق إن التعزيزات وصلت إلى محيط المطار.\n"
                   "وتداول ناشطون مقاطع مصورة قالوا إنها تظهر آثار القصف على المدرسة.")
    assert [q.speaker_canonical for q in qs] == ["مصدر عسكري"]


def test_an_outlet_speaks_for_its_source_and_an_addressed_agency_is_the_channel():
    qs = quotes_of("قال مصدر طبي في المدينة إن المستشفى استقبل عشرات الجرحى.\n"
                   "وأكدت قناة \"الأفق\" نقلا عن مصادر طبية سقوط ستة قتلى في القصف.\n"
                   "وأبلغت المصادر وكالة الأنباء الألمانية (د.ب.أ) أن الطريق أغلق بالكامل أمام المسافرين.")
    # "المصادر" are the "مصادر طبية" named last, not the singular "مصدر طبي" before them
    assert [(q.speaker_canonical, q.channel) for q in qs[1:]] == [("قناة الأفق", "tv"), ("مصادر طبية", "news_agency")]
    assert qs[1].text == "سقوط ستة قتلى في القصف"
    assert qs[2].text == "الطريق أغلق بالكامل أمام المسافرين"


def test_the_speaker_is_an_unknown_name_after_a_role_not_an_earlier_body():
    qs = quotes_of("طالبت وزارة الخارجية في بيان بوقف القصف على القرى الحدودية فورا ودون شروط.\n"
                   "وقال النائب في البرلمان عن الاتحاد الوطني الكردستاني هوشيار زنكنه إن الحكومة مطالبة "
                   "بموقف أوضح تجاه القصف المتكرر.\n"
                   "وقال رئيس ناحية سوران دلشاد كويي لموقع رووداو إن القصف طال أراضي زراعية قرب البلدة.")
    assert [q.speaker_canonical for q in qs][1:] == ["هوشيار زنكنه", "دلشاد كويي"]


def test_a_role_with_a_prepositional_complement_is_one_subject():
    # "المبعوث الخاص إلى البلد فلان": إلى's object is no second noun phrase (no object of حذر)
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وحذر المبعوث الأوروبي الخاص إلى منطقة الساحل كارل هنريكسن من أن الجفاف يدفع الآلاف إلى النزوح.")
    assert [q.speaker_canonical for q in qs] == ["كارل هنريكسن"]
    assert qs[0].text.startswith("الجفاف يدفع")


def test_a_called_body_whose_name_opens_with_ba_is_the_subject():
    # "طالبت بعثة …": بعثة is a body named as subject, not the complement ب of طالب
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وأفاد جهاز الإسعاف بأن الاشتباكات أسفرت عن مقتل ثلاثة مدنيين في الحي.\n"
                   "من جانبها، طالبت بعثة الاتحاد الأوروبي جميع الأطراف بضبط النفس، محذرة من أن أي تصعيد "
                   "سيهدد المكاسب الهشة.")
    assert qs[-1].speaker_canonical.startswith("بعثة الاتحاد الأوروبي")
    assert all(q.speaker_canonical != "جهاز الإسعاف" for q in qs[1:])


def test_a_role_head_said_again_is_the_person_named_with_the_role():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وقال المتحدث الرسمي باسم قوات الشرطة العقيد الركن ماهر السعدي إن القوات أغلقت الطرق المؤدية "
                   "إلى المدينة.\n"
                   "وأضاف المتحدث أن التحقيقات جارية لمعرفة هوية المهاجمين.")
    assert [q.speaker_canonical for q in qs] == ["ماهر السعدي", "ماهر السعدي"]
    assert qs[1].speaker == "المتحدث"


def test_a_body_named_with_its_seat_and_its_acronym_speaks_whole():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وأعلنت وزارة الصحة في غزة، في بيان مقتضب، ارتفاع حصيلة الضحايا إلى ثلاثين قتيلا.\n"
                   "وأشادت بعثة الاتحاد الأفريقي في الصومال (أتميس) في بيان بصمود القوات الحكومية في البلدة.")
    assert [q.speaker_canonical for q in qs] == ["وزارة الصحة في غزة", "بعثة الاتحاد الأفريقي في الصومال"]
    assert qs[0].text.startswith("ارتفاع حصيلة") and qs[1].text.startswith("بصمود القوات")
    assert {q.channel for q in qs} == {"statement"}


def test_an_unnamed_speaker_named_after_yudaa_and_a_press_briefing():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وقالت إحدى النازحات، وتدعى فاطمة حسن، إن أطفالها لم يأكلوا منذ يومين في المخيم.\n"
                   "وقال المتحدث باسم الخارجية ماجد الأنصاري، خلال الإحاطة الإعلامية الأسبوعية، إن "
                   "المفاوضات تمر بمرحلة حرجة.")
    assert [q.speaker_canonical for q in qs] == ["فاطمة حسن", "ماجد الأنصاري"]
    assert qs[1].channel == "press_conference"


def test_a_relay_through_an_agency_with_its_acronym():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "ونقلت وكالة الأنباء الرسمية (وام) عن قائد الشرطة العميد الركن ضرار الدندل قوله إن "
                   "مجموعة مسلحة زرعت العبوة على جانب الطريق.\n"
                   "وأضاف الدندل أن الجهات المختصة فتحت تحقيقا في الحادثة.")
    assert [q.speaker_canonical for q in qs] == ["ضرار الدندل", "ضرار الدندل"]
    assert qs[0].channel == "news_agency"


def test_a_role_said_again_is_the_person_named_after_it_earlier_without_a_quote():
    qs = quotes_of("تفقد رئيس هيئة الأركان العامة الفريق الركن حمود الزبيدي، الاثنين، المواقع المتقدمة في الجبهة.\n"
                   "وأكد رئيس الأركان أن الجيش على أهبة الاستعداد لردع أي تصعيد في المنطقة.")
    assert qs[0].speaker == "رئيس الأركان" and qs[0].speaker_canonical == "حمود الزبيدي"


def test_the_counterpart_holds_the_same_role_with_his_nationality():
    qs = quotes_of("بحث وزير الخارجية المصري سامر شكيب، مع نظيره الليبي منير الطاهر، مستجدات الأوضاع في ليبيا.\n"
                   "وأكد وزير الخارجية الليبي أن بلاده تقدر الجهود المصرية لتقريب وجهات النظر.")
    assert qs[0].speaker_canonical == "منير الطاهر"


def test_a_spokeswoman_after_her_role_and_a_hospital_named_after_a_person():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وقالت الناطقة باسم قوات الحماية الشعبية نسرين عبدو لوكالة فرانس برس إن قواتها في حالة استنفار تام.\n"
                   "وقال مدير مستشفى كمال عدوان الدكتور حسام صافي إن بين القتلى ثلاثة أطفال.")
    assert [q.speaker_canonical for q in qs] == ["نسرين عبدو", "حسام صافي"]


def test_a_name_cut_at_a_joiner_takes_it_back():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وقالت المواطنة أم محمد النجار، التي فقدت ابنها في القصف، إن المنزل كان يؤوي عشرين نازحا.")
    assert qs[0].speaker_canonical == "أم محمد النجار"


def test_a_fronted_attribution_with_a_relative_clause_before_fa_inna():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وحسب شهود عيان تحدثوا لوكالة الأنباء، فإن القوات داهمت عشرات المنازل وعبثت بمحتوياتها.")
    assert qs[0].speaker_canonical == "شهود عيان" and qs[0].text.startswith("القوات داهمت")


def test_kana_subject_qad_announced_an_object():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وقال الجيش في بيان إن قواته صدت هجوما على مواقعها قرب المدينة.\n"
                   "وكانت جماعة أنصار الحق قد أعلنت مسؤوليتها عن الهجوم على المعسكر في بيان على تلغرام.")
    assert qs[-1].speaker_canonical == "جماعة أنصار الحق"
