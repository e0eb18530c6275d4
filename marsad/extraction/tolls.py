"""Casualty and displacement figures: "43 قتيلا", "مقتل 21", "سقوط عشرات القتلى", "نزوح أكثر من 100 ألف".

Every figure becomes a `Toll` with its kind, value, approximate flag and evidence span. A figure in
a sentence about the conflict as a whole (منذ، حصيلة، الصراع، العنف …) is `scope="cumulative"`: it
stays a toll and is never counted as one event's fatalities.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.data import load_json
from marsad.model import Toll
from marsad.text.arabic import normalize, sentences, strip_clitics, tokens
from marsad.text.numbers import _lexicon as number_words
from marsad.text.numbers import quantities

WINDOW = 5      # words between a number and its casualty noun ("مقتل ما يقرب من 1100 شخص")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    raw = load_json("events.json")
    return {k: frozenset(normalize(w) for w in raw[k]) for k in ("killed", "injured", "displaced", "captured",
                                                                   "cumulative")}


def _kind_near(words: list[str]) -> str | None:
    lex = lexicon()
    for w in words:
        forms = set(strip_clitics(w))
        for kind in ("killed", "injured", "displaced", "captured"):
            if forms & lex[kind]:
                return kind
    return None


def find_tolls(text: str) -> list[Toll]:
    out = []
    lex = lexicon()
    for sent in sentences(text):
        norm_sent = normalize(sent.text)
        cumulative = any(c in norm_sent for c in lex["cumulative"])
        for q in quantities(text, sent.start, sent.end):
            if q.value < 1 or 1900 <= q.value <= 2100 and not q.approximate:
                continue                              # a year, not a count
            before = normalize(text[max(sent.start, q.start - 40):q.start]).split("،")[-1].split()[-WINDOW:]
            after = normalize(text[q.end:min(sent.end, q.end + 40)]).split("،")[0].split()[:WINDOW]
            # the noun right after the number ("43 قتيلا"), else the nearest before ("مقتل 21")
            noun = [w for w in after[:1] if not w.startswith("و")]      # "قتل 3 وأصيب 7": a new clause
            kind = _kind_near(noun) or _kind_near(list(reversed(before))) or _kind_near(after[1:2])
            if kind:
                out.append(Toll(kind, q.value, q.approximate, q.text, q.start, q.end,
                                scope="cumulative" if cumulative else None))
        out += _dual_tolls(text, sent.start, sent.end, cumulative)
    return sorted(out, key=lambda t: t.start)


def _dual_tolls(text: str, start: int, end: int, cumulative: bool) -> list[Toll]:
    """"مقتل جنديين", "إصابة شخصين": a dual noun right after a casualty word is a count of two.

    Some duals are spelled like plurals (مدنيين، مقاتلين), so only the position after the
    casualty word makes them a count — "مقتل مدنيين" then reads as at least two.
    """
    duals, out = number_words()["duals"], []
    toks = tokens(text, start, end)
    for prev, tok in zip(toks, toks[1:]):
        if normalize(tok.text) in duals:
            kind = _kind_near([normalize(prev.text)]) or ("killed" if normalize(prev.text) in ("قتل", "وقتل") else None)
            if kind:
                out.append(Toll(kind, 2, False, text[prev.start:tok.end], prev.start, tok.end,
                                scope="cumulative" if cumulative else None))
    return out
