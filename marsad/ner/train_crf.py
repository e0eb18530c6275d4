"""`marsad train-ner`: train the CRF tagger on ANERcorp-style CoNLL data, reproducibly.

Tuning happens on a dev part split off the end of the training file (ANERcorp's test split is for
the reported figure only). With `--dev 0` the final model is trained on all of the training file.
"""
from __future__ import annotations

import time
from pathlib import Path

from marsad.ner.features import sentence_features
from marsad.ner.tagging import entity_spans, normalise_tag, read_conll

PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 200, "feature.possible_transitions": True}


def load(path: str | Path) -> list[tuple[list[str], list[str]]]:
    with open(path, encoding="utf-8") as f:
        return [([c[0] for c in s], [normalise_tag(c[-1]) for c in s]) for s in read_conll(f)]


def split(sents: list, dev: float) -> tuple[list, list]:
    """(train part, dev part): the last `dev` share of sentences held out; none when dev is 0."""
    cut = int(len(sents) * (1 - dev)) if dev > 0 else len(sents)
    return sents[:cut], sents[cut:]


def f1(gold: list[list[str]], pred: list[list[str]]) -> dict:
    tp = fp = fn = 0
    for g, p in zip(gold, pred):
        gs, ps = entity_spans(g), entity_spans(p)
        tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(prec, 4), "r": round(rec, 4), "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0}


def train(data: str | Path, out: str | Path, dev: float = 0.1, params: dict | None = None,
          log=print) -> dict:
    import pycrfsuite

    train_part, dev_part = split(load(data), dev)
    t = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in train_part:
        trainer.append(sentence_features(tokens), tags)
    trainer.set_params({**PARAMS, **(params or {})})
    log(f"features for {len(train_part)} sentences in {time.perf_counter() - t:.0f}s; training …")
    t = time.perf_counter()
    trainer.train(str(out))
    result = {"sentences": len(train_part), "train_seconds": round(time.perf_counter() - t, 1),
              "model_bytes": Path(out).stat().st_size}
    if dev_part:
        result["dev"] = evaluate(out, dev_part)
    return result


def evaluate(model: str | Path, sents) -> dict:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    t = time.perf_counter()
    pred = [tagger.tag(sentence_features(tokens)) for tokens, _ in sents]
    seconds = time.perf_counter() - t
    tokens = sum(len(s[0]) for s in sents)
    return f1([tags for _, tags in sents], pred) | {"tokens_per_s": round(tokens / seconds)}

