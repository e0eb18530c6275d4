"""The two sides of a clash: the side after مع is the other side (اشتبكت قوات الجيش مع مسلحين), not an
ally named with بالتنسيق مع; a bare state force (الشرطة، عناصر من الشرطة، رجال الأمن) is a side, the
police of the country the sentence's places lie in (extraction/state_forces). Sentences written for
these tests."""
from __future__ import annotations

from tests.conftest import events_of as reported


def sides(body: str) -> list[tuple]:
    return [(e.event_type, e.actor1, e.actor2) for e in reported(body)]


def test_the_side_after_ma_is_the_other_side_of_a_verb_with_its_subject_after_it():
    assert sides("واشتبكت قوات الجيش السوداني مع قوات الدعم السريع في مدينة الأبيض صباح اليوم.") == [
        ("Battles", "الجيش السوداني", "قوات الدعم السريع")]


def test_the_men_of_a_group_after_ma_are_that_group():
    [(_, _, other)] = sides("اشتبكت قوات الجيش مع مسلحين من تنظيم داعش قرب مدينة الرمادي فجر اليوم.")
    assert other == "تنظيم الدولة الإسلامية"


def test_an_ally_after_bil_tansiq_ma_is_no_other_side():
    [(_, _, other)] = sides("واشتبكت قوات الجيش بالتنسيق مع الحشد الشعبي مع مسلحي داعش في قضاء الطارمية أمس.")
    assert other == "تنظيم الدولة الإسلامية"


def test_a_bare_police_noun_is_the_police_of_the_sentences_country():
    assert sides("اشتبكت الشرطة مع مسلحين في مدينة البصرة العراقية مساء أمس.") == [
        ("Battles", "الشرطة العراقية", "مسلحين")]
    assert sides("وقال شهود إن عناصر من الشرطة اشتبكوا مع مسلحين في مدينة نيالا صباح اليوم.")[0][1:] == (
        "قوات الشرطة السودانية", "مسلحين")


def test_a_bare_police_noun_with_no_country_named_stays_the_noun():
    assert sides("وأفاد شهود بأن رجال الأمن اشتبكوا مع مسلحين ملثمين صباح اليوم.")[0][1:] == ("الأمن", "مسلحين ملثمين")


def test_police_counted_dead_or_a_police_station_are_no_doer():
    assert all(a1 is None for _, a1, _ in sides("قتل ثلاثة من عناصر الشرطة في انفجار عبوة ناسفة في مدينة "
                                               "الرمادي صباح اليوم."))
    assert sides("هاجم مسلحون مركز الشرطة في بلدة هيت غرب العراق فجر اليوم.")[0][1] == "مسلحون"
