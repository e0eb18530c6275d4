"""A wire roundup moving to another country ("وفي بوركينا فاسو، …") locates the towns of that paragraph
there, not at a namesake in the article's main country; sentences written for these tests."""
from __future__ import annotations

from marsad.extraction.home_country import country_named_before
from marsad.model import Entity, RawItem
from marsad.pipeline import process


def places_of(body: str) -> list[tuple]:
    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\n" + body, meta={"published": "2026-05-10"}))
    assert doc.status == "ok", doc.error
    return [(e.location, e.country) for e in doc.events]


MAIN = ("تظاهر مئات الطلاب في مدينة زيندر بالنيجر أمس احتجاجا على غلاء الأسعار، وتجمع آخرون في مدينة "
        "مارادي للمطالبة بالإفراج عن زملائهم. ")


def test_a_town_of_the_country_the_paragraph_names_is_located_there():
    body = MAIN + "\nوفي بوركينا فاسو، قتل مسلحون ثمانية رعاة في هجوم قرب مدينة دوري شمالي البلاد أمس."
    assert ("دوري", "Burkina Faso") in places_of(body)


def test_only_a_country_named_earlier_in_the_same_sentence_counts():
    text = "وصل الوزير إلى بوركينا فاسو أمس. وقتل مسلحون ثمانية رعاة قرب مدينة دوري. وفي بوركينا فاسو هاجموا دوري."
    town1, town2 = (Entity("دوري", "LOC", k, k + 4) for k in (text.index("دوري"), text.rindex("دوري")))
    ents = [Entity("بوركينا فاسو", "LOC", k, k + 12) for k in (text.index("بوركينا"), text.rindex("بوركينا"))]
    assert country_named_before(text, ents, town1, "BF") == 0
    assert country_named_before(text, ents, town2, "BF") == 1
    assert country_named_before(text, ents, town2, "NE") == 0


def test_the_most_specific_place_of_a_chain_before_the_trigger():
    # the places come before the trigger: the village the chain locates, not the state that ends it
    evs = places_of("وفي قرية ود عشيب بمحلية الكاملين في ولاية الجزيرة، اختطف مسلحون عشرة مزارعين أمس.")
    assert [loc for loc, _ in evs] == ["ود عشيب"]


def test_a_nationality_adjective_is_no_head_of_a_chain():
    from marsad.extraction.place_runs import locates

    text = "أغرقت البحرية الهندية في خليج عدن زورقا"
    inner = Entity("الهندية", "LOC", text.index("الهندية"), text.index("الهندية") + 7)
    outer = Entity("خليج عدن", "LOC", text.index("خليج"), text.index("خليج") + 8)
    assert not locates(text, inner, outer)
    text2 = "قرية ود عشيب بمحلية الكاملين"
    assert locates(text2, Entity("ود عشيب", "LOC", 5, 12), Entity("الكاملين", "LOC", 20, 28))


def test_an_anaphor_points_back_to_the_most_specific_place_of_a_chain():
    from marsad.extraction.place_runs import referent

    text = "هاجموا قرية ود عشيب بمحلية الكاملين في ولاية الجزيرة، وخطفوا العشرات، وفق سكان في المنطقة."
    ents = [Entity(n, "LOC", text.index(n), text.index(n) + len(n)) for n in ("ود عشيب", "الكاملين", "الجزيرة")]
    assert [p.text for p in referent(text, ents, "المنطقه", 0)] == ["ود عشيب"]


def test_a_fronted_place_after_an_undated_dateline_frames_the_sentence():
    from marsad.model import RawItem
    from marsad.pipeline import process

    doc = process(RawItem("t", "t", "text", text="تقرير\nرام الله - وفي بلدة عزون شرق قلقيلية، أصيب شاب برصاص حي "
                                                "خلال مواجهات اندلعت مع قوات الاحتلال عقب اقتحامها البلدة."))
    assert [e.location for e in doc.events] == ["عزون"]


def test_the_town_anaphor_takes_back_the_town_its_sentence_introduced():
    from marsad.model import RawItem
    from marsad.pipeline import process

    doc = process(RawItem("t", "t", "text", text="تقرير\nوفي مدينة الموصل (400 كلم شمال بغداد)، انفجرت سيارة "
                                                "مفخخة استهدفت دورية للشرطة وسط المدينة."))
    assert [e.location for e in doc.events] == ["الموصل"]
