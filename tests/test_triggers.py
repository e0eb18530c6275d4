"""Event triggers on sentences written for these tests: the inflected forms news uses must trigger
with the right ACLED sub-type, and history, commentary, questions, denials, threats, plans and
weapons descriptions must not."""
from __future__ import annotations

import pytest

from marsad.extraction.trigger_context import negated
from marsad.extraction.trigger_lexicon import compile_phrase, fits
from marsad.extraction.triggers import find_triggers, fold_weapons, plausible

E, V, P, R, S, B = ("Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                    "Strategic developments", "Battles")


def coded(sentence: str) -> set[tuple[str, str]]:
    """The (type, sub-type) pairs one sentence reports, as the event stage sees them."""
    found = [t for t in find_triggers(sentence, 0, len(sentence))
             if not negated(sentence, t, 0) and plausible(sentence, t, 0)]
    return {(t.event_type, t.sub_event_type) for t in fold_weapons(sentence, found)}


@pytest.mark.parametrize("sentence, expected", [
    # explosions: verbs, duals and plurals, the bomber's act
    ("انفجرت عبوة ناسفة صباح اليوم بدورية للشرطة على طريق المطار.", (E, "Remote explosive/landmine/IED")),
    ("أسفر انفجار عبوتين ناسفتين أمس عن إصابة أربعة جنود.", (E, "Remote explosive/landmine/IED")),
    ("قتل سبعة أشخاص بانفجار سيارة ملغومة قرب سوق الخضار.", (E, "Remote explosive/landmine/IED")),
    ("فجّر انتحاري نفسه وسط حشد من المصلين عند باب المسجد.", (E, "Suicide bomb")),
    ("وكان انتحاريان قد فجرا نفسيهما أمس أمام مركز للشرطة.", (E, "Suicide bomb")),
    ("هاجم انتحاري يقود شاحنة مفخخة حاجزا للجيش عند مدخل البلدة.", (E, "Suicide bomb")),
    ("قتل خمسة جنود في هجوم انتحاري استهدف قاعدتهم مساء الخميس.", (E, "Suicide bomb")),
    ("أدى تفجير استهدف حافلة للركاب إلى مقتل ثلاثة مدنيين.", (E, "Remote explosive/landmine/IED")),
    # assassinations, abductions, executions
    ("اغتال مسلحون مجهولون ضابطا في الاستخبارات أمام منزله.", (V, "Attack")),
    ("وأفادت الشرطة بأن مجهولين اغتالوه وهو في طريقه إلى عمله.", (V, "Attack")),
    ("اغتيلت ناشطة حقوقية برصاص مسلحين في وسط المدينة.", (V, "Attack")),
    ("نجا المحافظ أمس من محاولة اغتيال على الطريق الساحلي.", (V, "Attack")),
    ("خطف مسلحون ثلاثة مهندسين أجانب من موقع العمل.", (V, "Abduction/forced disappearance")),
    ("وقال شهود إن المسلحين خطفوا سائق الشاحنة وفروا.", (V, "Abduction/forced disappearance")),
    ("اختطفت جماعة مسلحة طبيبين كانا في طريقهما إلى المستشفى.", (V, "Abduction/forced disappearance")),
    ("احتجز المسلحون 20 رهينة داخل الفندق لساعات.", (V, "Abduction/forced disappearance")),
    ("وذكرت العائلة أنه تم اختطافه من أمام منزله.", (V, "Abduction/forced disappearance")),
    ("أعدم التنظيم خمسة أسرى رميا بالرصاص.", (V, "Attack")),
    ("نفذ المسلحون إعداما ميدانيا بحق ثلاثة شبان.", (V, "Attack")),
    # beatings, burning, looting
    ("اعتدى عناصر من الشرطة على المعتقلين بالضرب داخل المركز.", (V, "Attack")),
    ("تعرض مراسل القناة للضرب على أيدي مجهولين.", (V, "Attack")),
    ("فتح مسلحون النار على المصلين أثناء خروجهم من المسجد.", (V, "Attack")),
    ("أحرق مسلحون مقر الحزب في المدينة ليلا.", (S, "Looting/property destruction")),
    ("نهبوا المحال التجارية قبل انسحابهم من السوق.", (S, "Looting/property destruction")),
    ("أضرم مجهولون النار في مكتب المنظمة.", (S, "Looting/property destruction")),
    # protests, sit-ins, marches, strikes
    ("تظاهر آلاف الطلاب في ساحة الجامعة ضد رفع الرسوم.", (P, "Peaceful protest")),
    ("يتظاهر المئات منذ الصباح أمام مبنى البرلمان.", (P, "Peaceful protest")),
    ("احتشد المئات أمام مقر المحافظة مطالبين بالإفراج عن المعتقلين.", (P, "Peaceful protest")),
    ("اعتصم عشرات المعلمين أمام وزارة التربية.", (P, "Peaceful protest")),
    ("نظم أهالي المفقودين وقفة احتجاجية أمام قصر العدل.", (P, "Peaceful protest")),
    ("جابت مسيرات احتجاجية شوارع المدينة بعد صلاة الجمعة.", (P, "Peaceful protest")),
    ("أضرب عمال الميناء عن العمل للمطالبة بزيادة الأجور.", (P, "Peaceful protest")),
    ("تجمع مئات المتظاهرين أمام مقر الحكومة.", (P, "Peaceful protest")),
    ("خرج الآلاف إلى الشوارع احتجاجا على ارتفاع الأسعار.", (P, "Peaceful protest")),
    ("أحرق شاب نفسه احتجاجا على مصادرة عربته.", (P, "Peaceful protest")),
    # dispersal, force against protesters, riots
    ("فرقت الشرطة المتظاهرين بالغاز المسيل للدموع.", (P, "Protest with intervention")),
    ("تظاهر المئات في الساحة قبل أن تطلق الشرطة الغازات المسيلة للدموع.", (P, "Protest with intervention")),
    ("قتلت قوات الأمن ثلاثة متظاهرين في العاصمة.", (P, "Excessive force against protesters")),
    ("أطلق الجنود الرصاص الحي على المحتجين قرب الجسر.", (P, "Excessive force against protesters")),
    ("رشق شبان غاضبون قوات الأمن بالحجارة.", (R, "Violent demonstration")),
    ("اندلعت أعمال شغب في أحياء عدة من المدينة ليلا.", (R, "Violent demonstration")),
    ("تظاهر المئات ورشقوا الشرطة بالحجارة وأحرقوا الإطارات.", (R, "Violent demonstration")),
    ("اندلعت اشتباكات بين المحتجين والشرطة أمام الوزارة.", (R, "Violent demonstration")),
    # raids are coded by what happens in them
    ("داهمت قوة أمنية منزلا في الحي واعتقلت ثلاثة شبان.", (S, "Arrests")),
    ("داهمت قوات الأمن مقر الصحيفة فجرا.", (S, "Arrests")),
    ("فككت فرق الهندسة عبوة ناسفة زرعت على جانب الطريق.", (S, "Disrupted weapons use")),
])
def test_news_forms_trigger_with_their_sub_type(sentence, expected):
    assert expected in coded(sentence), coded(sentence)


def test_a_raid_gives_way_to_the_violence_told_in_it():
    assert coded("داهمت قوة أمنية المسجد واعتدت على المصلين بالضرب.") == {(V, "Attack")}


def test_an_attack_in_which_civilians_are_shot_is_violence_against_civilians():
    assert coded("هاجمت مجموعة مسلحة القرية وأطلقت النار على السكان.") == {(V, "Attack")}


@pytest.mark.parametrize("sentence", [
    # history: a year, no recent day
    "في عام 2005 اغتيل رئيس الوزراء في انفجار ضخم.",
    "وكان الرئيس قد اغتيل عام 1981 خلال عرض عسكري.",
    "الزعيم الذي اغتالته الجماعة في 14 مارس 1998 ما زال حاضرا في ذاكرة أنصاره.",
    # weapons described, not used
    "يبلغ مدى الصاروخ الجديد ثلاثمئة كيلومتر بحسب الشركة المصنعة.",
    "كشف الجيش عن منظومة صواريخ مضادة للطائرات خلال المعرض.",
    "تمتلك الجماعة ترسانة كبيرة من القذائف والعبوات الناسفة.",
    # commentary and analysis: topics, rights, trials
    "انتقد الكاتب سياسة الاغتيالات التي تنتهجها الحكومة منذ سنوات.",
    "يكفل الدستور الجديد حق التظاهر السلمي لجميع المواطنين.",
    "بدأت المحكمة النظر في قضية خطف الطفل التي شغلت الرأي العام.",
    "وأدين الرجل بتهمة الاختطاف والسطو المسلح.",
    "أحيا أنصار الحزب الذكرى الثانية لاغتيال مؤسسه.",
    "تناول الباحث ظاهرة الاحتجاجات الشبابية في المدن الكبرى.",
    "صدر بحقه حكم بالإعدام بعد إدانته بالقتل.",
    "أصدرت محكمة الجنايات، الأحد، أحكاما بالإعدام بحق 12 متهما بالانتماء إلى جماعة مسلحة.",
    "وأصدرت المحكمة حكما بالإعدام شنقا على مدان بقتل ثلاثة أشخاص.",
    # questions
    "من يقف وراء اغتيال القاضي؟",
    "هل تنجح الاحتجاجات في إسقاط الحكومة؟",
    # denials, threats, calls and plans
    "نفت الشرطة اختطاف الناشط وقالت إنه غادر بإرادته.",
    "هددت الجماعة باغتيال كل من يتعاون مع القوات الأجنبية.",
    "دعت النقابات إلى إضراب عام الأسبوع المقبل.",
    "تخطط الخلية لتفجير سيارة مفخخة في العاصمة بحسب الاعترافات.",
    "وحذر الخبراء من ضربة جوية محتملة على المنشآت.",
    "وستنطلق المظاهرات المقبلة من أمام الجامعة.",
    "وقد يشن المسلحون هجمات انتحارية جديدة إذا فشلت المفاوضات.",
    "وأعلنت الحكومة خططا لمنع التظاهر قرب المباني الرسمية.",
    # a weak noun with nothing happening, protesters merely mentioned
    "وقال أحد المتظاهرين إن مطالبهم اجتماعية بحتة.",
    "تجمع الأهالي في الساحة لاستقبال الحجاج العائدين.",
    "ووصف المحلل التفجيرات بأنها رسالة سياسية.",
    "وتنقل الصحفي إلى الحي الذي كان يسكنه الانتحاري.",
    "وتبقى أسئلة كثيرة حول هذا الاعتداء دون جواب.",
])
def test_history_commentary_questions_threats_and_descriptions_are_not_events(sentence):
    assert not {c for c in coded(sentence) if c[0] in (E, V, P, R)}, coded(sentence)


@pytest.mark.parametrize("sentence", [
    "وصل عدد القتلى إلى عشرين بحسب المستشفى.",          # قتلى is no form of the verb قتل
    "أشار التقرير إلى تراجع الهجمات خلال الشهر.",          # هجمات alone names no event
    "نقلت سيارة الإسعاف الجرحى إلى المستشفى.",             # سيارة, no سـ + verb, no bomb
    "وصل الوفد فجر اليوم إلى المطار.",                      # فجر is the dawn, not فجّر
    "زار الوزير مسيرة التنمية في المحافظة.",                # مسيرة alone is a path, not a march
])
def test_forms_that_merely_look_alike_do_not_trigger(sentence):
    assert not {c for c in coded(sentence) if c[0] in (E, V, P, R)}, coded(sentence)


def test_a_bomb_car_that_exploded_is_no_future_verb():
    assert (E, "Remote explosive/landmine/IED") in coded("وقالت الشرطة إن سيارة مفخخة انفجرت قرب الجسر مساء أمس.")


def test_qad_affirms_before_a_perfect_and_hedges_before_an_imperfect():
    assert (E, "Shelling/artillery/missile attack") in coded("وكانت الفصائل قد أطلقت عشرات الصواريخ فجر أمس على البلدات.")
    assert not coded("وقال إن الفصائل قد تطلق صواريخ على البلدات.")


def test_a_ceasefire_is_no_negation_of_what_follows_it():
    assert (V, "Abduction/forced disappearance") in coded(
        "ورفضت الجماعة اتفاق وقف إطلاق النار واحتجزت عشرة رهائن في المصنع.")


@pytest.mark.parametrize("phrase, word, expected", [
    ("اغتال+", "اغتالوه", True), ("اغتال+", "فاغتالت", True), ("اغتال+", "الاغتال", False),
    ("اقتحم+~", "يقتحمون", True), ("اقتحم+~", "ستقتحم", False),
    ("عبوة*", "العبوات", True), ("عبوة*", "بعبوتين", True), ("عبوة*", "عبو", False),
    ("قتل+", "قتلى", False), ("قتل+", "وقتلوا", True),
    ("الأحد=", "الاحد", True), ("الأحد=", "احد", False),
])
def test_the_morphology_of_rule_words(phrase, word, expected):
    from marsad.text.arabic import normalize

    assert fits(normalize(word), compile_phrase(phrase)[0]) is expected
