"""Organisation names read from their Arabic shape (head noun + idafa chain), on sentences written for these tests."""
from __future__ import annotations

from marsad.extraction.entities import find_entities, known_actors, with_org_phrases
from marsad.extraction.org_phrases import org_phrases


def names(text: str) -> list[str]:
    return [e.canonical for e in org_phrases(text)]


def test_head_noun_with_definite_words_construct_nouns_and_places():
    assert names("وقال متحدث باسم جهاز الإنقاذ والإطفاء إن مستشفى البلدة المركزي استقبل جرحى.") == \
        ["جهاز الإنقاذ والإطفاء", "مستشفى البلدة المركزي"]
    assert names("وأكدت دائرة صحة ذي قار أن لجنة تنسيق المقاومة تابعت الحادث.") == \
        ["دائرة صحة ذي قار", "لجنة تنسيق المقاومة"]
    assert names("ونقل مركز حلب الإعلامي الخبر.") == ["مركز حلب الإعلامي"]


def test_chain_stops_at_verbs_prepositions_affiliations_and_a_second_body():
    assert names("وأعلنت وزارة الصحة المحلية والدفاع المدني الحصيلة.") == ["وزارة الصحة المحلية", "الدفاع المدني"]
    assert names("وقال مكتب الإعلام في المدينة إن وحدة الرصد التابعة للجيش وثقت الهجوم.") == \
        ["مكتب الإعلام", "وحدة الرصد"]
    # a verb before a definite word is no construct noun: "أعلن الحصيلة" is not part of the name
    assert names("وكان جهاز الطوارئ أعلن الحصيلة مساء أمس.") == ["جهاز الطوارئ"]
    # heads that are everyday words alone open nothing
    assert names("وأكد على أهمية الأمن والاستقرار وأن مفاوضات سرية جرت.") == []


def test_the_alef_of_lil_is_restored_and_the_proclitic_left_out():
    ents = org_phrases("وأطلقت النار على دورية للقوات الخاصة وبمقر وزارة الداخلية.")
    assert [(e.text, e.canonical) for e in ents] == [("قوات الخاصة", "القوات الخاصة"), ("وزارة الداخلية", "وزارة الداخلية")]


def test_phrases_replace_pieces_inside_them_and_the_dictionary_wins():
    text = "وقال مدير مستشفى الزاوية التعليمي إن قوات الدعم السريع قصفت المدينة."
    ents = known_actors(text, with_org_phrases(text, find_entities(text)))
    orgs = [(e.text, e.actor_id) for e in ents if e.type == "ORG"]
    assert ("مستشفى الزاوية التعليمي", None) in orgs and ("قوات الدعم السريع", "sd-rsf") in orgs
    assert not any(e.type == "LOC" and e.text == "الزاوية" for e in ents)   # a hospital's name is no place


def test_landmarks_are_places_but_events_are_coded_at_their_town():
    from marsad.extraction.org_phrases import landmark_phrases

    found = [e.text for e in landmark_phrases("تجمع المحتجون في ساحة الشهداء ثم ساروا إلى شارع الجمهورية قرب سد الموصل.")]
    assert found == ["ساحة الشهداء", "شارع الجمهورية", "سد الموصل"]
    assert landmark_phrases("وقتل عشرات الجنود في ساحة المعركة.") == []        # the battlefield, an idiom
    from marsad.model import RawItem
    from marsad.pipeline import process

    doc = process(RawItem("t", "t", "text", text="تقرير\nانفجرت سيارة مفخخة في ساحة الشهداء وسط مدينة الموصل صباح اليوم."))
    assert [e.location for e in doc.events] == ["الموصل"]


def test_a_provinces_seat_is_no_body_and_a_title_word_opens_no_name_before_a_particle():
    assert names("في مدينة الناصرية مركز محافظة ذي قار جنوب البلاد.") == []
    from marsad.extraction.entities import find_entities

    ents = find_entities("وذكر مركز حلب الإعلامي أن أكثر من أربعين عنصرا قتلوا.")
    assert not any(e.type == "PER" for e in ents)


