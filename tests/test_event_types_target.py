"""An attack typed by its object: on civilians Violence against civilians, on soldiers, barracks or a
checkpoint a Battle (sentences written for these tests)."""
from __future__ import annotations

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
