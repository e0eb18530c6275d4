"""A takeover's other side told by the fight before it (بعد معارك مع X), and a town a sentence's subject
locates relative to another (مدينة X غرب العاصمة Y): sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.conftest import events_of


@pytest.mark.parametrize("sentence, sides", [
    ("أعلنت قوات الدعم السريع أمس سيطرتها على بلدة أم صميمة بعد معارك عنيفة مع الجيش السوداني.",
     ("قوات الدعم السريع", "الجيش السوداني")),
    ("استعاد الجيش السوداني أمس السيطرة على مدينة بارا إثر اشتباكات مع قوات الدعم السريع.",
     ("الجيش السوداني", "قوات الدعم السريع")),
])
def test_a_takeover_takes_its_other_side_from_the_fight_told_with_it(sentence, sides):
    [ev] = events_of(sentence)
    assert (ev.actor1, ev.actor2) == sides


def test_an_ally_after_with_is_no_other_side():
    [ev] = events_of("سيطرت قوات الدعم السريع أمس على بلدة أم صميمة بالتعاون مع قوات الحركة الشعبية.")
    assert ev.actor2 is None


@pytest.mark.parametrize("sentence, place", [
    ("شهدت مدينة الزاوية غرب العاصمة طرابلس، مساء الأحد، اشتباكات مسلحة بين مجموعتين مسلحتين.", "الزاوية"),
    ("نظم العشرات من أهالي بلدة تلكلخ غرب حمص، اليوم، وقفة احتجاجية على انقطاع الكهرباء.", "تلكلخ"),
])
def test_the_subjects_town_is_the_one_a_direction_locates_from(sentence, place):
    assert [e.location for e in events_of(sentence)] == [place]
