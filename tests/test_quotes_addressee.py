"""Accusations, calls and denials, channels named before a cue, and the dateline, on sentences written
for these tests (not from the dev set, the seeds or PLOVER)."""
from __future__ import annotations

from marsad.extraction.content import past_dateline
from tests.conftest import quotes_of


def test_accused_after_a_denial_is_the_object_not_a_speaker():
    qs = quotes_of("ونفى الناطق العسكري باسم الفصائل المسلحة في حديث لإذاعة محلية أي صلة لمقاتليه بالتفجير، "
                   "واتهم الشرطة بإطلاق النار على المتظاهرين.")
    assert [q.cue for q in qs] == ["نفى", "اتهم"]
    assert qs[0].speaker_canonical == qs[1].speaker_canonical
    assert qs[0].text == "أي صلة لمقاتليه بالتفجير"           # the channel phrase is lead, not content
    assert qs[1].text == "الشرطة بإطلاق النار على المتظاهرين"   # the accusation, the accused first


def test_subject_then_addressee():
    qs = quotes_of("وطالب محافظ الإقليم الحكومة المركزية بإرسال تعزيزات عسكرية إلى المنطقة الحدودية. "
                   "وناشدت المنظمة الأطراف المتحاربة وقف استهداف المدنيين فورا.")
    assert [(q.speaker, q.text.split()[0]) for q in qs] == [("محافظ الإقليم", "الحكومة"), ("المنظمة", "الأطراف")]


def test_adjectives_stay_in_the_subject():
    qs = quotes_of("واتهمت الحكومة الانتقالية الجديدة الفصائل المسلحة بعرقلة المفاوضات الجارية في العاصمة.")
    assert len(qs) == 1 and qs[0].speaker == "الحكومة الانتقالية الجديدة"
    assert qs[0].text.startswith("الفصائل المسلحة بعرقلة")


def test_held_responsible_in_a_statement():
    qs = quotes_of("وأصدرت وزارة الصحة بيانا حمّلت فيه الميليشيات المسؤولية الكاملة عن قصف المستشفى.")
    assert len(qs) == 1
    q = qs[0]
    assert q.speaker_canonical == "وزارة الصحة" and q.channel == "statement"
    assert q.text.startswith("الميليشيات المسؤولية")


def test_carrying_is_no_speech():
    assert quotes_of("وحمل المتظاهرون لافتات كتبت عليها شعارات تطالب بالإفراج عن المعتقلين.") == []


def test_channel_named_before_a_cue_with_a_pronoun():
    qs = quotes_of("ونشر قائد الشرطة العقيد سالم الزوي تسجيلا مصورا عبر صفحته على فيسبوك، قال فيه إن الطرق المؤدية إلى الميناء "
                   "أعيد فتحها أمام الشاحنات.")
    assert len(qs) == 1 and qs[0].channel == "facebook"


def test_content_before_an_attribution_starts_after_the_dateline():
    qs = quotes_of("عدن - شنت طائرات مسيرة غارات على مواقع في أطراف المدينة صباح اليوم، بحسب ما أفادت به "
                   "لجنة الإغاثة المحلية.")
    assert len(qs) == 1 and qs[0].text.startswith("شنت طائرات")
    qs = quotes_of("الخرطوم (السودان) - 5 مارس 2026 - قُتل ثمانية مدنيين في قصف مدفعي استهدف سوقا شعبيا في "
                   "المدينة، وفق ما أعلنته قناة الجزيرة.")
    assert len(qs) == 1 and qs[0].text.startswith("قُتل ثمانية")


