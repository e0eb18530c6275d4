"""Named-entity tagging: token features, the two taggers behind one `tag_many`, rule fills (in
`rule_fills`), label consistency, CoNLL I/O.

Features: the normalised word and its clitic-stripped stems (و/ف, ب/ل/ك, ال), affixes of the stem,
shape, membership in the shipped lexicons (GeoNames places, CLDR countries, arabnamer person names,
titles, organisation head nouns; multi-word names matched as spans). Two shipped models use them:

- `crf` (marsad/data/ner.crfsuite): a linear-chain CRF (python-crfsuite) over these features and a
  ±2 window. The article pipeline's tagger: on conflict reports it finds more of the key entities
  (seed key-entity recall 0.724 vs 0.671: it reads "الجيش الوطني الليبي" as an organisation, the
  neural model does not) and keeps the pipeline above 100 articles/s (the ensemble would not).
- `neural` (marsad/data/ner-neural.npz, `tagger_nn`): two character-CNN + BiLSTM + CRF taggers
  trained from different seeds, weights averaged over late epochs, scores averaged. `marsad ner`'s
  default: ANERcorp test F1 0.738 vs the CRF's 0.706 (both with label consistency).

`--model`/$MARSAD_NER_MODEL take `crf`, `neural` or a model path, for either use.
Tags are BIO over PER, ORG, LOC, MISC (ANERcorp spells PERS; we read both).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from marsad.ner.features import document_features, fresh, sentence_features
from marsad.ner.rule_fills import gazetteer_fill, title_fill

MODEL_NAME = "ner.crfsuite"
SHIPPED = {"crf": MODEL_NAME, "neural": "ner-neural.npz"}     # names users can pass instead of a path
CONLL_MODEL = "neural"          # `marsad ner`'s default; the article pipeline's is the CRF

@lru_cache(maxsize=4)
def crf_models(path: str) -> tuple:
    """(the CRF at `path`, its document-level second pass or None): whether a second pass lies
    beside the model (`second_pass_path`) is decided once, when the model is loaded. A trainer that
    rewrites model files calls `crf_models.cache_clear()` before tagging with them."""
    import pycrfsuite

    def opened(file: str):
        tagger = pycrfsuite.Tagger()
        tagger.open(file)
        return tagger

    second = second_pass_path(path)
    return opened(path), opened(second) if os.path.exists(second) else None


def _model_path(model: str | None, default: str = "crf") -> str:
    """The model asked for (a path, or `crf`/`neural` for the shipped ones), else $MARSAD_NER_MODEL,
    else `default`."""
    return _resolved(model or os.environ.get("MARSAD_NER_MODEL") or default)


@lru_cache(maxsize=8)               # asked once per batch; resolving a package resource is not free
def _resolved(chosen: str) -> str:
    shipped = SHIPPED.get(chosen)
    return str(resources.files("marsad.data").joinpath(shipped)) if shipped else chosen


def tag_many(sentences: list[list[str]], model: str | None = None, rules: bool = False,
             documents: list[int] | None = None) -> list[list[str]]:
    """BIO tags (B-PER, I-LOC, O, …) for tokenised sentences, batched (the neural tagger runs a
    whole article in one pass). `documents`: how many consecutive sentences each document has
    (the CRF's second pass reads a name's other occurrences within its document); default one.

    `rules=True` adds `gazetteer_fill` and `title_fill`: they raise recall on conflict reports
    (seed key-entity recall) but cost precision on ANERcorp's general news, so `marsad ner`
    leaves them off.
    """
    chosen = _model_path(model)
    if chosen.endswith(".npz"):                 # a neural model (`marsad train-ner --engine neural`)
        from marsad.ner.neural import load

        tagged = load(chosen).tag_many(sentences)
    else:
        fresh()
        feats = [sentence_features(t) if t else [] for t in sentences]
        first, second = crf_models(chosen)
        tagged = [list(first.tag(f)) if f else [] for f in feats]
        if second is not None:
            tagged = _second_pass(sentences, feats, tagged, second, documents or [len(sentences)])
    if rules:
        tagged = [title_fill(t, gazetteer_fill(t, tags)) for t, tags in zip(sentences, tagged)]
    return tagged


def second_pass_path(model: str) -> str:
    """The document-level second-pass CRF that goes with a first-pass model file (X.crfsuite →
    X-doc.crfsuite, trained by `train_crf.train_two_pass`); a model without one runs alone."""
    return model.removesuffix(".crfsuite") + "-doc.crfsuite"


def _second_pass(sentences: list[list[str]], feats: list[list[list[str]]], first: list[list[str]], tagger,
                 documents: list[int]) -> list[list[str]]:
    """Retag each document with its sentence features plus what the first pass said about the
    same words elsewhere in it (`document_features`)."""
    out, start = [], 0
    for size in documents:
        part = slice(start, start + size)
        extra = document_features(sentences[part], first[part])
        out += [list(tagger.tag([a + b for a, b in zip(f, e)])) if f else []
                for f, e in zip(feats[part], extra)]
        start += size
    return out


def tag(tokens: list[str], model: str | None = None, rules: bool = False) -> list[str]:
    """BIO tags for one tokenised sentence (see `tag_many`)."""
    return tag_many([tokens], model, rules)[0] if tokens else []


def consistent_labels(sentences: list[list[str]], tagged: list[list[str]], min_chars: int = 4) -> list[list[str]]:
    """Label consistency across one document's sentences: a name the tagger found somewhere, always
    with the same type, is marked wherever else it stands untagged.

    Why: a tagger decides each occurrence from its own context and misses the ones in weak context
    ("وقال كوفي عنان" tagged, "عنان" after a comma not); news repeats its names. Krishnan & Manning
    (2006) exploit the same non-local regularity. Names shorter than `min_chars` letters and names
    tagged with two types stay as they are; measured on the ANERcorp dev split: +0.014 F1 for the
    neural tagger, +0.007 for the CRF (64-sentence windows).
    """
    kinds: dict[tuple[str, ...], set[str]] = {}
    for tokens, tags in zip(sentences, tagged):
        for start, end, kind in entity_spans(tags):
            kinds.setdefault(tuple(tokens[start:end]), set()).add(kind)
    names = {n: next(iter(k)) for n, k in kinds.items() if len(k) == 1 and sum(map(len, n)) >= min_chars}
    longest = max(map(len, names), default=0)
    out = []
    for tokens, tags in zip(sentences, tagged):
        tags, i = list(tags), 0
        while i < len(tokens):
            n = next((n for n in range(min(longest, len(tokens) - i), 0, -1)
                      if tuple(tokens[i:i + n]) in names and all(t == "O" for t in tags[i:i + n])
                      and not (i + n < len(tags) and tags[i + n].startswith("I-"))), 0)
            if n:
                kind = names[tuple(tokens[i:i + n])]
                tags[i:i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
            i += n or 1
        out.append(tags)
    return out


def entity_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) of each BIO entity; a stray I- opens one, as scorers read it."""
    spans, start, kind = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        prefix, _, k = t.partition("-")
        if start is not None and not (prefix == "I" and k == kind):
            spans.add((start, i, kind))
            start = kind = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = i, k
    return spans


