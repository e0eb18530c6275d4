"""The casualty vocabulary's word tests (extraction/casualty_words.py), on words and sentences written
for these tests."""
from __future__ import annotations

import pytest

from marsad.extraction.casualty_words import (
    another_incident,
    begins_another,
    more_people,
    new_victim,
)
from marsad.extraction.tolls import casualty_figures
from marsad.text.arabic import normalize


@pytest.mark.parametrize("word, expected", [
    ("آخرين", True), ("آخرون", True), ("أخريين", True), ("آخرتين", True),
    ("شخصين", False), ("الآخرين", False),
])
def test_more_people_are_others_besides_those_counted(word: str, expected: bool) -> None:
    assert more_people(normalize(word)) is expected


@pytest.mark.parametrize("word, expected", [
    ("آخر", True), ("أخرى", True), ("ثانية", True), ("ثالث", True), ("جديد", True),
    ("جديدا", False), ("آخر،", False), ("إخراج", False),
])
def test_another_incident_is_the_word_as_written(word: str, expected: bool) -> None:
    assert another_incident(normalize(word)) is expected


@pytest.mark.parametrize("word, expected", [
    ("جديدا", True), ("آخر،", True), ("ثانية", True), ("ثالثة.", True),
    ("عنيف", False), ("الجديد", False),
])
def test_begins_another_reads_the_adjective_with_its_ending(word: str, expected: bool) -> None:
    assert begins_another(normalize(word)) is expected


@pytest.mark.parametrize("joined", ["وآخر", "وثان", "وثالث"])
def test_another_incident_standing_for_its_noun_makes_a_sum(joined: str) -> None:
    text = f"قتل سبعة أشخاص في تفجير شاحنة مفخخة عند المدخل الشمالي {joined} بعبوة ناسفة قرب المدرسة."
    assert [(f.value, f.scope) for f in casualty_figures(text)] == [(7, joined)]


def test_others_after_a_joined_person_add_to_the_count() -> None:
    text = "أفاد مسعفون بمقتل جنديين عند الحاجز، وشخصين آخرين في السوق المركزي."
    assert [f.value for f in casualty_figures(text) if f.kind == "killed"] == [2, 2]


@pytest.mark.parametrize("word, expected", [
    ("مواطن", True), ("سائقها", True), ("آخر", False), ("الآخر", False), ("والآخر", False),
])
def test_new_victim_is_no_other_one_already_told(word: str, expected: bool) -> None:
    assert new_victim(normalize(word)) is expected


def test_the_other_of_a_pair_is_not_one_more() -> None:
    text = "أصيب شرطيان في انفجار عبوة ناسفة، وتوفي أحدهما لاحقا في المستشفى والآخر في حالة حرجة."
    assert [(f.kind, f.value) for f in casualty_figures(text)] == [("injured", 2)]
