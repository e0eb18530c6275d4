"""The Arabic text layer, on sentences written for the tests."""
from __future__ import annotations

from marsad.text.arabic import (
    arabic_ratio,
    normalize,
    normalize_map,
    sentences,
    strip_clitics,
    tokens,
)


def test_normalisation_folds_variants_and_keeps_offsets():
    text = "أعلنَ اللـواءُ إبراهيم أنّ القوّة دخلت مدينة ٣ آلاف"
    norm, index = normalize_map(text)
    assert norm == normalize(text) == "اعلن اللواء ابراهيم ان القوه دخلت مدينه 3 الاف"
    assert len(norm) == len(index)
    start = norm.index("ابراهيم")
    assert text[index[start]:index[start + len("ابراهيم") - 1] + 1] == "إبراهيم"


def test_latin_lowercasing_never_changes_length():
    text = "İstanbul وBBC"
    norm, index = normalize_map(text)
    assert len(norm) == len(text) == len(index) and "bbc" in norm


def test_clitics_are_offered_as_candidates():
    assert strip_clitics("بالجفرة") == ("بالجفرة", "الجفرة", "جفرة")
    assert strip_clitics("لميليشيات") == ("لميليشيات", "ميليشيات")
    assert strip_clitics("وللجيش") == ("وللجيش", "للجيش", "الجيش", "جيش")
    assert strip_clitics("وزير")[0] == "وزير"


def test_sentences_respect_quotes_and_arabic_punctuation():
    text = ('قال المتحدث: «لن نتراجع. سنواصل القتال» وأضاف أن الهدنة انتهت؛ فهل تعود المعارك؟ '
            'نعم، بحسب المصادر.\nسطر جديد بلا نقطة')
    got = [s.text for s in sentences(text)]
    assert got == ['قال المتحدث: «لن نتراجع. سنواصل القتال» وأضاف أن الهدنة انتهت؛ فهل تعود المعارك؟',
                   'نعم، بحسب المصادر.', 'سطر جديد بلا نقطة']
    assert all(text[s.start:s.end] == s.text for s in sentences(text))


def test_decimal_numbers_do_not_split_sentences():
    assert len(sentences("ارتفع العدد إلى 2.5 مليون نازح هذا العام.")) == 1


def test_tokens_keep_offsets():
    text = "قُتل 12 شخصاً، وأصيب آخرون."
    toks = tokens(text)
    assert [t.text for t in toks] == ["قُتل", "12", "شخصاً", "،", "وأصيب", "آخرون", "."]
    assert all(text[t.start:t.end] == t.text for t in toks)


def test_arabic_ratio():
    assert arabic_ratio("هذا نص عربي") == 1.0
    assert arabic_ratio("This is English") == 0.0
    assert 0.4 < arabic_ratio("قالت BBC إن الوضع") < 0.9
