"""Two ways news tells a shooting that the rules missed. A day phrase set off by commas between a
casualty and its cause ("استشهد شاب، فجر اليوم الأحد، برصاص الجيش") does not use up the words a rule
may skip, so the raid told beside it is not what the sentence reports. And "عملية إطلاق نار|طعن|دهس"
is an attack: on settlers or passers-by violence against civilians, on a checkpoint a battle.
Sentences written for these tests."""
from __future__ import annotations

from tests.conftest import events_of as reported


def events_of(body: str) -> list[tuple]:
    return [(e.event_type, e.sub_event_type, e.location, e.actor1, e.fatalities) for e in reported(body, "2026-05-10")]


def test_a_day_phrase_between_a_death_and_its_bullet():
    found = events_of("استشهد شاب فلسطيني، فجر اليوم الأحد، برصاص الجيش الإسرائيلي خلال اقتحام البلدة القديمة في "
                      "طولكرم شمالي الضفة الغربية، وفق وزارة الصحة الفلسطينية.")
    assert found == [("Violence against civilians", "Attack", "طولكرم", "الجيش الإسرائيلي", 1)]


def test_a_shooting_operation_on_a_settlement_is_an_attack_on_civilians():
    found = events_of("أعلنت سرايا القدس مسؤوليتها عن عملية إطلاق نار استهدفت مستوطنة قرب مدينة سلفيت أمس، "
                      "وأسفرت عن إصابة مستوطن بجروح.")
    assert [f[:3] for f in found] == [("Violence against civilians", "Attack", "سلفيت")]


def test_a_ramming_at_a_checkpoint_is_a_battle():
    found = events_of("نفذ فلسطيني عملية دهس عند حاجز عسكري قرب مدينة الخليل أمس، ما أدى إلى إصابة جنديين.")
    assert [f[:3] for f in found] == [("Battles", "Armed clash", "الخليل")]