# --- CoNLL I/O -------------------------------------------------------------------------------
def read_conll(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Sentences as lists of column lists; blank lines separate sentences."""
    sent: list[list[str]] = []
    for line in lines:
        cols = line.split()
        if not cols:
            if sent:
                yield sent
            sent = []
        else:
            sent.append(cols)
    if sent:
        yield sent


def normalise_tag(tag: str) -> str:
    return tag.replace("PERS", "PER")


def tag_conll(lines: Iterable[str], model: str | None = None, batch: int = 64) -> Iterator[str]:
    """The input lines with the predicted tag appended as the last column (CONTRACT.md `marsad ner`).

    Unless told otherwise this uses the neural ensemble, the most accurate shipped model on
    sentence-by-sentence tagging (ANERcorp test 0.738 vs the CRF's 0.706); articles keep the CRF
    (see the module docstring).
    """
    model = _model_path(model, CONLL_MODEL)
    pending: list[list[list[str]]] = []
    for sent in read_conll(lines):
        pending.append(sent)
        if len(pending) == batch:
            yield from _tagged_lines(pending, model)
            pending = []
    yield from _tagged_lines(pending, model)


def _tagged_lines(sents: list[list[list[str]]], model: str) -> Iterator[str]:
    """One batch of consecutive sentences, tagged and made consistent (CoNLL files have no
    document marks; consecutive sentences mostly come from one article)."""
    words = [[cols[0] for cols in s] for s in sents]
    for sent, tags in zip(sents, consistent_labels(words, tag_many(words, model))):
        for cols, t in zip(sent, tags):
            yield " ".join([*cols, t])
        yield ""


