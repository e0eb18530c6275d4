"""Deaths told in the sentence after an incident's count, by the wounded who died since: "قتل ثلاثة جنود في
انفجار عبوة ناسفة … . وتوفي جندي رابع لاحقا متأثرا بجراحه" — the incident's dead are four.

ACLED counts everyone an event killed, also those who die of their wounds afterwards, and revises its
totals when better information comes (ACLED knowledge base, "Fatalities"). A sentence that tells no
incident of its own and one more dead, either numbered on from the count (جندي رابع: an ordinal, data/
numbers.json `ordinals`) or dying of wounds (متأثرا بجراحه: `of_wounds`), goes on with the incident told
just before it; one that names an incident (توفي … في غارة أخرى) tells its own.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from marsad.data import load_json
from marsad.extraction.casualty_words import casualty_lexicon
from marsad.extraction.tolls import casualty_figures
from marsad.extraction.triggers import find_triggers
from marsad.text.arabic import normalize, sentences, strip_clitics, tokens


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    return {normalize(k): v for k, v in load_json("numbers.json")["casualties"]["ordinals"].items()}


def died_later(text: str, sent_end: int, value: int) -> tuple[int, str] | None:
    """(the incident's dead, the words of the death told after) when the sentence after the one ending at
    `sent_end`, which counted `value` dead, tells no incident and one more death of it; else None."""
    sents = sentences(text)
    i = bisect_right([s.start for s in sents], sent_end)
    if i >= len(sents) or text[sent_end:sents[i].start].count("\n") > 1:
        return None                                     # the last sentence, or a new paragraph after it
    nxt = sents[i]
    if find_triggers(text, nxt.start, nxt.end):
        return None
    figs = [f for f in casualty_figures(text) if nxt.start <= f.start < nxt.end and not f.part]
    if len(figs) != 1 or figs[0].kind != "killed" or figs[0].scope or figs[0].update:
        return None
    f = figs[0]
    after = [normalize(t.text) for t in tokens(text, f.end, nxt.end)][:4]
    ordinal = next((_ordinals()[x] for x in after[:1] if x in _ordinals()), None)
    if ordinal is not None:
        return (ordinal, f.text + " " + after[0]) if ordinal == value + f.value else None
    wounds = casualty_lexicon()["of_wounds"]
    if any(x in wounds or any(form in wounds for form in strip_clitics(x)) for x in after):
        return value + f.value, f.text
    return None
