"""Who said what when the article told of the speaker before: a subject before its cue with an aside
between, a report or statement said again with the article, and the outlet a speaker talked to.
Reports written for these tests."""
from __future__ import annotations

from marsad.extraction.channels import channel_in, outlet_channel
from tests.conftest import quotes_of


def test_a_relative_clause_between_subject_and_qad_keeps_the_subject():
    qs = quotes_of("قصفت حركة التحرير مواقع قرب البلدة. وقال السكان إن القصف استمر ساعات طويلة. "
                   "وكانت الحركة، التي تسيطر على الوادي، قد أعلنت، الخميس، إسقاط طائرة مسيرة فوق المدينة.")
    last = [q for q in qs if "طائرة" in q.text]
    assert last and last[0].speaker_canonical == "حركة التحرير"


def test_a_time_aside_between_subject_and_qad_keeps_the_subject():
    qs = quotes_of("وقال الأهالي إن المياه انقطعت عن الأحياء منذ أيام. "
                   "وكان المحافظ سالم الورفلي، مساء الثلاثاء، قد أكد أن الفرق ستصلح الخطوط قريبا.")
    assert [q.speaker_canonical for q in qs if "الفرق" in q.text] == ["سالم الورفلي"]


def test_the_report_is_the_body_s_not_the_last_person_quoted():
    qs = quotes_of("حذرت منظمة الصحة العالمية من انتشار الكوليرا في المخيمات. وقال ممثل المنظمة في البلاد "
                   "كريم ناصر إن الفرق الطبية تعمل بلا توقف. وأشار التقرير إلى أن آلاف الإصابات سجلت منذ الشهر الماضي.")
    told = [q for q in qs if "الإصابات" in q.text]
    assert told and told[0].speaker_canonical == "منظمة الصحة العالمية"


def test_the_statement_is_its_issuer_s_when_nobody_spoke_before():
    qs = quotes_of("أصدرت نقابة الأطباء بياناً بشأن الاعتداءات على المستشفيات. "
                   "وجاء في البيان أن ثلاثة أطباء أصيبوا خلال الأسبوع الماضي في العاصمة.")
    assert [(q.speaker_canonical, q.channel) for q in qs] == [("نقابة الأطباء", "statement")]


def test_a_person_s_statement_said_again_stays_his():
    qs = quotes_of("قال وزير الداخلية سالم الورفلي في بيان إن الشرطة اعتقلت خمسة مشتبهين. "
                   "وأضاف البيان أن التحقيقات مستمرة مع الموقوفين.")
    assert {q.speaker_canonical for q in qs} == {"سالم الورفلي"}


def test_a_news_network_or_website_is_no_tv_channel():
    assert outlet_channel("شبكة حمص 24 الإخبارية") is None
    assert outlet_channel("الجزيرة نت") is None
    assert outlet_channel("قناة الجزيرة") == "tv"
    assert outlet_channel("شبكة تلفزيون الغد") == "tv"
    assert outlet_channel("الشبكة السورية لحقوق الإنسان") is None
    qs = quotes_of("وأفادت شبكة حمص 24 الإخبارية بأن الاشتباكات مستمرة في أحياء المدينة منذ الصباح.")
    assert qs[0].channel is None


def test_speech_told_to_a_website_newspaper_or_radio_is_other():
    assert channel_in("وقال في حديث للجزيرة نت") == "other"
    assert channel_in("وقال لموقع الخبر اليوم") == "other"
    assert channel_in("في مقابلة مع صحيفة المساء") == "other"
    assert channel_in("وقال لقناة الجزيرة") == "tv"
    assert channel_in("وقال لوكالة رويترز") == "news_agency"


def test_the_outlet_spoken_to_ends_the_speaker():
    qs = quotes_of("وقال مصدر محلي لموقع حمص 24 إن الاشتباكات مستمرة في أحياء المدينة منذ الصباح.")
    assert [(q.speaker_canonical, q.channel) for q in qs] == [("مصدر محلي", "other")]
    qs = quotes_of("وقال الضابط لإذاعة مونت كارلو الدولية إن الطريق أغلق أمام الشاحنات منذ الصباح.")
    assert [(q.speaker, q.channel) for q in qs] == [("الضابط", "other")]


def test_a_statement_named_as_a_quote_s_channel_stays_with_its_speaker():
    qs = quotes_of("وقال المتحدث باسم الشرطة في بيان إن الدوريات أوقفت ثلاثة مهربين على الطريق الساحلي. "
                   "وأضاف البيان أن المضبوطات سلمت إلى النيابة العامة.")
    assert [q.speaker for q in qs] == ["المتحدث باسم الشرطة"] * 2


def test_a_nationality_the_name_leaves_out_points_to_the_body_of_that_country():
    qs = quotes_of("قالت حركة حماس إن المفاوضات متعثرة منذ أسابيع بسبب الشروط الجديدة. "
                   "وأكدت الحركة الفلسطينية أنها لن تتخلى عن شروطها في أي اتفاق قادم.")
    assert "حماس" in qs[-1].speaker_canonical
    qs = quotes_of("قالت حركة حماس إن المفاوضات متعثرة منذ أسابيع بسبب الشروط الجديدة. "
                   "وأكدت الحركة اللبنانية أنها لن تتخلى عن شروطها في أي اتفاق قادم.")
    assert "حماس" not in qs[-1].speaker_canonical
