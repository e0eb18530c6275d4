"""events.json names a calling, framing or negating word once; the loader adds its و/ف forms."""
from __future__ import annotations

from marsad.extraction.trigger_lexicon import conjoined, fits, lexicon
from marsad.text.arabic import normalize
from tests.conftest import events_of


def test_conjoined_adds_wa_and_fa_to_every_word():
    assert conjoined(["دعت", "إثر"]) == {"دعت", "ودعت", "فدعت", "اثر", "واثر", "فاثر"}


def test_the_lexicon_reads_calls_frames_and_short_negations_with_wa_and_fa():
    lex = lexicon()
    assert {"ويدعو", "فناشدت"} <= lex["calls"]
    assert {"فبعد", "وعقب"} <= lex["frames"]
    assert all(fits(normalize(w), lex["negation"]) for w in ("ولم", "فلن", "ولا"))


def test_an_attack_framed_after_fa_is_background_not_a_new_event():
    assert events_of("فبعد هجوم انتحاري على سوق في مدينة كركوك، أغلقت السلطات الطرق المؤدية إليه.") == []
