"""The verb of a clash (اشتبك، اشتبكت، اشتبكوا) reports an armed clash as its nouns do, its subject the
first side; protesters or fans clashing are left to the protest rules (a riot, not a battle).
Sentences written for these tests."""
from __future__ import annotations

from tests.conftest import events_of as reported


def events_of(body: str) -> list[tuple]:
    return [(e.event_type, e.sub_event_type, e.actor1, e.location) for e in reported(body)]


def test_a_force_clashing_with_a_group_is_an_armed_clash():
    assert events_of("واشتبكت قوات الدعم السريع مع الجيش السوداني في محيط مدينة الأبيض صباح اليوم.") == [
        ("Battles", "Armed clash", "قوات الدعم السريع", "الأبيض")]


def test_the_subject_before_the_verb_is_the_first_side():
    [(kind, _, doer, place)] = events_of("وأفاد شهود بأن عناصر من حركة الشباب اشتبكوا مع القوات الصومالية "
                                         "قرب بلدة أفجوي أمس.")
    assert (kind, doer, place) == ("Battles", "حركة الشباب", "أفجوي")


def test_protesters_clashing_with_police_are_no_battle():
    assert all(kind != "Battles" for kind, *_ in events_of(
        "واشتبك المتظاهرون مع قوات الأمن في ساحة التحرير وسط بغداد بعد ظهر اليوم."))
