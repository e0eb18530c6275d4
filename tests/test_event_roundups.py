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


def _days(body: str, published: str) -> dict[str, str | None]:
    return {e.location: e.event_date for e in events_of(body, published=published)}


def test_the_leads_day_governs_the_items_after_it_that_name_none():
    body = ("قتل مدنيان، أمس الثلاثاء، في قصف مدفعي على بلدة كفرنبل جنوبي إدلب. "
            "وفي ريف حماة الشمالي، قتل ثلاثة عناصر من قوات النظام في هجوم على بلدة كفرزيتا. "
            "إلى ذلك، اندلعت اشتباكات بين فصائل المعارضة وقوات النظام في بلدة اللطامنة، اليوم الأربعاء.")
    assert _days(body, "2024-04-10") == {"كفرنبل": "2024-04-09", "كفرزيتا": "2024-04-09", "اللطامنة": "2024-04-10"}


def test_an_items_own_day_governs_nothing_after_it():
    body = ("قتل شاب، اليوم الخميس، برصاص قوات الاحتلال في مخيم عسكر شرق نابلس. "
            "وفي جنين، توفي شاب متأثرا بجروح أصيب بها أمس الأربعاء برصاص قوات الاحتلال في بلدة يعبد. "
            "وفي الخليل، اعتقلت قوات الاحتلال ثمانية مواطنين من بلدة بني نعيم.")
    assert _days(body, "2024-05-16")["بني نعيم"] == "2024-05-16"


def test_the_camp_told_again_is_the_attacks_place_not_a_new_one():
    body = ("قتل 11 جنديا، أمس الأحد، في هجوم شنته جماعة مسلحة على معسكر للجيش في مدينة غاو شمال مالي. "
            "وأعلنت الجماعة في بيان تبنيها للهجوم، مؤكدة أنها سيطرت على المعسكر لساعات.")
    assert [(e.location, e.fatalities) for e in events_of(body)] == [("غاو", 11)]
