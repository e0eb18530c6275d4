"""Weapons named by two words (قنبلة يدوية، حزام ناسف), a market or square "in" a town (سوق ببغداد), and
a gathering an attack hits (وسط تجمع): sentences written for these tests."""
from __future__ import annotations

import pytest

from marsad.data import load_json
from marsad.text.arabic import normalize
from tests.conftest import events_of


@pytest.mark.parametrize("sentence", [
    "ألقى مسلحون قنبلة يدوية على منزل مسؤول محلي في مدينة البصرة أمس.",
    "انفجرت قنبلة يدوية في سوق شعبي بمدينة الموصل صباح اليوم.",
    "أصيب طفلان بانفجار قنابل يدوية ألقاها مجهولون على محل تجاري في كركوك.",
])
def test_a_hand_grenade_is_a_grenade(sentence):
    assert [e.sub_event_type for e in events_of(sentence)] == ["Grenade"]


def test_a_market_in_a_town_is_located_at_the_town():
    # ب + a known town after a landmark noun is "in", not the landmark's name
    assert [e.location for e in events_of("انفجرت عبوة ناسفة في سوق ببغداد صباح اليوم.")] == ["بغداد"]


@pytest.mark.parametrize("sentence, place", [
    ("فجر انتحاري يرتدي حزاما ناسفا نفسه وسط تجمع في مقديشو.", "مقديشو"),
    ("فجر انتحاري نفسه وسط تجمع للمصلين في مدينة بلدوين أمس.", "بلدوين"),
])
def test_a_gathering_an_attack_hits_is_its_target_not_a_protest(sentence, place):
    evs = events_of(sentence)
    assert [(e.sub_event_type, e.location) for e in evs] == [("Suicide bomb", place)]


def test_a_gathering_told_in_its_own_clause_is_still_a_protest():
    evs = events_of("انفجرت سيارة مفخخة في مدينة الحلة، وتجمع المئات في مدينة كربلاء أمس احتجاجا على تردي الأمن.")
    assert "Protests" in {e.event_type for e in evs}


def test_a_named_body_before_in_still_keeps_its_town_out():
    assert [e.location for e in events_of("قصف الجيش مواقع للمسلحين قرب بلدة تل رفعت، وقال مجلس النواب في طبرق إنه يدين القصف.")] \
        == ["تل رفعت"]


def test_no_trigger_phrase_repeats_a_word_across_its_slots():
    """"a|b" alternates words inside one slot: "قنبلة* يدوية*|قنابل يدوية" would read as three slots
    (قنبلة، يدوية|قنابل، يدوية) and never match; phrase alternatives are written per slot."""
    for phrase, *_ in load_json("events.json")["triggers"]:
        slots = [{normalize(a.rstrip("+~*=")).rstrip("ه") for a in w.split("|")} for w in phrase.split() if w != "…"]
        for k, slot in enumerate(slots):
            later = set().union(*slots[k + 1:]) if k + 1 < len(slots) else set()
            assert not slot & later, phrase


def test_a_weapon_used_in_a_targeting_told_as_a_noun_is_an_attack():
    # "استهداف سفينة … بصاروخين": the masdar tells the weapon's use as the verb استهدف does
    evs = events_of("أعلنت جماعة الحوثي استهداف سفينة تجارية في البحر الأحمر بصاروخين باليستيين أمس.")
    assert [(e.sub_event_type, e.location, e.actor1) for e in evs] == \
        [("Shelling/artillery/missile attack", "البحر الأحمر", "جماعة الحوثي")]
