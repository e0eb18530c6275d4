"""Two victims written as the dual of a noun whose plural is broken (شابين، شخصين، طفلين: no plural is
written so) count two as a killing verb's object past its doer; an ambiguous -ين (مدنيين) does not. A
definite armed head takes no indefinite word after it ("القوات | جنديين"). Sentences written for these tests."""
from __future__ import annotations

from tests.conftest import events_of


def test_a_dual_object_past_the_doer_counts_two():
    [e] = events_of("قتل مسلحون مجهولون شابين في قرية قرب مدينة بانياس ليل أمس.")
    assert (e.fatalities, e.actor1) == (2, "مسلحون مجهولون")


def test_a_sound_plural_written_like_a_dual_is_no_count():
    [e] = events_of("قتل مسلحون مجهولون مدنيين في قرية قرب مدينة بانياس ليل أمس.")
    assert e.fatalities is None


def test_a_definite_head_ends_before_an_indefinite_word():
    [e] = events_of("قتلت القوات طفلين في قصف على قرية قرب مدينة بانياس أمس.")
    assert e.actor1 != "القوات طفلين" and e.fatalities == 2


def test_a_killing_with_its_own_doer_lends_no_dead_to_the_sentence_before():
    events = events_of("ونظم أهالي مدينة شهبا وقفة احتجاجية اليوم مطالبين بالإفراج عن المعتقلين. "
                       "وفي ريف اللاذقية، قتل مسلحون مجهولون شابين في قرية قرب مدينة جبلة ليل أمس.")
    [protest] = [e for e in events if e.event_type == "Protests"]
    assert (protest.sub_event_type, protest.fatalities) == ("Peaceful protest", None)
