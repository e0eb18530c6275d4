"""The neural tagger: numpy inference computes what torch trained, batching changes nothing, and
`marsad train-ner` produces a working model. Sentences are written for these tests."""
from __future__ import annotations

import json
import random
from importlib import resources

import numpy as np
import pytest

from marsad.ner.neural import NeuralTagger, Vocab, _reverse_within, viterbi
from marsad.ner.tagging import tag, tag_many

SENTENCES = [
    ("أعلن B-PER المتحدث O باسم O الجيش B-ORG السوداني I-ORG أن O القوات O دخلت O مدينة O الفاشر B-LOC").split(),
    "وقال O محمد B-PER العلي I-PER إن O الاشتباكات O توقفت O في O حلب B-LOC".split(),
    "زار O وفد O من O الأمم B-ORG المتحدة I-ORG مخيمات O النازحين O قرب O مأرب B-LOC".split(),
]


def _pairs():
    # rows of "word TAG" written inline; the first token's tag above is deliberately odd (B-PER on a verb)
    return [(s[0::2], s[1::2]) for s in SENTENCES]


def _train_file(tmp_path):
    data = tmp_path / "train.txt"
    data.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in zip(*p)) for p in _pairs() * 8), "utf-8")
    return data


def test_reverse_within_keeps_padding_in_place():
    x = np.arange(8, dtype=np.float32).reshape(2, 4, 1)
    out = _reverse_within(x, np.array([3, 4]))[..., 0]
    assert out.tolist() == [[2, 1, 0, 3], [7, 6, 5, 4]]