def test_dateline_shapes():
    def rest(t):
        return t[past_dateline(t, 0, len(t)):]
    assert rest("حلب، سوريا، 2 يناير 2025، وكالات – أغلقت السلطات المعبر الحدودي") == "أغلقت السلطات المعبر الحدودي"
    assert rest("الموصل (رويترز) - قال مسؤولون إن الجسر أغلق") == "قال مسؤولون إن الجسر أغلق"
    assert rest("مأرب 14 فبراير 2024 - سقط صاروخ قرب السوق") == "سقط صاروخ قرب السوق"
    # no dateline: an aside between dashes, a count, a plain sentence
    for t in ("قوات الجيش - التي وصلت أمس - دخلت المدينة", "قتل 5 جنود في هجوم - وهو الثاني هذا الأسبوع",
              "سقط صاروخ قرب السوق الشعبي"):
        assert rest(t) == t


def test_a_later_paragraph_reads_its_dateline_like_the_first():
    """One reader (marsad.text.dateline) at every paragraph head: a tatweel dash and a credit before a colon
    too, and never in a paragraph's middle."""
    def rest(t):
        s = t.rfind("\n") + 1
        return t[past_dateline(t, s, len(t)):]
    assert rest("تمهيد قصير.\nأربيل ـ د ب أ: أغلقت السلطات المعبر الحدودي") == "أغلقت السلطات المعبر الحدودي"
    assert rest("تمهيد قصير.\nحمص - 3 أكتوبر 2026 (رويترز) - أغلقت السلطات المعبر") == "أغلقت السلطات المعبر"
    t = "أغلقت السلطات أمس، حمص - المعبر الحدودي الشمالي"
    assert t[past_dateline(t, t.index("حمص"), len(t)):] == t[t.index("حمص"):]


def test_a_threat_after_a_statement_continues_it():
    qs = quotes_of("وأكد محافظ الإقليم أن دماء الضحايا لن تذهب سدى، وتوعد بملاحقة المسلحين الذين نفذوا الهجوم.")
    assert len(qs) == 1 and qs[0].speaker == "محافظ الإقليم"
    assert qs[0].text.endswith("الذين نفذوا الهجوم")


def test_a_description_keeps_what_it_describes():
    qs = quotes_of("وقال رئيس البلدية سالم الورفلي إن القصف استمر ساعات. ووصف الورفلي الغارات التي استهدفت "
                   "الأحياء السكنية بأنها جريمة حرب مكتملة الأركان.")
    assert qs[1].speaker_canonical == "سالم الورفلي" and qs[1].text.startswith("الغارات التي استهدفت")


def test_cue_in_a_came_in_sentence_speaks_for_its_issuer():
    qs = quotes_of("وقال محافظ الإقليم إن الطرق أغلقت أمام المسافرين منذ الصباح.\n"
                   "جاء ذلك في تصريحات أدلت بها لجنة الأطباء المركزية عبر صفحتها على فيسبوك، حيث ذكرت أن "
                   "المستشفى استقبل عشرات الجرحى.")
    assert (qs[1].speaker, qs[1].channel) == ("لجنة الأطباء المركزية", "facebook")


def test_colon_then_complementizer_is_reported_speech():
    qs = quotes_of("وقال قائد شرطة المدينة العقيد سالم الورفلي: إن عبوة ناسفة انفجرت صباح اليوم على الطريق الرئيسي.")
    assert (qs[0].kind, qs[0].text) == ("indirect", "عبوة ناسفة انفجرت صباح اليوم على الطريق الرئيسي")
    qs = quotes_of('وقال المتحدث باسم الشرطة في تصريحات صحفية: إنّ "ثلاثة مسلحين قتلوا خلال تبادل لإطلاق النار".')
    assert (qs[0].kind, qs[0].text) == ("direct", "ثلاثة مسلحين قتلوا خلال تبادل لإطلاق النار")


def test_stray_full_stop_before_the_complementizer():
    qs = quotes_of('وقال ضابط في الشرطة لوكالة الأنباء الألمانية مفضلا عدم ذكر اسمه. إن "المسلحين فروا باتجاه '
                   'الجبال بعد الاشتباك".')
    assert len(qs) == 1
    assert (qs[0].kind, qs[0].channel, qs[0].text) == ("direct", "news_agency", "المسلحين فروا باتجاه الجبال بعد الاشتباك")