def test_news_outlets_by_their_medium_noun_or_borrowed_tail():
    from marsad.extraction.media_names import media_names

    found = [e.canonical for e in media_names("ونقلت نبض نيوز عن مصدر، وقال لموقع 12 إن الوضع هادئ، بحسب صحيفة الأيام.")]
    assert found == ["نبض نيوز", "موقع 12", "صحيفة الأيام"]
    assert [e.canonical for e in media_names("وذكر موقع سلام أونلاين الإخباري")] == ["سلام أونلاين"]
    assert media_names("وقالت المصادر إن الهجوم وقع في عام 2024.") == []


def test_an_outlet_in_the_dateline_brackets_is_no_speaker():
    from marsad.model import RawItem
    from marsad.pipeline import process

    doc = process(RawItem("t", "t", "text", text="عنوان\nالموصل (نينوى24)- خاطبت وزارة النفط العراقية، اليوم، "
                                                   "الشركات العاملة، فيما أشارت إلى أن الإنتاج سيرتفع."))
    assert doc.dateline.text == "الموصل"
    assert [q.speaker_canonical for q in doc.quotes] in ([], ["وزارة النفط العراقية"])


def test_indefinite_plural_complements_anchored_by_a_definite_word_or_a_place():
    assert names("وأعلن تنظيم أنصار الدولة مسؤوليته، وقال مجلس شورى ثوار سرت إن عناصره انسحبوا.") == \
        ["تنظيم أنصار الدولة", "مجلس شورى ثوار سرت"]
    # an indefinite verb before a definite word is no complement, nor is a run that meets no name
    assert names("وكانت قوات قصفت المدينة أمس، وقال مجلس يضم خليطا من الفصائل إنه يرفض.") == []


def test_plural_heads_adjectival_bodies_and_division_names():
    assert names("وقالت لجان مقاومة كسلا إن المقاومة الوطنية ترفض قرار الحكومة السودانية.") == \
        ["لجان مقاومة كسلا", "المقاومة الوطنية", "الحكومة السودانية"]
    # a division noun before a known place is the place, not an office
    assert names("وسيطرت القوات على مديرية حريب.") == []


def test_a_description_after_the_name_is_left_out():
    assert names("ونقلت وكالة الأنباء السودانية الرسمية البيان.") == ["وكالة الأنباء السودانية"]


def test_a_person_inside_a_unit_or_landmark_name_and_a_head_read_as_a_name_give_way():
    text = "واشتبكت كتيبة أبو عبيدة مع مسلحين قرب جامع عمر المختار."
    ents = with_org_phrases(text, find_entities(text))
    got = {(e.type, e.canonical) for e in ents}
    assert ("ORG", "كتيبة أبو عبيدة") in got and ("LOC", "جامع عمر المختار") in got


def test_a_conjunction_spelled_like_a_name_does_not_continue_a_chain():
    # "بأن" normalises to بان (a personal name): it is the conjunction, and ends the phrase
    assert names("وأفاد بيان صادر عن الوزارة بأن الرجل أصيب بجروح.") == []


def test_a_name_ends_before_a_bi_al_word_that_says_where_it_is():
    from marsad.extraction.org_phrases import landmark_phrases
    assert [e.canonical for e in landmark_phrases("وانفجرت عبوة في شارع النصر بالعاصمة الليبية.")] == ["شارع النصر"]
    assert names("وقال جهاز الإسعاف بالمدينة إن الحصيلة ارتفعت.") == ["جهاز الإسعاف"]


def test_a_definite_noun_after_a_definite_word_is_the_verbs_object_not_the_name():
    # verb-subject-object: definiteness ends the idafa chain, so what follows is a new phrase
    assert names("وأطلقت قوات الأمن الغاز المسيل للدموع على المحتجين.") == ["قوات الأمن"]
    assert names("واعتقلت قوات الشرطة المتظاهرين قرب الجسر.") == ["قوات الشرطة"]
    assert names("وقصفت قوات المعارضة البلدة ليلا.") == ["قوات المعارضة"]
    # adjectives still belong to the name, participles and plain ones too, and coordinated nouns
    assert names("وأعلنت حركة العدل والمساواة أن قوات الدعم السريع وجماعة الإخوان المسلمين وقعت اتفاقا.") == \
        ["حركة العدل والمساواة", "قوات الدعم السريع", "جماعة الإخوان المسلمين"]
    assert names("وقالت القوات المسلحة النيجيرية إن قيادة الأركان العامة تتابع.") == \
        ["القوات المسلحة النيجيرية", "قيادة الأركان العامة"]
