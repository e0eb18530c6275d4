"""lexicon/role_heads.tsv: one list of role head words, normalised, read by every rule that looks for a role."""
from marsad.extraction.person_titles import role_after, role_before
from marsad.text import lexicons as lx
from marsad.text.arabic import normalize

USES = ("apposition", "before", "comma_name", "name_after", "lead", "speaker")


def test_every_word_is_normalised_and_every_use_known():
    rows = lx.table("role_heads.tsv")
    assert rows
    for r in rows:
        assert r["word"] == normalize(r["word"]), r["word"]
        assert set(r["uses"].split(",")) <= set(USES), r
    assert all(lx.role_heads(u) for u in USES)
    assert normalize("رئيس") in lx.role_heads("lead") and normalize("مسؤول") in lx.role_heads("apposition")


def test_speakers_read_the_same_list():
    from marsad.extraction.speakers import lexicon, role_led

    assert normalize("خبيرة")[:-1] in lexicon()["role_heads"] and "role_heads" in lexicon()
    assert role_led(["الخبير", "في", "الشوون", "العسكريه"]) and not role_led(["الجيش", "الوطني"])


def test_role_phrases_read_from_the_list():
    text = "وقال سامر يوسف، المسؤول عن الإعلام في البلدية، إن الطريق مغلق"
    assert role_after(text, text.index("،")) == "المسؤول عن الإعلام"
    text = "وأكد الناطق باسم الدفاع المدني رامي حسن أن الفرق تعمل"
    assert role_before(text, text.index("رامي")) == "الناطق باسم الدفاع المدني"
