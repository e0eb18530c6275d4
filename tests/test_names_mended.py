"""People's names and gazetteer places the tagger cut or left, mended (sentences written for these tests)."""
from __future__ import annotations

from marsad.extraction.entities import find_entities
from marsad.ner.rule_fills import gazetteer_fill
from marsad.text.arabic import tokens


def people(text: str) -> list[str]:
    return [e.canonical for e in find_entities(text) if e.type == "PER"]


def test_a_first_name_and_a_nisba_shaped_family_name_are_a_person():
    assert "سامر الحلبي" in people("وشارك في اللقاء الوجيه سامر الحلبي إلى جانب أعيان البلدة.")
    # a nationality adjective is no family name
    assert "أحمد اليمني" not in people("والتقى وفد أحمد اليمني بالمسؤولين.")


def test_a_plural_descriptor_is_cut_and_a_third_name_joins_before_the_next_person():
    got = people("وأصيب الشقيقين خالد العبد علي وحسن الأحمد برصاص مجهولين.")
    assert "خالد العبد علي" in got and not any(n.startswith("الشقيقين") for n in got)


def test_a_compound_given_name_after_a_title_takes_its_surname():
    got = find_entities("واستهدف القصف منزل الشيخ عبد الرحمن الزبيدي في القرية.")
    assert any(e.type == "PER" and e.canonical == "عبد الرحمن الزبيدي" and e.title == "الشيخ" for e in got)


def tagged(sentence: str) -> list[tuple[str, str]]:
    words = [t.text for t in tokens(sentence)]
    return [(w, t) for w, t in zip(words, gazetteer_fill(words, ["O"] * len(words))) if t != "O"]


def test_a_place_keeps_its_article_and_a_small_town_after_a_direction_is_a_place():
    # "الدبس" is an Iraqi district (GeoNames), "دبس" without the article a smaller namesake
    assert ("الدبس", "B-LOC") in tagged("ووصلت التعزيزات إلى قضاء الدبس أمس.")
    assert ("مخمور", "B-LOC") in tagged("ودارت الاشتباكات جنوبي مخمور ليلا.")
