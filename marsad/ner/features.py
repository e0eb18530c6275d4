"""Token features for NER, shared by the CRF and the neural tagger (and their trainers).

The normalised word and its clitic-stripped stems (و/ف, ب/ل/ك, ال), affixes of the stem, shape,
membership in the shipped lexicons (GeoNames places, CLDR countries, arabnamer person names, titles,
organisation head nouns; multi-word names matched as spans).
"""
from __future__ import annotations

from functools import lru_cache

from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, strip_clitics

_PUNCT = set(".,،:؛!?؟\"'«»“”()[]-–—/")


def _lexicon_spans(words: list[str], stems: list[list[str]], kind: str, names) -> list[str]:
    """'B'/'I'/'' per token: the longest multi-word lexicon name starting at each token."""
    first = lx.multiword(kind)
    marks = [""] * len(words)
    i = 0
    while i < len(words):
        best = 0
        for head in stems[i]:
            longest = first.get(head, 0)
            for n in range(min(longest, len(words) - i), 1, -1):
                if " ".join([head, *words[i + 1:i + n]]) in names:
                    best = max(best, n)
                    break
        if best:
            marks[i] = "B"
            for j in range(i + 1, i + best):
                marks[j] = "I"
            i += best
        else:
            i += 1
    return marks


def local_features(tokens: list[str]) -> tuple[list[str], list[tuple[str, ...]], list[list[str]]]:
    """(normalised words, clitic-stripped forms, features of each token on its own): affixes,
    shape, clitic and lexicon membership. The CRF adds context; the neural tagger learns it."""
    words = [normalize(t) for t in tokens]
    stems = [strip_clitics(w) for w in words]
    tiers, persons = lx.place_tiers(), lx.person_names()
    titles, heads = set(lx.titles()), lx.org_heads()
    loc_span = _lexicon_spans(words, stems, "loc", lx.place_names())
    per_span = _lexicon_spans(words, stems, "per", persons)
    out = []
    for i, (w, forms) in enumerate(zip(words, stems)):
        core = forms[-1]
        clitic = w[: len(w) - len(core)] if w.endswith(core) else ""
        f = [f"cl={clitic}", f"p2={core[:2]}", f"p3={core[:3]}", f"s1={core[-1:]}", f"s2={core[-2:]}",
             f"s3={core[-3:]}", f"len={min(len(core), 9)}", f"shape={_shape(tokens[i])}"]
        tier = next((tiers[x] for x in forms if x in tiers), None)
        if tier:
            f.append(f"lex=place={tier}")
        if any(x in persons for x in forms):
            f.append("lex=person")
        if any(x in titles for x in forms):
            f.append("lex=title")
        if any(x in heads for x in forms):
            f.append("lex=orghead")
        f += [f"locspan={loc_span[i]}"] if loc_span[i] else []
        f += [f"perspan={per_span[i]}"] if per_span[i] else []
        out.append(f)
    return words, stems, out


def sentence_features(tokens: list[str]) -> list[list[str]]:
    """CRF feature strings for each token of one sentence: its own and those of a ±2 window."""
    words, stems, local = local_features(tokens)
    flags = [[x for x in f if x.startswith("lex=")] for f in local]
    shapes = [_shape(t) for t in tokens]
    out = []
    n = len(words)
    for i, w in enumerate(words):
        f = ["bias", f"w={w}", f"core={stems[i][-1]}", *local[i]]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}:w={words[j]}")
                if abs(d) == 1:
                    f.append(f"{d}:core={stems[j][-1]}")
                    f += [f"{d}:{x}" for x in flags[j]]
                    f.append(f"{d}:shape={shapes[j]}")
            else:
                f.append(f"{d}:edge")
        if i > 0:
            f.append(f"bi={words[i - 1]}|{w}")
        out.append(f)
    return out


@lru_cache(maxsize=20_000)
def _shape(token: str) -> str:
    if token.isdigit():
        return "digit"
    if all(ch in _PUNCT for ch in token):
        return "punct"
    if any("a" <= ch.lower() <= "z" for ch in token):
        return "latin"
    if any(ch.isdigit() for ch in token):
        return "mixed"
    return "ar"
