"""Neural NER tagger, run with numpy alone: characters → CNN, word embedding, lexicon features →
BiLSTM → CRF (Viterbi).

Why: the CRF sees words and affixes but not the inside of an unseen, often transliterated name;
a character CNN does, and the BiLSTM carries context further than a ±2 window. The model is
trained with torch (`marsad train-ner --engine neural`, the `train` extra) and exported to an .npz of
plain arrays, so tagging needs no torch: numpy runs the same arithmetic.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from marsad.ner.features import fresh, local_features

MAX_CHARS = 20           # longer tokens (URLs, glued words) are cut: names are shorter
PAD, UNK = 0, 1
CHAR_CACHE = 20_000     # words whose character vectors are kept


class Vocab:
    """Index maps for words (clitic-stripped forms), characters and local feature strings."""

    def __init__(self, words: list[str], chars: list[str], feats: list[str], tags: list[str]):
        self.words, self.chars, self.feats, self.tags = words, chars, feats, tags
        self.word_ix = {w: i for i, w in enumerate(words)}
        self.char_ix = {c: i for i, c in enumerate(chars)}
        self.feat_ix = {f: i for i, f in enumerate(feats)}

    @classmethod
    def build(cls, sentences: list[tuple[list[str], list[str]]], min_count: int = 2) -> Vocab:
        from collections import Counter

        words, chars, feats, tags = Counter(), Counter(), Counter(), Counter()
        fresh()
        for tokens, sent_tags in sentences:
            norm, stems, local = local_features(tokens)
            words.update(s[-1] for s in stems)
            chars.update(ch for w in norm for ch in w[:MAX_CHARS])
            feats.update(f for fs in local for f in fs)
            tags.update(sent_tags)
        keep = lambda c: sorted(k for k, n in c.items() if n >= min_count)   # noqa: E731
        return cls(["<pad>", "<unk>", *keep(words)], ["<pad>", "<unk>", *keep(chars)],
                   ["<pad>", *keep(feats)], sorted(tags, key=lambda t: (t != "O", t[2:], t)))

    def ids(self, tokens: list[str]) -> tuple[list[str], np.ndarray, list[list[int]]]:
        """(normalised words, word ids [n], feature ids per token) for one sentence."""
        norm, stems, local = local_features(tokens)
        word_ids = np.array([self.word_ix.get(s[-1], UNK) for s in stems], dtype=np.int64)
        return norm, word_ids, [[self.feat_ix[f] for f in fs if f in self.feat_ix] for fs in local]

    def char_ids(self, words: list[str]) -> np.ndarray:
        out = np.zeros((len(words), MAX_CHARS), dtype=np.int64)
        for i, w in enumerate(words):
            row = [self.char_ix.get(ch, UNK) for ch in w[:MAX_CHARS]]
            out[i, :len(row)] = row
        return out

    def encode(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
        """(word ids [n], char ids [n, MAX_CHARS], feature ids per token): the training inputs."""
        norm, word_ids, feat_ids = self.ids(tokens)
        return word_ids, self.char_ids(norm), feat_ids

    def arrays(self) -> dict[str, np.ndarray]:
        return {f"vocab_{k}": np.array(getattr(self, k)) for k in ("words", "chars", "feats", "tags")}

    @classmethod
    def from_arrays(cls, z) -> Vocab:
        return cls(*(z[f"vocab_{k}"].tolist() for k in ("words", "chars", "feats", "tags")))


def _bilstm(xs: list[np.ndarray], lengths: np.ndarray, ws: list[dict]) -> list[np.ndarray]:
    """Both LSTM directions of every ensemble member over right-padded batches xs[m] [B, T, D]
    → one [B, T, 2H] per member.

    All directions of all members run side by side as one stacked batch [2M, B, …] (one matrix
    product and a few element-wise operations per step, where Python's per-call overhead
    dominates), with each backward sequence reversed within its own length. Gates are torch's
    i, f, g, o. The weights come pre-scaled (`_lstm_weights`) so that one exp gives every gate:
    σ(a) = 1/(1+e^−a) and tanh(a) = 2σ(2a) − 1; exp costs half of numpy's tanh.
    """
    batch, steps, _ = xs[0].shape
    hidden = ws[0]["lstm_w_hh"].shape[1]
    pre, w_hh = [], []
    for x, w in zip(xs, ws):
        w_ih, b, hh = _lstm_weights(w)
        pre += [x @ w_ih[0] + b[0], _reverse_within(x, lengths) @ w_ih[1] + b[1]]
        w_hh.append(hh)
    pre, w_hh = np.stack(pre), np.concatenate(w_hh)                 # [2M, B, T, 4H], [2M, H, 4H]
    h = np.zeros((len(pre), batch, hidden), dtype=np.float32)
    c = np.zeros_like(h)
    out = np.zeros((len(pre), batch, steps, hidden), dtype=np.float32)
    with np.errstate(over="ignore"):               # exp → inf gives σ = 0, the right limit
        for t in range(steps):
            gate = pre[:, :, t] + h @ w_hh             # = −a (−2a for the g block)
            np.exp(gate, out=gate)
            gate += 1.0
            np.reciprocal(gate, out=gate)          # σ of every gate
            c = gate[..., hidden:2 * hidden] * c + gate[..., :hidden] * (2.0 * gate[..., 2 * hidden:3 * hidden] - 1.0)
            h = gate[..., 3 * hidden:] * (2.0 / (1.0 + np.exp(-2.0 * c)) - 1.0)
            out[:, :, t] = h
    out *= (np.arange(steps)[None, :] < lengths[:, None])[None, ..., None]
    return [np.concatenate([out[m], _reverse_within(out[m + 1], lengths)], axis=2) for m in range(0, len(out), 2)]


def _lstm_weights(w: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(input weights [2, D, 4H], bias [2, 4H], recurrent weights [2, H, 4H]) for both directions,
    multiplied by −1 (−2 on the g block) so one exp serves every gate in `_bilstm`."""
    if "_lstm" not in w:
        hidden = w["lstm_w_hh"].shape[1]
        scale = -np.ones(4 * hidden, dtype=np.float32)
        scale[2 * hidden:3 * hidden] = -2.0
        w["_lstm"] = (np.stack([w["lstm_w_ih"].T, w["lstm_w_ih_r"].T]) * scale,
                      np.stack([w["lstm_b"], w["lstm_b_r"]]) * scale,
                      np.stack([w["lstm_w_hh"].T, w["lstm_w_hh_r"].T]) * scale)
    return w["_lstm"]


