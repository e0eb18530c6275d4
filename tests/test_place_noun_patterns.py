"""The rules that read a place noun inside a pattern take every noun of lexicon/place_nouns.tsv
(marsad.text.lexicons.place_noun_pattern), not a hand-typed handful: a fronted locative opened by any
division ("وفي قضاء X،"، "وفي ناحية X،") frames the sentence, and a place "الواقع في بلدة Y" is in Y.
Reports written for these tests."""
from __future__ import annotations

import re

from marsad.text.lexicons import place_noun_pattern
from tests.conftest import events_of


def _placed(body: str) -> list[tuple]:
    return [(e.location, e.admin1, e.geo_precision) for e in events_of(body)]


def test_the_pattern_holds_every_noun_of_its_number_and_kind():
    singular = re.compile(rf"(?:{place_noun_pattern('singular')})")
    for noun in ("ناحيه", "قضاء", "بلده", "مخيم", "حي", "مقاطعه"):
        assert singular.fullmatch(noun)
    assert not singular.fullmatch("قري")                  # a plural
    division = re.compile(rf"(?:{place_noun_pattern('singular', 'division')})")
    assert division.fullmatch("ناحيه") and not division.fullmatch("مدينه")


def test_a_fronted_locative_with_any_division_noun_places_the_sentence():
    assert _placed("وفي قضاء الزبير، قتل مسلحون مجهولون موظفا حكوميا أمام منزله مساء أمس.") == [
        ("الزبير", "البصرة", 1)]
    assert _placed("وفي ناحية النهروان (جنوب شرق العاصمة)، أعلن مصدر أمني «إصابة ثلاثة من عناصر الشرطة في "
                   "هجوم مسلح استهدف حاجزا على الطريق العام».")[0][:2] == ("النهروان", "بغداد")


def test_a_place_said_to_lie_in_a_town_takes_the_towns_province():
    assert _placed("انفجرت عبوة ناسفة قرب سوق شعبي في حي الضباط الواقع في بلدة المقدادية، مما أدى إلى "
                   "مقتل رجلين.") == [("الضباط", "ديالى", 2)]
