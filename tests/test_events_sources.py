"""The town a source speaks from is not where the event it reports happened (sentences written for
these tests)."""
from __future__ import annotations

from tests.conftest import events_of


def test_a_sources_town_before_its_report_is_no_event_place():
    evs = events_of("وقال مصدر أمني في مدينة بنغازي إن مسلحين خطفوا موظفا أمس.")
    assert [e.location for e in evs] == ["ليبيا"] and evs[0].geo_precision == 3


def test_the_reported_clause_keeps_its_own_place():
    evs = events_of("قال مسؤول في مدينة حلب إن طائرات حربية قصفت قرية كفرنبل أمس.")
    assert [e.location for e in evs] == ["كفرنبل"]


def test_a_fronted_place_still_frames_the_report():
    assert [e.location for e in events_of("وفي مدينة بنغازي قال مصدر أمني إن مسلحين خطفوا موظفا أمس.")] == ["بنغازي"]


def test_a_place_that_only_describes_witnesses_is_not_dropped_by_this_rule():
    assert [e.location for e in events_of("وقال سكان في مدينة سرت إن انفجارا هز المدينة صباح اليوم.")] == ["سرت"]
