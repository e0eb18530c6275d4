"""Where an event told without a place of its own happened, on reports written for these tests: a
brief datelined item is filed near it (the dateline's town, precision 2), and a place in the subject
phrase of the sentence's verb ("نظم العشرات من المعلمين في البصرة وقفة") is where its crowd acted."""
from __future__ import annotations

from tests.conftest import events_of


def _placed(body: str) -> list[tuple]:
    return [(e.event_type, e.location, e.geo_precision) for e in events_of(body)]


def test_a_brief_datelined_report_is_placed_at_its_dateline_town():
    assert _placed("الموصل - قتل مسلحون مجهولون مختارا أمام منزله مساء الخميس.") == [
        ("Violence against civilians", "الموصل", 2)]
    assert _placed("كركوك (رويترز) - خطف مسلحون مهندسا أمس وهو في طريقه إلى عمله.") == [
        ("Violence against civilians", "كركوك", 2)]


def test_a_report_that_places_its_event_keeps_that_place_not_the_dateline():
    assert _placed("بغداد - قتل مسلحون مجهولون مختارا أمام منزله في مدينة الموصل مساء الخميس.") == [
        ("Violence against civilians", "الموصل", 1)]


def test_a_dateline_abroad_does_not_place_the_story():
    """Filed in Cairo about Libya: the event stays at the article's country."""
    body = ("القاهرة - قتل مسلحون مجهولون موظفا أمس، وفق ما أعلنت السلطات الليبية. "
            "وتشهد طرابلس ومصراتة توترا أمنيا منذ أسابيع.")
    assert all(loc != "القاهرة" for _, loc, _ in _placed(body))


def test_a_place_in_the_subject_phrase_places_the_protest():
    assert ("Protests", "البصرة", 1) in _placed(
        "نظم العشرات من المعلمين في البصرة، اليوم السبت، وقفة احتجاجية أمام مبنى المحافظة للمطالبة بصرف رواتبهم.")
    assert ("Protests", "الكوت", 1) in _placed(
        "شارك مئات من أهالي مدينة الكوت أمس في مظاهرة احتجاجا على انقطاع الكهرباء.")


def test_a_sources_town_before_its_report_is_not_the_subject_phrase():
    """"قال مصدر في البصرة، اليوم، إن …": the words between tell a saying, not the event's subject."""
    assert all(loc != "البصرة" for _, loc, _ in _placed("قال مصدر أمني في البصرة، اليوم، إن مسلحين خطفوا موظفا."))


def test_a_town_inside_a_casualty_told_by_its_cause_places_it():
    """"استشهد شاب من مدينة جنين برصاص …": the victims' town stands between the casualty and its cause."""
    assert ("Violence against civilians", "جنين", 1) in _placed("استشهد شاب من مدينة جنين برصاص قوات الاحتلال صباح اليوم.")
    assert ("Violence against civilians", "حلب", 1) in _placed("أصيب ثلاثة مدنيين في حلب بنيران قناص أمس.")
