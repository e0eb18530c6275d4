"""Token features for NER, shared by the CRF and the neural tagger (and their trainers).

The normalised word and its clitic-stripped stems (و/ف, ب/ل/ك, ال), affixes of the stem, shape,
membership in the shipped lexicons (GeoNames places, CLDR countries, arabnamer person names, titles,
organisation head nouns; multi-word names matched as spans).

Everything that depends on one token alone is computed once per distinct token and cached (news
repeats its words): building feature strings, not the CRF's arithmetic, is most of tagging's cost.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, strip_clitics

_PUNCT = set(".,،:؛!?؟\"'«»“”()[]-–—/")
WINDOW = (-2, -1, 1, 2)


def _lexicon_spans(words: list[str], stems: list[tuple[str, ...]], kind: str, names) -> list[str]:
    """Per token, the feature `{kind}span=B` / `{kind}span=I` of the longest multi-word lexicon name
    starting at each token, or ''."""
    first = lx.multiword(kind)
    begin, inside = f"{kind}span=B", f"{kind}span=I"
    marks = [""] * len(words)
    i = 0
    while i < len(words):
        best = 0
        for head in stems[i]:
            longest = first.get(head)
            if longest is None:                 # most words open no multi-word name
                continue
            for n in range(min(longest, len(words) - i), 1, -1):
                if " ".join([head, *words[i + 1:i + n]]) in names:
                    best = max(best, n)
                    break
        if best:
            marks[i] = begin
            for j in range(i + 1, i + best):
                marks[j] = inside
            i += best
        else:
            i += 1
    return marks


def _analysed(tokens: list[str]) -> tuple[list[tuple], list[tuple[str, ...]]]:
    """(each token's `_token` analysis, each token's multi-word lexicon span features: locspan=B/I,
    perspan=B/I, the only features that depend on the sentence)."""
    info = [_token(t) for t in tokens]
    words, stems = [x[0] for x in info], [x[1] for x in info]
    loc = _lexicon_spans(words, stems, "loc", lx.place_names())
    per = _lexicon_spans(words, stems, "per", lx.person_names())
    spans = [(a, b) if a and b else (a or b,) if a or b else () for a, b in zip(loc, per)]
    return info, spans


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(lx.titles())


_seen_tiers: list = [None]


def fresh() -> None:
    """Forget cached token features when the place tables were rebuilt (a user gazetteer added).
    Feature builders do not check: whoever features a batch of sentences calls this once first
    (`tagging.tag_many`, `NeuralTagger.emissions`, the trainers)."""
    tiers = lx.place_tiers()
    if tiers is not _seen_tiers[0]:
        for fn in (_token, _own, _seen):
            fn.cache_clear()
        _seen_tiers[0] = tiers


@lru_cache(maxsize=50_000)
def _token(token: str) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(normalised word, clitic-stripped forms, features of the token on its own, its lexicon flags)."""
    w = normalize(token)
    forms = strip_clitics(w)
    core = forms[-1]
    clitic = w[: len(w) - len(core)] if w.endswith(core) else ""
    f = [f"cl={clitic}", f"p2={core[:2]}", f"p3={core[:3]}", f"s1={core[-1:]}", f"s2={core[-2:]}",
         f"s3={core[-3:]}", f"len={min(len(core), 9)}", f"shape={_shape(token)}"]
    tiers = lx.place_tiers()
    tier = next((tiers[x] for x in forms if x in tiers), None)
    flags = [f"lex=place={tier}"] if tier else []
    if any(x in lx.person_names() for x in forms):
        flags.append("lex=person")
    if any(x in _titles() for x in forms):
        flags.append("lex=title")
    if any(x in lx.org_heads() for x in forms):
        flags.append("lex=orghead")
    return w, forms, tuple(f + flags), tuple(flags)


def local_features(tokens: list[str]) -> tuple[list[str], list[tuple[str, ...]], list[list[str]]]:
    """(normalised words, clitic-stripped forms, features of each token on its own): affixes,
    shape, clitic and lexicon membership. The CRF adds context; the neural tagger learns it.
    Call `fresh()` once per batch first."""
    info, spans = _analysed(tokens)
    return [x[0] for x in info], [x[1] for x in info], [[*x[2], *span] for x, span in zip(info, spans)]


@lru_cache(maxsize=50_000)
def _own(token: str) -> tuple[str, ...]:
    """The CRF's features of a token itself, less its lexicon spans (those depend on the sentence)."""
    w, forms, local, _ = _token(token)
    return ("bias", f"w={w}", f"core={forms[-1]}", *local)


@lru_cache(maxsize=200_000)
def _seen(token: str, d: int) -> tuple[str, ...]:
    """What a token tells its neighbour `d` positions away: its word (±1 also its stem, lexicon
    flags and shape)."""
    w, forms, _, flags = _token(token)
    if abs(d) != 1:
        return (f"{d}:w={w}",)
    return (f"{d}:w={w}", f"{d}:core={forms[-1]}", *(f"{d}:{x}" for x in flags), f"{d}:shape={_shape(token)}")


def sentence_features(tokens: list[str]) -> list[list[str]]:
    """CRF feature strings for each token of one sentence: its own and those of a ±2 window.
    Call `fresh()` once per batch first."""
    info, spans = _analysed(tokens)
    words = [x[0] for x in info]
    n = len(tokens)
    out = []
    for i, tok in enumerate(tokens):
        f = [*_own(tok), *spans[i]]
        for d in WINDOW:
            j = i + d
            if 0 <= j < n:
                f += _seen(tokens[j], d)
            else:
                f.append(f"{d}:edge")
        if i > 0:
            f.append(f"bi={words[i - 1]}|{words[i]}")
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


def document_features(sentences: list[list[str]], first: list[list[str]]) -> list[list[list[str]]]:
    """What the rest of the document says about each token, for the CRF's second pass: the type
    the first pass gave most often to the other occurrences of its stem in the document (or `O`
    when it tagged none of them), whether all of them were names, that of its ±1 neighbours, and
    the token's own first-pass tag.

    Why: a name in a weak context ("، عنان") is often tagged elsewhere in the same article in a
    strong one ("وقال كوفي عنان"); Krishnan & Manning (2006) feed this majority label to a second
    CRF. The second pass is trained on first-pass tags of folds it did not see, so it learns how far
    to trust them (`train_crf.train_two_pass`).
    """
    seen: dict[str, Counter] = {}               # stem → how often the first pass gave it each type
    keys = [[_token(t)[1][-1] for t in tokens] for tokens in sentences]
    for ks, tags in zip(keys, first):
        for k, tag in zip(ks, tags):
            seen.setdefault(k, Counter())[tag[2:] or "O"] += 1
    out = []
    for ks, tags in zip(keys, first):
        major = []
        for k, tag in zip(ks, tags):
            kinds = seen[k]
            total = kinds.total() - 1                  # this occurrence tells nothing new
            if len(k) < 3 or not total:
                major.append(())
                continue
            names = [(n - (kind == (tag[2:] or "O")), kind) for kind, n in kinds.items() if kind != "O"]
            named = sum(n for n, _ in names)
            if not named:
                major.append(("dm=O",))
            else:
                best = max(names)[1] if len(names) > 1 else names[0][1]
                major.append((f"dm={best}", f"dfrac={'all' if named == total else 'some'}"))
        rows = []
        for i, tag in enumerate(tags):
            f = [*major[i], f"p1={tag}"]
            for d in (-1, 1):
                if 0 <= i + d < len(tags):
                    f += [f"{d}:{x}" for x in major[i + d] if x.startswith("dm=")]
            rows.append(f)
        out.append(rows)
    return out

