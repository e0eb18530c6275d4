"""Channels and speakers of unnamed sources, on reports written for these tests."""
from __future__ import annotations

from marsad.extraction.content import quoted
from tests.conftest import quotes_of


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


def test_praise_names_its_object_after_the_subject():
    qs = quotes_of("وثمّن وزير الخارجية التونسي جهود الوساطة الجزائرية على مختلف المستويات لمساعدة الأطراف على التوافق.")
    assert qs[0].speaker == "وزير الخارجية التونسي" and qs[0].text.startswith("جهود الوساطة")


def test_quoted_organisation_after_a_colon():
    qs = quotes_of("قال: «المرصد العراقي للحقوق والحريات»، اليوم (الأحد)، إن 12 مدنيا قتلوا في قصف على قرية.")
    assert qs[0].speaker == "المرصد العراقي للحقوق والحريات" and qs[0].text.startswith("12 مدنيا")


def test_attribution_to_a_person_after_a_role():
    qs = quotes_of("وأغلقت الطرق المؤدية إلى المطار منذ الصباح، لكن ذلك لا يعني توقف الرحلات، وفقا لمحرر الشؤون "
                   "الأفريقية سالم الورفلي.")
    assert qs[0].speaker_canonical == "سالم الورفلي"


def test_attribution_to_a_statement_or_figures_of_someone():
    qs = quotes_of("وقال الناطق باسم الإسعاف سالم الورفلي إن الاشتباكات متواصلة في الأحياء الجنوبية. وبحسب تصريح "
                   "الورفلي، تدور المعارك الآن في حيين جنوب المدينة.")
    assert qs[1].speaker_canonical == "سالم الورفلي" and qs[1].text.startswith("تدور المعارك")
    qs = quotes_of("وخلفت المواجهات 40 قتيلا وفق أرقام لجنة حقوق الإنسان في البرلمان الليبي.")
    assert qs[0].speaker.startswith("لجنة حقوق الإنسان")


def test_subject_after_a_resumptive_pronoun():
    qs = quotes_of("جاء ذلك في وقت أعلن فيه تنظيم داعش أنه سيطر على بلدة ساحلية شرق العاصمة.")
    assert qs[0].speaker == "تنظيم داعش" and qs[0].text.startswith("سيطر على")


def test_relative_clause_cue_speaks_for_its_antecedent():
    qs = quotes_of("وقتل ثمانية مدنيين بحسب حديث المصادر التي أشارت إلى أن المسلحين أحرقوا عددا من المنازل.")
    assert any(q.speaker == "المصادر" and q.text.startswith("المسلحين أحرقوا") for q in qs)
    assert quotes_of("واستهدف الهجوم الذي أعلنت الحركة مسؤوليتها عنه مقرا للشرطة في المدينة.") == []


def test_bayyana_is_a_cue_only_as_a_verb():
    qs = quotes_of("وقال المتحدث إن القوات تقدمت نحو الجسر الشمالي. وبيّن أنّ الطريق الساحلي أغلق بالكامل أمام المدنيين.")
    assert [q.cue for q in qs] == ["قال", "بيّن"]


def test_cue_after_a_fronted_phrase_opens_the_main_clause():
    qs = quotes_of("وقالت وكالة الأنباء الليبية إن قصفا استهدف الميناء فجر اليوم.\n"
                   "وفي بيان لاحق ذكرت الوكالة أن القصف أصاب مخزنا للوقود قرب الرصيف الشمالي.")
    assert qs[1].speaker_canonical == "وكالة الأنباء الليبية" and qs[1].channel in ("statement", "news_agency")


def test_attribution_to_a_family_name_named_before():
    qs = quotes_of('وقال المتحدث باسم جهاز الإسعاف خالد يوسف إن "فرق الإسعاف نقلت عشرة جرحى إلى المستشفى".\n'
                   "وبحسب تصريح يوسف، تدور الاشتباكات الآن في منطقتين جنوب العاصمة.")
    assert qs[-1].speaker_canonical == "خالد يوسف" and qs[-1].text.startswith("تدور الاشتباكات")


def test_a_role_said_again_is_the_person_named_with_it():
    qs = quotes_of("وقال مدير ناحية الزيتون، خالد يوسف، إنه تلقى بلاغات عن قصف مدفعي قرب قريتين في الناحية. "
                   "وأوضح مدير ناحية الزيتون أن القصف لم يوقع ضحايا بين السكان.")
    assert [q.speaker_canonical for q in qs] == ["خالد يوسف", "خالد يوسف"]


def test_what_was_revealed_after_a_channel_phrase():
    qs = quotes_of("كشفت مصادر في الجيش في تصريحات لموقع 24 الإخباري عن عملية عسكرية نفذتها القوات الخاصة، "
                   "اليوم الأربعاء، ضد مواقع للمسلحين في الجبل.")
    assert qs[0].text.startswith("عن عملية عسكرية")


def test_ministry_short_form_and_a_fronted_statement_with_a_quotation():
    qs = quotes_of("والتقى الوزيران في العاصمة يوم الثلاثاء، وفق بيان للخارجية التونسية.\n"
                   "ووفق البيان، فإنّ «الوزيرين بحثا التطورات الأمنية على الحدود المشتركة».")
    assert [q.speaker for q in qs] == ["الخارجية التونسية"] * 2
    assert (qs[1].kind, qs[1].text) == ("direct", "الوزيرين بحثا التطورات الأمنية على الحدود المشتركة")


def test_no_stray_closing_mark_ends_a_content():
    qs = quotes_of("وقال مسؤول محلي إن القصف استمر حتى الفجر وأوقع خسائر كبيرة في المباني»")
    assert qs[0].text == "القصف استمر حتى الفجر وأوقع خسائر كبيرة في المباني"


def test_a_programme_that_is_a_body_is_no_television():
    """"برنامج" names UN programmes and aid schemes as often as a TV show: only a television
    programme is a TV channel."""
    qs = quotes_of("وقال ممثل برنامج الإغاثة الدولي في المنطقة سامي الحداد إن المخازن فرغت من الطحين.")
    assert qs[0].speaker == "سامي الحداد" and qs[0].channel is None
    qs = quotes_of("وقال الخبير العسكري محمود النجار في برنامج تلفزيوني إن الهدنة لن تصمد طويلا.")
    assert qs[0].channel == "tv"


def test_a_role_naming_an_agency_is_no_channel():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "وقال المدير العام لوكالة التنمية الدولية سامي حداد إن الوكالة علقت برامجها في الإقليم.\n"
                   "وقال مدير المستشفى خالد منصور لوكالة الأناضول إن الطواقم تعمل دون توقف منذ أيام.")
    assert [(q.speaker_canonical, q.channel) for q in qs] == [("سامي حداد", None), ("خالد منصور", "news_agency")]


def test_a_monitor_named_network_is_no_tv_channel():
    qs = quotes_of("قتل جنديان في هجوم على الحاجز.\n"
                   "ووثقت الشبكة السورية لحقوق الإنسان مقتل 30 مدنيا خلال الشهر الماضي، وقالت الشبكة إن معظمهم "
                   "قتلوا في قصف جوي على الأحياء السكنية.")
    assert qs[-1].speaker_canonical == "الشبكة السورية لحقوق الإنسان" and qs[-1].channel is None
