"""A crowd fighting is a riot: any clash (flag clash, verb or noun) whose sentence names protesters, sit-in
holders or fans (data/events.json, clash_crowds) is Riots / Violent demonstration, never an armed clash;
whether it is reported stays the protest rules' (crowds.crowd_acts). Sentences written for these tests."""
from __future__ import annotations

from tests.conftest import events_of as reported


def kinds(body: str) -> list[tuple]:
    return [(e.event_type, e.sub_event_type, e.actor1) for e in reported(body)]


def test_protesters_who_gathered_then_clashed_riot():
    assert kinds("وتجمع المحتجون أمام مبنى المحافظة في البصرة صباح اليوم، ثم اشتبكوا مع قوات الأمن.") == [
        ("Riots", "Violent demonstration", "المحتجون")]


def test_a_clash_noun_beside_a_march_makes_it_a_riot():
    assert kinds("وخرج مئات المعتصمين في مسيرة بمدينة الكوت اليوم مطالبين بفرص عمل، واندلعت صدامات بينهم "
                 "وبين الشرطة.") == [("Riots", "Violent demonstration", "المعتصمين")]


def test_fans_or_protesters_clashing_are_never_a_battle():
    for body in ("اشتبك مشجعون مع الشرطة خارج ملعب في مدينة وهران مساء أمس.",
                 "واشتبك المتظاهرون مع قوات الأمن في ساحة الخلاني وسط بغداد بعد ظهر اليوم.",
                 "اندلعت مواجهات بين المحتجين وقوات الأمن في مدينة الديوانية اليوم."):
        assert all(kind != "Battles" for kind, *_ in kinds(body)), body
