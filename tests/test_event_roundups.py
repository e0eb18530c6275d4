"""Roundups, written for these tests: one report telling several incidents in different towns, each
opened by a connector (وفي تطور آخر، إلى ذلك، من جهة أخرى). Each incident keeps its own dead: one that
counts none takes no figure from the incident before it."""
from __future__ import annotations

from tests.conftest import events_of


def _dead(body: str) -> dict[str, int | None]:
    return {e.location: e.fatalities for e in events_of(body)}


def test_an_abduction_after_a_deadly_blast_counts_no_dead():
    body = ("قتل أربعة أشخاص، أمس الاثنين، في انفجار عبوة ناسفة بسوق في مدينة الحديدة. "
            "وفي تطور آخر، اختطف مسلحون، اليوم الثلاثاء، خمسة موظفين من مكتبهم في مدينة ذمار.")
    assert _dead(body) == {"الحديدة": 4, "ذمار": None}


def test_an_incident_told_after_a_connector_does_not_borrow_the_dead_before_it():
    body = ("قتل ثلاثة جنود في هجوم لمسلحين على نقطة تفتيش في مدينة الرمادي. "
            "إلى ذلك، اعتقلت القوات الأمنية ستة مطلوبين في قضاء الفلوجة.")
    assert _dead(body)["الفلوجة"] is None


def test_a_source_retelling_the_same_incident_still_gives_its_dead():
    body = ("قتل ثلاثة جنود في هجوم لمسلحين على نقطة تفتيش في مدينة الرمادي. "
            "وأفاد مصدر أمني بأن الهجوم نفذه مسلحون يستقلون سيارة.")
    assert _dead(body)["الرمادي"] == 3


def test_a_boy_killed_counts_one():
    assert _dead("استشهد فتى، أمس الأحد، برصاص قوات الاحتلال في بلدة بيت أمر شمال الخليل.") == {"بيت أمر": 1}
