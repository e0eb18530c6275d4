"""The actor dictionary: loading, user files, matching with proclitics, affiliations."""
from __future__ import annotations

import json

import pytest

from marsad.text.actor_dictionary import ActorDictionary, ActorFileError, actors

SMALL = "\n".join([
    "# a test dictionary",
    "id\tname\tname_en\taliases\tcountry\tkind\tinter\taffiliation",
    "xx-army\tالجيش الوطني\tNational Army\tالقوات المسلحة الوطنية\tXX\tstate_force\t1\t",
    "xx-brigade\tاللواء الأول مشاة\tFirst Infantry Brigade\tاللواء الأول\tXX\tstate_force\t1\txx-army",
    "xx-rebels\tجبهة التحرير الشعبية\tPopular Liberation Front\tالجبهة الشعبية|جتش\tXX\tarmed_group\t2\t",
    "media-fp\tوكالة فرانس برس\tAFP\tفرانس برس|أ ف ب\tFR\tmedia\t8\t",
])


@pytest.fixture()
def small(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text(SMALL, "utf-8")
    d = ActorDictionary()
    assert d.load(path) == 4
    return d


def test_longest_alias_wins_and_spans_leave_the_proclitic_out(small):
    text = "وقال مصدر في اللواء الأول مشاة إن مقاتلي الجبهة الشعبية انسحبوا، بحسب فرانس برس."
    found = [(text[m.start:m.end], m.actor.id) for m in small.find(text)]
    assert found == [("اللواء الأول مشاة", "xx-brigade"), ("الجبهة الشعبية", "xx-rebels"),
                     ("فرانس برس", "media-fp")]
    text = "وهاجمت وللجبهة الشعبية مواقع لجتش وفرانس برس"
    found = [(text[m.start:m.end], m.actor.id) for m in small.find(text)]
    assert found == [("جبهة الشعبية", "xx-rebels"), ("جتش", "xx-rebels"), ("فرانس برس", "media-fp")]


def test_a_word_is_tried_as_written_before_stripping(small):
    # فرانس starts with ف (a conjunction) but is the agency's name as written
    assert small.lookup("فرانس برس").id == "media-fp"
    assert small.lookup("رانس برس") is None
    # hamza and ta marbuta folded
    assert small.lookup("اللواء الاول مشاه").id == "xx-brigade"
    assert small.lookup("الجبهة") is None


def test_affiliation_chain_and_names_inside_longer_phrases(small):
    brigade = small.lookup("اللواء الأول")
    assert small.top(brigade).id == "xx-army"
    assert small.within("عناصر من اللواء الأول مشاة التابع للجيش").id == "xx-brigade"


def test_bad_rows_name_file_and_row(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tname\tname_en\taliases\tcountry\tkind\tinter\taffiliation\n"
                   "a\tاسم\tName\t\tXX\tstate_force\t9\t\n", "utf-8")
    with pytest.raises(ActorFileError, match="bad.tsv: row 2: inter"):
        ActorDictionary().load(bad)
    with pytest.raises(ActorFileError, match="cannot read"):
        ActorDictionary().load(tmp_path / "missing.tsv")


def test_user_file_extends_and_replaces(small, tmp_path):
    # answers given before the user's file (lookup, within and find remember them) change with it
    assert small.lookup("كتيبة النسور") is None and small.lookup("الجبهة الشعبية").id == "xx-rebels"
    assert small.within("مقاتلو كتيبة النسور") is None
    extra = tmp_path / "mine.tsv"
    extra.write_text("xx-rebels\tجبهة التحرير\tLiberation Front\tالتحرير الشعبية\tXX\tarmed_group\t2\t\n"
                     "xx-new\tكتيبة النسور\tEagles Battalion\t\tXX\tmilitia\t3\txx-rebels\n", "utf-8")
    small.load(extra)
    assert small.lookup("جبهة التحرير").id == "xx-rebels"
    assert small.lookup("الجبهة الشعبية") is None          # the replaced row's aliases are gone
    assert small.top(small.lookup("كتيبة النسور")).id == "xx-rebels"
    assert small.within("مقاتلو كتيبة النسور").id == "xx-new"
    assert [m.actor.id for m in small.find("وهاجمت كتيبة النسور")] == ["xx-new"]


def test_shipped_dictionary_is_large_and_consistent():
    d = actors()
    assert len(d.actors) >= 400
    kinds = {a.kind for a in d.actors.values()}
    assert {"state_force", "armed_group", "media", "un"} <= kinds
    for a in d.actors.values():
        assert a.affiliation is None or a.affiliation in d.actors, a.id



def test_short_names_match_as_written_and_one_word_names_refuse_b_and_k(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text("media-x\tوكالة الأنباء الوطنية\tNational News Agency\tوام|آفاد\tXX\tmedia\t8\t\n"
                    "xx-h\tحركة حماس\tHamas\tحماس\tPS\tarmed_group\t2\t\n", "utf-8")
    d = ActorDictionary()
    d.load(path)
    def found(text):
        return [text[m.start:m.end] for m in d.find(text)]
    assert found("ونقلت وام عن مصدر") == ["وام"]
    assert found("وأفاد شهود بأن الأب والأم نجوا") == []       # أفاد, والأم: hamza folded, not the agency
    assert found("وقالت حماس إن") == ["حماس"] and found("دعما لحماس") == ["حماس"]
    assert found("استقبل الجمهور الفريق بحماس كبير") == []


def test_shipped_dictionary_passes_its_checker():
    """No alias names two actors outside one affiliation chain; inter codes in ACLED's 1-8; no cycles."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    run = subprocess.run([sys.executable, str(root / "tools" / "check_actors.py")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_cli_actors_option_extends_the_dictionary_and_refuses_a_bad_file(tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app
    from marsad.text.actor_dictionary import actors

    mine = tmp_path / "mine.tsv"
    mine.write_text("xx-falcons\tكتيبة الصقور الحمر\tRed Falcons Battalion\tالصقور الحمر\tLY\tmilitia\t3\t\n", "utf-8")
    article = tmp_path / "a.txt"
    article.write_text("هاجمت كتيبة الصقور الحمر مواقع في مدينة غريان صباح اليوم.\n", "utf-8")
    try:
        result = CliRunner().invoke(app, ["extract", str(article), "--actors", str(mine)])
        assert result.exit_code == 0
        doc = json.loads(result.stdout.splitlines()[-1])
        assert any(e.get("actor_id") == "xx-falcons" for e in doc["entities"])
        bad = tmp_path / "bad.tsv"
        bad.write_text("only\ttwo\n", "utf-8")
        result = CliRunner().invoke(app, ["extract", str(article), "--actors", str(bad)])
        assert result.exit_code == 1 and "bad.tsv: row 1: 2 columns" in result.output
    finally:
        actors.cache_clear()                 # the user's actor must not leak into other tests


def test_a_dash_inside_a_name_does_not_split_it():
    from marsad.text.actor_dictionary import actors

    text = "وتبادلت قوات الحكومة والحركة الشعبية لتحرير السودان – شمال القصف."
    found = [(text[m.start:m.end], m.actor.id) for m in actors().find(text)]
    assert ("الحركة الشعبية لتحرير السودان – شمال", "sd-splmn") in found
