"""Place nouns with a describing adjective (حي سكني، مجمع تجاري) name no place; a foreign two-word name
after its place noun stays whole; a complementizer ends a place name. Sentences written for these tests."""
from __future__ import annotations

from marsad.model import RawItem
from marsad.pipeline import process


def places_of(body: str) -> list[str]:
    doc = process(RawItem("t", "test", "text", text="تقرير اختباري عن الأحداث\n" + body))
    return [e.text for e in doc.entities if e.type == "LOC"]


def test_a_relative_adjective_after_a_place_noun_is_no_place():
    locs = places_of("وسقطت قذيفة على مجمع تجاري في حي سكني بمدينة حمص، وتضرر مبنى حكومي قريب.")
    assert any("حمص" in x for x in locs)
    assert not {"تجاري", "سكني", "حكومي"} & set(locs)


def test_an_unknown_name_ending_like_an_adjective_stays_a_place():
    assert "زهاري" in places_of("وقتل ثلاثة مدنيين في منطقة زهاري بولاية قندهار جنوبي البلاد.")


def test_a_two_word_foreign_name_after_its_place_noun_is_kept_whole():
    locs = places_of("وشنت طائرات مسيرة غارة على مدينة بولو بوردي الصومالية فجر اليوم.")
    assert "بولو بوردي" in locs


def test_a_complementizer_ends_a_place_name_after_a_role():
    locs = places_of("وقال آمر منطقة باب العزيزية إن القوات انسحبت من الشوارع صباح اليوم.")
    assert not any("إن" in x.split() for x in locs)


def test_a_second_name_word_the_tagger_read_apart_joins_the_first():
    locs = places_of("واستعادت القوات ثلاث قرى قرب مدينة بولو بوردي.\nوتظاهر المئات في مدينة يوزنو ساخالينسك الروسية.")
    assert "بولو بوردي" in locs and "يوزنو ساخالينسك" in locs
    assert not {"وردي", "بوردي"} & set(locs)


def test_a_known_place_after_a_place_noun_stays_its_own_name():
    locs = places_of("واختطف مسلحون حاكم منطقة بشرق أفغانستان، وقتلوا اثنين من حراسه.")
    assert not any(" " in x and "أفغانستان" in x for x in locs)


def test_whom_a_camp_is_for_is_no_place():
    locs = places_of("واحترقت عشرات الخيام في مخيم للاجئين قرب مدينة غوما، ونقل الجرحى إلى مأوى للمهجرين.")
    assert any("غوما" in x for x in locs)
    assert not {"للاجئين", "للمهجرين"} & set(locs)
