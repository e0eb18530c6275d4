"""Who said what in styles the dev set barely has: women officials, foreign names after a role,
fronted attributions (ووفقا لـ، حسبما أفاد), family names starting with ل, roles with a nationality.
Reports written for these tests."""
from __future__ import annotations

from marsad.extraction.name_ends import glued_surname
from marsad.text.arabic import normalize, tokens
from tests.conftest import report_of as _doc


def test_a_woman_official_named_after_her_role_and_a_glued_genitive():
    doc = _doc("وقالت المديرة الإقليمية لمنظمة الصحة العالمية حنان بلخي إن المستشفيات في المدينة خرجت عن الخدمة.\n"
               "وأضافت بلخي أن الفرق الطبية تعمل في ظروف بالغة الصعوبة.")
    assert [q.speaker_canonical for q in doc.quotes] == ["حنان بلخي", "حنان بلخي"]
    assert any(e.type == "PER" and e.text == "حنان بلخي" for e in doc.entities)


def test_foreign_given_names_and_an_announced_object_after_the_name():
    qs = _doc("أعلن المتحدث باسم جماعة أنصار الله يحيى سريع استهداف مطار المدينة بطائرات مسيرة.\n"
              "وقال سريع في تغريدة على منصة إكس إن العملية حققت أهدافها بدقة.\n"
              "وقال المتحدث باسم المفوضية الأوروبية أنطونيو ريفاس في مؤتمر صحفي إن الاتحاد يتابع الوضع عن كثب.").quotes
    assert [q.speaker_canonical for q in qs] == ["يحيى سريع", "يحيى سريع", "أنطونيو ريفاس"]
    assert qs[0].text.startswith("استهداف مطار")


def test_fronted_attributions_with_their_conjunction_and_hasbama():
    doc = _doc("ووفقا لهيئة الدفاع المدني، فقد انتشلت الفرق عشر جثث من تحت الأنقاض حتى المساء.\n"
               "وحسبما أفاد مسؤول عسكري في المنطقة، فإن الهجوم انطلق من الضفة الأخرى للنهر.")
    assert [(q.speaker_canonical, q.text.split()[0]) for q in doc.quotes] == [
        ("هيئة الدفاع المدني", "انتشلت"), ("مسؤول عسكري", "الهجوم")]
    assert not any(e.type == "PER" and e.text.startswith("فإن") for e in doc.entities)


def test_a_family_name_opening_with_lam_closes_the_name():
    qs = _doc("وبحسب ما قاله المتحدث باسم برنامج الأغذية العالمي ينس لوران، فإن مخزون الحبوب يكفي أسبوعين فقط.\n"
              ).quotes
    assert qs[0].speaker_canonical == "ينس لوران" and qs[0].text.startswith("مخزون الحبوب")


def test_an_outlet_glued_to_lam_is_no_family_name():
    text = "المتحدث باسم الجيش أحمد لرويترز إن القوات تقدمت"
    toks = list(tokens(text))
    assert not glued_surname(toks, 5, len(text), frozenset({normalize("إن")}))
    text = "المتحدث باسم البرنامج ينس لوران، فإن المخزون يكفي"
    toks = list(tokens(text))
    assert glued_surname(toks, 4, len(text), frozenset({normalize("إن")}))


def test_a_role_with_a_nationality_points_to_the_person_it_was_said_of():
    qs = _doc("التقى وزير الداخلية العراقي عبد الأمير الشمري ونظيره الأردني مازن الفراية في بغداد اليوم.\n"
              "وقال الشمري إن البلدين اتفقا على تبادل المعلومات الأمنية.\n"
              "وأضاف الوزير الأردني أن عمّان ستدعم جهود ضبط الحدود.\n"
              "وأوضح الوزير العراقي أن لجنة مشتركة ستجتمع الشهر المقبل.").quotes
    assert [q.speaker_canonical for q in qs][1:] == ["مازن الفراية", "عبد الأمير الشمري"]
