"""Entity rules of general Arabic grammar — verbs spelt like organisation heads, event nouns after
place nouns, a role noun's adjectives, a region's direction — on sentences written for these tests."""
from __future__ import annotations

from marsad.extraction.entities import find_entities
from marsad.extraction.org_phrases import not_genitive, org_phrases
from marsad.model import RawItem
from marsad.pipeline import process


def entities(body: str) -> list[tuple[str, str]]:
    doc = process(RawItem(doc_id="t", source="t.txt", fmt="txt", text="عنوان الخبر\n\n" + body))
    return [(e.canonical, e.type) for e in doc.entities]


def orgs(text: str) -> list[str]:
    return [e.canonical for e in org_phrases(text)]


def test_a_head_spelt_like_a_verb_before_its_subject_opens_no_name():
    # a nominative plural, a number or a crowd word after تجمع/تحالف is the verb's subject
    assert orgs("ثم تجمع المعلمون أمام الوزارة.") == []
    assert orgs("وتجمع عشرات العمال عند المصنع وتجمع العشرات عند الجسر.") == []
    assert orgs("وتجمع حشود من الأهالي في الميدان، وتحالف الحوثيون مع القبائل.") == []
    assert orgs("وتجمع سبعون شخصا قرب المحطة.") == []
    # at the head of a clause, a verb whose subject goes on in the nominative
    assert orgs("وتجمع الطلاب المعتصمون قرب البوابة.") == []
    # the names themselves stay, plural nationality and all
    assert orgs("وأعلن تجمع الأطباء السودانيين الإضراب، وقال تحالف القوى الوطنية إن الحوار متعثر.") == \
        ["تجمع الأطباء السودانيين", "تحالف القوى الوطنية"]
    assert orgs("وقال الحزب إن تجمع المهنيين في العاصمة دعا إلى الإضراب.") == ["تجمع المهنيين"]


def test_what_no_genitive_can_be():
    assert all(not_genitive(w) for w in ("ميات", "العشرات", "خمسون", "حشود", "المتظاهرون", "الفلسطينيون"))
    assert not any(not_genitive(w) for w in ("المهنيين", "القانون", "التعاون", "التلفزيون", "الشوون", "الزيتون"))


def test_an_adverb_of_place_and_a_purpose_after_the_head_end_the_name():
    assert orgs("ووقف أنصار حزب أمام المحكمة.") == []
    assert orgs("وفتحت السلطات مركز للإيواء، وانفجرت عبوة قرب مركز للشرطة.") == []
    assert orgs("وعقدت اللجنة الوطنية للإغاثة اجتماعا.") == ["اللجنة الوطنية للإغاثة"]


def test_a_noun_of_fighting_after_a_place_noun_names_no_place():
    assert entities("وأجلت فرق الإنقاذ العائلات من مناطق الاشتباك ومن منطقة القصف.") == []
    assert entities("ووصلت سيارات الإسعاف إلى مكان الانفجار، وفرّ السكان من مناطق المواجهات.") == []
    assert entities("ونقلت وكالات الأنباء صورا من موقع الهجوم.") == []


def test_a_role_nouns_adjectives_belong_to_the_title_not_the_name():
    found = find_entities("وقالت الناشطة الحقوقية ليلى حداد إن المعتقلين تعرضوا للتعذيب.")
    assert [(e.canonical, e.title) for e in found if e.type == "PER"] == [("ليلى حداد", "الناشطة الحقوقية")]
    found = find_entities("وقال الصحفي المستقل البارز يوسف القاسم إن الطريق مغلق.")
    assert [(e.canonical, e.title) for e in found if e.type == "PER"] == [("يوسف القاسم", "الصحفي المستقل البارز")]
    # a definite word with no given name after it is the family name, not an adjective
    found = find_entities("وقال الشيخ الأحمد إن الهدنة صامدة.")
    assert [(e.canonical, e.title) for e in found] == [("الأحمد", "الشيخ")]


