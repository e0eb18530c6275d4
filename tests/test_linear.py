"""An article's cost grows linearly with its length, and its length is capped (with a note)."""
from __future__ import annotations

import random

from marsad.model import RawItem
from marsad.pipeline import process
from tests.test_concurrency import report


def long_article(chars: int, seed: int = 1) -> str:
    """Invented reports, one paragraph each, until `chars` characters."""
    rng, paras, size = random.Random(seed), [], 0
    while size < chars:
        p = " ".join(report(rng, str(len(paras)), length=6).split("\n")[2:]).strip()
        paras.append(p)
        size += len(p) + 1
    return "تقرير مطول عن الأحداث الميدانية\n\n" + "\n".join(paras)


def test_a_long_article_is_cut_at_a_paragraph_end_with_a_note(monkeypatch):
    monkeypatch.setenv("MARSAD_MAX_ARTICLE_CHARS", "5000")
    text = long_article(12_000)
    doc = process(RawItem("long", "long.txt", "text", text=text))
    assert doc.status == "ok" and 2500 < len(doc.text) <= 5000
    assert doc.text + "\n" in text                     # whole paragraphs, nothing after the cut
    assert any("text cut at" in n and "MAX_ARTICLE_CHARS = 5,000" in n for n in doc.notes)
    assert doc.events                                  # and the part kept is annotated


def test_one_endless_paragraph_is_cut_at_a_sentence_end(monkeypatch):
    monkeypatch.setenv("MARSAD_MAX_ARTICLE_CHARS", "3000")
    text = long_article(8000).replace("\n", " ")
    doc = process(RawItem("flat", "flat.txt", "text", text=text))
    assert doc.status == "ok" and len(doc.text) <= 3000 and doc.text.endswith(".")
    assert doc.notes


def test_an_article_under_the_cap_is_untouched():
    text = long_article(20_000)
    doc = process(RawItem("fits", "fits.txt", "text", text=text))
    assert not doc.notes and len(doc.text) > 19_000


def test_cost_per_character_does_not_grow_with_length(monkeypatch):
    """An article 8× longer costs about 8× as much, not 64×: every lookup goes by offset, none scans
    the whole article per word, entity or sentence. The bound is loose (machine noise); a quadratic
    stage pushes the ratio past 3."""
    import statistics
    import time

    monkeypatch.setenv("MARSAD_MAX_ARTICLE_CHARS", "1000000")
    small, large = long_article(20_000, seed=2), long_article(160_000, seed=3)
    process(RawItem("warm", "warm.txt", "text", text=long_article(5_000, seed=4)))   # models loaded

    def seconds(text: str) -> float:
        t = time.perf_counter()
        doc = process(RawItem("t", "t.txt", "text", text=text))
        assert doc.status == "ok" and doc.quotes and doc.events
        return time.perf_counter() - t

    per_small = statistics.median(seconds(small) for _ in range(3)) / len(small)
    per_large = seconds(large) / len(large)
    assert per_large / per_small < 2.0, (per_small * 1e6, per_large * 1e6)
