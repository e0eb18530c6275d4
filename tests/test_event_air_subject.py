"""A shelling verb whose subject, right after it (Arabic's verb-first order), is an aircraft is an air
or drone strike (written for these tests)."""
from __future__ import annotations

import pytest

from tests.conftest import events_of


@pytest.mark.parametrize("body", [
    "قصفت طائرة تركية مسيرة، أمس، سيارة قرب مدينة القامشلي.",
    "قصفت مقاتلات روسية مواقع للفصائل في ريف إدلب الجنوبي، اليوم.",
])
def test_an_aircraft_after_the_verb_makes_an_air_strike(body):
    assert {e.sub_event_type for e in events_of(body)} == {"Air/drone strike"}


def test_artillery_after_the_verb_stays_shelling():
    body = "قصفت مدفعية النظام بلدة كنصفرة في ريف إدلب الجنوبي، اليوم."
    assert {e.sub_event_type for e in events_of(body)} == {"Shelling/artillery/missile attack"}


def test_the_body_a_strike_is_reported_by_after_hasabama_is_no_side():
    body = "قصفت طائرة أمريكية مسيرة، أمس، مخبأ قرب بلدة بوصاصو، حسبما أعلنت القيادة الأمريكية في أفريقيا."
    assert [e.actor2 for e in events_of(body)] == [None]