def test_a_direction_the_gazetteer_names_with_a_region_joins_it():
    assert ("شمال دارفور", "LOC") in entities("وقتل ثلاثة مزارعين في قرية بولاية شمال دارفور.")
    assert ("جنوب سيناء", "LOC") in entities("وأغلقت الشرطة الطريق في محافظة جنوب سيناء.")
    # north of a town is a direction, not a division
    assert ("حمص", "LOC") in entities("وتقدمت القوات شمال حمص.")


def test_a_nationality_ends_a_tagged_body_and_in_says_where_it_sits():
    from marsad.extraction.entities import _entity

    text = "وقالت النقابة العامة المصرية في القاهرة إن الإضراب مستمر."
    e = _entity(text, text.index("النقابة"), text.index(" إن"), "ORG")
    assert e.canonical == "النقابة العامة المصرية"
    text = "وقالت لجنة الحريات في البرلمان إن التحقيق مستمر."      # no nationality: the name goes on
    assert _entity(text, text.index("لجنة"), text.index(" إن"), "ORG").canonical == "لجنة الحريات في البرلمان"


def test_a_definite_head_keeps_its_article_a_rank_before_a_name_does_not_open_a_body():
    ents = org_phrases("وزار الوفد مقر الرابطة المارونية، وهاجم بيان للحزب الحاكم الجماعة الإسلامية.")
    assert [(e.text, e.canonical) for e in ents] == [
        ("الرابطة المارونية", "الرابطة المارونية"), ("حزب الحاكم", "الحزب الحاكم"),
        ("الجماعة الإسلامية", "الجماعة الإسلامية")]
    assert [e.canonical for e in org_phrases("وقال اللواء سالم الحداد إن")] != ["اللواء سالم الحداد"]
    # a stop word after و ends the chain too
    assert orgs("وتكبدت خسائر في صفوف الميليشيات واليوم حاولت التقدم.") == []


def test_organising_an_event_is_no_organisation():
    assert orgs("وأصرت النقابة على تنظيم المسيرة، ورفضت السلطات تنظيم اعتصام قرب البرلمان.") == []
    assert orgs("وتولت البلدية تنظيم العديد من الفعاليات، وتجمع عدد من الطلاب.") == []
    assert orgs("وتبنى تنظيم الدولة الهجوم.") == ["تنظيم الدولة"]


def test_a_journalist_is_named_after_the_role_and_the_outlet():
    from marsad.extraction.entities import _entity
    from marsad.extraction.person_names import _after_outlets
    from marsad.text.arabic import normalize, tokens

    text = 'وأصيب مصور قناة "الشروق" سامي يوسف ومراسل صحيفة الأيام خالد الحلبي بجروح.'
    toks = tokens(text)
    found = _after_outlets(text, toks, [normalize(t.text) for t in toks], [], _entity)
    assert [e.canonical for e in found] == ["سامي يوسف", "خالد الحلبي"]
    text = "ونقل مراسل وكالة الأنباء الألمانية عن شهود أن"            # no name after the outlet
    toks = tokens(text)
    assert _after_outlets(text, toks, [normalize(t.text) for t in toks], [], _entity) == []


def test_the_leader_a_force_belongs_to_is_a_person_and_a_tagged_place_is_no_third_name():
    from marsad.extraction.entities import _entity
    from marsad.extraction.person_names import _led_by
    from marsad.text.arabic import normalize, tokens

    text = "وسيطرت مجموعة موالية لخالد الشريف على المقر، وهاجم أنصار رئيس الحكومة الحاجز."
    toks = tokens(text)
    found = _led_by(text, toks, [normalize(t.text) for t in toks], [], _entity)
    assert [(e.text, e.canonical) for e in found] == [("خالد الشريف", "خالد الشريف")]
    found = find_entities("وهاجمت قوة بقيادة سالم الزوي المعسكر.")
    assert all(e.text != "سالم الزوي المعسكر" for e in found)


