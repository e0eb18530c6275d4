"""A killing verb whose doer, an armed group named in full with its region or affiliation, stands
between it and the count of its victims (written for these tests)."""
from __future__ import annotations

import pytest

from tests.conftest import events_of


@pytest.mark.parametrize("body, dead", [
    ("قتل مسلحون من تنظيم الدولة الإسلامية في غرب أفريقيا 12 مزارعا في قرية قرب مدينة مايدوغوري، الأحد.", 12),
    ("أعدم مسلحون ينتمون إلى جماعة أنصار الإسلام في شمال بوركينا 9 رعاة قرب بلدة جيبو، السبت.", 9),
])
def test_the_count_after_a_long_doer_is_the_verbs_victims(body, dead):
    assert [e.fatalities for e in events_of(body)] == [dead]


def test_a_count_far_from_any_killing_verb_is_no_victims():
    body = "هاجم مسلحون من تنظيم الدولة الإسلامية في غرب أفريقيا أمس قاعدة عسكرية تضم 300 جندي في بلدة مونغونو."
    assert [e.fatalities for e in events_of(body)] in ([None], [0], [])
