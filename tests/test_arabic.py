"""The Arabic text layer, on sentences written for the tests."""
from __future__ import annotations

import pytest

from marsad.text.arabic import (
    TOKEN,
    arabic_ratio,
    normalize,
    normalize_map,
    sentences,
    strip_clitics,
    to_western_digits,
    token_words,
    tokens,
    uncut_index,
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


# A report of our own with marks, tatweel, Indic digits and Latin capitals: every window the
# pipeline cuts from an article's tokens must be what tokenising the window alone gives.
_MARKED = ("قَتَلَ مُسلَّحونَ مجهولونَ ٣ جنودٍ في هجومٍ على حاجزٍ للجيشِ قرب بلدة الـقائم، "
           "وقالت وكالة AFP إنّ الهجوم وقع فجر اليوم.\nوأضافت أنَّ ١٢ آخرين أصيبوا.")
_PLAIN = "قتل مسلحون 3 جنود في هجوم على حاجز للجيش قرب بلدة القائم، وقال مصدر أمني إن الهجوم وقع فجرا."


@pytest.mark.parametrize("text", [_MARKED, _PLAIN])
def test_tokens_of_a_window_are_those_tokenised_alone(text):
    for start in range(0, len(text) + 1, 2):
        for end in range(start, len(text) + 1, 7):
            alone = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
            assert [tuple(t) for t in tokens(text, start, end)] == alone
            assert list(token_words(text, start, end)) == [normalize(t) for *_, t in alone]


def test_long_texts_fold_letters_and_digits_as_words_do():
    long = (_MARKED + " ABC ٤٥ ی ک ة ى ئ ؤ ") * 3
    assert normalize(long) == " ".join(normalize(w) for w in long.split(" "))
    assert to_western_digits("قتل ٣٥ و۱۲") == "قتل 35 و12"


def test_an_offset_inside_a_word_cuts_it():
    text = "عاد الصيادون إلى الميناء"
    toks = tokens(text)
    starts, ends = [t.start for t in toks], [t.end for t in toks]
    assert uncut_index(starts, ends, 0) == 0
    assert uncut_index(starts, ends, toks[1].start) == 1        # at a word's first letter
    assert uncut_index(starts, ends, toks[1].end) == 2          # just after it: the space before the next
    assert uncut_index(starts, ends, toks[1].start + 2) is None
    assert uncut_index(starts, ends, len(text)) == len(toks)