def test_anonymity_is_no_content():
    assert quotes_of("وأوضح أحد الحراس، طالبا عدم الكشف عن اسمه.") == []
    qs = quotes_of("وقال مسؤول أمني، مفضلا عدم ذكر اسمه، إن الهجوم استهدف نقطة تفتيش قرب الجسر.")
    assert qs[0].text == "الهجوم استهدف نقطة تفتيش قرب الجسر"


def test_quotation_after_an_unnamed_source_is_its_words():
    qs = quotes_of("بدوره أكد مصدر طبي “مقتل ثلاثة مدنيين وإصابة آخرين” في القصف.")
    assert (qs[0].speaker, qs[0].kind, qs[0].text) == ("مصدر طبي", "direct", "مقتل ثلاثة مدنيين وإصابة آخرين")
    qs = quotes_of('وأكدت حركة "أنصار الحرية" سيطرتها على البلدة بعد معارك استمرت يومين.')
    assert qs[0].speaker == "حركة أنصار الحرية"


def test_given_name_the_tagger_left_out():
    qs = quotes_of("وقال المدير العام لقوات الأمن في جلولاء هجار ابراهيم: إن عبوة ناسفة انفجرت في رتل عسكري.")
    assert qs[0].speaker == "هجار ابراهيم"


def test_a_participle_adding_a_statement_ends_the_content():
    qs = quotes_of("وقال مدير المستشفى إن عشرين جريحا وصلوا منذ الصباح، مشيرا إلى أن بينهم ستة أطفال.")
    assert qs[0].text == "عشرين جريحا وصلوا منذ الصباح"
    qs = quotes_of("وكشف الناطق العسكري الوضع الميداني في المدينة، موضحا أن المسلحين انسحبوا نحو الأحياء الشرقية.")
    assert qs[0].text == "المسلحين انسحبوا نحو الأحياء الشرقية"


def test_participle_after_an_attribution_speaks_for_its_source():
    qs = quotes_of('قُتل 12 شخصا على الأقل في قصف على سوق شعبي في المدينة، بحسب ما أفادت منظمة الصحة العالمية '
                   'الخميس، محذرة من أن "الوضع الصحي في الإقليم يتدهور بسرعة كبيرة".')
    assert [(q.speaker, q.kind) for q in qs] == [("منظمة الصحة العالمية", "indirect"),
                                                  ("منظمة الصحة العالمية", "direct")]
    assert qs[1].text == "الوضع الصحي في الإقليم يتدهور بسرعة كبيرة"


def test_a_feminine_verb_before_a_masculine_body_takes_it_as_object():
    """"وطالبت مجلس الأمن بـ…": a verb agrees in gender with a subject after it, so مجلس is whom the
    call is made to; the caller is the feminine body the sentence named before."""
    qs = quotes_of('وأدانت منظمة العدالة الدولية القصف الذي طال مدرسة، وطالبت مجلس الأمن بفتح تحقيق في '
                   '"استهداف المدارس المتكرر".')
    assert [q.speaker for q in qs] == ["منظمة العدالة الدولية"] * 2     # the condemnation is a statement too
    assert qs[0].text.startswith("القصف") and qs[1].text.startswith("مجلس الأمن بفتح تحقيق")
    qs = quotes_of('وطالب الاتحاد العام للنقابات مجلس الأمن بفتح تحقيق في "استهداف المدارس المتكرر".')
    assert [q.speaker for q in qs] == ["الاتحاد العام للنقابات"]


def test_an_unnamed_plural_accuser_then_the_named_accused():
    """"واتهم ناشطون قوات X بـ…": an indefinite plural (and its adjective) is a whole subject; the
    named body after it is the accused, the claim's first words."""
    qs = quotes_of("وقالت فرق الإسعاف إن القصف أصاب السوق. واتهم ناشطون محليون قوات الحرس الوطني "
                   "بالوقوف وراء القصف.")
    assert (qs[-1].speaker, qs[-1].text[:18]) == ("ناشطون محليون", "قوات الحرس الوطني ")