def _conv(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, dilation: int) -> np.ndarray:
    """Same-length 1-D convolution along axis -2 of x [..., N, D] with a torch Conv1d weight [F, D, k],
    as one matrix product (used for the characters of words and for the tokens of sentences)."""
    k, n = weight.shape[2], x.shape[-2]
    pad = dilation * (k // 2)
    padded = np.pad(x, [(0, 0)] * (x.ndim - 2) + [(pad, pad), (0, 0)])
    cols = np.concatenate([padded[..., j * dilation:j * dilation + n, :] for j in range(k)], axis=-1)  # [..., N, k*D]
    return cols @ weight.transpose(0, 2, 1).reshape(len(weight), -1).T + bias


def _pad(rows: list[np.ndarray], lengths: np.ndarray) -> np.ndarray:
    """Sequences [n_i, D] stacked right-padded into [B, max n, D]."""
    out = np.zeros((len(rows), lengths.max(), rows[0].shape[1]), dtype=np.float32)
    for b, r in enumerate(rows):
        out[b, :len(r)] = r
    return out


def _reverse_within(x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each sequence's real steps reversed, padding left at the end (for the backward LSTM)."""
    idx = np.arange(x.shape[1])[None, :]
    rev = np.where(idx < lengths[:, None], lengths[:, None] - 1 - idx, idx)
    return np.take_along_axis(x, rev[..., None], axis=1)


def viterbi(emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    return viterbi_batch(emissions[None], np.array([len(emissions)]), trans, start, end)[0]


def viterbi_batch(emissions: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray,
                  end: np.ndarray) -> list[list[int]]:
    """Best tag paths for right-padded emissions [B, T, K]: one array step per position for the
    whole batch (a sentence past its end keeps its scores and points back to itself)."""
    batch, steps, n_tags = emissions.shape
    score = start + emissions[:, 0]
    back = np.zeros((batch, steps, n_tags), dtype=np.int64)
    stay = np.arange(n_tags)
    for t in range(1, steps):
        total = score[:, :, None] + trans                       # [B, from, to]
        best = total.argmax(axis=1)
        live = (t < lengths)[:, None]
        back[:, t] = np.where(live, best, stay)
        score = np.where(live, total.max(axis=1) + emissions[:, t], score)
    paths = []
    for b, n in enumerate(lengths):
        path = [int((score[b] + end).argmax())]
        for t in range(n - 1, 0, -1):
            path.append(int(back[b, t, path[-1]]))
        paths.append(path[::-1])
    return paths


class NeuralTagger:
    """One model, or an ensemble of models trained from different seeds on the same vocabulary
    (arrays prefixed m0., m1., …): members' tag scores and CRF parameters are averaged."""

    def __init__(self, path: str):
        with np.load(path, allow_pickle=False) as z:
            self.vocab = Vocab.from_arrays(z)
            arrays = {k: z[k].astype(np.float32) for k in z.files if not k.startswith("vocab_")}
        prefixes = sorted({k.split(".", 1)[0] for k in arrays if "." in k}) or [""]
        self.members = [{k[len(p) + 1:] if p else k: v for k, v in arrays.items() if not p or k.startswith(p + ".")}
                        for p in prefixes]
        for w in self.members:
            w["feat_emb"][0] = 0.0          # the padding feature: torch's EmbeddingBag leaves it out
        self.crf = {k: sum(w[k] for w in self.members) / len(self.members) for k in ("trans", "start", "end")}
        self._chars: list[dict[str, np.ndarray]] = [{} for _ in self.members]

    def _char_vectors(self, m: int, words: list[str]) -> np.ndarray:
        """Member m's character-CNN vectors, each word computed once and kept (news repeats its words)."""
        cache, w = self._chars[m], self.members[m]
        missing = list(dict.fromkeys(x for x in words if x not in cache))
        if len(cache) + len(missing) > CHAR_CACHE:
            cache.clear()                         # bounded memory: start over rather than grow,
            missing = list(dict.fromkeys(words))  # and recompute this batch's cached words too
        if missing:
            ids = self.vocab.char_ids(missing)
            conv = np.maximum(_conv(w["char_emb"][ids], w["conv_w"], w["conv_b"], 1), 0)
            conv *= (ids > 0)[..., None]                                  # padding never wins the max
            cache.update(zip(missing, conv.max(axis=1)))
        return np.stack([cache[x] for x in words])

    def _token_vectors(self, m: int, norm: list[str], word_ids: np.ndarray, padded_feats: np.ndarray) -> np.ndarray:
        w = self.members[m]
        feats = w["feat_emb"][padded_feats].sum(axis=1)       # row 0 is the padding: zeros
        return np.concatenate([w["word_emb"][word_ids], self._char_vectors(m, norm), feats], axis=1)

    def emissions(self, sentences: list[list[str]], chunk: int = 32) -> list[np.ndarray]:
        """Per-sentence tag scores [n_tokens, n_tags], computed in chunks of sentences of similar
        length (padding would otherwise cost LSTM steps)."""
        fresh()
        result = [np.zeros((0, len(self.vocab.tags)), dtype=np.float32) for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for k in range(0, len(order), chunk):
            part = order[k:k + chunk]
            for i, scores in zip(part, self._scores([sentences[i] for i in part])):
                result[i] = scores
        return result

    def _scores(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Tag scores of one chunk of sentences, averaged over the ensemble's members."""
        inputs = [self._inputs(s) for s in sentences]
        lengths = np.array([len(s) for s in sentences])
        lstm = [m for m, w in enumerate(self.members) if "cnn1_w" not in w]
        per_member = []
        if lstm:                               # every LSTM member in one stacked recurrence
            xs = [_pad([self._token_vectors(m, *x) for x in inputs], lengths) for m in lstm]
            for m, y in zip(lstm, _bilstm(xs, lengths, [self.members[m] for m in lstm])):
                scores = y @ self.members[m]["out_w"].T + self.members[m]["out_b"]
                per_member.append([scores[b, :n] for b, n in enumerate(lengths)])
        per_member += [self._cnn_scores(w, [self._token_vectors(m, *x) for x in inputs])
                       for m, w in enumerate(self.members) if m not in lstm]
        return [sum(parts) / len(parts) for parts in zip(*per_member)]

    def _inputs(self, tokens: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
        """(normalised words, word ids, feature ids padded with 0 to one width) of a sentence."""
        norm, word_ids, feat_ids = self.vocab.ids(tokens)
        padded = np.zeros((len(feat_ids), max(map(len, feat_ids), default=0) or 1), dtype=np.int64)
        for i, f in enumerate(feat_ids):
            padded[i, :len(f)] = f
        return norm, word_ids, padded

    @staticmethod
    def _cnn_scores(w: dict, vecs: list[np.ndarray]) -> list[np.ndarray]:
        """All sentences laid end to end with zero gaps as wide as the receptive field, so each
        convolution is one matrix product over the whole batch and no sentence sees another."""
        gap = w["cnn1_w"].shape[2] // 2 + int(w["cnn2_dilation"])
        starts, rows = [], [np.zeros((gap, vecs[0].shape[1]), dtype=np.float32)]
        for v in vecs:
            starts.append(sum(len(r) for r in rows))
            rows += [v, np.zeros((gap, v.shape[1]), dtype=np.float32)]
        x = np.concatenate(rows)
        keep = np.zeros((len(x), 1), dtype=np.float32)
        for s, v in zip(starts, vecs):
            keep[s:s + len(v)] = 1.0
        h1 = np.maximum(_conv(x, w["cnn1_w"], w["cnn1_b"], 1), 0) * keep
        h2 = np.maximum(_conv(h1, w["cnn2_w"], w["cnn2_b"], int(w["cnn2_dilation"])), 0) * keep
        scores = np.concatenate([h1, h2], axis=1) @ w["out_w"].T + w["out_b"]
        return [scores[s:s + len(v)] for s, v in zip(starts, vecs)]

    def decode(self, scores: np.ndarray) -> list[str]:
        return self.decode_many([scores])[0]

    def decode_many(self, scores: list[np.ndarray]) -> list[list[str]]:
        lengths = np.array([len(e) for e in scores])
        if not lengths.any():
            return [[] for _ in scores]
        w, tags = self.crf, self.vocab.tags
        paths = viterbi_batch(_pad(scores, lengths), np.maximum(lengths, 1), w["trans"], w["start"], w["end"])
        return [[tags[k] for k in path][:n] for path, n in zip(paths, lengths)]

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags for a batch of tokenised sentences."""
        return self.decode_many(self.emissions(sentences))


@lru_cache(maxsize=4)
def load(path: str) -> NeuralTagger:
    return NeuralTagger(path)


def merge(paths: list[str], out: str) -> None:
    """Write the models at `paths` (trained on the same data, so with one vocabulary) as one ensemble."""
    arrays, vocab = {}, None
    for m, path in enumerate(paths):
        with np.load(path, allow_pickle=False) as z:
            mine = {k: z[k] for k in z.files if k.startswith("vocab_")}
            if vocab is not None and any(not np.array_equal(vocab[k], mine[k]) for k in mine):
                raise ValueError(f"{path}: a different vocabulary; ensemble members must share one")
            vocab = mine
            arrays.update({f"m{m}.{k}": z[k] for k in z.files if not k.startswith("vocab_")})
    np.savez_compressed(out, **arrays, **vocab)
