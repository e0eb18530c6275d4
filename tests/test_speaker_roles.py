"""A civil body that tells an event ("قالت وزارة الصحة إن غارة …") is its source, never its actor; an
armed one that reports its own act ("أعلن الجيش أنه قصف") stays the doer. Sentences written for these tests."""
from __future__ import annotations

from marsad.extraction.speaker_roles import tells
from marsad.model import RawItem
from marsad.pipeline import process


def actors_of(body: str) -> list[tuple]:
    doc = process(RawItem("t", "test", "jsonl", text="خبر اختباري\n" + body, meta={"published": "2026-05-10"}))
    assert doc.status == "ok", doc.error
    return [(e.actor1, e.actor2) for e in doc.events]


def test_a_ministry_telling_a_strike_is_neither_side_of_it():
    evs = actors_of("وقالت وزارة الصحة اللبنانية في بيان إن غارة على دراجة نارية في بلدة ميس الجبل أدت إلى "
                    "مقتل شخص أمس.")
    assert evs and all("وزارة" not in (a or "") and "وزارة" not in (b or "") for a, b in evs)


def test_police_telling_a_bombing_are_not_its_doer():
    evs = actors_of("قالت الشرطة النيجيرية أمس إن 12 شخصا قتلوا في انفجار عبوة ناسفة في سوق بمدينة كونديغا.")
    assert [a for a, _ in evs] != ["الشرطة النيجيرية"]


def test_an_armed_speaker_of_its_own_act_stays_the_doer():
    evs = actors_of("وأعلن الجيش الصومالي أنه شن غارة جوية على معسكر لحركة الشباب قرب بلدة جلب أمس.")
    assert [a for a, _ in evs] == ["الجيش الوطني الصومالي"]      # the dictionary's name


def test_tells_needs_a_speech_verb_and_a_bare_complement():
    text = "وقالت غرفة الطوارئ إن القذائف سقطت على المخيم."
    k = text.index("غرفة")
    assert tells(text, k, text.index("القذائف"))
    text2 = "وقصفت غرفة العمليات المشتركة مواقع المسلحين."
    assert not tells(text2, text2.index("غرفة"), len(text2))
