"""A force announcing the enemies it killed (sentences written for these tests): the dead after مقتل are
the target, not the doer; a numeral after its noun counts it (إرهابيين اثنين); a bare "الجيش" is an
army, never the group whose men it killed."""
from __future__ import annotations

import pytest

from tests.conftest import events_of


@pytest.mark.parametrize("sentence, killed", [
    ("أعلن الجيش العراقي مقتل إرهابيين اثنين بضربة جوية جنوب كركوك أمس.", 2),
    ("أعلن الجيش مقتل خمسة مسلحين في ضربة جوية قرب مدينة الموصل أمس.", 5),
])
def test_the_announced_dead_are_counted_and_are_no_doer(sentence, killed):
    [ev] = events_of(sentence)
    assert ev.fatalities == killed
    assert ev.actor1 and "الجيش" in ev.actor1


def test_the_dead_after_a_casualty_noun_are_the_target():
    [ev] = events_of("أعلن الجيش مقتل مسلحين في ضربة جوية قرب مدينة الموصل أمس.")
    assert (ev.actor1, ev.actor2) == ("الجيش", "مسلحين")


def test_a_bare_army_is_not_the_group_whose_leaders_it_killed():
    [ev] = events_of("أعلن الجيش مقتل قياديين اثنين في تنظيم داعش بضربة جوية جنوب كركوك أمس.")
    assert ev.actor1 == "الجيش" and ev.actor2 == "تنظيم الدولة الإسلامية" and ev.fatalities == 2
