"""Names announced by their class noun (quoted or not), on sentences written for these tests."""
from __future__ import annotations

from marsad.extraction.head_names import after_place_noun, named_people, quoted_names
from marsad.model import Entity, RawItem
from marsad.pipeline import process


def found(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.canonical) for e in quoted_names(text)}


def test_a_quoted_name_after_a_place_noun_and_the_list_it_opens_are_places():
    text = "وهاجم مسلحون قرى “الشقيق”، “أم سنطة” و”الرهد” ثم انسحبوا إلى منطقتي \"الكرمك\" شرقا."
    assert found(text) == {("LOC", "الشقيق"), ("LOC", "أم سنطة"), ("LOC", "الرهد"), ("LOC", "الكرمك")}


def test_a_quoted_name_after_a_news_medium_or_told_to_is_the_outlet():
    text = "وبحسب موقع \"عاين نيوز\" الإخباري، قال مصدر عسكري لـ«النهار العربي» إن القصف توقف."
    assert found(text) == {("ORG", "عاين نيوز"), ("ORG", "النهار العربي")}


def test_a_quoted_name_after_an_organisation_head_names_the_whole_body():
    text = "وقالت لجنة مقاومة \"الكاملين\" إن غرفة عمليات “الفتح المبين” وثقت الخروقات، بحسب مكتب “توثيق الانتهاكات في حمص”."
    assert found(text) == {("ORG", "لجنة مقاومة الكاملين"), ("ORG", "غرفة عمليات الفتح المبين"),
                           ("ORG", "مكتب توثيق الانتهاكات في حمص")}


def test_speech_and_a_quoted_town_after_a_body_are_left_alone():
    # a quotation is no name; "جامعة “الخرطوم”" keeps the town a place
    assert found("وقال المتحدث إن \"الوضع الأمني في المدينة مستقر تماما الآن\".") == set()
    assert found("وقتل طالبان في جامعة “الخرطوم” أمس.") == set()


def test_the_verb_of_naming_introduces_a_person():
    text = "وأوضحت المصادر أن القتيل يدعى كاوا، وأن الجريحة تدعى سعاد حمدان وتعمل معلمة."
    assert [e.canonical for e in named_people(text)] == ["كاوا", "سعاد حمدان"]


def test_an_entity_right_after_a_singular_place_noun_is_a_place():
    text = "وهاجمت القوة قرية ود عشانا ثم مدينة الحلفايا."
    s = text.index("ود عشانا")
    e = after_place_noun(text, [Entity("ود عشانا", "PER", s, s + len("ود عشانا"), canonical="ود عشانا")])
    assert e[0].type == "LOC"
    s = text.index("القوة")                   # not after a place noun: left as it was
    e = after_place_noun(text, [Entity("القوة", "ORG", s, s + 5, canonical="القوة")])
    assert e[0].type == "ORG"


def test_end_to_end_the_announced_names_reach_the_article_entities():
    doc = process(RawItem("t", "test", "jsonl", text="تقرير اختباري\n" + "قالت لجنة مقاومة \"الطندب\"، اليوم الأحد، إن مسلحين هاجموا قرية \"العزازي\" وقتلوا مزارعا "
                  "يدعى حامد الطيب، وفق ما نقل موقع \"بلادي أونلاين\"."))
    got = {(e.type, e.canonical) for e in doc.entities}
    assert {("ORG", "لجنة مقاومة الطندب"), ("LOC", "العزازي"), ("PER", "حامد الطيب"),
            ("ORG", "بلادي أونلاين")} <= got


def test_a_dual_place_noun_names_two_places_and_a_village_keeps_its_adjective():
    from marsad.extraction.head_names import dual_places, with_place_names
    text = "وسقطت قذائف على قريتي بيرموس العليا وبيرموس السفلى، ثم على منطقتي الشيخ بدر ومشروع الهامة حيث احترقت منازل."
    assert [e.canonical for e in dual_places(text)] == ["بيرموس العليا", "بيرموس السفلى", "الشيخ بدر", "مشروع الهامة"]
    s = text.index("بيرموس")
    got = with_place_names(text, [Entity("يرموس", "LOC", s + 1, s + 6, canonical="يرموس")])
    assert [e.canonical for e in got][:2] == ["بيرموس العليا", "بيرموس السفلى"]


def test_after_a_plural_place_noun_the_first_listed_name_is_a_place_up_to_the_next_wa():
    text = "وسيطرت القوات على مناطق عين الفيل ووادي الحمر قرب المدينة."
    s = text.index("عين الفيل")
    e = after_place_noun(text, [Entity("عين الفيل ووادي", "ORG", s, s + len("عين الفيل ووادي"))])
    assert (e[0].type, e[0].text) == ("LOC", "عين الفيل")


def test_a_name_after_a_place_noun_keeps_a_first_letter_that_looks_like_a_preposition():
    from marsad.extraction.entities import find_entities
    got = {e.canonical for e in find_entities("وقصفت الطائرات قرية بيرموس التابعة لناحية كاني ماسي.") if e.type == "LOC"}
    assert "يرموس" not in got
    # a real preposition after an indefinite place noun is still cut: "قرية بشمال كردفان"
    got = {e.canonical for e in find_entities("وهاجم مسلحون قرية بشمال كردفان أمس.") if e.type == "LOC"}
    assert "شمال كردفان" in got


def test_place_nouns_with_their_number_come_from_the_lexicon_duals_and_clitics_included():
    from marsad.text import lexicons as lx
    from marsad.text.arabic import normalize

    number = {w: lx.place_noun(normalize(w)) for w in ("وبلدة", "قرى", "لمحافظتي", "مدرسة", "بالريف")}
    assert number == {"وبلدة": "singular", "قرى": "plural", "لمحافظتي": "dual", "مدرسة": None, "بالريف": "plural"}
    assert normalize("ولاية") in lx.division_nouns() and normalize("مدينة") not in lx.division_nouns()


def test_an_administrative_noun_and_a_status_adjective_stay_out_of_the_canonical_name():
    from marsad.extraction.entities import _entity

    text = "أعلنت سلطات ولاية النيل الأزرق أن هيئة الإذاعة الوطنية الرسمية بثت البيان."
    start = text.index("ولاية")
    assert _entity(text, start, start + len("ولاية النيل الأزرق"), "LOC").canonical == "النيل الأزرق"
    start = text.index("هيئة")
    org = _entity(text, start, start + len("هيئة الإذاعة الوطنية الرسمية"), "ORG")
    assert org.text == "هيئة الإذاعة الوطنية"


def test_a_place_named_after_a_man_keeps_his_first_name():
    """"بمرتفعات حسن شام"، "قرية عمر آغا": the first word is a man's name, which the tagger leaves out;
    after a place noun (terrain nouns too: مرتفعات، تلال، تلة، هضبة) it belongs to the place."""
    doc = process(RawItem("t", "t", "text", text="تقرير\nوتحصنت القوات بمرتفعات حسن طاهر، فيما قصفت المدفعية "
                                                 "قرية عمر آغا قرب الحدود."))
    places = {e.text for e in doc.entities if e.type == "LOC"}
    assert {"حسن طاهر", "عمر آغا"} <= places
    # a man's name after anything else stays his
    doc = process(RawItem("t", "t", "text", text="تقرير\nوقال الشيخ حسن طاهر إن القصف توقف."))
    assert not any(e.type == "LOC" and "حسن" in e.text for e in doc.entities)
