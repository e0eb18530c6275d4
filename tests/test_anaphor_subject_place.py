"""An event whose sentence names its place only by a back-reference in its subject ("ونظم أهالي المدينة
وقفة") is at the place that word points back to, the one the article named before (placeless).
Sentences written for these tests."""
from __future__ import annotations

from tests.conftest import events_of


def test_the_people_of_the_town_protest_where_the_story_named_it():
    [e] = [e for e in events_of("شهدت مدينة الكوت توترا أمس بعد انقطاع الكهرباء. ونظم أهالي المدينة وقفة "
                                "احتجاجية اليوم أمام مبنى المحافظة مطالبين بتحسين الخدمات.") if e.event_type == "Protests"]
    assert (e.location, e.country) == ("الكوت", "Iraq")


def test_a_back_reference_that_is_not_the_subject_of_the_trigger_points_nowhere():
    # "القرية المجاورة": a village beside the town, not the town itself
    events = events_of("شهدت مدينة الكوت توترا أمس بعد انقطاع الكهرباء. وقال سكان إن القرية المجاورة شهدت "
                       "اعتصاما لعمال النفط اليوم.")
    assert [e.location for e in events if e.event_type == "Protests"] == ["العراق"]


def test_the_sources_town_is_the_events_when_the_event_points_back_to_it():
    [e] = events_of("قالت مصادر طبية في مدينة الضعين إن ستة مدنيين قتلوا أمس في قصف مدفعي على سوق المدينة.")
    assert e.location == "الضعين"


def test_the_sources_town_is_not_the_events_otherwise():
    [e] = events_of("قال مصدر أمني في مدينة كركوك إن مسلحين خطفوا مهندسا في قضاء الحويجة أمس.")
    assert e.location == "الحويجة"