def test_viterbi_follows_transitions():
    em = np.array([[2.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    trans = np.array([[0.0, -5.0], [0.0, 0.0]])          # 0 → 1 forbidden in effect
    assert viterbi(em, trans, np.zeros(2), np.zeros(2)) == [0, 0, 0]
    assert viterbi(em, np.zeros((2, 2)), np.zeros(2), np.zeros(2)) == [0, 1, 1]


@pytest.mark.parametrize("encoder", ["lstm", "cnn"])
def test_numpy_inference_matches_torch(tmp_path, encoder):
    torch = pytest.importorskip("torch")
    from marsad.ner.train_neural import HYPER, _batch, _net, export

    vocab = Vocab.build(_pairs(), min_count=1)
    net = _net(vocab, HYPER | {"encoder": encoder}).eval()
    torch.manual_seed(0)
    for p in net.parameters():
        torch.nn.init.normal_(p, std=0.3)
    export(net, vocab, tmp_path / "m.npz")
    ix = {t: i for i, t in enumerate(vocab.tags)}
    items = [(*vocab.encode(t), [ix[x] for x in g]) for t, g in _pairs()]
    words, chars, feats, _, _, lengths = _batch(vocab, items, 0.0, random.Random(0))
    with torch.no_grad():
        expected = net.emissions(words, chars, feats, lengths).numpy()
    got = NeuralTagger(str(tmp_path / "m.npz")).emissions([t for t, _ in _pairs()])
    for b, e in enumerate(got):
        # the file holds float16 weights: agreement to float16 precision, not bit for bit
        assert np.abs(e - expected[b, :len(e)]).max() < 0.05 * max(1.0, np.abs(e).max())


def _random_model(path, seed: int, encoder: str = "lstm", pairs=None) -> None:
    torch = pytest.importorskip("torch")
    from marsad.ner.train_neural import HYPER, _net, export

    vocab = Vocab.build(pairs or _pairs(), min_count=1)
    net = _net(vocab, HYPER | {"encoder": encoder}).eval()
    torch.manual_seed(seed)
    for p in net.parameters():
        torch.nn.init.normal_(p, std=0.3)
    export(net, vocab, path)


def test_an_ensemble_averages_its_members(tmp_path):
    from marsad.ner.neural import merge

    for i, encoder in enumerate(("lstm", "lstm", "cnn")):
        _random_model(tmp_path / f"m{i}.npz", seed=i, encoder=encoder)
    merge([str(tmp_path / f"m{i}.npz") for i in range(3)], str(tmp_path / "ens.npz"))
    sents = [t for t, _ in _pairs()]
    members = [NeuralTagger(str(tmp_path / f"m{i}.npz")) for i in range(3)]
    ensemble = NeuralTagger(str(tmp_path / "ens.npz"))
    assert len(ensemble.members) == 3
    for b, got in enumerate(ensemble.emissions(sents)):
        mean = sum(m.emissions(sents)[b] for m in members) / 3
        assert np.allclose(got, mean, atol=1e-5)
    assert np.allclose(ensemble.crf["trans"], sum(m.crf["trans"] for m in members) / 3)
    _random_model(tmp_path / "other.npz", seed=5, pairs=_pairs()[:1])
    with pytest.raises(ValueError, match="vocabulary"):
        merge([str(tmp_path / "m0.npz"), str(tmp_path / "other.npz")], str(tmp_path / "bad.npz"))


def test_training_writes_a_model_that_tags(tmp_path):
    pytest.importorskip("torch")
    from marsad.ner.train_neural import train

    data = _train_file(tmp_path)
    result = train(data, tmp_path / "m.npz", dev=0.25, hyper={"epochs": 2, "batch": 4}, log=lambda _: None)
    assert len(result["epochs"]) == 2 and (tmp_path / "m.npz").exists()
    tags = tag(_pairs()[1][0], model=str(tmp_path / "m.npz"))
    assert len(tags) == len(_pairs()[1][0])


def test_weight_averaging_ships_the_mean_of_late_epochs(tmp_path):
    pytest.importorskip("torch")
    from marsad.ner.train_neural import train

    data = _train_file(tmp_path)
    runs = {}
    for name, start in (("last", 0), ("only_last", 3), ("mean", 2)):
        train(data, tmp_path / f"{name}.npz", dev=0.0, hyper={"epochs": 3, "batch": 4, "average_from": start},
              log=lambda _: None)
        with np.load(tmp_path / f"{name}.npz") as z:
            runs[name] = z["out_w"].copy()
    assert np.array_equal(runs["last"], runs["only_last"])      # a mean of one epoch is that epoch
    assert not np.array_equal(runs["last"], runs["mean"])       # epochs 2 and 3 averaged


def test_batched_and_single_sentence_tagging_agree():
    sents = [t for t, _ in _pairs()] + [[], "اندلعت معارك عنيفة في ريف إدلب الجنوبي".split()]
    batched = tag_many(sents)
    assert batched == [tag(s) for s in sents] and batched[3] == []


def test_a_batch_larger_than_the_character_cache_is_tagged(monkeypatch):
    """When the bounded cache of character vectors fills up mid-batch, the batch's words that were
    cached before are computed again (they used to be lost with the cache: a KeyError)."""
    import marsad.ner.neural as nn

    monkeypatch.setattr(nn, "CHAR_CACHE", 6)
    tagger = nn.NeuralTagger(str(resources.files("marsad.data") / "ner-neural.npz"))
    first = "قصفت الطائرات مواقع".split()
    second = "قصفت الطائرات مواقع المسلحين قرب مدينة سرت".split()
    tagger.tag_many([first])
    assert len(tagger.tag_many([second])[0]) == len(second)


def test_shipped_crf_finds_people_places_and_organisations():
    tokens = "وقال العقيد سالم الورفلي إن قوات الدعم السريع انسحبت من مدينة الأبيض".split()
    tags = tag(tokens)
    assert tags[2:4] == ["B-PER", "I-PER"]
    assert tags[-1] == "B-LOC"      # (قوات الدعم السريع is missed as ORG: ORG recall is the CRF's weak spot)


def test_cli_trains_an_ensemble_that_marsad_ner_runs(tmp_path):
    pytest.importorskip("torch")
    from typer.testing import CliRunner

    from marsad.cli import app

    data = _train_file(tmp_path)
    model = tmp_path / "ens.npz"
    runner = CliRunner()
    trained = runner.invoke(app, ["train-ner", str(data), "--engine", "neural", "--out", str(model), "--members", "2",
                                  "--epochs", "2", "--average-from", "1", "--hidden", "16", "--dev", "0.25"])
    assert trained.exit_code == 0, trained.output
    result = json.loads(trained.stdout)
    assert len(result["members"]) == 2 and "dev_f1" in result
    assert len(NeuralTagger(str(model)).members) == 2 and not list(tmp_path.glob("ens.npz.seed*"))
    conll = tmp_path / "in.conll"
    conll.write_text("\n".join(f"{w} O" for w in _pairs()[1][0]) + "\n", "utf-8")
    tagged = runner.invoke(app, ["ner", "--conll", str(conll), "--model", str(model)])
    assert tagged.exit_code == 0 and len(tagged.stdout.split("\n")[0].split()) == 3
