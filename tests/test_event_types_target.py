"""An attack typed by its object: on civilians Violence against civilians, on soldiers, barracks or a
checkpoint a Battle (sentences written for these tests)."""
from __future__ import annotations

import pytest

from marsad.model import RawItem
from marsad.pipeline import process


def types_of(body: str) -> list[tuple]:
    doc = process(RawItem(doc_id="t", source="t.txt", fmt="txt", text="عنوان\n\n" + body))
    return [(e.event_type, e.sub_event_type) for e in doc.events]


def test_armed_men_attacking_a_barracks_or_soldiers_fight_a_battle():
    assert types_of("هاجم مسلحون ثكنة عسكرية في مدينة كيدال شمال مالي فجر الأحد.") == [("Battles", "Armed clash")]
    assert types_of("قتل مسلحون مجهولون ثلاثة جنود عند حاجز أمني قرب مدينة العريش.") == [("Battles", "Armed clash")]


def test_armed_men_attacking_a_village_or_civilians_is_violence_against_civilians():
    assert types_of("هاجم مسلحون مجهولون قرية في ولاية زمفرة وقتلوا عشرة من سكانها.") == \
        [("Violence against civilians", "Attack")]
    # a checkpoint named only as where civilians were shot is not the target
    assert types_of("قتل مسلحون ثلاثة مدنيين قرب حاجز للجيش في مدينة درعا.") == \
        [("Violence against civilians", "Attack")]


def test_a_post_is_a_military_target_when_the_word_after_it_says_so():
    assert types_of("قتل مسلحون جنديين في هجوم على نقطة تفتيش في مدينة الرمادي.") == [("Battles", "Armed clash")]
    assert types_of("هاجم مسلحون مقرا عسكريا في مدينة الرمادي.") == [("Battles", "Armed clash")]
    assert types_of("هاجم مسلحون نقطة طبية في مدينة الرمادي وقتلوا ممرضين.") == \
        [("Violence against civilians", "Attack")]


def test_the_object_after_armed_men_is_not_part_of_their_name():
    from marsad.model import RawItem
    from marsad.pipeline import process

    doc = process(RawItem(doc_id="t", source="t.txt", fmt="txt",
                          text="عنوان\n\nقتل مسلحون سوريون جنديين في مدينة الرمادي."))
    assert [e.actor1 for e in doc.events] == ["مسلحون سوريون"]
    doc = process(RawItem(doc_id="t", source="t.txt", fmt="txt",
                          text="عنوان\n\nاشتباكات بين الجيش ومسلحين مجهولين في مدينة درعا."))
    assert [e.actor2 for e in doc.events] == ["مسلحين مجهولين"]


def test_an_attack_on_the_areas_people_live_in_is_on_civilians_unless_they_are_an_armed_sides():
    assert set(types_of("هاجمت ميليشيا مسلحة مناطق حلة الشيخ والقوز جنوب مدينة الأبيض.")) == \
        {("Violence against civilians", "Attack")}
    assert types_of("هاجمت قوات الجيش مناطق تمركز المتمردين جنوب مدينة الأبيض.") == [("Battles", "Armed clash")]


@pytest.mark.parametrize("body", [
    "أطلقت طائرة مسيرة صاروخين على سيارة في مديرية الصومعة بمحافظة البيضاء أمس الخميس.",
    "وكانت طائرة بدون طيار قد أطلقت صاروخا على منزل في بلدة ميرانشاه مساء أمس.",
    "أطلقت مروحيات قتالية صواريخ على مواقع المسلحين في جبل الزاوية أمس.",
])
def test_a_missile_an_aircraft_fires_is_an_air_strike(body):
    assert [sub for _, sub in types_of(body)] == ["Air/drone strike"]


def test_a_missile_from_the_ground_stays_a_missile_attack():
    assert [sub for _, sub in types_of("وأطلقت الجماعة صاروخا باليستيا على مدينة مأرب أمس.")] \
        == ["Shelling/artillery/missile attack"]
