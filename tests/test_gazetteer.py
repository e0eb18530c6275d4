"""The hand-written gazetteer (regions.tsv, districts.tsv): its checker, and places it resolves."""
from __future__ import annotations

import subprocess
import sys

import pytest

from marsad.extraction.geo import resolve
from tests.conftest import ROOT


def test_the_gazetteer_checker_passes():
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "check_gazetteer.py")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout


def test_the_checker_reports_bad_rows(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tcountry\tlatitude\tlongitude\tkind\tadmin1\n"
                   "الفلوجة\tIQ\t3.35\t43.78\tdistrict\tالأنبار\n"      # outside Iraq
                   "الرمادي\tIQ\t33.42\t43.30\tqadaa\tالأنبار\n"        # unknown kind
                   "الفلّوجة\tIQ\t33.35\t43.78\tdistrict\tالأنبار\n", "utf-8")   # the same name again
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "check_gazetteer.py"), str(bad)],
                         capture_output=True, text=True)
    assert run.returncode == 1 and len(run.stdout.splitlines()) == 3


@pytest.mark.parametrize("name, prefer, country, admin1", [
    ("طوز خرماتو", None, "IQ", "صلاح الدين"),
    ("وجلولاء", None, "IQ", "ديالى"),
    ("الدبس", None, "IQ", "كركوك"),
    ("بمخمور", None, "IQ", "نينوى"),
    ("الحصاحيصا", None, "SD", "الجزيرة"),
    ("المناقل", None, "SD", "الجزيرة"),
    ("ورشفانة", None, "LY", "الجفارة"),
    ("مرجعيون", "LB", "LB", "النبطية"),
    ("النبطية", None, "LB", "النبطية"),
    ("طرابلس", "LB", "LB", "الشمال"),
    ("معرة النعمان", None, "SY", "إدلب"),
    ("أريحا", "PS", "PS", "الضفة الغربية"),
    ("خان يونس", None, "PS", "قطاع غزة"),
    ("كيسمايو", None, "SO", "جوبا السفلى"),
    ("تمبكتو", None, "ML", "تمبكتو"),
    ("الشيخ زويد", None, "EG", "شمال سيناء"),
    ("رفح", "EG", "EG", "شمال سيناء"),
])
def test_districts_resolve_to_their_country_and_admin1(name, prefer, country, admin1):
    m = resolve(name, prefer)
    assert (m.country, m.admin1) == (country, admin1)


def test_historic_regions_have_a_country_but_no_single_admin1():
    for name in ("دارفور", "بكردفان"):
        m = resolve(name)
        assert (m.country, m.admin1, m.kind) == ("SD", None, "region")


def test_a_district_never_outranks_the_articles_own_country_or_a_first_level_division():
    assert resolve("طرابلس").country == "LY"            # regions.tsv wins a tie with districts.tsv
    assert resolve("رفح").country == "PS"
    assert resolve("صور").country == "LB"
    assert resolve("صور", "OM").country == "OM"         # GeoNames' Sur when the article is about Oman
    assert resolve("زنجبار", "TZ").country == "TZ"
    assert resolve("أريحا", "SY").admin1 == "إدلب"


def test_district_towns_are_tagging_evidence_as_their_namesakes_and_regions_are_none():
    from marsad.text import lexicons as lx
    from marsad.text.arabic import normalize

    tiers = lx.place_tiers()
    assert tiers[normalize("الدبس")] == "mid-arab"        # GeoNames lacks it: a mid-sized Arab town
    assert tiers[normalize("مخمور")] == "small-arab"      # GeoNames' small town, and a word
    assert tiers[normalize("النبطية")] == "mid-arab" and tiers[normalize("بيروت")] == "region"
    assert normalize("كردفان") not in tiers               # it ends شمال كردفان: no evidence of its own