def test_how_a_person_spoke_or_whom_they_addressed_is_no_part_of_the_name():
    from marsad.ner.rule_fills import title_fill
    from marsad.text.lexicons import no_name_tail

    assert all(no_name_tail(w) for w in ("معتبرا", "مشيرا", "مضيفا", "المعتصمين", "المحتجون"))
    assert not any(no_name_tail(w) for w in ("ماريا", "مونيكا", "مصطفي", "الامين", "حسين"))
    words = "ونفى العقيد سلوم مشيرا إلى أن".split()
    assert title_fill(words, ["O"] * len(words))[2:4] == ["B-PER", "O"]
    words = "وقال إن الفريق كان متوجها إلى المدينة".split()
    assert title_fill(words, ["O"] * len(words)) == ["O"] * len(words)


def test_a_definite_medium_noun_names_an_outlet_only_with_its_nationality():
    from marsad.extraction.media_names import media_names

    found = media_names("ونقل التلفزيون السعودي الرسمي الخبر، وقالت الوكالة نقلا عن مصادر إن الصحيفة لم تنشر.")
    assert [e.canonical for e in found] == ["التلفزيون السعودي"]
    assert [e.canonical for e in media_names("وقال للتلفزيون الأردني إن")] == ["التلفزيون الأردني"]


def test_an_indefinite_adjective_after_a_place_noun_or_an_accusative_nationality_is_no_place():
    assert entities("وانفجرت عبوة في منطقة صناعية، وأصيب متظاهرا أردنيا في قرية حدودية.") == []


def test_a_place_noun_alone_is_no_place_and_its_name_keeps_a_leading_waw():
    found = entities("وقتل جنديان في إقليم وزيرستان الشمالي.")
    assert ("وزيرستان", "LOC") in found and all(name != "إقليم" for name, _ in found)


def test_an_indefinite_word_after_a_definite_one_ends_a_tagged_body():
    from marsad.extraction.name_shapes import definite_name_end

    def cut(m):
        return m[:definite_name_end(m)]

    assert cut("البنك الدولي روبرت") == "البنك الدولي"
    assert cut("الشرطة تفريق المحتجين") == "الشرطة"
    for name in ("الجبهة الشعبية لتحرير فلسطين", "تنظيم القاعدة في بلاد المغرب", "القوات المسلحة السودانية",
                 "المجلس الانتقالي الجنوبي", "جيش تحرير السودان"):
        assert cut(name) == name


def test_a_parliaments_committee_and_fuul_plurals_in_a_name_and_a_direction_after_a_place():
    assert orgs("وقالت لجنة الشؤون الخارجية في مجلس النواب إن وزارة شؤون المرأة ردت.") == \
        ["لجنة الشؤون الخارجية في مجلس النواب", "وزارة شؤون المرأة"]
    assert orgs("وعقدت لجنة التحقيق في المدينة اجتماعا.") == ["لجنة التحقيق"]
    assert ("لجنة حقوق الطفل في البرلمان الأردني", "ORG") in entities(
        "وقالت لجنة حقوق الطفل في البرلمان الأردني إن التقرير جاهز.")
    from marsad.extraction.org_phrases import landmark_phrases
    assert [e.text for e in landmark_phrases("وهبطت الطائرة في مطار عدن جنوب اليمن.")] == ["مطار عدن"]
    assert orgs("وقاتلت قوات دفاع جنوب السودان المتمردين.") == ["قوات دفاع جنوب السودان"]


def test_a_title_an_unknown_given_name_and_a_family_name_of_the_nisba_shape_are_a_person():
    from marsad.ner.rule_fills import title_fill

    words = "وأكد الإعلامي نشوان الحمادي أن البث توقف".split()
    assert title_fill(words, ["O"] * len(words))[2:4] == ["B-PER", "I-PER"]
    for text in ("وكشف الوزير أمس الرسمي أن", "وقال الرئيس مساء الثلاثاء إن", "وقال القائد العسكري الميداني إن"):
        words = text.split()
        assert title_fill(words, ["O"] * len(words)) == ["O"] * len(words)


def test_a_clause_initial_head_before_a_nominative_dual_is_a_verb():
    assert orgs("وتحالف الحزبان مع القوى المدنية قبل الانتخابات.") == []
    assert entities("وأعلن الحزب مقاطعة الانتخابات.") == []
