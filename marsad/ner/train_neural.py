"""`marsad train-ner --engine neural`: train the character-CNN + BiLSTM + CRF tagger with torch on CPU
and export it to the .npz that `tagger_nn` runs with numpy alone.

Reproducible: fixed seeds, one thread order. Two ways to pick the weights that ship: the epoch with
the best F1 on the dev part split off the end of the training file, or (`average_from` = k > 0) the
equal-weight average of the weights after every epoch from k on (stochastic weight averaging: at a
constant learning rate the late epochs wander around a wide optimum; their mean sits nearer its
centre and needs no dev split to choose an epoch). ANERcorp's test split is never looked at here.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

import numpy as np

from marsad.ner.neural import MAX_CHARS, UNK, Vocab
from marsad.ner.train_crf import f1, load, split

HYPER = {"word_dim": 100, "char_dim": 32, "filters": 64, "width": 3, "feat_dim": 32, "hidden": 128,
         "dropout": 0.5, "word_dropout": 0.1, "lr": 2e-3, "batch": 16, "epochs": 45, "clip": 5.0,
         "encoder": "lstm", "cnn_width": 5, "cnn_dim": 256, "average_from": 0}


def _net(vocab: Vocab, h: dict):
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            n_tags = len(vocab.tags)
            self.word_emb = nn.Embedding(len(vocab.words), h["word_dim"], padding_idx=0)
            self.char_emb = nn.Embedding(len(vocab.chars), h["char_dim"], padding_idx=0)
            self.conv = nn.Conv1d(h["char_dim"], h["filters"], h["width"], padding=h["width"] // 2)
            self.feat_emb = nn.EmbeddingBag(len(vocab.feats), h["feat_dim"], mode="sum", padding_idx=0)
            self.drop = nn.Dropout(h["dropout"])
            dim_in = h["word_dim"] + h["filters"] + h["feat_dim"]
            if h["encoder"] == "lstm":
                self.lstm = nn.LSTM(dim_in, h["hidden"], batch_first=True, bidirectional=True)
                dim_out = 2 * h["hidden"]
            else:               # two convolutions, the second dilated: ±(width // 2 + 2) tokens of context
                self.conv1 = nn.Conv1d(dim_in, h["cnn_dim"], h["cnn_width"], padding=h["cnn_width"] // 2)
                self.conv2 = nn.Conv1d(h["cnn_dim"], h["cnn_dim"], 3, padding=2, dilation=2)
                dim_out = 2 * h["cnn_dim"]
            self.out = nn.Linear(dim_out, n_tags)
            self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))
            self.start = nn.Parameter(torch.zeros(n_tags))
            self.end = nn.Parameter(torch.zeros(n_tags))

        def emissions(self, words, chars, feats, lengths):
            batch, steps = words.shape
            c = self.char_emb(chars.view(-1, MAX_CHARS)).transpose(1, 2)          # [B*T, dc, C]
            c = torch.relu(self.conv(c)) * (chars.view(-1, MAX_CHARS) > 0).unsqueeze(1)
            c = c.max(dim=2).values.view(batch, steps, -1)
            f = self.feat_emb(feats.view(batch * steps, -1)).view(batch, steps, -1)
            x = self.drop(torch.cat([self.word_emb(words), c, f], dim=2))
            if h["encoder"] == "cnn":
                mask = (words > 0).unsqueeze(2).float()          # padding stays zero between layers
                h1 = torch.relu(self.conv1((x * mask).transpose(1, 2))).transpose(1, 2) * mask
                h2 = torch.relu(self.conv2(self.drop(h1).transpose(1, 2))).transpose(1, 2) * mask
                return self.out(self.drop(torch.cat([h1, h2], dim=2)))
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            y, _ = self.lstm(packed)
            y, _ = nn.utils.rnn.pad_packed_sequence(y, batch_first=True, total_length=steps)
            return self.out(self.drop(y))

        def nll(self, em, tags, mask):
            """Negative log-likelihood of the gold paths under the linear-chain CRF."""
            batch = torch.arange(em.shape[0])
            gold = self.start[tags[:, 0]] + em[batch, 0, tags[:, 0]]
            alpha = self.start + em[:, 0]
            for t in range(1, em.shape[1]):
                m = mask[:, t]
                step = self.trans[tags[:, t - 1], tags[:, t]] + em[batch, t, tags[:, t]]
                gold = gold + step * m
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans + em[:, t].unsqueeze(1), dim=1)
                alpha = torch.where(m.unsqueeze(1) > 0, nxt, alpha)
            last = tags[batch, mask.sum(1).long() - 1]
            gold = gold + self.end[last]
            return (torch.logsumexp(alpha + self.end, dim=1) - gold).sum()

    return Net()


def _batch(vocab: Vocab, items, word_dropout: float, rng: random.Random):
    import torch

    lengths = [len(it[0]) for it in items]
    steps, feats_max = max(lengths), max(max((len(f) for f in it[2]), default=1) for it in items) or 1
    words = torch.zeros(len(items), steps, dtype=torch.long)
    chars = torch.zeros(len(items), steps, MAX_CHARS, dtype=torch.long)
    feats = torch.zeros(len(items), steps, feats_max, dtype=torch.long)
    tags = torch.zeros(len(items), steps, dtype=torch.long)
    for b, (w, c, f, t) in enumerate(items):
        w = np.where([rng.random() < word_dropout for _ in w], UNK, w) if word_dropout else w
        words[b, :len(w)] = torch.as_tensor(w)
        chars[b, :len(w)] = torch.as_tensor(c)
        for i, ids in enumerate(f):
            feats[b, i, :len(ids)] = torch.as_tensor(ids, dtype=torch.long)
        tags[b, :len(t)] = torch.as_tensor(t)
    mask = (torch.arange(steps)[None, :] < torch.as_tensor(lengths)[:, None]).float()
    return words, chars, feats, tags, mask, torch.as_tensor(lengths)


def export(net, vocab: Vocab, out: str | Path) -> None:
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    names = {"word_emb": "word_emb.weight", "char_emb": "char_emb.weight", "conv_w": "conv.weight",
             "conv_b": "conv.bias", "feat_emb": "feat_emb.weight", "out_w": "out.weight", "out_b": "out.bias",
             "trans": "trans", "start": "start", "end": "end", "cnn1_w": "conv1.weight", "cnn1_b": "conv1.bias",
             "cnn2_w": "conv2.weight", "cnn2_b": "conv2.bias", "lstm_w_ih": "lstm.weight_ih_l0",
             "lstm_w_hh": "lstm.weight_hh_l0", "lstm_w_ih_r": "lstm.weight_ih_l0_reverse",
             "lstm_w_hh_r": "lstm.weight_hh_l0_reverse"}
    arrays = {k: sd[v] for k, v in names.items() if v in sd}
    if "lstm.bias_ih_l0" in sd:
        arrays["lstm_b"] = sd["lstm.bias_ih_l0"] + sd["lstm.bias_hh_l0"]
        arrays["lstm_b_r"] = sd["lstm.bias_ih_l0_reverse"] + sd["lstm.bias_hh_l0_reverse"]
    if "conv2.weight" in sd:
        arrays["cnn2_dilation"] = np.array(net.conv2.dilation[0])
    # float16 halves the file; tagging upcasts to float32, and F1 does not move
    np.savez_compressed(out, **{k: v.astype(np.float16) for k, v in arrays.items()}, **vocab.arrays())


def train(data: str | Path, out: str | Path, dev: float = 0.1, hyper: dict | None = None, seed: int = 1,
          log=print) -> dict:
    import torch

    h = {**HYPER, **(hyper or {})}
    random.seed(seed), np.random.seed(seed), torch.manual_seed(seed)
    train_part, dev_part = split(load(data), dev)
    vocab = Vocab.build(train_part)
    tag_ix = {t: i for i, t in enumerate(vocab.tags)}
    items = [(*vocab.encode(tokens), [tag_ix[t] for t in tags]) for tokens, tags in train_part]
    net = _net(vocab, h)
    opt = torch.optim.Adam(net.parameters(), lr=h["lr"])
    rng = random.Random(seed)
    best, history, averaged, n_avg = -1.0, [], None, 0
    for epoch in range(h["epochs"]):
        t = time.perf_counter()
        net.train()
        # batches of similar length: little padding; order shuffled every epoch
        order = sorted(range(len(items)), key=lambda i: (len(items[i][0]), rng.random()))
        batches = [order[k:k + h["batch"]] for k in range(0, len(order), h["batch"])]
        rng.shuffle(batches)
        total = 0.0
        for idx in batches:
            words, chars, feats, tags, mask, lengths = _batch(vocab, [items[i] for i in idx], h["word_dropout"], rng)
            loss = net.nll(net.emissions(words, chars, feats, lengths), tags, mask)
            opt.zero_grad()
            (loss / len(idx)).backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), h["clip"])
            opt.step()
            total += float(loss.detach())
        row = {"epoch": epoch + 1, "loss": round(total / len(items), 3), "seconds": round(time.perf_counter() - t, 1)}
        if h["average_from"] and epoch + 1 >= h["average_from"]:
            n_avg += 1
            state = {k: v.detach().clone() for k, v in net.state_dict().items()}
            averaged = state if averaged is None else {k: averaged[k] + (state[k] - averaged[k]) / n_avg
                                                       for k in state}
        if dev_part:
            if averaged is not None:
                row["dev_averaged"] = _dev_f1(_with_state(net, averaged), vocab, out, dev_part)
            row["dev"] = _dev_f1(net, vocab, out, dev_part)
            if row["dev"]["f1"] > best and averaged is None:
                best = row["dev"]["f1"]
                Path(str(out) + ".best").write_bytes(Path(out).read_bytes())
        log(row)
        history.append(row)
    if averaged is not None:
        export(_with_state(net, averaged), vocab, out)
        best = history[-1].get("dev_averaged", {}).get("f1", best)
    elif dev_part:
        Path(out).write_bytes(Path(str(out) + ".best").read_bytes())
    else:
        export(net.eval(), vocab, out)
    Path(str(out) + ".best").unlink(missing_ok=True)
    return {"best_dev_f1": best, "epochs": history, "model_bytes": Path(out).stat().st_size, "hyper": h}


def _with_state(net, state: dict):
    """A copy of `net` holding `state` (the training net keeps its own weights)."""
    import copy

    twin = copy.deepcopy(net)
    twin.load_state_dict(state)
    return twin.eval()


def _dev_f1(net, vocab: Vocab, out: str | Path, dev_part) -> dict:
    """F1 on the dev part, tagged by the exported model (what ships is what is scored)."""
    export(net.eval(), vocab, out)
    return _file_f1(out, dev_part)


def _file_f1(path: str | Path, dev_part) -> dict:
    """F1 on the dev part of the model file at `path`."""
    from marsad.ner.neural import NeuralTagger

    pred = NeuralTagger(str(path)).tag_many([tokens for tokens, _ in dev_part])
    return f1([tags for _, tags in dev_part], pred)


def train_ensemble(data: str | Path, out: str | Path, dev: float = 0.1, hyper: dict | None = None,
                   seeds: tuple[int, ...] = (1, 2), log=print) -> dict:
    """One model per seed, merged into one ensemble file (members' scores averaged at tagging)."""
    from marsad.ner.neural import merge

    parts = [Path(f"{out}.seed{s}.npz") for s in seeds]
    members = [train(data, part, dev, hyper, seed, log) for part, seed in zip(parts, seeds)]
    merge([str(p) for p in parts], str(out))
    for part in parts:
        part.unlink()
    result = {"members": [{k: m[k] for k in ("best_dev_f1", "hyper")} for m in members],
              "model_bytes": Path(out).stat().st_size}
    _, dev_part = split(load(data), dev)
    if dev_part:
        result["dev_f1"] = _file_f1(out, dev_part)
    return result
