"""`marsad train-ner`: train the CRF tagger on ANERcorp-style CoNLL data, reproducibly.

Tuning happens on a dev part split off the end of the training file (ANERcorp's test split is for
the reported figure only). With `--dev 0` the final model is trained on all of the training file.
"""
from __future__ import annotations

import time
from pathlib import Path

from marsad.ner.features import fresh, sentence_features
from marsad.ner.tagging import entity_spans, normalise_tag, read_conll

WINDOW_SENTENCES = 64       # ANERcorp has no document marks: consecutive sentences stand for one
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
    fresh()
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
    """F1 of the model (with its second pass, if beside it) and label consistency, in 64-sentence
    documents as `marsad ner` tags a CoNLL file."""
    from marsad.ner.tagging import consistent_labels, crf_models, tag_many

    crf_models.cache_clear()                # the model (and its second pass) may have just been rewritten
    words = [tokens for tokens, _ in sents]
    t = time.perf_counter()
    pred = []
    for s in range(0, len(words), WINDOW_SENTENCES):        # as `marsad ner` reads a CoNLL file
        part = words[s:s + WINDOW_SENTENCES]
        pred += consistent_labels(part, tag_many(part, str(model)))
    seconds = time.perf_counter() - t
    tokens = sum(len(s[0]) for s in sents)
    return f1([tags for _, tags in sents], pred) | {"tokens_per_s": round(tokens / seconds)}



def train_two_pass(data: str | Path, out: str | Path, dev: float = 0.1, folds: int = 5, log=print) -> dict:
    """The first-pass CRF at `out` and the document-level second pass beside it (X-doc.crfsuite,
    `tagging.second_pass_path`). The second pass learns from first-pass tags that models trained
    on the other contiguous folds gave (tags of the sentences a model was trained on would be
    near perfect and teach it to copy them); ANERcorp is read in 64-sentence documents.

    Measured (session 6) and not shipped: held out (last tenth of train.txt) 0.709 -> 0.722 with
    label consistency; ANERcorp test 0.706 -> 0.722 (P 0.803, R 0.656), still under the neural
    ensemble's 0.738; in the pipeline +2.7 ms CPU an article (dev articles 55 -> 47-49 a second)
    and seed quotes 0.868 -> 0.842: a nisba inside an organisation's name (الجيش الليبي) lends
    its type to the bare adjective elsewhere. Counting types inside names apart (inORG) did not
    help on the held-out part (0.718).
    """
    import pycrfsuite

    from marsad.ner.features import document_features
    from marsad.ner.tagging import second_pass_path

    Path(second_pass_path(str(out))).unlink(missing_ok=True)      # not an older second pass
    result = train(data, out, dev, log=log)
    result.pop("dev", None)                                       # scored below, with both passes
    train_part, dev_part = split(load(data), dev)
    fresh()
    feats = [sentence_features(tokens) for tokens, _ in train_part]
    first: list = [None] * len(train_part)
    n = len(train_part)
    for k in range(folds):
        a, b = n * k // folds, n * (k + 1) // folds
        trainer = pycrfsuite.Trainer(verbose=False)
        for i in [*range(a), *range(b, n)]:
            trainer.append(feats[i], train_part[i][1])
        trainer.set_params(PARAMS)
        trainer.train(f"{out}.fold")
        tagger = pycrfsuite.Tagger()
        tagger.open(f"{out}.fold")
        first[a:b] = [tagger.tag(feats[i]) for i in range(a, b)]
        log(f"fold {k + 1}/{folds}")
    Path(f"{out}.fold").unlink()
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in range(0, n, WINDOW_SENTENCES):
        part = slice(s, s + WINDOW_SENTENCES)
        extra = document_features([t for t, _ in train_part[part]], first[part])
        for f, e, (_, tags) in zip(feats[part], extra, train_part[part]):
            trainer.append([a + b for a, b in zip(f, e)], tags)
    trainer.set_params(PARAMS)
    trainer.train(second_pass_path(str(out)))
    if dev_part:
        result["dev"] = evaluate(out, dev_part)
    return result
